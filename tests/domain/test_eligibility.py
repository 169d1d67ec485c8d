from __future__ import annotations

from datetime import date

import pytest

from keidesk.domain.dates import PartialDate
from keidesk.domain.eligibility import (
    Basis,
    RuleKey,
    assess_eligibility,
    epa_eligible_on,
    fmvss_eligible_on,
    section232_exempt_from,
)
from keidesk.domain.errors import InvalidInput

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    ("built", "expected"),
    [
        (PartialDate(1999, 3, 15), date(2024, 3, 15)),  # the 25th anniversary
        (PartialDate(2000, 2, 29), date(2025, 3, 1)),  # leap day -> 1 March
        (PartialDate(1996, 2, 29), date(2021, 3, 1)),
        (PartialDate(1999, 3), date(2024, 4, 1)),  # month after the anniversary month
        (PartialDate(2001, 12), date(2027, 1, 1)),  # December rolls into the next year
        (PartialDate(2001, 1), date(2026, 2, 1)),
        (PartialDate(1999), date(2025, 1, 1)),  # year only: 1 January of year + 26
        (PartialDate(2001), date(2027, 1, 1)),
    ],
)
def test_fmvss_eligible_on(built: PartialDate, expected: date) -> None:
    assert fmvss_eligible_on(built) == expected


def test_leap_day_always_moves_to_1_march() -> None:
    # a leap year plus 25 is odd, so never a leap year
    assert fmvss_eligible_on(PartialDate(1976, 2, 29)) == date(2001, 3, 1)
    assert fmvss_eligible_on(PartialDate(1904, 2, 29)) == date(1929, 3, 1)


@pytest.mark.parametrize(
    "built", [PartialDate(2005), PartialDate(2005, 12), PartialDate(2005, 1, 1)]
)
def test_epa_and_232_count_calendar_years(built: PartialDate) -> None:
    assert epa_eligible_on(built) == date(2026, 1, 1)
    assert section232_exempt_from(built) == date(2030, 1, 1)


def test_assess_month_known() -> None:
    result = assess_eligibility(PartialDate(1999, 3), None, TODAY)
    assert result.basis is Basis.MANUFACTURE
    assert result.basis_date == PartialDate(1999, 3)
    assert result.on == TODAY
    fmvss = result.fmvss
    assert fmvss.rule is RuleKey.FMVSS
    assert fmvss.eligible_on == date(2024, 4, 1)
    assert fmvss.eligible
    assert fmvss.days_remaining == 0
    assert fmvss.citation == "49 U.S.C. 30112(b)(9); 49 CFR 591.5(i) (HS-7 box 1)"
    assert fmvss.explanation == (
        "Built 1999-03: 25 years old from 2024-04-01 "
        "(first day of the month after the 25th anniversary month)."
    )
    assert result.epa.citation == "EPA Form 3520-1 code E; 40 CFR 85.1511(f)(2)"
    assert result.section232.citation == "HTSUS 9903.94.04 (Proclamation 10908)"
    assert [r.rule for r in result.results] == [RuleKey.FMVSS, RuleKey.EPA, RuleKey.SECTION_232]


def test_days_remaining_before_eligibility() -> None:
    result = assess_eligibility(PartialDate(2001, 12), None, TODAY)
    assert result.fmvss.eligible_on == date(2027, 1, 1)
    assert not result.fmvss.eligible
    assert result.fmvss.days_remaining == (date(2027, 1, 1) - TODAY).days == 41
    assert result.epa.eligible
    assert result.section232.eligible  # 2026 - 2001 = 25
    assert result.section232.days_remaining == 0


def test_eligible_exactly_on_the_day() -> None:
    on = date(2027, 1, 1)
    result = assess_eligibility(PartialDate(2001, 12), None, on)
    assert result.fmvss.eligible
    assert result.fmvss.days_remaining == 0
    day_before = assess_eligibility(PartialDate(2001, 12), None, date(2026, 12, 31))
    assert day_before.fmvss.days_remaining == 1


def test_232_and_epa_for_a_younger_truck() -> None:
    result = assess_eligibility(PartialDate(2002, 5), None, TODAY)
    assert not result.section232.eligible
    assert result.section232.eligible_on == date(2027, 1, 1)
    assert result.fmvss.eligible_on == date(2027, 6, 1)
    assert result.epa.eligible  # 2026 - 2002 = 24 >= 21
    assert "entry year minus 2002 is at least 25" in result.section232.explanation


def test_year_only_explanation() -> None:
    result = assess_eligibility(PartialDate(1999), None, TODAY)
    assert result.fmvss.eligible_on == date(2025, 1, 1)
    assert "month unknown" in result.fmvss.explanation


def test_leap_day_explanation() -> None:
    result = assess_eligibility(PartialDate(2000, 2, 29), None, TODAY)
    assert result.fmvss.eligible_on == date(2025, 3, 1)
    assert "1 March" in result.fmvss.explanation


def test_falls_back_to_first_registration() -> None:
    result = assess_eligibility(None, PartialDate(2001, 3), TODAY)
    assert result.basis is Basis.FIRST_REGISTRATION
    assert result.basis_date == PartialDate(2001, 3)
    assert result.fmvss.eligible_on == date(2026, 4, 1)
    assert result.fmvss.explanation.startswith("First registered 2001-03 (build date unknown)")


def test_build_date_wins_over_first_registration() -> None:
    result = assess_eligibility(PartialDate(1998, 12), PartialDate(1999, 1), TODAY)
    assert result.basis is Basis.MANUFACTURE
    assert result.fmvss.eligible_on == date(2024, 1, 1)


def test_needs_one_date() -> None:
    with pytest.raises(InvalidInput, match=r"^Enter the build date or the first registration date"):
        assess_eligibility(None, None, TODAY)


def test_first_registration_before_build_is_refused() -> None:
    with pytest.raises(InvalidInput) as info:
        assess_eligibility(PartialDate(1999, 4), PartialDate(1999, 3), TODAY)
    assert str(info.value) == (
        "First registration 1999-03 is before the build date 1999-04; a truck is first "
        "registered on or after it is built. Check both dates."
    )
    with pytest.raises(InvalidInput):
        assess_eligibility(PartialDate(2000), PartialDate(1999, 12, 31), TODAY)


@pytest.mark.parametrize(
    ("built", "registered"),
    [
        (PartialDate(1999), PartialDate(1999, 1)),  # could be the same month
        (PartialDate(1999, 3), PartialDate(1999)),
        (PartialDate(1999, 3, 15), PartialDate(1999, 3)),
        (PartialDate(1999, 3), PartialDate(1999, 3, 1)),
        (PartialDate(1999, 3, 15), PartialDate(1999, 3, 15)),
    ],
)
def test_ambiguous_order_is_accepted(built: PartialDate, registered: PartialDate) -> None:
    assert assess_eligibility(built, registered, TODAY).basis is Basis.MANUFACTURE
