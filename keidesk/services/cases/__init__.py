"""Cases: creating them, moving them through the workflow, editing them, reading them, and
listing them. One module per concern; this package is the case service's public face."""

from __future__ import annotations

from keidesk.services.cases.create import CaseCreationFailed, NewCase, create_case, create_cases
from keidesk.services.cases.detail import case_detail, case_history
from keidesk.services.cases.edit import CaseChanged, last_change, update_case
from keidesk.services.cases.search import (
    SORT_COLUMNS,
    CaseFilter,
    EligibilityFilter,
    ShipmentFilter,
    case_ids_in_stage,
    count_cases,
    list_cases,
    stage_counts,
)
from keidesk.services.cases.workflow import (
    age_gates_due,
    refresh_age_gates,
    refresh_stage,
    set_step,
)

__all__ = [
    "SORT_COLUMNS",
    "CaseChanged",
    "CaseCreationFailed",
    "CaseFilter",
    "EligibilityFilter",
    "NewCase",
    "ShipmentFilter",
    "age_gates_due",
    "case_detail",
    "case_history",
    "case_ids_in_stage",
    "count_cases",
    "create_case",
    "create_cases",
    "last_change",
    "list_cases",
    "refresh_age_gates",
    "refresh_stage",
    "set_step",
    "stage_counts",
    "update_case",
]
