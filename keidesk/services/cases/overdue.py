"""Which step of a case is overdue, and since when: what the case list says of each overdue
case (the "Overdue steps" filter shows which cases; this says why)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.storage.models import WorkflowStep


@dataclass(frozen=True, slots=True)
class OverdueStep:
    key: StepKey
    due_on: date
    more: int  # other overdue steps of the same case

    def days(self, today: date) -> int:
        return (today - self.due_on).days


def overdue_steps(
    session: Session, case_ids: Collection[int], *, today: date
) -> dict[int, OverdueStep]:
    """For each of ``case_ids`` with an open step past its due date, the one due longest ago
    (and how many more are overdue)."""
    found: dict[int, OverdueStep] = {}
    ids = list(case_ids)
    for start in range(0, len(ids), 500):  # under every database's limit of parameters
        rows = session.execute(
            select(WorkflowStep.case_id, WorkflowStep.key, WorkflowStep.due_on)
            .where(
                WorkflowStep.case_id.in_(ids[start : start + 500]),
                WorkflowStep.due_on < today,
                WorkflowStep.status.not_in([StepStatus.DONE, StepStatus.NOT_APPLICABLE]),
            )
            .order_by(WorkflowStep.case_id, WorkflowStep.due_on, WorkflowStep.position)
        )
        for case_id, key, due_on in rows:
            if due_on is None:  # not so: the query asks for a due date before today
                continue
            first = found.get(case_id)
            if first is None:
                found[case_id] = OverdueStep(key, due_on, 0)
            else:
                found[case_id] = OverdueStep(first.key, first.due_on, first.more + 1)
    return found
