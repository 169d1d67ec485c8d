"""The workflow through the case service: gates, the age gate, stage and history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from keidesk.domain.errors import GateRefused, InvalidInput, NotFound
from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.services import cases


def statuses(db, case_id, today):
    with db.reader() as s:
        detail = cases.case_detail(s, case_id, today=today)
    return {step.key.value: step.status.value for step in detail.steps}, detail


def set_step(db, case_id, key, status, today, **kw):
    """Move a step; a step marked done here has no papers attached, so it carries a reason
    (tests/services/test_step_papers.py tests the papers)."""
    if status == "done":
        kw.setdefault("reason", "papers checked outside keidesk")
    with db.transaction("ann") as s:
        return cases.set_step(
            s, case_id, StepKey(key), StepStatus(status), user="ann", today=today, **kw
        )


def test_new_case_starts_at_intake_with_eight_todo_steps(db, make_case, today):
    case_id = make_case(built="1999-03")
    steps, detail = statuses(db, case_id, today)
    assert list(steps) == [k.value for k in StepKey]
    assert set(steps.values()) == {"todo"}
    assert detail.stage == "intake"


def test_stage_is_first_step_neither_done_nor_na(db, make_case, today):
    case_id = make_case(built="1999-03")
    set_step(db, case_id, "intake", "done", today)
    set_step(db, case_id, "age", "done", today)
    assert statuses(db, case_id, today)[1].stage == "lien"
    set_step(db, case_id, "lien", "in_progress", today)
    assert statuses(db, case_id, today)[1].stage == "lien"


def test_full_happy_path_to_complete(db, make_case, today):
    case_id = make_case(built="1999-03", state="TX")
    for key in ("intake", "age", "lien", "shipping", "customs"):
        set_step(db, case_id, key, "done", today)
    set_step(db, case_id, "emissions", "n/a", today, note="no state emissions rule")
    set_step(db, case_id, "registration", "done", today)
    set_step(db, case_id, "handover", "done", today)
    assert statuses(db, case_id, today)[1].stage == "complete"


@pytest.mark.parametrize(
    ("done_first", "target", "reason"),
    [
        ((), "customs", "Customs cannot be done before Age check and Lien clearance are done"),
        (("age",), "customs", "before Lien clearance is done"),
        (("age", "lien"), "registration", "State registration cannot be done before Customs"),
        (("age", "lien", "customs"), "handover", "before State registration is done or n/a"),
    ],
)
def test_gates_refuse_with_reason_and_change_nothing(
    db, make_case, today, done_first, target, reason
):
    case_id = make_case(built="1999-03")
    for key in done_first:
        set_step(db, case_id, key, "done", today)
    before = statuses(db, case_id, today)[0]
    with db.reader() as s:
        history_before = cases.case_history(s, case_id)
    with pytest.raises(GateRefused, match=reason):
        set_step(db, case_id, target, "done", today)
    assert statuses(db, case_id, today)[0] == before
    with db.reader() as s:
        assert cases.case_history(s, case_id) == history_before


def test_handover_allowed_when_registration_is_na(db, make_case, today):
    case_id = make_case(built="1999-03")
    set_step(db, case_id, "registration", "n/a", today, note="customer keeps it off-road")
    set_step(db, case_id, "handover", "done", today)


def test_age_and_customs_cannot_be_na(db, make_case, today):
    case_id = make_case(built="1999-03")
    for key in ("age", "customs"):
        with pytest.raises(GateRefused, match="cannot be n/a"):
            set_step(db, case_id, key, "n/a", today)


def test_age_step_blocked_until_eligible_and_says_from_when(db, make_case, today):
    case_id = make_case(chassis="DA63T-123456", built="2002-05")  # eligible 2027-06-01
    steps, detail = statuses(db, case_id, today)
    assert steps["age"] == "blocked"
    assert "2027-06-01" in detail.step(StepKey.AGE).note
    with pytest.raises(GateRefused, match="Not FMVSS-eligible until 2027-06-01"):
        set_step(db, case_id, "age", "done", today)
    with pytest.raises(GateRefused):
        set_step(db, case_id, "age", "todo", today)


def test_age_gate_uses_the_eta(db, make_case, today):
    case_id = make_case(chassis="DA63T-223456", built="2002-05")
    assert statuses(db, case_id, today)[0]["age"] == "blocked"
    with db.transaction("ann") as s:
        cases.update_case(s, case_id, {"eta": date(2027, 6, 15)}, user="ann", today=today)
    steps, detail = statuses(db, case_id, today)
    assert steps["age"] == "todo"
    assert "FMVSS-eligible from 2027-06-01" in detail.step(StepKey.AGE).note
    set_step(db, case_id, "age", "done", today)
    # An earlier ETA makes it too young again: the gate blocks the step once more.
    with db.transaction("ann") as s:
        cases.update_case(s, case_id, {"eta": date(2027, 5, 20)}, user="ann", today=today)
    assert statuses(db, case_id, today)[0]["age"] == "blocked"


def test_age_gate_lifts_when_the_day_comes(db, make_case, today):
    case_id = make_case(chassis="DA63T-323456", built="2002-05")
    later = date(2027, 6, 1)
    with db.transaction("system") as s:
        assert cases.refresh_age_gates(s, today=later - timedelta(days=1)) == 0
    with db.transaction("system") as s:
        assert cases.refresh_age_gates(s, today=later) == 1
    assert statuses(db, case_id, later)[0]["age"] == "todo"


def test_manual_block_is_not_lifted_by_the_gate(db, make_case, today):
    case_id = make_case(built="1999-03")
    set_step(db, case_id, "lien", "blocked", today, note="credit company has not released title")
    with db.transaction("system") as s:
        cases.refresh_age_gates(s, today=today)
    steps, detail = statuses(db, case_id, today)
    assert steps["lien"] == "blocked"
    assert detail.step(StepKey.LIEN).note == "credit company has not released title"


def test_a_person_s_block_of_the_age_step_is_theirs_whatever_its_note(db, make_case, today):
    """The gate lifts only its own block, known by the step's data, not by how a note reads."""
    case_id = make_case(built="1999-03")  # eligible long ago
    note = "Not FMVSS-eligible until the export certificate is translated"
    set_step(db, case_id, "age", "blocked", today, note=note)
    with db.transaction("system") as s:
        assert cases.refresh_age_gates(s, today=today) == 0
        cases.update_case(s, case_id, {"colour": "white"}, user="ann", today=today)
    steps, detail = statuses(db, case_id, today)
    assert steps["age"] == "blocked"
    assert detail.step(StepKey.AGE).note == note


