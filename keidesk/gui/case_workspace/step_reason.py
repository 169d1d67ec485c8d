"""Ask why a step is being marked done while papers it expects are not on file."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from keidesk.gui.kit.i18n import tr
from keidesk.gui.kit.screen_fit import FittedDialog


class StepReasonDialog(FittedDialog):
    """Names the missing papers and asks for a short reason; Mark done is possible only with
    one. Cancel leaves the step as it was."""

    def __init__(self, step: str, missing: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Mark {step} done without its papers?").format(step=step))
        papers = "".join(f"<li>{escape(tr(label))}</li>" for label in missing)
        intro = QLabel(
            tr("These papers for <b>{step}</b> are not on file:").format(step=escape(step))
            + f"<ul>{papers}</ul>"
            + tr("Attach them in the Documents tab, or say briefly why the step is done without")
            + " "
            + tr("them (the history keeps the reason).")
        )
        intro.setTextFormat(Qt.TextFormat.RichText)
        intro.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(tr("Reason"))
        self.reason.setPlaceholderText(tr("e.g. the customer keeps the original title"))
        self.reason.setMaxLength(300)
        buttons = QDialogButtonBox()
        self.done_button = buttons.addButton(
            tr("Mark &done"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.done_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(tr("Reason:")))
        layout.addWidget(self.reason)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())
        self._changed()

    def _changed(self) -> None:
        self.done_button.setEnabled(bool(self.reason.text().strip()))

    def accept(self) -> None:
        if self.reason.text().strip():
            super().accept()


def ask_reason(step: str, missing: Sequence[str], parent: QWidget | None) -> str | None:
    """The reason given, or None when the staff member went back."""
    dialog = StepReasonDialog(step, missing, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason.text().strip()
    finally:
        dialog.deleteLater()
