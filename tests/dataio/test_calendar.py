"""The iCalendar export read back by a real parser (the ``icalendar`` package)."""

from __future__ import annotations

from datetime import date, timedelta

import icalendar
import pytest

from keidesk.dataio.calendar import FOLD_OCTETS, escape_text, export_calendar, fold
from keidesk.domain.errors import InvalidInput
from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.services import cases


def export(db, path, today, days=180):
    with db.reader() as session:
        return export_calendar(session, path, today=today, days=days)


def events(path):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


@pytest.fixture
def trucks(db, make_case, today):
    """A truck with a step due and an ETA, one released by customs, one becoming eligible."""
    shipping = make_case(
        built="1999-03",
        customer="Zoë O'Neil, Farms; \\ Ranch\nNorth",
        state="TX",
        eta=today + timedelta(days=5),
    )
    with db.transaction("ann") as s:
        cases.set_step(
            s,
            shipping,
            StepKey.INTAKE,
            StepStatus.IN_PROGRESS,
            user="ann",
            today=today,
            due_on=today + timedelta(days=2),
        )
    released = make_case(built="1998-01", eta=today - timedelta(days=10))
    with db.transaction("ann") as s:
        cases.update_case(
            s, released, {"release_date": today - timedelta(days=3)}, user="ann", today=today
        )
    young = make_case(built="2001-12")
    return shipping, released, young


def test_events_read_back_by_a_real_parser(db, tmp_path, today, trucks):
    shipping, released, young = trucks
    path = tmp_path / "keidesk.ics"
    result = export(db, path, today)
    found = events(path)
    assert result.events == len(found) == 5
    with db.reader() as s:
        uid = {c: cases.case_detail(s, c, today=today).uid for c in trucks}
    due = found[f"step-intake-{uid[shipping]}@keidesk"]
    assert due.decoded("DTSTART") == date(2026, 11, 23)
    assert due.decoded("DTEND") == date(2026, 11, 24)  # all day
    assert due["DTSTART"].params["VALUE"] == "DATE"
    assert str(due["SUMMARY"]) == f"KD-{shipping:06d} Intake due · DA52T-100000"
    # Escaped commas, semicolons, backslashes and the newline come back as they were.
    assert "Zoë O'Neil, Farms; \\ Ranch\nNorth (TX)" in str(due["DESCRIPTION"])
    assert due.decoded("DTSTAMP").tzinfo is not None
    eta = found[f"eta-{uid[shipping]}@keidesk"]
    assert eta.decoded("DTSTART") == date(2026, 11, 26)
    assert found[f"release-{uid[released]}@keidesk"].decoded("DTSTART") == date(2026, 11, 18)
    assert found[f"eta-{uid[released]}@keidesk"].decoded("DTSTART") == date(2026, 11, 11)
    eligible = found[f"eligible-{uid[young]}@keidesk"]
    assert today < eligible.decoded("DTSTART") <= today + timedelta(days=90)
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]


def test_the_file_keeps_to_the_letter(db, tmp_path, today, trucks):
    path = tmp_path / "keidesk.ics"
    export(db, path, today)
    raw = path.read_bytes()
    assert raw.endswith(b"END:VCALENDAR\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines)  # CRLF only
    assert all(len(line) <= FOLD_OCTETS for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # the long description was folded
    for line in lines:
        line.decode("utf-8")  # no character split by a fold


def test_two_exports_of_unchanged_data_are_identical(db, tmp_path, today, trucks, clock_frozen):
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    export(db, first, today)
    clock_frozen.shift(timedelta(hours=3))  # later the same day: DTSTAMP is the data's, not now
    export(db, second, today)
    assert first.read_bytes() == second.read_bytes()


def test_a_moved_due_date_updates_its_event(db, tmp_path, today, trucks):
    shipping = trucks[0]
    before = tmp_path / "before.ics"
    export(db, before, today)
    with db.transaction("ann") as s:
        cases.set_step(
            s,
            shipping,
            StepKey.INTAKE,
            StepStatus.IN_PROGRESS,
            user="ann",
            today=today,
            due_on=today + timedelta(days=9),
        )
    after = tmp_path / "after.ics"
    export(db, after, today)
    old, new = events(before), events(after)
    assert set(old) == set(new)  # the same UIDs: updated, not duplicated
    (uid,) = [
        u
        for u in new
        if u.startswith("step-intake-") and str(shipping).zfill(6) in str(new[u]["SUMMARY"])
    ]
    assert new[uid].decoded("DTSTART") == date(2026, 11, 30)
    assert int(new[uid]["SEQUENCE"]) > int(old[uid]["SEQUENCE"])


def test_fold_and_escape():
    line = "DESCRIPTION:" + "日本の軽トラック" * 12
    folded = fold(line)
    parts = folded.encode("utf-8").split(b"\r\n")[:-1]
    assert all(len(p) <= FOLD_OCTETS for p in parts)
    assert (
        "".join(p.decode("utf-8")[1:] if i else p.decode("utf-8") for i, p in enumerate(parts))
        == line
    )
    assert escape_text("a,b;c\\d\r\ne\x07f") == "a\\,b\\;c\\\\d\\ne f"


def test_bad_places_write_nothing(db, tmp_path, today, trucks):
    kept = tmp_path / "kept.ics"
    kept.write_bytes(b"old")
    for path, words in (
        (tmp_path / "missing" / "k.ics", "does not exist"),
        (tmp_path / "k.txt", ".ics"),
    ):
        with pytest.raises(InvalidInput, match=words):
            export(db, path, today)
        assert not path.exists()
    folder = tmp_path / "folder.ics"
    folder.mkdir()
    with pytest.raises(InvalidInput, match="folder"):
        export(db, folder, today)
    with pytest.raises(InvalidInput):
        export(db, kept, today, days=0)
    assert kept.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
