"""Costs per truck: recording them, taking over the duty estimate, and what a truck cost
landed and earned. The CLI and the GUI share these; each takes the caller's session.

Landed cost is the sum of a truck's costs in US cents (each yen cost converted at its own rate
when recorded, half up to the cent); the margin is the sale price (``cases.sale_price_cents``)
less the landed cost.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from keidesk.domain.costs import (
    ESTIMATED_KINDS,
    CostKind,
    NewCost,
    margin_cents,
    margin_percent,
    rate_text,
)
from keidesk.domain.errors import InvalidInput, NotFound
from keidesk.domain.money import Money
from keidesk.services.cases import case_detail
from keidesk.storage.models import Case, Cost, case_number


@dataclass(frozen=True, slots=True)
class CostView:
    id: int
    case_id: int
    kind: CostKind
    amount: Money
    #: Yen per US dollar for a yen cost, as entered (exact); None for dollars.
    rate: Decimal | None
    usd_cents: int
    paid_on: date
    note: str
    created_at: datetime
    created_by: str

    @property
    def usd(self) -> Money:
        return Money(self.usd_cents, "USD")


@dataclass(frozen=True, slots=True)
class CaseCosts:
    """A truck's costs, what it cost landed, its sale price and margin (US cents)."""

    case_id: int
    number: str
    costs: tuple[CostView, ...]
    landed_cents: int
    sale_price_cents: int | None
    margin_cents: int | None
    margin_percent: Decimal | None
    #: Whether the case has a duty estimate (a customs value) that can be taken over.
    has_duty_estimate: bool


def cost_view(row: Cost) -> CostView:
    return CostView(
        id=row.id,
        case_id=row.case_id,
        kind=CostKind(row.kind),
        amount=Money(row.amount_minor, row.currency),
        rate=Decimal(row.rate) if row.rate is not None else None,
        usd_cents=row.usd_cents,
        paid_on=row.paid_on,
        note=row.note,
        created_at=row.created_at,
        created_by=row.created_by,
    )


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(f"There is no case {case_id}.")
    return case


def add_cost(session: Session, case_id: int, cost: NewCost, *, user: str) -> CostView:
    """Record one cost of a case (refused for a case that does not exist)."""
    _case(session, case_id)
    row = Cost(
        case_id=case_id,
        kind=cost.kind.value,
        amount_minor=cost.amount.minor,
        currency=cost.amount.currency,
        rate=rate_text(cost.rate) if cost.rate is not None else None,
        usd_cents=cost.usd_cents,
        paid_on=cost.paid_on,
        note=cost.note,
        created_by=user,
    )
    session.add(row)
    session.flush()
    return cost_view(row)


def add_duty_estimate(
    session: Session, case_id: int, *, paid_on: date, user: str, today: date
) -> list[CostView]:
    """Take the case's duty estimate over as costs, as the case shows it: duty (with any
    Section 232 duty), MPF and HMF (when not zero). Refused when the case has no estimate (no
    customs value) or already has a duty, MPF or HMF cost (it would count twice)."""
    estimate = case_detail(session, case_id, today=today).duty_estimate
    if estimate is None:
        raise InvalidInput(
            f"{case_number(case_id)} has no duty estimate; enter its customs value first."
        )
    kinds = [kind.value for kind in ESTIMATED_KINDS]
    existing = session.scalars(
        select(Cost.kind).where(Cost.case_id == case_id, Cost.kind.in_(kinds)).distinct()
    ).all()
    if existing:
        named = ", ".join(CostKind(kind).label for kind in kinds if kind in existing)
        raise InvalidInput(
            f"{case_number(case_id)} already has {named} recorded as costs; remove them "
            "before taking over the estimate, so nothing is counted twice."
        )
    basis = (
        f"From the duty estimate: HTS {estimate.tariff.hts} on a customs value of "
        f"{Money(estimate.customs_value_cents, 'USD')}"
    )
    duty_note = basis
    if estimate.section232_cents:
        duty_note += f"; includes Section 232 duty of {Money(estimate.section232_cents, 'USD')}"
    parts = (
        (CostKind.DUTY, estimate.duty_cents + estimate.section232_cents, duty_note),
        (CostKind.MPF, estimate.mpf_cents, f"{basis}; {estimate.mpf_schedule.name}"),
        (CostKind.HMF, estimate.hmf_cents, basis),
    )
    return [
        add_cost(
            session,
            case_id,
            NewCost(kind, Money(cents, "USD"), None, paid_on, note),
            user=user,
        )
        for kind, cents, note in parts
        if cents > 0
    ]


def remove_cost(session: Session, cost_id: int, *, case_id: int | None = None) -> CostView:
    """Delete a cost (recorded in the history); with ``case_id``, only if it is that case's."""
    row = session.get(Cost, cost_id)
    if row is None or (case_id is not None and row.case_id != case_id):
        raise NotFound(
            f"There is no cost {cost_id}"
            + (f" on {case_number(case_id)}." if case_id is not None else ".")
        )
    view = cost_view(row)
    session.delete(row)
    session.flush()
    return view


def case_costs(session: Session, case_id: int) -> CaseCosts:
    case = _case(session, case_id)
    rows = session.scalars(select(Cost).where(Cost.case_id == case_id).order_by(Cost.id))
    views = tuple(cost_view(row) for row in rows)
    landed = sum(view.usd_cents for view in views)
    margin = margin_cents(case.sale_price_cents, landed)
    return CaseCosts(
        case_id=case.id,
        number=case.number,
        costs=views,
        landed_cents=landed,
        sale_price_cents=case.sale_price_cents,
        margin_cents=margin,
        margin_percent=margin_percent(case.sale_price_cents, margin),
        has_duty_estimate=case.customs_value_cents is not None,
    )
