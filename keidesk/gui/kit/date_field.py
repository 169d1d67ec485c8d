"""The one date field: typed in any form the core reads, checked as it is typed, or picked
from a calendar (the button at its right end, Alt+Down or F4).

Every date in the GUI is entered in a :class:`DateField`: the new-case dialog, the case
workspace's date fields, a step's due date. It is a :class:`QLineEdit`, so what is typed stays
text until it is saved (the forms read ``text()`` as before); the field only says whether the
text reads as a date, and how: a red frame and the reason in its tooltip while it does not.
A date picked from the calendar is typed in for the user (``textEdited`` is emitted, as if
typed), in the storage form ``2026-12-20``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QVBoxLayout, QWidget

from keidesk import clock
from keidesk.domain.dates import ACCEPTED_FORMS, DAY_FORMS, parse_date, parse_day
from keidesk.domain.errors import KeideskError
from keidesk.gui.kit import theme
from keidesk.gui.kit.i18n import tr
from keidesk.gui.kit.shortcuts import sequences


def read_date(text: str, *, day_only: bool) -> date | None:
    """The first day ``text`` can be (None when empty); :class:`KeideskError` if unreadable."""
    if not text.strip():
        return None
    if day_only:
        return parse_day(text)
    return parse_date(text).earliest()


def calendar_icon(colour: str) -> QIcon:
    """A small calendar drawn in the text colour (no icon theme is needed)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QPen(QColor(colour), 1.2))
    painter.drawRect(QRect(1, 3, 13, 11))
    painter.fillRect(QRect(1, 3, 14, 3), colour)
    for x in (4, 7, 10):
        for y in (8, 11):
            painter.fillRect(QRect(x, y, 2, 2), colour)
    painter.end()
    return QIcon(pixmap)


class _CalendarPopup(QFrame):
    """The calendar under a date field: a click, Enter or Space picks; Esc closes."""

    picked = Signal(QDate)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("date_calendar")
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Sunday)  # as US calendars print it
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)

    def _pick(self, day: QDate) -> None:
        self.picked.emit(day)
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class DateField(QLineEdit):
    """A date typed or picked. ``day_only``: a date to the day (a due date, an ETA); else a
    date known to the year or month is fine too (built, first registered)."""

    #: The reason the text is no date, or "" when it reads (or is empty); as typed.
    problem_changed = Signal(str)
    #: A date was picked from the calendar (after ``textEdited``).
    date_picked = Signal()

    def __init__(self, parent: QWidget | None = None, *, day_only: bool = False) -> None:
        super().__init__(parent)
        self.day_only = day_only
        self._problem = ""
        self.setPlaceholderText(
            tr("e.g. 2026-12-20 or 12/20/2026") if day_only else tr("e.g. 1999-03 or H11.3")
        )
        self.setToolTip(self._forms())
        colour = self.palette().color(QPalette.ColorRole.Text).name()
        self.pick_action = QAction(calendar_icon(colour), tr("Pick a date"), self)
        self.pick_action.setToolTip(
            tr("Pick a date from the calendar ({keys})").format(
                keys=", ".join(s.toString() for s in sequences("date_calendar"))
            )
        )
        self.pick_action.triggered.connect(self.open_calendar)
        self.addAction(self.pick_action, QLineEdit.ActionPosition.TrailingPosition)
        self.popup: _CalendarPopup | None = None
        self.textChanged.connect(self._check)

    def fit_placeholder(self) -> None:
        """Wide enough for the whole placeholder (a translation may be longer than the English)
        beside the calendar button, and the clear button when it has one."""
        buttons = 2 if self.isClearButtonEnabled() else 1
        room = self.fontMetrics().horizontalAdvance(self.placeholderText())
        self.setMinimumWidth(room + (buttons + 1) * self.sizeHint().height())

    def _forms(self) -> str:
        return tr("Dates can be written {forms}.").format(
            forms=DAY_FORMS if self.day_only else ACCEPTED_FORMS
        )

    # --- what is typed ---------------------------------------------------------------------

    def value(self) -> date | None:
        """The date typed (its first day), or None when empty; raises if unreadable."""
        return read_date(self.text(), day_only=self.day_only)

    def problem(self) -> str:
        return self._problem

    def _check(self, text: str) -> None:
        try:
            read_date(text, day_only=self.day_only)
        except KeideskError as exc:
            problem = str(exc)
        else:
            problem = ""
        if problem == self._problem:
            return
        self._problem = problem
        if problem:
            self.setStyleSheet(f"QLineEdit {{ border: 2px solid {theme.hex_colour(theme.BAD)}; }}")
            self.setToolTip(problem)
        else:
            self.setStyleSheet("")
            self.setToolTip(self._forms())
        self.setAccessibleDescription(problem)
        self.problem_changed.emit(problem)

    # --- the calendar ------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        pressed = QKeySequence(event.keyCombination())
        if any(
            pressed.matches(s) == QKeySequence.SequenceMatch.ExactMatch
            for s in sequences("date_calendar")
        ):
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        if self.isReadOnly():
            return
        if self.popup is None:
            self.popup = _CalendarPopup(self)
            self.popup.picked.connect(self._picked)
        try:
            shown = self.value()
        except KeideskError:
            shown = None
        day = shown or clock.today()
        self.popup.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.popup.adjustSize()
        below = self.mapToGlobal(QPoint(0, self.height()))
        screen = self.screen().availableGeometry()
        size = self.popup.sizeHint()
        x = min(below.x(), screen.right() - size.width())
        y = (
            below.y()
            if below.y() + size.height() <= screen.bottom()
            else (self.mapToGlobal(QPoint(0, 0)).y() - size.height())
        )
        self.popup.move(max(x, screen.left()), max(y, screen.top()))
        self.popup.show()
        self.popup.calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        text = date(day.year(), day.month(), day.day()).isoformat()
        self.setText(text)
        self.textEdited.emit(text)  # as if typed: forms record it as an edit
        self.setFocus()
        self.date_picked.emit()

    def pick(self, day: date) -> None:
        """Pick ``day`` as from the calendar (what a click on it does)."""
        self._picked(QDate(day.year, day.month, day.day))
