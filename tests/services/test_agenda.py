"""The agenda: each kind of item with the frozen clock, snoozed and handled items remembered."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from keidesk.dataio import backup
from keidesk.domain.errors import InvalidInput, NotFound
from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.services import agenda, cases
from keidesk.services.agenda import AgendaKind, build_agenda, reverify_due
from keidesk.storage.database import open_database
from keidesk.storage.models import Case, StateRuleVersion, Vehicle, WorkflowStep


def items(db, today, **kw):
    with db.reader() as session:
        return build_agenda(session, today=today, **kw).items


def kinds(db, today, **kw):
    return [(item.kind.value, item.case_id) for item in items(db, today, **kw)]


def set_due(db, case_id, key, due, today):
    with db.transaction("ann") as s:
        cases.set_step(
            s, case_id, StepKey(key), StepStatus.TODO, user="ann", today=today, due_on=due
        )


def update(db, case_id, today, **changes):
    with db.transaction("ann") as s:
        cases.update_case(s, case_id, changes, user="ann", today=today)


def verified_on(db, state, day):
    """Say a state's rule was last verified on ``day`` (the shipped data's date before it)."""
    with db.transaction("ann") as s:
        for version in s.scalars(
            select(StateRuleVersion).where(StateRuleVersion.state_code == state)
        ):
            version.as_of = min(version.as_of, day)
            version.locally_verified_on = day


def test_an_empty_database_has_an_empty_agenda(db, today):
    assert items(db, today) == ()


def test_the_agenda_says_whether_the_database_holds_any_case(db, make_case, today):
    with db.reader() as s:
        assert not agenda.build_agenda(s, today=today).has_cases
    make_case(built="1999-03")  # nothing due: an empty agenda all the same
    with db.reader() as s:
        built = agenda.build_agenda(s, today=today)
    assert built.items == () and built.has_cases


def test_overdue_and_due_steps_say_which_step_and_since_when(db, make_case, today):
    late = make_case(built="1999-03")
    soon = make_case(built="1999-03")
    later = make_case(built="1999-03")
    set_due(db, late, "intake", today - timedelta(days=3), today)
    set_due(db, soon, "intake", today, today)
    set_due(db, later, "intake", today + timedelta(days=30), today)  # beyond the week
    found = items(db, today)
    assert [(i.kind, i.case_id) for i in found] == [
        (AgendaKind.STEP_OVERDUE, late),
        (AgendaKind.STEP_DUE, soon),
    ]
    overdue, due = found
    assert overdue.date == date(2026, 11, 18)
    assert "Intake" in overdue.text and "2026-11-18" in overdue.text and "3 days" in overdue.text
    assert overdue.number == f"KD-{late:06d}"
    assert overdue.id == f"step:{late}:intake:2026-11-18"
    assert due.text.startswith("Intake: due today")
    # Further ahead when asked; a step that is done leaves the agenda.
    assert (AgendaKind.STEP_DUE.value, later) in kinds(db, today, days=31)
    with db.transaction("ann") as s:
        cases.set_step(
            s, late, StepKey.INTAKE, StepStatus.DONE, user="ann", today=today, reason="checked"
        )
    assert (AgendaKind.STEP_OVERDUE.value, late) not in kinds(db, today)


def test_arrivals_and_releases_pending_after_arrival(db, make_case, today):
    arriving = make_case(built="1999-03", eta=today + timedelta(days=2))
    landed = make_case(built="1999-03", eta=today - timedelta(days=4))
    released = make_case(built="1999-03", eta=today - timedelta(days=9))
    update(db, released, today, release_date=today - timedelta(days=2))
    far = make_case(built="1999-03", eta=today + timedelta(days=40))
    found = {(i.kind, i.case_id): i for i in items(db, today)}
    assert set(found) == {(AgendaKind.ARRIVAL, arriving), (AgendaKind.RELEASE_PENDING, landed)}
    assert found[AgendaKind.ARRIVAL, arriving].date == date(2026, 11, 23)
    assert "Arrives 2026-11-23" in found[AgendaKind.ARRIVAL, arriving].text
    pending = found[AgendaKind.RELEASE_PENDING, landed]
    assert pending.date == date(2026, 11, 17) and "4 days ago" in pending.text
    assert far not in {i.case_id for i in items(db, today)}
    # Released: no longer pending.
    update(db, landed, today, release_date=today)
    assert (AgendaKind.RELEASE_PENDING.value, landed) not in kinds(db, today)


def test_trucks_becoming_eligible_within_90_days(db, make_case, today):
    soon = make_case(built="2001-12")  # 25 years old in December 2026
    later = make_case(built="2002-06")  # in mid-2027: beyond 90 days
    old = make_case(built="1995-01")  # eligible long ago
    with db.reader() as s:
        eligibility = cases.case_detail(s, soon, today=today).eligibility
        assert eligibility is not None
        eligible_on = eligibility.fmvss.eligible_on
    assert eligible_on is not None and today < eligible_on <= today + timedelta(days=90)
    found = [i for i in items(db, today) if i.kind is AgendaKind.ELIGIBLE_SOON]
    assert [(i.case_id, i.date) for i in found] == [(soon, eligible_on)]
    assert eligible_on.isoformat() in found[0].text
    assert later not in {i.case_id for i in found} and old not in {i.case_id for i in found}


def test_state_rules_to_reverify_recur_every_180_days(db, make_case, today, clock_frozen):
    make_case(built="1999-03", state="TX")
    verified_on(db, "TX", today - timedelta(days=10))
    verified_on(db, "OR", today - timedelta(days=400))  # stale, but no open case goes there
    assert not [i for i in items(db, today) if i.kind is AgendaKind.RULE_REVERIFY]
    verified = today - timedelta(days=400)
    verified_on(db, "TX", verified)
    (rule,) = [i for i in items(db, today) if i.kind is AgendaKind.RULE_REVERIFY]
    # Occurrences at 180 and 360 days: the latest one is due.
    assert rule.date == verified + timedelta(days=360)
    assert rule.state == "TX" and rule.case_id is None and rule.number is None
    assert "Texas" in rule.text and verified.isoformat() in rule.text
    with db.transaction("ann") as s:
        agenda.mark_handled(s, rule.id, today=today, user="ann")
    assert not [i for i in items(db, today) if i.kind is AgendaKind.RULE_REVERIFY]
    # The next occurrence (540 days after) comes back on its own, within the week before it.
    next_due = verified + timedelta(days=540)
    assert reverify_due(verified, today, next_due) == next_due
    clock_frozen.move_to(next_due.isoformat() + "T12:00:00-06:00")
    (again,) = [i for i in items(db, next_due) if i.kind is AgendaKind.RULE_REVERIFY]
    assert again.date == next_due and again.id != rule.id


def test_a_due_backup_is_on_the_agenda(db, make_case, today, age_the_data):
    make_case(built="1999-03")
    assert not items(db, today, backup_reminder=backup.backup_reminder)
    age_the_data(10)
    (item,) = items(db, today, backup_reminder=backup.backup_reminder)
    assert item.kind is AgendaKind.BACKUP_DUE and item.date == today
    assert "not been backed up" in item.text and item.id == "backup:2026-11-21"
    with db.transaction("ann") as s:
        agenda.snooze(s, item.id, today + timedelta(days=3), today=today, user="ann")
    assert not items(db, today, backup_reminder=backup.backup_reminder)
    # Snoozed for three days: not tomorrow either (a new day's reminder is a new item).
    tomorrow = today + timedelta(days=1)
    assert not items(db, tomorrow, backup_reminder=backup.backup_reminder)
    (again,) = items(db, today + timedelta(days=3), backup_reminder=backup.backup_reminder)
    assert again.kind is AgendaKind.BACKUP_DUE
    with db.transaction("ann") as s:
        agenda.mark_handled(s, again.id, today=today + timedelta(days=3), user="ann")
    assert not items(db, today + timedelta(days=3), backup_reminder=backup.backup_reminder)
    assert items(db, today + timedelta(days=4), backup_reminder=backup.backup_reminder)


def test_snoozed_and_handled_are_remembered_across_reopening(
    db_path, db, make_case, today, clock_frozen
):
    first, second = make_case(built="1999-03"), make_case(built="1999-03")
    set_due(db, first, "intake", today - timedelta(days=1), today)
    set_due(db, second, "intake", today - timedelta(days=2), today)
    by_case = {i.case_id: i for i in items(db, today)}
    with db.transaction("ann") as s:
        agenda.snooze(s, by_case[first].id, today + timedelta(days=2), today=today, user="ann")
        agenda.mark_handled(s, by_case[second].id, today=today, user="ann")
    db.close()
    reopened = open_database(db_path)
    try:
        assert items(reopened, today) == ()
        tomorrow = today + timedelta(days=1)
        assert items(reopened, tomorrow) == ()  # still snoozed
        in_two_days = today + timedelta(days=2)
        assert [i.case_id for i in items(reopened, in_two_days)] == [first]
        # A new due date is a new item: handled does not hide it.
        set_due(reopened, second, "intake", today + timedelta(days=3), today)
        assert (AgendaKind.STEP_DUE.value, second) in kinds(reopened, today)
        with reopened.transaction("ann") as s:
            agenda.reopen(s, by_case[first].id, today=today, user="ann")
        assert (AgendaKind.STEP_OVERDUE.value, first) in kinds(reopened, today)
    finally:
        reopened.close()


def test_refused_marks_change_nothing(db, make_case, today):
    case_id = make_case(built="1999-03")
    set_due(db, case_id, "intake", today, today)
    (item,) = items(db, today)
    for bad, error in (
        ("nonsense", InvalidInput),
        ("step:1:nostep:2026-11-21", InvalidInput),
        ("step:1:intake:2026-13-01", InvalidInput),
        (f"step:{case_id}:intake:2026-11-22", NotFound),  # not its due date
        (f"arrival:{case_id}:2026-11-22", NotFound),
        ("rule:ZZ:2026-11-22", NotFound),
    ):
        with pytest.raises(error), db.transaction("ann") as s:
            agenda.mark_handled(s, bad, today=today, user="ann")
    with pytest.raises(InvalidInput, match="after today"), db.transaction("ann") as s:
        agenda.snooze(s, item.id, today, today=today, user="ann")
    assert items(db, today) == (item,)


def test_limit_counts_what_it_leaves_out(db, make_case, today):
    for _ in range(5):
        case_id = make_case(built="1999-03")
        set_due(db, case_id, "intake", today - timedelta(days=1), today)
    with db.reader() as session:
        result = build_agenda(session, today=today, limit=2)
    assert len(result.items) == 2
    assert result.more == {AgendaKind.STEP_OVERDUE: 3}
    assert result.count(AgendaKind.STEP_OVERDUE) == 5


def test_days_out_of_range_are_refused(db, today):
    for days in (0, -1, 367):
        with pytest.raises(InvalidInput), db.reader() as session:
            build_agenda(session, today=today, days=days)


def test_agenda_and_marks_on_postgresql(postgres_url, today):
    """Migration 0008 and the agenda's queries on PostgreSQL. The case is written as rows (the
    case service's bulk insert is SQLite's for now)."""
    database = open_database(postgres_url)
    try:
        with database.transaction("ann") as s:
            s.add(Vehicle(id=1, chassis_number="DA52T-123456", identifier_kind="frame"))
            s.flush()
            s.add(Case(id=1, vehicle_id=1, eta=today - timedelta(days=1)))
            s.flush()
            s.add(
                WorkflowStep(
                    case_id=1, key=StepKey.INTAKE, position=0, due_on=today - timedelta(days=2)
                )
            )
        assert kinds(database, today) == [
            (AgendaKind.STEP_OVERDUE.value, 1),
            (AgendaKind.RELEASE_PENDING.value, 1),
        ]
        step_item, release_item = items(database, today)
        with database.transaction("ann") as s:
            agenda.mark_handled(s, release_item.id, today=today, user="ann")
            agenda.snooze(s, step_item.id, today + timedelta(days=1), today=today, user="ann")
        assert items(database, today) == ()
        with database.transaction("ann") as s:
            agenda.reopen(s, release_item.id, today=today, user="ann")
        assert kinds(database, today) == [(AgendaKind.RELEASE_PENDING.value, 1)]
    finally:
        database.close()
