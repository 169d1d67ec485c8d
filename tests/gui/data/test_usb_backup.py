"""The backup dialog: a manual backup as one file on a USB stick, restored from that file."""

from __future__ import annotations

from pathlib import Path

from keidesk.dataio import backup
from keidesk.gui.data.backup_dialog import BackupDialog
from keidesk.services import cases
from keidesk.storage.database import Database


def _count(db: Database, today) -> int:
    with db.reader() as session:
        return cases.count_cases(session, cases.CaseFilter(), today=today)


def test_back_up_to_one_file_and_restore_from_it(
    qtbot, context, dialogs, db, make_case, tmp_path: Path, today
):
    make_case(customer="Dale")
    stick = tmp_path / "stick"
    stick.mkdir()
    dialog = BackupDialog(context)
    qtbot.addWidget(dialog)
    dialogs.saves = [stick / "keidesk-friday"]
    dialog.backup_file_button.click()
    qtbot.waitUntil(lambda: not dialog.backup_actions.busy)
    made = stick / "keidesk-friday.keidesk-backup"
    assert made.is_file(), dialog.message.text()
    assert "Backed up 1 cases" in dialog.message.text()
    assert "Last backup to another drive: never" not in dialog.status.text()
    make_case(customer="Later")
    assert _count(db, today) == 2
    dialogs.files = [made]
    dialogs.confirm_answers = [True]
    with qtbot.waitSignal(dialog.backup_actions.restored):
        dialog.restore_button.click()
    assert _count(db, today) == 1
    assert "Restored" in dialog.message.text()
    # The copy the restore kept aside is listed, and stays.
    kinds = [b.kind for b in backup.list_backups(backup.backups_folder(db))]
    assert backup.BackupKind.BEFORE_RESTORE in kinds
    assert dialog.backups.count() == len(kinds)


def test_a_file_that_is_not_a_backup_is_refused_in_the_dialog(
    qtbot, context, dialogs, db, make_case, tmp_path: Path, today
):
    make_case()
    dialog = BackupDialog(context)
    qtbot.addWidget(dialog)
    fake = tmp_path / "holiday.keidesk-backup"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    dialogs.files = [fake]
    dialogs.confirm_answers = [True]
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: not dialog.backup_actions.busy)
    assert "not a complete keidesk backup" in dialog.message.text()
    assert _count(db, today) == 1


def test_the_backup_menu_writes_one_file(window, dialogs, make_case, tmp_path: Path, qtbot):
    make_case()
    target = tmp_path / "stick" / "monday.keidesk-backup"
    target.parent.mkdir()
    dialogs.saves = [target]
    action = next(a for a in window.actions() if a.objectName() == "action_backup_to_file")
    action.trigger()
    qtbot.waitUntil(target.is_file)
    with backup.unpacked(target, tmp_path / "scratch") as folder:
        assert backup.verify_backup(folder).cases == 1
