"""Due dates, ETAs, customs releases and eligibility dates as an iCalendar file (RFC 5545).

Outlook, Thunderbird and Google Calendar import the file, or subscribe to it from a synced
folder. Every event is an all-day event (``VALUE=DATE``) with a UID made of the case's own UID
and what the event is about, never its date: when a due date or an ETA moves, the next export
updates the event instead of adding a second one. ``DTSTAMP`` and ``SEQUENCE`` come from the
case's last change and version, so two exports of unchanged data are byte for byte the same.

Written by hand (the format is small), to the letter: CRLF line ends, lines folded at 75
octets without splitting a character, TEXT values escaped, control characters dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from keidesk import __version__
from keidesk.atomic import replacing
from keidesk.dataio.sheets import write_refused
from keidesk.domain.errors import InvalidInput
from keidesk.domain.workflow import STAGE_COMPLETE, StepKey, StepStatus
from keidesk.services.agenda import MAX_DAYS
from keidesk.storage.models import Case, Customer, Vehicle, WorkflowStep, case_number

#: How far ahead the calendar reaches unless told otherwise.
DEFAULT_DAYS = 180
#: Events of the last month stay in the file, so a calendar still shows what just happened.
PAST_DAYS = 31
PRODID = "-//keidesk//keidesk calendar//EN"
UID_DOMAIN = "keidesk"
CRLF = "\r\n"
FOLD_OCTETS = 75

#: What a TEXT value may not hold (tab and newline are kept: newline is escaped).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class Event:
    uid: str
    day: date
    summary: str
    description: str
    category: str
    stamp: datetime
    sequence: int


@dataclass(frozen=True, slots=True)
class CalendarExport:
    path: Path
    events: int


def check_days(days: int) -> int:
    if not 1 <= days <= MAX_DAYS:
        raise InvalidInput(f"The calendar reaches 1 to {MAX_DAYS} days ahead, not {days}.")
    return days


# --- the format -----------------------------------------------------------------------------


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newline escaped; other
    control characters, which TEXT may not hold, become spaces."""
    value = _CONTROL.sub(" ", value.replace("\r\n", "\n").replace("\r", "\n"))
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded at 75 octets (RFC 5545 §3.1): each continuation starts with a
    space, and no UTF-8 character is split between lines."""
    if line.isascii():  # one octet a character: cut by length
        if len(line) <= FOLD_OCTETS:
            return line + CRLF
        parts = [line[:FOLD_OCTETS]]
        parts.extend(
            " " + line[i : i + FOLD_OCTETS - 1]
            for i in range(FOLD_OCTETS, len(line), FOLD_OCTETS - 1)
        )
        return CRLF.join(parts) + CRLF
    out: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > FOLD_OCTETS:
            out.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    out.append("".join(current))
    return CRLF.join(out) + CRLF


def _stamp(instant: datetime) -> str:
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(event: Event) -> Iterator[str]:
    yield "BEGIN:VEVENT"
    yield f"UID:{event.uid}"
    yield f"DTSTAMP:{_stamp(event.stamp)}"
    yield f"LAST-MODIFIED:{_stamp(event.stamp)}"
    yield f"SEQUENCE:{event.sequence}"
    yield f"DTSTART;VALUE=DATE:{event.day.strftime('%Y%m%d')}"
    yield f"DTEND;VALUE=DATE:{(event.day + timedelta(days=1)).strftime('%Y%m%d')}"
    yield f"SUMMARY:{escape_text(event.summary)}"
    yield f"DESCRIPTION:{escape_text(event.description)}"
    yield f"CATEGORIES:{escape_text(event.category)}"
    yield "TRANSP:TRANSPARENT"
    yield "END:VEVENT"


def calendar_chunks(events: list[Event]) -> Iterator[str]:
    """The whole file, folded, with CRLF line ends."""
    head = (
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:keidesk",
        f"X-KEIDESK-VERSION:{__version__}",
    )
    for line in head:
        yield fold(line)
    for event in sorted(events, key=lambda e: (e.day, e.uid)):
        yield "".join(fold(line) for line in event_lines(event))
    yield fold("END:VCALENDAR")


# --- the events -----------------------------------------------------------------------------


def _about(row: Any) -> str:
    """The truck and its customer, for an event's description."""
    truck = " ".join(p for p in (row.make, row.model, row.chassis_number) if p)
    customer = f" for {row.name}" if row.name else ""
    state = f" ({row.destination_state})" if row.destination_state else ""
    return f"Case {case_number(row.id)}: {truck}{customer}{state}."


