"""What every window and panel of the app shares, passed down explicitly (no globals).

How a write travels: a view calls :meth:`AppContext.write` (one transaction) or
:meth:`AppContext.write_task` (a longer job, such as copying files in first); the task runner
runs it on its worker thread, one at a time; back on the GUI thread the change bus announces
which cases changed, then the caller's ``on_done`` runs. A refusal (:class:`KeideskError`)
goes to the caller's ``on_error`` and nothing is announced.

A read that grows with the data goes through :meth:`AppContext.read_task`, off the GUI thread on
the runner's read lane; :meth:`AppContext.read` is for small lookups only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from sqlalchemy.orm import Session

from keidesk import clock
from keidesk.gui.kit.changes import ChangeBus
from keidesk.gui.kit.dialogs import Dialogs
from keidesk.gui.kit.errors import ErrorReporter
from keidesk.gui.kit.settings import AppSettings
from keidesk.gui.kit.tasks import ErrorHandler, Lane, Progress, TaskHandle, TaskRunner
from keidesk.services.documents import AttachmentStore, attachment_store
from keidesk.storage.database import Database

T = TypeVar("T")


@dataclass
class AppContext:
    database: Database
    user: str
    dialogs: Dialogs
    settings: AppSettings
    tasks: TaskRunner
    reporter: ErrorReporter
    #: ``--user`` when given: it wins over the staff name saved in the preferences.
    user_override: str | None = None
    #: Where every write announces the cases it changed.
    changes: ChangeBus = field(default_factory=ChangeBus)

    @property
    def today(self) -> date:
        return clock.today()

    @property
    def read_only(self) -> bool:
        return self.database.read_only

    @property
    def store(self) -> AttachmentStore:
        return attachment_store(self.database)

    def read(self, fn: Callable[[Session], T]) -> T:
        """Run a small lookup now, on the calling thread, in its own read session: only for
        reads that do not grow with the data (a state rule, decoding a chassis number). A read
        that does goes through :meth:`read_task`."""
        with self.database.reader() as session:
            return fn(session)

    def read_task(
        self,
        fn: Callable[[Session], T],
        on_done: Callable[[T], None],
        *,
        on_error: ErrorHandler | None = None,
        title: str = "",
        lane: Lane = "read",
    ) -> TaskHandle[T]:
        """Run a read off the GUI thread, on the runner's read lane (never behind a long
        write), in its own session; ``on_done(result)`` gets the plain data on the GUI thread.
        A slow database then never freezes the window. A read that may take long and that
        nobody waits on (an exact count) goes on the ``count`` lane, never ahead of a page."""
        database = self.database

        def work(_progress: Progress) -> T:
            with database.reader() as session:
                return fn(session)

        return self.tasks.run_task(
            work, on_done, on_error=on_error, title=title, quiet=True, lane=lane
        )

    def write(
        self,
        fn: Callable[[Session], T],
        on_done: Callable[[T], None] | None = None,
        *,
        cases: Callable[[T], Iterable[int] | None],
        origin: object = None,
        on_error: ErrorHandler | None = None,
        title: str = "",
    ) -> TaskHandle[T]:
        """Run one user action in one transaction off the GUI thread: all of it is saved, or
        none. ``cases(result)`` names the cases it changed (None: many or unknown)."""
        database, user = self.database, self.user

        def work(_progress: Progress) -> T:
            with database.transaction(user) as session:
                return fn(session)

        return self.write_task(
            work, on_done, cases=cases, origin=origin, on_error=on_error, title=title
        )

    def write_task(
        self,
        fn: Callable[[Progress], T],
        on_done: Callable[[T], None] | None = None,
        *,
        cases: Callable[[T], Iterable[int] | None],
        origin: object = None,
        on_error: ErrorHandler | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        cancellable: bool = False,
        title: str = "",
    ) -> TaskHandle[T]:
        """A longer write off the GUI thread that opens its own short transactions (an
        import, copying files into the store before recording them). Its progress shows in
        the status bar; ``cases(result)`` is announced when it is done."""

        def done(result: T) -> None:
            self.changes.announce(cases(result), origin)
            if on_done is not None:
                on_done(result)

        return self.tasks.run_task(
            fn,
            done,
            on_progress,
            cancellable,
            on_error=on_error,
            on_cancelled=on_cancelled,
            title=title,
        )

    @contextmanager
    def guard(self) -> Iterator[None]:
        with self.reporter.guard():
            yield
