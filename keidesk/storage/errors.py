"""Environment problems with the database, turned into messages a user can act on.

A locked, read-only, full, corrupt or unopenable file is not a bug in keidesk and not bad input:
it becomes a :class:`StorageError` (one subclass per kind of problem) with a plain message.
The kind is read from SQLite's own error code (``sqlite_errorcode`` on Python's sqlite3
exceptions, under ``.orig`` when SQLAlchemy wraps them), never from the message's wording.
On an office server (PostgreSQL) it is read from the SQLSTATE (``sqlstate`` on psycopg's
errors); a connection that could not be made or was lost carries none, and becomes "the
server cannot be reached" with libpq's own reason (a wrong password said as such).
Anything else stays an exception and reaches the crash handler (STYLE.md: environment errors
vs bugs).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from keidesk.domain.errors import KeideskError
from keidesk.domain.messages import Message, msg


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


class DatabaseTooOld(StorageError):
    """An office database from an older keidesk, which this seat may not upgrade."""


class ServerUnreachable(StorageError):
    """The office server cannot be reached, or the connection to it was lost."""


class SignInRefused(ServerUnreachable):
    """The office server refused the user name or password."""


class NotPermitted(StorageError):
    """The signed-in role may not do this (a staff member, a manager-only action)."""


class CaseBusy(DatabaseLocked):
    """Another seat holds the row this action waited for (lock_timeout on a server)."""


class ServerTimeout(StorageError):
    """A statement ran longer than a seat waits (statement_timeout on a server)."""


def _locked(place: str) -> StorageError:
    return DatabaseLocked(
        msg(
            "The database is in use by another keidesk or program{place}. "
            "Wait a moment and try again, or close the other program.",
            place=place,
        )
    )


def _read_only(place: str) -> StorageError:
    return DatabaseReadOnly(
        msg(
            "The database file is read-only{place}; keidesk cannot save changes to it. "
            "Check the file's permissions or open a copy.",
            place=place,
        )
    )


def _full(place: str) -> StorageError:
    return DiskFull(
        msg(
            "The disk is full{place}. Free some space; nothing was saved by this action.",
            place=place,
        )
    )


def _corrupt(place: str) -> StorageError:
    return DatabaseCorrupt(
        msg(
            "The database file is damaged or is not a database{place}. "
            "Restore a backup or choose another file.",
            place=place,
        )
    )


def _cannot_open(place: str) -> StorageError:
    return CannotOpen(
        msg(
            "The database file cannot be opened{place}. Check that the folder exists and "
            "that you may write to it.",
            place=place,
        )
    )


def _disk_error(place: str) -> StorageError:
    return DiskError(
        msg(
            "The disk reported an error while reading or writing the database{place}. "
            "Check the drive (a removed USB stick?) and try again.",
            place=place,
        )
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


def _server_busy(place: str) -> StorageError:
    return CaseBusy(
        msg(
            "Another seat is saving this case or these data{place}; try again in a moment.",
            place=place,
        )
    )


def _server_timeout(place: str) -> StorageError:
    return ServerTimeout(
        msg(
            "The office server took too long to answer{place}; nothing was saved by this "
            "action. Try again in a moment; if it keeps happening, tell whoever looks after "
            "the server.",
            place=place,
        )
    )


def _not_permitted(place: str) -> StorageError:
    return NotPermitted(
        msg(
            "The office server does not allow your sign-in to do this{place}. "
            "Ask a manager, or the person who set up the server.",
            place=place,
        )
    )


def _try_again(place: str) -> StorageError:
    return DatabaseLocked(
        msg(
            "Another seat changed the same data at the same moment{place}; nothing was saved "
            "by this action. Try again.",
            place=place,
        )
    )


def _no_database(place: str) -> StorageError:
    return CannotOpen(
        msg(
            "There is no such database on the office server{place}. Check the database name; "
            "a new office database is first created on the server (createdb) and then prepared "
            "with keidesk server init URL (see the office set-up guide).",
            place=place,
        )
    )


#: SQLSTATE classes and codes (PostgreSQL) that are the environment's doing.
_BY_SQLSTATE: dict[str, Callable[[str], StorageError]] = {
    "55P03": _server_busy,  # lock_not_available (lock_timeout)
    "57014": _server_timeout,  # query_canceled (statement_timeout)
    "42501": _not_permitted,  # insufficient_privilege
    "40001": _try_again,  # serialization_failure
    "40P01": _try_again,  # deadlock_detected
    "53100": _full,  # disk_full
    "25006": _read_only,  # read_only_sql_transaction (a standby)
    "3D000": _no_database,  # invalid_catalog_name
    "57P01": lambda place: _unreachable(place, msg("the server shut down")),  # admin_shutdown
    "57P03": lambda place: _unreachable(place, msg("the server is starting up")),
}


def _unreachable(place: str, reason: str | Message) -> StorageError:
    return ServerUnreachable(
        msg(
            "The office server cannot be reached{place}: {reason}. Check the network (and that "
            "the server is on), then try again; nothing was saved by this action.",
            place=place,
            reason=reason,
        )
    )


def _libpq_reason(error: BaseException) -> str:
    """libpq's reason on one line, without its ``connection failed: ...`` preamble."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    reason = lines[0] if lines else type(error).__name__
    reason = reason.removeprefix("connection failed: ")
    if "failed: " in reason:
        reason = reason.rpartition("failed: ")[2]
    return reason.removeprefix("FATAL:").strip().rstrip(".")


