"""The agenda in the app: its tab, its dashboard panel, the desktop reminder and the calendar
file kept up to date, fed by one read.

The agenda is read off the GUI thread (``read_task``) when the desk opens, after every write
(the change bus), at the turn of the day, and after an item is snoozed or handled (through
``AppContext.write``, one transaction). Answers older than the latest read are dropped.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from keidesk.dataio import backup
from keidesk.dataio.calendar import export_calendar
from keidesk.gui.agenda.calendar_file import CalendarFile
from keidesk.gui.agenda.panel import AgendaPanel
from keidesk.gui.agenda.reminders import TrayReminder
from keidesk.gui.agenda.view import AgendaView
from keidesk.gui.kit.changes import CaseIds
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.i18n import tr
from keidesk.gui.kit.tasks import Progress
from keidesk.services import agenda
from keidesk.services.agenda import DEFAULT_DAYS, Agenda, AgendaItem, AgendaKind

#: At most this many items of each kind in the tab (the rest are counted); the agenda of a
#: big database stays quick to read and to show.
VIEW_LIMIT = 200
#: How often the app looks whether the day has turned (a new day: read again, remind again).
DAY_CHECK_MS = 10 * 60 * 1000
DAYS_SETTING = "agenda/days"
LAST_SHOWN_SETTING = "agenda/last_shown"
ICS_FILTER = "iCalendar (*.ics)"


class AgendaFeature(QObject):
    """Builds the tab and the panel; asks the desk to open what an item is about."""

    open_case = Signal(int)
    open_state = Signal(str)  # a state's rule, in the rules browser
    open_backups = Signal()
    show_requested = Signal()  # bring the agenda tab to the front
    updated = Signal(object)  # Agenda, each time one is shown

    def __init__(self, context: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.agenda: Agenda | None = None
        self._generation = 0
        days = context.settings.json_value(DAYS_SETTING, DEFAULT_DAYS)
        self.view = AgendaView(days if isinstance(days, int) and 0 < days <= 366 else DEFAULT_DAYS)
        self.view.set_read_only(context.read_only)
        self.panel = AgendaPanel()
        self.calendar = CalendarFile(context, self.view)
        self.reminder = TrayReminder(window, self)
        self.reminder.clicked.connect(self.show_requested.emit)
        self.view.activated.connect(self.activate)
        self.panel.activated.connect(self.activate)
        self.panel.show_all.connect(self.show_requested.emit)
        self.view.snooze_requested.connect(self.snooze)
        self.view.handled_requested.connect(self.handled)
        self.view.days_changed.connect(self._days_changed)
        self.view.refresh_requested.connect(self.refresh)
        self.view.export_requested.connect(self.export_once)
        self.view.calendar_file_requested.connect(self.choose_calendar_file)
        self.view.calendar_file_stopped.connect(self.calendar.stop)
        self.calendar.changed.connect(self.view.calendar_file_shown)
        self.calendar.failed.connect(self.view.status.setText)
        self.view.calendar_file_shown(self.calendar.path_text())
        context.changes.cases_changed.connect(self._cases_changed)
        self._day = context.today
        self.day_timer = QTimer(self)
        self.day_timer.setInterval(DAY_CHECK_MS)
        self.day_timer.timeout.connect(self.check_day)
        self.day_timer.start()
        self.refresh()

    # --- reading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._generation += 1
        generation, today, days = self._generation, self.context.today, self.view.days.value()

        def read(session: Session) -> Agenda:
            return agenda.build_agenda(
                session,
                today=today,
                days=days,
                limit=VIEW_LIMIT,
                backup_reminder=backup.backup_reminder,
            )

        self.context.read_task(
            read, lambda result: self._read(generation, result), title=tr("Reading the agenda…")
        )

    def _read(self, generation: int, result: Agenda) -> None:
        if generation != self._generation or not shiboken6.isValid(self.view):
            return  # a newer read is on its way, or the window closed
        self.agenda = result
        self.view.show_agenda(result)
        self.panel.show_agenda(result)
        self.reminder.agenda_read(result)
        self.updated.emit(result)

    def _cases_changed(self, _case_ids: CaseIds, _origin: object) -> None:
        self.refresh()

    def _days_changed(self, days: int) -> None:
        self.context.settings.set_json_value(DAYS_SETTING, days)
        self.refresh()

    def check_day(self) -> None:
        """A new day: the agenda moves on, and the reminder speaks again."""
        if self.context.today != self._day:
            self._day = self.context.today
            self.refresh()

    def first_look_today(self) -> bool:
        """Whether this is the first time today the agenda is offered (remembered)."""
        today = self.context.today.isoformat()
        if self.context.settings.json_value(LAST_SHOWN_SETTING, "") == today:
            return False
        self.context.settings.set_json_value(LAST_SHOWN_SETTING, today)
        return True

    def start_reminders(self) -> None:
        """The desktop reminder at start (when the first agenda is read) and once a day."""
        self.reminder.start()
        if self.agenda is not None:
            self.reminder.agenda_read(self.agenda)

    # --- acting -----------------------------------------------------------------------------

    def activate(self, item: AgendaItem) -> None:
        if item.case_id is not None:
            self.open_case.emit(item.case_id)
        elif item.state is not None:
            self.open_state.emit(item.state)
        elif item.kind is AgendaKind.BACKUP_DUE:
            self.open_backups.emit()

    def snooze(self, item: AgendaItem, days: int) -> None:
        today, user = self.context.today, self.context.user
        until: date = today + timedelta(days=days)
        self.context.write(
            lambda s: agenda.snooze(s, item.id, until, today=today, user=user),
            lambda _ref: self.refresh(),
            cases=lambda _ref: (),
            title=tr("Snoozing…"),
        )

    def handled(self, item: AgendaItem) -> None:
        today, user = self.context.today, self.context.user
        self.context.write(
            lambda s: agenda.mark_handled(s, item.id, today=today, user=user),
            lambda _ref: self.refresh(),
            cases=lambda _ref: (),
            title=tr("Marking handled…"),
        )

    # --- the calendar -----------------------------------------------------------------------

    def export_once(self) -> None:
        path = self.context.dialogs.save_file(
            self.window, tr("Export a calendar"), "keidesk.ics", tr(ICS_FILTER)
        )
        if path is None:
            return
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        database, today = self.context.database, self.context.today

        def work(_progress: Progress) -> int:
            with database.reader() as session:
                return export_calendar(session, path, today=today).events

        def done(count: int) -> None:
            self.context.dialogs.info(
                self.window,
                tr(
                    "Wrote {count} events to {path}. Import it into Outlook, Thunderbird or "
                    "Google Calendar; exporting again updates the same events."
                ).format(count=count, path=path),
            )

        self.context.tasks.run_task(work, done, title=tr("Exporting the calendar…"))

    def choose_calendar_file(self) -> None:
        path = self.context.dialogs.save_file(
            self.window,
            tr("Keep a calendar file up to date"),
            "keidesk.ics",
            tr(ICS_FILTER),
        )
        if path is None:
            return
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        self.calendar.keep(Path(path))
