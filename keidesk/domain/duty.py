"""An estimate of duty and fees at entry (regulatory.md section 3).

Kei trucks are 25% trucks, not 2.5% cars (CBP rulings); a van with rear seats is a car. The
Section 232 auto duty adds 25% unless the truck was built at least 25 calendar years before the
year of entry. Fees change every fiscal year, so each schedule carries its dates and citation,
and an entry past the newest schedule says which figures were used instead of guessing.

Money is integer cents; arithmetic is Decimal with ROUND_HALF_UP to the cent, as on a 7501.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from keidesk.domain.dates import PartialDate
from keidesk.domain.eligibility import section232_exempt_from
from keidesk.domain.errors import InvalidInput
from keidesk.domain.messages import Message, msg
from keidesk.domain.money import Money

SECTION_232_RATE = Decimal("0.25")
SECTION_232_EFFECTIVE = date(2025, 4, 3)  # Proclamation 10908
INFORMAL_ENTRY_LIMIT_CENTS = 250_000  # $2,500


class BodyType(StrEnum):
    TRUCK = "truck"
    VAN = "van"  # kei van with rear passenger seats


@dataclass(frozen=True, slots=True)
class TariffLine:
    hts: str
    description: str
    rate: Decimal
    citation: str


TARIFF_LINES: dict[BodyType, TariffLine] = {
    BodyType.TRUCK: TariffLine(
        "8704.31.0120",
        "Motor vehicles for the transport of goods, spark-ignition, G.V.W. not over 2.5 t",
        Decimal("0.25"),
        "HTSUS 8704.31.0120; CBP NY N340640, N351601",
    ),
    BodyType.VAN: TariffLine(
        "8703.21.0150",
        "Motor cars for the transport of persons, spark-ignition, not over 1,000 cc, used",
        Decimal("0.025"),
        "HTSUS 8703.21.0150; CBP NY N340362",
    ),
}


@dataclass(frozen=True, slots=True)
class FeeSchedule:
    """One fiscal year's fee figures and the days they apply (``effective_to`` None: open)."""

    name: str
    effective_from: date
    rate: Decimal
    min_cents: int | None
    max_cents: int | None
    citation: str
    effective_to: date | None = None

    def applies_on(self, day: date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )


MPF_SCHEDULES: tuple[FeeSchedule, ...] = (
    FeeSchedule(
        "MPF FY2025",
        date(2024, 10, 1),
        Decimal("0.003464"),
        3271,
        63462,
        "19 CFR 24.23; FY2025 figures as given with CBP Dec. 25-10, 90 FR 34665",
        date(2025, 9, 30),
    ),
    FeeSchedule(
        "MPF FY2026",
        date(2025, 10, 1),
        Decimal("0.003464"),
        3358,
        65150,
        "19 CFR 24.23; CBP Dec. 25-10, 90 FR 34665",
        date(2026, 9, 30),
    ),
)

# The 0.125% rate dates from 1 January 1991 (not in regulatory.md; the date only orders
# schedules and is not shown as a fact).
HMF_SCHEDULE = FeeSchedule("HMF", date(1991, 1, 1), Decimal("0.00125"), None, None, "19 CFR 24.24")


@dataclass(frozen=True, slots=True)
class DutyEstimate:
    tariff: TariffLine
    customs_value_cents: int
    duty_cents: int
    section232_cents: int
    section232_note: str  # a Message, as are the notes: the GUI translates them
    mpf_cents: int
    mpf_schedule: FeeSchedule
    hmf_cents: int
    total_cents: int
    notes: tuple[str, ...]


def fiscal_year(day: date) -> int:
    """The US federal fiscal year (1 October to 30 September) a day falls in."""
    return day.year + 1 if day.month >= 10 else day.year


