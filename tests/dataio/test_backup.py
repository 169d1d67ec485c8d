"""Backups, rotation, reminders, verified restore with undo, and ``check``."""

from __future__ import annotations

import json
import os
import shutil
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from keidesk import clock
from keidesk.dataio import backup, integrity
from keidesk.dataio.backup import BackupInfo, BackupInvalid, BackupKind
from keidesk.services import cases
from keidesk.services.demo import build_demo
from keidesk.services.documents import AttachmentStore, add_document
from keidesk.storage.database import Database, open_database
from tests.dataio.helpers import file_digest, fingerprint

# Backups of the SQLite file; a server database's backups (pg_dump) are tested with them.
pytestmark = pytest.mark.sqlite_only


def _attach(db: Database, case_id: int, tmp_path: Path, content: bytes = b"scan") -> str:
    source = tmp_path / f"scan-{len(content)}.pdf"
    source.write_bytes(content)
    stored = AttachmentStore(db.folder).put(source)
    with db.transaction("tester") as session:
        view = add_document(session, case_id, stored, user="tester", title="Export cert")
    return view.sha256


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_backup_is_consistent_private_and_checked(
    db: Database, make_case, tmp_path, today, age_the_data
):
    case_id = make_case(customer="Dale")
    age_the_data(10)
    sha = _attach(db, case_id, tmp_path)
    result = backup.make_backup(db, kind=BackupKind.MANUAL, user="tester")
    assert result.integrity == "ok" and result.cases == 1 and result.attachments == 1
    folder = result.path
    assert folder.parent == db.folder / "backups"
    manifest = json.loads((folder / "backup.json").read_text())
    assert manifest["database"]["sha256"] == file_digest(folder / "keidesk.sqlite3")
    assert manifest["attachments"] == [{"sha256": sha, "size": 4}]
    assert (folder / "attachments" / sha[:2] / sha).read_bytes() == b"scan"
    assert not (folder / "keidesk.sqlite3-wal").exists()  # self-contained copy
    if os.name == "posix":
        assert _mode(db.folder / "backups") == 0o700
        assert _mode(folder) == 0o700
        assert _mode(folder / "keidesk.sqlite3") == 0o600
        assert _mode(folder / "backup.json") == 0o600
    with db.reader() as session:
        assert backup.last_backup_at(session) == result.created_at
        assert "all on this computer" in (backup.backup_reminder(session, today=today) or "")


def test_backup_to_a_chosen_folder(db: Database, make_case, tmp_path, cli):
    make_case()
    stick = tmp_path / "usb"
    stick.mkdir()
    result = cli("backup", "--to", str(stick), "--json")
    assert result.code == 0, result.err
    made = Path(result.json["path"])
    assert made.parent == stick and (made / "keidesk.sqlite3").is_file()
    missing = cli("backup", "--to", str(tmp_path / "no-such-stick"))
    assert missing.code == 2
    assert "There is no folder" in missing.err


def _info(day: datetime, kind: BackupKind = BackupKind.DAILY) -> BackupInfo:
    return BackupInfo(Path(f"/b/{day.isoformat()}-{kind.value}"), kind, day, 1)


def test_rotation_keeps_7_daily_4_weekly_12_monthly():
    start = datetime(2026, 11, 21, 18, tzinfo=UTC)
    infos = []
    for days_ago in range(500):
        moment = start - timedelta(days=days_ago)
        infos.append(_info(moment))
        infos.append(_info(moment - timedelta(hours=8), BackupKind.CLOSE))
    infos.extend(_info(start - timedelta(days=d), BackupKind.BEFORE_RESTORE) for d in range(9))
    infos.extend(_info(start - timedelta(days=d, hours=3), BackupKind.MANUAL) for d in range(400))
    keep = backup.backups_to_keep(infos)
    kept = sorted((i for i in infos if i.path in keep), key=lambda i: i.created_at, reverse=True)
    rotating = [i for i in kept if i.kind.automatic]
    # Newest per day for 7 days; then the newest of each ISO week and month further back.
    assert [i.created_at.date() for i in rotating[:7]] == [
        (start - timedelta(days=d)).date() for d in range(7)
    ]
    months = {(i.created_at.year, i.created_at.month) for i in rotating}
    assert len(months) == 12
    assert len(rotating) <= 7 + 4 + 12
    assert all(i.kind is BackupKind.DAILY for i in rotating)  # the newest of each day
    # What a person made, and what a restore kept aside, is never rotated away.
    assert len([i for i in kept if i.kind is BackupKind.BEFORE_RESTORE]) == 9
    assert len([i for i in kept if i.kind is BackupKind.MANUAL]) == 400


