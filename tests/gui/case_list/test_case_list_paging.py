"""The case list model pages along the sort key: jumping to the end, paging back, forward
and to a row reached by the scrollbar shows every case exactly once, in the service's order;
the count shows "N+" with the first page and the exact count once it arrives."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from keidesk.gui.case_list.model import (
    PAGE_SIZE,
    PAGES_KEPT,
    CaseIdRole,
    CaseTableModel,
    columns,
)
from keidesk.gui.case_list.panel import CaseListPanel
from keidesk.services import cases
from keidesk.services.demo import build_demo

TOTAL = 3 * PAGE_SIZE + 17


@pytest.fixture
def many(db, today) -> None:
    with db.transaction("demo") as session:
        build_demo(session, cases=TOTAL, today=today)


def expected_ids(db, today, order_by: str, descending: bool) -> list[int]:
    with db.reader() as session:
        return [
            r.id
            for r in cases.list_cases(
                session, today=today, order_by=order_by, descending=descending
            )
        ]


def column_of(model: CaseTableModel, key: str) -> int:
    return next(i for i, c in enumerate(model.columns) if c.key == key)


def test_every_column_sorts_by_a_column_of_the_service():
    assert {c.sort_by for c in columns()} <= set(cases.SORT_COLUMNS)


@pytest.mark.parametrize(("key", "order_by"), [("customer", "customer"), ("days", "days_in_stage")])
def test_end_back_forward_and_middle_show_every_case_once(context, many, db, today, key, order_by):
    model = CaseTableModel(context)
    model.sort(column_of(model, key), Qt.SortOrder.DescendingOrder)
    expected = expected_ids(db, today, order_by, True)
    assert model.rowCount() == TOTAL and model.count_exact

    def ids(rows: range) -> list[int]:
        return [model.index(row, 0).data(CaseIdRole) for row in rows]

    # Jump to the end first (the reversed query), then page back to the top.
    assert ids(range(TOTAL - 1, -1, -1)) == expected[::-1]
    # A fresh model: forward from the top.
    model.refresh()
    assert ids(range(TOTAL)) == expected
    # A fresh model: a row in the middle first (the scrollbar), then around it.
    model.refresh()
    middle = PAGE_SIZE + PAGE_SIZE // 2
    assert ids(range(middle, middle + 3)) == expected[middle : middle + 3]
    assert ids(range(TOTAL)) == expected


def test_pages_dropped_are_read_again_next_to_their_neighbours(context, many, db, today):
    model = CaseTableModel(context)
    model.refresh()
    expected = expected_ids(db, today, "number", False)
    for _round in range(2):
        for row in range(0, TOTAL, 7):
            assert model.index(row, 0).data(CaseIdRole) == expected[row]
    assert len(model._pages) <= PAGES_KEPT


def test_the_count_shows_at_least_then_exactly(context, many, qtbot):
    panel = CaseListPanel(context)
    qtbot.addWidget(panel)
    shown: list[str] = []
    panel.model.count_at_once = 50
    panel.model.count_delay_ms = 0  # at once (the app waits for typing to pause)
    panel.model.modelReset.connect(lambda: shown.append(panel.count_label.text()))
    panel.model.count_changed.connect(lambda: shown.append(panel.count_label.text()))
    panel.apply_filter(cases.CaseFilter())
    # The first page with "at least" (never fewer than two pages' worth), then (the runner
    # here runs tasks at once) the exact count.
    assert shown == [f"{2 * PAGE_SIZE}+ cases", f"{TOTAL:,} cases"]
    assert panel.model.rowCount() == TOTAL and panel.model.count_exact
    assert panel.model.index(TOTAL - 1, 0).data() == f"KD-{TOTAL:06d}"
