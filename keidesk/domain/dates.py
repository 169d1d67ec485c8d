"""Dates known to a year, a month or a day, and a parser for how they are written on papers.

Japanese papers give a first-inspection *month* (初度検査年月), often in an era year (平成11年3月),
and the rules that use those dates (NHTSA's 25 years, EPA's 21 calendar years) depend on how
precisely the date is known. So a date keeps the precision it was given instead of being padded
to a day, which would silently invent facts.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from keidesk import clock
from keidesk.domain.errors import InvalidInput
from keidesk.domain.messages import Message, msg, word

MIN_YEAR = 1900
# Later years are typing mistakes, and rules add up to 26 years, which must stay inside
# Python's calendar.
MAX_YEAR = 2999

_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")

ACCEPTED_FORMS = msg(
    "1999, 1999-03, 1999-03-15, 1999/3, 03/15/1999 (US), 1999年3月, 平成11年3月 or H11.3"
)
#: The forms of a date to the day (a due date, an ETA), for messages and placeholders.
DAY_FORMS = msg("2026-12-20, 12/20/2026 (US), 2026/12/20, 令和8年12月20日 or R8.12.20")


class Precision(StrEnum):
    """How much of a date is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


def _quote(text: str) -> str:
    """The input as typed, shortened so a pasted paragraph does not flood a message box."""
    shown = text if len(text) <= 40 else text[:37] + "..."
    return f"'{shown}'"


def _check_parts(year: int, month: int | None, day: int | None, shown: str) -> None:
    """Raise :class:`InvalidInput` naming the first impossible part; ``shown`` is quoted."""
    where = _quote(shown)
    if year == 0:
        raise InvalidInput(msg("Year 0 is not a year in {where}.", where=where))
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidInput(
            msg(
                "Year {year} is out of range in {where}: enter a year from {min} to {max}.",
                year=year,
                where=where,
                min=MIN_YEAR,
                max=MAX_YEAR,
            )
        )
    if month is None:
        if day is not None:
            raise InvalidInput(msg("A day needs a month in {where}.", where=where))
        return
    if not 1 <= month <= 12:
        raise InvalidInput(
            msg("Month {month} is not a month in {where}.", month=month, where=where)
        )
    if day is None:
        return
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        raise InvalidInput(
            msg(
                "Day {day} is not a day in {where}: {month} has {days} days.",
                day=day,
                where=where,
                month=msg(
                    "{month_name} {year}",
                    month_name=word(calendar.month_name[month]),  # listed in domain words
                    year=year,
                ),
                days=days_in_month,
            )
        )


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        shown = str(self.year)
        if self.month is not None:
            shown += f"-{self.month:02d}"
        if self.day is not None:
            shown += f"-{self.day:02d}"
        _check_parts(self.year, self.month, self.day, shown)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def iso(self) -> str:
        """The storage form: ``1999``, ``1999-03`` or ``1999-03-15``."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Read the storage form written by :meth:`iso`; nothing looser."""
        match = _ISO.fullmatch(text)
        if match is None:
            raise InvalidInput(
                msg(
                    "{text} is not a stored date (expected 1999, 1999-03 or 1999-03-15).",
                    text=_quote(text),
                )
            )
        year, month, day = (_opt(part) for part in match.groups())
        assert year is not None  # the pattern requires it
        _check_parts(year, month, day, text)
        return cls(year, month, day)

    def earliest(self) -> date:
        """The first day the date could be."""
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        """The last day the date could be."""
        if self.month is None:
            return date(self.year, 12, 31)
        if self.day is None:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, self.month, self.day)

    def __str__(self) -> str:
        return self.iso()

    def _key(self) -> tuple[int, int, int]:
        # A year alone sorts before its months, a month before its days.
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() >= other._key()


@dataclass(frozen=True, slots=True)
class _Era:
    kanji: str
    letter: str
    romaji: str
    start: date
    end: date | None  # None: the current era

    @property
    def last_year(self) -> int | None:
        return None if self.end is None else self.end.year - self.start.year + 1


_ERAS = (
    _Era("大正", "T", "Taisho", date(1912, 7, 30), date(1926, 12, 24)),
    _Era("昭和", "S", "Showa", date(1926, 12, 25), date(1989, 1, 7)),
    _Era("平成", "H", "Heisei", date(1989, 1, 8), date(2019, 4, 30)),
    _Era("令和", "R", "Reiwa", date(2019, 5, 1), None),
)
_ERA_BY_NAME = {e.kanji: e for e in _ERAS} | {e.letter: e for e in _ERAS}

_N = r"\s*([0-9]{1,2})\s*"
# 1999 / 1999-03 / 1999/3/15 / 1999.03: one separator used throughout.
_WESTERN = re.compile(r"([0-9]{4})(?:\s*([-/.])" + _N + r"(?:\2" + _N + r")?)?")
# 03/15/1999 or 3/15/1999: the US order, month first, with slashes and a four-digit year
_US = re.compile(r"([0-9]{1,2})\s*/\s*([0-9]{1,2})\s*/\s*([0-9]{4})")
# 1999年 / 1999年3月 / 1999年3月15日
_WESTERN_KANJI = re.compile(r"([0-9]{4})\s*年(?:" + _N + r"月(?:" + _N + r"日)?)?")
# 平成11年3月15日, H11.3.15, h11/03, R元.5, S63, 令和元年5月
_ERA_FORM = re.compile(
    r"(大正|昭和|平成|令和|[TSHR])\s*(元|[0-9]{1,2})\s*"
    r"(?:年(?:" + _N + r"月(?:" + _N + r"日)?)?"
    r"|([-/.])" + _N + r"(?:\5" + _N + r")?)?",
    re.IGNORECASE,
)


