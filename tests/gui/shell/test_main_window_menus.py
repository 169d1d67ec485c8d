"""Every File and Case menu path of the main window, driven from its action: the action opens
its dialog or starts its job, the synchronous runner finishes the job, and the result shows
(in the window, a message, or on disk). Screenshots of the menus are saved for review."""

from __future__ import annotations

import dataclasses
import zipfile
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMenu

from keidesk.dataio import backup
from keidesk.dataio.sheets import read_sheet
from keidesk.gui.data.backup_dialog import BackupDialog
from keidesk.gui.data.bundle_dialog import BundleImportDialog
from keidesk.gui.data.import_dialog import ImportDialog
from keidesk.gui.kit.dialogs import Discard
from keidesk.gui.packets.packet_dialog import PacketDialog
from keidesk.gui.packets.stage_packets import StagePackets, StagePacketsDialog
from keidesk.gui.setup.preferences_dialog import PreferencesDialog
from keidesk.gui.shell.main_window import MainWindow
from keidesk.gui.shell.recovery import open_with_recovery
from keidesk.packets import PacketKind, Paper
from keidesk.preferences import load_preferences
from keidesk.services import cases
from keidesk.services.cases import CaseFilter
from keidesk.storage.database import Database, open_database

SHOTS = Path("/work/shots/integ")
TODAY = date(2026, 11, 21)


def action(window: MainWindow, name: str) -> QAction:
    found = next((a for a in window.actions() if a.objectName() == name), None)
    assert found is not None, name
    return found


def trigger(window: MainWindow, name: str) -> None:
    item = action(window, name)
    assert item.isEnabled(), name
    item.trigger()


def count(db: Database, today) -> int:
    with db.reader() as session:
        return cases.count_cases(session, CaseFilter(), today=today)


@pytest.fixture
def trucks(make_case, window: MainWindow) -> list[int]:
    """Three cases, shown in the window's list."""
    ids = [
        make_case(chassis="DA52T-123456", built="1999-03", customer="Dale Whitaker", state="TX"),
        make_case(chassis="HA4-1234567", built="1996-05", customer="Smith Farms", state="GA"),
        make_case(chassis="S110P-0123456", built="H8", customer="Jolene Carter", state="TX"),
    ]
    window.desk.refresh()
    return ids


# --- the menus themselves -----------------------------------------------------------------


def _shoot_menu(window: MainWindow, menu: QMenu, name: str, submenu: QMenu | None = None):
    """The window with ``menu`` (and ``submenu``) open, painted into one picture."""
    if not SHOTS.parent.is_dir():
        return
    SHOTS.mkdir(exist_ok=True)
    bar = window.menuBar()
    title_rect = bar.actionGeometry(menu.menuAction())
    picture = window.grab()
    painter = QPainter(picture)
    at = bar.mapTo(window, title_rect.bottomLeft())
    menu.popup(window.mapToGlobal(at))
    QApplication.processEvents()
    painter.drawPixmap(at, menu.grab())
    if submenu is not None:
        sub_at = at + QPoint(menu.width() - 4, menu.actionGeometry(submenu.menuAction()).top())
        submenu.popup(window.mapToGlobal(sub_at))
        QApplication.processEvents()
        painter.drawPixmap(sub_at, submenu.grab())
        submenu.hide()
    painter.end()
    menu.hide()
    picture.save(str(SHOTS / name))


