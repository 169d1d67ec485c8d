"""Running something once a window has been painted.

Start-up work that is not needed for the first picture (the first reads, the daily backup,
loading the dialogs) would otherwise share the GUI thread and the interpreter with the window's
first layout and paint, and the window would freeze for all of it at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: How long to wait for a paint that may never come (a minimised window) before calling anyway.
PAINT_WAIT_MS = 1000


class _AfterNextPaint(QObject):
    def __init__(self, window: QWidget, call: Callable[[], None], wait_ms: int) -> None:
        super().__init__(window)
        self.call: Callable[[], None] | None = call
        window.installEventFilter(self)
        window.update()  # a paint is coming (offscreen too)
        QTimer.singleShot(wait_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Paint, QEvent.Type.UpdateRequest):
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # after the paint under way
        return False

    def _run(self) -> None:
        call, self.call = self.call, None
        if call is not None:
            self.deleteLater()
            call()


def after_next_paint(
    window: QWidget, call: Callable[[], None], *, wait_ms: int = PAINT_WAIT_MS
) -> None:
    """Call ``call`` (once) on the GUI thread just after ``window``'s next paint has ended, or
    after ``wait_ms`` when no paint comes."""
    _AfterNextPaint(window, call, wait_ms)
