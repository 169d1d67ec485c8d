"""Environment problems with the database file, turned into messages a user can act on.

A locked, read-only, full, corrupt or foreign file is not a bug in keidesk: it becomes a
:class:`StorageError` with a plain message. Anything else stays an exception and reaches the
crash handler (STYLE.md: environment errors vs bugs).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.exc import DatabaseError, OperationalError

from keidesk.domain.errors import KeideskError


class StorageError(KeideskError):
    """The database could not be used; the message says why and what to do."""


class DatabaseLocked(StorageError):
    pass


class DatabaseReadOnly(StorageError):
    pass


class NotAKeideskDatabase(StorageError):
    pass


class DatabaseTooNew(StorageError):
    pass


def translate(
    exc: DatabaseError | sqlite3.DatabaseError, where: Path | str | None
) -> StorageError | None:
    """The StorageError for a known environment failure (from SQLAlchemy or from ``sqlite3``
    used directly, as backups and start-up checks do), or None for a bug."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).lower()
    place = f" ({where})" if where else ""
    if "database is locked" in text or "database table is locked" in text:
        return DatabaseLocked(
            f"The database is in use by another keidesk or program{place}. "
            "Wait a moment and try again, or close the other program."
        )
    if "readonly database" in text or "read-only" in text:
        return DatabaseReadOnly(
            f"The database file is read-only{place}; keidesk cannot save changes to it. "
            "Check the file's permissions or open a copy."
        )
    if "disk is full" in text or "database or disk is full" in text:
        return StorageError(
            f"The disk is full{place}. Free some space; nothing was saved by this action."
        )
    if "file is not a database" in text or "malformed" in text:
        return NotAKeideskDatabase(
            f"The database file is damaged or is not a database{place}. "
            "Restore a backup or choose another file."
        )
    if "unable to open database file" in text:
        return StorageError(
            f"The database file cannot be opened{place}. Check that the folder exists and "
            "that you may write to it."
        )
    if "disk i/o error" in text:
        return StorageError(
            f"The disk reported an error while reading or writing the database{place}. "
            "Check the drive (a removed USB stick?) and try again."
        )
    if isinstance(exc, OperationalError | sqlite3.OperationalError) and "no such table" in text:
        return NotAKeideskDatabase(f"This is not a complete keidesk database{place}.")
    return None
