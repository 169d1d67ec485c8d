"""One date field everywhere: every form the core reads, checked as typed, or picked."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from keidesk.domain.workflow import StepKey
from keidesk.gui.case_workspace.new_case import NewCaseDialog
from keidesk.gui.kit.date_field import DateField
from keidesk.services.cases import case_detail


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-12-20", date(2026, 12, 20)),
        ("12/20/2026", date(2026, 12, 20)),  # US, month first
        ("2/3/2027", date(2027, 2, 3)),
        ("2026/12/20", date(2026, 12, 20)),
        ("令和8年12月20日", date(2026, 12, 20)),
        ("R8.12.20", date(2026, 12, 20)),
        ("１２/２０/２０２６", date(2026, 12, 20)),  # full-width
    ],
)
def test_a_day_is_read_in_every_form(qtbot, text: str, day: date) -> None:
    field = DateField(day_only=True)
    qtbot.addWidget(field)
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:  # as an input method or a paste gives it (QTest types ASCII only)
        field.insert(text)
    assert field.problem() == ""
    assert field.value() == day


def test_problems_show_while_typing_and_go_when_corrected(qtbot) -> None:
    field = DateField(day_only=True)
    qtbot.addWidget(field)
    seen: list[str] = []
    field.problem_changed.connect(seen.append)
    qtbot.keyClicks(field, "13/20/2026")
    assert "Month 13 is not a month" in field.problem()
    assert field.toolTip() == field.problem()
    assert "border" in field.styleSheet()
    field.clear()
    qtbot.keyClicks(field, "2026-12")
    assert "needs a day" in field.problem()  # a due date is to the day
    field.clear()
    assert field.problem() == "" and field.styleSheet() == ""
    assert seen[-1] == ""


def test_a_partial_date_field_takes_a_month(qtbot) -> None:
    field = DateField()
    qtbot.addWidget(field)
    qtbot.keyClicks(field, "H11.3")
    assert field.problem() == ""
    assert field.value() == date(1999, 3, 1)
    field.setText("03/15/1999")
    assert field.value() == date(1999, 3, 15)


def test_the_calendar_picks_a_date_as_if_typed(qtbot) -> None:
    field = DateField(day_only=True)
    qtbot.addWidget(field)
    field.show()
    edits: list[str] = []
    field.textEdited.connect(edits.append)
    field.setText("12/20/2026")
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = field.popup
    assert popup is not None and popup.isVisible()
    assert popup.calendar.selectedDate().toString(Qt.DateFormat.ISODate) == "2026-12-20"
    qtbot.keyClick(popup, Qt.Key.Key_Escape)  # Esc closes the pop-up, nothing else
    assert not popup.isVisible()
    assert field.text() == "12/20/2026"
    field.open_calendar()
    popup.calendar.setSelectedDate(popup.calendar.selectedDate().addDays(3))
    days = popup.calendar.findChild(QAbstractItemView)  # the grid of days has the keys
    assert days is not None
    qtbot.keyClick(days, Qt.Key.Key_Return)
    assert field.text() == "2026-12-23"
    assert edits == ["2026-12-23"]
    assert not popup.isVisible()


def test_new_case_takes_a_us_eta_and_a_picked_one(context, qtbot, db, today) -> None:
    dialog = NewCaseDialog(context)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.chassis, "DA52T-777001")
    qtbot.keyClicks(dialog.built, "03/15/1999")
    qtbot.keyClicks(dialog.eta, "12/20/2026")
    assert "2026-12-20" in dialog.eta_hint.text()
    dialog.submit()
    assert dialog.case_id is not None
    with db.reader() as session:
        detail = case_detail(session, dialog.case_id, today=today)
    assert detail.eta == date(2026, 12, 20)
    assert str(detail.built) == "1999-03-15"

    second = NewCaseDialog(context)
    qtbot.addWidget(second)
    qtbot.keyClicks(second.chassis, "DA52T-777002")
    second.eta.pick(date(2027, 1, 8))
    second.submit()
    assert second.case_id is not None
    with db.reader() as session:
        assert case_detail(session, second.case_id, today=today).eta == date(2027, 1, 8)


def test_new_case_says_a_bad_eta_while_typing(context, qtbot) -> None:
    dialog = NewCaseDialog(context)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.chassis, "DA52T-777003")
    qtbot.keyClicks(dialog.eta, "20/12/2026")
    assert "Month 20 is not a month" in dialog.eta_hint.text()
    dialog.submit()
    assert dialog.case_id is None
    assert "ETA" in dialog.error.text()


def test_workspace_date_fields_and_the_due_date_use_it(window, make_case, db, qtbot, today):
    case_id = make_case()
    workspace = window.desk.open_case(case_id)
    qtbot.waitUntil(lambda: workspace.loaded)
    eta = workspace.editors["eta"]
    built = workspace.editors["built"]
    assert isinstance(eta, DateField) and eta.day_only
    assert isinstance(built, DateField) and not built.day_only
    eta.setFocus()
    qtbot.keyClicks(eta, "12/20/2026")
    assert workspace.pending_texts() == {"eta": "12/20/2026"}
    workspace.save()
    with db.reader() as session:
        assert case_detail(session, case_id, today=today).eta == date(2026, 12, 20)
    assert eta.text() == "2026-12-20"  # shown as saved
    flow = workspace.workflow
    assert isinstance(flow.due, DateField)
    flow.select_step(StepKey.SHIPPING)
    flow.due.pick(date(2026, 12, 1))
    flow.save_button.click()
    with db.reader() as session:
        step = case_detail(session, case_id, today=today).step(StepKey.SHIPPING)
    assert step.due_on == date(2026, 12, 1)
