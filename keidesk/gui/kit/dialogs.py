"""Questions and messages for the user, behind one small service (STYLE.md §5).

Widgets never open a modal box themselves: they call ``dialogs.error(...)``,
``dialogs.confirm_discard(...)`` and so on. The app passes :class:`Dialogs`, which shows real
boxes; tests pass a subclass that records the messages and answers from a script, so no test
ever blocks on a modal box.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from keidesk.gui.kit.i18n import tr
from keidesk.gui.kit.last_folder import DATABASE, LastFolders
from keidesk.gui.kit.problem_dialog import Choice, StartupProblemDialog
from keidesk.gui.kit.settings import AppSettings

DATABASE_FILTER = "keidesk databases (*.sqlite3 *.sqlite *.db);;All files (*)"


class Discard(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Dialogs:
    """The real thing: modal message boxes and file dialogs. File dialogs open in the folder
    last used for the same ``purpose`` (:mod:`~keidesk.gui.kit.last_folder`), else in the
    user's documents."""

    def __init__(self, settings: AppSettings | None = None) -> None:
        self._settings = settings

    @property
    def last_folders(self) -> LastFolders:
        return LastFolders(self._settings or AppSettings.for_user())

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
        destructive: bool = False,
    ) -> bool:
        """A yes/no question; ``yes`` and ``no`` name the buttons by what they do. For a
        ``destructive`` action (one that cannot be undone) Enter answers no."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question)
        box.setWindowTitle(title or tr("keidesk"))
        box.setText(question)
        accept = box.addButton(yes or tr("Yes"), QMessageBox.ButtonRole.AcceptRole)
        reject = box.addButton(no or tr("No"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(reject if destructive else accept)
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

    def _start(self, purpose: str, suggested: str = "") -> str:
        return self.last_folders.start(purpose, suggested)

    def _chosen(self, purpose: str, name: str) -> Path | None:
        if not name:
            return None
        path = Path(name)
        self.last_folders.remember(purpose, path)
        return path

    def open_files(
        self, parent: QWidget | None, title: str, filters: str = "", *, purpose: str = ""
    ) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(parent, title, self._start(purpose), filters)
        if names:
            self._chosen(purpose, names[0])
        return [Path(n) for n in names]

    def open_file(
        self, parent: QWidget | None, title: str, filters: str = "", *, purpose: str = ""
    ) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, self._start(purpose), filters)
        return self._chosen(purpose, name)

    def open_database(self, parent: QWidget | None) -> Path | None:
        """Ask for a keidesk database file to open."""
        return self.open_file(
            parent, tr("Open a keidesk database"), tr(DATABASE_FILTER), purpose=DATABASE
        )

    def save_file(
        self,
        parent: QWidget | None,
        title: str,
        suggested: str = "",
        filters: str = "",
        *,
        purpose: str = "",
    ) -> Path | None:
        start = self._start(purpose, suggested)
        name, _ = QFileDialog.getSaveFileName(parent, title, start, filters)
        return self._chosen(purpose, name)

    def folder(self, parent: QWidget | None, title: str, *, purpose: str = "") -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, title, self._start(purpose))
        return self._chosen(purpose, name)

    def startup_problem(
        self, message: str, choices: Sequence[Choice], parent: QWidget | None
    ) -> str:
        """The database could not be opened: returns the key of the way out chosen."""
        dialog = StartupProblemDialog(message, choices, parent)
        dialog.exec()
        return dialog.choice

    def server_problem(
        self, headline: str, message: str, choices: Sequence[Choice], parent: QWidget | None
    ) -> str:
        """The office server cannot be used (unreachable, sign-in refused, not a keidesk
        database): the problem in plain words; returns the key of the way out chosen (Quit is
        always offered, as :data:`~keidesk.gui.kit.problem_dialog.QUIT`)."""
        dialog = StartupProblemDialog(
            message,
            choices,
            parent,
            title=tr("keidesk and the office server"),
            headline=headline,
            question=tr("What would you like to do?"),
        )
        dialog.setObjectName("server_problem_dialog")
        dialog.exec()
        return dialog.choice
