"""Typed as staff type it: a full-width chassis number and "customer state" find the case;
the history panel shows changes in words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from keidesk.domain.money import Money
from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.gui.case_list.model import CaseIdRole
from keidesk.gui.shell.main_window import MainWindow
from keidesk.services import cases
from keidesk.storage.database import Database


def test_full_width_and_two_field_search(
    window: MainWindow, make_case: Callable[..., int], qtbot: QtBot
) -> None:
    wanted = make_case(chassis="DA71T-477512", customer="Smith Farms", state="TX")
    make_case(chassis="DA52T-123456", customer="Smith Hauling", state="GA")
    panel = window.desk.case_list
    window.desk.case_list.model.refresh()
    for typed in ("ＤＡ７１Ｔ－４７７５", "smith tx", "4775"):
        panel.search.clear()
        with qtbot.waitSignal(panel.filter_changed):
            # As a Japanese input method delivers it: one commit (QTest types Latin-1 only).
            commit = QInputMethodEvent()
            commit.setCommitString(typed)
            QApplication.sendEvent(panel.search, commit)
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
        assert panel.model.index(0, 0).data(CaseIdRole) == wanted, typed


def test_history_panel_in_words(
    window: MainWindow, make_case: Callable[..., int], db: Database, qtbot: QtBot, today: date
) -> None:
    case_id = make_case(built="1999-03")
    with db.transaction("tester") as session:
        cases.update_case(
            session,
            case_id,
            {"customs_value": Money.parse("3200", "USD")},
            user="tester",
            today=today,
        )
        cases.set_step(
            session, case_id, StepKey.INTAKE, StepStatus.IN_PROGRESS, user="tester", today=today
        )
    workspace = window.desk.open_case(case_id)
    workspace.tabs.setCurrentWidget(workspace.history)
    model = workspace.history.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    rows = {tuple(model.index(r, c).data() for c in (2, 3, 4)) for r in range(model.rowCount())}
    assert ("Customs value", "—", "$3,200.00") in rows
    assert ("Intake", "to do", "in progress") in rows
