from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from keidesk.domain.dates import PartialDate, Precision, parse_date
from keidesk.domain.errors import InvalidInput

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1999", PartialDate(1999)),
        ("1999-03", PartialDate(1999, 3)),
        ("1999-03-15", PartialDate(1999, 3, 15)),
        ("1999-3-5", PartialDate(1999, 3, 5)),
        ("1999/3", PartialDate(1999, 3)),
        ("1999/03/15", PartialDate(1999, 3, 15)),
        ("1999.03", PartialDate(1999, 3)),
        ("1999年3月", PartialDate(1999, 3)),
        ("1999年3月15日", PartialDate(1999, 3, 15)),
        ("平成11年3月", PartialDate(1999, 3)),
        ("平成11年3月15日", PartialDate(1999, 3, 15)),
        ("H11.3", PartialDate(1999, 3)),
        ("H11/03", PartialDate(1999, 3)),
        ("H11-3", PartialDate(1999, 3)),
        ("H11.3.15", PartialDate(1999, 3, 15)),
        ("h11.3", PartialDate(1999, 3)),
        ("令和元年5月", PartialDate(2019, 5)),
        ("R1.5", PartialDate(2019, 5)),
        ("昭和64年1月", PartialDate(1989, 1)),
        ("S63", PartialDate(1988)),
        ("平成11年", PartialDate(1999)),
        ("平成元年1月", PartialDate(1989, 1)),
        ("大正15年", PartialDate(1926)),
        # full-width digits and punctuation, the square era sign, surrounding spaces
        ("１９９９－０３", PartialDate(1999, 3)),
        ("平成１１年３月", PartialDate(1999, 3)),
        ("Ｈ１１．３", PartialDate(1999, 3)),
        ("㍻11年3月", PartialDate(1999, 3)),
        ("  1999-03\u3000", PartialDate(1999, 3)),
    ],
)
def test_accepted_forms(text: str, expected: PartialDate) -> None:
    result = parse_date(text)
    assert result == expected
    assert result.precision == expected.precision


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("昭和元年12月", 1926),  # Showa began 1926-12-25
        ("昭和64年1月", 1989),  # ended 1989-01-07
        ("平成元年1月", 1989),  # began 1989-01-08
        ("平成31年4月", 2019),  # ended 2019-04-30
        ("令和元年5月", 2019),  # began 2019-05-01
        ("大正元年7月", 1912),
        ("平成元年1月8日", 1989),
        ("昭和64年1月7日", 1989),
        ("平成31年4月30日", 2019),
        ("令和元年5月1日", 2019),
    ],
)
def test_era_boundaries_inside(text: str, year: int) -> None:
    assert parse_date(text).year == year


@pytest.mark.parametrize(
    "text",
    [
        "平成32年",  # Heisei has 31 years
        "昭和64年2月",
        "令和元年4月",
        "平成31年5月",
        "令和0年",
        "昭和元年11月",
        "昭和64年1月8日",
        "平成元年1月7日",
        "平成31年5月1日",
        "令和元年4月30日",
        "H0.3",
    ],
)
def test_dates_outside_their_era_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_date(text)
    assert f"'{text}'" in str(info.value)


