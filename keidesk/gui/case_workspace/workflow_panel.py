"""The workflow stepper: the eight steps, their status and evidence, and the gates in words.

Each step says how many of the papers it expects are on file ("2 of 3 papers on file") and
which are missing. Marking a step done without them asks for a short reason first; the
service keeps it on the step and in the history.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from keidesk import clock
from keidesk.domain.errors import GateRefused, InvalidInput, KeideskError, PapersMissing
from keidesk.domain.workflow import STEP_DESCRIPTIONS, StepKey, StepStatus
from keidesk.gui.case_workspace.step_reason import ask_reason
from keidesk.gui.kit import theme
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.date_field import DateField
from keidesk.gui.kit.i18n import tr, tr_error
from keidesk.gui.kit.step_status import STATUS_TEXT
from keidesk.services.cases import set_step
from keidesk.services.documents import StepPapers, step_papers
from keidesk.services.views import CaseDetail, StepView

STATUS_MARK = {
    StepStatus.TODO: "○",
    StepStatus.IN_PROGRESS: "◐",
    StepStatus.DONE: "●",
    StepStatus.BLOCKED: "✖",
    StepStatus.NOT_APPLICABLE: "–",
}
STATUS_KIND = {
    StepStatus.TODO: "",  # the palette's text colour
    StepStatus.IN_PROGRESS: theme.SOON,
    StepStatus.DONE: theme.GOOD,
    StepStatus.BLOCKED: theme.BAD,
    StepStatus.NOT_APPLICABLE: theme.MUTED,
}


def papers_text(papers: StepPapers) -> str:
    """ "2 of 3 papers on file", in the user's language; empty for a step expecting none."""
    if not papers.expected:
        return ""
    count, total = papers.on_file, len(papers.expected)
    return (
        tr("{count} of {total} paper on file")
        if total == 1
        else tr("{count} of {total} papers on file")
    ).format(count=count, total=total)


def missing_text(papers: StepPapers) -> str:
    return "; ".join(tr(kind.label) for kind in papers.missing)


def step_line(step: StepView, papers: StepPapers | None = None) -> str:
    """The step, then its status and due date, then its papers (for a step expecting some)."""
    line = f"{STATUS_MARK[step.status]}  {step.key.position + 1}. {tr(step.title)}\n      " + tr(
        STATUS_TEXT[step.status]
    )
    if step.due_on and not step.status.is_finished:
        line += " · " + tr("due {date}").format(date=step.due_on.isoformat())
        if step.overdue:
            line += " " + tr("(overdue)")
    if step.updated_by and step.status is not StepStatus.TODO:
        line += " · " + step.updated_by
    if papers is not None and papers.expected:
        line += "\n      " + papers_text(papers)
        if step.done_reason:
            line += " · " + tr("done with a reason")
    return line