def test_rotation_on_disk(db: Database, make_case, clock_frozen):
    make_case()
    base = datetime(2026, 11, 21, 12, tzinfo=UTC)
    for days_ago in range(12):
        clock_frozen.move_to(base - timedelta(days=11 - days_ago))
        backup.make_backup(db, kind=BackupKind.DAILY, user="tester")
    left = backup.list_backups(db.folder / "backups")
    # 7 days, plus the weeks and months those do not already cover.
    assert left[0].created_at == base
    assert len(left) == len(backup.backups_to_keep(left))
    assert 7 <= len(left) <= 10
    (db.folder / "backups" / ".partial-keidesk-backup-x").mkdir()
    (db.folder / "backups" / "my-notes").mkdir()  # not a backup: left alone
    backup.rotate(db.folder / "backups", of=db.path.name if db.path else None)
    assert not (db.folder / "backups" / ".partial-keidesk-backup-x").exists()
    assert (db.folder / "backups" / "my-notes").exists()


def test_daily_backup_and_reminder(
    db: Database, make_case, today, tmp_path, age_the_data, clock_frozen
):
    with db.reader() as session:
        assert backup.backup_reminder(session, today=today) is None  # nothing to lose yet
    make_case()
    with db.reader() as session:  # a week has not yet gone by without a backup
        assert backup.backup_reminder(session, today=today) is None
    age_the_data(10)
    with db.reader() as session:
        assert "not been backed up ever" in (backup.backup_reminder(session, today=today) or "")
    first = backup.backup_if_due(db, user="tester", today=today)
    assert first is not None
    assert backup.backup_if_due(db, user="tester", today=today) is None  # one a day
    # Nothing changed since: closing makes no backup; a change, and it does.
    assert backup.backup_if_due(db, user="tester", today=today, kind=BackupKind.CLOSE) is None
    make_case()
    assert backup.backup_if_due(db, user="tester", today=today, kind=BackupKind.CLOSE)
    with db.reader() as session:
        assert "all on this computer" in (backup.backup_reminder(session, today=today) or "")
        # A backup made after the last change is as good a week later.
        quiet = backup.backup_reminder(session, today=first.created_at.date() + timedelta(7))
    assert quiet is not None and "all on this computer" in quiet
    clock_frozen.shift(timedelta(minutes=1))
    make_case()
    with db.reader() as session:
        message = backup.backup_reminder(session, today=first.created_at.date() + timedelta(7))
    assert message is not None and "for 7 days" in message
    stick = tmp_path / "stick"
    stick.mkdir()
    copied = backup.make_backup(db, kind=BackupKind.MANUAL, user="tester", to=stick)
    day = copied.created_at.date()
    with db.reader() as session:
        assert backup.last_backup_elsewhere_at(session) == copied.created_at
        assert backup.backup_reminder(session, today=day + timedelta(days=6)) is None
        # Nothing changed since the copy on the stick: it is still complete.
        assert backup.backup_reminder(session, today=day + timedelta(days=30)) is None
    clock_frozen.shift(timedelta(minutes=1))
    make_case()
    with db.reader() as session:
        late = backup.backup_reminder(session, today=day + timedelta(days=9))
    assert late is not None and "for 9 days" in late


def test_an_evening_backup_does_not_count_as_the_next_days(db: Database, make_case, clock_frozen):
    """In Chicago, 20:00 on the 20th is already the 21st in UTC: the daily backup of the 21st
    is still due the next morning (the days are the user's, not UTC's)."""
    make_case()
    chicago = ZoneInfo("America/Chicago")
    clock_frozen.move_to(datetime(2026, 11, 20, 20, 0, tzinfo=chicago))
    evening = backup.backup_if_due(db, user="tester", today=clock.today())
    assert evening is not None and evening.created_at.astimezone(UTC).day == 21
    clock_frozen.move_to(datetime(2026, 11, 20, 23, 30, tzinfo=chicago))
    assert backup.backup_if_due(db, user="tester", today=clock.today()) is None
    clock_frozen.move_to(datetime(2026, 11, 21, 8, 0, tzinfo=chicago))
    assert backup.backup_if_due(db, user="tester", today=clock.today()) is None  # no change
    make_case()
    assert backup.backup_if_due(db, user="tester", today=clock.today()) is not None


