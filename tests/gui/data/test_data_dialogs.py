"""The import, backup and bundle dialogs, driven as a user would (real widgets, real database,
the synchronous task runner, scripted answers for the file choosers and questions)."""

from __future__ import annotations

import json
import threading
import zipfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QTreeWidgetItem
from sqlalchemy import event

from keidesk.dataio import backup, bundle
from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.gui.data.backup_dialog import BackupDialog
from keidesk.gui.data.backup_reminder import (
    ClosingNotice,
    backup_at_close,
    backups_at_start,
    wait_for_backup_at_close,
)
from keidesk.gui.data.bundle_dialog import BundleImportDialog
from keidesk.gui.data.import_dialog import PROBLEM_COLOUR, ImportDialog
from keidesk.services import cases
from keidesk.services.documents import AttachmentStore, add_document
from keidesk.storage.database import Database, open_database
from tests.dataio.helpers import fingerprint, rewrite_bundle

SHEET = (
    "Frame #,Year,Customer,State,Lot\n"
    "DA52T-123456,H11.3,Dale Fontenot,TX,17\n"
    "HA4-12,1996,Smith Farms,ZZ,18\n"
    "S110P-0123456,平成8年,Jolene Carter,GA,19\n"
)
SHOTS = Path("/work/shots/integ")


def count(db: Database, today) -> int:
    with db.reader() as session:
        return cases.count_cases(session, cases.CaseFilter(), today=today)


# --- import -------------------------------------------------------------------------------


def test_import_dialog_marks_problems_then_imports(qtbot, context, dialogs, db, tmp_path, today):
    sheet = tmp_path / "trucks.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    dialog = ImportDialog(context)
    qtbot.addWidget(dialog)
    dialogs.files = [sheet]
    dialog._browse()
    assert dialog.file_edit.text() == str(sheet)
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == 1
    assert dialog.current_mapping() == ("chassis", "built", "customer", "state", None)

    dialog.next_button.click()
    assert dialog.pages.currentIndex() == 2
    model = dialog.preview.model()
    assert model.rowCount() == 3
    bad_chassis = model.index(1, 2)
    assert model.data(bad_chassis, Qt.ItemDataRole.BackgroundRole).color() == PROBLEM_COLOUR
    assert "HA4-12" in model.data(bad_chassis, Qt.ItemDataRole.ToolTipRole)
    assert "not a US state code" in model.data(model.index(1, 5), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, 2), Qt.ItemDataRole.BackgroundRole) is None
    # The reasons are in a column of their own, not only on hover, each named by its column.
    reasons = model.data(model.index(1, 1))
    assert "HA4-12" in reasons and "not a US state code" in reasons
    assert reasons.startswith("Frame #: ")
    assert "2 problem" in model.data(model.index(1, 0))
    assert not dialog.import_button.isEnabled()  # nothing imports while a row has a problem
    dialog.preview.selectRow(1)
    assert "Row 3, Frame #: " in dialog.message.text()

    # Fix the sheet, go back, and check again.
    sheet.write_text(SHEET.replace("HA4-12,", "HA4-1234567,").replace(",ZZ,", ",TX,"))
    dialog.back_button.click()
    dialog.back_button.click()
    dialog.next_button.click()
    dialog.set_field(4, None)
    dialog.next_button.click()
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(context.changes.cases_changed) as announced:
        dialog.import_button.click()
    assert announced.args == [None, dialog]  # many cases, changed by the import
    assert dialog.report is not None and dialog.report.counts["created"] == 3
    assert "Imported" in dialog.message.text()
    assert count(db, today) == 3


