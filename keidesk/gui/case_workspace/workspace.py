"""The case workspace: one truck's vehicle, customer, shipping, workflow, documents, history.

Field edits are kept as typed text and go through one undo stack (typing in the same field
merges into one step); Ctrl+S parses them and saves them all in one transaction through
``update_case``, or refuses with the field's plain message and saves nothing. A save carries the
case's version and what each edited field said when the editing began: when someone else (another
window, another computer) changed the case meanwhile, only the same fields conflict, and the user
chooses to reload theirs or keep their own. Workflow moves and
attachments are their own actions, saved at once (the gates decide, not the undo stack).
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from keidesk import clock
from keidesk.domain.dates import PartialDate, parse_date, parse_day
from keidesk.domain.eligibility import Eligibility, assess_eligibility
from keidesk.domain.errors import KeideskError, NotFound
from keidesk.domain.money import Money
from keidesk.gui.case_workspace.costs_panel import CostsPanel
from keidesk.gui.case_workspace.documents_panel import DocumentsPanel
from keidesk.gui.case_workspace.field_hints import field_hint
from keidesk.gui.case_workspace.history_panel import HistoryPanel
from keidesk.gui.case_workspace.workflow_panel import WorkflowPanel
from keidesk.gui.kit import theme
from keidesk.gui.kit.changes import CaseIds, concerns
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.date_field import DateField
from keidesk.gui.kit.dialogs import Discard
from keidesk.gui.kit.i18n import tr, tr_error, tr_message
from keidesk.gui.kit.tasks import TaskHandle
from keidesk.gui.widgets.state_panel import StateRulePanel
from keidesk.services.case_fields import (
    DAY,
    FIELDS,
    PARTIAL_DATE,
    Tab,
    field_texts,
    on_tab,
    ordered_changes,
    parse_changes,
)
from keidesk.services.cases import CaseChanged, case_detail, update_case
from keidesk.services.dashboard import stage_title
from keidesk.services.reference import (
    acknowledge_rule_change,
    get_state_rule,
    list_state_rules,
)
from keidesk.services.views import CaseDetail

FIELD_EDIT_ID = 1001
#: Fields the header line shows (it follows them as they are typed).
HEADER_FIELDS = frozenset(
    {"make", "model", "built", "customer_name", "destination_state", "planned_registration"}
)


class FieldEdit(QUndoCommand):
    """One field's text changed; consecutive typing in the same field merges into one step."""

    def __init__(self, workspace: CaseWorkspace, name: str, old: str, new: str) -> None:
        super().__init__(tr("edit {field}").format(field=tr(FIELDS[name].label)))
        self.workspace = workspace
        self.name = name
        self.old = old
        self.new = new

    def id(self) -> int:
        return FIELD_EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FieldEdit) or other.name != self.name:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.workspace.set_field_text(self.name, self.new)

    def undo(self) -> None:
        self.workspace.set_field_text(self.name, self.old)


class _UndoKeysToStack(QObject):
    """Editors keep Ctrl+Z for themselves; this hands it to the workspace's undo stack so
    there is one history of edits, whatever box has the focus."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Not accepted, so the Undo/Redo actions get the shortcut.
        return (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        )


class EligibilityPanel(QLabel):
    """The three age rules with their dates, coloured, each with its rule and citation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setObjectName("eligibility")

    def show_eligibility(self, eligibility: Eligibility | None, note: str = "") -> None:
        if eligibility is None:
            self.setText(
                note
                or tr("Enter the build date or the first registration date to see eligibility.")
            )
            return
        rows = []
        for result in eligibility.results:
            kind = theme.eligibility_kind(result.eligible_on, eligibility.on)
            verdict = (
                tr("eligible")
                if result.eligible
                else tr("in {days} days").format(days=f"{result.days_remaining:,}")
            )
            rows.append(
                f"<tr><td style='padding-right:10px'><b style='color:{theme.hex_colour(kind)}'>"
                f"{result.eligible_on.isoformat()}</b></td>"
                f"<td><b>{escape(tr(result.title))}</b> — {verdict}<br>"
                f"<small>{escape(tr_message(result.explanation))}<br>{escape(result.citation)}</small></td></tr>"
            )
        basis = tr("Counted from the {basis} date {date}, checked on {on}.").format(
            basis=tr(eligibility.basis.value.replace("_", " ")),
            date=str(eligibility.basis_date),
            on=eligibility.on.isoformat(),
        )
        self.setText(f"<table cellspacing='4'>{''.join(rows)}</table><p>{basis}</p>")


