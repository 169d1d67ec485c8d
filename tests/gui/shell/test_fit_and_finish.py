"""Small things a new staff member tripped over: each says what it means, at the right time."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.gui.case_list.model import CaseTableModel
from keidesk.gui.case_workspace.documents_panel import file_type
from keidesk.gui.case_workspace.field_hints import field_hint
from keidesk.gui.case_workspace.new_case import NewCaseDialog
from keidesk.gui.kit import theme
from keidesk.gui.kit.last_folder import LastFolders, documents_folder
from keidesk.gui.packets.stage_packets import StagePacketsDialog
from keidesk.gui.setup.welcome import WelcomeDialog
from keidesk.gui.widgets.state_panel import rule_html
from keidesk.preferences import load_preferences
from keidesk.services import cases
from keidesk.services.reference import get_state_rule
from tests.gui.case_workspace.test_documents_panel import when_modal


def test_a_duplicate_chassis_is_caught_while_typing_and_opens_the_case(window, make_case, qtbot):
    existing = make_case(chassis="DA52T-246810")
    dialog = NewCaseDialog(window.desk.context)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.chassis, "da52t-246810")  # spelled otherwise: the same truck
    assert "is already case" in dialog.chassis_hint.text()
    assert not dialog.create_button.isEnabled()
    assert dialog.existing is not None and dialog.existing.id == existing
    assert dialog.existing_button.isVisibleTo(dialog)
    dialog.existing_button.click()
    assert dialog.open_existing and dialog.result() == dialog.DialogCode.Accepted
    dialog.chassis.setText("DA52T-246811")
    assert not dialog.existing_button.isVisibleTo(dialog)


def test_a_state_with_no_data_is_no_success(context):
    hint = field_hint(context, "destination_state", "UT")
    assert hint is not None and "Unknown" in hint.text
    assert hint.kind == theme.MUTED  # not the success colour
    rule = context.read(lambda s: get_state_rule(s, "UT", today=context.today))
    as_of_row = rule_html(rule).split("As of")[1].split("</tr>")[0]
    assert "never researched" in as_of_row
    assert not as_of_row.split("</td><td>")[1].startswith(rule.as_of.isoformat())


def test_the_list_says_which_step_is_overdue_and_since_when(context, make_case, db, today):
    case_id = make_case()
    due = today - timedelta(days=5)
    with db.transaction("tester") as session:
        cases.set_step(
            session, case_id, StepKey.INTAKE, StepStatus.IN_PROGRESS, user="t", today=today
        )
        cases.set_step(
            session,
            case_id,
            StepKey.INTAKE,
            StepStatus.IN_PROGRESS,
            user="t",
            today=today,
            due_on=due,
        )
    model = CaseTableModel(context)
    model.refresh()
    column = next(i for i, c in enumerate(model.columns) if c.key == "next")
    index = model.index(0, column)
    assert model.data(index) == "5 days overdue: Intake"
    assert due.isoformat() in model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_an_empty_list_offers_the_first_case(window, qtbot):
    panel = window.desk.case_list
    qtbot.waitUntil(lambda: panel.model.count_exact and panel.model.rowCount() == 0)
    assert panel.list_pages.currentWidget() is panel.empty_prompt
    assert panel.first_case_button.isVisibleTo(panel)
    shown: list[object] = []

    def cancel(dialog: QWidget) -> None:
        shown.append(dialog)
        dialog.close()

    when_modal(cancel)
    panel.first_case_button.click()  # the new-case dialog, as File → New case opens it
    assert len(shown) == 1 and isinstance(shown[0], NewCaseDialog)


def test_no_packets_to_build_for_an_empty_stage(context, qtbot):
    dialog = StagePacketsDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.in_stage == 0
    assert not dialog.build_button.isEnabled()
    assert "nothing to build" in dialog.count.text()


def test_file_types_in_words():
    assert file_type("image/png") == "PNG image"
    assert file_type("application/pdf") == "PDF"
    assert file_type("image/x-portable-anymap") == "X-PORTABLE-ANYMAP image"
    assert file_type("application/octet-stream") == "File"


def test_file_dialogs_start_in_the_documents_or_the_last_folder(settings, tmp_path):
    folders = LastFolders(settings)
    assert folders.start("export") == str(documents_folder())
    chosen = tmp_path / "exports" / "cases.xlsx"
    chosen.parent.mkdir()
    folders.remember("export", chosen)
    assert folders.start("export", "next.csv") == str(chosen.parent / "next.csv")
    assert folders.start("attach") == str(documents_folder())  # each purpose its own


def test_the_welcome_asks_the_staff_name(dialogs, runner, tmp_path, qtbot):
    dialog = WelcomeDialog(tmp_path / "db.sqlite3", dialogs, runner, "login")
    qtbot.addWidget(dialog)
    dialog.staff_name.setText("Maria Lopez")
    dialog.create_at(tmp_path / "db.sqlite3")
    assert load_preferences().staff_name == "Maria Lopez"
    assert dialog.user == "Maria Lopez"
    assert dialog.database is not None
    dialog.database.close()


def test_one_case_is_one_case(window, make_case, qtbot):
    make_case()
    window.desk.refresh()  # as after a write elsewhere (the runner here is synchronous)
    assert window.desk.dashboard.total_label.text() == "1 case"
    assert window.desk.case_list.count_label.text() == "1 case"
