"""The one clock: every "now" and "today" in keidesk comes from here (STYLE.md §15).

Instants are timezone-aware and stored in UTC (:func:`now`); dates shown to and compared for a
person are in the computer's local zone (:func:`today`, :func:`local_date`). Nothing else reads
``datetime.now``, ``date.today`` or ``time.time`` for a date or an instant, so a test freezes
this one clock (with time-machine) and every part of the app agrees on what time it is.

``KEIDESK_TODAY=YYYY-MM-DD`` moves the whole clock, not just "today", to that day: the time of
day keeps running, so history, backups and reminders stay consistent with each other (for
reproducible demos and screenshots, and for commands run by tests in a child process).
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta

TODAY_VARIABLE = "KEIDESK_TODAY"


def _real_now() -> datetime:
    return datetime.now(UTC)


def _pinned_offset(real: datetime) -> timedelta:
    """How far ``KEIDESK_TODAY`` moves the clock: whole days, from the real local date."""
    pinned = os.environ.get(TODAY_VARIABLE)
    if not pinned:
        return timedelta(0)
    return date.fromisoformat(pinned) - real.astimezone().date()


def setting_problem() -> str | None:
    """What is wrong with ``KEIDESK_TODAY``, in words for the user, or None: the entry points
    refuse a bad value before anything runs, instead of failing at the first "now"."""
    pinned = os.environ.get(TODAY_VARIABLE)
    if not pinned:
        return None
    try:
        date.fromisoformat(pinned)
    except ValueError:
        return f"{TODAY_VARIABLE}={pinned!r} is not a date; write it as YYYY-MM-DD, or unset it."
    return None


def now() -> datetime:
    """The current instant, timezone-aware, in UTC."""
    real = _real_now()
    return real + _pinned_offset(real)


def today() -> date:
    """Today's date where the user is (the computer's local zone)."""
    return now().astimezone().date()


def local_date(instant: datetime) -> date:
    """The local calendar date of a stored instant. Instants read back from SQLite come without
    a zone; they were stored in UTC."""
    return local_time(instant).date()


def local_time(instant: datetime) -> datetime:
    """A stored instant in the local zone, for showing to a person."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone()
