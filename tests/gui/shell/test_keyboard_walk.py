"""A case is created and walked through its steps without the mouse; Esc closes dialogs and
pop-ups, never a case; Ctrl+W closes a case, asking first when it has unsaved edits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.gui.case_workspace.new_case import NewCaseDialog
from keidesk.gui.kit.dialogs import Discard
from keidesk.services.cases import case_detail
from tests.gui.case_workspace.test_documents_panel import when_modal

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def show(window, qtbot) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_a_case_is_created_and_walked_without_the_mouse(window, db, qtbot, today):
    show(window, qtbot)

    problems: list[BaseException] = []

    def fill_in(dialog: QWidget) -> None:
        try:
            type_new_case(dialog)
        except BaseException as exc:  # shown by the test, not lost in the event loop
            problems.append(exc)
            assert isinstance(dialog, QDialog)
            dialog.done(0)

    def type_new_case(dialog: QWidget) -> None:
        assert isinstance(dialog, NewCaseDialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        assert dialog.focusWidget() is dialog.chassis
        qtbot.keyClicks(dialog.chassis, "DA52T-424242")
        qtbot.keyClick(dialog.chassis, Qt.Key.Key_Tab)
        assert focused() is dialog.built
        qtbot.keyClicks(focused(), "H11.3")
        qtbot.keyClick(focused(), Qt.Key.Key_E, ALT)  # &ETA
        assert focused() is dialog.eta
        qtbot.keyClicks(focused(), "12/20/2026")
        assert dialog.eta.problem() == ""
        qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Create case, the default button

    when_modal(fill_in)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    if problems:
        raise problems[0]
    workspace = window.desk.current_workspace()
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.loaded)
    assert workspace.detail is not None and workspace.detail.eta.isoformat() == "2026-12-20"
    show(window, qtbot)  # back from the dialog (offscreen, the test gives the window focus)

    qtbot.keyClick(focused(), Qt.Key.Key_W, ALT)  # the Workflow tab
    assert workspace.tabs.currentWidget() is workspace.workflow
    flow = workspace.workflow
    assert flow.current_step() is not None and flow.current_step().key is StepKey.INTAKE
    assert not flow.reopen_button.isEnabled()  # a step still to do cannot be reopened
    qtbot.keyClick(focused(), Qt.Key.Key_D, ALT)  # Mark done (a button clicks a moment later)
    qtbot.waitUntil(lambda: flow.current_step().key is StepKey.AGE)  # the next open step
    with db.reader() as session:
        detail = case_detail(session, workspace.case_id, today=today)
    assert detail.step(StepKey.INTAKE).status is StepStatus.DONE
    qtbot.keyClick(focused(), Qt.Key.Key_Up)  # back on the finished step
    assert flow.current_step().key is StepKey.INTAKE
    assert not flow.done_button.isEnabled() and not flow.start_button.isEnabled()
    assert flow.reopen_button.isEnabled()


def test_escape_never_closes_a_case_and_ctrl_w_asks(window, make_case, dialogs, qtbot):
    show(window, qtbot)
    workspace = window.desk.open_case(make_case())
    qtbot.waitUntil(lambda: workspace.loaded)
    colour = workspace.editors["colour"]
    colour.setFocus()
    qtbot.keyClicks(colour, "red")
    qtbot.keyClick(colour, Qt.Key.Key_Escape)
    assert window.desk.current_workspace() is workspace
    dialogs.discard_answers = [Discard.CANCEL, Discard.DISCARD]
    qtbot.keyClick(colour, Qt.Key.Key_W, CTRL)
    assert dialogs.discard_asked == [workspace.number]
    assert window.desk.current_workspace() is workspace  # cancelled: still open
    qtbot.keyClick(colour, Qt.Key.Key_W, CTRL)
    assert window.desk.current_workspace() is None
    assert window.tabs.currentIndex() == 0


def test_escape_closes_a_dialog(window, qtbot):
    show(window, qtbot)
    closed: list[bool] = []

    def escape(dialog: QWidget) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        closed.append(not dialog.isVisible())

    when_modal(escape)
    window.action("action_new_case").trigger()
    assert closed == [True]
    assert window.desk.current_workspace() is None


def test_save_and_case_actions_wait_for_a_case(window, make_case):
    save = window.action("action_save")
    assert not save.isEnabled()
    window.desk.open_case(make_case())
    assert save.isEnabled()
    window.desk.show_rules()
    assert not save.isEnabled()


def test_a_case_is_found_and_opened_without_the_mouse(window, make_case, qtbot):
    """Ctrl+F, type, Down into the list, Enter: the case opens."""
    make_case(chassis="DA63T-512345", customer="Ann Lee", state="TX")
    make_case(chassis="DA52T-111111", customer="Bob Ray", state="FL")
    show(window, qtbot)
    qtbot.keyClick(focused(), Qt.Key.Key_F, CTRL)
    panel = window.desk.case_list
    assert focused() is panel.search
    qtbot.keyClicks(panel.search, "ann lee tx")
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)  # the search runs now, the list follows
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and focused() is panel.table)
    qtbot.waitUntil(lambda: panel.table.currentIndex().isValid())
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.desk.current_workspace() is not None)
    workspace = window.desk.current_workspace()
    qtbot.waitUntil(lambda: workspace.loaded)
    assert workspace.detail is not None and workspace.detail.chassis == "DA63T-512345"


def test_down_from_the_search_goes_to_the_first_row_whatever_was_selected(window, make_case, qtbot):
    """A row chosen before the search does not decide which case Enter opens after it."""
    for number, name in enumerate(("Dale Fontenot", "Barbara Fontenot", "Ann Lee")):
        make_case(chassis=f"DA52T-{300000 + number}", customer=name)
    show(window, qtbot)
    panel = window.desk.case_list
    qtbot.keyClick(focused(), Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(panel.search, "fontenot")
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    panel.table.selectRow(1)  # a row chosen earlier, still current
    panel.search.setFocus()
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert panel.table.currentIndex().row() == 0
    assert focused() is panel.table
