"""Environment problems with the database file, turned into messages a user can act on.

A locked, read-only, full, corrupt or unopenable file is not a bug in keidesk and not bad input:
it becomes a :class:`StorageError` (one subclass per kind of problem) with a plain message.
The kind is read from SQLite's own error code (``sqlite_errorcode`` on Python's sqlite3
exceptions, under ``.orig`` when SQLAlchemy wraps them), never from the message's wording.
Anything else stays an exception and reaches the crash handler (STYLE.md: environment errors
vs bugs).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from keidesk.domain.errors import KeideskError


class StorageError(KeideskError):
    """The database could not be used because of its surroundings (another program, the
    disk, the file's permissions or contents); the message says why and what to do."""


class DatabaseLocked(StorageError):
    """Another program holds the database (SQLITE_BUSY, SQLITE_LOCKED)."""


class DatabaseReadOnly(StorageError):
    """The file, or this connection to it, cannot be written (SQLITE_READONLY)."""


class DiskFull(StorageError):
    """No room left to write (SQLITE_FULL)."""


class DiskError(StorageError):
    """The drive failed a read or a write (SQLITE_IOERR)."""


class CannotOpen(StorageError):
    """The file cannot be opened or created where it is (SQLITE_CANTOPEN, SQLITE_PERM)."""


class NotAKeideskDatabase(StorageError):
    """The file is not (or not all of) a keidesk database."""


class DatabaseCorrupt(NotAKeideskDatabase):
    """The file is damaged or not an SQLite database at all (SQLITE_CORRUPT, SQLITE_NOTADB)."""


class DatabaseTooNew(StorageError):
    """A newer keidesk wrote the file; this one leaves it alone."""


def _locked(place: str) -> StorageError:
    return DatabaseLocked(
        f"The database is in use by another keidesk or program{place}. "
        "Wait a moment and try again, or close the other program."
    )


def _read_only(place: str) -> StorageError:
    return DatabaseReadOnly(
        f"The database file is read-only{place}; keidesk cannot save changes to it. "
        "Check the file's permissions or open a copy."
    )


def _full(place: str) -> StorageError:
    return DiskFull(f"The disk is full{place}. Free some space; nothing was saved by this action.")


def _corrupt(place: str) -> StorageError:
    return DatabaseCorrupt(
        f"The database file is damaged or is not a database{place}. "
        "Restore a backup or choose another file."
    )


def _cannot_open(place: str) -> StorageError:
    return CannotOpen(
        f"The database file cannot be opened{place}. Check that the folder exists and "
        "that you may write to it."
    )


def _disk_error(place: str) -> StorageError:
    return DiskError(
        f"The disk reported an error while reading or writing the database{place}. "
        "Check the drive (a removed USB stick?) and try again."
    )


#: SQLite's primary result codes (the low byte of an extended code) that are the
#: environment's doing, and the error each becomes.
_BY_CODE: dict[int, Callable[[str], StorageError]] = {
    sqlite3.SQLITE_BUSY: _locked,
    sqlite3.SQLITE_LOCKED: _locked,
    sqlite3.SQLITE_READONLY: _read_only,
    sqlite3.SQLITE_FULL: _full,
    sqlite3.SQLITE_CORRUPT: _corrupt,
    sqlite3.SQLITE_NOTADB: _corrupt,
    sqlite3.SQLITE_CANTOPEN: _cannot_open,
    sqlite3.SQLITE_PERM: _cannot_open,
    sqlite3.SQLITE_IOERR: _disk_error,
}


def translate(
    exc: DBAPIError | sqlite3.DatabaseError, where: Path | str | None
) -> StorageError | None:
    """The StorageError for a known environment failure (from SQLAlchemy or from ``sqlite3``
    used directly, as backups and start-up checks do), or None for a bug."""
    error = exc.orig if isinstance(exc, DBAPIError) else exc
    code = getattr(error, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    make = _BY_CODE.get(code & 0xFF)
    return None if make is None else make(f" ({where})" if where else "")