def test_import_dialog_imports_the_good_rows_and_saves_the_problem_rows(
    qtbot, context, dialogs, db, tmp_path, today
):
    sheet = tmp_path / "trucks.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    dialog = ImportDialog(context)
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(sheet))
    dialog.next_button.click()
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == 2
    assert "“Lot”" in dialog.preview_summary.text()  # the column no field takes is named
    assert not dialog.import_button.isEnabled()
    assert dialog.set_aside_row.isVisibleTo(dialog)
    assert dialog.problems_edit.text() == str(tmp_path / "trucks-problems.csv")
    dialog.set_aside_check.click()
    assert dialog.import_button.isEnabled()
    dialogs.saves = [tmp_path / "to fix.xlsx"]
    dialog.problems_browse.click()
    assert dialog.problems_edit.text() == str(tmp_path / "to fix.xlsx")
    dialog.problems_edit.setText(str(sheet))  # never over the sheet being imported
    dialog.import_button.click()
    assert "cannot be saved over trucks.csv" in dialog.message.text()
    assert count(db, today) == 0
    dialog.problems_edit.setText(str(tmp_path / "to fix.csv"))
    with qtbot.waitSignal(context.changes.cases_changed):
        dialog.import_button.click()
    assert dialog.report is not None
    assert dialog.report.counts["created"] == 2 and dialog.report.counts["set aside"] == 1
    assert "to fix.csv" in dialog.message.text()
    assert count(db, today) == 2
    saved = (tmp_path / "to fix.csv").read_text(encoding="utf-8-sig").splitlines()
    assert saved[0] == "Frame #,Year,Customer,State,Lot,keidesk problem"
    assert saved[1].startswith("HA4-12,1996,Smith Farms,ZZ,18,")
    assert "not a US state code" in saved[1]


def test_import_dialog_shows_a_bad_file_plainly(qtbot, context, db, tmp_path):
    junk = tmp_path / "photo.csv"
    junk.write_bytes(b"\x89PNG\x00\x00")
    dialog = ImportDialog(context)
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(junk))
    before = fingerprint(db)
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == 0
    assert "binary data" in dialog.message.text() or "UTF-8" in dialog.message.text()
    assert fingerprint(db) == before


# --- backups ------------------------------------------------------------------------------


def test_backup_dialog_backs_up_restores_and_undoes(
    qtbot, context, dialogs, db, make_case, tmp_path, today
):
    first = make_case(customer="Dale")
    stick = tmp_path / "stick"
    stick.mkdir()
    dialog = BackupDialog(context)
    qtbot.addWidget(dialog)
    assert "never" in dialog.status.text()
    assert not dialog.undo_button.isEnabled()
    dialogs.folders = [stick]
    dialog.backup_to_button.click()
    assert "Backed up 1 cases" in dialog.message.text()
    made = next(stick.iterdir())
    make_case(customer="Later")
    dialogs.files = [made / "backup.json"]  # a backup is chosen by its backup.json
    dialogs.confirm_answers = [True]
    with qtbot.waitSignal(dialog.backup_actions.restored):
        dialog.restore_button.click()
    assert "kept aside" in dialogs.questions[0]
    assert "Restored" in dialog.message.text()
    with db.reader() as session:
        assert [c.id for c in cases.list_cases(session, today=today)] == [first]
    assert dialog.undo_button.isEnabled()
    dialogs.confirm_answers = [True]
    with qtbot.waitSignal(dialog.backup_actions.restored):
        dialog.undo_button.click()
    assert count(db, today) == 2
    assert dialog.backups.count() >= 1


def test_restore_refused_when_not_confirmed_or_invalid(
    qtbot, context, dialogs, db, make_case, tmp_path
):
    make_case()
    dialog = BackupDialog(context)
    qtbot.addWidget(dialog)
    before = fingerprint(db)
    not_a_backup = tmp_path / "notes.sqlite3"
    not_a_backup.write_text("hello")
    dialogs.files = [not_a_backup]
    dialogs.confirm_answers = [False]
    dialog.restore_button.click()  # not confirmed: nothing happens
    assert dialog.message.text() == ""
    dialogs.files = [not_a_backup]
    dialogs.confirm_answers = [True]
    dialog.restore_button.click()
    assert "not a keidesk database or backup" in dialog.message.text()
    assert fingerprint(db) == before


def test_backups_at_start_makes_the_daily_backup_and_reminds(
    context, dialogs, db, make_case, age_the_data, clock_frozen
):
    make_case()
    age_the_data(10)
    wanted: list[bool] = []
    dialogs.confirm_answers = [True]
    backups_at_start(context, None, lambda: wanted.append(True))
    assert wanted == [True]
    assert "all on this computer" in dialogs.questions[0]
    assert "File → Backup → Back up to folder…" in dialogs.questions[0]
    assert len(backup.list_backups(backup.backups_folder(db))) == 1
    backups_at_start(context, None, lambda: wanted.append(True))
    assert len(backup.list_backups(backup.backups_folder(db))) == 1  # one a day
    clock_frozen.shift(timedelta(hours=5))  # closed at the end of the day
    backup_at_close(context)  # nothing changed: no backup
    assert [b.kind for b in backup.list_backups(backup.backups_folder(db))] == [
        backup.BackupKind.DAILY
    ]
    make_case()
    backup_at_close(context)
    kinds = [b.kind for b in backup.list_backups(backup.backups_folder(db))]
    assert kinds == [backup.BackupKind.CLOSE]  # the rotation keeps the newest of each day


