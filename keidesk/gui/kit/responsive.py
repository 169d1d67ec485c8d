"""One call on a worker thread while the GUI thread goes on handling events.

For the few long steps that must finish before the GUI can go on, and that are no task of the
runner because nothing is open yet to run them on: loading the rest of the app while the main
window shows, and opening a database (which may migrate it, or wait on a locked file). The
window repaints, moves and opens its menus meanwhile, as during a modal dialog.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QEventLoop, QObject, Signal

T = TypeVar("T")


class _Finished(QObject):
    done = Signal()


class _Outcome(Generic[T]):
    def __init__(self) -> None:
        self.value: T | None = None
        self.error: BaseException | None = None


def call_while_responsive(fn: Callable[[], T], *, name: str = "keidesk-wait") -> T:
    """Return ``fn()``, run on a worker thread named ``name``; its exception is raised here,
    on the GUI thread. Closing a window meanwhile does not cut ``fn`` short."""
    finished = _Finished()
    loop = QEventLoop()
    finished.done.connect(loop.quit)  # queued: emitted on the worker thread
    outcome: _Outcome[T] = _Outcome()

    def work() -> None:
        try:
            outcome.value = fn()
        except BaseException as exc:  # handed to the GUI thread below
            outcome.error = exc
        finished.done.emit()

    thread = threading.Thread(target=work, name=name, daemon=True)
    thread.start()
    loop.exec()
    thread.join()  # already done, unless something else ended the loop early
    if outcome.error is not None:
        raise outcome.error
    return cast(T, outcome.value)  # set, since no error was raised
