"""Backups: make one now (here or on a USB stick), restore one after confirming, undo the last
restore. File → Backup and the Backups window share :class:`BackupActions`; the work runs off
the GUI thread through ``run_task``; the rules are in :mod:`keidesk.dataio.backup`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from keidesk import clock
from keidesk.dataio import backup
from keidesk.gui.kit import last_folder
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.dialogs import Dialogs
from keidesk.gui.kit.i18n import tr, tr_error
from keidesk.gui.kit.screen_fit import FittedDialog
from keidesk.gui.kit.tasks import Progress, TaskHandle

#: A backup is chosen as its one file, by its ``backup.json`` (inside the backup folder) or as
#: a database file.
BACKUP_FILTER = (
    "keidesk backups (*.keidesk-backup backup.json *.sqlite3 *.sqlite *.db);;All files (*)"
)
#: A backup written as one file.
BACKUP_FILE_FILTER = "keidesk backup (*.keidesk-backup)"


def choose_backup(dialogs: Dialogs, parent: QWidget | None) -> Path | None:
    """Ask for a backup to restore: a .keidesk-backup file, a backup folder's backup.json, or
    a .sqlite3 file."""
    return dialogs.open_file(
        parent,
        tr(
            "Choose a backup: a .keidesk-backup file, the backup.json in a backup folder, "
            "or a database file"
        ),
        tr(BACKUP_FILTER),
        purpose=last_folder.BACKUP,
    )


def restore_question(source: Path) -> str:
    return tr(
        "Replace everything in keidesk with the backup in {source}?\n\n"
        "The backup is checked first. The current database is kept aside, so you can "
        "undo this restore."
    ).format(source=source)


class BackupActions(QObject):
    """Back up, restore and undo, one at a time, off the GUI thread.

    ``finished`` carries a plain sentence of what was done, ``failed`` the reason it was not;
    ``restored`` is emitted after a restore or an undo (whoever shows data reloads it).
    ``may_replace`` is asked before a restore replaces the data (the main window settles
    unsaved edits there)."""

    finished = Signal(str)
    failed = Signal(str)
    restored = Signal()
    #: No argument: ``busy`` says which. (A bool carried by a signal to a Python slot lost a
    #: reference to True/False each time in PySide6 on Python 3.11, which aborted the process
    #: at exit after enough backups.)
    busy_changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.widget = parent
        self.handle: TaskHandle[Any] | None = None
        self.may_replace: Callable[[], bool] = lambda: True

    @property
    def busy(self) -> bool:
        return self.handle is not None and not self.handle.finished

    def _start(self, fn: Callable[[], Any], done: Callable[[Any], None], title: str) -> None:
        if self.busy:
            return

        def finish() -> None:
            self.handle = None
            self.busy_changed.emit()

        def on_done(result: Any) -> None:
            finish()
            done(result)

        def on_error(exc: BaseException) -> None:
            finish()
            self.failed.emit(tr_error(exc))

        def work(_progress: Progress) -> Any:
            return fn()

        self.handle = self.context.tasks.run_task(
            work, on_done, on_error=on_error, on_cancelled=finish, title=title
        )
        self.busy_changed.emit()

    def _backed_up(self, result: backup.BackupResult) -> None:
        self.finished.emit(
            tr(
                "Backed up {cases} cases and {files} attachments to {path} (checked: {check})."
            ).format(
                cases=result.cases,
                files=result.attachments,
                path=result.path,
                check=result.integrity,
            )
        )

    def _restored(self, result: backup.RestoreResult) -> None:
        self.restored.emit()
        self.finished.emit(
            tr(
                "Restored {source} ({cases} cases). The database it replaced is kept aside; "
                "File → Backup → Undo last restore brings it back."
            ).format(source=result.restored_from, cases=result.cases)
        )

    def back_up_now(self) -> None:
        database, user = self.context.database, self.context.user
        self._start(
            lambda: backup.make_backup(database, kind=backup.BackupKind.MANUAL, user=user),
            self._backed_up,
            tr("Backing up…"),
        )

    def back_up_to_folder(self) -> None:
        folder = self.context.dialogs.folder(
            self.widget, tr("Choose a folder or drive for the backup"), purpose=last_folder.BACKUP
        )
        if folder is None:
            return
        database, user = self.context.database, self.context.user
        self._start(
            lambda: backup.make_backup(
                database, kind=backup.BackupKind.MANUAL, user=user, to=folder
            ),
            self._backed_up,
            tr("Backing up…"),
        )

    def back_up_to_file(self) -> None:
        """A manual backup as one file where the user says (a USB stick, a shared drive)."""
        suggested = f"keidesk-backup-{self.context.today.isoformat()}{backup.FILE_SUFFIX}"
        target = self.context.dialogs.save_file(
            self.widget,
            tr("Save the backup as one file"),
            suggested,
            tr(BACKUP_FILE_FILTER),
            purpose=last_folder.BACKUP,
        )
        if target is None:
            return
        database, user = self.context.database, self.context.user
        self._start(
            lambda: backup.make_backup_file(database, target, user=user),
            self._backed_up,
            tr("Backing up…"),
        )

    def restore_from(self) -> None:
        source = choose_backup(self.context.dialogs, self.widget)
        if source is None:
            return
        if not self.context.dialogs.confirm(
            self.widget, restore_question(source), tr("Restore a backup"), yes=tr("Restore")
        ):
            return
        if not self.may_replace():
            return
        database, user = self.context.database, self.context.user
        self._start(
            lambda: backup.restore_backup(database, source, user=user),
            self._restored,
            tr("Restoring…"),
        )

    def can_undo(self) -> bool:
        last = self.context.read(backup.last_restore)
        return bool(last and last.get("kept_aside"))

    def undo_restore(self) -> None:
        if not self.context.dialogs.confirm(
            self.widget,
            tr("Put back the database as it was before the last restore?"),
            tr("Undo last restore"),
            yes=tr("Undo the restore"),
        ):
            return
        if not self.may_replace():
            return
        database, user = self.context.database, self.context.user
        self._start(
            lambda: backup.undo_last_restore(database, user=user),
            self._restored,
            tr("Undoing the restore…"),
        )


class BackupDialog(FittedDialog):
    """File → Backup → Backups…: when the last backups were made, the automatic ones on this
    computer, and the same actions as the menu."""

    def __init__(
        self,
        context: AppContext,
        actions: BackupActions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Backups"))
        self.resize(680, 440)
        self.context = context
        self.backup_actions = actions or BackupActions(context, self)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.backups = QListWidget()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.backup_button = QPushButton(tr("Back up now"))
        self.backup_to_button = QPushButton(tr("Back up to folder…"))
        self.backup_file_button = QPushButton(tr("Back up to one file…"))
        self.backup_file_button.setToolTip(
            tr("One .keidesk-backup file, e.g. on a USB stick; restore it from here")
        )
        self.restore_button = QPushButton(tr("Restore from backup…"))
        self.undo_button = QPushButton(tr("Undo last restore"))
        close = QPushButton(tr("Close"))
        self.backup_button.clicked.connect(self.backup_actions.back_up_now)
        self.backup_to_button.clicked.connect(self.backup_actions.back_up_to_folder)
        self.backup_file_button.clicked.connect(self.backup_actions.back_up_to_file)
        self.restore_button.clicked.connect(self.backup_actions.restore_from)
        self.undo_button.clicked.connect(self.backup_actions.undo_restore)
        close.clicked.connect(self.accept)
        self.backup_actions.finished.connect(self._show_message)
        self.backup_actions.failed.connect(self._show_message)
        self.backup_actions.busy_changed.connect(self._busy)
        writable = not context.read_only
        for button in (self.backup_button, self.restore_button, self.undo_button):
            button.setEnabled(writable)
        buttons = QHBoxLayout()
        for button in (
            self.backup_button,
            self.backup_to_button,
            self.backup_file_button,
            self.restore_button,
            self.undo_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(
            QLabel(
                tr(
                    "Backups on this computer, newest first (daily and closing backups are "
                    "rotated; manual ones and those kept aside by a restore are always kept):"
                )
            )
        )
        layout.addWidget(self.backups, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.refresh()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.refresh()

    def refresh(self) -> None:
        today = self.context.today

        def read(session: Any) -> tuple[Any, ...]:
            return (
                backup.last_backup_at(session),
                backup.last_backup_elsewhere_at(session),
                backup.backup_reminder(session, today=today),
            )

        last, elsewhere, reminder = self.context.read(read)

        def when(moment: Any) -> str:
            return clock.local_time(moment).strftime("%Y-%m-%d %H:%M") if moment else tr("never")

        lines = [
            tr("Last backup: {when}").format(when=when(last)),
            tr("Last backup to another drive: {when}").format(when=when(elsewhere)),
        ]
        if reminder:
            lines.append(reminder)
        self.status.setText("\n".join(lines))
        self.backups.clear()
        for info in backup.backups_of(self.context.database):
            item = QListWidgetItem(
                f"{when(info.created_at)}   {tr(info.kind.value)}   "
                + (tr("{count} case") if info.cases == 1 else tr("{count} cases")).format(
                    count=info.cases
                )
            )
            item.setToolTip(str(info.path))
            self.backups.addItem(item)
        self.undo_button.setEnabled(not self.context.read_only and self.backup_actions.can_undo())

    def _busy(self) -> None:
        busy = self.backup_actions.busy
        self.progress.setVisible(busy)
        writable = not self.context.read_only
        self.backup_button.setEnabled(writable and not busy)
        self.backup_to_button.setEnabled(not busy)
        self.backup_file_button.setEnabled(not busy)
        self.restore_button.setEnabled(writable and not busy)
        if busy:
            self.undo_button.setEnabled(False)
        else:
            self.refresh()
