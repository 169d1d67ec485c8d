"""The workflow: moving steps under the gates, the age gate, and the stage they give."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from keidesk import clock
from keidesk.domain.errors import PapersMissing
from keidesk.domain.messages import listed, msg, word
from keidesk.domain.workflow import (
    BlockedBy,
    StepKey,
    StepStatus,
    age_block_reason,
    check_step_change,
    stage_of,
)
from keidesk.services.cases._rows import load_case, step_row
from keidesk.services.documents import document_view, step_papers
from keidesk.services.views import StepView
from keidesk.storage.models import Case, Vehicle, WorkflowStep


def _age_reference(case: Case, today: date) -> date:
    return case.eta or today


def apply_age_gate(case: Case, today: date, *, user: str | None) -> bool:
    """Block the age step while the truck is too young by the ETA (or today); unblock it when
    it comes of age. Returns whether the step changed."""
    step = step_row(case, StepKey.AGE)
    reason = age_block_reason(case.vehicle.fmvss_eligible_on, _age_reference(case, today))
    held = step.status is StepStatus.BLOCKED and step.blocked_by is BlockedBy.AGE_GATE
    if reason is not None:
        if held and step.note == reason:
            return False
        step.status = StepStatus.BLOCKED
        step.blocked_by = BlockedBy.AGE_GATE
        step.note = str(reason)  # stored as plain text (the English sentence)
    elif held:
        step.status = StepStatus.TODO
        step.blocked_by = None
        step.note = f"FMVSS-eligible from {case.vehicle.fmvss_eligible_on}."
    else:
        return False
    step.updated_by = user or "keidesk"
    step.updated_at = clock.now()
    return True


def refresh_stage(case: Case) -> None:
    """Set the case's stage from its steps (stored for indexed lists), and since when it is
    there. Every writer of steps calls this one, the bundle import too."""
    stage = stage_of({step.key: step.status for step in case.steps})
    if stage != case.stage:
        case.stage = stage
        case.stage_since = clock.now()


_UNSET: Any = object()


def set_step(
    session: Session,
    case_id: int,
    key: StepKey,
    status: StepStatus,
    *,
    user: str,
    today: date,
    note: str | None = None,
    due_on: date | None = _UNSET,
    reason: str | None = None,
) -> StepView:
    """Move one step to a new status, if the gates allow it; a refusal changes nothing.

    Marking a step done while papers it expects are not on file needs a ``reason`` (kept on
    the step, so the history has it); without one it is refused with :class:`PapersMissing`.
    """
    case = load_case(session, case_id)
    apply_age_gate(case, today, user=user)
    statuses = {step.key: step.status for step in case.steps}
    check_step_change(
        statuses,
        key,
        status,
        fmvss_eligible_on=case.vehicle.fmvss_eligible_on,
        age_reference=_age_reference(case, today),
    )
    step = step_row(case, key)
    if status is StepStatus.DONE and step.status is not StepStatus.DONE:
        step.done_reason = _done_reason(case, key, reason)
    elif status is not StepStatus.DONE:
        step.done_reason = None
    if status is not step.status or note is not None:
        step.blocked_by = None  # a person's block (or its lifting) is the person's
    step.status = status
    if note is not None:
        step.note = note.strip()
    if due_on is not _UNSET:
        step.due_on = due_on
    step.updated_by = user
    step.updated_at = clock.now()
    refresh_stage(case)
    session.flush()
    return step_view(step, today)


def _done_reason(case: Case, key: StepKey, reason: str | None) -> str | None:
    """What is kept when a step is marked done: None when its papers are on file; else the
    reason given and the papers missing, or a refusal naming them."""
    papers = step_papers((document_view(d) for d in case.documents), key)
    if papers.complete:
        return None
    missing = tuple(kind.label for kind in papers.missing)
    text = " ".join((reason or "").split())
    if not text:
        if len(missing) == 1:
            refusal = msg(
                "{step} cannot be marked done: {papers} is not on file. Attach it, or give a "
                "reason.",
                step=word(key.label),
                papers=word(missing[0]),
            )
        else:
            refusal = msg(
                "{step} cannot be marked done: {papers} are not on file. Attach them, or give "
                "a reason.",
                step=word(key.label),
                papers=listed(missing),
            )
        raise PapersMissing(refusal, missing)
    return f"{text} (done without: {'; '.join(missing)})"


def _due_age_gates(today: date) -> Select[int]:
    """Cases blocked by the age gate whose date has come (by their ETA, else today)."""
    return (
        select(Case.id)
        .join(Case.vehicle)
        .join(WorkflowStep, and_(WorkflowStep.case_id == Case.id, WorkflowStep.key == StepKey.AGE))
        .where(
            WorkflowStep.status == StepStatus.BLOCKED,
            WorkflowStep.blocked_by == BlockedBy.AGE_GATE,
            Vehicle.fmvss_eligible_on <= func.coalesce(Case.eta, today),
        )
    )


def age_gates_due(session: Session, *, today: date) -> bool:
    """Whether :func:`refresh_age_gates` has anything to do: asked in a read, so a command
    that only reads takes the write lock only on the day a gate opens."""
    return session.scalar(_due_age_gates(today).limit(1)) is not None


def refresh_age_gates(session: Session, *, today: date) -> int:
    """Re-check the age gate of every case whose answer may have changed with time.

    Cheap at any size: only cases blocked by the gate whose date has come are touched. It
    runs at every start-up, so the due cases are found with a plain id query first (compiling
    the full case load costs more than the query itself when nothing is due).
    """
    due_ids = _due_age_gates(today)
    if session.scalar(due_ids.limit(1)) is None:
        return 0
    due = session.scalars(select(Case).where(Case.id.in_(due_ids)).order_by(Case.id)).unique()
    changed = 0
    for case in due:
        if apply_age_gate(case, today, user=None):
            refresh_stage(case)
            changed += 1
    session.flush()
    return changed


def step_view(step: WorkflowStep, today: date) -> StepView:
    return StepView(
        key=step.key,
        title=step.key.label,
        status=step.status,
        note=step.note,
        due_on=step.due_on,
        updated_by=step.updated_by,
        updated_at=step.updated_at,
        done_reason=step.done_reason,
        overdue=step.due_on is not None and step.due_on < today and not step.status.is_finished,
    )
