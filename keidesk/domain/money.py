"""Money and odometer readings: exact integers with their unit, never floats."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from keidesk.domain.errors import InvalidInput
from keidesk.domain.messages import msg

#: Digits after the decimal point, per ISO 4217, for the currencies the trade uses.
MINOR_DIGITS = {"JPY": 0, "USD": 2}

KM_PER_MILE = Decimal("1.609344")
#: The largest amount keidesk records, in minor units (¥10 trillion, $100 billion): far above
#: any truck, far below what SQLite's integers hold.
MAX_MINOR = 10**13
#: The largest odometer reading keidesk records (a dial has at most seven digits).
MAX_ODOMETER = 9_999_999


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in integer minor units (yen, cents) with its ISO currency code."""

    minor: int
    currency: str

    def __post_init__(self) -> None:
        if self.currency not in MINOR_DIGITS:
            raise InvalidInput(
                msg("Unsupported currency {currency!r}; use JPY or USD.", currency=self.currency)
            )

    @classmethod
    def parse(cls, text: str, currency: str) -> Money:
        """Read what staff type: ``"1,250,000"``, ``"¥1250000"``, ``"$3,400.50"``."""
        cleaned = text.strip().replace(",", "").replace("¥", "").replace("$", "").strip()
        for code in MINOR_DIGITS:
            cleaned = cleaned.removesuffix(code).removeprefix(code).strip()
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise InvalidInput(
                msg("{text!r} is not an amount of {currency}.", text=text, currency=currency)
            ) from None
        if not value.is_finite():
            raise InvalidInput(
                msg("{text!r} is not an amount of {currency}.", text=text, currency=currency)
            )
        if value.adjusted() > 15:
            raise InvalidInput(msg("{text!r} is more than keidesk records.", text=text))
        if value < 0:
            raise InvalidInput(msg("An amount cannot be negative ({text!r}).", text=text))
        digits = MINOR_DIGITS.get(currency)
        if digits is None:
            raise InvalidInput(
                msg("Unsupported currency {currency!r}; use JPY or USD.", currency=currency)
            )
        minor = value.scaleb(digits)
        if minor != minor.to_integral_value():
            raise InvalidInput(
                msg(
                    "{text!r} has more decimals than {currency} allows.",
                    text=text,
                    currency=currency,
                )
            )
        if minor > MAX_MINOR:
            raise InvalidInput(msg("{text!r} is more than keidesk records.", text=text))
        return cls(int(minor), currency)

    @property
    def major(self) -> Decimal:
        return Decimal(self.minor).scaleb(-MINOR_DIGITS[self.currency])

    def __str__(self) -> str:
        digits = MINOR_DIGITS[self.currency]
        symbol = {"JPY": "¥", "USD": "$"}[self.currency]
        return f"{symbol}{self.major:,.{digits}f}"


class DistanceUnit(StrEnum):
    KM = "km"
    MI = "mi"


@dataclass(frozen=True, slots=True)
class Odometer:
    """An odometer reading as shown on the dial, with the dial's unit."""

    value: int
    unit: DistanceUnit

    def __post_init__(self) -> None:
        if self.value < 0:
            raise InvalidInput(msg("An odometer reading cannot be negative."))

    @classmethod
    def parse(cls, text: str) -> Odometer:
        """Read ``"48,200 km"``, ``"30000mi"``, ``"12345 miles"`` (a unit is required)."""
        cleaned = text.strip().lower().replace(",", "").replace(" ", "")
        for suffix, unit in (
            ("miles", DistanceUnit.MI),
            ("mile", DistanceUnit.MI),
            ("mi", DistanceUnit.MI),
            ("km", DistanceUnit.KM),
        ):
            if cleaned.endswith(suffix):
                number = cleaned.removesuffix(suffix)
                if number.isascii() and number.isdigit():
                    if len(number) > 9 or int(number) > MAX_ODOMETER:
                        raise InvalidInput(
                            msg(
                                "{text!r} is more than an odometer shows (at most {most:,}).",
                                text=text,
                                most=MAX_ODOMETER,
                            )
                        )
                    return cls(int(number), unit)
                break
        raise InvalidInput(
            msg(
                "{text!r} is not an odometer reading; write it with its unit, like '48200 km'.",
                text=text,
            )
        )

    @property
    def kilometres(self) -> int:
        if self.unit is DistanceUnit.KM:
            return self.value
        return int((self.value * KM_PER_MILE).to_integral_value(ROUND_HALF_UP))

    @property
    def miles(self) -> int:
        if self.unit is DistanceUnit.MI:
            return self.value
        return int((self.value / KM_PER_MILE).to_integral_value(ROUND_HALF_UP))

    def __str__(self) -> str:
        if self.unit is DistanceUnit.KM:
            return f"{self.value:,} km ({self.miles:,} mi)"
        return f"{self.value:,} mi ({self.kilometres:,} km)"
