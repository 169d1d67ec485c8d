"""The desktop reminder: a notification from the system tray, when the app starts and once a
day after, saying what is overdue or due today. Where the desktop has no system tray (or it
cannot show messages) it stays quiet: the agenda tab and its panel say the same."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from keidesk.gui.kit.i18n import tr, tr_message
from keidesk.services.agenda import Agenda, reminder_text

#: How long the notification stays up (the desktop may choose otherwise).
SHOW_MS = 15_000


class TrayReminder(QObject):
    clicked = Signal()  # the notification or the tray icon: show the agenda

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.tray: QSystemTrayIcon | None = None
        self.started = False
        self.reminded_on: date | None = None
        #: What the last reminder said (shown or not), for the log and the tests.
        self.last_message: str | None = None

    def start(self) -> None:
        """Start reminding: the next agenda read is the one at start."""
        self.started = True
        if self.tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self.window.windowIcon(), self)
            self.tray.setToolTip("keidesk")
            self.tray.activated.connect(lambda _reason: self.clicked.emit())
            self.tray.messageClicked.connect(self.clicked.emit)
            self.tray.show()

    def agenda_read(self, agenda: Agenda) -> None:
        """Remind once per day, with the first agenda read that day."""
        if not self.started or self.reminded_on == agenda.today:
            return
        self.reminded_on = agenda.today
        said = reminder_text(agenda)
        if said is None:
            return
        text = tr_message(said)
        self.last_message = text[0].upper() + text[1:]
        if self.tray is not None and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(
                tr("keidesk: what needs doing"),
                self.last_message,
                QSystemTrayIcon.MessageIcon.Information,
                SHOW_MS,
            )

    def stop(self) -> None:
        if self.tray is not None:
            self.tray.hide()