def test_restore_is_verified_and_can_be_undone(db: Database, make_case, tmp_path, today):
    keep_id = make_case(chassis="DA52T-111111", customer="Before")
    sha = _attach(db, keep_id, tmp_path, b"first scan")
    saved = backup.make_backup(db, kind=BackupKind.MANUAL, user="tester")
    later_id = make_case(chassis="DA52T-222222", customer="After")
    # The attachment file is lost from the store; the backup brings it back.
    AttachmentStore(db.folder).path_for(sha).unlink()
    result = backup.restore_backup(db, saved.path, user="tester")
    assert result.cases == 1 and result.attachments_added == 1
    with db.reader() as session:
        ids = [c.id for c in cases.list_cases(session, today=today)]
        assert (backup.last_restore(session) or {})["kept_aside"] == str(result.kept_aside)
    assert ids == [keep_id]
    assert integrity.check(db).ok
    # Undo puts back the database the restore replaced.
    undone = backup.undo_last_restore(db, user="tester")
    with db.reader() as session:
        assert [c.id for c in cases.list_cases(session, today=today)] == [keep_id, later_id]
    assert undone.restored_from == result.kept_aside


def test_restore_refuses_bad_backups_and_changes_nothing(db: Database, make_case, tmp_path):
    make_case()
    saved = backup.make_backup(db, kind=BackupKind.MANUAL, user="tester")
    assert db.path is not None
    before = fingerprint(db)
    digest = file_digest(db.path)

    tampered = tmp_path / "tampered"
    shutil.copytree(saved.path, tampered)
    data = bytearray((tampered / "keidesk.sqlite3").read_bytes())
    data[-100] ^= 0xFF
    (tampered / "keidesk.sqlite3").write_bytes(bytes(data))
    with pytest.raises(BackupInvalid, match="does not match its manifest"):
        backup.restore_backup(db, tampered, user="tester")

    notes = tmp_path / "notes.sqlite3"
    notes.write_text("not a database")
    with pytest.raises(BackupInvalid, match="not a keidesk database"):
        backup.restore_backup(db, notes, user="tester")
    with pytest.raises(BackupInvalid, match="There is no backup"):
        backup.restore_backup(db, tmp_path / "nothing-here", user="tester")
    folder = tmp_path / "random-folder"
    folder.mkdir()
    with pytest.raises(BackupInvalid, match="not a keidesk backup"):
        backup.restore_backup(db, folder, user="tester")

    assert fingerprint(db) == before
    assert file_digest(db.path) == digest
    assert not list((db.folder / "backups").glob("*before-restore*"))


def test_restore_a_bare_database_file_such_as_a_before_upgrade_copy(
    db: Database, make_case, tmp_path, today, cli
):
    first = make_case()
    copy = tmp_path / "copy.sqlite3"
    saved = backup.make_backup(db, kind=BackupKind.MANUAL, user="tester")
    copy.write_bytes((saved.path / "keidesk.sqlite3").read_bytes())
    make_case()
    restored = cli("restore", str(copy), "--json")
    assert restored.code == 0, restored.err
    assert Path(restored.json["kept_aside"]).is_dir()
    assert [c["id"] for c in cli("case", "list", "--json").json] == [first]
    back = cli("restore", restored.json["kept_aside"])
    assert back.code == 0 and "undoes this" in back.out
    assert len(cli("case", "list", "--json").json) == 2


def test_check_finds_missing_and_damaged_attachments(db: Database, make_case, tmp_path, cli):
    case_id = make_case()
    sha_a = _attach(db, case_id, tmp_path, b"aaaa")
    sha_b = _attach(db, case_id, tmp_path, b"bbbbbb")
    assert cli("check").code == 0
    store = AttachmentStore(db.folder)
    store.path_for(sha_a).unlink()
    store.path_for(sha_b).chmod(0o600)
    store.path_for(sha_b).write_bytes(b"changed")
    report = integrity.check(db)
    assert not report.ok and report.documents_checked == 2
    assert any("missing" in p and "KD-" in p for p in report.problems)
    assert any("damaged" in p for p in report.problems)
    result = cli("check", "--json")
    assert result.code == 2
    assert result.json["problems"] == list(report.problems)
    assert result.err.startswith("error: The check found 2 problem(s)")


