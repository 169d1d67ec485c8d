"""The one clock: instants in UTC, a person's dates in the local zone, and nothing else asks
the system for the time."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from keidesk import clock

PACKAGE = Path(clock.__file__).resolve().parent
CHICAGO = ZoneInfo("America/Chicago")


def test_now_is_aware_utc_and_today_is_local(clock_frozen):
    clock_frozen.move_to(datetime(2026, 11, 20, 23, 30, tzinfo=CHICAGO))
    assert clock.now() == datetime(2026, 11, 21, 5, 30, tzinfo=UTC)
    assert clock.now().tzinfo is UTC
    assert clock.today().isoformat() == "2026-11-20"  # still the 20th in Chicago
    assert clock.local_date(clock.now()).isoformat() == "2026-11-20"
    # As read back from SQLite: no zone, stored in UTC.
    assert clock.local_date(datetime(2026, 11, 21, 5, 30)).isoformat() == "2026-11-20"
    assert clock.local_time(datetime(2026, 11, 21, 5, 30)).hour == 23


def test_keidesk_today_moves_the_whole_clock(clock_frozen, monkeypatch: pytest.MonkeyPatch):
    clock_frozen.move_to(datetime(2026, 11, 21, 9, 15, tzinfo=CHICAGO))
    monkeypatch.setenv("KEIDESK_TODAY", "2027-02-03")
    assert clock.today().isoformat() == "2027-02-03"
    assert clock.local_time(clock.now()).strftime("%H:%M") == "09:15"  # the time of day runs on
    assert (clock.today() - clock.local_date(datetime(2027, 2, 1, 15, 0, tzinfo=UTC))).days == 2


def test_nothing_else_reads_the_system_clock():
    """Every "now" and "today" comes from keidesk.clock, so one frozen clock reaches them all."""
    reads = re.compile(
        r"datetime\.now\(|date\.today\(|datetime\.utcnow\(|time\.time\(|QDate(Time)?\.current"
    )
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in PACKAGE.rglob("*.py")
        if path.name != "clock.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if reads.search(line)
    ]
    assert offenders == []


@pytest.mark.parametrize("command", [["case", "list"], []])
def test_a_bad_keidesk_today_is_refused_plainly(cli, db, make_case, monkeypatch, command):
    """A command, or the app (no command), refuses the setting with one line and exit 2,
    before it opens the database or Qt."""
    make_case(chassis="DA52T-123456")
    before = db.path.read_bytes() if db.path else b""
    monkeypatch.setenv("KEIDESK_TODAY", "next tuesday")
    result = cli(*command)
    assert result.code == 2
    assert result.err == (
        "error: KEIDESK_TODAY='next tuesday' is not a date; write it as YYYY-MM-DD, or unset it.\n"
    )
    assert result.out == ""
    assert (db.path.read_bytes() if db.path else b"") == before
