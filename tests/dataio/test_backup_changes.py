"""Automatic backups only when the data changed, and a restore that does not copy the database
twice and can be killed at any moment without leaving a half database."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from keidesk.dataio import backup
from keidesk.dataio.backup import BackupKind
from keidesk.services.demo import build_demo
from keidesk.services.profile import load_profile, save_profile
from keidesk.storage.database import Database, open_database
from tests.conftest import child_env

# Backups of the SQLite file; a server database's backups (pg_dump) are tested with them.
pytestmark = pytest.mark.sqlite_only


def _folder_state(db: Database) -> list[str]:
    """Every entry under the backups folder (a backup skipped must leave not even a partial)."""
    folder = backup.backups_folder(db)
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


def test_close_backup_is_skipped_when_nothing_changed_even_in_another_process(
    db: Database, make_case, today, clock_frozen
):
    make_case()
    first = backup.backup_if_due(db, user="tester", today=today, kind=BackupKind.CLOSE)
    assert first is not None
    manifest = json.loads((first.path / backup.MANIFEST_NAME).read_text())
    assert manifest["data_marker"] == backup.data_marker(db)
    before = _folder_state(db)
    # Closed again with no change, by this process and by another keidesk on the same file:
    # no backup, no partial copy, and the backup bookkeeping itself is no change.
    assert db.path is not None
    other = open_database(db.path)
    try:
        for database in (db, other):
            assert backup.unchanged_since_last_backup(database)
            assert (
                backup.backup_if_due(database, user="t", today=today, kind=BackupKind.CLOSE) is None
            )
            assert backup.backup_if_due(database, user="t", today=today) is None
        assert _folder_state(db) == before
        # A change made by the other one: the next close backs up.
        with other.transaction("other") as session:
            save_profile(session, replace(load_profile(session), business_name="Kei Imports"))
    finally:
        other.close()
    assert not backup.unchanged_since_last_backup(db)
    clock_frozen.shift(timedelta(minutes=5))  # (the rotation keeps the newest of the day)
    made = backup.backup_if_due(db, user="tester", today=today, kind=BackupKind.CLOSE)
    assert made is not None and made.path != first.path
    assert backup.backup_if_due(db, user="tester", today=today, kind=BackupKind.CLOSE) is None


def test_a_backup_without_a_marker_or_of_other_data_does_not_count(
    db: Database, make_case, today, tmp_path
):
    make_case()
    made = backup.make_backup(db, kind=BackupKind.MANUAL, user="tester")
    manifest_path = made.path / backup.MANIFEST_NAME
    manifest = json.loads(manifest_path.read_text())
    del manifest["data_marker"]  # made by an older keidesk
    manifest_path.write_text(json.dumps(manifest))
    assert not backup.unchanged_since_last_backup(db)
    assert backup.backup_if_due(db, user="tester", today=today, kind=BackupKind.CLOSE)
    # Restored from a backup on a stick, the data are those of the close backup above: no
    # new backup. Undone, the data are only in the copy the restore kept aside, which was not
    # checked: closing backs them up.
    stick = backup.make_backup(db, kind=BackupKind.MANUAL, user="tester", to=tmp_path)
    make_case()
    backup.restore_backup(db, stick.path, user="tester")
    assert backup.unchanged_since_last_backup(db)
    backup.undo_last_restore(db, user="tester")
    assert not backup.unchanged_since_last_backup(db)
    assert backup.backup_if_due(db, user="tester", today=today, kind=BackupKind.CLOSE)


def test_restore_keeps_the_current_database_aside_without_a_second_checked_copy(
    db: Database, make_case, today
):
    make_case()
    saved = backup.make_backup(db, kind=BackupKind.MANUAL, user="tester")
    make_case()
    result = backup.restore_backup(db, saved.path, user="tester")
    (aside,) = [
        b for b in backup.list_backups(backup.backups_folder(db)) if b.path == result.kept_aside
    ]
    assert aside.kind is BackupKind.BEFORE_RESTORE
    manifest = json.loads((result.kept_aside / backup.MANIFEST_NAME).read_text())
    assert manifest["kind"] == "before-restore"
    assert aside.cases == 2
    verified = backup.verify_backup(result.kept_aside)  # complete, hashed, restorable
    assert verified.cases == 2
    undone = backup.undo_last_restore(db, user="tester")
    assert undone.cases == 2
    assert backup.verify_backup(undone.kept_aside).cases == 1


_RESTORER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from keidesk.dataio import backup
    from keidesk.storage.database import open_database
    database = open_database(sys.argv[1])
    sources = [Path(p) for p in sys.argv[2:]]
    print("ready", flush=True)
    serial = 0
    while True:
        backup.restore_backup(database, sources[serial % 2], user="crash-test")
        print("restored", serial, flush=True)
        serial += 1
    """
)

#: A fixed number of kills, each a random instant into a restore.
KILLS = 8


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_sigkill_during_restore_leaves_the_old_or_the_new_database(tmp_path: Path):
    path = tmp_path / "restore.sqlite3"
    database = open_database(path)
    with database.transaction("tester") as session:
        build_demo(session, cases=400, today=date(2026, 11, 21))
    small = backup.make_backup(database, kind=BackupKind.MANUAL, user="tester", to=tmp_path)
    with database.transaction("tester") as session:
        build_demo(session, cases=1600, today=date(2026, 11, 21), seed=7)
    large = backup.make_backup(database, kind=BackupKind.MANUAL, user="tester", to=tmp_path)
    database.close()
    env = child_env(PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    rng = random.Random(20261121)
    restores = 0
    for kills in range(1, KILLS + 1):
        child = subprocess.Popen(
            [sys.executable, "-c", _RESTORER, str(path), str(small.path), str(large.path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", (
            child.stderr.read() if child.stderr else ""
        )
        time.sleep(rng.uniform(0.05, 1.5))
        child.send_signal(signal.SIGKILL)
        out, _err = child.communicate()
        restores += out.count("restored")
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            count = connection.execute("SELECT count(*) FROM cases").fetchone()[0]
        connection.close()
        assert count in {small.cases, large.cases}, f"after kill {kills}: {count} cases"
    assert restores  # the kills fell among restores that were running
    reopened = open_database(path)  # and keidesk opens it as usual
    reopened.close()
