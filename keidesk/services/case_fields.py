"""Every field of a case, declared once: its name, where it is stored, how it is read from text
and shown as text, its label and hint, and where else it appears (import, export, bundle,
the workspace's tabs).

The case service checks and stores edits from it, the importer guesses columns from its
aliases, the exporter and the bundle take their columns from it, the CLI's ``case set`` and the
workspace form list its fields. Adding a field to :data:`FIELDS` is all a new field needs
(besides its column in the schema, and in :class:`~keidesk.services.views.CaseDetail`).

The GUI keeps what is typed as text until the user saves; then :func:`parse_changes` turns it
into the typed values :func:`keidesk.services.cases.update_case` takes, refusing with a plain
message that names the field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from keidesk.domain.dates import PartialDate, parse_date, parse_day
from keidesk.domain.duty import BodyType
from keidesk.domain.errors import InvalidInput
from keidesk.domain.messages import message_of, msg, word
from keidesk.domain.money import (
    MAX_MINOR,
    MAX_ODOMETER,
    MINOR_DIGITS,
    DistanceUnit,
    Money,
    Odometer,
)
from keidesk.services.views import CaseDetail
from keidesk.storage.models import Case


class Owner(StrEnum):
    """The row a field is stored on."""

    VEHICLE = "vehicle"
    CUSTOMER = "customer"
    CASE = "case"


class Tab(StrEnum):
    """The workspace tab a field is edited on."""

    VEHICLE = "vehicle"
    CUSTOMER = "customer"
    SHIPPING = "shipping"


class Feedback(StrEnum):
    """What the form shows under a field while it is typed."""

    CHASSIS = "chassis"  # the decoded chassis number
    DATE = "date"  # the date as read
    READING = "reading"  # the value in full (km with miles)
    AMOUNT = "amount"  # the amount as money, when it reads differently from what was typed
    STATE = "state"  # the state's registration path


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of value: how it is read from text, shown as text, checked when a caller hands
    it to the case service, and read back from a bundle's JSON."""

    read: Callable[[str, str], Any]  # (stripped non-empty text, label) -> value
    show: Callable[[Any], str]  # a value (never None) as an editor box shows it
    accepts: Callable[[Any], bool]  # whether a typed value (never None) is of this kind
    json: Callable[[Any], Any]  # a bundle's JSON value back to the stored value
    expected: str  # what a value of this kind is, for refusals
    empty: Any = None  # what empty text stands for


def _date(text: str, label: str) -> date:
    """A date to the day, in any form the date parser reads (ISO, US 12/20/2026, eras)."""
    try:
        return parse_day(text)
    except InvalidInput as exc:
        raise InvalidInput(
            msg("{label}: {error}", label=word(label), error=message_of(exc))
        ) from None


def _whole(text: str, label: str) -> int:
    try:
        return int(text.replace(",", ""))
    except ValueError:
        raise InvalidInput(
            msg("{label}: {text!r} is not a whole number.", label=word(label), text=text)
        ) from None


def _body(text: str, label: str) -> BodyType:
    try:
        return BodyType(text.lower())
    except ValueError:
        raise InvalidInput(
            msg("{label}: {text!r} is not valid; use truck or van.", label=word(label), text=text)
        ) from None


# --- values from a bundle's JSON: nothing is converted, a value of another type is refused ---


def json_whole(low: int, high: int) -> Callable[[Any], int]:
    """A JSON whole number from ``low`` to ``high`` (not a boolean, not a float)."""

    def read(value: Any) -> int:
        if type(value) is not int or not low <= value <= high:
            raise InvalidInput(
                f"{_shown_json(value)} is not a whole number from {low:,} to {high:,}"
            )
        return value

    return read


