from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from keidesk.domain.dates import PartialDate
from keidesk.domain.duty import (
    HMF_SCHEDULE,
    MPF_SCHEDULES,
    TARIFF_LINES,
    BodyType,
    DutyEstimate,
    estimate_duty,
    fiscal_year,
    mpf_schedule_for,
)
from keidesk.domain.errors import InvalidInput

TODAY = date(2026, 11, 21)  # FY2027: its MPF figures are not on file
FY2025, FY2026 = MPF_SCHEDULES


def test_tariff_lines() -> None:
    truck, van = TARIFF_LINES[BodyType.TRUCK], TARIFF_LINES[BodyType.VAN]
    assert (truck.hts, truck.rate) == ("8704.31.0120", Decimal("0.25"))
    assert truck.citation == "HTSUS 8704.31.0120; CBP NY N340640, N351601"
    assert (van.hts, van.rate) == ("8703.21.0150", Decimal("0.025"))
    assert van.citation == "HTSUS 8703.21.0150; CBP NY N340362"


def test_fee_schedules() -> None:
    assert (FY2025.effective_from, FY2025.min_cents, FY2025.max_cents) == (
        date(2024, 10, 1),
        3271,
        63462,
    )
    assert (FY2026.effective_from, FY2026.min_cents, FY2026.max_cents) == (
        date(2025, 10, 1),
        3358,
        65150,
    )
    assert FY2026.rate == FY2025.rate == Decimal("0.003464")
    assert FY2026.citation == "19 CFR 24.23; CBP Dec. 25-10, 90 FR 34665"
    assert (HMF_SCHEDULE.rate, HMF_SCHEDULE.min_cents, HMF_SCHEDULE.max_cents) == (
        Decimal("0.00125"),
        None,
        None,
    )
    assert HMF_SCHEDULE.citation == "19 CFR 24.24"


@pytest.mark.parametrize(
    ("day", "year"),
    [(date(2025, 9, 30), 2025), (date(2025, 10, 1), 2026), (date(2026, 11, 21), 2027)],
)
def test_fiscal_year(day: date, year: int) -> None:
    assert fiscal_year(day) == year


def test_old_truck_today() -> None:
    estimate = estimate_duty(
        body=BodyType.TRUCK,
        customs_value_cents=300_000,
        built=PartialDate(1999, 3),
        entry_date=TODAY,
    )
    assert estimate.duty_cents == 75_000
    assert estimate.section232_cents == 0
    assert "9903.94.04" in estimate.section232_note
    assert estimate.mpf_schedule == FY2026
    assert estimate.mpf_cents == 3358  # 1039 is under the minimum
    assert estimate.hmf_cents == 375
    assert estimate.total_cents == 75_000 + 3358 + 375
    assert "MPF estimate based on FY2026 rates; FY2027 rates are not on file." in estimate.notes


def test_young_van_pays_section_232() -> None:
    estimate = estimate_duty(
        body=BodyType.VAN,
        customs_value_cents=500_000,
        built=PartialDate(2002, 5),
        entry_date=date(2026, 1, 15),
    )
    assert estimate.tariff.hts == "8703.21.0150"
    assert estimate.duty_cents == 12_500
    assert estimate.section232_cents == 125_000
    assert "9903.94.01" in estimate.section232_note
    assert "2027-01-01" in estimate.section232_note
    assert estimate.mpf_cents == 3358
    assert estimate.hmf_cents == 625
    assert estimate.total_cents == 12_500 + 125_000 + 3358 + 625
    assert estimate.notes == ()


def test_section_232_year_boundary() -> None:
    built = PartialDate(2001, 12, 31)
    before = estimate_duty(
        body=BodyType.TRUCK, customs_value_cents=400_000, built=built, entry_date=date(2025, 12, 31)
    )
    after = estimate_duty(
        body=BodyType.TRUCK, customs_value_cents=400_000, built=built, entry_date=date(2026, 1, 1)
    )
    assert before.section232_cents == 100_000
    assert after.section232_cents == 0


