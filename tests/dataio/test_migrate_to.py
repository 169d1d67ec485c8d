"""Moving in: ``keidesk migrate-to URL`` copies a laptop's database file into a new, empty
server database, verified, and leaves the file as it was."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from keidesk.dataio import server_backup
from keidesk.services.documents import AttachmentStore, add_document, attachment_store
from keidesk.services.profile import ImporterProfile, load_profile, save_profile, store_logo
from keidesk.storage.database import open_database
from keidesk.storage.models import Document, HistoryEntry
from tests.dataio.server_helpers import FILES, counts_and_files, populate, sha256_file

EMPTY = hashlib.sha256(b"").hexdigest()

#: A move from a laptop's database file, which it leaves byte for byte as it was.
pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def laptop(db_path: Path, cli, tmp_path: Path) -> Path:
    """A laptop's database: 50 demo cases, three papers, a logo."""
    made = cli("demo", "--cases", "50")
    assert made.code == 0, made.err
    database = open_database(db_path)
    try:
        store = AttachmentStore(database.folder)
        populate(database, store, tmp_path / "scans", cases=0)
        logo = tmp_path / "logo.png"
        logo.write_bytes(b"\x89PNG a logo")
        with database.transaction("tester") as session:
            save_profile(
                session,
                ImporterProfile(
                    business_name="Kei Trucks of Texas",
                    address="1 Port Road",
                    logo_sha256=store_logo(store, logo),
                ),
            )
    finally:
        database.close()
    return db_path


def _sqlite_counts(path: Path) -> dict[str, int]:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            return server_backup.table_counts(connection)
    finally:
        engine.dispose()


def _files_beside(path: Path) -> dict[str, str]:
    """Every file beside the database, by hash; SQLite's shared-memory index, which any reader
    of a WAL database may create, left out."""
    return {
        p.name: sha256_file(p)
        for p in path.parent.iterdir()
        if p.is_file() and not p.name.endswith("-shm")
    }


def test_migrate_to_copies_everything_and_leaves_the_laptop_untouched(laptop, cli, postgres_url):
    before = _files_beside(laptop)
    source_counts = _sqlite_counts(laptop)
    moved = cli("migrate-to", postgres_url, "--json")
    assert moved.code == 0, moved.err
    after = _files_beside(laptop)
    assert after[laptop.name] == before[laptop.name]  # the laptop's file, byte for byte
    wal = f"{laptop.name}-wal"
    assert after.get(wal, EMPTY) == before.get(wal, EMPTY)  # and nothing written beside it
    assert set(after) - {wal} == set(before) - {wal}
    assert moved.json["cases"] == 50 and moved.json["attachments"] == len(FILES) + 1

    counts, files = counts_and_files(postgres_url)
    skipped = {"settings", "attachment_blobs", "attachment_chunks"}
    assert {k: v for k, v in counts.items() if k not in skipped} == {
        k: v for k, v in source_counts.items() if k not in skipped
    }
    assert counts["settings"] <= source_counts["settings"]  # not the laptop's backup log
    assert len(files) == len(FILES) + 1 and all(sha == got for sha, got in files.items())

    # A seat on the server sees the same papers, and new rows get new ids (sequences set).
    seat = open_database(postgres_url)
    try:
        store = attachment_store(seat)
        with seat.reader() as session:
            rows = session.execute(select(Document.sha256, Document.case_id)).all()
            last_history = session.scalar(select(func.max(HistoryEntry.id)))
            assert load_profile(session).logo_sha256 in files
        assert {store.path_for(sha).read_bytes() for sha, _case in rows} == set(FILES.values())
        stored = store.put(_scan(laptop.parent / "new-scan.pdf"))
        with seat.transaction("ken") as session:
            view = add_document(session, rows[0][1], stored, user="ken")
            newest = session.scalar(select(func.max(HistoryEntry.id)))
        assert view.id == counts["documents"] + 1
        assert newest is not None and last_history is not None and newest > last_history
    finally:
        seat.close()


def _scan(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.4 a new scan")
    return path


def test_a_database_that_is_not_empty_is_refused(laptop, cli, postgres_url):
    assert cli("migrate-to", postgres_url).code == 0
    before = counts_and_files(postgres_url)
    again = cli("migrate-to", postgres_url)
    assert again.code == 2
    assert again.err.count("error:") == 1 and "not empty" in again.err
    assert counts_and_files(postgres_url) == before


def test_an_unreachable_server_is_said_plainly(laptop, cli, postgres_server):
    url = postgres_server.url("nowhere").replace(f":{postgres_server.port}/", ":9/")
    result = cli("migrate-to", url)
    assert result.code == 2
    assert result.err.count("error:") == 1 and "unexpected" not in result.err


def test_a_missing_paper_stops_the_move_before_anything_is_written(laptop, cli, postgres_url):
    store = AttachmentStore(laptop.parent)
    sha, _size = store.stored()[0]
    store.path_for(sha).unlink()
    result = cli("migrate-to", postgres_url)
    assert result.code == 2
    assert result.err.count("error:") == 1 and "missing" in result.err
    engine = create_engine(postgres_url)
    try:
        with engine.connect() as connection:
            assert server_backup.user_tables(connection) == []
    finally:
        engine.dispose()


def test_a_failed_copy_leaves_the_server_empty(laptop, cli, postgres_url):
    # A value SQLite kept but PostgreSQL refuses: longer than its column.
    engine = create_engine(f"sqlite:///{laptop}")
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE customers SET name = :long WHERE id = 1"), {"long": "x" * 500}
        )
    engine.dispose()
    result = cli("migrate-to", postgres_url)
    assert result.code == 2, result.err
    assert result.err.count("error:") == 1 and "left empty" in result.err
    engine = create_engine(postgres_url)
    try:
        with engine.connect() as connection:
            assert server_backup.user_tables(connection) == []
    finally:
        engine.dispose()


def test_json_lists_rows_per_table(laptop, cli, postgres_url):
    moved = cli("migrate-to", postgres_url, "--json")
    assert moved.code == 0, moved.err
    rows = json.loads(moved.out)["rows"]
    assert rows["cases"] == 50 and rows["documents"] == len(FILES)
