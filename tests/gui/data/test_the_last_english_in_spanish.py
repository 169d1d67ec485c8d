"""With Spanish installed, what was the last English on screen speaks Spanish: a storage error
(a locked database), a refused bundle, the import's per-row outcome notes after importing, a
refused problem file and the cases report's description. The core's text stays English."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from keidesk.gui.data.bundle_dialog import BundleImportDialog
from keidesk.gui.kit.i18n import tr_error
from keidesk.gui.reports.dialog import ReportsDialog
from keidesk.storage.errors import translate
from tests.gui.data.test_import_in_spanish import import_dialog


def locked_error() -> Exception:
    exc = sqlite3.OperationalError("database is locked")
    exc.sqlite_errorcode = sqlite3.SQLITE_BUSY
    error = translate(exc, "/data/keidesk.sqlite3")
    assert error is not None
    return error


def test_a_storage_error_is_spanish_on_screen_and_english_in_its_text(spanish):
    error = locked_error()
    assert str(error) == (
        "The database is in use by another keidesk or program (/data/keidesk.sqlite3). "
        "Wait a moment and try again, or close the other program."
    )
    assert tr_error(error) == (
        "La base de datos está en uso por otro keidesk u otro programa (/data/keidesk.sqlite3). "
        "Espere un momento y vuelva a intentarlo, o cierre el otro programa."
    )


def test_a_refused_bundle_says_why_in_spanish(spanish, qtbot, context, tmp_path):
    bad = tmp_path / "lote.zip"
    bad.write_bytes(b"not a zip at all")
    dialog = BundleImportDialog(context, bad)
    qtbot.addWidget(dialog)
    assert (
        dialog.message.text() == "No se importó lote.zip: no es un archivo zip. No se cambió nada."
    )


def test_after_importing_each_row_says_its_outcome_in_spanish(
    spanish, qtbot, context, dialogs, make_case, tmp_path
):
    make_case(chassis="DA52T-123456")
    sheet = tmp_path / "camiones.csv"
    sheet.write_text(
        "Frame #,Year,Customer\nDA52T-123456,H11.3,Dale Fontenot\nDA52T-654321,H10.2,Rosa Medina\n",
        encoding="utf-8",
    )
    dialog = import_dialog(qtbot, context, dialogs, sheet)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None)
    model = dialog.preview.model()
    # The row's own column is not "Estado", the word the US-state column's field shows.
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Situación de la fila"
    assert model.data(model.index(0, 0)) == "Omitido"
    assert model.data(model.index(0, 1)) == "Ya registrado como KD-000001; se omitió."
    assert model.data(model.index(1, 0)) == "Creado"
    assert dialog.report is not None
    assert dialog.report.rows[0].message == "Already on file as KD-000001; skipped."


def test_a_refused_problem_file_is_said_in_spanish(spanish, qtbot, context, dialogs, tmp_path):
    sheet = tmp_path / "camiones.csv"
    sheet.write_text("Frame #,Year\n,1996\nDA52T-654321,H10.2\n", encoding="utf-8")
    dialog = import_dialog(qtbot, context, dialogs, sheet)
    dialog.set_aside_check.click()
    dialog.problems_edit.setText(str(sheet))
    dialog.import_button.click()
    assert dialog.message.text() == (
        "Las filas con problemas no se pueden guardar sobre camiones.csv, el archivo que se "
        "está importando; elija otro archivo."
    )
    assert dialog.report is None


def test_the_cases_report_is_described_in_spanish(spanish, qtbot, context, window):
    case_list = window.desk.case_list
    case_list.search.setText("smith")
    case_list.blocked.setChecked(True)
    shown = case_list.shown()
    assert shown.description == "search 'smith'; blocked only"  # the report's own words
    dialog = ReportsDialog(context, shown)
    qtbot.addWidget(dialog)
    assert dialog.about.text() == (
        "La lista de casos tal como se ve: búsqueda 'smith'; solo bloqueados, ordenada por Caso."
    )
