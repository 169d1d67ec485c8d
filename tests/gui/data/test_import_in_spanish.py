"""With Spanish installed, the import preview explains each row's problems and warnings (the
sentences keidesk.dataio writes as Messages) in Spanish; in English they stay the core's text."""

from __future__ import annotations

from PySide6.QtCore import Qt

from keidesk.gui.data.import_dialog import ImportDialog

SHEET = (
    "Frame #,Year,Customer\n"
    ",1996,=SUM(A1:A3)\n"  # no chassis number, and a formula where a name belongs
    "DA52T-123456,2010,Dale Fontenot\n"  # fine, but not yet 25 years old
)


def preview(qtbot, context, dialogs, tmp_path) -> ImportDialog:
    sheet = tmp_path / "camiones.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    return import_dialog(qtbot, context, dialogs, sheet)


def import_dialog(qtbot, context, dialogs, sheet) -> ImportDialog:
    """The import dialog on ``sheet``, at its preview page."""
    dialog = ImportDialog(context)
    qtbot.addWidget(dialog)
    dialogs.files = [sheet]
    dialog._browse()
    dialog.next_button.click()
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == 2
    return dialog


def test_an_import_row_problem_shows_in_spanish(spanish, qtbot, context, dialogs, tmp_path):
    dialog = preview(qtbot, context, dialogs, tmp_path)
    model = dialog.preview.model()
    reasons = model.data(model.index(0, 1))
    assert "Frame #: No hay número de chasis." in reasons
    assert "Customer: Esto es una fórmula de la hoja de cálculo, no un valor" in reasons
    assert "formula" not in reasons and "chassis number" not in reasons
    formula_cell = model.index(0, 4)
    assert model.data(formula_cell, Qt.ItemDataRole.ToolTipRole).startswith(
        "Esto es una fórmula de la hoja de cálculo"
    )
    warning = model.data(model.index(1, 1))
    assert warning.startswith("Aún no cumple 25 años: se podrá importar bajo la regla de 25 años")
    dialog.preview.selectRow(0)
    assert "No hay número de chasis." in dialog.message.text()


def test_in_english_the_import_problems_are_the_cores_text(qtbot, context, dialogs, tmp_path):
    dialog = preview(qtbot, context, dialogs, tmp_path)
    model = dialog.preview.model()
    reasons = model.data(model.index(0, 1))
    assert "Frame #: There is no chassis number." in reasons
    assert "Customer: This is a spreadsheet formula, not a value; paste the value instead." in (
        reasons
    )
    assert model.data(model.index(1, 1)).startswith("Not yet 25 years old: eligible to import")
