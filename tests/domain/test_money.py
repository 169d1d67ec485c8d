from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from keidesk.domain.errors import InvalidInput
from keidesk.domain.money import DistanceUnit, Money, Odometer


@pytest.mark.parametrize(
    ("text", "currency", "minor"),
    [
        ("1,250,000", "JPY", 1250000),
        ("¥385000", "JPY", 385000),
        ("$3,400.50", "USD", 340050),
        ("3400", "USD", 340000),
        ("12.5 USD", "USD", 1250),
    ],
)
def test_money_parse(text, currency, minor):
    assert Money.parse(text, currency) == Money(minor, currency)


@pytest.mark.parametrize(
    ("text", "currency", "message"),
    [
        ("abc", "USD", "not an amount"),
        ("-5", "USD", "negative"),
        ("1.5", "JPY", "more decimals"),
        ("10", "EUR", "Unsupported currency"),
    ],
)
def test_money_parse_refuses(text, currency, message):
    with pytest.raises(InvalidInput, match=message):
        Money.parse(text, currency)


def test_odometer_shown_in_both_units():
    assert str(Odometer.parse("48200km")) == "48,200 km (29,950 mi)"
    assert str(Odometer.parse("30,000 miles")) == "30,000 mi (48,280 km)"
    with pytest.raises(InvalidInput, match="with its unit"):
        Odometer.parse("48200")
    with pytest.raises(InvalidInput, match="negative"):
        Odometer(-1, DistanceUnit.KM)


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["JPY", "USD"]))
def test_money_text_round_trip(minor, currency):
    money = Money(minor, currency)
    assert Money.parse(str(money), currency) == money
