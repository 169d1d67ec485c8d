"""A workflow step's status in words (translated with ``tr`` where shown): the workflow panel
and the bundle import's differences say it the same way."""

from __future__ import annotations

from keidesk.domain.workflow import StepStatus

STATUS_TEXT = {
    StepStatus.TODO: "to do",
    StepStatus.IN_PROGRESS: "in progress",
    StepStatus.DONE: "done",
    StepStatus.BLOCKED: "blocked",
    StepStatus.NOT_APPLICABLE: "n/a",
}
