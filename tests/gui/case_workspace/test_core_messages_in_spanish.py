"""With Spanish installed, the sentences the Qt-free core writes (keidesk.domain.messages) show
in Spanish in the real widgets: a validation hint, the eligibility explanation, a gate
refusal, papers missing, an error message box; in English they are the core's own text."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from keidesk.domain.dates import parse_date
from keidesk.domain.errors import InvalidInput
from keidesk.domain.money import Money
from keidesk.domain.workflow import StepKey
from keidesk.gui.case_workspace.step_reason import StepReasonDialog
from keidesk.gui.kit.errors import ErrorReporter
from keidesk.services import cases
from tests.gui.case_workspace.test_case_workspace import editor, type_text
from tests.gui.case_workspace.test_documents_panel import when_modal


def test_a_date_refusal_shows_in_spanish_under_the_field(spanish, window, make_case, qtbot):
    workspace = window.desk.open_case(make_case(built="1999-03"))
    box = editor(workspace, "built")
    box.clear()
    type_text(qtbot, box, "20.12.2026")
    hint = workspace.hints["built"].text()
    assert "'20.12.2026' no es una fecha que keidesk pueda leer. Use 1999, 1999-03" in hint
    assert "平成11年3月 o H11.3." in hint


def test_the_eligibility_explanation_is_in_spanish(spanish, window, make_case):
    workspace = window.desk.open_case(make_case(built="1999-03"))
    text = workspace.eligibility.text()
    assert (
        "Fabricado en 1999-03: cumple 25 años a partir del 2024-04-01 "
        "(primer día del mes siguiente al mes del 25.º aniversario)." in text
    )
    assert "(el año de importación menos 1999 es al menos 21)" in text
    assert "Built 1999-03" not in text


def test_the_kei_class_text_is_in_spanish(spanish, window, make_case):
    workspace = window.desk.open_case(make_case(built="1999-03"))
    assert workspace.kei_class.text().startswith(
        "No se ingresó la cilindrada ni las medidas; los límites del estándar kei de 1998"
    )


def test_a_gate_refusal_names_the_steps_in_spanish(spanish, window, make_case):
    stepper = window.desk.open_case(make_case(built="1999-03")).workflow
    stepper.select_step(StepKey.CUSTOMS)
    stepper.done_button.click()
    assert stepper.refusal_text() == (
        "Todavía no es posible: Aduana no puede marcarse como hecho antes de que "
        "Control de antigüedad y Liberación de gravámenes estén hechos."
    )


def test_the_age_gate_refusal_is_in_spanish(spanish, window, make_case):
    stepper = window.desk.open_case(make_case(built="2010-03")).workflow
    stepper.select_step(StepKey.AGE)
    stepper.done_button.click()
    assert stepper.refusal_text().startswith(
        "Todavía no es posible: No es elegible según FMVSS hasta el 2035-04-01"
    )
    assert stepper.refusal_text().endswith("El paso de antigüedad queda bloqueado hasta entonces.")


def test_an_error_message_box_is_in_spanish(spanish, dialogs):
    with pytest.raises(InvalidInput) as caught:
        parse_date("1999-02-30")
    ErrorReporter(dialogs).user_error(caught.value)
    assert dialogs.errors == [
        "El día 30 no es un día válido en '1999-02-30': febrero de 1999 tiene 28 días."
    ]


def test_in_english_the_core_text_is_shown_as_it_is(window, make_case, dialogs):
    stepper = window.desk.open_case(make_case(built="1999-03")).workflow
    stepper.select_step(StepKey.CUSTOMS)
    stepper.done_button.click()
    assert stepper.refusal_text() == (
        "Not possible yet: Customs cannot be done before Age check and Lien clearance are done."
    )
    with pytest.raises(InvalidInput) as caught:
        parse_date("1999-02-30")
    ErrorReporter(dialogs).user_error(caught.value)
    assert dialogs.errors == [str(caught.value)]


def test_papers_missing_is_asked_in_spanish(spanish, window, make_case):
    stepper = window.desk.open_case(make_case(built="1999-03")).workflow
    stepper.select_step(StepKey.LIEN)
    titles: list[str] = []

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, StepReasonDialog)
        titles.append(dialog.windowTitle())
        dialog.cancel_button.click()

    when_modal(cancel)
    stepper.done_button.click()
    assert titles == ["¿Marcar Liberación de gravámenes como hecho sin sus documentos?"]
    assert stepper.refusal_text() == (
        "No se marcó como hecho: faltan documentos y no se indicó un motivo."
    )


def test_rule_warnings_and_the_decoded_chassis_are_in_spanish(spanish, window, make_case, qtbot):
    workspace = window.desk.open_case(make_case(chassis="DA52T-123456", state="AR", built="2005"))
    warnings = workspace.warnings.text()
    assert "Esta regla no está verificada (fuentes contradictorias" in warnings
    assert "Esta regla se verificó por última vez el 2019-04-01" in warnings
    assert (
        "La fabricación en 2005 es posterior al fin de la producción de DA52T (1999-01 a 2002-04)."
        in warnings
    )
    assert "This rule" not in warnings
    box = editor(workspace, "chassis")
    box.clear()
    type_text(qtbot, box, "GD-DA52T-123456")
    hint = workspace.hints["chassis"].text()
    assert "DA52T-123456: Suzuki Carry truck, 1999-01 a 2002-04" in hint
    assert "se quitó el prefijo de emisiones 'GD-'" in hint


def test_a_refused_save_is_explained_in_spanish(spanish, window, make_case, qtbot, dialogs):
    workspace = window.desk.open_case(make_case(built="1999-03"))
    box = editor(workspace, "built")
    box.clear()
    type_text(qtbot, box, "2030-01")
    workspace.save()
    assert dialogs.errors == ["La fecha de fabricación 2030-01 está en el futuro."]


def test_the_duty_notes_are_in_spanish(spanish, window, make_case, db, today):
    case_id = make_case(built="1999-03")
    with db.transaction("tester") as session:
        changes = {"customs_value": Money.parse("$2,000", "USD")}
        cases.update_case(session, case_id, changes, user="tester", today=today)
    costs = window.desk.open_case(case_id).costs.text()
    assert "Valor menor a $2,500: la entrada puede ser informal" in costs
    assert "Value under" not in costs
