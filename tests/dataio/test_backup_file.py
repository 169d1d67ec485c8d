"""Backups a person made are kept: rotation deletes automatic backups only, and a manual
backup can be one file (a USB stick) that restores like a backup folder."""

from __future__ import annotations

import json
import os
import stat
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from keidesk.dataio import backup
from keidesk.dataio.backup import BackupInvalid, BackupKind
from keidesk.services import cases
from keidesk.services.documents import AttachmentStore, add_document
from keidesk.storage.database import Database
from tests.dataio.helpers import fingerprint

# Backups of the SQLite file; a server database's backups (pg_dump) are tested with them.
pytestmark = pytest.mark.sqlite_only


def _attach(db: Database, case_id: int, tmp_path: Path, content: bytes) -> str:
    source = tmp_path / f"scan-{len(content)}.pdf"
    source.write_bytes(content)
    stored = AttachmentStore(db.folder).put(source)
    with db.transaction("tester") as session:
        return add_document(session, case_id, stored, user="tester", title="Title").sha256


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_rotation_on_disk_never_deletes_a_manual_backup_or_one_kept_aside(
    db: Database, make_case, clock_frozen
):
    make_case()
    base = datetime(2026, 11, 21, 12, tzinfo=UTC)
    clock_frozen.move_to(base - timedelta(days=400))
    manual = backup.make_backup(db, kind=BackupKind.MANUAL, user="tester").path
    aside = [
        backup.make_backup(db, kind=BackupKind.BEFORE_RESTORE, user="tester").path for _ in range(8)
    ]
    for days_ago in range(40, -1, -1):
        clock_frozen.move_to(base - timedelta(days=days_ago))
        backup.make_backup(db, kind=BackupKind.DAILY, user="tester")
        backup.make_backup(db, kind=BackupKind.CLOSE, user="tester")
    left = backup.list_backups(backup.backups_folder(db))
    assert manual.is_dir() and all(path.is_dir() for path in aside)
    automatic = [b for b in left if b.kind.automatic]
    assert len(automatic) <= 7 + 4 + 12
    assert len(left) == len(automatic) + 9


def test_a_backup_as_one_file_restores_with_its_attachments(
    db: Database, make_case, tmp_path, today, cli
):
    first = make_case(customer="Dale")
    sha = _attach(db, first, tmp_path, b"the title scan")
    stick = tmp_path / "stick"
    stick.mkdir()
    made = cli("backup", "--file", str(stick / "friday"), "--json")
    assert made.code == 0, made.err
    file = Path(made.json["path"])
    assert file == stick / "friday.keidesk-backup" and file.is_file()
    assert made.json["kind"] == "manual" and made.json["cases"] == 1
    assert made.json["attachments"] == 1
    assert [p.name for p in stick.iterdir()] == [file.name]  # no partial or work file left
    assert not list(backup.backups_folder(db).glob(".partial-*"))
    if os.name == "posix":
        assert _mode(file) == 0o600
    with zipfile.ZipFile(file) as archive:
        names = set(archive.namelist())
    assert names == {"backup.json", "keidesk.sqlite3", f"attachments/{sha[:2]}/{sha}"}
    with db.reader() as session:  # it counts as a backup on another drive
        assert backup.last_backup_elsewhere_at(session) is not None
    # A folder gets a file named by the time; an existing file is never overwritten.
    into_folder = cli("backup", "--file", str(stick), "--json")
    assert into_folder.code == 0, into_folder.err
    assert Path(into_folder.json["path"]).name.endswith("-manual.keidesk-backup")
    again = cli("backup", "--file", str(file))
    assert again.code == 2 and "already exists" in again.err
    nowhere = cli("backup", "--file", str(tmp_path / "no-stick" / "b"))
    assert nowhere.code == 2 and "There is no folder" in nowhere.err
    # The data change, the attachment is lost from the store: the file brings both back.
    make_case(customer="Later")
    AttachmentStore(db.folder).path_for(sha).unlink()
    restored = cli("restore", str(file), "--json")
    assert restored.code == 0, restored.err
    assert restored.json["attachments_added"] == 1
    with db.reader() as session:
        assert [c.id for c in cases.list_cases(session, today=today)] == [first]
    assert AttachmentStore(db.folder).path_for(sha).read_bytes() == b"the title scan"
    assert not list(backup.backups_folder(db).glob(".keidesk-restore-*"))  # unpacked, removed
    # The copy kept aside by that restore undoes it, and is never rotated away.
    kept = Path(restored.json["kept_aside"])
    assert backup.list_backups(backup.backups_folder(db))[0].kind is BackupKind.BEFORE_RESTORE
    assert kept.is_dir()


