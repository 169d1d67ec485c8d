"""When a truck may enter the US under the age-based exemptions (regulatory.md sections 1-3).

Three rules count age differently: NHTSA counts from the date of manufacture, so an imprecise
date must be read at its latest possible day (we only claim what is certainly true on the HS-7);
EPA and the Section 232 exception subtract calendar years. When the build date is unknown, the
Japanese first registration/inspection month stands in: it is always on or after manufacture, so
the answer is never too early.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from keidesk.domain.dates import PartialDate, Precision
from keidesk.domain.errors import InvalidInput
from keidesk.domain.messages import Message, msg

FMVSS_YEARS = 25
EPA_YEARS = 21
SECTION_232_YEARS = 25


class Basis(StrEnum):
    """Which date the ages were counted from."""

    MANUFACTURE = "manufacture"
    FIRST_REGISTRATION = "first_registration"


class RuleKey(StrEnum):
    FMVSS = "fmvss"
    EPA = "epa"
    SECTION_232 = "section232"


_TITLES = {
    RuleKey.FMVSS: "NHTSA 25-year exemption (FMVSS)",
    RuleKey.EPA: "EPA 21-year exemption (code E)",
    RuleKey.SECTION_232: "Section 232 tariff exception",
}
_CITATIONS = {
    RuleKey.FMVSS: "49 U.S.C. 30112(b)(9); 49 CFR 591.5(i) (HS-7 box 1)",
    RuleKey.EPA: "EPA Form 3520-1 code E; 40 CFR 85.1511(f)(2)",
    RuleKey.SECTION_232: "HTSUS 9903.94.04 (Proclamation 10908)",
}


@dataclass(frozen=True, slots=True)
class RuleResult:
    """One rule's verdict on a given day, with the sentence staff can read back to a customer."""

    rule: RuleKey
    title: str
    citation: str
    eligible_on: date
    eligible: bool
    days_remaining: int  # 0 when eligible
    explanation: str  # a Message: the GUI translates it


@dataclass(frozen=True, slots=True)
class Eligibility:
    """All three rules for one truck on one day."""

    basis: Basis
    basis_date: PartialDate
    on: date
    fmvss: RuleResult
    epa: RuleResult
    section232: RuleResult

    @property
    def results(self) -> tuple[RuleResult, RuleResult, RuleResult]:
        return (self.fmvss, self.epa, self.section232)


def fmvss_eligible_on(d: PartialDate) -> date:
    """The first day the truck is *certainly* 25 years old.

    Day known: the 25th anniversary (29 February -> 1 March). Month known: the first day of the
    month after the 25th-anniversary month, since it may have been built on the month's last
    day. Year only: 1 January of year + 26.
    """
    if d.precision is Precision.YEAR:
        return d.earliest() + relativedelta(years=FMVSS_YEARS + 1)
    if d.precision is Precision.MONTH:
        return d.earliest() + relativedelta(years=FMVSS_YEARS, months=1)
    anniversary = d.earliest() + relativedelta(years=FMVSS_YEARS)
    # relativedelta keeps a 29 February in February (the 28th); the truck is 25 on 1 March.
    return anniversary if anniversary.day == d.day else anniversary + timedelta(days=1)


def epa_eligible_on(d: PartialDate) -> date:
    """Import calendar year minus year of manufacture at least 21 (form 3520-1 code E)."""
    return date(d.year + EPA_YEARS, 1, 1)


def section232_exempt_from(d: PartialDate) -> date:
    """Entry calendar year minus year of manufacture at least 25 (HTSUS 9903.94.04)."""
    return date(d.year + SECTION_232_YEARS, 1, 1)


def _result(rule: RuleKey, eligible_on: date, on: date, explanation: Message) -> RuleResult:
    eligible = on >= eligible_on
    return RuleResult(
        rule=rule,
        title=_TITLES[rule],
        citation=_CITATIONS[rule],
        eligible_on=eligible_on,
        eligible=eligible,
        days_remaining=0 if eligible else (eligible_on - on).days,
        explanation=explanation,
    )


def _fmvss_reason(d: PartialDate) -> Message:
    if d.precision is Precision.DAY:
        if d.month == 2 and d.day == 29 and not calendar.isleap(d.year + FMVSS_YEARS):
            return msg("the 25th anniversary; 29 February falls on 1 March in a common year")
        return msg("the 25th anniversary")
    if d.precision is Precision.MONTH:
        return msg("first day of the month after the 25th anniversary month")
    return msg("month unknown, so 1 January of the year after the 25th anniversary year")


def assess_eligibility(
    built: PartialDate | None, first_registered: PartialDate | None, on: date
) -> Eligibility:
    """Assess the three rules on day ``on`` from the build date, else the first registration."""
    if built is None and first_registered is None:
        raise InvalidInput(
            msg(
                "Enter the build date or the first registration date (初度登録年月 / 初度検査年月 "
                "on the Japanese papers); the age rules need one of them."
            )
        )
    # Only refuse when the two dates certainly disagree: 1999 and 1999-03 are compatible.
    if (
        built is not None
        and first_registered is not None
        and first_registered.latest() < built.earliest()
    ):
        raise InvalidInput(
            msg(
                "First registration {first} is before the build date {built}; a truck "
                "is first registered on or after it is built. Check both dates.",
                first=str(first_registered),
                built=str(built),
            )
        )

    lead: Message
    if built is not None:
        basis, d, lead = Basis.MANUFACTURE, built, msg("Built {date}", date=str(built))
    else:
        assert first_registered is not None
        basis = Basis.FIRST_REGISTRATION
        d = first_registered
        lead = msg("First registered {date} (build date unknown)", date=str(first_registered))

    fmvss_on = fmvss_eligible_on(d)
    epa_on = epa_eligible_on(d)
    s232_on = section232_exempt_from(d)
    return Eligibility(
        basis=basis,
        basis_date=d,
        on=on,
        fmvss=_result(
            RuleKey.FMVSS,
            fmvss_on,
            on,
            msg(
                "{lead}: 25 years old from {date} ({reason}).",
                lead=lead,
                date=fmvss_on.isoformat(),
                reason=_fmvss_reason(d),
            ),
        ),
        epa=_result(
            RuleKey.EPA,
            epa_on,
            on,
            msg(
                "{lead}: 21 calendar years old for imports from {date} "
                "(import year minus {year} is at least 21).",
                lead=lead,
                date=epa_on.isoformat(),
                year=d.year,
            ),
        ),
        section232=_result(
            RuleKey.SECTION_232,
            s232_on,
            on,
            msg(
                "{lead}: no Section 232 duty for entries from {date} "
                "(entry year minus {year} is at least 25).",
                lead=lead,
                date=s232_on.isoformat(),
                year=d.year,
            ),
        ),
    )
