"""Which spreadsheet column holds which case field: guessed from the headers importers use,
corrected by the user, and remembered per header layout (in the ``settings`` table) so the
same weekly sheet maps itself next time."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from keidesk.domain.errors import InvalidInput
from keidesk.domain.messages import msg, word
from keidesk.services.case_fields import FIELDS as CASE_FIELDS
from keidesk.storage.models import Setting

_IMPORTABLE = [spec.imported for spec in CASE_FIELDS.values() if spec.imported is not None]

#: Import fields, in the order the mapping step lists them, with the label staff see.
FIELDS: Mapping[str, str] = {i.key: i.label for i in sorted(_IMPORTABLE, key=lambda i: i.listed)}
#: The case field each import field sets.
CASE_FIELD_OF: Mapping[str, str] = {
    spec.imported.key: name for name, spec in CASE_FIELDS.items() if spec.imported is not None
}
REQUIRED_FIELDS = ("chassis",)

#: Header words that point at a field, checked in this order (the first match wins).
_HINTS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (i.key, i.aliases) for i in sorted(_IMPORTABLE, key=lambda i: i.tried)
)

MAPPINGS_SETTING = "import_mappings"


def _normal_header(header: str) -> str:
    text = unicodedata.normalize("NFKC", header).lower()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def _matches(header: str, hint: str) -> bool:
    """A hint matches a whole word of the header ("^hint": the whole header)."""
    if hint.startswith("^"):
        return header == hint[1:]
    if not hint.isascii():
        return hint in header
    return re.search(rf"(?<![a-z]){re.escape(hint)}(?![a-z])", header) is not None


def guess_mapping(headers: Sequence[str]) -> tuple[str | None, ...]:
    """A field (or None) for each column, guessed from its header; each field used once."""
    taken: set[str] = set()
    result: list[str | None] = []
    for header in headers:
        normal = _normal_header(header)
        choice: str | None = None
        for field, hints in _HINTS:
            if field not in taken and any(_matches(normal, hint) for hint in hints):
                choice = field
                break
        if choice is not None:
            taken.add(choice)
        result.append(choice)
    return tuple(result)


def check_mapping(headers: Sequence[str], mapping: Sequence[str | None]) -> None:
    """Refuse a mapping that cannot work: wrong length, unknown or repeated fields, no chassis."""
    if len(mapping) != len(headers):
        raise InvalidInput(msg("The column mapping does not match the sheet's columns."))
    seen: dict[str, str] = {}
    for header, field in zip(headers, mapping, strict=True):
        if field is None:
            continue
        if field not in FIELDS:
            raise InvalidInput(_not_a_field(field))
        if field in seen:
            raise InvalidInput(
                msg(
                    "Columns {first!r} and {second!r} are both mapped to {field}; "
                    "map one of them to nothing.",
                    first=seen[field],
                    second=header,
                    field=word(FIELDS[field]),
                )
            )
        seen[field] = header
    for field in REQUIRED_FIELDS:
        if field not in seen:
            raise InvalidInput(
                msg("Choose the column that holds the {field}.", field=FIELDS[field].lower())
            )


def layout_key(headers: Sequence[str]) -> str:
    """The same columns in the same order give the same key, whatever their case or spacing."""
    joined = "\x1f".join(_normal_header(h) for h in headers)
    return hashlib.sha256(joined.encode()).hexdigest()[:16]


def _stored(session: Session) -> dict[str, Any]:
    row = session.get(Setting, MAPPINGS_SETTING)
    return dict(row.value) if row is not None else {}


def remembered_mapping(session: Session, headers: Sequence[str]) -> tuple[str | None, ...] | None:
    """The mapping the user last imported this header layout with, if any."""
    entry = _stored(session).get(layout_key(headers))
    if not isinstance(entry, dict):
        return None
    fields = entry.get("fields")
    if not isinstance(fields, list) or len(fields) != len(headers):
        return None
    return tuple(f if isinstance(f, str) and f in FIELDS else None for f in fields)


def mapping_for(session: Session, headers: Sequence[str]) -> tuple[tuple[str | None, ...], bool]:
    """The remembered mapping for these headers, else a guess; and whether it was remembered."""
    remembered = remembered_mapping(session, headers)
    if remembered is not None:
        return remembered, True
    return guess_mapping(headers), False


def remember_mapping(
    session: Session, headers: Sequence[str], mapping: Sequence[str | None]
) -> None:
    check_mapping(headers, mapping)
    stored = _stored(session)
    stored[layout_key(headers)] = {"headers": list(headers), "fields": list(mapping)}
    row = session.get(Setting, MAPPINGS_SETTING)
    if row is None:
        session.add(Setting(key=MAPPINGS_SETTING, value=stored))
    elif row.value != stored:
        row.value = stored
    session.flush()


def apply_overrides(
    headers: Sequence[str], mapping: Sequence[str | None], overrides: Sequence[str]
) -> tuple[str | None, ...]:
    """``COLUMN=FIELD`` corrections (``FIELD`` empty or ``-`` maps the column to nothing).
    A field moved to another column is taken off the column it was on."""
    result = list(mapping)
    by_name = {_normal_header(h): i for i, h in enumerate(headers)}
    for override in overrides:
        column, sep, field = override.rpartition("=")
        if not sep:
            raise InvalidInput(msg("{override!r} is not COLUMN=FIELD.", override=override))
        index = by_name.get(_normal_header(column))
        if index is None:
            raise InvalidInput(
                msg(
                    "The sheet has no column {column!r}; its columns are {columns}.",
                    column=column,
                    columns=", ".join(headers),
                )
            )
        target = field.strip().lower() or None
        if target in {None, "-", "none", "ignore"}:
            result[index] = None
            continue
        if target not in FIELDS:
            raise InvalidInput(_not_a_field(field))
        result = [None if f == target else f for f in result]
        result[index] = target
    return tuple(result)


def _not_a_field(field: str) -> str:
    return msg(
        "{field!r} is not an import field; use one of {fields}.",
        field=field,
        fields=", ".join(FIELDS),
    )
