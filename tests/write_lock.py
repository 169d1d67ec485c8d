"""A probe for "no write transaction is held open while files are copied".

:class:`WriteLockProbe` is the real attachment store (the copy really happens) that first asks
another connection to the same SQLite file whether it could start writing right now. If a
transaction of ours held the write lock while a file was copied, the probe could not take it.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from keidesk.services.documents import AttachmentStore, StoredFile


def can_take_write_lock(database_file: Path) -> bool:
    """Whether a separate connection gets the write lock at once (``BEGIN IMMEDIATE``, no
    waiting): false while any other connection has a write transaction open."""
    with contextlib.closing(
        sqlite3.connect(database_file, timeout=0, isolation_level=None)
    ) as connection:
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:  # "database is locked"
            return False
        connection.execute("ROLLBACK")
        return True


class WriteLockProbe(AttachmentStore):
    """The store, recording for each file it copies whether the database could be written."""

    def __init__(self, folder: Path, database_file: Path) -> None:
        super().__init__(folder)
        self.database_file = database_file
        self.writable: list[bool] = []

    def put(self, source: Path) -> StoredFile:
        self.writable.append(can_take_write_lock(self.database_file))
        return super().put(source)
