"""Opening, creating, migrating and refusing database files; the history; the search index."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from keidesk.services import cases
from keidesk.storage.database import (
    MIGRATIONS_DIR,
    _known_revisions,
    _schema_heads,
    alembic_config,
    open_database,
    schema_revision,
)
from keidesk.storage.errors import (
    DatabaseLocked,
    DatabaseReadOnly,
    DatabaseTooNew,
    NotAKeideskDatabase,
    StorageError,
)
from keidesk.storage.models import Base
from tests.conftest import child_env


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.sqlite_only
def test_new_database_is_wal_with_foreign_keys_and_private(db, db_path):
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert schema_revision(db.engine) in _schema_heads()
    if os.name == "posix":
        assert db_path.stat().st_mode & 0o777 == 0o600


def test_default_location_is_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("KEIDESK_DATA_DIR", str(tmp_path / "userdata"))
    database = open_database()
    try:
        assert database.path == (tmp_path / "userdata" / "keidesk.sqlite3").resolve()
        assert database.path is not None
        assert database.path.exists()
    finally:
        database.close()


def test_environment_variable_and_url(tmp_path, monkeypatch):
    env_file = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("KEIDESK_DB", str(env_file))
    database = open_database()
    assert database.path == env_file.resolve()
    database.close()
    url_file = tmp_path / "from-url.sqlite3"
    database = open_database(f"sqlite:///{url_file}")
    assert database.path == url_file.resolve()
    assert url_file.exists()
    database.close()


def test_schema_matches_models(db):
    with db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    # The search index of each engine (SQLite's FTS5 tables, PostgreSQL's trigram index) is the
    # migrations' alone: the models cannot declare either. So are PostgreSQL's (sort key, id)
    # indexes of the case list (0013; on SQLite the key's own index holds the row id).
    server_only = {"ix_cases_search_text_trgm"} | {
        f"ix_cases_{key.column.key}_id"
        for key in cases.SORT_COLUMNS.values()
        if key.column.key != "id"
    }
    unexpected = [
        d
        for d in diff
        if not (d[0] == "remove_table" and d[1].name.startswith("case_fts"))
        and not (d[0] == "remove_index" and d[1].name in server_only)
    ]
    assert unexpected == []


def test_revisions_read_without_alembic_match_alembic():
    """Start-up reads the migration scripts' revision lines itself; alembic must agree."""
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    assert set(_schema_heads()) == set(script.get_heads())
    assert _known_revisions() == {rev.revision for rev in script.walk_revisions()}


