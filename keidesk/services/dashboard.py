"""The desk's overview: how many cases need what, each count backed by a case-list filter.

Every count is computed with the same :class:`CaseFilter` the list applies when the count is
clicked, so the number on the dashboard and the length of the list always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from keidesk import clock
from keidesk.domain.workflow import STAGE_COMPLETE, STAGES, StepKey
from keidesk.services.cases import (
    CaseFilter,
    EligibilityFilter,
    ShipmentFilter,
    count_cases,
    stage_counts,
)
from keidesk.services.views import CaseSummary


@dataclass(frozen=True, slots=True)
class DashboardItem:
    """One clickable count: what it is called, how many, and the list it opens."""

    key: str
    title: str
    count: int
    case_filter: CaseFilter


@dataclass(frozen=True, slots=True)
class Dashboard:
    total: int
    stages: tuple[DashboardItem, ...]  # one per workflow step, then "complete"
    attention: tuple[DashboardItem, ...]  # blocked, overdue, eligible soon
    shipments: tuple[DashboardItem, ...]  # at sea, at port


#: The next thing to do for a case at each stage, as staff would say it.
NEXT_ACTIONS = {
    StepKey.INTAKE.value: "Record papers and photos",
    StepKey.AGE.value: "Confirm 25-year eligibility",
    StepKey.LIEN.value: "Clear export certificate and liens",
    StepKey.SHIPPING.value: "Book vessel, track ETA",
    StepKey.CUSTOMS.value: "File entry (HS-7, 3520-1, 7501)",
    StepKey.EMISSIONS.value: "Confirm emissions for the state",
    StepKey.REGISTRATION.value: "Title and register",
    StepKey.HANDOVER.value: "Hand over truck and packet",
    STAGE_COMPLETE: "Nothing: complete",
}


def stage_title(stage: str) -> str:
    if stage == STAGE_COMPLETE:
        return "Complete"
    try:
        return StepKey(stage).label
    except ValueError:
        return stage


def next_action(summary: CaseSummary) -> str:
    """What to do next for a case in the list; a blocked case says so first."""
    action = NEXT_ACTIONS.get(summary.stage, "")
    if summary.blocked:
        return f"Blocked: {stage_title(summary.stage)}"
    return action


def days_in_stage(summary: CaseSummary, today: date) -> int:
    return max(0, (today - clock.local_date(summary.stage_since)).days)


def build_dashboard(session: Session, *, today: date) -> Dashboard:
    per_stage = stage_counts(session)
    stages = tuple(
        DashboardItem(
            key=f"stage:{stage}",
            title=stage_title(stage),
            count=per_stage.get(stage, 0),
            case_filter=CaseFilter(stage=stage),
        )
        for stage in STAGES
    )

    def item(key: str, title: str, case_filter: CaseFilter) -> DashboardItem:
        return DashboardItem(
            key, title, count_cases(session, case_filter, today=today), case_filter
        )

    attention = (
        item("blocked", "Blocked", CaseFilter(blocked=True)),
        item("overdue", "Overdue steps", CaseFilter(overdue=True)),
        item(
            "eligible_soon",
            "Eligible within 90 days",
            CaseFilter(eligibility=EligibilityFilter.WITHIN_90_DAYS),
        ),
    )
    shipments = (
        item("at_sea", "At sea", CaseFilter(shipment=ShipmentFilter.AT_SEA)),
        item("at_port", "At port, awaiting release", CaseFilter(shipment=ShipmentFilter.AT_PORT)),
    )
    return Dashboard(
        total=sum(per_stage.values()), stages=stages, attention=attention, shipments=shipments
    )
