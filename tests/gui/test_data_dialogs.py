"""The import and backup dialogs, driven as a user would (real widgets, real database)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from keidesk.dataio import backup
from keidesk.gui.backup_dialog import BackupDialog
from keidesk.gui.backup_reminder import backups_at_start
from keidesk.gui.import_dialog import PROBLEM_COLOUR, ImportDialog
from keidesk.services import cases
from keidesk.storage.database import Database
from tests.dataio.helpers import fingerprint

pytestmark = pytest.mark.gui

SHEET = (
    "Frame #,Year,Customer,State,Lot\n"
    "DA52T-123456,H11.3,Dale Fontenot,TX,17\n"
    "HA4-12,1996,Smith Farms,ZZ,18\n"
    "S110P-0123456,平成8年,Jolene Carter,GA,19\n"
)


def _wait_idle(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog._task is None, timeout=20_000)


def test_import_dialog_marks_problems_then_imports(qtbot, db: Database, tmp_path: Path, today):
    sheet = tmp_path / "trucks.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    dialog = ImportDialog(db, user="tester", today=today, choose_file=lambda _parent: sheet)
    qtbot.addWidget(dialog)
    dialog._browse()
    assert dialog.file_edit.text() == str(sheet)
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == 1
    assert dialog.current_mapping() == ("chassis", "built", "customer", "state", None)

    dialog.next_button.click()
    _wait_idle(qtbot, dialog)
    assert dialog.pages.currentIndex() == 2
    model = dialog.preview.model()
    assert model.rowCount() == 3
    bad_chassis = model.index(1, 1)
    assert model.data(bad_chassis, Qt.ItemDataRole.BackgroundRole).color() == PROBLEM_COLOUR
    assert "HA4-12" in model.data(bad_chassis, Qt.ItemDataRole.ToolTipRole)
    assert "not a US state code" in model.data(model.index(1, 4), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, 1), Qt.ItemDataRole.BackgroundRole) is None
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
    _wait_idle(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    _wait_idle(qtbot, dialog)
    assert dialog.report is not None and dialog.report.counts["created"] == 3
    assert "Imported" in dialog.message.text()
    with db.reader() as session:
        assert cases.count_cases(session, cases.CaseFilter(), today=today) == 3


def test_import_dialog_shows_a_bad_file_plainly(qtbot, db: Database, tmp_path: Path, today):
    junk = tmp_path / "photo.csv"
    junk.write_bytes(b"\x89PNG\x00\x00")
    dialog = ImportDialog(db, user="tester", today=today)
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(junk))
    before = fingerprint(db)
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == 0
    assert "binary data" in dialog.message.text() or "UTF-8" in dialog.message.text()
    assert fingerprint(db) == before


def test_backup_dialog_backs_up_restores_and_undoes(
    qtbot, db: Database, make_case, tmp_path, today
):
    first = make_case(customer="Dale")
    stick = tmp_path / "stick"
    stick.mkdir()
    answers: list[str] = []

    def ask(_parent, text: str) -> bool:
        answers.append(text)
        return True

    chosen: list[Path] = [stick]
    dialog = BackupDialog(db, user="tester", today=today, choose=lambda _p, _t: chosen[0], ask=ask)
    qtbot.addWidget(dialog)
    assert "never" in dialog.status.text()
    assert not dialog.undo_button.isEnabled()
    dialog.backup_to_button.click()
    _wait_idle(qtbot, dialog)
    assert "Backed up 1 cases" in dialog.message.text()
    made = next(stick.iterdir())
    make_case(customer="Later")
    chosen[0] = made
    with qtbot.waitSignal(dialog.restored, timeout=20_000):
        dialog.restore_button.click()
    _wait_idle(qtbot, dialog)
    assert "kept aside" in answers[0]
    with db.reader() as session:
        assert [c.id for c in cases.list_cases(session, today=today)] == [first]
    assert dialog.undo_button.isEnabled()
    with qtbot.waitSignal(dialog.restored, timeout=20_000):
        dialog.undo_button.click()
    _wait_idle(qtbot, dialog)
    with db.reader() as session:
        assert cases.count_cases(session, cases.CaseFilter(), today=today) == 2
    assert dialog.backups.count() >= 1


def test_restore_refused_when_not_confirmed_or_invalid(
    qtbot, db: Database, make_case, tmp_path, today
):
    make_case()
    dialog = BackupDialog(
        db, user="tester", today=today, choose=lambda _p, _t: tmp_path, ask=lambda _p, _t: False
    )
    qtbot.addWidget(dialog)
    before = fingerprint(db)
    dialog.restore_button.click()  # not confirmed: nothing happens
    assert dialog._task is None
    dialog._ask = lambda _p, _t: True
    dialog.restore_button.click()
    _wait_idle(qtbot, dialog)
    assert "not a keidesk backup" in dialog.message.text()
    assert fingerprint(db) == before


def test_backups_at_start_makes_the_daily_backup_and_reminds(db: Database, make_case, today):
    shown: list[str] = []
    make_case()

    def remind(_parent: object, text: str) -> bool:
        shown.append(text)
        return True

    wants = backups_at_start(None, db, user="tester", today=today, remind=remind)
    assert wants is True
    assert "all on this computer" in shown[0]
    assert len(backup.list_backups(backup.backups_folder(db))) == 1
    backups_at_start(None, db, user="tester", today=today, remind=lambda _p, t: False)
    assert len(backup.list_backups(backup.backups_folder(db))) == 1  # one a day
