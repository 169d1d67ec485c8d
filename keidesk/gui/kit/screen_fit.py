"""Windows and dialogs inside the screen they open on, a 1280×720 laptop at 150% included.

:func:`fitted_geometry` is the rule: the size wanted (saved, or preferred), made no larger than
the screen's free area less room for the frame and title bar, placed so all of it is on that
area. :func:`fit_window` applies it to the main window as it is restored, and
:class:`FittedDialog`, the base of every keidesk dialog, to the dialog each time it shows.
Qt's own dialogs size themselves: its file and input dialogs are small (or the system's), and
a message box keeps its width within the screen.

Each dialog fits itself: a filter on the whole application would run Python for every event of
the app (each paint, each key), and froze the window's start about 8 ms longer.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen, QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

#: Room kept around a window for the frame and title bar the window manager adds.
FRAME_ROOM = QSize(16, 48)
#: The smallest screen every window and dialog must fit (its free area, in logical pixels).
SMALLEST_SCREEN = QSize(1280, 720)


def room_on(available: QSize) -> QSize:
    """The largest client size a window may have on a free area of this size."""
    return (available - FRAME_ROOM).expandedTo(QSize(200, 150))


def fitted_geometry(available: QRect, wanted: QRect) -> QRect:
    """``wanted`` (a client rectangle, its frame ignored) made to fit ``available`` with its
    frame: no larger, and moved (not resized further) so that all of it is on the area."""
    size = wanted.size().boundedTo(room_on(available.size()))
    outer = size + FRAME_ROOM
    left = min(
        max(wanted.x(), available.left()), available.left() + available.width() - outer.width()
    )
    top = min(
        max(wanted.y(), available.top()), available.top() + available.height() - outer.height()
    )
    return QRect(QPoint(max(left, available.left()), max(top, available.top())), size)


def _screen_of(widget: QWidget) -> QScreen | None:
    parent = widget.parentWidget()
    screen = (parent.window() if parent is not None else widget).screen()
    return screen or QGuiApplication.primaryScreen()


def fit_window(window: QWidget, preferred: QSize, *, restored: bool) -> None:
    """Keep a top-level window on its screen: a ``restored`` one keeps its saved place and size
    as far as the screen allows; else it opens at ``preferred`` (or less), centred."""
    screen = _screen_of(window)
    if screen is None or window.isMaximized() or window.isFullScreen():
        return
    available = screen.availableGeometry()
    if restored:
        wanted = QRect(window.pos(), window.size())
    else:
        size = preferred.boundedTo(room_on(available.size()))
        outer = size + FRAME_ROOM
        wanted = QRect(
            available.x() + (available.width() - outer.width()) // 2,
            available.y() + (available.height() - outer.height()) // 2,
            size.width(),
            size.height(),
        )
    geometry = fitted_geometry(available, wanted)
    window.resize(geometry.size())
    window.move(geometry.topLeft())


def fit_to_screen(dialog: QWidget) -> None:
    """Shrink and move ``dialog`` (a window) when it is larger than its screen's free area."""
    screen = _screen_of(dialog)
    if screen is None:
        return
    available = screen.availableGeometry()
    room = room_on(available.size())
    if dialog.width() > room.width() or dialog.height() > room.height():
        geometry = fitted_geometry(available, dialog.frameGeometry())
        dialog.resize(geometry.size())
        dialog.move(geometry.topLeft())


class FittedDialog(QDialog):
    """The base of every keidesk dialog: made to fit its screen's free area each time it
    shows, before it is painted."""

    def showEvent(self, event: QShowEvent) -> None:
        if self.isWindow():
            fit_to_screen(self)
        super().showEvent(event)
