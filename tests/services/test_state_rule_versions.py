"""Rules with dates and two voices: the version in force on a day, the plain summary for
customers and clerks (never the research notes), and the agency to ask where no rule is known."""

from __future__ import annotations

from datetime import date

import pytest

from keidesk.domain.errors import InvalidInput
from keidesk.domain.reference import PathKind, check_versions
from keidesk.domain.sources import research_marks
from keidesk.services import cases
from keidesk.services.reference import (
    customer_summary,
    get_state_rule,
    list_state_rules,
    state_rule_versions,
    update_state_rule,
)
from keidesk.storage.models import Case, StateRule


def _every_version(db, today):
    with db.reader() as s:
        codes = [r.code for r in list_state_rules(s, today=today)]
        return [v for code in codes for v in state_rule_versions(s, code, today=today)]


def test_no_summary_of_any_state_holds_research_words(db, today):
    """Every version of every state's rule, in the words customers and clerks read: no
    confidence codes, no "Confidence", no news or dealer sites, no "retrieved text", no
    reference to keidesk's own notes or files."""
    versions = _every_version(db, today)
    assert len(versions) == 52
    for rule in versions:
        text = "\n".join(customer_summary(rule))
        assert text == "\n".join(rule.summary)
        assert research_marks(text, allowed=(rule.agency_web or "",)) == [], rule.code
        for word in ("[P]", "[S]", "[U]", "Confidence", "retrieved text", "regulatory.md"):
            assert word.lower() not in text.lower(), (rule.code, word)
        assert rule.verified_on.isoformat() in text
        assert f"Confirm with the {rule.agency}" in text


def test_the_research_notes_do_hold_them(db, today):
    """The check above is not vacuous: the staff side still carries the research."""
    with db.reader() as s:
        texas = get_state_rule(s, "TX", today=today)
    staff = " ".join((texas.road_limits, texas.source, texas.notes))
    assert research_marks(staff)
    assert "retrieved text" in texas.road_limits
    assert "daxstreet" not in " ".join(texas.summary)


@pytest.mark.parametrize(
    ("on", "path", "start", "end"),
    [
        (date(2027, 6, 30), PathKind.UNKNOWN, None, date(2027, 6, 30)),
        (date(2027, 7, 1), PathKind.RESTRICTED, date(2027, 7, 1), None),
    ],
)
def test_colorado_switches_on_the_boundary_day(db, today, on, path, start, end):
    with db.reader() as s:
        rule = get_state_rule(s, "CO", today=today, on=on)
    assert rule.path is path
    assert (rule.effective_from, rule.effective_to) == (start, end)


def test_today_colorado_is_not_open_and_says_when_it_changes(db, today):
    with db.reader() as s:
        rule = get_state_rule(s, "CO", today=today)
    assert rule.path is PathKind.UNKNOWN
    assert rule.next_change is not None
    assert rule.next_change.text == (
        "Changes on 2027-07-01 to Restricted kei / mini-truck registration."
    )
    assert rule.next_change.text in rule.summary
    assert rule.next_change.text in rule.warnings


def test_unknown_states_are_actionable(db, today):
    with db.reader() as s:
        alaska = get_state_rule(s, "AK", today=today)
        texas = get_state_rule(s, "TX", today=today)
    assert alaska.path is PathKind.UNKNOWN
    assert alaska.agency == "Alaska Division of Motor Vehicles"
    assert alaska.agency_web == "dmv.alaska.gov"
    assert len(alaska.questions) >= 4
    text = " ".join(alaska.summary)
    assert "Questions to ask the agency" in text
    assert "What to bring" in text
    assert "Bill of sale" in text
    assert not texas.questions


def test_a_case_follows_its_planned_registration_date(db, make_case, today):
    case_id = make_case(state="CO")
    with db.reader() as s:
        before = cases.case_detail(s, case_id, today=today).state_rule
    assert before is not None
    assert before.path is PathKind.UNKNOWN
    with db.transaction("amy") as s:
        case = s.get(Case, case_id)
        assert case is not None
        case.planned_registration = date(2027, 8, 1)
    with db.reader() as s:
        detail = cases.case_detail(s, case_id, today=today)
    assert detail.state_rule is not None
    assert detail.state_rule.path is PathKind.RESTRICTED


def test_editing_keeps_customer_fields_free_of_research_words(db, today):
    with pytest.raises(InvalidInput, match="research notes"), db.transaction("carol") as s:
        update_state_rule(s, "TX", {"customer_text": "Legal now [S]"}, user="carol", today=today)
    with pytest.raises(InvalidInput, match="research notes"), db.transaction("carol") as s:
        update_state_rule(s, "TX", {"citation": "daxstreet.com"}, user="carol", today=today)
    with db.reader() as s:
        assert s.get(StateRule, "TX").rule_changed_at is None  # nothing half-written
    with db.transaction("carol") as s:
        update_state_rule(s, "TX", {"notes": "Confidence: S [S]"}, user="carol", today=today)
        assert s.get(StateRule, "TX").rule_changed_at is not None


def test_overlapping_versions_are_refused():
    with pytest.raises(InvalidInput, match="overlap"):
        check_versions("CO", [None, date(2027, 7, 1), date(2027, 7, 1)])
    with pytest.raises(InvalidInput, match="overlap"):
        check_versions("CO", [date(2027, 7, 1)])
    check_versions("CO", [None, date(2027, 7, 1)])


def test_research_marks_tell_research_from_plain_words():
    assert research_marks("Fla. Stat. 316.2122; last verified 2026-11-21.") == []
    assert research_marks("keidesk supports decisions; it does not give legal advice.") == []
    assert research_marks("Issued by the agency at keikenkyo.or.jp.") == []
    assert research_marks("(keidesk reference §4.5, [U])")
    assert research_marks("Source: daxstreet.com; Motor1 syndication")
    assert research_marks("Mapped to standard… Confidence: P (bill text) / S")
    assert research_marks("no speed restriction found in retrieved text")
    assert research_marks("(regulatory.md 5.2) [S]")
    assert research_marks("see providecars.co.jp")
    assert research_marks("dmv.example.com", allowed=("dmv.example.com",)) == []
