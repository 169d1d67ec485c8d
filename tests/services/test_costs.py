"""The cost service: costs recorded and removed with their history, the duty estimate taken
over as the case shows it, landed cost and margin."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from keidesk.domain.costs import CostKind, NewCost
from keidesk.domain.errors import InvalidInput, NotFound
from keidesk.domain.money import Money
from keidesk.services import cases, costs

DAY = date(2026, 11, 2)


def _cost(kind: CostKind, amount: Money, rate: str | None = None) -> NewCost:
    return NewCost(kind, amount, Decimal(rate) if rate else None, DAY, "")


def test_landed_cost_and_margin(db, make_case, today):
    case_id = make_case(built="1995-03")
    with db.transaction("tester") as session:
        costs.add_cost(
            session,
            case_id,
            _cost(CostKind.AUCTION_PRICE, Money(350_000, "JPY"), "151.37"),
            user="tester",
        )
        costs.add_cost(
            session, case_id, _cost(CostKind.OCEAN_FREIGHT, Money(145_000, "USD")), user="tester"
        )
        cases.update_case(
            session, case_id, {"sale_price": Money(650_000, "USD")}, user="tester", today=today
        )
    with db.reader() as session:
        summary = costs.case_costs(session, case_id)
    assert [c.kind for c in summary.costs] == [CostKind.AUCTION_PRICE, CostKind.OCEAN_FREIGHT]
    assert summary.landed_cents == 231_222 + 145_000
    assert summary.sale_price_cents == 650_000
    assert summary.margin_cents == 650_000 - 376_222
    assert summary.margin_percent == Decimal("42.1")


def test_costs_are_in_the_case_history(db, make_case):
    case_id = make_case()
    with db.transaction("ann") as session:
        view = costs.add_cost(
            session, case_id, _cost(CostKind.REPAIRS, Money(12_500, "USD")), user="ann"
        )
    with db.transaction("bob") as session:
        costs.remove_cost(session, view.id, case_id=case_id)
    with db.reader() as session:
        history = cases.case_history(session, case_id)
    entries = [(h.by, h.entity, h.action, h.new_value or h.old_value) for h in history]
    # Who: the name typed on SQLite; on a server the signed-in role (Database.user_for).
    assert (db.user_for("ann"), "costs", "create", "repairs: $125.00") in entries
    assert (db.user_for("bob"), "costs", "delete", "repairs: $125.00") in entries


def test_a_cost_of_another_case_or_none_is_not_removed(db, make_case):
    first, second = make_case(), make_case()
    with db.transaction("tester") as session:
        view = costs.add_cost(
            session, first, _cost(CostKind.OTHER, Money(100, "USD")), user="tester"
        )
    with db.transaction("tester") as session, pytest.raises(NotFound):
        costs.remove_cost(session, view.id, case_id=second)
    with db.transaction("tester") as session, pytest.raises(NotFound):
        costs.remove_cost(session, 999)
    with db.transaction("tester") as session, pytest.raises(NotFound):
        costs.add_cost(session, 999, _cost(CostKind.OTHER, Money(100, "USD")), user="tester")


def test_the_duty_estimate_is_taken_over_as_the_case_shows_it(db, make_case, today):
    case_id = make_case(built="1995-03")
    with db.transaction("tester") as session:
        cases.update_case(
            session, case_id, {"customs_value": Money(401_000, "USD")}, user="tester", today=today
        )
    with db.reader() as session:
        estimate = cases.case_detail(session, case_id, today=today).duty_estimate
    assert estimate is not None
    with db.transaction("tester") as session:
        added = costs.add_duty_estimate(session, case_id, paid_on=DAY, user="tester", today=today)
    assert [(c.kind, c.usd_cents) for c in added] == [
        (CostKind.DUTY, estimate.duty_cents + estimate.section232_cents),
        (CostKind.MPF, estimate.mpf_cents),
        (CostKind.HMF, estimate.hmf_cents),
    ]
    assert "HTS 8704.31.0120" in added[0].note
    with db.reader() as session:
        assert costs.case_costs(session, case_id).landed_cents == estimate.total_cents
    with (
        db.transaction("tester") as session,
        pytest.raises(InvalidInput, match="counted twice"),
    ):
        costs.add_duty_estimate(session, case_id, paid_on=DAY, user="tester", today=today)


def test_no_estimate_without_a_customs_value(db, make_case, today):
    case_id = make_case()
    with (
        db.transaction("tester") as session,
        pytest.raises(InvalidInput, match="customs value"),
    ):
        costs.add_duty_estimate(session, case_id, paid_on=DAY, user="tester", today=today)


def test_costs_on_postgresql(postgres_url, today):
    """Migration 0009 on PostgreSQL: a yen amount beyond a 32-bit INTEGER is kept exactly. (The
    case is written with its ids given: creating cases on PostgreSQL is not this test's.)"""
    from sqlalchemy import insert  # noqa: PLC0415

    from keidesk.storage.database import open_database  # noqa: PLC0415
    from keidesk.storage.models import Case, Vehicle  # noqa: PLC0415

    database = open_database(postgres_url)
    try:
        with database.transaction("tester") as session:
            session.execute(
                insert(Vehicle).values(id=1, chassis_number="DA52T-123456", identifier_kind="frame")
            )
            session.execute(insert(Case).values(id=1, uid="u-1", vehicle_id=1))
            big = Money(9_000_000_000_000, "JPY")
            costs.add_cost(session, 1, _cost(CostKind.OTHER, big, "150"), user="tester")
        with database.reader() as session:
            summary = costs.case_costs(session, 1)
        assert summary.costs[0].amount == big
        assert summary.landed_cents == 6_000_000_000_000
    finally:
        database.close()