def test_era_message_names_the_span() -> None:
    with pytest.raises(InvalidInput) as info:
        parse_date("平成32年")
    message = str(info.value)
    assert "Heisei" in message
    assert "1989-01-08 to 2019-04-30" in message
    assert "31" in message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2001-13", "Month 13 is not a month in '2001-13'."),
        ("2001-03-32", "Day 32 is not a day in '2001-03-32': March 2001 has 31 days."),
        ("2023-02-29", "Day 29 is not a day in '2023-02-29': February 2023 has 28 days."),
        ("0000", "Year 0 is not a year in '0000'."),
        ("1899-05", "Year 1899 is out of range in '1899-05': enter a year from 1900 to 2999."),
        ("平成11年13月", "Month 13 is not a month in '平成11年13月'."),
        ("2001-00", "Month 0 is not a month in '2001-00'."),
    ],
)
def test_impossible_parts_are_named(text: str, message: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_date(text)
    assert str(info.value) == message


def test_leap_day_is_accepted_in_a_leap_year() -> None:
    assert parse_date("2000-02-29") == PartialDate(2000, 2, 29)


@pytest.mark.parametrize("text", ["abc", "99", "1999-3/15", "1999 03", "March 1999", "H11.3/15"])
def test_unreadable_text_lists_the_accepted_forms(text: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_date(text)
    message = str(info.value)
    assert f"'{text}'" in message
    assert "1999-03" in message
    assert "平成11年3月" in message


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_empty_input_asks_for_a_date(text: str) -> None:
    with pytest.raises(InvalidInput, match=r"^Enter a date"):
        parse_date(text)


def test_future_dates_refused_for_manufacture() -> None:
    with pytest.raises(InvalidInput, match="is in the future"):
        parse_date("2026-12", today=TODAY, not_after_today=True)
    with pytest.raises(InvalidInput, match="is in the future"):
        parse_date("2027", today=TODAY, not_after_today=True)
    # could still be today or earlier: the month and year have begun
    assert parse_date("2026-11", today=TODAY, not_after_today=True) == PartialDate(2026, 11)
    assert parse_date("2026", today=TODAY, not_after_today=True) == PartialDate(2026)
    assert parse_date("2026-11-21", today=TODAY, not_after_today=True).day == 21
    # without the flag a future date is fine (an expected arrival, say)
    assert parse_date("2030-01", today=TODAY) == PartialDate(2030, 1)


def test_future_check_defaults_to_today() -> None:
    with pytest.raises(InvalidInput, match="is in the future"):
        parse_date("2999", not_after_today=True)


def test_long_input_is_shortened_in_messages() -> None:
    with pytest.raises(InvalidInput) as info:
        parse_date("x" * 500)
    assert len(str(info.value)) < 200


# PartialDate itself


def test_precision_iso_and_range() -> None:
    year, month, day = PartialDate(1999), PartialDate(1999, 3), PartialDate(1999, 3, 15)
    assert [d.precision for d in (year, month, day)] == [
        Precision.YEAR,
        Precision.MONTH,
        Precision.DAY,
    ]
    assert [d.iso() for d in (year, month, day)] == ["1999", "1999-03", "1999-03-15"]
    assert str(month) == "1999-03"
    assert (year.earliest(), year.latest()) == (date(1999, 1, 1), date(1999, 12, 31))
    assert (month.earliest(), month.latest()) == (date(1999, 3, 1), date(1999, 3, 31))
    assert (day.earliest(), day.latest()) == (date(1999, 3, 15), date(1999, 3, 15))
    assert PartialDate(2000, 2).latest() == date(2000, 2, 29)
    assert PartialDate(1999, 2).latest() == date(1999, 2, 28)


def test_ordering() -> None:
    dates = [
        PartialDate(1999, 3, 15),
        PartialDate(1999),
        PartialDate(1998, 12),
        PartialDate(1999, 3),
    ]
    assert sorted(dates) == [
        PartialDate(1998, 12),
        PartialDate(1999),
        PartialDate(1999, 3),
        PartialDate(1999, 3, 15),
    ]
    assert PartialDate(1999) < PartialDate(1999, 1)
    assert PartialDate(1999, 2) <= PartialDate(1999, 2)
    assert PartialDate(2000) > PartialDate(1999, 12, 31)
    assert PartialDate(2000) >= PartialDate(2000)
    assert PartialDate(1999).__lt__("1999") is NotImplemented


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ((1999, None, 5), "A day needs a month"),
        ((1999, 13), "Month 13"),
        ((2023, 2, 29), "Day 29"),
        ((0,), "Year 0"),
        ((1850,), "Year 1850"),
        ((3000,), "Year 3000"),
    ],
)
def test_partial_date_validates(args: tuple[int, ...], fragment: str) -> None:
    with pytest.raises(InvalidInput, match=fragment):
        PartialDate(*args)


@pytest.mark.parametrize("text", ["1999-3", "99", "1999/03", "1999-03-", " 1999", "1999-02-30"])
def test_from_iso_is_strict(text: str) -> None:
    with pytest.raises(InvalidInput):
        PartialDate.from_iso(text)


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
    precision = draw(st.sampled_from(Precision))
    if precision is Precision.YEAR:
        return PartialDate(day.year)
    if precision is Precision.MONTH:
        return PartialDate(day.year, day.month)
    return PartialDate(day.year, day.month, day.day)


@given(partial_dates())
def test_iso_round_trip(value: PartialDate) -> None:
    assert PartialDate.from_iso(value.iso()) == value
    assert parse_date(value.iso()) == value
    assert value.earliest() <= value.latest()


@given(st.text(max_size=30))
def test_parse_date_raises_only_invalid_input(text: str) -> None:
    with contextlib.suppress(InvalidInput):
        parse_date(text, today=TODAY, not_after_today=True)


@given(
    st.text(
        alphabet=st.sampled_from("0123456789０１２３-/.年月日元平成令和昭和大正HSRTh ．／－"),
        max_size=14,
    )
)
def test_parse_date_on_date_like_text(text: str) -> None:
    try:
        result = parse_date(text)
    except InvalidInput:
        return
    assert PartialDate.from_iso(result.iso()) == result