def test_age_needs_a_date_to_be_done(db, make_case, today):
    case_id = make_case()
    with pytest.raises(GateRefused, match="without a build date"):
        set_step(db, case_id, "age", "done", today)


@pytest.mark.typed_names
def test_every_step_change_is_in_the_history_with_who(db, make_case, today):
    case_id = make_case(built="1999-03")
    set_step(db, case_id, "intake", "done", today, note="papers in", due_on=date(2026, 12, 1))
    with db.reader() as s:
        history = cases.case_history(s, case_id)
    changes = {(h.field, h.old_value, h.new_value, h.by) for h in history if h.action == "update"}
    assert ("status", "todo", "done", "ann") in changes
    assert ("note", "", "papers in", "ann") in changes
    assert ("due_on", None, "2026-12-01", "ann") in changes
    assert ("stage", "intake", "age", "ann") in changes
    assert history[0].action == "create"
    assert history[0].by == "tester"


def test_overdue_steps(db, make_case, today):
    case_id = make_case(built="1999-03")
    set_step(db, case_id, "intake", "in_progress", today, due_on=today - timedelta(days=2))
    with db.reader() as s:
        assert cases.case_detail(s, case_id, today=today).step(StepKey.INTAKE).overdue
        assert cases.count_cases(s, cases.CaseFilter(overdue=True), today=today) == 1


def test_unknown_case(db, today):
    with pytest.raises(NotFound, match="no case 42"), db.transaction("ann") as s:
        cases.set_step(s, 42, StepKey.INTAKE, StepStatus.DONE, user="ann", today=today)


def test_step_key_and_status_parsing():
    assert StepKey.parse(" Customs ") is StepKey.CUSTOMS
    assert StepStatus.parse("N/A") is StepStatus.NOT_APPLICABLE
    assert StepStatus.parse("in-progress") is StepStatus.IN_PROGRESS
    with pytest.raises(InvalidInput, match="no workflow step 'paint'"):
        StepKey.parse("paint")
    with pytest.raises(InvalidInput, match="no step status 'finished'"):
        StepStatus.parse("finished")
