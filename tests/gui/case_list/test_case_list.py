"""The case list, dashboard, saved views, keyboard, models, and coming back to it all."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.gui.case_list.model import PAGE_SIZE, CaseIdRole, CaseTableModel
from keidesk.gui.case_workspace.documents_panel import DocumentsModel
from keidesk.gui.case_workspace.history_panel import HistoryModel
from keidesk.gui.kit.dialogs import Discard
from keidesk.gui.kit.settings import AppSettings
from keidesk.gui.rules.browser import StateRulesModel
from keidesk.gui.shell.main_window import MainWindow
from keidesk.services import cases
from keidesk.services.demo import build_demo
from keidesk.services.reference import list_state_rules


def action(window: MainWindow, name: str) -> QAction:
    return next(a for a in window.actions() if a.objectName() == name)


@pytest.fixture
def some_cases(make_case, db, today):
    ids = {
        "carry": make_case(
            chassis="DA52T-200001", built="1999-03", customer="Dale Walker", state="TX"
        ),
        "acty": make_case(
            chassis="HA4-2000002", built="1996-05", customer="Loretta Lynn", state="TN"
        ),
        "young": make_case(
            chassis="DA63T-200003", built="2005-06", customer="Wyatt Farms", state="TX"
        ),
        "soon": make_case(
            chassis="DA52T-200004",
            built=(today - timedelta(days=25 * 365 - 30)).strftime("%Y-%m"),
            customer="Reba Brown",
            state="GA",
            notes="Customer wants dump bed.",
        ),
    }
    with db.transaction("tester") as session:
        cases.set_step(
            session,
            ids["acty"],
            StepKey.LIEN,
            StepStatus.BLOCKED,
            user="tester",
            today=today,
            note="Waiting on export certificate.",
        )
    return ids


def test_search_as_you_type(some_cases, window, qtbot):
    panel = window.desk.case_list
    assert panel.model.rowCount() == 4
    with qtbot.waitSignal(panel.filter_changed):
        qtbot.keyClicks(panel.search, "walk")
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 0).data(CaseIdRole) == some_cases["carry"]
    panel.search.clear()
    with qtbot.waitSignal(panel.filter_changed):
        qtbot.keyClicks(panel.search, "dump bed")  # notes, two words
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 0).data(CaseIdRole) == some_cases["soon"]
    panel.search.clear()
    with qtbot.waitSignal(panel.filter_changed):
        qtbot.keyClicks(panel.search, "ha4")  # chassis, a short word
    assert panel.model.index(0, 0).data(CaseIdRole) == some_cases["acty"]
    assert "1 case" in panel.count_label.text()


def test_filters(some_cases, window):
    panel = window.desk.case_list
    panel.state.setCurrentIndex(panel.state.findData("TX"))
    assert panel.model.rowCount() == 2
    panel.eligibility.setCurrentIndex(panel.eligibility.findData("now"))
    assert panel.model.rowCount() == 1
    panel.apply_filter(cases.CaseFilter())
    panel.blocked.setChecked(True)
    ids = {panel.model.index(r, 0).data(CaseIdRole) for r in range(panel.model.rowCount())}
    assert some_cases["acty"] in ids and some_cases["carry"] not in ids
    panel.blocked.setChecked(False)
    panel.stage.setCurrentIndex(panel.stage.findData("intake"))
    assert panel.model.rowCount() == 4
    panel.eligibility.setCurrentIndex(panel.eligibility.findData("within_90_days"))
    assert [panel.model.index(0, 0).data(CaseIdRole)] == [some_cases["soon"]]


def test_dashboard_counts_open_filtered_lists(some_cases, window):
    dashboard = window.desk.dashboard
    blocked = dashboard.buttons["blocked"]
    assert blocked.item.count == 3  # the lien block and two too-young trucks' age gates
    blocked.click()
    assert window.desk.case_list.model.rowCount() == 3
    assert window.desk.case_list.blocked.isChecked()
    soon = dashboard.buttons["eligible_soon"]
    assert soon.item.count == 1
    soon.click()
    assert window.desk.case_list.model.rowCount() == 1
    intake = dashboard.buttons["stage:intake"]
    assert intake.item.count == 4
    intake.click()
    assert window.desk.case_list.model.rowCount() == 4


def test_dashboard_shipments(window, make_case, db, today):
    at_sea = make_case(chassis="DA52T-300001", built="1998-01")
    at_port = make_case(chassis="DA52T-300002", built="1998-01")
    with db.transaction("tester") as session:
        cases.update_case(
            session,
            at_sea,
            {"etd": today - timedelta(days=5), "eta": today + timedelta(days=10)},
            user="tester",
            today=today,
        )
        cases.update_case(
            session, at_port, {"eta": today - timedelta(days=2)}, user="t", today=today
        )
    window.desk.dashboard.refresh()
    assert window.desk.dashboard.buttons["at_sea"].item.count == 1
    window.desk.dashboard.buttons["at_port"].click()
    assert window.desk.case_list.model.rowCount() == 1
    assert window.desk.case_list.model.index(0, 0).data(CaseIdRole) == at_port
    assert "at port" in window.desk.case_list.extra_label.text()


def test_saved_views(some_cases, window, dialogs):
    panel = window.desk.case_list
    panel.state.setCurrentIndex(panel.state.findData("TX"))
    dialogs.texts = ["Texas trucks"]
    panel._ask_save_view()
    panel.apply_filter(cases.CaseFilter())
    assert panel.model.rowCount() == 4
    panel._fill_views_menu()
    view_action = next(a for a in panel.views_menu.actions() if a.text() == "Texas trucks")
    view_action.trigger()
    assert panel.model.rowCount() == 2
    panel.delete_view("Texas trucks")
    assert panel.saved_views() == {}


def test_keyboard(some_cases, window, qtbot):
    assert action(window, "action_new_case").shortcut() == QKeySequence(
        QKeySequence.StandardKey.New
    )
    assert action(window, "action_save").shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert action(window, "action_find").shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.desk.case_list.search
    table = window.desk.case_list.table
    table.setFocus()
    table.selectRow(1)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    workspace = window.desk.current_workspace()
    assert workspace is not None
    assert workspace.case_id == table.model().index(1, 0).data(CaseIdRole)
    qtbot.keyClick(workspace.tabs, Qt.Key.Key_Escape)  # Esc closes dialogs, never a case
    assert window.desk.current_workspace() is workspace
    qtbot.keyClick(workspace.tabs, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.desk.current_workspace() is None
    # Back where the case was opened from: the list, not the next tab along.
    assert window.tabs.currentIndex() == 0
    assert QApplication.focusWidget() is table


def test_sorting_happens_in_sql(some_cases, window):
    model = window.desk.case_list.model
    customer = next(i for i, c in enumerate(model.columns) if c.key == "customer")
    model.sort(customer, Qt.SortOrder.AscendingOrder)
    names = [model.index(r, customer).data() for r in range(model.rowCount())]
    assert names == sorted(names)
    model.sort(customer, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, customer).data() for r in range(model.rowCount())] == sorted(
        names, reverse=True
    )


def test_reopen_finds_everything_as_it_was(
    context, make_window, some_cases, settings_path, qtbot, dialogs, db, today
):
    first = make_window(context)
    first.show()
    qtbot.waitExposed(first)
    first.resize(760, 540)  # within the offscreen screen, which restoreGeometry respects
    panel = first.desk.case_list
    panel.state.setCurrentIndex(panel.state.findData("TX"))
    header = panel.table.horizontalHeader()
    header.setSectionHidden(2, True)  # make / model
    header.moveSection(5, 1)  # customer next to the case number
    panel.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    first.desk.cases_page.setSizes([300, 800])
    workspace = first.desk.open_case(some_cases["carry"])
    workspace.set_field_text("colour", "")
    workspace.editors["colour"].setFocus()
    workspace._edited("colour", "yellow")
    dialogs.discard_answers = [Discard.SAVE]
    size = first.size()
    splitter_sizes = first.desk.cases_page.sizes()
    assert first.close()

    context.settings = AppSettings.in_file(settings_path)  # read back from the file
    second = make_window(context)
    second.show()
    qtbot.waitExposed(second)
    again = second.desk.case_list
    assert again.state.currentData() == "TX"
    assert again.model.rowCount() == 2
    header = again.table.horizontalHeader()
    assert header.isSectionHidden(2)
    assert header.visualIndex(5) == 1
    assert header.sortIndicatorSection() == 5
    assert again.model.order_by == "customer" and again.model.descending
    assert second.size() == size
    assert second.desk.cases_page.sizes() == splitter_sizes
    reopened = second.desk.open_case(some_cases["carry"])
    assert reopened.field_text("colour") == "yellow"  # saved on close


def test_every_model_passes_qtmodeltester(context, some_cases, db, today, qtmodeltester, tmp_path):
    model = CaseTableModel(context)
    model.refresh()
    qtmodeltester.check(model)
    model.set_filter(cases.CaseFilter(state="TX"))
    qtmodeltester.check(model)
    model.sort(5, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)

    documents = DocumentsModel()
    photo = tmp_path / "p.txt"
    photo.write_text("scan")
    from keidesk.services.documents import AttachmentStore, add_document  # noqa: PLC0415

    stored = AttachmentStore(db.folder).put(photo)
    with db.transaction("tester") as session:
        view = add_document(session, some_cases["carry"], stored, user="t")
    documents.set_rows((view,))
    qtmodeltester.check(documents)

    history = HistoryModel()
    with db.reader() as session:
        history.set_entries(cases.case_history(session, some_cases["acty"]))
    assert history.rowCount() > 0
    qtmodeltester.check(history)

    rules = StateRulesModel()
    with db.reader() as session:
        rules.set_rows(list_state_rules(session, today=today))
    assert rules.rowCount() == 51
    qtmodeltester.check(rules)


@pytest.mark.slow
def test_lazy_model_over_many_cases(context, db, today, qtmodeltester):
    with db.transaction("demo") as session:
        build_demo(session, cases=3 * PAGE_SIZE + 17, today=today)
    model = CaseTableModel(context)
    model.refresh()
    assert model.rowCount() == 3 * PAGE_SIZE + 17
    last = model.index(model.rowCount() - 1, 0)
    assert last.data() == f"KD-{model.rowCount():06d}"
    assert set(model._pages) == {0, 3}  # the first page (read with the count) and the last
    qtmodeltester.check(model)
    assert date.fromisoformat(model.index(0, 4).data()) < today + timedelta(days=3650)


def test_right_click_menu_on_a_case(some_cases, window, qtbot):
    table = window.desk.case_list.table
    window.show()
    qtbot.waitExposed(window)
    row = next(
        r
        for r in range(table.model().rowCount())
        if table.model().index(r, 0).data(CaseIdRole) == some_cases["carry"]
    )
    # A right-click makes the row under the pointer current, as Qt's views do.
    at = table.visualRect(table.model().index(row, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.RightButton, pos=at)
    assert table.currentIndex().row() == row
    menu = window.desk.case_menu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:3] == ["&Open case", "Document &packet…", "&Copy chassis number"]
    assert window.action("action_export_bundle") in menu.actions()
    copy = next(a for a in menu.actions() if a.text() == "&Copy chassis number")
    copy.trigger()
    chassis = table.model().index(row, 1).data()
    assert QApplication.clipboard().text() == chassis
    next(a for a in menu.actions() if a.text() == "&Open case").trigger()
    workspace = window.desk.current_workspace()
    assert workspace is not None and workspace.case_id == some_cases["carry"]
    menu.close()
