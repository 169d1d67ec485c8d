"""Windows and dialogs inside the screen they open on, a 1280×720 laptop at 150% included.

:func:`fitted_geometry` is the rule: the size wanted (saved, or preferred), made no larger than
the screen's free area less room for the frame and title bar, placed so all of it is on that
area. :func:`fit_window` applies it to the main window as it is restored, and
:class:`DialogFitter`, installed once on the application, to every dialog as it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
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


class DialogFitter(QObject):
    """Installed on the application: every dialog, as it is first shown, is made to fit its
    screen's free area (a message box, a file dialog, ours)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the app passes here: the cheap test first (few are a dialog's).
        if (
            isinstance(watched, QDialog)
            and event.type() == QEvent.Type.Show
            and watched.isWindow()
            and (screen := _screen_of(watched)) is not None
        ):
            available = screen.availableGeometry()
            room = room_on(available.size())
            if watched.width() > room.width() or watched.height() > room.height():
                geometry = fitted_geometry(available, watched.frameGeometry())
                watched.resize(geometry.size())
                watched.move(geometry.topLeft())
        return False
