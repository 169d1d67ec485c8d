"""The state rules browser."""

from __future__ import annotations

from datetime import timedelta

from keidesk.services.reference import get_state_rule


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
