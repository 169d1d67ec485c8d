"""A case's rows by id, for every concern of the case service."""

from __future__ import annotations

from sqlalchemy.orm import Session

from keidesk.domain.errors import NotFound
from keidesk.domain.workflow import StepKey
from keidesk.storage.models import Case, WorkflowStep


def step_row(case: Case, key: StepKey) -> WorkflowStep:
    return next(step for step in case.steps if step.key is key)


def load_case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(f"There is no case {case_id}.")
    return case
