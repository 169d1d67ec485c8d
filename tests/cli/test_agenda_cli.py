"""``keidesk agenda`` and ``keidesk calendar`` as other tools call them."""

from __future__ import annotations

from datetime import timedelta

import icalendar


def add_case(cli, *args):
    result = cli("case", "add", "--chassis", "DA52T-123456", "--built", "1999-03", *args, "--json")
    assert result.code == 0, result.err
    return result.json["id"]


def test_agenda_json_snooze_and_handled(cli, today):
    case_id = add_case(cli, "--eta", (today + timedelta(days=1)).isoformat())
    due = (today - timedelta(days=2)).isoformat()
    assert cli("step", str(case_id), "intake", "in_progress", "--due", due).code == 0
    result = cli("agenda", "--json")
    assert result.code == 0, result.err
    listed = result.json
    assert [(i["kind"], i["case_id"]) for i in listed] == [
        ("step_overdue", case_id),
        ("arrival", case_id),
    ]
    for item in listed:
        assert set(item) >= {"date", "kind", "case_id", "number", "text", "id"}
        assert item["number"] == f"KD-{case_id:06d}"
    assert listed[0]["date"] == due
    assert listed[0]["id"] == f"step:{case_id}:intake:{due}"
    until = (today + timedelta(days=3)).isoformat()
    snoozed = cli("agenda", "snooze", listed[0]["id"], "--until", until)
    assert snoozed.code == 0 and until in snoozed.out
    assert cli("agenda", "handled", listed[1]["id"]).code == 0
    assert cli("agenda", "--json").json == []
    assert "Nothing on the agenda" in cli("agenda").out
    assert cli("agenda", "reopen", listed[1]["id"]).code == 0
    text = cli("agenda", "--days", "2").out
    assert f"KD-{case_id:06d}" in text and "Arriving" in text


def test_bad_input_is_one_error_line_and_exit_2(cli, today, tmp_path):
    case_id = add_case(cli)
    for args in (
        ("agenda", "--days", "0"),
        ("agenda", "--days", "many"),
        ("agenda", "handled", "step:999:intake:2026-11-21"),
        ("agenda", "handled", "whatever"),
        ("agenda", "snooze", f"arrival:{case_id}:2026-11-22", "--until", "soon"),
        ("calendar", "--out", str(tmp_path / "no" / "such" / "k.ics")),
        ("calendar", "--out", str(tmp_path / "k.ics"), "--days", "0"),
    ):
        result = cli(*args)
        assert result.code == 2, (args, result.err)
        assert result.err.startswith("error: ") and result.err.count("\n") == 1, result.err
    assert not (tmp_path / "k.ics").exists()


def test_calendar_writes_an_ics_file(cli, today, tmp_path):
    case_id = add_case(cli, "--eta", (today + timedelta(days=4)).isoformat())
    out = tmp_path / "keidesk.ics"
    result = cli("calendar", "--out", str(out), "--json")
    assert result.code == 0, result.err
    assert result.json == {"path": str(out), "events": 1}
    (event,) = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]).startswith(f"KD-{case_id:06d} arrives")
    again = tmp_path / "again.ics"
    assert cli("calendar", "--out", str(again)).code == 0
    assert again.read_bytes() == out.read_bytes()