def test_opening_an_up_to_date_database_does_not_import_alembic(db_path, db):
    """alembic costs a tenth of a second at start-up; it is loaded only to migrate."""
    db.close()
    probe = (
        "import sys; from keidesk.storage.database import open_database; "
        f"open_database({str(db_path)!r}).close(); "
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'alembic'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("revision", sorted(_known_revisions() - set(_schema_heads())))
def test_older_schema_is_backed_up_then_migrated(tmp_path, revision, today):
    """A database file from every earlier schema opens, keeps its data, and is backed up."""
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    command.upgrade(alembic_config(engine), revision)
    engine.dispose()
    # Data written by the older keidesk, through the newest code path that fits that schema.
    with sqlite3.connect(path) as raw:
        raw.execute(
            "INSERT INTO customers (id, name, created_at) VALUES (1, 'Old Customer', '2025-01-01')"
        )
    before = digest(path)
    database = open_database(path)
    try:
        assert schema_revision(database.engine) in _schema_heads()
        backups = list(tmp_path.glob(f"old.before-upgrade-{revision}-*.sqlite3"))
        assert len(backups) == 1
        with sqlite3.connect(backups[0]) as raw:
            assert raw.execute("SELECT name FROM customers").fetchall() == [("Old Customer",)]
        with database.engine.connect() as connection:
            assert connection.execute(text("SELECT name FROM customers")).scalar() == "Old Customer"
        assert digest(path) != before
    finally:
        database.close()


@pytest.mark.sqlite_only
def test_newer_schema_is_refused_untouched(db_path):
    database = open_database(db_path)
    database.close()
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    raw.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    before = digest(db_path)
    with pytest.raises(DatabaseTooNew, match="newer version of keidesk"):
        open_database(db_path)
    assert digest(db_path) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"hello, I am a text file", "not an SQLite database"),
        (b"%PDF-1.7\n", "not an SQLite database"),
    ],
)
def test_foreign_files_are_refused_untouched(tmp_path, content, message):
    path = tmp_path / "foreign.sqlite3"
    path.write_bytes(content)
    with pytest.raises(NotAKeideskDatabase, match=message):
        open_database(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["foreign.sqlite3"]


def test_other_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "firefox.sqlite"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    raw.close()
    before = digest(path)
    with pytest.raises(NotAKeideskDatabase, match="holds other tables"):
        open_database(path)
    assert digest(path) == before


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(NotAKeideskDatabase, match="is a folder"):
        open_database(tmp_path)


def test_missing_database_without_create(tmp_path):
    with pytest.raises(StorageError, match="There is no keidesk database"):
        open_database(tmp_path / "nope.sqlite3", create=False)


@pytest.mark.sqlite_only
def test_locked_database_gives_a_plain_message_and_loses_nothing(db_path, make_case, today):
    make_case(chassis="HA4-1234567")
    database = open_database(db_path, busy_timeout_s=0.2)
    other = sqlite3.connect(db_path, timeout=0)
    try:
        other.execute("BEGIN IMMEDIATE")
        with (
            pytest.raises(DatabaseLocked, match="in use by another"),
            database.transaction("x") as s,
        ):
            cases.create_case(s, chassis="HA4-7654321", today=today)
        other.rollback()
        with database.reader() as s:
            assert [c.chassis for c in cases.list_cases(s, today=today)] == ["HA4-1234567"]
    finally:
        other.close()
        database.close()


@pytest.mark.sqlite_only
def test_read_only_open_refuses_writes(db_path, make_case, today):
    make_case()
    database = open_database(db_path, read_only=True)
    try:
        with database.reader() as s:
            assert cases.count_cases(s, cases.CaseFilter(), today=today) == 1
        with pytest.raises(DatabaseReadOnly), database.transaction("x"):
            pass
    finally:
        database.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_read_only_file_for_an_ordinary_user(tmp_path):
    """As another user (root in CI drops to 'nobody'), a file without write permission."""
    # pytest's own temporary folders are private to root; this one must be reachable.
    folder = Path(tempfile.mkdtemp(prefix="keidesk-ro-"))
    folder.chmod(0o755)
    path = folder / "k.sqlite3"
    open_database(path).close()
    path.chmod(0o444)
    # Import everything first: the interpreter itself may live in root's home folder.
    script = (
        "import os, sys\n"
        "from keidesk.cli import command_modules, main\n"
        "import keidesk.cli.context, sqlalchemy.dialects.sqlite, alembic.runtime.migration\n"
        "command_modules()\n"
        "if os.geteuid() == 0: os.setgid(65534); os.setuid(65534)\n"
        f"sys.exit(main(['--db', {str(path)!r}, 'case', 'add', '--chassis', 'DA52T-123456']))\n"
    )
    env = child_env(KEIDESK_DATA_DIR=str(folder / "nobody-data"), HOME=str(folder))
    before = digest(path)
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=Path(__file__).parents[2],
    )
    assert result.returncode == 2, result.stderr
    assert "read-only" in result.stderr
    assert digest(path) == before
    shutil.rmtree(folder)