def calendar_events(session: Session, *, today: date, days: int = DEFAULT_DAYS) -> list[Event]:
    """Every event from :data:`PAST_DAYS` ago to ``days`` ahead: each unfinished step's due
    date, each ETA, each customs release and each FMVSS-eligibility date of an open case."""
    check_days(days)
    first, last = today - timedelta(days=PAST_DAYS), today + timedelta(days=days)
    columns = (
        Case.id,
        Case.uid,
        Case.version,
        Case.updated_at,
        Case.destination_state,
        Vehicle.chassis_number,
        Vehicle.make,
        Vehicle.model,
        Customer.name,
    )

    def cases() -> Any:
        return (
            select(*columns)
            .join(Vehicle, Vehicle.id == Case.vehicle_id)
            .outerjoin(Customer, Customer.id == Case.customer_id)
        )

    events: list[Event] = []

    def add(row: Any, what: str, day: date, summary: str, category: str) -> None:
        events.append(
            Event(
                uid=f"{what}-{row.uid}@{UID_DOMAIN}",
                day=day,
                summary=f"{case_number(row.id)} {summary} · {row.chassis_number}",
                description=_about(row),
                category=category,
                stamp=row.updated_at,
                sequence=row.version,
            )
        )

    steps = session.execute(
        cases()
        .add_columns(WorkflowStep.key, WorkflowStep.due_on)
        .join(WorkflowStep, WorkflowStep.case_id == Case.id)
        .where(
            WorkflowStep.due_on >= first,
            WorkflowStep.due_on <= last,
            WorkflowStep.status.not_in([StepStatus.DONE, StepStatus.NOT_APPLICABLE]),
        )
    )
    for row in steps:
        key = StepKey(row.key)
        add(row, f"step-{key.value}", row.due_on, f"{key.label} due", "keidesk: due")
    for row in session.execute(
        cases().add_columns(Case.eta).where(Case.eta >= first, Case.eta <= last)
    ):
        add(row, "eta", row.eta, "arrives (ETA)", "keidesk: arrival")
    for row in session.execute(
        cases()
        .add_columns(Case.release_date)
        .where(Case.release_date >= first, Case.release_date <= last)
    ):
        add(row, "release", row.release_date, "released by customs", "keidesk: release")
    for row in session.execute(
        cases()
        .add_columns(Vehicle.fmvss_eligible_on)
        .where(
            Vehicle.fmvss_eligible_on >= first,
            Vehicle.fmvss_eligible_on <= last,
            Case.stage != STAGE_COMPLETE,
        )
    ):
        add(
            row,
            "eligible",
            row.fmvss_eligible_on,
            "FMVSS-eligible (25 years)",
            "keidesk: eligibility",
        )
    return events


def export_calendar(
    session: Session, path: Path, *, today: date, days: int = DEFAULT_DAYS
) -> CalendarExport:
    """Write the calendar to ``path`` atomically: the file is whole or left as it was."""
    if path.suffix.lower() != ".ics":
        raise InvalidInput(f"Write the calendar to an .ics file, not {path.name}.")
    if not path.parent.is_dir():
        raise InvalidInput(f"The folder {path.parent} does not exist.")
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder; give the calendar file's name.")
    events = calendar_events(session, today=today, days=days)
    try:
        with replacing(path) as temp, temp.open("w", encoding="utf-8", newline="") as out:
            for chunk in calendar_chunks(events):
                out.write(chunk)
    except OSError as exc:
        raise write_refused(path, exc) from None
    return CalendarExport(path=path, events=len(events))