def test_no_reminder_on_a_fresh_database(context, dialogs, db, make_case):
    """A database created today (a first run, the demo) has not gone a week without a backup."""
    make_case()
    wanted: list[bool] = []
    backups_at_start(context, None, lambda: wanted.append(True))
    assert dialogs.questions == []
    assert wanted == []
    assert len(backup.list_backups(backup.backups_folder(db))) == 1  # the daily backup still runs


# --- bundles ------------------------------------------------------------------------------


@pytest.fixture
def bundle_with_changes(db: Database, make_case, tmp_path, today) -> tuple[Path, int]:
    """A bundle of three cases: one changed here since it was exported (so it differs), one
    the same as here, and one this database has never seen."""
    here = make_case(chassis="DA52T-123456", built="1999-03", customer="Dale", state="TX")
    other = make_case(chassis="HA4-1234567", built="1996-05", customer="Smith Farms", state="GA")
    out = tmp_path / "trucks.zip"
    with db.reader() as session:
        bundle.export_bundle(session, AttachmentStore(db.folder), [here, other], out, user="o")
    # Here, after the export: my vessel and a step moved on.
    with db.transaction("tester") as session:
        cases.update_case(session, here, {"vessel": "Glovis Sun"}, user="tester", today=today)
        cases.set_step(
            session,
            here,
            StepKey.LIEN,
            StepStatus.DONE,
            user="tester",
            today=today,
            note="ok",
            reason="papers seen",
        )
    # The bundle also carries a case this database has never seen.
    original = zipfile.ZipFile(out)
    document = json.loads(original.read("bundle.json"))
    new_case = json.loads(json.dumps(document["cases"][1]))
    new_case["uid"] = "f" * 32
    new_case["details"]["chassis"] = "S110P-0123456"
    new_case["details"]["customer_name"] = "Jolene Carter"
    document["cases"].append(new_case)
    return rewrite_bundle(out, tmp_path / "bundle.zip", document["cases"]), here


def children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    found = [item.child(i) for i in range(item.childCount())]
    return [child for child in found if child is not None]


def test_bundle_dialog_lists_new_and_existing_cases_with_differences(
    qtbot, context, db, bundle_with_changes, today
):
    path, here = bundle_with_changes
    dialog = BundleImportDialog(context, path)
    qtbot.addWidget(dialog)
    assert dialog.plan is not None
    text = dialog.summary.text()
    assert "3 case(s) — 1 new, 1 already here with differences, 1 already here and the same" in (
        text
    )
    root = dialog.tree.invisibleRootItem()
    titles = [item.text(0) for item in children(root)]
    assert any("already here; " in t and "DA52T-123456" in t for t in titles)
    assert any(t.startswith("S110P-0123456 — new case") for t in titles)
    with db.reader() as session:
        uid = cases.case_detail(session, here, today=today).uid
    assert set(dialog.choices()[uid]) == {"details", "step:lien"}
    differing = next(item for item in children(root) if "DA52T" in item.text(0))
    details = children(differing)[0]
    assert details.text(0) == "Case details"
    (vessel,) = children(details)
    assert (vessel.text(0), vessel.text(1), vessel.text(2)) == ("Vessel", "Glovis Sun", "—")
    dialog.show()
    qtbot.waitExposed(dialog)
    if SHOTS.parent.is_dir():
        SHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SHOTS / "bundle-import-differences.png"))

    dialog.choose(uid, "details", bundle.Choice.THEIRS)
    dialog.choose(uid, "step:lien", bundle.Choice.MINE)
    with qtbot.waitSignal(context.changes.cases_changed):
        dialog.import_button.click()
    assert "1 created, 1 updated, 1 unchanged" in dialog.message.text()
    with db.reader() as session:
        detail = cases.case_detail(session, here, today=today)
        history = cases.case_history(session, here)
    assert detail.vessel is None  # theirs: the bundle had no vessel
    assert detail.step(StepKey.LIEN).status is StepStatus.DONE  # mine
    assert [h.new_value for h in history if h.field == "vessel"][-2:] == ["Glovis Sun", None]
    assert count(db, today) == 3
    assert not dialog.import_button.isEnabled()