def _opt(text: str | None) -> int | None:
    return None if text is None else int(text)


def _era_date(
    raw: str, era: _Era, era_year_text: str, month: int | None, day: int | None
) -> PartialDate:
    era_year = 1 if era_year_text == "元" else int(era_year_text)
    name = f"{era.romaji} ({era.kanji}, {era.letter})"
    span: Message
    if era.end is None:
        span = msg("{era} began on {start}", era=name, start=era.start.isoformat())
    else:
        span = msg(
            "{era} ran from {start} to {end} (years 元–{last})",
            era=name,
            start=era.start.isoformat(),
            end=era.end.isoformat(),
            last=era.last_year,
        )
    if era_year < 1:
        raise InvalidInput(
            msg(
                "{text} is not a date: era years start at 1 (元年). {span}.",
                text=_quote(raw),
                span=span,
            )
        )
    year = era.start.year + era_year - 1
    _check_parts(year, month, day, raw)
    result = PartialDate(year, month, day)
    # Overlap is enough: 平成元年1月 is valid although Heisei began on 8 January.
    if result.latest() < era.start or (era.end is not None and result.earliest() > era.end):
        raise InvalidInput(
            msg("{text} is not a {era} date: {span}.", text=_quote(raw), era=era.romaji, span=span)
        )
    return result


def parse_date(
    text: str, *, today: date | None = None, not_after_today: bool = False
) -> PartialDate:
    """Read a date as staff type it or as it is printed on Japanese papers.

    Full-width digits and punctuation are accepted (NFKC). With ``not_after_today`` a date that
    cannot have happened yet is refused, because a truck cannot be built in the future.
    """
    raw = text.strip()
    if not raw:
        raise InvalidInput(msg("Enter a date, such as {forms}.", forms=ACCEPTED_FORMS))
    normal = unicodedata.normalize("NFKC", raw).strip()

    result: PartialDate
    if match := _WESTERN.fullmatch(normal):
        year, _sep, month, day = match.groups()
        _check_parts(int(year), _opt(month), _opt(day), raw)
        result = PartialDate(int(year), _opt(month), _opt(day))
    elif match := _US.fullmatch(normal):
        month, day, year = match.groups()
        _check_parts(int(year), int(month), int(day), raw)
        result = PartialDate(int(year), int(month), int(day))
    elif match := _WESTERN_KANJI.fullmatch(normal):
        year, month, day = match.groups()
        _check_parts(int(year), _opt(month), _opt(day), raw)
        result = PartialDate(int(year), _opt(month), _opt(day))
    elif match := _ERA_FORM.fullmatch(normal):
        name, era_year, k_month, k_day, _sep, s_month, s_day = match.groups()
        era = _ERA_BY_NAME[name.upper()]
        month = _opt(k_month if k_month is not None else s_month)
        day = _opt(k_day if k_day is not None else s_day)
        result = _era_date(raw, era, era_year, month, day)
    else:
        raise InvalidInput(
            msg(
                "{text} is not a date keidesk can read. Use {forms}.",
                text=_quote(raw),
                forms=ACCEPTED_FORMS,
            )
        )

    if not_after_today:
        today = today or clock.today()
        if result.earliest() > today:
            raise InvalidInput(
                msg(
                    "{text} is in the future (today is {today}); "
                    "a date of manufacture cannot be later than today.",
                    text=_quote(raw),
                    today=today.isoformat(),
                )
            )
    return result


def parse_day(text: str) -> date:
    """A date to the day (a due date, an ETA), in any form :func:`parse_date` reads."""
    parsed = parse_date(text)
    if parsed.month is None or parsed.day is None:
        raise InvalidInput(f"{_quote(text.strip())} needs a day, such as {DAY_FORMS}.")
    return date(parsed.year, parsed.month, parsed.day)


def _era_on(day: date) -> _Era:
    return next(e for e in reversed(_ERAS) if e.start <= day)


def _era_year_text(era: _Era, year: int) -> str:
    number = year - era.start.year + 1
    return f"{era.kanji}{'元' if number == 1 else number}年"


def japanese_era_text(d: PartialDate) -> str:
    """The date as Japanese papers print it (``平成11年3月``), for translation sheets.

    A year that spans an era change is shown with both names (``昭和64年/平成元年``) rather
    than guessing which one the papers used.
    """
    if d.year < _ERAS[0].start.year:
        return d.iso()
    first, last = _era_on(d.earliest()), _era_on(d.latest())
    year_text = _era_year_text(first, d.year)
    if last is not first:
        year_text += "/" + _era_year_text(last, d.year)
    if d.month is None:
        return year_text
    if d.day is None:
        return f"{year_text}{d.month}月"
    return f"{year_text}{d.month}月{d.day}日"
