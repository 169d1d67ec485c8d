"""The calendar file kept up to date: rewritten (atomically) after every write the change bus
announces, a moment later so a burst of writes makes one file, off the GUI thread."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from keidesk import crashlog
from keidesk.dataio.calendar import export_calendar
from keidesk.domain.errors import KeideskError
from keidesk.gui.kit.changes import CaseIds
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.i18n import tr
from keidesk.gui.kit.tasks import Progress
from keidesk.preferences import load_preferences, save_preferences

#: Writes within this time of each other make one file.
SETTLE_MS = 1500


class CalendarFile(QObject):
    """Writes the preference's calendar file (``Preferences.calendar_file``) when data change."""

    changed = Signal(object)  # the file's path as text, or None: not kept
    written = Signal(object)  # Path
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SETTLE_MS)
        self.timer.timeout.connect(self.write_now)
        context.changes.cases_changed.connect(self._cases_changed)
        self.problem: str | None = None

    def path_text(self) -> str | None:
        return load_preferences().calendar_file or None

    def keep(self, path: Path) -> None:
        """Keep ``path`` up to date from now on (a preference of this computer); write it now."""
        save_preferences(dataclasses.replace(load_preferences(), calendar_file=str(path)))
        self.changed.emit(str(path))
        self.write_now()

    def stop(self) -> None:
        save_preferences(dataclasses.replace(load_preferences(), calendar_file=""))
        self.changed.emit(None)

    def _cases_changed(self, _case_ids: CaseIds, _origin: object) -> None:
        if self.path_text() is not None:
            self.timer.start()

    def write_now(self) -> None:
        target = self.path_text()
        if target is None:
            return
        path, database, today = Path(target), self.context.database, self.context.today

        def work(_progress: Progress) -> Path:
            with database.reader() as session:
                return export_calendar(session, path, today=today).path

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, KeideskError):
                crashlog.record(exc)
            self.problem = tr("The calendar file could not be written: {reason}").format(reason=exc)
            self.failed.emit(self.problem)

        def done(written: Path) -> None:
            self.problem = None
            self.written.emit(written)

        # On the lane of long reads nobody waits on: never ahead of a write or a page.
        self.context.tasks.run_task(
            work,
            done,
            on_error=failed,
            quiet=True,
            title=tr("Writing the calendar file…"),
            lane="count",
        )