def test_section_232_not_before_proclamation() -> None:
    def at(day: date) -> DutyEstimate:
        return estimate_duty(
            body=BodyType.TRUCK,
            customs_value_cents=400_000,
            built=PartialDate(2005),
            entry_date=day,
        )

    before, on = at(date(2025, 4, 2)), at(date(2025, 4, 3))
    assert before.section232_cents == 0
    assert "2025-04-03" in before.section232_note
    assert on.section232_cents == 100_000
    assert before.mpf_schedule == FY2025


def test_unknown_build_date_assumes_section_232() -> None:
    estimate = estimate_duty(
        body=BodyType.TRUCK, customs_value_cents=400_000, built=None, entry_date=date(2026, 3, 1)
    )
    assert estimate.section232_cents == 100_000
    assert "assumed" in estimate.section232_note
    assert any("Build date unknown" in note for note in estimate.notes)


def test_mpf_maximum_and_middle() -> None:
    big = estimate_duty(
        body=BodyType.TRUCK,
        customs_value_cents=25_000_000,
        built=PartialDate(1990),
        entry_date=date(2026, 3, 1),
    )
    assert big.mpf_cents == 65_150  # 86,600 capped
    middle = estimate_duty(
        body=BodyType.TRUCK,
        customs_value_cents=1_500_050,
        built=PartialDate(1990),
        entry_date=date(2025, 3, 1),
    )
    assert middle.mpf_cents == 5196  # 5196.17
    assert middle.mpf_schedule == FY2025


def test_round_half_up_to_the_cent() -> None:
    estimate = estimate_duty(
        body=BodyType.TRUCK, customs_value_cents=400, built=PartialDate(1990), entry_date=TODAY
    )
    assert estimate.hmf_cents == 1  # 0.5 cent rounds up
    assert estimate.duty_cents == 100
    tiny = estimate_duty(
        body=BodyType.TRUCK, customs_value_cents=2, built=PartialDate(1990), entry_date=TODAY
    )
    assert tiny.duty_cents == 1  # 0.5 cent rounds up
    assert any("under $2,500" in note for note in tiny.notes)


def test_not_by_vessel_no_hmf() -> None:
    estimate = estimate_duty(
        body=BodyType.TRUCK,
        customs_value_cents=300_000,
        built=PartialDate(1990),
        entry_date=TODAY,
        by_vessel=False,
    )
    assert estimate.hmf_cents == 0
    assert estimate.total_cents == estimate.duty_cents + estimate.mpf_cents


def test_entry_before_first_schedule() -> None:
    schedule, note = mpf_schedule_for(date(2024, 6, 1))
    assert schedule == FY2025
    assert note == "MPF estimate based on FY2025 rates; FY2024 rates are not on file."
    assert mpf_schedule_for(date(2025, 9, 30)) == (FY2025, None)
    assert mpf_schedule_for(date(2025, 10, 1)) == (FY2026, None)
    assert mpf_schedule_for(date(2026, 9, 30)) == (FY2026, None)


def test_negative_value_is_refused() -> None:
    with pytest.raises(InvalidInput, match=r"customs value cannot be negative \(\$12.50"):
        estimate_duty(body=BodyType.TRUCK, customs_value_cents=-1250, built=None, entry_date=TODAY)


def test_zero_value_pays_the_minimum_fee() -> None:
    estimate = estimate_duty(
        body=BodyType.TRUCK, customs_value_cents=0, built=PartialDate(1990), entry_date=TODAY
    )
    assert (estimate.duty_cents, estimate.mpf_cents, estimate.hmf_cents) == (0, 3358, 0)


def test_mpf_fiscal_year_boundary_days() -> None:
    """The last day of FY2026 uses its figures as current; the first day of FY2027 is an
    estimate that says which rates it is based on."""
    last, note = mpf_schedule_for(date(2026, 9, 30))
    assert last.name == "MPF FY2026"
    assert last.effective_to == date(2026, 9, 30)
    assert note is None
    first, note = mpf_schedule_for(date(2026, 10, 1))
    assert first.name == "MPF FY2026"
    assert note == "MPF estimate based on FY2026 rates; FY2027 rates are not on file."
