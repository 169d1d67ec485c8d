"""Python's garbage collection, run on the GUI thread only.

Left automatic, a collection runs in whichever thread happens to allocate past the threshold:
often a worker reading the database. A reference cycle holding a Qt object (a closed case's
widgets and the lambdas connected to them) is then destroyed on that worker, and Qt crashes
(a segmentation fault, seen in a test run). The GUI thread collects instead, from a timer, by
the same thresholds as Python would (the way calibre and qutebrowser do it).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: How often the GUI thread looks whether a collection is due.
CHECK_INTERVAL_MS = 1000


class GuiThreadCollector(QObject):
    """While started, automatic collection is off and :meth:`check` collects on the GUI thread
    what Python would have collected by now."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Back to automatic collection. What is garbage by now is collected here first, on
        the GUI thread: else the first automatic collection, on whichever thread allocates
        next, would have all of it to destroy (a test run hung in one)."""
        self._timer.stop()
        gc.collect()
        gc.enable()

    def check(self) -> int:
        """Collect the generations whose thresholds are passed, as Python would; returns how
        many objects were unreachable."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] <= thresholds[0]:
            return 0
        generation = 0
        if counts[1] > thresholds[1]:
            generation = 2 if counts[2] > thresholds[2] else 1
        return gc.collect(generation)