def test_a_refused_bundle_is_shown_plainly_and_nothing_is_written(
    qtbot, context, db, make_case, tmp_path
):
    make_case()
    hostile = tmp_path / "evil.zip"
    with zipfile.ZipFile(hostile, "w") as archive:
        archive.writestr("../evil.txt", b"x")
        archive.writestr("manifest.json", "{}")
    before = fingerprint(db)
    dialog = BundleImportDialog(context, hostile)
    qtbot.addWidget(dialog)
    assert "evil.zip was not imported" in dialog.message.text()
    assert "Nothing was changed" in dialog.message.text()
    assert not dialog.import_button.isEnabled()
    assert fingerprint(db) == before
    assert not (tmp_path / "evil.txt").exists()


def test_bundle_files_are_copied_in_while_the_database_is_free(
    qtbot, probed_context, probe, db, tmp_path, today
):
    """The bundle's files go into the store before the transaction that imports it."""
    office = open_database(tmp_path / "office" / "k.sqlite3")
    scan = tmp_path / "export-cert.pdf"
    scan.write_bytes(b"%PDF-1.4 export certificate")
    out = tmp_path / "case.zip"
    try:
        stored = AttachmentStore(office.folder).put(scan)
        with office.transaction("office") as session:
            case_id = cases.create_case(session, chassis="DA52T-123456", today=today)
            add_document(session, case_id, stored, user="office")
        with office.reader() as session:
            bundle.export_bundle(
                session, AttachmentStore(office.folder), [case_id], out, user="office"
            )
    finally:
        office.close()
    dialog = BundleImportDialog(probed_context, out)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(probed_context.changes.cases_changed):
        dialog.import_button.click()
    assert "1 created" in dialog.message.text()
    assert probe.writable == [True]
    assert probe.path_for(stored.sha256).read_bytes() == scan.read_bytes()


def test_the_reminder_is_read_off_the_gui_thread(
    qtbot, threaded, dialogs, db, make_case, age_the_data
):
    """With the app's threaded runner: the daily backup runs on the work lane, then whether a
    backup is due is read on the read lane, and only then is the user asked."""
    make_case()
    age_the_data(10)
    read_on: list[threading.Thread] = []

    def executing(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if "FROM history" in statement:
            read_on.append(threading.current_thread())

    event.listen(db.engine, "before_cursor_execute", executing)
    try:
        dialogs.confirm_answers = [False]
        handle = backups_at_start(threaded, None, lambda: None)
        assert handle is not None and not handle.finished
        qtbot.waitUntil(lambda: bool(dialogs.questions), timeout=10_000)
    finally:
        event.remove(db.engine, "before_cursor_execute", executing)
    assert read_on and threading.main_thread() not in read_on
    assert "File → Backup → Back up to folder…" in dialogs.questions[0]


def test_a_long_backup_at_close_says_why_keidesk_is_still_running(
    threaded, db, make_case, qtbot, clock_frozen
):
    """A big database's backup at close takes a minute after the window has gone: a small
    window says so until it is made (here the backup waits behind another task until the
    notice has been seen)."""
    make_case()
    seen: list[str] = []
    go_on = threading.Event()
    threaded.tasks.run_task(lambda _progress: go_on.wait(60))  # the backup queues behind it
    backing_up = backup_at_close(threaded)
    assert backing_up is not None

    def look() -> None:
        notices = [w for w in QApplication.topLevelWidgets() if isinstance(w, ClosingNotice)]
        seen.extend(n.text.text() for n in notices if n.isVisible())
        go_on.set()

    QTimer.singleShot(50, look)  # after the notice's own timer
    wait_for_backup_at_close(threaded, backing_up, notice_after_ms=0)
    assert backing_up.finished
    assert seen and f"Backing up {db.location.label} before closing" in seen[0]
    assert [b.kind for b in backup.backups_of(db)] == [backup.BackupKind.CLOSE]
    qtbot.waitUntil(
        lambda: not any(isinstance(w, ClosingNotice) for w in QApplication.topLevelWidgets())
    )