def _rezip(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename in change:
                continue
            new.writestr(info, old.read(info))
        for name, data in change.items():
            if data is not None:
                new.writestr(name, data)
    return target


def test_a_damaged_or_hostile_backup_file_is_refused_and_changes_nothing(
    db: Database, make_case, tmp_path
):
    case_id = make_case()
    _attach(db, case_id, tmp_path, b"scan")
    good = backup.make_backup_file(db, tmp_path / "good", user="tester").path
    make_case()
    before = fingerprint(db)
    manifest = json.loads(zipfile.ZipFile(good).read("backup.json"))
    cut = tmp_path / "cut.keidesk-backup"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    big_db = dict(manifest, database=dict(manifest["database"], size=10**12))
    cases_bad = [
        (cut, "damaged"),
        (_rezip(good, tmp_path / "evil.keidesk-backup", {"../evil.txt": b"x"}), "no backup does"),
        (_rezip(good, tmp_path / "nodb.keidesk-backup", {"keidesk.sqlite3": None}), "missing"),
        (
            _rezip(
                good, tmp_path / "big.keidesk-backup", {"backup.json": json.dumps(big_db).encode()}
            ),
            "not the size",
        ),
        (
            _rezip(
                good,
                tmp_path / "swapped.keidesk-backup",
                {"keidesk.sqlite3": b"x" * manifest["database"]["size"]},
            ),
            "not a keidesk database or backup",
        ),
    ]
    for bad, reason in cases_bad:
        with pytest.raises(BackupInvalid, match=reason):
            backup.restore_backup(db, bad, user="tester")
        assert fingerprint(db) == before
    assert not (tmp_path / "evil.txt").exists()
    assert not list(backup.backups_folder(db).glob(".keidesk-restore-*"))


def test_restore_as_new_file_from_a_backup_file(db: Database, make_case, tmp_path):
    make_case()
    good = backup.make_backup_file(db, tmp_path / "good", user="tester").path
    target = tmp_path / "elsewhere" / "restored.sqlite3"
    target.parent.mkdir()
    backup.restore_as_new_file(good, target)
    assert target.is_file()


def test_backup_attachment_folders_are_private(db: Database, make_case, tmp_path):
    case_id = make_case()
    sha = _attach(db, case_id, tmp_path, b"scan")
    stick = tmp_path / "stick"
    stick.mkdir()
    for made in (
        backup.make_backup(db, kind=BackupKind.MANUAL, user="tester").path,
        backup.make_backup(db, kind=BackupKind.MANUAL, user="tester", to=stick).path,
    ):
        if os.name == "posix":
            assert _mode(made / "attachments") == 0o700
            assert _mode(made / "attachments" / sha[:2]) == 0o700
            assert _mode(made / "attachments" / sha[:2] / sha) == 0o600


def test_what_a_killed_one_file_backup_or_restore_left_is_removed_next_time(
    db: Database, make_case, tmp_path
):
    make_case()
    folder = backup.backups_folder(db)
    left_by_backup = folder / f"{backup.WORK_PREFIX}friday"
    left_by_restore = folder / f"{backup.UNPACK_PREFIX}x1y2"
    for stale in (left_by_backup, left_by_restore):
        (stale / "attachments").mkdir(parents=True)
        (stale / "keidesk.sqlite3").write_bytes(b"half")
    made = backup.make_backup_file(db, tmp_path / "monday", user="tester").path
    assert not left_by_backup.exists()
    backup.restore_backup(db, made, user="tester")
    assert not left_by_restore.exists()
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []
