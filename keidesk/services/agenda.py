"""The agenda: what needs doing today and in the next days, each item a click from its case.

Every kind of item is one indexed query (a step's due date, a case's ETA and release, a truck's
FMVSS date), never a walk over every case, so the agenda answers in milliseconds at 100,000
cases. Items a person marked handled, or snoozed until a day still to come, are left out by
the same query (``NOT EXISTS`` over :class:`AgendaMark`, one index probe per row).

An item is named by its :attr:`AgendaItem.id`, ``topic:...:date`` (``step:42:customs:2026-11-20``,
``arrival:42:2026-12-01``, ``rule:TX:2026-05-20``, ``backup:2026-11-21``): what it is about and
its date, so a new due date or a new ETA is a new item, and marking one handled never hides the
next. A state rule's re-verification recurs every :data:`REVERIFY_EVERY_DAYS` days after it was
last verified (a ``dateutil`` recurrence rule); marking one occurrence handled leaves the next.

The backup reminder is the one in :mod:`keidesk.dataio.backup` (it reads the backups' own
records, a layer above this one): callers pass it in as ``backup_reminder``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any

from dateutil.rrule import DAILY, rrule
from sqlalchemy import ColumnElement, Select, and_, bindparam, exists, func, or_, select
from sqlalchemy.orm import Session

from keidesk import clock
from keidesk.domain.errors import InvalidInput, NotFound
from keidesk.domain.messages import Message, listed, msg, word
from keidesk.domain.reference import index_in_force
from keidesk.domain.workflow import STAGE_COMPLETE, StepKey, StepStatus
from keidesk.services.views import RULE_STALE_AFTER_DAYS
from keidesk.storage.models import (
    AgendaMark,
    Case,
    StateRule,
    StateRuleVersion,
    Vehicle,
    WorkflowStep,
    case_number,
)

#: The days ahead the agenda shows unless told otherwise (today and the next six).
DEFAULT_DAYS = 7
#: The longest agenda asked for (a year): further ahead is the calendar's job.
MAX_DAYS = 366
#: Trucks becoming FMVSS-eligible are shown this many days ahead, whatever ``days`` is.
ELIGIBLE_SOON_DAYS = 90
#: A state's rule is re-verified this often after it was last verified.
REVERIFY_EVERY_DAYS = RULE_STALE_AFTER_DAYS

#: What a case with no case stands in for in :class:`AgendaMark` (a state's rule, a backup).
NO_CASE = 0


class AgendaKind(StrEnum):
    """The kinds of agenda item, in the order the agenda shows them on one day."""

    STEP_OVERDUE = "step_overdue"
    BACKUP_DUE = "backup_due"
    RELEASE_PENDING = "release_pending"
    RULE_REVERIFY = "rule_reverify"
    STEP_DUE = "step_due"
    ARRIVAL = "arrival"
    ELIGIBLE_SOON = "eligible_soon"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]

    @property
    def topic(self) -> str:
        return KIND_TOPICS[self]


KIND_LABELS = {
    AgendaKind.STEP_OVERDUE: "Overdue step",
    AgendaKind.BACKUP_DUE: "Backup due",
    AgendaKind.RELEASE_PENDING: "Release pending",
    AgendaKind.RULE_REVERIFY: "Re-verify state rule",
    AgendaKind.STEP_DUE: "Step due",
    AgendaKind.ARRIVAL: "Arriving",
    AgendaKind.ELIGIBLE_SOON: "Eligible soon",
}

#: The topic an item's id starts with: a step's due item keeps its id when it becomes overdue.
KIND_TOPICS = {
    AgendaKind.STEP_OVERDUE: "step",
    AgendaKind.STEP_DUE: "step",
    AgendaKind.BACKUP_DUE: "backup",
    AgendaKind.RELEASE_PENDING: "release",
    AgendaKind.RULE_REVERIFY: "rule",
    AgendaKind.ARRIVAL: "arrival",
    AgendaKind.ELIGIBLE_SOON: "eligible",
}
_ORDER = {kind: index for index, kind in enumerate(AgendaKind)}

#: The kinds that say something is late: the desktop reminder counts these.
OVERDUE_KINDS = frozenset(
    {AgendaKind.STEP_OVERDUE, AgendaKind.RELEASE_PENDING, AgendaKind.BACKUP_DUE}
)


@dataclass(frozen=True, slots=True)
class ItemRef:
    """What an item id names: a topic, a case (or :data:`NO_CASE`), a subject (a step key,
    a state code, or ""), and the item's date."""

    topic: str
    case_id: int
    subject: str
    item_date: date

    @property
    def id(self) -> str:
        parts: list[str] = [self.topic]
        if self.case_id != NO_CASE:
            parts.append(str(self.case_id))
        if self.subject:
            parts.append(self.subject)
        parts.append(self.item_date.isoformat())
        return ":".join(parts)


@dataclass(frozen=True, slots=True)
class AgendaItem:
    date: date
    kind: AgendaKind
    case_id: int | None
    number: str | None
    text: str
    id: str
    #: The state of a ``rule_reverify`` item (it opens the state's rule, not a case).
    state: str | None = None


@dataclass(frozen=True, slots=True)
class Agenda:
    today: date
    days: int
    items: tuple[AgendaItem, ...]
    #: Per kind, how many items were left out by ``limit`` (none: every item is there).
    more: dict[AgendaKind, int] = field(default_factory=dict)
    #: Whether the database holds any case: an empty agenda of a new database says what to do
    #: first, not that all is done.
    has_cases: bool = True

    def count(self, kind: AgendaKind) -> int:
        return sum(1 for item in self.items if item.kind is kind) + self.more.get(kind, 0)


BackupReminder = Callable[..., str | None]
#: A query of one kind of item: a row per item, its columns by kind.
Rows = Select[*tuple[Any, ...]]


def check_days(days: int) -> int:
    if not 1 <= days <= MAX_DAYS:
        raise InvalidInput(
            f"The agenda covers 1 to {MAX_DAYS} days (today and the days after), not {days}."
        )
    return days


def build_agenda(
    session: Session,
    *,
    today: date,
    days: int = DEFAULT_DAYS,
    limit: int | None = None,
    backup_reminder: BackupReminder | None = None,
) -> Agenda:
    """Today's agenda and the next ``days - 1`` days'; ``limit``: at most this many items of
    each kind (the rest counted in :attr:`Agenda.more`). ``backup_reminder(session, today=)``
    says whether a backup is due (:func:`keidesk.dataio.backup.backup_reminder`)."""
    check_days(days)
    last = today + timedelta(days=days - 1)
    items: list[AgendaItem] = []
    more: dict[AgendaKind, int] = {}
    for kind, query in (
        (AgendaKind.STEP_OVERDUE, _steps(today, None, today - timedelta(days=1))),
        (AgendaKind.STEP_DUE, _steps(today, today, last)),
        (AgendaKind.ARRIVAL, _shipments("arrival", today, today, last)),
        (AgendaKind.RELEASE_PENDING, _shipments("release", today, None, today - timedelta(1))),
        (
            AgendaKind.ELIGIBLE_SOON,
            _eligible(today, today + timedelta(days=1), today + timedelta(ELIGIBLE_SOON_DAYS)),
        ),
    ):
        rows = session.execute(query.rows if limit is None else query.rows.limit(limit + 1)).all()
        if limit is not None and len(rows) > limit:
            rows = rows[:limit]
            more[kind] = int(session.scalar(query.count) or 0) - limit
        items.extend(_item(kind, row, today) for row in rows)
    items.extend(_rules_to_reverify(session, today, last))
    if backup_reminder is not None:
        text = backup_reminder(session, today=today)
        ref = ItemRef("backup", NO_CASE, "", today)
        if text and not _backup_put_off(session, today):
            items.append(AgendaItem(today, AgendaKind.BACKUP_DUE, None, None, text, ref.id))
    items.sort(key=lambda i: _position(i, today))
    has_cases = bool(session.scalar(select(exists().where(Case.id.is_not(None)))))
    return Agenda(today=today, days=days, items=tuple(items), more=more, has_cases=has_cases)


def _position(item: AgendaItem, today: date) -> tuple[Any, ...]:
    """What is late first, by kind (overdue steps, the backup, releases, rules), oldest first;
    then today and the days ahead, by date and kind."""
    if item.date < today:
        return (0, _ORDER[item.kind], item.date, item.case_id or 0, item.id)
    return (1, item.date, _ORDER[item.kind], item.case_id or 0, item.id)


# --- the queries ----------------------------------------------------------------------------


def _unmarked(
    topic: str, case_id: Any, subject: Any, item_date: Any, today: date
) -> ColumnElement[bool]:
    """No mark hides the item: none handled, none snoozed past today."""
    return ~exists().where(
        AgendaMark.case_id == case_id,
        AgendaMark.topic == topic,
        AgendaMark.subject == subject,
        AgendaMark.item_date == item_date,
        or_(AgendaMark.handled_at.is_not(None), AgendaMark.snoozed_until > today),
    )


@dataclass(frozen=True, slots=True)
class _Query:
    """One kind of item: its rows (joined to the truck, in date order) and its count (the
    first table and its index alone: the covering indexes of 0008 answer it)."""

    rows: Rows
    count: Select[int]


def _query(table: Any, conditions: list[ColumnElement[bool]], rows: Rows) -> _Query:
    return _Query(
        rows.where(*conditions), select(func.count()).select_from(table).where(*conditions)
    )


def _steps(today: date, first: date | None, last: date) -> _Query:
    due = WorkflowStep.due_on
    conditions = [
        due.is_not(None),
        due <= last,
        *(() if first is None else (due >= first,)),
        WorkflowStep.status.not_in([StepStatus.DONE, StepStatus.NOT_APPLICABLE]),
        _unmarked("step", WorkflowStep.case_id, WorkflowStep.key, due, today),
    ]
    rows = (
        select(WorkflowStep.case_id, WorkflowStep.key, due, Vehicle.chassis_number)
        .join(Case, Case.id == WorkflowStep.case_id)
        .join(Vehicle, Vehicle.id == Case.vehicle_id)
        .order_by(due, WorkflowStep.case_id, WorkflowStep.key)  # ix_workflow_steps_agenda
    )
    return _query(WorkflowStep, conditions, rows)


def _shipments(topic: str, today: date, first: date | None, last: date) -> _Query:
    """Cases not released by customs whose ETA is in the range (the release_date/eta index)."""
    conditions = [Case.release_date.is_(None), Case.eta <= last]
    if first is not None:
        conditions.append(Case.eta >= first)
    if topic == "release":
        conditions.append(Case.stage != STAGE_COMPLETE)
    conditions.append(_unmarked(topic, Case.id, "", Case.eta, today))
    rows = (
        select(Case.id, Case.eta, Vehicle.chassis_number, Case.vessel, Case.port_of_entry)
        .join(Vehicle, Vehicle.id == Case.vehicle_id)
        .order_by(Case.eta, Case.id)
    )
    return _query(Case, conditions, rows)


def _eligible(today: date, first: date, last: date) -> _Query:
    eligible_on = Vehicle.fmvss_eligible_on
    conditions = [
        and_(eligible_on >= first, eligible_on <= last),
        Case.stage != STAGE_COMPLETE,
        _unmarked("eligible", Case.id, "", eligible_on, today),
    ]
    rows = (
        select(Case.id, eligible_on, Vehicle.chassis_number)
        .select_from(Vehicle)
        .join(Case, Case.vehicle_id == Vehicle.id)
        .order_by(eligible_on, Case.id)
    )
    query = _query(Vehicle, conditions, rows)
    return _Query(query.rows, query.count.join(Case, Case.vehicle_id == Vehicle.id))


def _days(n: int) -> Message:
    return msg("1 day") if n == 1 else msg("{n} days", n=n)


def _item(kind: AgendaKind, row: Any, today: date) -> AgendaItem:
    case_id = int(row[0])
    if kind in (AgendaKind.STEP_OVERDUE, AgendaKind.STEP_DUE):
        step, due, chassis = StepKey(row[1]), row[2], row[3]
        ref = ItemRef("step", case_id, step.value, due)
        title = word(step.label)
        text: Message
        if kind is AgendaKind.STEP_OVERDUE:
            overdue = _days((today - due).days)
            text = msg(
                "{step}: due {due}, overdue {days}", step=title, due=due.isoformat(), days=overdue
            )
        elif due == today:
            text = msg("{step}: due today", step=title)
        else:
            text = msg("{step}: due {due}", step=title, due=due.isoformat())
    elif kind in (AgendaKind.ARRIVAL, AgendaKind.RELEASE_PENDING):
        eta, chassis, vessel, port = row[1], row[2], row[3], row[4]
        if kind is AgendaKind.ARRIVAL:
            ref = ItemRef("arrival", case_id, "", eta)
            when = msg("today") if eta == today else eta.isoformat()
            if vessel and port:
                where: Message | None = msg("on {vessel} at {port}", vessel=vessel, port=port)
            elif vessel:
                where = msg("on {vessel}", vessel=vessel)
            elif port:
                where = msg("at {port}", port=port)
            else:
                where = None
            if where is None:
                text = msg("Arrives {when} (ETA)", when=when)
            else:
                text = msg("Arrives {when} (ETA) {where}", when=when, where=where)
        else:
            ref = ItemRef("release", case_id, "", eta)
            text = msg(
                "Arrived {date} ({days} ago); customs release still pending",
                date=eta.isoformat(),
                days=_days((today - eta).days),
            )
    else:
        eligible_on, chassis = row[1], row[2]
        ref = ItemRef("eligible", case_id, "", eligible_on)
        text = msg(
            "Becomes FMVSS-eligible (25 years) on {date}, in {days}",
            date=eligible_on.isoformat(),
            days=_days((eligible_on - today).days),
        )
    shown = msg("{text} · {chassis}", text=text, chassis=chassis)
    return AgendaItem(ref.item_date, kind, case_id, case_number(case_id), shown, ref.id)


def _midnight(day: date) -> datetime:
    """A day as the instant a recurrence rule counts in (the zone does not matter: whole days)."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def reverify_due(verified: date, today: date, last: date) -> date | None:
    """The latest re-verification day up to ``last`` of a rule verified on ``verified`` (every
    :data:`REVERIFY_EVERY_DAYS` days after it), or None when none has come yet."""
    if verified + timedelta(days=REVERIFY_EVERY_DAYS) > last:
        return None
    occurrences = rrule(
        DAILY,
        interval=REVERIFY_EVERY_DAYS,
        dtstart=_midnight(verified),
        until=_midnight(last),
    )
    latest = occurrences.before(_midnight(last), inc=True)
    return None if latest is None or latest.date() == verified else latest.date()


def _verified_on(session: Session, today: date) -> dict[str, tuple[str, date]]:
    """Each state's name and the day its rule in force today was last verified: the rule
    versions' dates, read as plain rows (a few hundred)."""
    names: dict[str, str] = dict(session.execute(select(StateRule.code, StateRule.name)).all())
    versions: dict[str, list[tuple[date | None, date]]] = {}
    for code, start, as_of, local in session.execute(
        select(
            StateRuleVersion.state_code,
            StateRuleVersion.effective_from,
            StateRuleVersion.as_of,
            StateRuleVersion.locally_verified_on,
        )
    ):
        versions.setdefault(code, []).append((start, max(as_of, local or as_of)))
    verified: dict[str, tuple[str, date]] = {}
    for code, rows in versions.items():
        rows.sort(key=lambda row: row[0] or date.min)
        index = index_in_force([start for start, _day in rows], today)
        verified[code] = (names.get(code, code), rows[index][1])
    return verified


def _rules_to_reverify(session: Session, today: date, last: date) -> Iterable[AgendaItem]:
    """States with open cases whose rule in force today is due to be verified again: the
    rules' dates read, then one indexed probe per state that is due."""
    hidden = {
        (subject, day)
        for subject, day in session.execute(
            select(AgendaMark.subject, AgendaMark.item_date).where(
                AgendaMark.topic == "rule",
                AgendaMark.case_id == NO_CASE,
                or_(AgendaMark.handled_at.is_not(None), AgendaMark.snoozed_until > today),
            )
        )
    }
    open_case = (  # one seek in the destination-state index
        select(Case.id)
        .where(Case.destination_state == bindparam("code"), Case.stage != STAGE_COMPLETE)
        .limit(1)
    )
    for code, (name, verified) in sorted(_verified_on(session, today).items()):
        due = reverify_due(verified, today, last)
        if due is None or (code, due) in hidden:
            continue
        ref = ItemRef("rule", NO_CASE, code, due)
        if session.scalar(open_case, {"code": code}) is None:
            continue
        text = msg(
            "Re-verify {name}'s registration rule for the open cases going there "
            "(last verified {date})",
            name=name,
            date=verified.isoformat(),
        )
        yield AgendaItem(due, AgendaKind.RULE_REVERIFY, None, None, text, ref.id, code)


# --- handled and snoozed --------------------------------------------------------------------


def parse_item_id(text: str) -> ItemRef:
    """An item id as the agenda lists it (``keidesk agenda --json``) back into its parts."""
    parts = text.strip().split(":")
    problem = InvalidInput(
        f"{text!r} is not an agenda item; 'keidesk agenda --json' lists each item's id "
        "(like step:42:customs:2026-11-20)."
    )
    topics = {"step": 4, "arrival": 3, "release": 3, "eligible": 3, "rule": 3, "backup": 2}
    if not parts or topics.get(parts[0]) != len(parts):
        raise problem
    try:
        item_date = date.fromisoformat(parts[-1])
    except ValueError:
        raise problem from None
    topic = parts[0]
    if topic in ("rule", "backup"):
        return ItemRef(topic, NO_CASE, parts[1].upper() if topic == "rule" else "", item_date)
    if not parts[1].isdigit():
        raise problem
    subject = ""
    if topic == "step":
        try:
            subject = StepKey(parts[2]).value
        except ValueError:
            raise problem from None
    return ItemRef(topic, int(parts[1]), subject, item_date)


def _item_exists(session: Session, ref: ItemRef, today: date) -> bool:
    """Whether the item is (or was) on the agenda as named: its step still has that due date,
    its case that ETA, its truck that eligibility date, its state a rule due then."""
    if ref.topic == "step":
        found = session.scalar(
            select(WorkflowStep.id).where(
                WorkflowStep.case_id == ref.case_id,
                WorkflowStep.key == StepKey(ref.subject),
                WorkflowStep.due_on == ref.item_date,
            )
        )
    elif ref.topic in ("arrival", "release"):
        found = session.scalar(
            select(Case.id).where(Case.id == ref.case_id, Case.eta == ref.item_date)
        )
    elif ref.topic == "eligible":
        found = session.scalar(
            select(Case.id)
            .join(Vehicle, Vehicle.id == Case.vehicle_id)
            .where(Case.id == ref.case_id, Vehicle.fmvss_eligible_on == ref.item_date)
        )
    elif ref.topic == "rule":
        known = _verified_on(session, today).get(ref.subject)
        if known is None:
            return False
        verified = known[1]
        occurrences = rrule(
            DAILY, interval=REVERIFY_EVERY_DAYS, dtstart=_midnight(verified), count=1000
        )
        return ref.item_date != verified and _midnight(ref.item_date) in occurrences
    else:
        return ref.item_date <= today
    return found is not None


def _backup_put_off(session: Session, today: date) -> bool:
    """The backup reminder is a new item each day it is due: marked handled today, or snoozed
    on any day until after today, it is not shown."""
    return (
        session.scalar(
            select(AgendaMark.id)
            .where(
                AgendaMark.topic == "backup",
                AgendaMark.case_id == NO_CASE,
                or_(
                    and_(AgendaMark.item_date == today, AgendaMark.handled_at.is_not(None)),
                    AgendaMark.snoozed_until > today,
                ),
            )
            .limit(1)
        )
        is not None
    )


def _mark(session: Session, ref: ItemRef) -> AgendaMark | None:
    return session.scalar(
        select(AgendaMark).where(
            AgendaMark.topic == ref.topic,
            AgendaMark.case_id == ref.case_id,
            AgendaMark.subject == ref.subject,
            AgendaMark.item_date == ref.item_date,
        )
    )


def _marked(session: Session, item_id: str, *, today: date, user: str) -> AgendaMark:
    ref = parse_item_id(item_id)
    if not _item_exists(session, ref, today):
        raise NotFound(
            f"There is no agenda item {item_id!r} (its case, step or date may have changed); "
            "'keidesk agenda --json' lists the items as they are now."
        )
    mark = _mark(session, ref)
    if mark is None:
        mark = AgendaMark(
            topic=ref.topic,
            case_id=ref.case_id,
            subject=ref.subject,
            item_date=ref.item_date,
            marked_by=user,
        )
        session.add(mark)
    mark.marked_by = user
    mark.marked_at = clock.now()
    return mark


def snooze(session: Session, item_id: str, until: date, *, today: date, user: str) -> ItemRef:
    """Hide an item until ``until`` (it shows again that day)."""
    if until <= today:
        raise InvalidInput(
            f"Snooze until a day after today ({today.isoformat()}), not {until.isoformat()}."
        )
    mark = _marked(session, item_id, today=today, user=user)
    mark.snoozed_until = until
    mark.handled_at = None
    session.flush()
    return parse_item_id(item_id)


def mark_handled(session: Session, item_id: str, *, today: date, user: str) -> ItemRef:
    """Hide an item for good (a new date for the same thing is a new item)."""
    mark = _marked(session, item_id, today=today, user=user)
    mark.handled_at = clock.now()
    mark.snoozed_until = None
    session.flush()
    return parse_item_id(item_id)


def reopen(session: Session, item_id: str, *, today: date, user: str) -> ItemRef:
    """Show a handled or snoozed item again."""
    mark = _marked(session, item_id, today=today, user=user)
    mark.handled_at = None
    mark.snoozed_until = None
    session.flush()
    return parse_item_id(item_id)


def reminder_text(agenda: Agenda) -> str | None:
    """What the desktop reminder says: what is late or due today, counted; None: nothing."""
    today = agenda.today
    late_rules = sum(
        1 for i in agenda.items if i.kind is AgendaKind.RULE_REVERIFY and i.date <= today
    )
    due_today = sum(1 for i in agenda.items if i.kind is AgendaKind.STEP_DUE and i.date == today)
    parts: list[Message] = []
    for count, one, many in (
        (
            agenda.count(AgendaKind.STEP_OVERDUE),
            msg("1 step overdue"),
            msg("{n} steps overdue", n=f"{agenda.count(AgendaKind.STEP_OVERDUE):,}"),
        ),
        (due_today, msg("1 step due today"), msg("{n} steps due today", n=f"{due_today:,}")),
        (
            agenda.count(AgendaKind.RELEASE_PENDING),
            msg("1 customs release pending"),
            msg(
                "{n} customs releases pending",
                n=f"{agenda.count(AgendaKind.RELEASE_PENDING):,}",
            ),
        ),
        (
            late_rules,
            msg("1 state rule to re-verify"),
            msg("{n} state rules to re-verify", n=f"{late_rules:,}"),
        ),
        (agenda.count(AgendaKind.BACKUP_DUE), msg("a backup is due"), msg("a backup is due")),
    ):
        if count:
            parts.append(one if count == 1 else many)
    return msg("{list}.", list=listed(parts, ", ")) if parts else None