def test_file_and_case_menus_hold_every_path(window: MainWindow, trucks, qtbot):
    file_texts = [a.text() for a in window.menus["file"].actions() if a.text()]
    for text in (
        "&Import cases…",
        "E&xport case list…",
        "Import case &bundle…",
        "Export case bu&ndle…",
        "Bac&kup",
        "&Check database…",
        "Pr&eferences…",
    ):
        assert text in file_texts
    backup_texts = [a.text() for a in window.menus["backup"].actions() if a.text()]
    assert backup_texts == [
        "Back up &now",
        "Back up to &folder…",
        "Back up to one fi&le…",
        "&Restore from backup…",
        "&Undo last restore",
        "&Backups…",
    ]
    packet = action(window, "action_packet")
    assert packet.shortcut().toString() == "Ctrl+P"
    assert not packet.isEnabled()  # no case open
    window.desk.open_case(trucks[0])
    assert packet.isEnabled()
    window.show()
    qtbot.waitExposed(window)
    pixmap: QPixmap = window.grab()
    assert not pixmap.isNull()
    _shoot_menu(window, window.menus["file"], "main-window-file-menu.png")
    _shoot_menu(window, window.menus["case"], "main-window-case-menu.png")
    _shoot_menu(
        window, window.menus["file"], "main-window-backup-submenu.png", window.menus["backup"]
    )


# --- packets ------------------------------------------------------------------------------


def test_document_packet_from_the_menu_and_the_workspace(window: MainWindow, rich_case: int):
    workspace = window.desk.open_case(rich_case)
    trigger(window, "action_packet")
    dialog = window.findChild(PacketDialog)
    assert dialog is not None and dialog.case_id == rich_case and dialog.isVisible()
    dialog.build_button.click()
    assert dialog.pdf_document.pageCount() == dialog.preview.packet.pages  # type: ignore[union-attr]
    dialog.close()
    workspace.packet_button.click()
    opened = [d for d in window.findChildren(PacketDialog) if d.isVisible()]
    assert len(opened) == 1 and opened[0].case_id == rich_case


def test_packets_for_stage(window: MainWindow, trucks, dialogs, tmp_path: Path, today):
    out = tmp_path / "packets"
    stage = window.desk.context.read(lambda s: cases.case_detail(s, trucks[0], today=today)).stage
    stage_ids = window.desk.context.read(lambda s: cases.case_ids_in_stage(s, stage))
    trigger(window, "action_stage_packets")
    dialog = window.findChild(StagePacketsDialog)
    assert dialog is not None
    dialog.stage.setCurrentIndex(dialog.stage.findData(stage))
    assert f"{len(stage_ids)} case" in dialog.count.text()
    dialog.kind.setCurrentIndex(dialog.kind.findData(PacketKind.HANDOVER))
    dialogs.folders = [out]
    dialog._browse()
    assert dialog.folder.text() == str(out)
    # The worker processes of the real batch; this test uses one to stay quick.
    dialog.accepted.disconnect()
    dialog.accepted.connect(lambda: window.desk.build_stage_packets(dialog.choice(), workers=1))
    dialog.buttons.accepted.emit()
    built = sorted(p.name for p in out.glob("*.pdf"))
    assert len(built) == len(stage_ids) > 0
    assert f"{len(built)} of {len(stage_ids)}" in (dialogs.infos + dialogs.errors)[-1]
    assert window.desk.last_task is not None and window.desk.last_task.outcome == "done"


def test_packets_for_stage_can_be_cancelled(window: MainWindow, trucks, tmp_path: Path, today):
    stage = window.desk.context.read(lambda s: cases.case_detail(s, trucks[0], today=today)).stage

    def cancel_at_once(handle) -> None:
        handle.cancel()

    window.desk.context.tasks.task_started.connect(cancel_at_once)
    window.desk.build_stage_packets(
        StagePackets(stage, PacketKind.HANDOVER, Paper.LETTER, tmp_path / "out"), workers=1
    )
    assert window.desk.last_task is not None and window.desk.last_task.outcome == "cancelled"
    assert window.statusBar().currentMessage() == "Cancelled."
    # Cancel stops after the packet being built; that one stays, recorded on its case.
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 1


# --- data in and out ----------------------------------------------------------------------


