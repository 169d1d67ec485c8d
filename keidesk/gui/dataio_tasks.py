"""Running a data task (import, backup, restore) off the GUI thread, with progress and cancel.

Results cross back to the GUI thread through queued signals; the task itself opens its own
session (a Session is never shared between threads). When the app's shared ``run_task`` lands,
these dialogs can move onto it; tests set ``DataTask.synchronous`` to run in-line.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from keidesk.domain.errors import KeideskError


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)


class DataTask(QObject):
    """``fn(report_progress)`` on a worker thread; ``report_progress(done, total)`` returns
    False once the user has pressed Cancel. KeideskErrors arrive in ``failed``; anything else
    is a bug and is re-raised on the worker (reaching the crash handler)."""

    synchronous: ClassVar[bool] = False
    _pool: ClassVar[QThreadPool | None] = None

    def __init__(self, fn: Callable[[Callable[[int, int], bool]], Any], parent: QObject) -> None:
        super().__init__(parent)
        self.signals = _Signals(self)
        self._fn = fn
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _report(self, done: int, total: int) -> bool:
        self.signals.progress.emit(done, total)
        return not self._cancel.is_set()

    def _run(self) -> None:
        try:
            result = self._fn(self._report)
        except KeideskError as exc:
            self.signals.failed.emit(exc)
            return
        self.signals.done.emit(result)

    def start(self) -> None:
        if DataTask.synchronous:
            self._run()
            return
        if DataTask._pool is None:
            # One worker: database writes happen one after another.
            DataTask._pool = QThreadPool()
            DataTask._pool.setMaxThreadCount(1)
        DataTask._pool.start(QRunnable.create(self._run))
