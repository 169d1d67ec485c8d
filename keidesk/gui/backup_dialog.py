"""Backups: make one now (here or on a USB stick), restore one after confirming, undo the last
restore. The work runs off the GUI thread; the rules are in :mod:`keidesk.dataio.backup`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from keidesk.dataio import backup
from keidesk.domain.errors import KeideskError
from keidesk.gui.dataio_tasks import DataTask
from keidesk.storage.database import Database

ChooseFolder = Callable[[QWidget, str], Path | None]
Confirm = Callable[[QWidget, str], bool]


def tr(text: str) -> str:
    return QCoreApplication.translate("BackupDialog", text)


def choose_folder(parent: QWidget, title: str) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title)
    return Path(name) if name else None


def confirm(parent: QWidget, text: str) -> bool:
    answer = QMessageBox.question(parent, tr("Restore a backup"), text)
    return answer == QMessageBox.StandardButton.Yes


class BackupDialog(QDialog):
    """``restored`` is emitted after a restore or an undo: the caller reloads what it shows."""

    restored = Signal()

    def __init__(
        self,
        database: Database,
        *,
        user: str,
        today: date,
        choose: ChooseFolder = choose_folder,
        ask: Confirm = confirm,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Backups"))
        self.resize(640, 440)
        self._database = database
        self._user = user
        self._today = today
        self._choose = choose
        self._ask = ask
        self._task: DataTask | None = None

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
        self.restore_button = QPushButton(tr("Restore from backup…"))
        self.undo_button = QPushButton(tr("Undo last restore"))
        close = QPushButton(tr("Close"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.backup_to_button.clicked.connect(self.back_up_to_folder)
        self.restore_button.clicked.connect(self.restore_from)
        self.undo_button.clicked.connect(self.undo_restore)
        close.clicked.connect(self.accept)
        actions = QHBoxLayout()
        for button in (
            self.backup_button,
            self.backup_to_button,
            self.restore_button,
            self.undo_button,
        ):
            actions.addWidget(button)
        actions.addStretch()
        actions.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(QLabel(tr("Automatic backups on this computer (newest first):")))
        layout.addWidget(self.backups, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addLayout(actions)
        self.refresh()

    def refresh(self) -> None:
        with self._database.reader() as session:
            last = backup.last_backup_at(session)
            elsewhere = backup.last_backup_elsewhere_at(session)
            reminder = backup.backup_reminder(session, today=self._today)
            undo = backup.last_restore(session)
        lines = [
            tr("Last backup: %1").replace(
                "%1", last.astimezone().strftime("%Y-%m-%d %H:%M") if last else tr("never")
            ),
            tr("Last backup to another drive: %1").replace(
                "%1",
                elsewhere.astimezone().strftime("%Y-%m-%d %H:%M") if elsewhere else tr("never"),
            ),
        ]
        if reminder:
            lines.append(reminder)
        self.status.setText("\n".join(lines))
        self.backups.clear()
        for info in backup.list_backups(backup.backups_folder(self._database)):
            when = info.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(f"{when}   {tr(info.kind.value)}   {info.cases} {tr('cases')}")
            item.setToolTip(str(info.path))
            self.backups.addItem(item)
        self.undo_button.setEnabled(bool(undo and undo.get("kept_aside")))
        if undo:
            self.undo_button.setToolTip(
                tr("Put back the database as it was before restoring %1").replace(
                    "%1", str(undo.get("restored_from"))
                )
            )

    def _start(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        task = DataTask(lambda _progress: fn(), self)
        task.signals.done.connect(done)
        task.signals.failed.connect(self._on_failed)
        self._task = task
        self._busy(True)
        task.start()

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for button in (self.backup_button, self.backup_to_button, self.restore_button):
            button.setEnabled(not busy)
        if busy:
            self.undo_button.setEnabled(False)

    def _on_failed(self, error: KeideskError) -> None:
        self._task = None
        self._busy(False)
        self.message.setText(str(error))
        self.refresh()

    def _on_backed_up(self, result: backup.BackupResult) -> None:
        self._task = None
        self._busy(False)
        self.message.setText(
            tr("Backed up %1 cases and %2 attachments to %3 (checked: %4).")
            .replace("%1", str(result.cases))
            .replace("%2", str(result.attachments))
            .replace("%3", str(result.path))
            .replace("%4", result.integrity)
        )
        self.refresh()

    def _on_restored(self, result: backup.RestoreResult) -> None:
        self._task = None
        self._busy(False)
        self.message.setText(
            tr(
                "Restored %1 (%2 cases). The database it replaced is kept aside; "
                "'Undo last restore' brings it back."
            )
            .replace("%1", str(result.restored_from))
            .replace("%2", str(result.cases))
        )
        self.refresh()
        self.restored.emit()

    def back_up_now(self) -> None:
        database, user = self._database, self._user
        self._start(
            lambda: backup.make_backup(database, kind=backup.BackupKind.MANUAL, user=user),
            self._on_backed_up,
        )

    def back_up_to_folder(self) -> None:
        folder = self._choose(self, tr("Choose a folder or drive for the backup"))
        if folder is None:
            return
        database, user = self._database, self._user
        self._start(
            lambda: backup.make_backup(
                database, kind=backup.BackupKind.MANUAL, user=user, to=folder
            ),
            self._on_backed_up,
        )

    def restore_from(self) -> None:
        source = self._choose(self, tr("Choose the backup folder to restore"))
        if source is None:
            return
        question = tr(
            "Replace everything in keidesk with the backup in %1?\n\n"
            "The backup is checked first. The current database is kept aside, so you can "
            "undo this restore."
        ).replace("%1", str(source))
        if not self._ask(self, question):
            return
        database, user = self._database, self._user
        self._start(lambda: backup.restore_backup(database, source, user=user), self._on_restored)

    def undo_restore(self) -> None:
        if not self._ask(self, tr("Put back the database as it was before the last restore?")):
            return
        database, user = self._database, self._user
        self._start(lambda: backup.undo_last_restore(database, user=user), self._on_restored)
