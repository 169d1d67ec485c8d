"""Case fields as staff type them: text in, typed values out (and back), for editing forms.

The GUI keeps what is typed as text until the user saves; then :func:`parse_changes` turns it
into the typed values :func:`keidesk.services.cases.update_case` takes, refusing with a plain
message that names the field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from keidesk.domain.dates import parse_date
from keidesk.domain.duty import BodyType
from keidesk.domain.errors import InvalidInput
from keidesk.domain.money import Money, Odometer
from keidesk.services.views import CaseDetail


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str  # the key update_case takes
    label: str
    hint: str  # shown as placeholder text
    parse: Callable[[str], Any]


def _text(value: str) -> str:
    return value.strip()


def _optional(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    def parser(text: str) -> Any:
        return None if not text.strip() else parse(text.strip())

    return parser


def _iso_date(label: str) -> Callable[[str], date]:
    def parser(text: str) -> date:
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise InvalidInput(
                f"{label}: {text!r} is not a date; write it as YYYY-MM-DD."
            ) from None

    return parser


def _whole(label: str) -> Callable[[str], int]:
    def parser(text: str) -> int:
        try:
            return int(text.replace(",", ""))
        except ValueError:
            raise InvalidInput(f"{label}: {text!r} is not a whole number.") from None

    return parser


def _body(text: str) -> BodyType:
    try:
        return BodyType(text.lower())
    except ValueError:
        raise InvalidInput(f"Body: {text!r} is not valid; use truck or van.") from None


def _labelled(label: str, parse: Callable[[str], Any]) -> Callable[[str], Any]:
    """Prefix a domain message with the field's label, so staff know which box is wrong."""

    def parser(text: str) -> Any:
        try:
            return parse(text)
        except InvalidInput as exc:
            message = str(exc)
            raise InvalidInput(
                message if message.startswith(label) else f"{label}: {message}"
            ) from None

    return parser


def _spec(name: str, label: str, hint: str, parse: Callable[[str], Any]) -> FieldSpec:
    return FieldSpec(name, label, hint, _labelled(label, parse))


FIELDS: Mapping[str, FieldSpec] = {
    spec.name: spec
    for spec in (
        _spec("chassis", "Chassis number", "e.g. DA52T-123456", _text),
        _spec("make", "Make", "", _text),
        _spec("model", "Model", "", _text),
        _spec("body_type", "Body", "truck or van", _optional(_body)),
        _spec("built", "Built", "1999-03, H11.3, 平成11年3月", _optional(parse_date)),
        _spec("first_registered", "First registered", "初度登録年月", _optional(parse_date)),
        _spec("engine", "Engine", "e.g. F6A", _text),
        _spec("engine_cc", "Engine cc", "e.g. 657", _optional(_whole("Engine cc"))),
        _spec("drive", "Drive", "2WD or 4WD", _text),
        _spec("colour", "Colour", "", _text),
        _spec("length_mm", "Length mm", "", _optional(_whole("Length mm"))),
        _spec("width_mm", "Width mm", "", _optional(_whole("Width mm"))),
        _spec("height_mm", "Height mm", "", _optional(_whole("Height mm"))),
        _spec("odometer", "Odometer", "48,200 km or 30,000 mi", _optional(Odometer.parse)),
        _spec(
            "purchase_price",
            "Purchase price (JPY)",
            "¥450,000",
            _optional(lambda t: Money.parse(t, "JPY")),
        ),
        _spec("customer_name", "Customer", "", _text),
        _spec("customer_phone", "Phone", "", _text),
        _spec("customer_email", "Email", "", _text),
        _spec("customer_address", "Address", "", _text),
        _spec("destination_state", "Destination state", "TX", _optional(_text)),
        _spec("vessel", "Vessel", "", _text),
        _spec("bill_of_lading", "Bill of lading", "", _text),
        _spec("port_of_loading", "Port of loading", "", _text),
        _spec("port_of_entry", "Port of entry", "", _text),
        _spec("etd", "ETD", "YYYY-MM-DD", _optional(_iso_date("ETD"))),
        _spec("eta", "ETA", "YYYY-MM-DD", _optional(_iso_date("ETA"))),
        _spec("entry_number", "Entry number", "", _text),
        _spec("release_date", "Release date", "YYYY-MM-DD", _optional(_iso_date("Release date"))),
        _spec(
            "customs_value",
            "Customs value (USD)",
            "$3,200.00",
            _optional(lambda t: Money.parse(t, "USD")),
        ),
        _spec("freight", "Freight (USD)", "$1,450.00", _optional(lambda t: Money.parse(t, "USD"))),
        _spec("duty_paid", "Duty paid (USD)", "", _optional(lambda t: Money.parse(t, "USD"))),
        _spec("notes", "Notes", "", _text),
    )
}


def parse_field(name: str, text: str) -> Any:
    spec = FIELDS.get(name)
    if spec is None:
        raise InvalidInput(f"A case has no field {name!r}.")
    return spec.parse(text)


def parse_changes(texts: Mapping[str, str]) -> dict[str, Any]:
    """Typed values for update_case; the first field that does not parse is refused."""
    return {name: parse_field(name, text) for name, text in texts.items()}


def _money_text(value: Money | None) -> str:
    if value is None:
        return ""
    return str(value)


def field_texts(detail: CaseDetail) -> dict[str, str]:
    """Each editable field of a case as the text an editor box shows."""

    def text(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, Odometer):
            return f"{value.value:,} {value.unit.value}"
        if isinstance(value, Money):
            return _money_text(value)
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, BodyType):
            return value.value
        return str(value)

    customer = detail.customer
    values: dict[str, Any] = {
        "chassis": detail.chassis,
        "make": detail.make,
        "model": detail.model,
        "body_type": detail.body_type,
        "built": detail.built,
        "first_registered": detail.first_registered,
        "engine": detail.engine,
        "engine_cc": detail.engine_cc,
        "drive": detail.drive,
        "colour": detail.colour,
        "length_mm": detail.length_mm,
        "width_mm": detail.width_mm,
        "height_mm": detail.height_mm,
        "odometer": detail.odometer,
        "purchase_price": detail.purchase_price,
        "customer_name": customer.name if customer else None,
        "customer_phone": customer.phone if customer else None,
        "customer_email": customer.email if customer else None,
        "customer_address": customer.address if customer else None,
        "destination_state": detail.destination_state,
        "vessel": detail.vessel,
        "bill_of_lading": detail.bill_of_lading,
        "port_of_loading": detail.port_of_loading,
        "port_of_entry": detail.port_of_entry,
        "etd": detail.etd,
        "eta": detail.eta,
        "entry_number": detail.entry_number,
        "release_date": detail.release_date,
        "customs_value": detail.customs_value,
        "freight": detail.freight,
        "duty_paid": detail.duty_paid,
        "notes": detail.notes,
    }
    return {name: text(value) for name, value in values.items()}


def ordered_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Customer name before the customer's other fields (they need a customer to land on)."""
    first = {k: v for k, v in changes.items() if k == "customer_name"}
    return {**first, **{k: v for k, v in changes.items() if k != "customer_name"}}
