"""The one way to run long work off the GUI thread (STYLE.md §6).

    context.tasks.run_task(fn, on_done, on_progress=None, cancellable=True, title="Importing…")

The runner is typed by the task's result: ``on_done`` must take what ``fn`` returns. The app
has one runner, created by the launcher and handed down (``AppContext.tasks``); writes to the
database go through ``AppContext.write``, which runs them here.

``fn(progress)`` runs on a single worker thread (one at a time, so database writes and PDF
building never race); it reports with ``progress.report(done, total, text)`` and, when
cancellable, calls ``progress.check()`` now and then, which raises :class:`TaskCancelled` once
the user pressed Cancel. ``on_done(result)``, ``on_progress`` and ``on_error`` are called back
on the GUI thread. ``fn`` must open its own database session and return plain data.

Two lanes, each one thread: ``lane="work"`` (the default) for writes and long jobs, and
``lane="read"`` for the reads a person waits on (the case list, a case's detail), so a read is
never stuck behind an import or a packet batch. SQLite in WAL mode lets a reader run during a
write; each read task opens its own session (``AppContext.read_task``).

A :class:`KeideskError` raised by ``fn`` goes to ``on_error`` (default: shown as a plain
message); any other exception is a bug and goes to the crash handler. Tests switch the runner to
synchronous mode, where ``fn`` runs immediately on the calling thread. A caller that must know
the outcome before it goes on (closing a case after saving it) waits with
:meth:`TaskRunner.wait_for`, which keeps handling events meanwhile: the window never freezes.

:class:`TaskProgressBar` shows the running task with a progress bar and a Cancel button; the main
window has one in its status bar, and a dialog can embed its own.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRunnable,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from keidesk.domain.errors import KeideskError
from keidesk.gui.kit.i18n import tr

R = TypeVar("R")


class TaskCancelled(Exception):
    """Raised inside a task by :meth:`Progress.check` after the user cancelled it."""


class Progress:
    """Handed to a task: report how far it got, and learn whether it was cancelled."""

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._cancelled = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._emit(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise TaskCancelled

    def cancel(self) -> None:
        self._cancelled.set()


@dataclass
class TaskHandle(Generic[R]):
    """A running (or finished) task, as the progress bar sees it."""

    title: str
    cancellable: bool
    progress: Progress
    quiet: bool = False  # a background refresh: no progress bar
    finished: bool = False
    outcome: str = ""  # "done" | "cancelled" | "failed"
    result: R | None = None
    _bridge: Any = field(default=None, repr=False)

    def cancel(self) -> None:
        if self.cancellable:
            self.progress.cancel()


ErrorHandler = Callable[[BaseException], None]

#: Which worker thread runs a task: "work" (writes, long jobs), "read" (reads a person waits on)
#: or "count" (long reads nobody waits on, such as an exact count).
Lane = Literal["work", "read", "count"]


class _Bridge(QObject):
    """Lives on the GUI thread; its signals carry a task's news from the worker thread to its
    own slots (a queued connection, since the receiver lives on the GUI thread)."""

    progressed = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(
        self,
        on_progress: Callable[[int, int, str], None],
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
        on_cancelled: Callable[[], None],
    ) -> None:
        super().__init__()
        self._callbacks = (on_progress, on_done, on_failed, on_cancelled)
        self.progressed.connect(self._progressed)
        self.done.connect(self._done)
        self.failed.connect(self._failed)
        self.cancelled.connect(self._cancelled)

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, text: str) -> None:
        self._callbacks[0](done, total, text)

    @Slot(object)
    def _done(self, result: Any) -> None:
        self._callbacks[1](result)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._callbacks[2](exc)

    @Slot()
    def _cancelled(self) -> None:
        self._callbacks[3]()


class _Job(QRunnable):
    def __init__(
        self, fn: Callable[[Progress], Any], handle: TaskHandle[Any], bridge: _Bridge
    ) -> None:
        super().__init__()
        self.fn = fn
        self.handle = handle
        self.bridge = bridge
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.handle.progress)
        except TaskCancelled:
            self._deliver(self.bridge.cancelled.emit)
        except BaseException as exc:  # delivered to the GUI thread, where it is handled
            failure: BaseException = exc
            self._deliver(lambda: self.bridge.failed.emit(failure))
        else:
            self._deliver(lambda: self.bridge.done.emit(result))

    @staticmethod
    def _deliver(emit: Callable[[], None]) -> None:
        try:
            emit()
        except RuntimeError:  # the app is shutting down: nobody is left to tell
            if not QCoreApplication.closingDown() and QCoreApplication.instance() is not None:
                raise


class TaskRunner(QObject):
    """Runs tasks on one worker thread per lane, or immediately when ``synchronous``."""

    task_started = Signal(object)  # TaskHandle
    task_progressed = Signal(object, int, int, str)  # TaskHandle, done, total, text
    task_finished = Signal(object)  # TaskHandle

    def __init__(self, *, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.read_pool = QThreadPool(self)
        self.read_pool.setMaxThreadCount(1)
        # Exact counts that may take a while at a million cases: never ahead of a page read.
        self.count_pool = QThreadPool(self)
        self.count_pool.setMaxThreadCount(1)
        self._handles: dict[int, TaskHandle[Any]] = {}
        self._retired: list[_Bridge] = []
        #: Jobs given during a :meth:`hold`, started on its release (None: start at once).
        self._held: list[tuple[_Job, Lane]] | None = None
        #: Shows a KeideskError no on_error took; the main window sets this to its dialogs.
        self.user_error_handler: ErrorHandler | None = None
        #: Handles a bug in a task; the app sets this to the crash handler.
        self.bug_handler: ErrorHandler | None = None

    def run_task(
        self,
        fn: Callable[[Progress], R],
        on_done: Callable[[R], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        cancellable: bool = False,
        *,
        on_error: ErrorHandler | None = None,
        on_cancelled: Callable[[], None] | None = None,
        title: str = "",
        quiet: bool = False,
        lane: Lane = "work",
    ) -> TaskHandle[R]:
        def progressed(done: int, total: int, text: str) -> None:
            if on_progress is not None:
                on_progress(done, total, text)
            self.task_progressed.emit(handle, done, total, text)

        def finish(outcome: str) -> None:
            handle.finished = True
            handle.outcome = outcome
            # Dropped later: deleting the bridge inside its own slot would pull the rug.
            self._retired.append(handle._bridge)
            handle._bridge = None
            self._handles.pop(id(handle), None)
            self.task_finished.emit(handle)

        def done(result: R) -> None:
            handle.result = result
            finish("done")
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            finish("failed")
            self._handle_error(exc, on_error)

        def cancelled() -> None:
            finish("cancelled")
            if on_cancelled is not None:
                on_cancelled()

        self._retired.clear()
        bridge = _Bridge(progressed, done, failed, cancelled)
        handle: TaskHandle[R] = TaskHandle(
            title=title or tr("Working…"),
            cancellable=cancellable,
            progress=Progress(bridge.progressed.emit),
            quiet=quiet,
            _bridge=bridge,  # keeps the bridge alive until the task finishes
        )
        self._handles[id(handle)] = handle
        self.task_started.emit(handle)
        job = _Job(fn, handle, bridge)
        if self._held is not None:
            self._held.append((job, lane))
        else:
            self._start_job(job, lane)
        return handle

    def _start_job(self, job: _Job, lane: Lane) -> None:
        if self.synchronous:
            job.run()
        else:
            {"read": self.read_pool, "count": self.count_pool}.get(lane, self.pool).start(job)

    def hold(self) -> Callable[[], None]:
        """Hold the tasks given from now on; the function returned starts them, in order (once,
        however often it is called). For building a window's parts: their first reads would
        otherwise share the interpreter with the building and the window's first paint, and the
        window would freeze for all of it. A hold given while one is on is a no-op: the first
        one's release starts everything."""
        if self._held is not None:
            return lambda: None
        held: list[tuple[_Job, Lane]] = []
        self._held = held

        def release() -> None:
            if self._held is held:
                self._held = None
                for job, lane in held:
                    self._start_job(job, lane)

        return release

    def _handle_error(self, exc: BaseException, on_error: ErrorHandler | None) -> None:
        if isinstance(exc, KeideskError):
            handler = on_error or self.user_error_handler
        else:
            handler = self.bug_handler
        if handler is None:
            raise exc
        handler(exc)

    @property
    def busy(self) -> bool:
        return bool(self._handles)

    def wait_for(self, handle: TaskHandle[Any] | None = None) -> None:
        """Handle events until ``handle`` (None: every task) finished; its callbacks have run
        by then. For a caller that must know the outcome to go on; the window repaints
        meanwhile."""

        def settled() -> bool:
            return handle.finished if handle is not None else not self.busy

        if settled():
            return
        loop = QEventLoop()

        def finished(_handle: TaskHandle[Any]) -> None:
            if settled():
                loop.quit()

        self.task_finished.connect(finished)
        try:
            loop.exec()
        finally:
            self.task_finished.disconnect(finished)

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Wait for both workers to finish (at exit); callbacks arrive with the next events."""
        work_done = self.pool.waitForDone(timeout_ms)
        count_done = self.count_pool.waitForDone(timeout_ms)
        return self.read_pool.waitForDone(timeout_ms) and work_done and count_done


class TaskProgressBar(QWidget):
    """Shows the running task: its title, a progress bar and a Cancel button."""

    def __init__(self, task_runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._handle: TaskHandle[Any] | None = None
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        task_runner.task_started.connect(self._started)
        task_runner.task_progressed.connect(self._progressed)
        task_runner.task_finished.connect(self._finished)
        self.hide()

    def _started(self, handle: TaskHandle[Any]) -> None:
        if handle.quiet:
            return
        self._handle = handle
        self.label.setText(handle.title)
        self.bar.setRange(0, 0)  # busy until the first report
        self.cancel_button.setVisible(handle.cancellable)
        self.cancel_button.setEnabled(True)
        self.show()

    def _progressed(self, handle: TaskHandle[Any], done: int, total: int, text: str) -> None:
        if handle is not self._handle:
            return
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        if text:
            self.label.setText(f"{handle.title} {text}")

    def _finished(self, handle: TaskHandle[Any]) -> None:
        if handle is self._handle:
            self._handle = None
            self.hide()

    def _cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(tr("Cancelling…"))
