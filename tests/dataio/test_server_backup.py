"""Backups of an office server database: a verified pg_dump, restored into a new empty database
with counts and hashes checked; ``check`` and the reminder on a server."""

from __future__ import annotations

import itertools
import json
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from keidesk import clock
from keidesk.dataio import backup
from keidesk.dataio.backup import BackupKind
from keidesk.domain.errors import InvalidInput
from keidesk.services.documents import attachment_store
from keidesk.storage.database import open_database
from keidesk.storage.models import Case, Document, HistoryEntry
from keidesk.storage.server import add_user
from tests.dataio.server_helpers import FILES, counts_and_files, populate
from tests.postgres_server import PASSWORD, PostgresServer


@pytest.fixture
def office(postgres_url: str, tmp_path: Path) -> str:
    database = open_database(postgres_url)
    try:
        populate(database, attachment_store(database), tmp_path / "scans", cases=6)
    finally:
        database.close()
    return postgres_url


def _new_database(server: PostgresServer, name: str) -> str:
    # Numbered: the server serves the whole test process, and every test runs on both engines.
    return server.create_database(f"{name}_{next(_numbers)}")


_numbers = itertools.count()


def cases_a_new_staff_member_reads(server: PostgresServer, url: str, name: str) -> int:
    """Add ``name`` as staff to the database at ``url`` (the owner's), sign in as them and
    count the cases they can read."""
    add_user(url, name, "staff", f"{name}-pw")
    staff = open_database(server.url(url.rpartition("/")[2], user=name, password=f"{name}-pw"))
    try:
        with staff.reader() as session:
            return len(session.scalars(select(Case.id)).all())
    finally:
        staff.close()


def test_backup_then_restore_into_a_new_database_gives_the_same_data(
    office, postgres_server, cli, tmp_path
):
    usb = tmp_path / "usb"
    usb.mkdir()
    before = counts_and_files(office)
    made = cli("backup", "--to", str(usb), "--json", db=office)
    assert made.code == 0, made.err
    folder = Path(made.json["path"])
    manifest = json.loads((folder / backup.MANIFEST_NAME).read_text())
    assert manifest["engine"] == "postgresql"
    assert (folder / "keidesk.dump").is_file()
    assert not (folder / "keidesk.sqlite3").exists()
    assert manifest["counts"]["cases"] == 6 == made.json["cases"]
    assert len(manifest["attachments_in_database"]) == len(FILES) == made.json["attachments"]
    assert manifest["counts"] == before[0]  # counted in the dump's own snapshot

    restored_url = _new_database(postgres_server, "restored")
    restored = cli("restore", str(folder), "--json", db=restored_url)
    assert restored.code == 0, restored.err
    assert restored.json["cases"] == 6 and restored.json["attachments_checked"] == len(FILES)
    counts, files = counts_and_files(restored_url)
    # The same rows, except the restore's own note in the settings (and its history entry).
    assert {k: v for k, v in counts.items() if k not in {"settings", "history"}} == {
        k: v for k, v in before[0].items() if k not in {"settings", "history"}
    }
    assert counts["history"] >= before[0]["history"]
    assert files == before[1] and all(sha == got for sha, got in files.items())
    # A seat on the restored database reads the papers back.
    seat = open_database(restored_url)
    try:
        store = attachment_store(seat)
        contents = {store.path_for(sha).read_bytes() for sha in files}
    finally:
        seat.close()
    assert contents == set(FILES.values())
    # The dump carries no grants: the restore gives staff and managers theirs, as server init.
    assert cases_a_new_staff_member_reads(postgres_server, restored_url, "rosa") == 6

    again = cli("restore", str(folder), db=restored_url)
    assert again.code == 2
    assert again.err.count("error:") == 1 and "not empty" in again.err
    assert counts_and_files(restored_url)[0] == counts


def test_a_one_file_server_backup_restores_too(office, postgres_server, cli, tmp_path):
    made = cli("backup", "--file", str(tmp_path), "--json", db=office)
    assert made.code == 0, made.err
    target = _new_database(postgres_server, "from_file")
    restored = cli("restore", made.json["path"], db=target)
    assert restored.code == 0, restored.err
    assert counts_and_files(target)[1] == counts_and_files(office)[1]


def test_without_pg_dump_the_backup_is_refused_plainly(office, cli, tmp_path, monkeypatch):
    empty = tmp_path / "no-tools"
    empty.mkdir()
    monkeypatch.setenv("KEIDESK_PG_BIN", str(empty))
    usb = tmp_path / "usb"
    usb.mkdir()
    before = counts_and_files(office)
    result = cli("backup", "--to", str(usb), db=office)
    assert result.code == 2
    assert result.err.count("error:") == 1 and "pg_dump" in result.err
    assert list(usb.iterdir()) == []
    assert counts_and_files(office) == before


def test_a_file_backup_is_not_restored_into_a_server(cli, postgres_url, tmp_path):
    laptop = tmp_path / "laptop.sqlite3"
    open_database(laptop).close()
    made = cli("backup", "--to", str(tmp_path), "--json", db=laptop)
    assert made.code == 0, made.err
    result = cli("restore", made.json["path"], db=postgres_url)
    assert result.code == 2 and "migrate-to" in result.err