def test_import_cases_refreshes_the_list(window: MainWindow, dialogs, db, tmp_path, today):
    sheet = tmp_path / "trucks.csv"
    sheet.write_text("Chassis,Customer,State\nDA52T-123456,Dale,TX\nHA4-1234567,Smith,GA\n")
    assert window.desk.case_list.model.rowCount() == 0
    trigger(window, "action_import_cases")
    dialog = window.findChild(ImportDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.file_edit.setText(str(sheet))
    dialog.next_button.click()
    dialog.next_button.click()
    dialog.import_button.click()
    assert count(db, today) == 2
    assert window.desk.case_list.model.rowCount() == 2  # the list refreshed
    assert "2 cases" in window.desk.case_list.count_label.text()


def test_export_case_list_uses_the_current_filter(window, trucks, dialogs, tmp_path):
    window.desk.case_list.apply_filter(CaseFilter(state="TX"))
    out = tmp_path / "texas"
    dialogs.saves = [out]
    trigger(window, "action_export_cases")
    sheet = read_sheet(tmp_path / "texas.csv")
    assert sorted(row[1] for row in sheet.rows) == ["DA52T-123456", "S110P-0123456"]
    assert "Exported 2 cases" in dialogs.infos[-1]


def test_export_and_import_case_bundle(window, make_window, trucks, dialogs, db, tmp_path, today):
    table = window.desk.case_list.table
    table.selectRow(0)
    table.selectionModel().select(
        window.desk.case_list.model.index(1, 0),
        table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
    )
    assert len(window.desk.case_list.selected_case_ids()) == 2
    out = tmp_path / "two.zip"
    dialogs.saves = [out]
    trigger(window, "action_export_bundle")
    assert "Wrote 2 case(s)" in dialogs.infos[-1]
    assert "bundle.json" in zipfile.ZipFile(out).namelist()

    # Into another database: both are new there.
    other = open_database(tmp_path / "laptop.sqlite3")
    try:
        laptop = make_window(_context_on(window, other))
        dialogs.files = [out]
        action(laptop, "action_import_bundle").trigger()
        dialog = laptop.findChild(BundleImportDialog)
        assert dialog is not None
        assert "2 new" in dialog.summary.text()
        dialog.import_button.click()
        assert "2 created" in dialog.message.text()
        assert laptop.desk.case_list.model.rowCount() == 2
        laptop.close()
        laptop.deleteLater()
    finally:
        other.close()


def _context_on(window: MainWindow, database: Database):
    return dataclasses.replace(window.desk.context, database=database)


def test_export_bundle_needs_a_selection(window, dialogs):
    trigger(window, "action_export_bundle")
    assert "Select the cases" in dialogs.errors[-1]


# --- backups and the check ----------------------------------------------------------------


def test_backup_menu_paths(window: MainWindow, trucks, dialogs, db, tmp_path, today):
    trigger(window, "action_backup_now")
    assert "Backed up 3 cases" in dialogs.infos[-1]
    stick = tmp_path / "stick"
    stick.mkdir()
    dialogs.folders = [stick]
    trigger(window, "action_backup_to_folder")
    made = next(stick.iterdir())
    assert "Backed up 3 cases" in dialogs.infos[-1] and str(made) in dialogs.infos[-1]

    workspace = window.desk.open_case(trucks[0])
    with db.transaction("tester") as session:
        cases.create_case(session, chassis="DA63T-111111", today=today)
    window.desk.refresh()
    assert window.desk.case_list.model.rowCount() == 4
    dialogs.files = [made / "backup.json"]
    dialogs.confirm_answers = [True]
    trigger(window, "action_restore")
    assert "Restored" in dialogs.infos[-1]
    assert window.desk.case_list.model.rowCount() == 3  # the list shows the restored data
    reopened = window.desk.workspaces()
    assert [w.case_id for w in reopened] == [trucks[0]] and reopened[0] is not workspace

    dialogs.confirm_answers = [True]
    trigger(window, "action_undo_restore")
    assert window.desk.case_list.model.rowCount() == 4

    trigger(window, "action_backups")
    backups = window.findChild(BackupDialog)
    assert backups is not None and backups.backups.count() >= 1


def test_restore_waits_for_unsaved_edits(window, trucks, dialogs, db, tmp_path):
    made = backup.make_backup(db, kind=backup.BackupKind.MANUAL, user="t", to=tmp_path)
    workspace = window.desk.open_case(trucks[0])
    workspace.set_field_text("colour", "white")
    workspace._edited("colour", "white")
    assert workspace.dirty
    dialogs.files = [made.path / "backup.json"]
    dialogs.confirm_answers = [True]
    dialogs.discard_answers = [Discard.CANCEL]
    before = db.path.read_bytes() if db.path else b""
    trigger(window, "action_restore")
    assert dialogs.discard_asked  # asked about the edits, and the user went back
    assert not any("Restored" in text for text in dialogs.infos)
    assert workspace.dirty and before


def test_check_database(window: MainWindow, rich_case, dialogs, db):
    trigger(window, "action_check")
    assert "The database is sound" in dialogs.infos[-1]
    stored = next((db.folder / "attachments").rglob("*"), None)
    files = [p for p in (db.folder / "attachments").rglob("*") if p.is_file()]
    assert stored is not None and files
    files[0].write_bytes(b"changed")
    trigger(window, "action_check")
    assert "found 1 problem" in dialogs.errors[-1]
    assert "damaged" in dialogs.errors[-1]


def test_backups_at_start_from_the_window(window, trucks, dialogs, db, age_the_data):
    age_the_data(10)  # a week without a backup elsewhere: the reminder is due
    window.desk.backups_at_start()
    assert len(backup.list_backups(backup.backups_folder(db))) == 1
    assert "File → Backup → Back up to folder…" in dialogs.questions[-1]


# --- preferences and start-up ---------------------------------------------------------------


def test_preferences_set_the_staff_name(window, monkeypatch):
    monkeypatch.delenv("KEIDESK_USER")
    trigger(window, "action_preferences")
    dialog = window.findChild(PreferencesDialog)
    assert dialog is not None
    dialog.staff_name.setText("Tammy Reyes")
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
    dialog.save()
    assert load_preferences().staff_name == "Tammy Reyes"
    assert load_preferences().paper == "a4"
    assert window.desk.context.user == "Tammy Reyes"


def test_startup_restores_a_backup_into_a_new_file(qapp, dialogs, db, make_case, tmp_path):
    make_case(customer="Dale")
    made = backup.make_backup(db, kind=backup.BackupKind.MANUAL, user="t", to=tmp_path)
    broken = tmp_path / "broken" / "keidesk.sqlite3"
    broken.parent.mkdir()
    broken.write_bytes(b"\x00" * 512)
    dialogs.startup_answers = ["restore_backup"]
    dialogs.files = [made.path / "backup.json"]
    database = open_with_recovery(broken, dialogs)
    assert database is not None
    try:
        assert database.path is not None and database.path.parent == broken.parent
        assert database.path.name.startswith("keidesk-restored-")
        with database.reader() as session:
            names = [c.customer for c in cases.list_cases(session, today=TODAY)]
        assert names == ["Dale"]
        assert broken.read_bytes() == b"\x00" * 512  # the file that failed is untouched
        assert "restored into" in dialogs.infos[-1]
    finally:
        database.close()


def test_startup_restore_of_a_bad_backup_says_why(qapp, dialogs, tmp_path):
    broken = tmp_path / "keidesk.sqlite3"
    broken.write_bytes(b"\x00" * 512)
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("no")
    dialogs.startup_answers = ["restore_backup", "quit"]
    dialogs.files = [junk]
    assert open_with_recovery(broken, dialogs) is None
    assert "not a keidesk database or backup" in dialogs.errors[-1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["junk.sqlite3", "keidesk.sqlite3"]
