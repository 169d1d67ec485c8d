"""The case list: filters, sorting and counts, all answered by the database."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, and_, func, select, text
from sqlalchemy.orm import Session

from keidesk.domain.errors import InvalidInput
from keidesk.domain.workflow import StepStatus
from keidesk.services.views import CaseSummary
from keidesk.storage.models import Case, Customer, Vehicle, WorkflowStep, case_number


class EligibilityFilter(StrEnum):
    NOW = "now"
    WITHIN_90_DAYS = "within_90_days"
    NOT_YET = "not_yet"
    UNKNOWN = "unknown"


class ShipmentFilter(StrEnum):
    """Where the truck is: on the water (sailed, not yet arrived) or at the US port (arrived,
    not yet released by customs)."""

    AT_SEA = "at_sea"
    AT_PORT = "at_port"


@dataclass(frozen=True, slots=True)
class CaseFilter:
    """What the case list shows; every part is answered by the database."""

    search: str = ""
    stage: str | None = None
    state: str | None = None
    eligibility: EligibilityFilter | None = None
    blocked: bool | None = None
    overdue: bool | None = None
    ids: tuple[int, ...] | None = None
    shipment: ShipmentFilter | None = None


SORT_COLUMNS: Mapping[str, Any] = {
    "id": Case.id,
    "chassis": Vehicle.chassis_number,
    "make": Vehicle.make,
    "model": Vehicle.model,
    "built": Vehicle.built,
    "fmvss_eligible_on": Vehicle.fmvss_eligible_on,
    "customer": Customer.name,
    "state": Case.destination_state,
    "stage": Case.stage,
    "stage_since": Case.stage_since,
    "eta": Case.eta,
}


def _filtered(
    session: Session, query: Select[Any], case_filter: CaseFilter, today: date
) -> Select[Any]:
    conditions: list[ColumnElement[bool]] = []
    search = case_filter.search.strip().lower()
    if search:
        conditions.extend(_search_conditions(session, search))
    if case_filter.stage:
        conditions.append(Case.stage == case_filter.stage)
    if case_filter.state:
        conditions.append(Case.destination_state == case_filter.state.upper())
    if case_filter.eligibility is not None:
        conditions.append(_eligibility_condition(case_filter.eligibility, today))
    if case_filter.blocked is not None:
        blocked = _has_blocked_step()
        conditions.append(blocked if case_filter.blocked else ~blocked)
    if case_filter.overdue is not None:
        # IN (uncorrelated) rather than EXISTS: SQLite would otherwise walk the status or
        # due-date index once per case, which takes minutes at 100,000 cases.
        overdue = Case.id.in_(
            select(WorkflowStep.case_id).where(
                WorkflowStep.due_on < today,
                WorkflowStep.status.not_in([StepStatus.DONE, StepStatus.NOT_APPLICABLE]),
            )
        )
        conditions.append(overdue if case_filter.overdue else ~overdue)
    if case_filter.ids is not None:
        conditions.append(Case.id.in_(case_filter.ids))
    if case_filter.shipment is not None:
        conditions.append(_shipment_condition(case_filter.shipment, today))
    return query.where(*conditions)


def _has_blocked_step() -> ColumnElement[bool]:
    """Cases with a blocked step, as an uncorrelated IN: evaluated once per query, where a
    correlated EXISTS made SQLite scan the status index once per case."""
    return Case.id.in_(
        select(WorkflowStep.case_id).where(WorkflowStep.status == StepStatus.BLOCKED)
    )


def _shipment_condition(which: ShipmentFilter, today: date) -> ColumnElement[bool]:
    if which is ShipmentFilter.AT_SEA:
        return and_(
            Case.etd <= today,
            Case.eta > today,
            Case.release_date.is_(None),
        )
    return and_(Case.eta <= today, Case.release_date.is_(None))


def _search_conditions(session: Session, search: str) -> list[ColumnElement[bool]]:
    """Each word must appear somewhere. Words of 3+ characters go to the trigram index in one
    MATCH (FTS5 intersects them itself: half the time of one IN list per word when a word
    such as "truck" matches every case); shorter words are matched with LIKE."""
    conditions: list[ColumnElement[bool]] = []
    indexed: list[str] = []
    use_fts = session.get_bind().dialect.name == "sqlite"
    for word in search.split():
        if use_fts and len(word) >= 3:
            indexed.append('"' + word.replace('"', '""') + '"')
        else:
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            conditions.append(Case.search_text.like(f"%{escaped}%", escape="\\"))
    if indexed:
        conditions.append(
            Case.id.in_(
                select(text("rowid"))
                .select_from(text("case_fts"))
                .where(text("case_fts MATCH :phrases").bindparams(phrases=" ".join(indexed)))
            )
        )
    return conditions


def _eligibility_condition(which: EligibilityFilter, today: date) -> ColumnElement[bool]:
    eligible_on = Vehicle.fmvss_eligible_on
    if which is EligibilityFilter.NOW:
        return eligible_on <= today
    if which is EligibilityFilter.WITHIN_90_DAYS:
        return and_(eligible_on > today, eligible_on <= today + timedelta(days=90))
    if which is EligibilityFilter.NOT_YET:
        return eligible_on > today
    return eligible_on.is_(None)


def _summary_query() -> Select[Any]:
    blocked = _has_blocked_step().label("blocked")
    return cast(
        "Select[Any]",
        select(
            Case.id,
            Vehicle.chassis_number,
            Vehicle.make,
            Vehicle.model,
            Vehicle.built,
            Vehicle.fmvss_eligible_on,
            Customer.name,
            Case.destination_state,
            Case.stage,
            Case.stage_since,
            blocked,
            Case.eta,
        )
        .join(Vehicle, Case.vehicle_id == Vehicle.id)
        .outerjoin(Customer, Case.customer_id == Customer.id),
    )


def count_cases(session: Session, case_filter: CaseFilter, *, today: date) -> int:
    # Every case has one vehicle and at most one customer, so joins never change the count;
    # join the vehicle only when a condition needs it (the join costs 100 ms at 100,000).
    query: Select[Any] = select(func.count(Case.id))
    if case_filter.eligibility is not None:
        query = query.join(Vehicle, Case.vehicle_id == Vehicle.id)
    return int(session.scalar(_filtered(session, query, case_filter, today)) or 0)


def list_cases(
    session: Session,
    case_filter: CaseFilter = CaseFilter(),
    *,
    today: date,
    order_by: str = "id",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[CaseSummary]:
    """One page of the case list, filtered and sorted in SQL."""
    column = SORT_COLUMNS.get(order_by)
    if column is None:
        raise InvalidInput(f"Cannot sort by {order_by!r}.")
    query = _filtered(session, _summary_query(), case_filter, today)
    ordering = column.desc() if descending else column.asc()
    query = query.order_by(ordering, Case.id.desc() if descending else Case.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [
        CaseSummary(
            id=row[0],
            number=case_number(row[0]),
            chassis=row[1],
            make=row[2],
            model=row[3],
            built=row[4],
            fmvss_eligible_on=row[5],
            customer=row[6],
            state=row[7],
            stage=row[8],
            stage_since=row[9],
            blocked=bool(row[10]),
            eta=row[11],
        )
        for row in session.execute(query)
    ]


def stage_counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(Case.stage, func.count()).group_by(Case.stage))
    return {stage: int(count) for stage, count in rows}


def case_ids_in_stage(session: Session, stage: str) -> Sequence[int]:
    return list(session.scalars(select(Case.id).where(Case.stage == stage).order_by(Case.id)))
