"""Automatic backups while the app runs: the daily one after the main window is shown, one
when it closes, and the reminder when no backup has reached another drive for a week.

A backup at close that takes a while (a big database takes a minute) gets a small window
saying why keidesk has not ended yet, so nobody thinks it hung or starts it again meanwhile.

Both backups run off the GUI thread (``run_task``, quiet: no progress bar for routine work),
and neither copies anything when a backup already holds the data as they are (a check of a few
milliseconds, see :func:`keidesk.dataio.backup.unchanged_since_last_backup`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from keidesk import APP_NAME, crashlog
from keidesk.dataio import backup
from keidesk.domain.errors import KeideskError
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.i18n import tr
from keidesk.gui.kit.screen_fit import FittedDialog
from keidesk.gui.kit.tasks import Progress, TaskHandle


def _can_back_up(context: AppContext) -> bool:
    return not context.read_only and context.database.path is not None


def backups_at_start(
    context: AppContext, parent: QWidget | None, back_up_now: Callable[[], None]
) -> TaskHandle[Any] | None:
    """Make today's automatic backup if none exists (off the GUI thread), then remind if a
    backup to another drive is due; ``back_up_now`` runs when the user accepts. A failed
    automatic backup is not fatal: it is shown with the reminder instead."""
    database, user, today = context.database, context.user, context.today

    def remind(problem: str) -> None:
        """Read whether a backup is due off the GUI thread (it looks through the history),
        then ask."""

        def ask(reminder: str | None) -> None:
            text = reminder or ""
            if (not text and not problem) or (parent is not None and not shiboken6.isValid(parent)):
                return  # nothing to say, or the window closed meanwhile
            if context.dialogs.confirm(
                parent,
                problem + text,
                tr("Backup reminder"),
                yes=tr("Back up to folder…"),
                no=tr("Later"),
            ):
                back_up_now()

        context.read_task(
            lambda s: backup.backup_reminder(s, today=today),
            ask,
            title=tr("Backup reminder"),
        )

    if not _can_back_up(context):
        remind("")
        return None

    def failed(exc: BaseException) -> None:
        remind(tr("Today's automatic backup failed: {reason}").format(reason=exc) + "\n\n")

    def work(_progress: Progress) -> Any:
        return backup.backup_if_due(database, user=user, today=today)

    return context.tasks.run_task(
        work,
        lambda _result: remind(""),
        on_error=failed,
        quiet=True,
        title=tr("Daily backup…"),
    )


def backup_at_close(context: AppContext) -> TaskHandle[Any] | None:
    """Start the backup made when the app closes, unless the data have not changed since a
    backup (the caller waits for the task runner before closing the database). A failure is
    written to the log: nobody is left to tell."""
    if not _can_back_up(context):
        return None
    database, user, today = context.database, context.user, context.today

    def work(_progress: Progress) -> Any:
        try:
            return backup.backup_if_due(
                database, user=user, today=today, kind=backup.BackupKind.CLOSE
            )
        except KeideskError as exc:
            crashlog.record(exc)
            return None

    return context.tasks.run_task(work, quiet=True, title=tr("Backing up before closing…"))


# How long a backup at close may run before its notice shows (a small database's is done by
# then, and nothing flashes on screen). Not "#:": lupdate would take it for a translator note.
CLOSE_NOTICE_AFTER_MS = 500


class ClosingNotice(FittedDialog):
    """Says that keidesk is still making its backup at close, with a busy bar."""

    def __init__(self, database_label: str) -> None:
        super().__init__(None)
        self.setWindowTitle(APP_NAME)
        self.text = QLabel(
            tr(
                "Backing up {database} before closing…\n"
                "keidesk ends by itself once the backup is made and checked."
            ).format(database=database_label)
        )
        self.text.setWordWrap(True)
        bar = QProgressBar()
        bar.setRange(0, 0)  # busy: a copy reports no steps
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(bar)

    def reject(self) -> None:
        """Escape and the close button do nothing: the backup cannot be stopped halfway."""


def wait_for_backup_at_close(
    context: AppContext,
    handle: TaskHandle[Any],
    *,
    notice_after_ms: int = CLOSE_NOTICE_AFTER_MS,
) -> None:
    """Handle events until the backup made at close (``handle``) has finished, showing a
    :class:`ClosingNotice` once it has run ``notice_after_ms``."""
    notice = ClosingNotice(context.database.location.label)
    QTimer.singleShot(notice_after_ms, notice, notice.show)
    try:
        context.tasks.wait_for(handle)
    finally:
        notice.hide()
        notice.deleteLater()