def json_text(value: Any) -> str:
    """A JSON string that is real text (no lone surrogate, which no file or database holds)."""
    if not isinstance(value, str):
        raise InvalidInput(f"{_shown_json(value)} is not text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput("the text is not valid Unicode (a lone surrogate)") from None
    return value


def json_currency(value: Any) -> str:
    if not isinstance(value, str) or value not in MINOR_DIGITS:
        raise InvalidInput(f"{_shown_json(value)} is not a currency ({', '.join(MINOR_DIGITS)})")
    return value


def json_day(value: Any) -> date:
    try:
        return date.fromisoformat(json_text(value))
    except ValueError:
        raise InvalidInput(f"{_shown_json(value)} is not a date (YYYY-MM-DD)") from None


def _json_partial_date(value: Any) -> PartialDate:
    return PartialDate.from_iso(json_text(value))


def _json_enum(kind: type[StrEnum]) -> Callable[[Any], Any]:
    def read(value: Any) -> Any:
        try:
            return kind(json_text(value))
        except ValueError:
            choices = ", ".join(member.value for member in kind)
            raise InvalidInput(f"{_shown_json(value)} is not one of {choices}") from None

    return read


def _shown_json(value: Any) -> str:
    """A JSON value quoted for a refusal, kept short."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


json_amount = json_whole(0, MAX_MINOR)


def _money(currency: str) -> Kind:
    return Kind(
        read=lambda text, _label: Money.parse(text, currency),
        show=str,
        accepts=lambda v: (
            isinstance(v, Money) and v.currency == currency and 0 <= v.minor <= MAX_MINOR
        ),
        json=json_amount,
        expected={"JPY": "an amount in yen (JPY)", "USD": "an amount in US dollars"}[currency],
    )


TEXT = Kind(lambda t, _: t, str, lambda v: isinstance(v, str), json_text, "text")
NOTES = Kind(lambda t, _: t, str, lambda v: isinstance(v, str), json_text, "text", empty="")
WHOLE = Kind(
    _whole,
    str,
    lambda v: type(v) is int and 0 < v < 100_000,
    json_whole(1, 99_999),
    "a whole number from 1 to 99,999",
)
#: A body is never unknown: cleared, it is the kei truck's own (the column's default).
BODY = Kind(
    _body,
    lambda v: str(v.value),
    lambda v: isinstance(v, BodyType),
    _json_enum(BodyType),
    "a body",
    empty=BodyType.TRUCK,
)
PARTIAL_DATE = Kind(
    lambda t, _: parse_date(t),
    str,
    lambda v: isinstance(v, PartialDate),
    _json_partial_date,
    "a date",
)
DAY = Kind(_date, lambda v: v.isoformat(), lambda v: isinstance(v, date), json_day, "a day")
ODOMETER = Kind(
    lambda t, _: Odometer.parse(t),
    lambda v: f"{v.value:,} {v.unit.value}",
    lambda v: isinstance(v, Odometer) and 0 <= v.value <= MAX_ODOMETER,
    json_whole(0, MAX_ODOMETER),
    "an odometer reading",
)
YEN = _money("JPY")
DOLLARS = _money("USD")


@dataclass(frozen=True, slots=True)
class Column:
    """One stored column as a bundle carries it: the JSON key and the owner's attribute."""

    key: str
    attr: str
    json: Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class Importable:
    """How the spreadsheet import knows a field: its key (``--map COLUMN=KEY``, remembered
    mappings), its label, and header words that point at it. ``listed`` orders the import's
    field list; ``tried`` orders the guessing (a narrower field before a broader one:
    "customer phone" is the phone, not the customer)."""

    key: str
    label: str
    aliases: tuple[str, ...]
    listed: int
    tried: int


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str  # the key update_case and ``case set`` take
    label: str
    kind: Kind
    owner: Owner | None  # None: worked out, not stored (only shown or exported)
    attr: str  # the owner's attribute (a value-object property for money and odometer)
    hint: str = ""  # shown as placeholder text
    tab: Tab | None = None  # None: not on the form, and not editable
    multi_line: bool = False
    feedback: Feedback | None = None
    imported: Importable | None = None
    export_header: str | None = None  # its column in a list export, read from CaseSummary
    summary: str = ""  # the CaseSummary attribute exported (default: the name)
    bundle: tuple[Column, ...] | None = None  # None: the one column under the field's name

    @property
    def editable(self) -> bool:
        return self.tab is not None

    @property
    def exported(self) -> bool:
        return self.export_header is not None

    @property
    def bundled(self) -> tuple[Column, ...]:
        """The columns a bundle carries for this field (none for a field that is not stored)."""
        if self.bundle is not None:
            return self.bundle
        if not self.editable:
            return ()
        return (Column(self.name, self.attr, self.kind.json),)

    def read(self, text: str, *, called: str | None = None) -> Any:
        """Typed value of ``text``. A refusal names the field as the user knows it: by its
        label in a form, ``called`` where it was typed by name (``case set eta=...``)."""
        stripped = text.strip()
        if not stripped:
            return self.kind.empty
        name = called or self.label
        try:
            return self.kind.read(stripped, name)
        except InvalidInput as exc:
            message = message_of(exc)
            if message.startswith(name):
                raise InvalidInput(message) from None
            raise InvalidInput(
                msg("{label}: {problem}", label=word(name), problem=message)
            ) from None

    def show(self, value: Any) -> str:
        return "" if value is None else self.kind.show(value)

    def checked(self, value: Any) -> Any:
        """A typed value a caller hands to the case service, refused if it is not of the
        field's kind; text is stripped, and empty text is no value."""
        if value is None:
            return self.kind.empty
        if not self.kind.accepts(value):
            raise InvalidInput(f"{self.label}: {value!r} is not {self.kind.expected}.")
        if isinstance(value, str):
            return value.strip() or self.kind.empty
        return value


def _vehicle(name: str, label: str, kind: Kind = TEXT, **more: Any) -> FieldSpec:
    return FieldSpec(
        name, label, kind, Owner.VEHICLE, more.pop("attr", name), tab=Tab.VEHICLE, **more
    )


def _customer(name: str, label: str, **more: Any) -> FieldSpec:
    attr = name.removeprefix("customer_")
    return FieldSpec(name, label, TEXT, Owner.CUSTOMER, attr, tab=Tab.CUSTOMER, **more)


def _case(name: str, label: str, kind: Kind = TEXT, **more: Any) -> FieldSpec:
    return FieldSpec(name, label, kind, Owner.CASE, name, tab=more.pop("tab", Tab.SHIPPING), **more)


def _shown(name: str, header: str, owner: Owner | None = None, kind: Kind = TEXT) -> FieldSpec:
    """A worked-out column of the case list: exported, never edited."""
    return FieldSpec(name, header, kind, owner, name, export_header=header)


#: The fields in form order (the workspace lays its tabs out from this) and in the order a
#: bundle applies them (the chassis first, the customer's name before the customer's details).
FIELDS: Mapping[str, FieldSpec] = {
    spec.name: spec
    for spec in (
        _shown("number", "Case", Owner.CASE),
        _vehicle(
            "chassis",
            "Chassis number",
            attr="chassis_number",
            hint="e.g. DA52T-123456",
            feedback=Feedback.CHASSIS,
            export_header="Chassis No.",
            imported=Importable(
                "chassis",
                "Chassis number",
                ("chassis", "frame", "vin", "車台番号", "車台", "serial"),
                listed=0,
                tried=0,
            ),
        ),
        _vehicle("make", "Make", export_header="Make"),
        _vehicle("model", "Model", export_header="Model"),
        _vehicle("body_type", "Body", BODY, hint="truck or van"),
        _vehicle(
            "built",
            "Built",
            PARTIAL_DATE,
            hint="1999-03, H11.3, 平成11年3月",
            feedback=Feedback.DATE,
            export_header="Built",
            imported=Importable(
                "built",
                "Built (date of manufacture)",
                ("built", "build", "year", "manufacture", "mfg", "production", "製造", "年式"),
                listed=1,
                tried=2,
            ),
        ),
        _vehicle(
            "first_registered",
            "First registered",
            PARTIAL_DATE,
            hint="初度登録年月",
            feedback=Feedback.DATE,
            imported=Importable(
                "first_registered",
                "First registered",
                ("first reg", "first registration", "registered", "初度登録", "初度検査", "初年度"),
                listed=2,
                tried=1,
            ),
        ),
        _shown("fmvss_eligible_on", "FMVSS eligible", Owner.VEHICLE, DAY),
        _vehicle("engine", "Engine", hint="e.g. F6A"),
        _vehicle("engine_cc", "Engine cc", WHOLE, hint="e.g. 657"),
        _vehicle("drive", "Drive", hint="2WD or 4WD"),
        _vehicle(
            "colour",
            "Color",
            imported=Importable("colour", "Color", ("colour", "color", "色"), 12, 12),
        ),
        _vehicle("length_mm", "Length mm", WHOLE),
        _vehicle("width_mm", "Width mm", WHOLE),
        _vehicle("height_mm", "Height mm", WHOLE),
        _vehicle(
            "odometer",
            "Odometer",
            ODOMETER,
            hint="48,200 km or 30,000 mi",
            feedback=Feedback.READING,
            bundle=(
                Column("odometer_value", "odometer_value", json_whole(0, MAX_ODOMETER)),
                Column("odometer_unit", "odometer_unit", _json_enum(DistanceUnit)),
            ),
            imported=Importable(
                "odometer",
                "Odometer",
                ("odometer", "mileage", "odo", "km", "miles", "走行"),
                listed=11,
                tried=11,
            ),
        ),
        _vehicle(
            "purchase_price",
            "Purchase price (JPY)",
            YEN,
            hint="¥450,000",
            feedback=Feedback.AMOUNT,
            bundle=(
                Column("purchase_price_minor", "purchase_price_minor", json_amount),
                Column("purchase_currency", "purchase_currency", json_currency),
            ),
            imported=Importable(
                "purchase_price",
                "Purchase price (JPY)",
                ("price", "cost", "jpy", "yen", "auction", "価格", "金額"),
                listed=10,
                tried=10,
            ),
        ),
        _customer(
            "customer_name",
            "Customer",
            export_header="Customer",
            summary="customer",
            imported=Importable(
                "customer",
                "Customer",
                ("customer", "buyer", "client", "purchaser", "^name", "^owner", "顧客", "お客様"),
                listed=3,
                tried=5,
            ),
        ),
        _customer(
            "customer_phone",
            "Phone",
            imported=Importable(
                "customer_phone", "Customer phone", ("phone", "tel", "mobile", "電話"), 4, 3
            ),
        ),
        _customer(
            "customer_email",
            "Email",
            imported=Importable(
                "customer_email", "Customer e-mail", ("email", "e mail", "mail"), 5, 4
            ),
        ),
        _customer("customer_address", "Address", multi_line=True),
        _case(
            "destination_state",
            "Destination state",
            tab=Tab.CUSTOMER,
            hint="TX",
            feedback=Feedback.STATE,
            export_header="State",
            summary="state",
            imported=Importable(
                "state", "Destination state", ("state", "destination", "dest", "州"), 6, 6
            ),
        ),
        _shown("stage", "Stage", Owner.CASE),
        _shown("blocked", "Blocked"),
        _case(
            "vessel",
            "Vessel",
            imported=Importable("vessel", "Vessel", ("vessel", "ship", "boat", "船名"), 9, 9),
        ),
        _case("bill_of_lading", "Bill of lading"),
        _case("port_of_loading", "Port of loading"),
        _case("port_of_entry", "Port of entry"),
        _case(
            "etd",
            "ETD",
            DAY,
            hint="e.g. 2026-12-20 or 12/20/2026",
            imported=Importable("etd", "ETD", ("etd", "departure", "sails", "出港"), 8, 8),
        ),
        _case(
            "eta",
            "ETA",
            DAY,
            hint="e.g. 2026-12-20 or 12/20/2026",
            export_header="ETA",
            imported=Importable("eta", "ETA", ("eta", "arrival", "arrives", "到着"), 7, 7),
        ),
        _case("entry_number", "Entry number"),
        _case("release_date", "Release date", DAY, hint="e.g. 2026-12-20 or 12/20/2026"),
        _case(
            "customs_value",
            "Customs value (USD)",
            DOLLARS,
            hint="$3,200.00",
            feedback=Feedback.AMOUNT,
            bundle=(Column("customs_value_cents", "customs_value_cents", json_amount),),
        ),
        _case(
            "freight",
            "Freight (USD)",
            DOLLARS,
            hint="$1,450.00",
            feedback=Feedback.AMOUNT,
            bundle=(Column("freight_cents", "freight_cents", json_amount),),
        ),
        _case(
            "duty_paid",
            "Duty paid (USD)",
            DOLLARS,
            feedback=Feedback.AMOUNT,
            bundle=(Column("duty_paid_cents", "duty_paid_cents", json_amount),),
        ),
        _case(
            "sale_price",
            "Sale price (USD)",
            DOLLARS,
            tab=Tab.CUSTOMER,
            hint="$6,500.00",
            feedback=Feedback.AMOUNT,
            bundle=(Column("sale_price_cents", "sale_price_cents", json_amount),),
            imported=Importable(
                "sale_price",
                "Sale price (USD)",
                ("sale price", "sold for", "selling price", "sale amount", "販売価格"),
                listed=14,
                tried=-1,  # before the purchase price's "price"
            ),
        ),
        _case(
            "sale_date",
            "Sale date",
            DAY,
            tab=Tab.CUSTOMER,
            hint="e.g. 2026-12-20 or 12/20/2026",
            imported=Importable(
                "sale_date", "Sale date", ("sale date", "sold on", "date sold"), 15, -2
            ),
        ),
        _case(
            "payment_terms",
            "Payment terms",
            tab=Tab.CUSTOMER,
            multi_line=True,
            hint="e.g. paid in full by wire on delivery",
        ),
        _case(
            "planned_registration",
            "Planned registration",
            DAY,
            tab=Tab.CUSTOMER,
            hint="e.g. 2027-03-01: the state rule in force on this day applies (else today's)",
        ),
        _case(
            "notes",
            "Notes",
            NOTES,
            tab=Tab.CUSTOMER,  # about the case as a whole: with the customer, not the ship
            multi_line=True,
            imported=Importable(
                "notes",
                "Notes",
                ("notes", "note", "comment", "remarks", "memo", "備考"),
                listed=13,
                tried=13,
            ),
        ),
    )
}

#: The fields a case's form edits (and ``update_case`` and ``case set`` take), in form order.
EDITABLE: Mapping[str, FieldSpec] = {n: s for n, s in FIELDS.items() if s.editable}


def on_tab(tab: Tab) -> tuple[str, ...]:
    """The fields a workspace tab shows, in form order."""
    return tuple(name for name, spec in EDITABLE.items() if spec.tab is tab)


def parse_field(name: str, text: str) -> Any:
    spec = EDITABLE.get(name)
    if spec is None:
        raise InvalidInput(f"A case has no field {name!r}.")
    return spec.read(text)


def parse_changes(texts: Mapping[str, str]) -> dict[str, Any]:
    """Typed values for update_case; the first field that does not parse is refused."""
    return {name: parse_field(name, text) for name, text in texts.items()}


def detail_value(detail: CaseDetail, spec: FieldSpec) -> Any:
    """A field's value in a case's detail (the customer's fields on its customer)."""
    if spec.owner is Owner.CUSTOMER:
        return None if detail.customer is None else getattr(detail.customer, spec.attr)
    return getattr(detail, spec.name)


def field_texts(detail: CaseDetail) -> dict[str, str]:
    """Each editable field of a case as the text an editor box shows."""
    return {name: spec.show(detail_value(detail, spec)) for name, spec in EDITABLE.items()}


def owner_row(case: Case, owner: Owner) -> Any:
    """The row of a case a field of ``owner`` is stored on (None: the case has no customer)."""
    return {Owner.VEHICLE: case.vehicle, Owner.CUSTOMER: case.customer, Owner.CASE: case}[owner]


def stored(case: Case, spec: FieldSpec) -> Any:
    """A stored field's typed value on a case."""
    assert spec.owner is not None, f"{spec.name} is not stored"
    row = owner_row(case, spec.owner)
    return None if row is None else getattr(row, spec.attr)


def ordered_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Customer name before the customer's other fields (they need a customer to land on)."""
    first = {k: v for k, v in changes.items() if k == "customer_name"}
    return {**first, **{k: v for k, v in changes.items() if k != "customer_name"}}