class CaseWorkspace(QWidget):
    title_changed = Signal()
    gone = Signal()  # the case no longer exists (deleted elsewhere, or a restore without it)
    packet_requested = Signal(int)  # the case id: build its document packet

    def __init__(self, context: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case_id = case_id
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self.title_changed)
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.hints: dict[str, QLabel] = {}
        self._texts: dict[str, str] = {}  # what each editor holds, as the stack knows it
        self._baseline: dict[str, str] = {}  # what is saved
        # What each edited field said when its editing began, and the case's version then: a
        # save is compared with these, so a change made elsewhere meanwhile is never overwritten
        # without the user choosing to.
        self._seen: dict[str, str] = {}
        self._edits_from: int | None = None
        self._setting = False
        self._undo_keys = _UndoKeysToStack(self)
        self._reads = 0  # the number of the latest read of the case: an older answer is dropped
        self._attached = True
        self.detail: CaseDetail | None = None  # until it is read
        # The warnings of the saved state's rule, and of the state typed in the form.
        self._saved_rule_warnings: tuple[str, ...] = ()
        self._live_rule_warnings: tuple[str, ...] = ()

        self.header = QLabel()
        self.header.setObjectName("case_header")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings = QLabel()
        self.warnings.setObjectName("case_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.eligibility = EligibilityPanel()
        self.kei_class = QLabel()
        self.kei_class.setWordWrap(True)
        self.state_panel = StateRulePanel()
        self.costs = QLabel()
        self.costs.setWordWrap(True)
        self.costs.setTextFormat(Qt.TextFormat.RichText)
        self.workflow = WorkflowPanel(context)
        self.documents = DocumentsPanel(context)
        self.history = HistoryPanel(context)
        # The Alt-letters are the keyboard scheme's (keidesk.gui.kit.shortcuts, "tab_…").
        self.tabs.addTab(self._vehicle_tab(), tr("Vehic&le"))
        self.tabs.addTab(self._customer_tab(), tr("C&ustomer, state && notes"))
        self.tabs.addTab(self._shipping_tab(), tr("Sh&ipping && customs"))
        self.tabs.addTab(self.workflow, tr("&Workflow"))
        self.tabs.addTab(self.documents, tr("D&ocuments"))
        self.costs_panel = CostsPanel(context)
        self.tabs.addTab(self.costs_panel, tr("Costs && &margin"))
        self.tabs.addTab(self.history, tr("Histor&y"))
        self.tabs.currentChanged.connect(self._tab_changed)

        self.packet_button = QPushButton(tr("Document packet…"))
        self.packet_button.setObjectName("workspace_packet")
        self.packet_button.setToolTip(tr("Build, preview, print or save this case's packets"))
        self.packet_button.clicked.connect(lambda: self.packet_requested.emit(self.case_id))
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.packet_button, 0, Qt.AlignmentFlag.AlignTop)
        # "Rule changed since packet was printed": reprint, or acknowledge here (issue 15).
        self.ack_rule_button = QPushButton(tr("Acknowledge rule change"))
        self.ack_rule_button.setObjectName("workspace_ack_rule")
        self.ack_rule_button.clicked.connect(self._acknowledge_rule_change)
        self.ack_rule_button.hide()
        notices = QHBoxLayout()
        notices.addWidget(self.warnings, 1)
        notices.addWidget(self.ack_rule_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(notices)
        layout.addWidget(self.tabs, 1)

        self.header.setText(tr("Opening case…"))
        self.set_editable(False)  # until the case is read
        self._read_case()
        context.changes.cases_changed.connect(self._cases_changed)

    # --- building the tabs --------------------------------------------------------------------

    def _editor(self, name: str) -> QWidget:
        spec = FIELDS[name]
        editor: QLineEdit | QPlainTextEdit
        if spec.kind is DAY or spec.kind is PARTIAL_DATE:
            editor = DateField(day_only=spec.kind is DAY)
            if spec.hint:
                editor.setPlaceholderText(tr(spec.hint))
            editor.textEdited.connect(lambda text, n=name: self._edited(n, text))
        elif spec.multi_line:
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setMaximumHeight(80 if name == "customer_address" else 110)
            editor.setPlaceholderText(tr(spec.hint))
            editor.textChanged.connect(lambda n=name, e=editor: self._edited(n, e.toPlainText()))
        else:
            editor = QLineEdit()
            editor.setPlaceholderText(tr(spec.hint))
            editor.textEdited.connect(lambda text, n=name: self._edited(n, text))
        editor.setObjectName(f"field_{name}")
        editor.setAccessibleName(tr(spec.label))
        editor.installEventFilter(self._undo_keys)
        self.editors[name] = editor
        if spec.feedback is None:
            return editor
        hint = QLabel()
        hint.setObjectName(f"hint_{name}")
        hint.setWordWrap(True)
        hint.setTextFormat(Qt.TextFormat.RichText)
        self.hints[name] = hint
        box = QWidget()
        box.setFocusProxy(editor)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(1)
        box_layout.addWidget(editor)
        box_layout.addWidget(hint)
        return box

    def _form(self, names: tuple[str, ...]) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in names:
            row = self._editor(name)
            form.addRow(tr(FIELDS[name].label), row)
            label = form.labelForField(row)
            if isinstance(label, QLabel):
                label.setBuddy(self.editors[name])  # not the box holding it and its hint
        return form

    @staticmethod
    def _scrolling(inner: QWidget) -> QScrollArea:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        return scroll

    def _vehicle_tab(self) -> QWidget:
        left = QWidget()
        left.setLayout(self._form(on_tab(Tab.VEHICLE)))
        eligibility_box = QGroupBox(tr("Eligibility"))
        QVBoxLayout(eligibility_box).addWidget(self.eligibility)
        kei_box = QGroupBox(tr("Kei class"))
        QVBoxLayout(kei_box).addWidget(self.kei_class)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(eligibility_box)
        right_layout.addWidget(kei_box)
        right_layout.addStretch(1)
        page = QWidget()
        grid = QGridLayout(page)
        grid.addWidget(left, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(right, 0, 1)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 4)
        grid.setRowStretch(1, 1)
        self._completer("body_type", ["truck", "van"])
        self._completer("drive", ["2WD", "4WD"])
        return self._scrolling(page)

    def _customer_tab(self) -> QWidget:
        left = QWidget()
        left.setLayout(self._form(on_tab(Tab.CUSTOMER)))
        # The 51 states: a small fixed list, read at once.
        codes = [r.code for r in self.context.read(lambda s: list_state_rules(s, today=date.min))]
        self._completer("destination_state", codes)
        rule_box = QGroupBox(tr("Registration in the destination state"))
        QVBoxLayout(rule_box).addWidget(self.state_panel)
        return self._form_beside_box(left, rule_box, stretch=(4, 5))

    def _shipping_tab(self) -> QWidget:
        left = QWidget()
        left.setLayout(self._form(on_tab(Tab.SHIPPING)))
        cost_box = QGroupBox(tr("Duty and landed cost (estimate)"))
        QVBoxLayout(cost_box).addWidget(self.costs)
        return self._form_beside_box(left, cost_box, stretch=(5, 4))

    def _form_beside_box(self, form: QWidget, box: QWidget, *, stretch: tuple[int, int]) -> QWidget:
        """A tab page: the editable form on the left, what it implies in a box on the right."""
        page = QWidget()
        grid = QGridLayout(page)
        grid.addWidget(form, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(box, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, stretch[0])
        grid.setColumnStretch(1, stretch[1])
        grid.setRowStretch(1, 1)
        return self._scrolling(page)

    def _completer(self, name: str, words: list[str]) -> None:
        editor = self.editors[name]
        if isinstance(editor, QLineEdit):
            completer = QCompleter(words, editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            editor.setCompleter(completer)

    # --- loading and showing ------------------------------------------------------------------

    @property
    def loaded(self) -> bool:
        """Has the case been read (its fields shown and editable)?"""
        return self.detail is not None

    @property
    def number(self) -> str:
        return self.detail.number if self.detail is not None else "…"

    def _read_case(self) -> None:
        """Read the case off the GUI thread and show it when it arrives: as it opens, and
        again after a change elsewhere (field edits then stay). Each read is numbered; an
        answer older than a later read or save is dropped. A case that is gone says so."""
        self._reads += 1
        number, case_id, today = self._reads, self.case_id, self.context.today

        def arrived(detail: CaseDetail) -> None:
            if not self._alive() or number != self._reads:
                return
            opening = self.detail is None
            self._show(detail, keep_edits=not opening)
            if opening:
                self.set_editable(not self.context.read_only)

        def failed(exc: BaseException) -> None:
            if not self._alive():
                return
            if isinstance(exc, NotFound):
                self.gone.emit()
            else:
                self.context.reporter.user_error(exc)

        self.context.read_task(
            lambda s: case_detail(s, case_id, today=today),
            arrived,
            on_error=failed,
            title=tr("Reading {number}…").format(number=self.number),
        )

    def _show(self, detail: CaseDetail, *, keep_edits: bool) -> None:
        """Show saved data; with ``keep_edits`` the fields being edited keep their text."""
        self.detail = detail
        saved = field_texts(detail)
        for name, text in saved.items():
            edited = keep_edits and self._texts.get(name, text) != self._baseline.get(name, text)
            if not edited:
                self.set_field_text(name, text)
        self._baseline = saved
        self._saved_rule_warnings = self._rule_warnings(detail.destination_state)
        self._show_summaries(detail)
        self._show_header(detail)
        self.workflow.show_detail(detail)
        self.documents.show_documents(detail.id, detail.documents)
        self.title_changed.emit()

    def _show_header(self, detail: CaseDetail) -> None:
        """The case's line at the top, from the form as it is typed (saved or not), and the
        warnings: those of the state typed in replace those of the state saved."""
        typed = self.field_text
        vehicle = " ".join(p for p in (typed("make"), typed("model")) if p.strip())
        vehicle = vehicle or tr("make unknown")
        built = tr("built {date}").format(date=typed("built")) if typed("built").strip() else ""
        customer = typed("customer_name").strip() or tr("no customer yet")
        state = typed("destination_state").strip().upper() or "—"
        self.header.setText(
            f"<span style='font-size:large'><b>{detail.number}</b> · {escape(detail.chassis)}"
            f"</span><br>{escape(vehicle)} {escape(built)} · {escape(customer)} → {state} · "
            + tr("stage: {stage}").format(stage=tr(stage_title(detail.stage)))
        )
        self.ack_rule_button.setVisible(
            detail.rule_changed_since_packet and not self.context.read_only
        )
        saved_rule = set(self._saved_rule_warnings)
        kept = [w for w in detail.warnings if w not in saved_rule]  # the chassis's, the packet's
        warnings = list(dict.fromkeys([*kept, *self._live_rule_warnings]))
        if warnings:
            colour = theme.hex_colour(theme.SOON)
            self.warnings.setText(
                "".join(
                    f"<div style='color:{colour}'>⚠ {escape(tr_message(w))}</div>" for w in warnings
                )
            )
            self.warnings.show()
        else:
            self.warnings.hide()

    def _rule_warnings(self, code: str | None) -> tuple[str, ...]:
        """The warnings of a state's rule (one row by its key: small, read at once)."""
        if not code:
            return ()
        today = self.context.today
        try:
            on = parse_day(self._baseline.get("planned_registration", ""))
        except KeideskError:
            on = today
        try:
            return self.context.read(lambda s: get_state_rule(s, code, today=today, on=on)).warnings
        except KeideskError:
            return ()

    def _show_summaries(self, detail: CaseDetail) -> None:
        self._refresh_eligibility()
        kei = detail.kei_class
        summary = tr_message(kei.summary)
        self.kei_class.setText(f"{summary}\n{tr_message(kei.source)}" if kei.source else summary)
        self._refresh_state_rule()
        lines = []
        if detail.duty_estimate is not None:
            duty = detail.duty_estimate
            lines.append(
                tr("Duty {duty}, Section 232 {s232}, MPF {mpf}, HMF {hmf}").format(
                    duty=_usd(duty.duty_cents),
                    s232=_usd(duty.section232_cents),
                    mpf=_usd(duty.mpf_cents),
                    hmf=_usd(duty.hmf_cents),
                )
            )
            lines.append(
                tr("Total duty and fees: <b>{total}</b>").format(total=_usd(duty.total_cents))
            )
            lines.extend(escape(tr_message(n)) for n in duty.notes)
        if detail.landed_cost_estimate is not None:
            lines.append(
                tr("Landed cost (value, duty, fees and freight): <b>{cost}</b>").format(
                    cost=detail.landed_cost_estimate
                )
            )
        if detail.purchase_price is not None:
            lines.append(tr("Purchase price: {price}").format(price=detail.purchase_price))
        self.costs.setText(
            "<br>".join(lines) or tr("Enter the customs value to estimate duty and landed cost.")
        )

    def _refresh_eligibility(self) -> None:
        """Eligibility from the dates as typed, so it changes as they are corrected."""
        reference = (self.detail.eta if self.detail else None) or self.context.today
        try:
            built = _date_or_none(self.field_text("built"))
            first = _date_or_none(self.field_text("first_registered"))
        except KeideskError:
            self.eligibility.show_eligibility(
                None, tr("Correct the dates above to see eligibility.")
            )
            return
        if built is None and first is None:
            self.eligibility.show_eligibility(None)
            return
        self.eligibility.show_eligibility(assess_eligibility(built, first, reference))

    def _refresh_state_rule(self) -> None:
        code = self.field_text("destination_state").strip()
        self._live_rule_warnings = ()
        if not code:
            self.state_panel.show_rule(None)
            return
        today = self.context.today
        try:  # the rule in force on the planned registration day, if one is entered
            on = parse_day(self.field_text("planned_registration"))
        except KeideskError:
            on = today
        try:  # one row by its key, as the state is typed: small, read at once
            rule = self.context.read(lambda s: get_state_rule(s, code, today=today, on=on))
        except KeideskError as exc:
            self.state_panel.show_rule(None, tr_error(exc))
            return
        self.state_panel.show_rule(rule)
        self._live_rule_warnings = rule.warnings

    def _acknowledge_rule_change(self) -> None:
        case_id = self.case_id
        self.ack_rule_button.setEnabled(False)

        def done(_was_up: bool) -> None:
            self.ack_rule_button.setEnabled(True)

        self.context.write(
            lambda s: acknowledge_rule_change(s, case_id),
            done,
            cases=lambda _was_up: {case_id},
            origin=None,  # the case changed: this view refreshes like every other
            on_error=lambda _exc: done(False),
            title=tr("Acknowledging the rule change…"),
        )

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.history:
            self.history.load(self.case_id)
        elif self.tabs.currentWidget() is self.costs_panel and self.costs_panel.case_id is None:
            self.costs_panel.load(self.case_id)

    def set_editable(self, editable: bool) -> None:
        for editor in self.editors.values():
            editor.setReadOnly(not editable)
        self.workflow.set_editable(editable)
        self.documents.set_editable(editable)
        self.costs_panel.set_editable(editable)

    # --- editing --------------------------------------------------------------------------------

    def field_text(self, name: str) -> str:
        return self._texts.get(name, "")

    def set_field_text(self, name: str, text: str) -> None:
        """Put text in a field without recording an edit (used by undo, redo and loading)."""
        self._texts[name] = text
        editor = self.editors[name]
        current = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
        if current != text:
            self._setting = True
            try:
                if isinstance(editor, QPlainTextEdit):
                    editor.setPlainText(text)
                else:
                    editor.setText(text)
            finally:
                self._setting = False
        self._field_changed(name)
        self.title_changed.emit()

    def _edited(self, name: str, text: str) -> None:
        if self._setting or self.context.read_only:
            return
        old = self._texts.get(name, "")
        if text != old:
            if self.detail is not None:
                if not self.dirty:
                    self._edits_from = self.detail.version
                    self._seen = {}
                self._seen.setdefault(name, self._baseline.get(name, ""))
            self.undo_stack.push(FieldEdit(self, name, old, text))

    def _field_changed(self, name: str) -> None:
        hint_label = self.hints.get(name)
        if hint_label is not None:
            hint = field_hint(self.context, name, self._texts.get(name, ""))
            hint_label.setText(hint.html() if hint else "")
            hint_label.setVisible(hint is not None)
        if name in {"built", "first_registered"} and self.detail is not None:
            self._refresh_eligibility()
        if name in {"destination_state", "planned_registration"} and self._baseline:
            self._refresh_state_rule()
        if name in HEADER_FIELDS and self.detail is not None:
            self._show_header(self.detail)  # live: what the header says follows the form

    def pending_texts(self) -> dict[str, str]:
        """The fields whose text differs from what is saved."""
        return {
            name: text for name, text in self._texts.items() if text != self._baseline.get(name, "")
        }

    @property
    def dirty(self) -> bool:
        return bool(self.pending_texts())

    def title(self) -> str:
        return f"{self.number}{' •' if self.dirty else ''}"

    def save(self, *, over_theirs: bool = False) -> TaskHandle[Any] | None:
        """Save every edited field in one transaction, off the GUI thread. On a refusal
        nothing is saved, the edits stay and the reason is shown. Returns the running save,
        or None when none started (nothing to save, or a field that does not parse).

        A field someone else changed since this one's editing began is not overwritten: the
        save is refused and the user chooses (:meth:`_changed_elsewhere`). ``over_theirs``
        saves the edits as they are, after the user chose to keep theirs."""
        pending = self.pending_texts()
        if not pending:
            self.undo_stack.setClean()
            return None
        try:
            changes = ordered_changes(parse_changes(pending))
        except KeideskError as exc:
            self._not_saved(exc)
            return None
        case_id, user, today = self.case_id, self.context.user, self.context.today
        version = None if over_theirs or self.detail is None else self._edits_from
        if version is None and not over_theirs and self.detail is not None:
            version = self.detail.version
        seen = {name: self._seen.get(name, self._baseline.get(name, "")) for name in pending}

        def save_changes(session: Session) -> CaseDetail:
            update_case(
                session, case_id, changes, user=user, today=today, if_version=version, seen=seen
            )
            return case_detail(session, case_id, today=today)  # as saved, in the same session

        self.set_editable(False)  # busy: no edits while the saved state is on its way
        self._reads += 1  # a reload asked for before the save would show the old state
        return self.context.write(
            save_changes,
            self._saved,
            cases=lambda _detail: {case_id},
            origin=self,
            on_error=self._not_saved,
            title=tr("Saving {number}…").format(number=self.number),
        )

    def save_and_wait(self) -> bool:
        """Save and wait for the outcome (events go on meanwhile); True when all is saved."""
        handle = self.save()
        if handle is not None:
            self.context.tasks.wait_for(handle)
        return not self.dirty

    def _saved(self, detail: CaseDetail) -> None:
        """The fields show the saved text as formatted ("48200" as "48,200 km")."""
        if not self._alive():
            return
        self._show(detail, keep_edits=False)
        self.set_editable(not self.context.read_only)
        self.undo_stack.setClean()
        self._seen = {}
        self._edits_from = None

    def _not_saved(self, exc: BaseException) -> None:
        self.set_editable(not self.context.read_only)
        if isinstance(exc, CaseChanged):
            self._changed_elsewhere(exc)
            return
        self.context.dialogs.error(self, tr_error(exc), tr("Not saved"))

    def _changed_elsewhere(self, exc: CaseChanged) -> None:
        """Someone else saved the same fields since this editing began: show who and when,
        and let the user reload theirs (the other edits stay, to save) or keep their own."""
        fields = ", ".join(tr(FIELDS[name].label) for name in exc.fields if name in FIELDS)
        when = (
            clock.local_time(exc.changed_at).strftime("%Y-%m-%d %H:%M")
            if exc.changed_at is not None
            else tr("a moment ago")
        )
        question = tr(
            "{number} was changed by {who} at {when} while you were editing it: {fields}.\n\n"
            "Nothing of yours was saved yet. Reload shows their version of these fields (your "
            "other edits stay, to save). Keep mine saves your version over theirs."
        ).format(number=exc.number, who=exc.changed_by or tr("someone"), when=when, fields=fields)
        keep = self.context.dialogs.confirm(
            self, question, tr("Changed by someone else"), yes=tr("Keep mine"), no=tr("Reload")
        )
        if keep:
            self.save(over_theirs=True)
            return
        for name in exc.fields:  # theirs: the next read shows the saved text
            self.set_field_text(name, self._baseline.get(name, ""))
            self._seen.pop(name, None)
        self._edits_from = None
        self._seen = {}
        self._read_case()

    def confirm_close(self) -> bool:
        """May the workspace close? Asks first when there are unsaved edits."""
        if not self.dirty:
            return True
        answer = self.context.dialogs.confirm_discard(self, self.number)
        if answer is Discard.SAVE:
            return self.save_and_wait()
        return answer is Discard.DISCARD

    def _cases_changed(self, case_ids: CaseIds, origin: object) -> None:
        """A write changed this case: read it again off the GUI thread and show the saved
        state; field edits stay. The workspace's own save shows what it saved itself
        (:meth:`_saved`). A case that no longer exists says so."""
        if origin is self or not concerns(case_ids, self.case_id):
            return
        self._read_case()

    def _alive(self) -> bool:
        """Is the workspace still shown? A read or a save may arrive after it closed."""
        return self._attached and shiboken6.isValid(self)

    def detach(self) -> None:
        """The tab is closing: stop following changes (the widget is deleted later)."""
        self._attached = False  # reads still on their way are dropped
        self.context.changes.cases_changed.disconnect(self._cases_changed)
        self.history.detach()
        self.costs_panel.detach()


def _date_or_none(text: str) -> PartialDate | None:
    return parse_date(text) if text.strip() else None


def _usd(cents: int) -> str:
    return str(Money(cents, "USD"))