def test_a_server_is_not_restored_over_itself(office, cli, tmp_path):
    made = cli("backup", "--to", str(tmp_path), "--json", db=office)
    database = open_database(office)
    try:
        with pytest.raises(InvalidInput, match="new, empty database"):
            backup.restore_backup(database, Path(made.json["path"]), user="tester")
        assert backup.backup_if_due(database, user="tester", today=clock.today()) is None
    finally:
        database.close()


def test_check_rehashes_the_attachments_in_the_database(office, cli, postgres_server):
    good = cli("check", db=office)
    assert good.code == 0, good.err
    assert f"{len(FILES)} attachments checked" in good.out
    name = office.rsplit("/", 1)[1]
    postgres_server.psql(
        "UPDATE attachment_chunks SET data = 'x'::bytea WHERE part = 0 AND sha256 = "
        "(SELECT min(sha256) FROM attachment_chunks)",
        database=name,
    )
    bad = cli("check", db=office)
    assert bad.code == 2
    assert "incomplete" in bad.out or "damaged" in bad.out


def test_the_reminder_on_a_server_says_how_to_back_it_up(office, tmp_path):
    database = open_database(office)
    try:
        with database.transaction("tester") as session:  # data entered a month ago
            session.add(
                HistoryEntry(
                    at=clock.now() - timedelta(days=30),
                    by="tester",
                    entity="cases",
                    entity_key="1",
                    action="create",
                )
            )
        with database.reader() as session:
            reminder = backup.backup_reminder(session, today=clock.today())
        assert reminder is not None and "keidesk backup --to FOLDER" in reminder
        backup.make_backup(database, kind=BackupKind.MANUAL, user="tester", to=tmp_path)
        with database.reader() as session:  # any seat's backup counts: the log is shared
            assert backup.backup_reminder(session, today=clock.today()) is None
        assert backup.unchanged_since_last_backup(database) is False  # none beside this seat
    finally:
        database.close()


def test_bundles_and_doc_export_read_the_papers_from_the_database(office, cli, tmp_path):
    engine = create_engine(office)
    try:
        with engine.connect() as connection:
            docs = connection.execute(
                select(Document.id, Document.case_id, Document.sha256).order_by(Document.id)
            ).all()
    finally:
        engine.dispose()
    out = tmp_path / "bundle.zip"
    made = cli("bundle", "export", str(docs[0].case_id), "--out", str(out), db=office)
    assert made.code == 0, made.err
    with zipfile.ZipFile(out) as archive:
        packed = {archive.read(f"files/{d.sha256}") for d in docs}
    assert packed == set(FILES.values())
    written = tmp_path / "exported.pdf"
    exported = cli("doc", "export", str(docs[0].id), "--out", str(written), db=office)
    assert exported.code == 0, exported.err
    assert written.read_bytes() in FILES.values()


def test_the_password_reaches_pg_dump_through_its_environment_only(
    office, cli, tmp_path, monkeypatch
):
    """A stand-in pg_dump (a real program in KEIDESK_PG_BIN) writes down how it was called."""
    tools = tmp_path / "tools"
    tools.mkdir()
    for name in ("pg_dump", "pg_restore"):
        script = tools / name
        script.write_text(
            "#!/bin/sh\n"
            'if [ "$1" = "--version" ]; then echo "pg_dump (PostgreSQL) 99.1"; exit 0; fi\n'
            f'printf "%s\\n" "$@" > "{tools}/argv"\n'
            f'env > "{tools}/env"\n'
            'echo "pg_dump: error: stopped by the test" >&2\n'
            "exit 1\n"
        )
        script.chmod(0o755)
    monkeypatch.setenv("KEIDESK_PG_BIN", str(tools))
    result = cli("backup", "--to", str(tmp_path), db=office)
    assert result.code == 2 and "stopped by the test" in result.err
    argv = (tools / "argv").read_text()
    assert "--format=custom" in argv and "--snapshot=" in argv
    assert PASSWORD not in argv
    assert f"PGPASSWORD={PASSWORD}" in (tools / "env").read_text().splitlines()


def test_a_restore_whose_owner_cannot_let_people_in_says_what_to_run(
    office, postgres_server, cli, tmp_path
):
    # The new database's owner may restore into it, but not grant the staff and manager groups
    # (no CREATEROLE): the data is restored and checked; the message says who runs what next.
    made = cli("backup", "--to", str(tmp_path), "--json", db=office)
    assert made.code == 0, made.err
    owner = f"restorer_{next(_numbers)}"
    postgres_server.execute(f"CREATE ROLE {owner} LOGIN PASSWORD 'restorer-pw' NOCREATEROLE")
    name = f"granted_{next(_numbers)}"
    postgres_server.execute(f'CREATE DATABASE "{name}" OWNER {owner}')
    target = postgres_server.url(name, user=owner, password="restorer-pw")
    restored = cli("restore", made.json["path"], db=target)
    assert restored.code == 2
    (line,) = restored.err.strip().splitlines()
    assert line.startswith("error: The backup was restored into ")
    assert "staff and managers cannot sign in to it yet" in line
    assert line.endswith("Whoever owns the server runs: keidesk server init URL")
    # Nothing is lost: the restored data is all there for the owner, and server init (run by
    # whoever may create roles) lets the staff in.
    assert counts_and_files(target)[1] == counts_and_files(office)[1]
    postgres_server.execute(f'ALTER DATABASE "{name}" OWNER TO CURRENT_USER')
    assert cli("server", "init", postgres_server.url(name)).code == 0
    assert cases_a_new_staff_member_reads(postgres_server, postgres_server.url(name), "tomas") == 6