def _translate_server(error: BaseException, place: str) -> StorageError | None:
    sqlstate = getattr(error, "sqlstate", None)
    if isinstance(sqlstate, str):
        make = _BY_SQLSTATE.get(sqlstate) or (
            _BY_SQLSTATE_CLASS.get(sqlstate[:2]) if len(sqlstate) == 5 else None
        )
        return None if make is None else make(place)
    if type(error).__name__ == "DataError" and "NUL (0x00)" in str(error):
        # psycopg's own refusal, before anything reaches the server: SQLite stores such text.
        return StorageError(
            msg(
                "A value holds a NUL character (\\x00), which the office server cannot store; "
                "remove it and try again. Nothing was saved by this action."
            )
        )
    if type(error).__name__ != "OperationalError":
        return None
    # No SQLSTATE: the connection could not be made (libpq's own error) or was lost.
    reason = _libpq_reason(error)
    if "password authentication failed" in reason or "no password supplied" in reason:
        return SignInRefused(
            msg(
                "The office server refused the sign-in{place}: the user name or the password "
                "is wrong. Check them (the person who set up the server can set a new one with "
                "keidesk server add-user NAME --role ROLE).",
                place=place,
            )
        )
    if "does not exist" in reason and "database" in reason:
        return _no_database(place)
    return _unreachable(place, reason)


_BY_SQLSTATE_CLASS: dict[str, Callable[[str], StorageError]] = {
    "08": lambda place: _unreachable(place, msg("the connection was lost")),
    "28": lambda place: SignInRefused(
        msg(
            "The office server refused the sign-in{place}. Check the user name and password.",
            place=place,
        )
    ),
    "53": lambda place: _unreachable(
        place, msg("the server is out of resources (too many seats?)")
    ),
}


def _place(where: Path | str | None) -> str:
    """Where it happened, as the messages add it: `` (/path/to/file)``, or nothing."""
    return f" ({where})" if where else ""


def translate(
    exc: DBAPIError | sqlite3.DatabaseError, where: Path | str | None
) -> StorageError | None:
    """The StorageError for a known environment failure (from SQLAlchemy or from ``sqlite3``
    used directly, as backups and start-up checks do), or None for a bug."""
    error = exc.orig if isinstance(exc, DBAPIError) else exc
    if error is not None and type(error).__module__.startswith("psycopg"):
        return _translate_server(error, _place(where))
    code = getattr(error, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    make = _BY_CODE.get(code & 0xFF)
    return None if make is None else make(_place(where))


def is_unique_violation(exc: DBAPIError) -> bool:
    """Whether the database refused a row because a unique key already holds its value (two
    seats or processes adding the same thing at once): SQLite's or PostgreSQL's code."""
    error = exc.orig
    return (
        getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_CONSTRAINT_UNIQUE
        or getattr(error, "sqlstate", None) == "23505"
    )