def _percent_of(cents: int, rate: Decimal) -> int:
    return int((Decimal(cents) * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def mpf_schedule_for(entry_date: date) -> tuple[FeeSchedule, Message | None]:
    """The MPF schedule for the entry date, and a note when it is an estimate.

    An entry in a fiscal year whose figures are not on file uses the nearest year on file and
    says so ("based on FY2026 rates; FY2027 rates are not on file") rather than presenting old
    figures as current.
    """
    ordered = sorted(MPF_SCHEDULES, key=lambda s: s.effective_from)
    for schedule in ordered:
        if schedule.applies_on(entry_date):
            return schedule, None
    earlier = [s for s in ordered if s.effective_from <= entry_date]
    used = earlier[-1] if earlier else ordered[0]
    return used, msg(
        "MPF estimate based on {schedule} rates; FY{year} rates are not on file.",
        schedule=used.name.removeprefix("MPF "),
        year=fiscal_year(entry_date),
    )


def _section232(
    dutiable_cents: int, built: PartialDate | None, entry_date: date
) -> tuple[int, Message, Message | None]:
    """Section 232 cents, the note shown beside them, and an extra general note if any."""
    if entry_date < SECTION_232_EFFECTIVE:
        return (
            0,
            msg(
                "No Section 232 duty: entry before {date}, when Proclamation 10908 took effect.",
                date=SECTION_232_EFFECTIVE.isoformat(),
            ),
            None,
        )
    extra = _percent_of(dutiable_cents, SECTION_232_RATE)
    if built is None:
        return (
            extra,
            msg(
                "Section 232 duty of 25% (HTSUS 9903.94.01) assumed: without the build year the "
                "9903.94.04 exception cannot be checked."
            ),
            msg(
                "Build date unknown: Section 232 duty assumed; enter the build date to check "
                "the exception."
            ),
        )
    exempt_from = section232_exempt_from(built)
    if entry_date >= exempt_from:
        return (
            0,
            msg(
                "No Section 232 duty: built {built}, entry in {entry} is at least "
                "25 calendar years later (HTSUS 9903.94.04).",
                built=built.year,
                entry=entry_date.year,
            ),
            None,
        )
    return (
        extra,
        msg(
            "Section 232 duty of 25% (HTSUS 9903.94.01): built {built}, entry in "
            "{entry} is under 25 calendar years; exempt for entries from "
            "{exempt_from} (9903.94.04).",
            built=built.year,
            entry=entry_date.year,
            exempt_from=exempt_from.isoformat(),
        ),
        None,
    )


def estimate_duty(
    *,
    body: BodyType,
    customs_value_cents: int,
    built: PartialDate | None,
    entry_date: date,
    by_vessel: bool = True,
) -> DutyEstimate:
    """Estimate duty, Section 232 duty, MPF and HMF for one truck at entry."""
    if customs_value_cents < 0:
        below = Money(-customs_value_cents, "USD")
        raise InvalidInput(
            msg("The customs value cannot be negative ({below} below zero).", below=str(below))
        )
    tariff = TARIFF_LINES[body]
    notes: list[str] = []

    duty = _percent_of(customs_value_cents, tariff.rate)
    s232, s232_note, s232_extra = _section232(customs_value_cents, built, entry_date)
    if s232_extra:
        notes.append(s232_extra)

    schedule, schedule_note = mpf_schedule_for(entry_date)
    if schedule_note:
        notes.append(schedule_note)
    mpf = _percent_of(customs_value_cents, schedule.rate)
    if schedule.min_cents is not None:
        mpf = max(mpf, schedule.min_cents)
    if schedule.max_cents is not None:
        mpf = min(mpf, schedule.max_cents)
    if customs_value_cents < INFORMAL_ENTRY_LIMIT_CENTS:
        notes.append(
            msg(
                "Value under $2,500: the entry may be informal, with a flat fee instead of this "
                "formal-entry MPF."
            )
        )

    hmf = _percent_of(customs_value_cents, HMF_SCHEDULE.rate) if by_vessel else 0
    return DutyEstimate(
        tariff=tariff,
        customs_value_cents=customs_value_cents,
        duty_cents=duty,
        section232_cents=s232,
        section232_note=s232_note,
        mpf_cents=mpf,
        mpf_schedule=schedule,
        hmf_cents=hmf,
        total_cents=duty + s232 + mpf + hmf,
        notes=tuple(notes),
    )
