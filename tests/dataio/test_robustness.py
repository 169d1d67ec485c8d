"""Start-up robustness: foreign, damaged, too-new, locked and read-only files are refused with a
plain message and left byte-for-byte as they were; a second keidesk works alongside; files are
private to the user."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

import pytest

from keidesk.services.documents import AttachmentStore
from keidesk.storage.database import open_database
from keidesk.storage.errors import (
    DatabaseLocked,
    DatabaseReadOnly,
    DatabaseTooNew,
    NotAKeideskDatabase,
    StorageError,
)
from tests.conftest import child_env
from tests.dataio.helpers import file_digest
from tests.write_lock import can_take_write_lock


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def _keidesk_db(path: Path, cases: int = 3) -> Path:
    database = open_database(path)
    from keidesk.services.demo import build_demo  # noqa: PLC0415
    from tests.conftest import TODAY  # noqa: PLC0415

    with database.transaction("tester") as session:
        build_demo(session, cases=cases, today=TODAY)
    database.close()
    return path


def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path, cli):
    foreign = tmp_path / "recipes.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE recipe (name TEXT)")
        connection.execute("INSERT INTO recipe VALUES ('miso')")
    connection.close()
    digest, names = file_digest(foreign), _siblings(foreign)
    with pytest.raises(NotAKeideskDatabase, match="not a keidesk database"):
        open_database(foreign)
    result = cli("case", "list", db=foreign)
    assert result.code == 2 and "not a keidesk database" in result.err
    assert file_digest(foreign) == digest
    assert _siblings(foreign) == names  # no -wal, -shm or journal left beside it


def test_database_from_a_newer_keidesk_is_refused_untouched(tmp_path: Path):
    path = _keidesk_db(tmp_path / "new.sqlite3")
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.close()
    digest, names = file_digest(path), _siblings(path)
    with pytest.raises(DatabaseTooNew, match="newer version of keidesk"):
        open_database(path)
    with pytest.raises(DatabaseTooNew):
        open_database(path, read_only=True)
    assert file_digest(path) == digest
    assert _siblings(path) == names


@pytest.mark.parametrize("where", ["header", "schema", "data"])
def test_damaged_database_gets_a_plain_message_and_is_not_modified(tmp_path: Path, cli, where):
    path = _keidesk_db(tmp_path / "damaged.sqlite3", cases=400)
    data = bytearray(path.read_bytes())
    start = {"header": 16, "schema": 100, "data": len(data) // 2}[where]
    for offset in range(start, min(start + 4096 * 3, len(data))):
        data[offset] = (offset * 7) & 0xFF
    path.write_bytes(bytes(data))
    digest, names = file_digest(path), _siblings(path)
    listing = cli("case", "list", "--json", db=path)
    exported = cli("export", str(tmp_path / "out.csv"), db=path)
    for result in (listing, exported):
        if result.code != 0:  # damage in pages the command did not need is not noticed
            assert result.code == 2, result.err
            assert "damaged" in result.err or "not a keidesk database" in result.err
    assert listing.code == 2 or exported.code == 2 or where == "data"
    check = cli("check", db=path)
    assert check.code == 2
    assert file_digest(path) == digest
    assert _siblings(path) <= names | {"out.csv"}


def test_locked_database_is_told_plainly(tmp_path: Path, cli, monkeypatch):
    path = _keidesk_db(tmp_path / "busy.sqlite3")
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        digest = file_digest(path)
        with pytest.raises(DatabaseLocked, match="in use by another keidesk"):
            open_database(path, busy_timeout_s=0.2)
        monkeypatch.setenv("KEIDESK_BUSY_TIMEOUT", "0.2")
        result = cli("case", "add", "--chassis", "DA52T-999999", db=path)
        assert result.code == 2 and "in use by another keidesk" in result.err
        assert file_digest(path) == digest
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert cli("case", "add", "--chassis", "DA52T-999999", db=path).code == 0


def test_two_keidesks_write_the_same_database_safely(tmp_path: Path, today):
    from keidesk.services import cases  # noqa: PLC0415

    path = tmp_path / "shared.sqlite3"
    first = open_database(path)
    second = open_database(path)
    try:
        with first.transaction("a") as session:
            cases.create_case(session, chassis="DA52T-100001", today=today)
        # While the first holds a write transaction, the second waits (busy timeout) and then
        # writes. The first lets go after a short hold, well inside the second's 5 s wait;
        # nothing is asserted about how long anything took.
        holding, checked = threading.Event(), threading.Event()

        def hold_then_commit() -> None:
            with first.transaction("a") as session:
                cases.create_case(session, chassis="DA52T-100002", today=today)
                session.flush()  # the write lock is taken here
                holding.set()
                checked.wait(60)
                time.sleep(0.3)  # a short hold, so the second usually starts waiting

        thread = threading.Thread(target=hold_then_commit)
        thread.start()
        assert holding.wait(60), "the first keidesk never started writing"
        assert not can_take_write_lock(path)  # the lock is held: the second has to wait
        checked.set()
        with second.transaction("b") as session:
            cases.create_case(session, chassis="DA52T-100003", today=today)
        thread.join()
        with second.reader() as session:
            assert cases.count_cases(session, cases.CaseFilter(), today=today) == 3
        with pytest.raises(DatabaseLocked):
            holder = sqlite3.connect(path, isolation_level=None, timeout=0)
            holder.execute("BEGIN IMMEDIATE")
            try:
                quick = open_database(path, busy_timeout_s=0.1)
                with quick.transaction("c") as session:
                    cases.create_case(session, chassis="DA52T-100004", today=today)
            finally:
                holder.execute("ROLLBACK")
                holder.close()
    finally:
        first.close()
        second.close()


def test_files_are_private_to_the_user(tmp_path: Path):
    if os.name != "posix":
        pytest.skip("POSIX file modes")
    folder = tmp_path / "fresh" / "keidesk"
    database = open_database(folder / "k.sqlite3")
    try:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert stat.S_IMODE((folder / "k.sqlite3").stat().st_mode) == 0o600
        wal = folder / "k.sqlite3-wal"
        if wal.exists():
            assert stat.S_IMODE(wal.stat().st_mode) == 0o600
        scan = tmp_path / "scan.pdf"
        scan.write_bytes(b"%PDF")
        sha = AttachmentStore(database.folder).put(scan).sha256
        store = AttachmentStore(database.folder)
        assert stat.S_IMODE(store.root.stat().st_mode) == 0o700
        assert stat.S_IMODE(store.path_for(sha).parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(store.path_for(sha).stat().st_mode) == 0o600
    finally:
        database.close()


_READ_ONLY_CHILD = textwrap.dedent(
    """
    import os, sys
    from datetime import date
    from keidesk.storage.database import open_database
    from keidesk.storage.errors import DatabaseReadOnly
    from keidesk.services import cases
    # Load every module while still root (the interpreter lives in root's home), on a
    # separate warm-up copy, then become "nobody".
    warm = open_database(sys.argv[2], read_only=True)
    with warm.reader() as session:
        cases.count_cases(session, cases.CaseFilter(), today=date(2026, 11, 21))
    warm.close()
    os.setgid(65534)
    os.setuid(65534)
    path = sys.argv[1]
    try:
        open_database(path)
    except DatabaseReadOnly as exc:
        print("REFUSED", exc)
    database = open_database(path, read_only=True)
    with database.reader() as session:
        print("COUNT", cases.count_cases(session, cases.CaseFilter(), today=date(2026, 11, 21)))
    try:
        with database.transaction("nobody") as session:
            pass
    except DatabaseReadOnly as exc:
        print("WRITE", exc)
    database.close()
    """
)


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() != 0, reason="needs root to drop to another user"
)
def test_read_only_database_is_refused_and_opens_read_only(tmp_path: Path):
    source = _keidesk_db(tmp_path / "ro.sqlite3")
    with tempfile.TemporaryDirectory() as shared:
        folder = Path(shared)
        folder.chmod(0o755)  # readable by the other user, not writable
        copy = folder / "ro.sqlite3"
        shutil.copyfile(source, copy)
        copy.chmod(0o644)
        digest, names = file_digest(copy), _siblings(copy)
        env = child_env(PYTHONPATH=str(Path(__file__).resolve().parents[2]))
        env["HOME"] = shared
        result = subprocess.run(
            [sys.executable, "-c", _READ_ONLY_CHILD, str(copy), str(source)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        assert lines[0].startswith("REFUSED") and "read-only" in lines[0]
        assert lines[1] == "COUNT 3"
        assert lines[2].startswith("WRITE") and "read-only" in lines[2]
        assert file_digest(copy) == digest
        assert _siblings(copy) == names


def test_missing_folder_or_directory_path(tmp_path: Path):
    with pytest.raises(NotAKeideskDatabase, match="is a folder"):
        open_database(tmp_path)
    with pytest.raises(StorageError, match="There is no keidesk database"):
        open_database(tmp_path / "absent.sqlite3", read_only=True)
    assert not (tmp_path / "absent.sqlite3").exists()


def test_read_only_open_needs_no_write_access(tmp_path: Path):
    path = _keidesk_db(tmp_path / "k.sqlite3")
    digest = file_digest(path)
    database = open_database(path, read_only=True)
    try:
        with pytest.raises(DatabaseReadOnly, match="open read-only"), database.transaction("x"):
            pass
    finally:
        database.close()
    assert file_digest(path) == digest
