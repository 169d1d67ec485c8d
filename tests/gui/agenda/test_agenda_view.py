"""The agenda tab and its dashboard panel, real widgets on a real database."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import icalendar
from PySide6.QtCore import Qt
from sqlalchemy import select

from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.gui.agenda.view import AgendaView
from keidesk.gui.case_workspace.workspace import CaseWorkspace
from keidesk.preferences import load_preferences
from keidesk.services import agenda, cases
from keidesk.storage.database import open_database
from keidesk.storage.models import StateRuleVersion


def overdue_case(db, make_case, today, days=2, **kw):
    case_id = make_case(built="1999-03", **kw)
    with db.transaction("ann") as s:
        cases.set_step(
            s,
            case_id,
            StepKey.INTAKE,
            StepStatus.IN_PROGRESS,
            user="ann",
            today=today,
            due_on=today - timedelta(days=days),
        )
    return case_id


def listed(view: AgendaView):
    return [(item.kind.value, item.case_id) for item in view.items()]


def test_the_agenda_of_a_new_database_says_how_to_add_the_first_case(window, db, make_case, today):
    view = window.desk.agenda.view
    assert view.status.text() == (
        "No cases yet. Add the first truck with File → New case… (Ctrl+N)."
    )
    make_case(built="1999-03")
    window.desk.refresh()
    assert view.status.text() == "Nothing on the agenda. Well done."
    overdue_case(db, make_case, today)
    window.desk.refresh()
    assert view.status.text() == "1 item."
    overdue_case(db, make_case, today)
    window.desk.refresh()
    assert view.status.text() == "2 items."


def test_activating_an_item_opens_its_case(qtbot, window, db, make_case, today):
    case_id = overdue_case(db, make_case, today)
    window.desk.refresh()
    view = window.desk.agenda.view
    window.desk.show_agenda()
    assert window.tabs.currentWidget() is view
    assert window.tabs.tabText(window.tabs.indexOf(view)) == "Agenda"
    assert listed(view) == [("step_overdue", case_id)]
    (row,) = view.rows()
    assert row.parent().text(0) == "Overdue and pending"
    assert "Intake" in row.text(3) and row.text(2) == f"KD-{case_id:06d}"
    view.tree.setCurrentItem(row)
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    workspace = window.tabs.currentWidget()
    assert isinstance(workspace, CaseWorkspace) and workspace.case_id == case_id


def test_snooze_and_handled_are_remembered(qtbot, window, db, db_path, make_case, today):
    first = overdue_case(db, make_case, today, days=1)
    second = overdue_case(db, make_case, today, days=3)
    window.desk.refresh()
    view = window.desk.agenda.view
    assert {case for _kind, case in listed(view)} == {first, second}
    assert view.select(f"step:{first}:intake:{(today - timedelta(days=1)).isoformat()}")
    view.snooze_button.menu().actions()[1].trigger()  # for 3 days
    assert listed(view) == [("step_overdue", second)]
    current = view.current_item()  # the next item is the current one now
    assert current is not None and current.case_id == second
    qtbot.mouseClick(view.handled_button, Qt.MouseButton.LeftButton)
    assert listed(view) == []
    assert "Nothing on the agenda" in view.status.text()
    # Remembered in the database: another connection sees the same.
    other = open_database(db_path)
    try:
        with other.reader() as s:
            assert agenda.build_agenda(s, today=today).items == ()
            back = agenda.build_agenda(s, today=today + timedelta(days=3)).items
        assert [i.case_id for i in back] == [first]
    finally:
        other.close()


def test_the_dashboard_panel_says_what_is_late_and_opens_it(qtbot, window, db, make_case, today):
    case_id = overdue_case(db, make_case, today)
    make_case(built="1999-03", eta=today + timedelta(days=3))  # later this week: not today
    window.desk.refresh()
    panel = window.desk.agenda.panel
    assert panel.summary.text() == "1 step overdue."
    assert panel.list.count() == 1
    assert f"KD-{case_id:06d}" in panel.list.item(0).text()
    assert panel.all_button.text() == "Open the agenda (1 more)"
    window.tabs.setCurrentIndex(0)
    panel.list.itemClicked.emit(panel.list.item(0))
    workspace = window.tabs.currentWidget()
    assert isinstance(workspace, CaseWorkspace) and workspace.case_id == case_id
    qtbot.mouseClick(panel.all_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.desk.agenda.view


def test_a_rule_item_opens_the_state_rule(qtbot, window, db, make_case, today):
    make_case(built="1999-03", state="OR")
    with db.transaction("ann") as s:
        for version in s.scalars(
            select(StateRuleVersion).where(StateRuleVersion.state_code == "OR")
        ):
            version.as_of = today - timedelta(days=200)
            version.locally_verified_on = None
    window.desk.refresh()
    view = window.desk.agenda.view
    (item,) = [i for i in view.items() if i.kind.value == "rule_reverify"]
    view.activated.emit(item)
    rules = window.desk.rules
    assert rules is not None and window.tabs.currentWidget() is rules
    current = rules.current_rule()
    assert current is not None and current.code == "OR"


def test_the_agenda_comes_first_once_a_day_and_the_reminder_is_quiet_without_a_tray(
    window, db, make_case, today, clock_frozen
):
    overdue_case(db, make_case, today)
    window.desk.refresh()
    window.tabs.setCurrentIndex(0)
    window.desk.start_of_day()
    assert window.tabs.currentWidget() is window.desk.agenda.view
    reminder = window.desk.agenda.reminder
    assert reminder.tray is None  # no system tray here: nothing shown, nothing fails
    assert reminder.last_message == "1 step overdue."
    window.tabs.setCurrentIndex(0)
    window.desk.start_of_day()  # again the same day: the list stays in front
    assert window.tabs.currentIndex() == 0
    # The next day the agenda is read again and the reminder speaks again.
    reminder.last_message = None
    clock_frozen.shift(timedelta(days=1))
    window.desk.agenda.check_day()
    assert reminder.last_message == "1 step overdue."


def test_the_calendar_file_follows_the_data(qtbot, window, dialogs, db, make_case, today, tmp_path):
    case_id = make_case(built="1999-03", eta=today + timedelta(days=5))
    target = tmp_path / "synced" / "keidesk.ics"
    target.parent.mkdir()
    dialogs.saves.append(target)
    window.desk.agenda.choose_calendar_file()
    assert load_preferences().calendar_file == str(target)
    assert window.desk.agenda.view.stop_action.isEnabled()
    (event,) = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert event.decoded("DTSTART") == today + timedelta(days=5)
    calendar = window.desk.agenda.calendar
    with qtbot.waitSignal(calendar.written, timeout=10_000):
        window.desk.context.write(
            lambda s: cases.update_case(
                s, case_id, {"eta": today + timedelta(days=8)}, user="ann", today=today
            ),
            cases=lambda _none: {case_id},
        )
    (event,) = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert event.decoded("DTSTART") == today + timedelta(days=8)
    window.desk.agenda.view.stop_action.trigger()
    assert load_preferences().calendar_file == ""


def test_export_once_and_an_unwritable_file(window, dialogs, make_case, today, tmp_path):
    make_case(built="1999-03", eta=today + timedelta(days=5))
    dialogs.saves.append(tmp_path / "once")
    window.desk.agenda.export_once()
    assert (tmp_path / "once.ics").exists()
    assert "Wrote 1 events" in dialogs.infos[-1]
    dialogs.saves.append(tmp_path / "missing" / "k.ics")
    window.desk.agenda.export_once()
    assert "does not exist" in dialogs.errors[-1]


def test_read_only_items_open_but_are_not_marked(
    context, db_path, db, make_case, make_window, today
):
    overdue_case(db, make_case, today)
    read_only = open_database(db_path, read_only=True)
    try:
        window = make_window(dataclasses.replace(context, database=read_only))
        view = window.desk.agenda.view
        view.tree.setCurrentItem(view.rows()[0])
        assert view.open_button.isEnabled()
        assert not view.snooze_button.isEnabled() and not view.handled_button.isEnabled()
        assert [a.text() for a in view.item_menu().actions()] == ["&Open"]
        window.close()
    finally:
        read_only.close()
