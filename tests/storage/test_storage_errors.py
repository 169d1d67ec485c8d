"""Storage errors are told apart by SQLite's error code, from real conditions: a second
connection holding the write lock, a read-only connection, a full database, a damaged file,
a file that cannot be opened. A mistake in SQL stays a bug."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from keidesk.services import cases
from keidesk.storage.database import open_database, read_only_uri
from keidesk.storage.errors import (
    CannotOpen,
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseReadOnly,
    DiskFull,
    NotAKeideskDatabase,
    StorageError,
    translate,
)


def _sqlite_error(path: Path | str, sql: str, *, uri: bool = False) -> sqlite3.DatabaseError:
    with (
        pytest.raises(sqlite3.DatabaseError) as raised,
        contextlib.closing(sqlite3.connect(path, uri=uri, timeout=0)) as connection,
    ):
        connection.execute(sql)
        connection.commit()
    return raised.value


@pytest.mark.sqlite_only
def test_a_held_write_lock_is_busy(db, db_path, today):
    holder = sqlite3.connect(db_path, isolation_level=None, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    quick = open_database(db_path, busy_timeout_s=0.1)
    try:
        with (
            pytest.raises(DatabaseLocked, match="in use by another keidesk") as raised,
            quick.transaction("c") as session,
        ):
            cases.create_case(session, chassis="DA52T-100004", today=today)
        cause = raised.value.__cause__
        assert getattr(cause, "orig", None) is not None
        assert cause.orig.sqlite_errorcode & 0xFF == sqlite3.SQLITE_BUSY  # type: ignore[union-attr]
    finally:
        quick.close()
        holder.execute("ROLLBACK")
        holder.close()


@pytest.mark.sqlite_only
def test_a_write_through_a_read_only_connection(db, db_path):
    database = open_database(db_path, read_only=True)
    try:
        with pytest.raises(DatabaseReadOnly, match="read-only"), database.reader() as session:
            session.execute(text("INSERT INTO settings (key, value) VALUES ('x', '{}')"))
    finally:
        database.close()
    error = _sqlite_error(read_only_uri(db_path), "DELETE FROM settings", uri=True)
    assert isinstance(translate(error, db_path), DatabaseReadOnly)


def test_a_full_database(tmp_path: Path):
    path = tmp_path / "small.sqlite3"
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE t (b BLOB)")
        connection.commit()
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(sqlite3.OperationalError) as raised:
            connection.execute("INSERT INTO t VALUES (zeroblob(1000000))")
    error = translate(raised.value, path)
    assert isinstance(error, DiskFull)
    assert "The disk is full" in str(error)


def test_a_damaged_file(tmp_path: Path):
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 64)
    with pytest.raises(DatabaseCorrupt, match="damaged or is not a database"):
        open_database(path)
    assert isinstance(DatabaseCorrupt("x"), NotAKeideskDatabase)


def test_a_file_that_cannot_be_opened(tmp_path: Path):
    missing = tmp_path / "no-folder" / "cases.sqlite3"
    error = _sqlite_error(read_only_uri(missing), "SELECT 1", uri=True)
    assert isinstance(translate(error, missing), CannotOpen)


@pytest.mark.sqlite_only
def test_a_mistake_in_sql_is_a_bug_not_the_environment(db, db_path):
    error = _sqlite_error(db_path, "SELEC nothing")
    assert translate(error, db_path) is None
    with pytest.raises(Exception) as raised, db.reader() as session:
        session.execute(text("SELECT * FROM no_such_table"))
    assert not isinstance(raised.value, StorageError)


@pytest.mark.sqlite_only
def test_a_database_missing_a_table_is_not_a_complete_keidesk_database(db, db_path):
    db.close()
    with contextlib.closing(sqlite3.connect(db_path)) as connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("DROP TABLE documents")
        connection.commit()
    with pytest.raises(NotAKeideskDatabase, match="not a complete keidesk database"):
        open_database(db_path)