def test_check_reports_a_damaged_database(db_path: Path, tmp_path, cli):
    database = open_database(db_path)
    with database.transaction("tester") as session:
        build_demo(session, cases=300, today=date(2026, 11, 21))
    database.close()
    data = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(len(data) // 2, len(data) // 2 + page * 4):
        data[offset] = 0x5A
    db_path.write_bytes(bytes(data))
    result = cli("check")
    assert result.code == 2
    assert "damaged" in result.err or "problem" in result.err


def test_two_databases_in_one_folder_keep_their_own_backups(tmp_path: Path, clock_frozen):
    """The demo beside the real database: its backups share the folder, never the rotation,
    the list to restore from or "unchanged since the last backup"."""
    real = open_database(tmp_path / "keidesk.sqlite3")
    demo = open_database(tmp_path / "keidesk-demo.sqlite3")
    try:
        for database, count in ((real, 2), (demo, 5)):
            with database.transaction("tester") as session:
                build_demo(session, cases=count, today=clock.today())
        morning = datetime(2026, 11, 21, 9, tzinfo=UTC)
        clock_frozen.move_to(morning)
        real_backup = backup.make_backup(real, kind=BackupKind.DAILY, user="tester")
        for hours in range(1, 9):  # the demo closed many times later that day
            clock_frozen.move_to(morning + timedelta(hours=hours))
            with demo.transaction("tester") as session:
                build_demo(session, cases=1, today=clock.today())
            backup.make_backup(demo, kind=BackupKind.CLOSE, user="tester")
        # Before, the demo's newer backups of that day rotated the real one's away.
        assert real_backup.path.is_dir()
        assert [b.path for b in backup.backups_of(real)] == [real_backup.path]
        assert [b.cases for b in backup.backups_of(demo)] == [13]  # the newest of the day
        assert backup.unchanged_since_last_backup(real)
        assert backup.unchanged_since_last_backup(demo)
        assert backup.backup_if_due(real, user="tester", today=clock.today()) is None
    finally:
        real.close()
        demo.close()


def test_a_backup_from_before_it_noted_its_file_is_listed_for_each(tmp_path: Path, clock_frozen):
    real = open_database(tmp_path / "keidesk.sqlite3")
    demo = open_database(tmp_path / "keidesk-demo.sqlite3")
    try:
        made = backup.make_backup(real, kind=BackupKind.MANUAL, user="tester")
        manifest_path = made.path / backup.MANIFEST_NAME
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        assert manifest["source"] == "keidesk.sqlite3"
        del manifest["source"]  # as an older keidesk wrote it
        manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
        assert [b.path for b in backup.backups_of(real)] == [made.path]
        assert [b.path for b in backup.backups_of(demo)] == [made.path]  # it may be either's
        automatic = json.loads(manifest_path.read_text(encoding="utf-8"))
        automatic["kind"] = BackupKind.DAILY.value  # an old automatic one, rotated as before...
        manifest_path.write_text(json.dumps(automatic), encoding="utf-8")
        clock_frozen.shift(timedelta(minutes=5))
        backup.make_backup(demo, kind=BackupKind.CLOSE, user="tester")
        assert made.path.is_dir()  # ...but not by another file's backups: it may be the real's
    finally:
        real.close()
        demo.close()


def test_a_backup_from_before_it_noted_its_file_rotates_when_its_database_is_alone(
    tmp_path: Path, clock_frozen
):
    database = open_database(tmp_path / "cases.sqlite3")
    try:
        old = backup.make_backup(database, kind=BackupKind.DAILY, user="tester")
        manifest_path = old.path / backup.MANIFEST_NAME
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        del manifest["source"]
        manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
        clock_frozen.shift(timedelta(minutes=5))
        with database.transaction("tester") as session:
            build_demo(session, cases=1, today=clock.today())
        newer = backup.make_backup(database, kind=BackupKind.CLOSE, user="tester")
        assert [b.path for b in backup.backups_of(database)] == [newer.path]  # one a day
    finally:
        database.close()
