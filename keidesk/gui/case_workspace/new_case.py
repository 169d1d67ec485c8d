"""Recording a new truck: the chassis number is decoded as it is typed (full-width is fine)."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from keidesk.domain.dates import parse_date
from keidesk.domain.errors import InvalidInput, KeideskError
from keidesk.gui.case_workspace.field_hints import Hint, chassis_hint, date_hint, field_hint
from keidesk.gui.kit import theme
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.date_field import DateField
from keidesk.gui.kit.i18n import tr, tr_error
from keidesk.gui.kit.screen_fit import FittedDialog
from keidesk.services.cases import create_case
from keidesk.services.cases.lookup import ExistingCase, case_with_chassis
from keidesk.services.reference import decode_chassis, list_state_rules


class NewCaseDialog(FittedDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case_id: int | None = None
        self.setWindowTitle(tr("New case"))
        self.setMinimumWidth(560)

        self.chassis = QLineEdit()
        self.chassis.setObjectName("new_chassis")
        self.chassis.setPlaceholderText(tr("e.g. DA52T-123456 (as on the export certificate)"))
        self.chassis_hint = self._hint("new_chassis_hint")
        self.existing_button = QPushButton(tr("&Open existing case"))
        self.existing_button.setObjectName("new_open_existing")
        self.existing_button.clicked.connect(self._open_existing)
        self.existing_button.hide()
        #: The case with the chassis number typed, if one is on file; with ``open_existing``
        #: the dialog was closed to open it.
        self.existing: ExistingCase | None = None
        self.open_existing = False
        self.built = DateField()
        self.built.setObjectName("new_built")
        self.built.setPlaceholderText(tr("1999-03, H11.3, 平成11年3月"))
        self.built_hint = self._hint("new_built_hint")
        self.first_registered = DateField()
        self.first_registered.setObjectName("new_first_registered")
        self.first_registered.setPlaceholderText(tr("初度登録年月, e.g. H11.4"))
        self.first_hint = self._hint("new_first_hint")
        self.customer = QLineEdit()
        self.customer.setObjectName("new_customer")
        self.state = QLineEdit()
        self.state.setObjectName("new_state")
        self.state.setPlaceholderText(tr("two letters, e.g. TX (default: the customer's)"))
        # The 51 states: a small fixed list, read at once.
        codes = [r.code for r in context.read(lambda s: list_state_rules(s, today=date.min))]
        completer = QCompleter(codes, self.state)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.state.setCompleter(completer)
        self.state_hint = self._hint("new_state_hint")
        self.eta = DateField(day_only=True)
        self.eta.setObjectName("new_eta")
        self.eta_hint = self._hint("new_eta_hint")
        self.notes = QLineEdit()
        self.error = QLabel()
        self.error.setObjectName("new_case_error")
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        chassis_row = QHBoxLayout()
        chassis_row.setContentsMargins(0, 0, 0, 0)
        chassis_row.addWidget(self.chassis_hint, 1)
        chassis_row.addWidget(self.existing_button, 0, Qt.AlignmentFlag.AlignTop)
        chassis_under = QWidget()
        chassis_under.setLayout(chassis_row)
        form.addRow(tr("&Chassis number"), self._stack(self.chassis, chassis_under))
        form.addRow(tr("&Built"), self._stack(self.built, self.built_hint))
        form.addRow(tr("&First registered"), self._stack(self.first_registered, self.first_hint))
        form.addRow(tr("C&ustomer"), self.customer)
        form.addRow(tr("&Destination state"), self._stack(self.state, self.state_hint))
        form.addRow(tr("&ETA"), self._stack(self.eta, self.eta_hint))
        form.addRow(tr("&Notes"), self.notes)
        for editor in (self.chassis, self.built, self.first_registered, self.state, self.eta):
            # The row's Alt-letter goes to the editor, not to the box holding it and its hint.
            box = editor.parentWidget()
            label = form.labelForField(box) if box is not None else None
            if isinstance(label, QLabel):
                label.setBuddy(editor)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(tr("Create case"))
        self.create_button.setEnabled(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.chassis.textChanged.connect(self._chassis_changed)
        self.built.textChanged.connect(lambda t: self._date_changed(t, self.built_hint))
        self.first_registered.textChanged.connect(lambda t: self._date_changed(t, self.first_hint))
        self.eta.textChanged.connect(self._eta_changed)
        self.state.textChanged.connect(self._state_changed)
        self._chassis_changed("")

    @staticmethod
    def _hint(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        return label

    @staticmethod
    def _stack(editor: QWidget, hint: QWidget) -> QWidget:
        box = QWidget()
        box.setFocusProxy(editor)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(editor)
        layout.addWidget(hint)
        return box

    def _chassis_changed(self, text: str) -> None:
        """Decoded as typed, and looked up: a truck already on file is caught here, with
        the way to its case, not when Create is pressed."""
        hint = chassis_hint(self.context, text)
        self.existing = None
        if hint.kind != theme.BAD and text.strip():
            try:  # the decoding and one row by a unique index, as typed: small, read at once
                self.existing = self.context.read(
                    lambda s: case_with_chassis(s, decode_chassis(s, text).chassis.normalized)
                )
            except KeideskError:
                self.existing = None
        if self.existing is not None:
            hint = Hint(
                tr("{chassis} is already case {number}.").format(
                    chassis=escape(text.strip()), number=self.existing.number
                ),
                theme.BAD,
            )
        self.chassis_hint.setText(hint.html())
        self.existing_button.setVisible(self.existing is not None)
        self.create_button.setEnabled(bool(text.strip()) and hint.kind != theme.BAD)
        self.create_button.setDefault(self.existing is None)
        self.existing_button.setDefault(self.existing is not None)

    def _open_existing(self) -> None:
        if self.existing is not None:
            self.open_existing = True
            self.accept()

    def _eta_changed(self, text: str) -> None:
        problem = self.eta.problem()
        if not text.strip():
            self.eta_hint.setText("")
            return
        hint = (
            Hint(escape(problem), theme.BAD)
            if problem
            else Hint(tr("Read as {date}").format(date=self.eta.value()), theme.GOOD)
        )
        self.eta_hint.setText(hint.html())

    def _date_changed(self, text: str, label: QLabel) -> None:
        hint = date_hint(text, self.context.today.isoformat())
        label.setText(hint.html() if hint else "")

    def _state_changed(self, text: str) -> None:
        hint = field_hint(self.context, "destination_state", text)
        self.state_hint.setText(hint.html() if hint else "")

    def _values(self) -> dict[str, Any]:
        def optional_date(editor: QLineEdit) -> Any:
            text = editor.text().strip()
            return (
                parse_date(text, today=self.context.today, not_after_today=True) if text else None
            )

        try:
            eta = self.eta.value()
        except KeideskError as exc:
            raise InvalidInput(tr("ETA: {reason}").format(reason=str(exc))) from None
        return {
            "chassis": self.chassis.text(),
            "built": optional_date(self.built),
            "first_registered": optional_date(self.first_registered),
            "customer": self.customer.text().strip() or None,
            "state": self.state.text().strip() or None,
            "eta": eta,
            "notes": self.notes.text(),
        }

    def submit(self) -> None:
        """Record the case off the GUI thread (all or nothing). A refusal is shown in the
        dialog, which keeps what was typed."""
        try:
            values = self._values()
        except KeideskError as exc:
            self._refused(exc)
            return
        today = self.context.today
        self.buttons.setEnabled(False)  # busy until the case is recorded or refused
        self.context.write(
            lambda s: create_case(s, today=today, **values),
            self._created,
            cases=lambda case_id: {case_id},
            origin=self,
            on_error=self._refused,
            title=tr("Creating the case…"),
        )

    @property
    def busy(self) -> bool:
        return not self.buttons.isEnabled()

    def _created(self, case_id: int) -> None:
        self.case_id = case_id
        self.buttons.setEnabled(True)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(
            f"<span style='color:{theme.hex_colour(theme.BAD)}'>{tr_error(exc)}</span>"
        )
        self.error.setAccessibleDescription(tr_error(exc))
        self.error.show()

    def reject(self) -> None:
        """Esc or Cancel; not while the case is being recorded (it would be made anyway)."""
        if not self.busy:
            super().reject()
