"""Costs: kinds, amounts, currencies and exchange rates read exactly; yen converted once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from keidesk.domain.costs import (
    CostKind,
    NewCost,
    margin_cents,
    margin_percent,
    parse_currency,
    parse_rate,
    usd_cents,
    usd_text,
)
from keidesk.domain.errors import InvalidInput
from keidesk.domain.money import Money

DAY = date(2026, 11, 2)


def new(**kw: str) -> NewCost:
    values: dict[str, str | None] = {"currency": None, "rate": None}
    values.update(kw)
    return NewCost.parse(
        kind=values.get("kind") or "ocean_freight",
        amount=values.get("amount") or "1450",
        currency=values["currency"],
        rate=values["rate"],
        paid_on=DAY,
    )


def test_kinds_by_name_or_label():
    assert CostKind.parse("ocean-freight") is CostKind.OCEAN_FREIGHT
    assert CostKind.parse("Port & storage") is CostKind.PORT_STORAGE
    assert CostKind.parse(" MPF ") is CostKind.MPF
    with pytest.raises(InvalidInput, match="not a kind of cost"):
        CostKind.parse("bribes")


def test_a_yen_cost_is_converted_at_its_rate_half_up_to_the_cent():
    cost = new(kind="auction_price", amount="¥350,000", rate="151.37")
    assert cost.amount == Money(350_000, "JPY")
    assert cost.rate == Decimal("151.37")
    assert cost.usd_cents == 231_222  # 2312.2151... dollars
    # exactly half a cent rounds up: ¥3 at 200 yen per dollar is 1.5 cents
    assert usd_cents(Money(3, "JPY"), Decimal(200)) == 2


def test_dollar_costs_and_the_currency_they_imply():
    assert new(amount="$1,250.50").amount == Money(125_050, "USD")
    assert new(amount="185000", currency="jpy", rate="150").amount == Money(185_000, "JPY")
    assert new(amount="185000 JPY", rate="150").amount.currency == "JPY"
    assert parse_currency("¥") == "JPY"
    assert parse_currency("usd") == "USD"


@pytest.mark.parametrize(
    ("kw", "words"),
    [
        ({"amount": "twelve"}, "not an amount"),
        ({"amount": "12.345"}, "more decimals"),
        ({"amount": "-5"}, "cannot be negative"),
        ({"amount": "0"}, "zero"),
        ({"currency": "EUR"}, "not a currency"),
        ({"kind": "lunch"}, "not a kind"),
        ({"amount": "¥1000"}, "needs the exchange rate"),
        ({"amount": "1000", "currency": "JPY", "rate": "-150"}, "cannot be negative"),
        ({"amount": "1000", "currency": "JPY", "rate": "0"}, "zero"),
        ({"amount": "1000", "currency": "JPY", "rate": "abc"}, "not an exchange rate"),
        ({"amount": "1000", "currency": "JPY", "rate": "nan"}, "not an exchange rate"),
        ({"amount": "1000", "currency": "JPY", "rate": "1.1234567"}, "decimals"),
        ({"amount": "1000", "rate": "150"}, "yen costs only"),
        ({"amount": "¥1000", "currency": "USD"}, "not in USD"),
    ],
)
def test_bad_input_is_refused_in_words(kw, words):
    with pytest.raises(InvalidInput, match=words):
        new(**kw)


def test_rates_are_exact_decimals():
    assert parse_rate("151.370") == Decimal("151.370")
    assert parse_rate("1,234") == Decimal(1234)
    assert str(parse_rate("150")) == "150"


@given(
    yen=st.integers(min_value=1, max_value=10**13),
    rate=st.decimals(min_value=Decimal("0.01"), max_value=Decimal(100_000), places=4),
)
def test_conversion_is_the_exact_quotient_rounded_once(yen, rate):
    cents = usd_cents(Money(yen, "JPY"), rate)
    exact = Decimal(yen) * 100 / rate  # hypothesis decimals; compare within half a cent
    assert abs(Decimal(cents) - exact) <= Decimal("0.5")


def test_margin_and_its_percentage():
    assert margin_cents(None, 500) is None
    assert margin_cents(1_000_00, 600_00) == 400_00
    assert margin_percent(1_000_00, 400_00) == Decimal("40.0")
    assert margin_percent(3_00, 1_00) == Decimal("33.3")
    assert margin_percent(0, 0) is None
    assert usd_text(-8_000) == "-$80.00"
    assert usd_text(123_456) == "$1,234.56"