class WorkflowPanel(QWidget):
    """Select a step, then move it; a refused move shows the gate's reason under the buttons."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.detail: CaseDetail | None = None
        self.steps = QListWidget()
        self.steps.setObjectName("workflow_steps")
        self.steps.setAccessibleName(tr("Workflow steps"))
        self.steps.setSpacing(3)
        self.steps.setWordWrap(True)
        self.steps.currentRowChanged.connect(self._show_step)

        self.title = QLabel()
        self.title.setObjectName("step_title")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.status = QLabel()
        self.who = QLabel()
        self.due = DateField(day_only=True)
        self.due.setObjectName("step_due")
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        self.evidence = QLabel()
        self.evidence.setWordWrap(True)
        self.evidence.setTextFormat(Qt.TextFormat.RichText)
        self.evidence.setObjectName("step_evidence")
        self.done_reason = QLabel()
        self.done_reason.setObjectName("step_done_reason")
        self.done_reason.setWordWrap(True)
        self.done_reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # How the panel asks why a step is done without its papers (the reason dialog);
        # replaceable, like the packet dialog's choice of printer.
        self.ask_reason: Callable[[str, Sequence[str]], str | None] = lambda step, missing: (
            ask_reason(step, missing, self)
        )

        # The Alt-letters are the keyboard scheme's (keidesk.gui.kit.shortcuts, "step_…").
        self.start_button = QPushButton(tr("&Start"))
        self.done_button = QPushButton(tr("Mark &done"))
        self.block_button = QPushButton(tr("&Block"))
        self.na_button = QPushButton(tr("&Not applicable"))
        self.reopen_button = QPushButton(tr("&Reopen"))
        self.save_button = QPushButton(tr("Save note && due da&te"))
        self._editable = not context.read_only
        #: After a step is finished here, the next open one is selected when the case is shown.
        self._advance_from: StepKey | None = None
        for button, status in (
            (self.start_button, StepStatus.IN_PROGRESS),
            (self.done_button, StepStatus.DONE),
            (self.block_button, StepStatus.BLOCKED),
            (self.na_button, StepStatus.NOT_APPLICABLE),
            (self.reopen_button, StepStatus.TODO),
        ):
            button.clicked.connect(lambda _checked=False, s=status: self.move_current(s))
        self.save_button.clicked.connect(self._save_details)

        self.refusal = QLabel()
        self.refusal.setObjectName("gate_refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refusal.hide()

        # The buttons that move the step stay where they are whatever step is shown: right
        # under its title, before the texts whose length varies (description, papers, reason).
        moves = QHBoxLayout()
        for button in (
            self.start_button,
            self.done_button,
            self.block_button,
            self.na_button,
            self.reopen_button,
        ):
            moves.addWidget(button)
        moves.addStretch(1)
        form = QFormLayout()
        form.addRow(tr("Status"), self.status)
        form.addRow(tr("Last change"), self.who)
        form.addRow(tr("Due"), self.due)
        form.addRow(tr("Note"), self.note)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        form.addRow(save_row)
        form.addRow(tr("Papers"), self.evidence)
        form.addRow(tr("Reason given"), self.done_reason)
        self.form = form

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.title)
        right_layout.addLayout(moves)
        right_layout.addWidget(self.refusal)
        right_layout.addWidget(self.description)
        right_layout.addLayout(form)
        right_layout.addStretch(1)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.steps)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.set_editable(not context.read_only)

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.save_button.setEnabled(editable)
        self.due.setReadOnly(not editable)
        self.note.setReadOnly(not editable)
        self._enable_moves()

    def move_buttons(self) -> dict[StepStatus, QPushButton]:
        return {
            StepStatus.IN_PROGRESS: self.start_button,
            StepStatus.DONE: self.done_button,
            StepStatus.BLOCKED: self.block_button,
            StepStatus.NOT_APPLICABLE: self.na_button,
            StepStatus.TODO: self.reopen_button,
        }

    def _enable_moves(self) -> None:
        """Only the moves that change the selected step: no Start on a step in progress or
        finished, no Reopen on one still to do, no button for the status it has."""
        step = self.current_step()
        for status, button in self.move_buttons().items():
            possible = step is not None and status is not step.status
            if step is not None and step.status.is_finished:
                possible = possible and status in {
                    StepStatus.TODO,
                    StepStatus.DONE,
                    StepStatus.NOT_APPLICABLE,
                }
            button.setEnabled(self._editable and possible)

    def show_detail(self, detail: CaseDetail) -> None:
        self.detail = detail
        row = max(self.steps.currentRow(), 0)
        if self.steps.currentRow() < 0 or self._advance_from is not None:
            after = self._advance_from.position if self._advance_from is not None else -1
            self._advance_from = None
            open_rows = [i for i, s in enumerate(detail.steps) if not s.status.is_finished]
            row = next(
                (i for i in open_rows if i > after),
                open_rows[0] if open_rows else len(detail.steps) - 1,
            )
        self.steps.blockSignals(True)
        self.steps.clear()
        for step in detail.steps:
            papers = step_papers(detail.documents, step.key)
            item = QListWidgetItem(step_line(step, papers))
            if STATUS_KIND[step.status]:
                item.setForeground(theme.colour(STATUS_KIND[step.status]))
            item.setData(Qt.ItemDataRole.UserRole, step.key.value)
            tip = tr(STEP_DESCRIPTIONS[step.key])
            if papers.missing:
                tip += "\n" + tr("Not on file: {papers}").format(papers=missing_text(papers))
            item.setToolTip(tip)
            self.steps.addItem(item)
        self.steps.blockSignals(False)
        self.steps.setCurrentRow(row)
        self._show_step(row)

    def current_step(self) -> StepView | None:
        row = self.steps.currentRow()
        if self.detail is None or not 0 <= row < len(self.detail.steps):
            return None
        return self.detail.steps[row]

    def select_step(self, key: StepKey) -> None:
        self.steps.setCurrentRow(key.position)

    def _show_step(self, row: int) -> None:
        self.refusal.hide()
        step = self.current_step()
        if step is None or self.detail is None:
            return
        self.title.setText(f"{step.key.position + 1}. {tr(step.title)}")
        self.description.setText(tr(STEP_DESCRIPTIONS[step.key]))
        kind = STATUS_KIND[step.status]
        style = f" style='color:{theme.hex_colour(kind)}'" if kind else ""
        self.status.setText(f"<b{style}>{tr(STATUS_TEXT[step.status])}</b>")
        if step.updated_by and step.updated_at:
            local = clock.local_time(step.updated_at)
            self.who.setText(f"{escape(step.updated_by)}, {local:%Y-%m-%d %H:%M}")
        else:
            self.who.setText(tr("(not yet changed)"))
        self.due.setText(step.due_on.isoformat() if step.due_on else "")
        self.note.setPlainText(step.note)
        self.evidence.setText(self._evidence_html(step))
        self.done_reason.setText(step.done_reason or "")
        self.form.setRowVisible(self.done_reason, bool(step.done_reason))
        self._enable_moves()

    def _evidence_html(self, step: StepView) -> str:
        """How many expected papers are on file, which are missing, and what is filed here."""
        assert self.detail is not None
        papers = step_papers(self.detail.documents, step.key)
        parts = []
        if papers.expected:
            colour = theme.hex_colour(theme.GOOD if papers.complete else theme.SOON)
            parts.append(f"<b style='color:{colour}'>{escape(papers_text(papers))}</b>")
            if papers.missing:
                parts.append(
                    escape(tr("Not on file: {papers}").format(papers=missing_text(papers)))
                )
        documents = [d for d in self.detail.documents if d.step_key is step.key]
        parts.extend(f"• {escape(d.title)}" for d in documents)
        if not documents:
            parts.append(
                escape(tr("No documents filed under this step (attach them in the Documents tab)."))
            )
        return "<br>".join(parts)

    def _due_on(self) -> date | None:
        try:
            return self.due.value()
        except KeideskError as exc:
            raise InvalidInput(tr("Due date: {reason}").format(reason=str(exc))) from None

    def move_current(self, status: StepStatus) -> None:
        """Move the selected step (off the GUI thread); a refusal is shown in the panel."""
        step = self.current_step()
        if step is not None and self.detail is not None:
            self._save(step.key, status, advance=status.is_finished)

    def _save_details(self) -> None:
        step = self.current_step()
        if step is not None:
            self._save(step.key, step.status)

    def _save(
        self,
        key: StepKey,
        status: StepStatus,
        reason: str | None = None,
        *,
        advance: bool = False,
    ) -> None:
        """``advance``: once saved, select the next open step (the case is read again, as
        after every change, and :meth:`show_detail` selects it)."""
        assert self.detail is not None
        case_id = self.detail.id
        try:
            due_on = self._due_on()
        except KeideskError as exc:
            self._refused(exc)
            return
        note = self.note.toPlainText()
        user, today = self.context.user, self.context.today
        self._advance_from = key if advance else None
        self.set_editable(False)  # busy until the step is saved or refused
        self.context.write(
            lambda s: set_step(
                s,
                case_id,
                key,
                status,
                user=user,
                today=today,
                note=note,
                due_on=due_on,
                reason=reason,
            ),
            lambda _step: self._saved(advance),
            cases=lambda _step: {case_id},
            origin=self,
            on_error=lambda exc: self._refused(exc, key, status),
            title=tr("Saving the step…"),
        )

    def _saved(self, advanced: bool) -> None:
        self.refusal.hide()
        self.set_editable(not self.context.read_only)
        if advanced:
            self.steps.setFocus()  # on the next open step: Alt+D again finishes that one

    def _refused(
        self, exc: BaseException, key: StepKey | None = None, status: StepStatus | None = None
    ) -> None:
        """The step stays as it was; what was typed in the note and due date stays too. Papers
        missing: the staff member is asked why, and with a reason the step is marked done."""
        self._advance_from = None
        self.set_editable(not self.context.read_only)
        if isinstance(exc, PapersMissing) and key is not None and status is not None:
            reason = self.ask_reason(tr(key.label), exc.missing)
            if reason:
                self._save(key, status, reason, advance=True)
            else:
                self._refuse(tr("Not marked done: papers are missing and no reason was given."))
            return
        if isinstance(exc, GateRefused):
            self._refuse(tr("Not possible yet: {reason}").format(reason=tr_error(exc)))
        else:
            self._refuse(tr_error(exc))

    def _refuse(self, message: str) -> None:
        self.refusal.setText(
            f"<span style='color:{theme.hex_colour(theme.BAD)}'>{escape(message)}</span>"
        )
        self.refusal.setAccessibleDescription(message)
        self.refusal.show()

    def refusal_text(self) -> str:
        return "" if self.refusal.isHidden() else self.refusal.accessibleDescription()
