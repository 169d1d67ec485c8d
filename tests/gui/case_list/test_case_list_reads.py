"""The case list reads off the GUI thread, on the runner's read lane, as in the app: a slow
database never freezes the window. Here the runner is the real threaded one."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from keidesk.gui.case_list.dashboard import DashboardPanel
from keidesk.gui.case_list.model import PAGE_SIZE, PLACEHOLDER, CaseIdRole, CaseTableModel
from keidesk.gui.case_list.panel import CaseListPanel
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.tasks import Progress
from keidesk.services.cases import CaseFilter
from keidesk.services.demo import build_demo


@pytest.fixture
def case_reads(threaded: AppContext) -> Iterator[list[tuple[str, threading.Thread]]]:
    """Every SELECT on the cases table, with the thread it ran on (SQLAlchemy's event)."""
    reads: list[tuple[str, threading.Thread]] = []

    def executing(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM cases" in statement:
            reads.append((statement, threading.current_thread()))

    event.listen(threaded.database.engine, "before_cursor_execute", executing)
    yield reads
    event.remove(threaded.database.engine, "before_cursor_execute", executing)


def counts(reads: list[tuple[str, threading.Thread]]) -> list[threading.Thread]:
    return [thread for statement, thread in reads if "count(" in statement.lower()]


def pages(reads: list[tuple[str, threading.Thread]]) -> list[threading.Thread]:
    return [
        thread
        for statement, thread in reads
        if "LIMIT" in statement.upper() and "count(" not in statement.lower()
    ]


def test_the_count_and_the_pages_are_read_on_a_worker(qtbot, threaded, case_reads, db, today):
    with db.transaction("demo") as session:
        build_demo(session, cases=PAGE_SIZE + 5, today=today)
    case_reads.clear()  # building the demo read on this thread, as tests do
    model = CaseTableModel(threaded)
    with qtbot.waitSignal(model.modelReset, timeout=10_000):
        model.refresh()
        assert model.rowCount() == 0 and model.loading  # the GUI thread went on at once
    assert model.rowCount() == PAGE_SIZE + 5
    assert model.index(0, 0).data() == "KD-000001"  # the first page came with the count

    last = model.index(PAGE_SIZE + 4, 0)
    assert last.data() == PLACEHOLDER  # its page is on its way
    assert last.data(CaseIdRole) is None
    with qtbot.waitSignal(model.dataChanged, timeout=10_000) as changed:
        pass
    first, bottom = changed.args[0], changed.args[1]
    assert first.row() == PAGE_SIZE and bottom.row() == PAGE_SIZE + 4
    assert last.data() == f"KD-{PAGE_SIZE + 5:06d}"

    assert counts(case_reads) and pages(case_reads)
    assert len(pages(case_reads)) == 2  # the page asked twice (painted twice) is read once
    main = threading.main_thread()
    assert all(thread is not main for _statement, thread in case_reads)


def test_the_list_shows_the_cases_once_read(qtbot, threaded, case_reads, make_case):
    for name in ("Dale Walker", "Loretta Lynn", "Reba Brown"):
        make_case(customer=name)
    panel = CaseListPanel(threaded)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=10_000)
    qtbot.waitUntil(lambda: panel.count_label.text() == "3 cases", timeout=10_000)
    customer = next(i for i, c in enumerate(panel.model.columns) if c.key == "customer")
    qtbot.keyClicks(panel.search, "Loretta")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    assert panel.model.index(0, customer).data() == "Loretta Lynn"
    assert panel.count_label.text() == "1 case"
    assert threading.main_thread() not in counts(case_reads)


def test_a_stale_result_is_dropped(qtbot, threaded, case_reads, make_case):
    """The filter changes twice before the first answer is back: only the second is shown."""
    for name in ("Dale Walker", "Loretta Lynn", "Reba Brown"):
        make_case(customer=name)
    model = CaseTableModel(threaded)
    with qtbot.waitSignal(model.modelReset, timeout=10_000):
        model.refresh()
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    case_reads.clear()
    # No event is handled between the two: the first answer cannot be shown before the second
    # refresh starts, whenever the worker finishes it.
    model.set_filter(CaseFilter(search="Dale"))
    model.set_filter(CaseFilter(search="e"))  # all three
    qtbot.waitUntil(lambda: not threaded.tasks.busy, timeout=10_000)
    assert len(counts(case_reads)) == 2  # both were read...
    assert resets == [3]  # ...and only the newer one shown
    assert not model.loading


def test_a_read_is_not_stuck_behind_a_long_job(qtbot, threaded, make_case):
    """The read lane has its own thread: the list and the dashboard read while an
    import-sized job runs."""
    make_case(customer="Dale Walker")
    release = threading.Event()

    def long_job(_progress: Progress) -> None:
        release.wait(timeout=30)

    job = threaded.tasks.run_task(long_job, title="A long import")
    try:
        model = CaseTableModel(threaded)
        model.refresh()
        dashboard = DashboardPanel(threaded)
        qtbot.addWidget(dashboard)
        qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10_000)
        qtbot.waitUntil(lambda: dashboard.total_label.text() == "1 case", timeout=10_000)
        assert not job.finished
    finally:
        release.set()
    qtbot.waitUntil(lambda: job.finished, timeout=10_000)


def test_no_count_runs_on_the_gui_thread(qtbot, threaded, case_reads, db, today):
    """The bounded count comes with the first page and the exact one on the count lane: both
    off the GUI thread, typing never waits for either."""
    with db.transaction("demo") as session:
        build_demo(session, cases=3 * PAGE_SIZE, today=today)
    case_reads.clear()
    panel = CaseListPanel(threaded)
    qtbot.addWidget(panel)
    panel.model.count_at_once = 10
    with qtbot.waitSignal(panel.model.count_changed, timeout=10_000):
        panel.apply_filter(CaseFilter())  # 3 pages: more than the two counted at once
    assert panel.model.count_exact and panel.count_label.text().endswith(" cases")
    assert "+" not in panel.count_label.text()
    main = threading.main_thread()
    assert len(counts(case_reads)) >= 2  # the bounded one and the exact one
    assert all(thread is not main for thread in counts(case_reads))


def test_a_sort_reads_a_page_and_keeps_the_exact_count(qtbot, threaded, case_reads, db, today):
    with db.transaction("demo") as session:
        build_demo(session, cases=PAGE_SIZE + 5, today=today)
    model = CaseTableModel(threaded)
    with qtbot.waitSignal(model.modelReset, timeout=10_000):
        model.refresh()
    assert model.count_exact
    case_reads.clear()
    customer = next(i for i, c in enumerate(model.columns) if c.key == "customer")
    with qtbot.waitSignal(model.modelReset, timeout=10_000):
        model.sort(customer)
    assert model.rowCount() == PAGE_SIZE + 5 and model.count_exact
    assert pages(case_reads) and not counts(case_reads)  # only the order changed
