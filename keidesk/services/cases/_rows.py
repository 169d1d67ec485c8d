"""A case's rows by id, for every concern of the case service."""

from __future__ import annotations

from sqlalchemy.orm import Session

from keidesk.domain.errors import NotFound
from keidesk.domain.workflow import StepKey
from keidesk.storage.locks import lock_case
from keidesk.storage.models import Case, WorkflowStep


def step_row(case: Case, key: StepKey) -> WorkflowStep:
    return next(step for step in case.steps if step.key is key)


def load_case(session: Session, case_id: int) -> Case:
    """The case; in a write on an office server, locked for this transaction first (and read
    as it is now), so what is decided from it holds until the save (``storage.locks``)."""
    fresh = lock_case(session, case_id)
    case = session.get(Case, case_id, populate_existing=fresh)
    if case is None:
        raise NotFound(f"There is no case {case_id}.")
    return case
