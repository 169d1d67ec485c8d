"""Questions and messages for the user, behind one small service (STYLE.md §5).

Widgets never open a modal box themselves: they call ``dialogs.error(...)``,
``dialogs.confirm_discard(...)`` and so on. The app passes :class:`Dialogs`, which shows real
boxes; tests pass a subclass that records the messages and answers from a script, so no test
ever blocks on a modal box.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from keidesk.gui.i18n import tr

if TYPE_CHECKING:
    from keidesk.gui.startup import RecoveryAction, StartupProblem


#: The answer to a start-up problem that ends the app (the recovery dialog's Quit button).
QUIT = "quit"


class Discard(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Dialogs:
    """The real thing: modal message boxes and file dialogs."""

    def error(self, parent: QWidget | None, message: str, title: str = "") -> None:
        """A problem the user can act on, in plain words."""
        QMessageBox.warning(parent, title or tr("keidesk"), message)

    def info(self, parent: QWidget | None, message: str, title: str = "") -> None:
        QMessageBox.information(parent, title or tr("keidesk"), message)

    def bug(self, parent: QWidget | None, summary: str, details: str) -> None:
        """An unexpected error: what happened, with details to copy into a report."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(tr("Unexpected problem"))
        box.setText(summary)
        box.setInformativeText(
            tr("keidesk keeps running. Your saved work is safe; the last action may not have run.")
        )
        box.setDetailedText(details)  # selectable text: copy it into a report
        box.exec()

    def confirm(
        self,
        parent: QWidget | None,
        question: str,
        title: str = "",
        *,
        yes: str = "",
        no: str = "",
    ) -> bool:
        """A yes/no question; ``yes`` and ``no`` name the buttons by what they do."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title or tr("keidesk"))
        box.setText(question)
        accept = box.addButton(yes or tr("Yes"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(no or tr("No"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(accept)
        box.exec()
        return box.clickedButton() is accept

    def confirm_discard(self, parent: QWidget | None, what: str) -> Discard:
        """Unsaved changes: save them, throw them away, or go back."""
        answer = QMessageBox.question(
            parent,
            tr("Unsaved changes"),
            tr("{what} has unsaved changes. Save them?").format(what=what),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return Discard.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return Discard.DISCARD
        return Discard.CANCEL

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, text: str = ""
    ) -> str | None:
        from PySide6.QtWidgets import QInputDialog  # noqa: PLC0415 - used rarely

        value, ok = QInputDialog.getText(parent, title, label, text=text)
        return value if ok else None

    def open_files(self, parent: QWidget | None, title: str, filters: str = "") -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
        return [Path(n) for n in names]

    def open_file(self, parent: QWidget | None, title: str, filters: str = "") -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
        return Path(name) if name else None

    def save_file(
        self, parent: QWidget | None, title: str, suggested: str = "", filters: str = ""
    ) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return Path(name) if name else None

    def folder(self, parent: QWidget | None, title: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, title)
        return Path(name) if name else None

    def startup_problem(
        self, problem: StartupProblem, actions: list[RecoveryAction], parent: QWidget | None
    ) -> str:
        """The database could not be opened: returns the chosen recovery action's key."""
        from keidesk.gui.startup import StartupProblemDialog  # noqa: PLC0415 - import cycle

        dialog = StartupProblemDialog(problem, actions, parent)
        dialog.exec()
        return dialog.choice
