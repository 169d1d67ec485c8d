"""Whether a truck's size and engine fit the Japanese kei class of its build date.

Several state rules and buyers ask whether a truck is a genuine kei vehicle. The limits changed
in 1976, 1990 and 1998, so a check has to use the limits in force when the truck was built. This
is information for staff, never a refusal: unknown values are reported as unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from keidesk.domain.dates import PartialDate
from keidesk.domain.errors import InvalidInput
from keidesk.domain.messages import Message, listed, msg, word

#: The regulation the limits rest on, as printed for customers and clerks.
SOURCE = msg(
    "Japan's Road Transport Vehicle Act (道路運送車両法) enforcement regulations "
    "(kei vehicle limits of 1976, 1990 and 1998)"
)
#: For staff: where keidesk's figures come from and how sure they are.
RESEARCH_NOTE = (
    "Limits from secondary sources consistent with each other (regulatory reference 5.2, "
    "confidence S); one source giving 1975/1989/1996 was treated as erroneous."
)


@dataclass(frozen=True, slots=True)
class KeiEra:
    """One set of kei limits and the day it took effect."""

    name: str
    effective_from: date
    max_length_mm: int
    max_width_mm: int
    max_height_mm: int
    max_engine_cc: int

    @property
    def limits_text(self) -> str:
        return (
            f"L {self.max_length_mm} × W {self.max_width_mm} × H {self.max_height_mm} mm, "
            f"{self.max_engine_cc} cc"
        )


KEI_ERAS: tuple[KeiEra, ...] = (
    KeiEra("1976 kei standard", date(1976, 1, 1), 3200, 1400, 2000, 550),
    KeiEra("1990 kei standard", date(1990, 1, 1), 3300, 1400, 2000, 660),
    KeiEra("1998 kei standard (新規格)", date(1998, 10, 1), 3400, 1480, 2000, 660),
)


@dataclass(frozen=True, slots=True)
class KeiCheckItem:
    label: str
    value: int | None
    limit: int
    unit: str
    ok: bool | None  # None = value unknown


@dataclass(frozen=True, slots=True)
class KeiClassCheck:
    era: KeiEra | None
    items: tuple[KeiCheckItem, ...]
    within_limits: bool | None  # None: an era or a value is unknown and nothing is over
    summary: str  # a Message: the GUI translates it
    source: str


def _era_at(day: date) -> KeiEra | None:
    current = None
    for era in KEI_ERAS:
        if era.effective_from <= day:
            current = era
    return current


def kei_era_for(built: PartialDate) -> KeiEra | None:
    """The limits in force at the build date; for an imprecise date, those of its first day.

    The first day gives the older, smaller limits: the cautious reading when a date such as
    "1998" straddles a change.
    """
    return _era_at(built.earliest())


def check_kei_class(
    built: PartialDate | None,
    *,
    engine_cc: int | None,
    length_mm: int | None,
    width_mm: int | None,
    height_mm: int | None,
) -> KeiClassCheck:
    """Compare engine and dimensions with the kei limits of the build date."""
    named = (
        ("Engine", engine_cc, "cc"),
        ("Length", length_mm, "mm"),
        ("Width", width_mm, "mm"),
        ("Height", height_mm, "mm"),
    )
    for label, value, unit in named:
        if value is not None and value <= 0:
            raise InvalidInput(
                msg(
                    "{label} must be a positive number of {unit}, not {value}.",
                    label=word(label),
                    unit=unit,
                    value=value,
                )
            )

    if built is None:
        return KeiClassCheck(
            None,
            (),
            None,
            msg("Build date unknown: cannot tell which kei limits applied."),
            SOURCE,
        )
    era = kei_era_for(built)
    if era is None:
        return KeiClassCheck(
            None,
            (),
            None,
            msg("Built {built}: kei limits before 1976 are not on file.", built=str(built)),
            SOURCE,
        )

    limits = (era.max_engine_cc, era.max_length_mm, era.max_width_mm, era.max_height_mm)
    items = tuple(
        KeiCheckItem(label, value, limit, unit, None if value is None else value <= limit)
        for (label, value, unit), limit in zip(named, limits, strict=True)
    )
    over = [i for i in items if i.ok is False]
    unknown = [i.label.lower() for i in items if i.ok is None]
    summary: Message
    if over:
        within: bool | None = False
        details = listed(
            msg(
                "{item} {value} {unit} > {limit} {unit}",
                item=word(i.label.lower()),
                value=i.value,
                unit=i.unit,
                limit=i.limit,
            )
            for i in over
        )
        summary = msg(
            "Over the {era} limits: {details}.",
            era=word(era.name),
            details=details,
        )
    elif len(unknown) == len(items):
        within = None
        summary = msg(
            "No engine size or dimensions entered; the {era} limits are {limits}.",
            era=word(era.name),
            limits=era.limits_text,
        )
    elif unknown:
        within = None
        summary = msg(
            "Not known: {unknown}. The values given are within the {era} limits ({limits}).",
            unknown=listed(unknown, ", "),
            era=word(era.name),
            limits=era.limits_text,
        )
    else:
        within = True
        summary = msg(
            "Within the {era} limits ({limits}).", era=word(era.name), limits=era.limits_text
        )

    later = _era_at(built.latest())
    if later is not None and later != era:
        summary = msg(
            "{summary} Built {built} straddles the change to the {later} on "
            "{date}; the older, smaller limits are used.",
            summary=summary,
            built=str(built),
            later=word(later.name),
            date=later.effective_from.isoformat(),
        )
    return KeiClassCheck(era, items, within, summary, SOURCE)
