"""At start: make the daily backup if it is due, and remind when no backup has reached another
drive for a week. The main window calls :func:`backups_at_start` once it is shown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from keidesk.dataio import backup
from keidesk.domain.errors import KeideskError
from keidesk.storage.database import Database

#: Shows the reminder; returns True when the user wants to back up now.
Remind = Callable[[QWidget | None, str], bool]


def tr(text: str) -> str:
    return QCoreApplication.translate("BackupReminder", text)


def ask_to_back_up(parent: QWidget | None, text: str) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(tr("Backup reminder"))
    box.setText(text)
    now = box.addButton(tr("Back up now…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Later"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is now


def backups_at_start(
    parent: QWidget | None,
    database: Database,
    *,
    user: str,
    today: date,
    remind: Remind = ask_to_back_up,
) -> bool:
    """Make today's automatic backup if none exists, then show the reminder if one is due.
    Returns True when the user asked to back up now (the caller opens the backup dialog).
    A failed automatic backup is not fatal at start: it shows as the reminder instead."""
    problem = ""
    if not database.read_only and database.path is not None:
        try:
            backup.backup_if_due(database, user=user, today=today)
        except KeideskError as exc:
            problem = tr("Today's automatic backup failed: %1").replace("%1", str(exc)) + "\n\n"
    with database.reader() as session:
        text = backup.backup_reminder(session, today=today)
    if not text and not problem:
        return False
    return remind(parent, problem + (text or ""))
