"""The state rules browser."""

from __future__ import annotations

from datetime import date, timedelta

from keidesk.services.reference import get_state_rule, list_chassis_codes


def test_rules_browser_filters_all_51(window):
    browser = window.desk.show_rules()
    assert browser.proxy.rowCount() == 51
    browser.filter.setText("Texas")
    assert browser.proxy.rowCount() == 1
    browser.select("TX")
    assert "Texas (TX)" in browser.panel.label.text()


def test_editing_a_rule_records_who_and_when(window, db, today):
    browser = window.desk.show_rules()
    browser.select("MT")
    browser.editor.road_limits.setPlainText("Roads up to 45 mph; no interstates.")
    browser.editor.max_speed.setValue(45)
    browser.save_current()
    assert "Saved; marked verified" in browser.editor.message.text()
    with db.reader() as session:
        rule = get_state_rule(session, "MT", today=today)
    assert rule.road_limits == "Roads up to 45 mph; no interstates."
    assert rule.max_speed_mph == 45
    assert rule.locally_verified_on == today
    assert rule.updated_by == "tester"
    assert "Verified locally" in browser.panel.label.text()


def test_a_bad_rule_edit_saves_nothing(window, db, today):
    browser = window.desk.show_rules()
    browser.select("MT")
    with db.reader() as session:
        before = get_state_rule(session, "MT", today=today)
    browser.editor.citation.setText("")
    browser.editor.road_limits.setPlainText("changed")
    browser.save_current()
    assert "citation" in browser.editor.message.text()
    browser.editor.show_rule(before)
    browser.editor.as_of.setText((today + timedelta(days=3)).isoformat())
    browser.save_current()
    assert "Saved" not in browser.editor.message.text()
    with db.reader() as session:
        assert get_state_rule(session, "MT", today=today) == before


def test_rules_on_a_date_and_the_two_voices(window, db, today):
    browser = window.desk.show_rules()
    browser.select("CO")
    text = browser.panel.label.text()
    assert "Changes on 2027-07-01 to Restricted" in text
    assert "For customers and clerks" in text and "Research notes (staff only)" in text
    browser.on_date.setText("2027-07-01")
    browser.refresh()
    assert "Rules in force on 2027-07-01." in browser.on_message.text()
    browser.select("CO")
    rule = browser.current_rule()
    assert rule is not None and rule.path.value == "restricted"
    # The plain summary refuses research marks; the research notes keep them.
    browser.editor.customer_text.setPlainText("Kei class from July 2027 [S]")
    browser.save_current()
    assert "research notes" in browser.editor.message.text()
    browser.editor.show_rule(rule)
    browser.editor.customer_text.setPlainText("Kei vehicles are registered from 2027-07-01.")
    browser.save_current()
    assert "Saved" in browser.editor.message.text()
    with db.reader() as session:
        later = get_state_rule(session, "CO", today=today, on=date(2027, 7, 1))
        now = get_state_rule(session, "CO", today=today)
    assert later.customer_text == "Kei vehicles are registered from 2027-07-01."
    assert now.customer_text != later.customer_text  # only the version in force then changed


def test_chassis_codes_can_be_added_in_the_app(window, db, today):
    browser = window.desk.show_rules()
    panel = browser.chassis
    browser.tabs.setCurrentWidget(panel)
    assert panel.proxy.rowCount() == 47
    panel.editor.show_code(None)
    panel.editor.code.setText("DC51T")
    panel.editor.make.setText("Mitsubishi")
    panel.editor.model.setText("Minicab truck")
    panel.save()  # no source yet: refused beside the button
    assert "source" in panel.editor.message.text()
    panel.editor.source.setText("Owner's manual")
    panel.save()
    assert "Saved DC51T" in panel.editor.message.text()
    assert panel.proxy.rowCount() == 48
    with db.reader() as session:
        (added,) = [i for i in list_chassis_codes(session) if i.code == "DC51T"]
    assert added.source == "Owner's manual"
