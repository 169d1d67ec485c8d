"""What every window and panel of the app shares, passed down explicitly (no globals)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy.orm import Session

from keidesk import clock
from keidesk.gui.kit.dialogs import Dialogs
from keidesk.gui.kit.errors import ErrorReporter
from keidesk.gui.kit.settings import AppSettings
from keidesk.gui.kit.tasks import TaskRunner
from keidesk.services.documents import AttachmentStore
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

    @property
    def today(self) -> date:
        return clock.today()

    @property
    def read_only(self) -> bool:
        return self.database.read_only

    @property
    def store(self) -> AttachmentStore:
        return AttachmentStore(self.database.folder)

    def read(self, fn: Callable[[Session], T]) -> T:
        """Run a query in its own read session (plain data comes back)."""
        with self.database.reader() as session:
            return fn(session)

    def write(self, fn: Callable[[Session], T]) -> T:
        """Run one user action in one transaction: all of it is saved, or none."""
        with self.database.transaction(self.user) as session:
            return fn(session)

    @contextmanager
    def guard(self) -> Iterator[None]:
        with self.reporter.guard():
            yield
