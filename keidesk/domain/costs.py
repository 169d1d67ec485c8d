"""What a truck costs: the kinds of cost, reading amounts and exchange rates, converting yen.

Money stays exact: amounts are integer minor units (cents, yen) and exchange rates are
Decimals, never floats. A yen cost carries the rate used on the day it was paid, in yen per US
dollar (how banks and auction invoices quote it, e.g. ``151.37``); its US-dollar value is
``yen / rate`` rounded once, half up, to the cent (:func:`usd_cents`), and kept with the cost.
Totals are sums of those rounded cents, so a total always equals the sum of its lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from enum import StrEnum

from keidesk.domain.errors import InvalidInput
from keidesk.domain.money import MINOR_DIGITS, Money

#: The largest exchange rate accepted (yen per dollar): far above any rate ever quoted.
MAX_RATE = Decimal(100_000)
#: Decimal places kept of a rate (banks quote two to four).
RATE_PLACES = 6


class CostKind(StrEnum):
    """What a cost was for, in the order a truck incurs them."""

    AUCTION_PRICE = "auction_price"
    AUCTION_FEES = "auction_fees"
    INLAND_TRANSPORT = "inland_transport"
    OCEAN_FREIGHT = "ocean_freight"
    INSURANCE = "insurance"
    DUTY = "duty"
    MPF = "mpf"
    HMF = "hmf"
    CUSTOMS_BROKER = "customs_broker"
    PORT_STORAGE = "port_storage"
    REPAIRS = "repairs"
    REGISTRATION = "registration"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @classmethod
    def parse(cls, text: str) -> CostKind:
        """A kind by its name (``ocean_freight``, ``ocean-freight``) or its label."""
        key = "_".join(text.strip().lower().replace("-", " ").replace("&", " ").split())
        for kind in cls:
            label_key = "_".join(kind.label.lower().replace("&", " ").split())
            if key in (kind.value, label_key):
                return kind
        raise InvalidInput(
            f"{text!r} is not a kind of cost; kinds: {', '.join(k.value for k in cls)}."
        )


_LABELS = {
    CostKind.AUCTION_PRICE: "Auction price",
    CostKind.AUCTION_FEES: "Auction & export fees",
    CostKind.INLAND_TRANSPORT: "Inland transport (Japan)",
    CostKind.OCEAN_FREIGHT: "Ocean freight",
    CostKind.INSURANCE: "Insurance",
    CostKind.DUTY: "Duty",
    CostKind.MPF: "MPF",
    CostKind.HMF: "HMF",
    CostKind.CUSTOMS_BROKER: "Customs broker",
    CostKind.PORT_STORAGE: "Port & storage",
    CostKind.REPAIRS: "Repairs",
    CostKind.REGISTRATION: "Registration",
    CostKind.OTHER: "Other",
}

#: The kinds the "duty and fees" report adds up, in its column order.
DUTY_AND_FEES: tuple[CostKind, ...] = (
    CostKind.DUTY,
    CostKind.MPF,
    CostKind.HMF,
    CostKind.CUSTOMS_BROKER,
    CostKind.PORT_STORAGE,
)
#: The kinds the duty estimate fills in when it is taken over as costs.
ESTIMATED_KINDS: tuple[CostKind, ...] = (CostKind.DUTY, CostKind.MPF, CostKind.HMF)


def parse_currency(text: str) -> str:
    """``USD``/``usd``/``$`` or ``JPY``/``yen``/``¥``; anything else is refused."""
    key = text.strip().upper()
    key = {"$": "USD", "US$": "USD", "¥": "JPY", "YEN": "JPY", "円": "JPY"}.get(key, key)
    if key not in MINOR_DIGITS:
        raise InvalidInput(f"{text!r} is not a currency keidesk records; use USD or JPY.")
    return key


def parse_rate(text: str) -> Decimal:
    """An exchange rate in yen per US dollar (``151.37``), positive, at most six decimals."""
    cleaned = text.strip().replace(",", "")
    for unit in ("JPY/USD", "¥/$", "YEN"):
        cleaned = cleaned.upper().removesuffix(unit).strip()
    try:
        rate = Decimal(cleaned)
    except InvalidOperation:
        raise InvalidInput(
            f"{text!r} is not an exchange rate; write the yen per US dollar, like 151.37."
        ) from None
    if not rate.is_finite():
        raise InvalidInput(f"{text!r} is not an exchange rate.")
    if rate < 0:
        raise InvalidInput(f"An exchange rate cannot be negative ({text!r}).")
    if rate == 0:
        raise InvalidInput("An exchange rate of zero converts nothing; give the yen per dollar.")
    if rate > MAX_RATE:
        raise InvalidInput(f"{text!r} yen per dollar is more than any rate ever quoted.")
    if rate != rate.quantize(Decimal(1).scaleb(-RATE_PLACES)):
        raise InvalidInput(f"{text!r} has more than {RATE_PLACES} decimals.")
    return rate


def rate_text(rate: Decimal) -> str:
    """A rate as stored and shown: plain digits, no exponent (``150``, ``151.37``)."""
    return format(rate, "f")


def usd_cents(amount: Money, rate: Decimal | None) -> int:
    """The amount in US cents: as it is for dollars; yen divided by the rate (yen per dollar),
    rounded half up to the cent."""
    if amount.currency == "USD":
        return amount.minor
    if rate is None or rate <= 0:
        raise InvalidInput("A yen cost needs the exchange rate used on the day it was paid.")
    with localcontext() as context:
        context.prec = 50  # exact for any amount keidesk records; rounded once, below
        cents = Decimal(amount.minor) * 100 / rate
        return int(cents.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True, slots=True)
class NewCost:
    """A cost as entered, checked: what it was for, how much, the rate for yen, when paid."""

    kind: CostKind
    amount: Money
    rate: Decimal | None
    paid_on: date
    note: str = ""

    @property
    def usd_cents(self) -> int:
        return usd_cents(self.amount, self.rate)

    @classmethod
    def parse(
        cls,
        *,
        kind: str,
        amount: str,
        currency: str | None,
        rate: str | None,
        paid_on: date,
        note: str = "",
    ) -> NewCost:
        """Read a cost as staff type it. Without a currency, ``¥``/``JPY`` in the amount means
        yen, else dollars. A yen cost needs its rate; a dollar cost takes none."""
        cost_kind = CostKind.parse(kind)
        code = parse_currency(currency) if currency and currency.strip() else None
        implied = "JPY" if any(mark in amount.upper() for mark in ("¥", "JPY", "円")) else None
        implied = implied or ("USD" if "$" in amount or "USD" in amount.upper() else None)
        if code and implied and code != implied:
            raise InvalidInput(f"The amount {amount!r} is not in {code}.")
        code = code or implied or "USD"
        money = Money.parse(amount.replace("円", ""), code)
        parsed_rate = parse_rate(rate) if rate and rate.strip() else None
        return cls.checked(cost_kind, money, parsed_rate, paid_on, note)

    @classmethod
    def checked(
        cls, kind: CostKind, amount: Money, rate: Decimal | None, paid_on: date, note: str = ""
    ) -> NewCost:
        """A cost from read parts, checked as one: not zero, a rate for yen and only for yen,
        a note of at most 2,000 characters (what :meth:`parse` and a case bundle both use)."""
        if amount.minor == 0:
            raise InvalidInput("A cost of zero is not recorded; enter the amount paid.")
        if amount.currency == "JPY" and rate is None:
            raise InvalidInput(
                f"A yen cost needs the exchange rate used on the day it was paid "
                f"(yen per US dollar, e.g. 151.37) for {amount}."
            )
        if amount.currency == "USD" and rate is not None:
            raise InvalidInput("An exchange rate applies to yen costs only; this one is in USD.")
        text = note.strip()
        if len(text) > 2_000:
            raise InvalidInput("A cost's note is limited to 2,000 characters.")
        return cls(kind, amount, rate, paid_on, text)


def usd_text(cents: int) -> str:
    """US cents as dollars, signed: ``$1,234.56``, ``-$80.00``."""
    sign = "-" if cents < 0 else ""
    return sign + str(Money(abs(cents), "USD"))


def margin_cents(sale_cents: int | None, landed_cents: int) -> int | None:
    """What the truck earned: its sale price less what it cost landed (None: not sold)."""
    return None if sale_cents is None else sale_cents - landed_cents


def margin_percent(sale_cents: int | None, margin: int | None) -> Decimal | None:
    """The margin as a percentage of the sale price, to one decimal (half up)."""
    if sale_cents is None or margin is None or sale_cents <= 0:
        return None
    return (Decimal(margin) * 100 / Decimal(sale_cents)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