def test_history_is_append_only(db, make_case):
    make_case()
    # SQLite's triggers refuse; on a server the sign-in has no right to (and the triggers
    # refuse even the owner: tests/storage/test_office_server.py).
    refused = "append-only|permission denied"
    with db.engine.connect() as connection:
        with pytest.raises(DBAPIError, match=refused):
            connection.execute(text("UPDATE history SET by = 'mallory'"))
        connection.rollback()
        with pytest.raises(DBAPIError, match=refused):
            connection.execute(text("DELETE FROM history"))


def test_search_index_follows_every_change(db, make_case, today):
    case_id = make_case(chassis="TT2-0412345", customer="Reba Boudreaux", state="LA")
    with db.reader() as s:
        assert [
            c.id for c in cases.list_cases(s, cases.CaseFilter(search="boudreaux"), today=today)
        ] == [case_id]
        assert cases.count_cases(s, cases.CaseFilter(search="0412"), today=today) == 1
        assert cases.count_cases(s, cases.CaseFilter(search="sambar tt2"), today=today) == 1
    with db.transaction("t") as s:
        cases.update_case(
            s,
            case_id,
            {"customer_name": "Loretta Hebert", "notes": "wants dump bed"},
            user="t",
            today=today,
        )
    with db.reader() as s:
        assert cases.count_cases(s, cases.CaseFilter(search="boudreaux"), today=today) == 0
        assert cases.count_cases(s, cases.CaseFilter(search="hebert dump"), today=today) == 1
        # Every word must match (the indexed ones are asked in one MATCH).
        assert cases.count_cases(s, cases.CaseFilter(search="hebert sambar"), today=today) == 1
        assert cases.count_cases(s, cases.CaseFilter(search="hebert carry"), today=today) == 0
        assert cases.count_cases(s, cases.CaseFilter(search='heb"ert AND'), today=today) == 0
        # Short words and LIKE wildcards are searched literally.
        assert cases.count_cases(s, cases.CaseFilter(search="%"), today=today) == 0
        assert cases.count_cases(s, cases.CaseFilter(search='"'), today=today) == 0


@pytest.mark.parametrize("revision", sorted(r for r in _known_revisions() if r < "0003"))
def test_age_gate_blocks_of_older_schemas_become_data(tmp_path, revision, today):
    """Releases before 0003 told the age gate's block by its note; the migration marks those
    blocks (the age step's, with the gate's note) and no other, and keeps every note."""
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    command.upgrade(alembic_config(engine), revision)
    engine.dispose()
    gate_note = "Not FMVSS-eligible until 2027-06-01 (25-year rule, checked against 2026-11-21)."
    steps = [
        (1, "age", "blocked", gate_note),
        (2, "lien", "blocked", "credit company has not released title"),
        (3, "registration", "blocked", "Not FMVSS-eligible until the papers are checked"),
        (4, "intake", "todo", ""),
    ]
    with sqlite3.connect(path) as raw:
        raw.execute(
            "INSERT INTO vehicles (id, chassis_number, identifier_kind, body_type, built) "
            "VALUES (1, 'DA63T-123456', 'frame', 'truck', '2002-05')"
        )
        raw.execute(
            "INSERT INTO cases (id, uid, vehicle_id, stage, stage_since, notes, search_text, "
            "created_at, updated_at) VALUES (1, 'u-1', 1, 'intake', '2026-01-01', '', '', "
            "'2026-01-01', '2026-01-01')"
        )
        raw.executemany(
            "INSERT INTO workflow_steps (id, case_id, key, position, status, note) "
            "VALUES (?, 1, ?, ?, ?, ?)",
            [(i, key, i, status, note) for i, key, status, note in steps],
        )
    database = open_database(path)
    try:
        with database.engine.connect() as connection:
            rows = connection.execute(
                text("SELECT key, blocked_by, note FROM workflow_steps ORDER BY id")
            ).all()
    finally:
        database.close()
    assert [tuple(row) for row in rows] == [
        ("age", "age_gate", gate_note),
        ("lien", None, steps[1][3]),
        ("registration", None, steps[2][3]),
        ("intake", None, ""),
    ]
