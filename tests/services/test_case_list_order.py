"""The case list's order, pages and counts: every column both ways equals a plain sorted list
(ties broken by the case id), and paging forward, back, from the end or from a row reached by
the scrollbar returns every case exactly once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from keidesk.domain.errors import InvalidInput
from keidesk.domain.workflow import StepStatus
from keidesk.services import cases
from keidesk.services.demo import build_demo
from keidesk.services.views import CaseSummary
from keidesk.storage.models import Case, WorkflowStep

#: What each column sorts by, from what the list shows (the plain Python version).
PLAIN_KEYS: dict[str, Callable[[CaseSummary], Any]] = {
    "number": lambda r: r.id,
    "chassis": lambda r: r.chassis.lower(),
    "make": lambda r: " ".join(p for p in (r.make, r.model) if p).lower(),
    "model": lambda r: (r.model or "").lower(),
    "built": lambda r: r.built.iso() if r.built else "",
    "eligible_on": lambda r: r.fmvss_eligible_on.isoformat() if r.fmvss_eligible_on else "",
    "customer": lambda r: (r.customer or "").lower(),
    "state": lambda r: r.state or "",
    "stage": lambda r: r.stage,
    "days_in_stage": lambda r: r.stage_since,
}
REVERSED = {"days_in_stage"}  # more days in stage first when ascending: stage_since descends


def plain_order(rows: list[CaseSummary], column: str, descending: bool) -> list[int]:
    ordered = sorted(rows, key=lambda r: (PLAIN_KEYS[column](r), r.id))
    if descending != (column in REVERSED):
        ordered.reverse()
    return [r.id for r in ordered]


@pytest.fixture
def listed(db, today, make_case) -> list[CaseSummary]:
    """Demo cases (many ties: a few makes, shared names) and cases missing what can be
    missing (no customer, no build date, no state)."""
    with db.transaction("demo") as session:
        build_demo(session, cases=230, today=today)
    make_case(chassis="HA4-1000001")
    make_case(chassis="DA52T-1000002", customer="Émile Zola", built="1999-03")
    make_case(chassis="S110P-1000003", customer="dale walker", state="TX")
    with db.reader() as session:
        rows = list(cases.iter_cases(session, today=today))
    assert len(rows) == 233
    return rows


def test_sort_columns_are_the_app_list_columns():
    assert list(cases.SORT_COLUMNS) == list(PLAIN_KEYS)


@pytest.mark.parametrize("column", list(PLAIN_KEYS))
@pytest.mark.parametrize("descending", [False, True])
def test_every_column_both_ways_is_a_plain_sorted_list(db, today, listed, column, descending):
    expected = plain_order(listed, column, descending)
    with db.reader() as session:
        # Small batches: the order holds across page boundaries (the keyset after a tie).
        found = cases.iter_cases(
            session, today=today, order_by=column, descending=descending, batch=17
        )
        assert [r.id for r in found] == expected
        whole = cases.list_cases(session, today=today, order_by=column, descending=descending)
        assert [r.id for r in whole] == expected


@pytest.mark.parametrize("column", ["customer", "days_in_stage", "number", "built"])
def test_paging_back_from_the_end_and_jumping_return_every_row_once(db, today, listed, column):
    expected = plain_order(listed, column, True)
    total = len(expected)
    with db.reader() as session:

        def page(**where: Any) -> cases.CasePage:
            return cases.read_page(
                session, today=today, order_by=column, descending=True, limit=40, **where
            )

        # Backwards from the end (the reversed query), a page before the first of each.
        found: list[int] = []
        current = page(last=True)
        while current.rows:
            found[:0] = [r.id for r in current.rows]
            current = page(before=current.first)
        assert found == expected
        # Forward from the start.
        forward: list[int] = []
        current = page()
        while current.rows:
            forward.extend(r.id for r in current.rows)
            current = page(after=current.last)
        assert forward == expected
        # A row reached by the scrollbar, from either end, known total or not.
        for row in (1, 39, 40, 117, total - 41, total - 1):
            for known in (total, None):
                at = cases.position_before(
                    session,
                    cases.CaseFilter(),
                    today=today,
                    order_by=column,
                    descending=True,
                    row=row,
                    total=known,
                )
                assert [r.id for r in page(after=at).rows] == expected[row : row + 40]
        assert (
            cases.position_before(session, cases.CaseFilter(), today=today, row=0, total=total)
            is None
        )


def test_filters_search_and_blocked_flags(db, today, listed):
    with db.reader() as session:
        carry = set(session.scalars(select(Case.id).where(Case.search_text.like("%carry%"))))
        blocked = set(
            session.scalars(
                select(WorkflowStep.case_id).where(WorkflowStep.status == StepStatus.BLOCKED)
            )
        )
        assert carry and blocked
        found = list(
            cases.iter_cases(
                session,
                cases.CaseFilter(search="Carry"),
                today=today,
                order_by="customer",
                batch=7,
            )
        )
        assert [r.id for r in found] == plain_order(
            [r for r in listed if r.id in carry], "customer", False
        )
        assert {r.id for r in listed if r.blocked} == blocked
        only_blocked = cases.list_cases(
            session, cases.CaseFilter(blocked=True), today=today, order_by="model"
        )
        assert [r.id for r in only_blocked] == plain_order(
            [r for r in listed if r.id in blocked], "model", False
        )
        for which in cases.EligibilityFilter:
            some = cases.CaseFilter(eligibility=which)
            count = cases.count_cases(session, some, today=today)
            expected = [
                r
                for r in listed
                if {
                    cases.EligibilityFilter.NOW: r.fmvss_eligible_on is not None
                    and r.fmvss_eligible_on <= today,
                    cases.EligibilityFilter.NOT_YET: r.fmvss_eligible_on is not None
                    and r.fmvss_eligible_on > today,
                    cases.EligibilityFilter.WITHIN_90_DAYS: r.fmvss_eligible_on is not None
                    and 0 < (r.fmvss_eligible_on - today).days <= 90,
                    cases.EligibilityFilter.UNKNOWN: r.fmvss_eligible_on is None,
                }[which]
            ]
            assert count == len(expected)
            assert [r.id for r in cases.list_cases(session, some, today=today)] == [
                r.id for r in expected
            ]


@pytest.mark.sqlite_only
def test_counts_bounded_exact_and_abandoned(db, today, listed):
    everything = cases.CaseFilter()
    with db.reader() as session:
        assert cases.count_cases(session, everything, today=today) == 233
        assert cases.count_cases(session, everything, today=today, at_most=50) == 50
        assert cases.count_cases(session, everything, today=today, at_most=500) == 233
        assert cases.count_cases_unless(session, everything, today=today, stop=lambda: False) == 233
        assert cases.count_cases_unless(session, everything, today=today, stop=lambda: True) is None
        # Stale once it started: SQLite stops it part way (a scan of every row's text).
        scan = cases.CaseFilter(search="a")
        assert cases.count_cases(session, scan, today=today) > 200
        asked = iter([False])  # before it starts; stale at the first progress check
        assert (
            cases.count_cases_unless(
                session, scan, today=today, stop=lambda: next(asked, True), check_every=100
            )
            is None
        )
        # The session goes on working after a stopped count.
        assert cases.count_cases(session, cases.CaseFilter(search="carry"), today=today) > 0


def test_sort_keys_follow_edits(db, today, make_case):
    case_id = make_case(chassis="DA52T-1234567", customer="Reba Brown", built="1999-03")
    with db.transaction("t") as session:
        cases.update_case(
            session, case_id, {"make": "Daihatsu", "model": "Hijet"}, user="t", today=today
        )
    with db.reader() as session:
        case = session.get(Case, case_id)
        assert case is not None
        assert (case.sort_vehicle, case.sort_model) == ("daihatsu hijet", "hijet")
        assert (case.sort_customer, case.sort_built, case.sort_chassis) == (
            "reba brown",
            "1999-03",
            "da52t-1234567",
        )


def test_an_unknown_column_is_refused(db, today):
    with (
        db.reader() as session,
        pytest.raises(
            InvalidInput,
            match="Cannot sort by",
        ),
    ):
        cases.read_page(session, today=today, order_by="colour")
