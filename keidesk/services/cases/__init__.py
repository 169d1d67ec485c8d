"""Cases: creating them, moving them through the workflow, editing them, reading them, and
listing them. One module per concern; this package is the case service's public face."""

from __future__ import annotations

from keidesk.services.cases.create import CaseCreationFailed, NewCase, create_case, create_cases
from keidesk.services.cases.detail import case_detail, case_history
from keidesk.services.cases.edit import CaseChanged, last_change, update_case
from keidesk.services.cases.search import (
    SORT_COLUMNS,
    CaseFilter,
    CasePage,
    EligibilityFilter,
    Position,
    ShipmentFilter,
    SortKey,
    case_ids_in_stage,
    count_cases,
    count_cases_unless,
    iter_cases,
    list_cases,
    position_before,
    read_page,
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
    "CasePage",
    "EligibilityFilter",
    "NewCase",
    "Position",
    "ShipmentFilter",
    "SortKey",
    "age_gates_due",
    "case_detail",
    "case_history",
    "case_ids_in_stage",
    "count_cases",
    "count_cases_unless",
    "create_case",
    "create_cases",
    "iter_cases",
    "last_change",
    "list_cases",
    "position_before",
    "read_page",
    "refresh_age_gates",
    "refresh_stage",
    "set_step",
    "stage_counts",
    "update_case",
]
