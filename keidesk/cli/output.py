"""Turning service results into ``--json`` output and plain text."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from enum import Enum
from pathlib import PurePath
from typing import Any

from keidesk.domain.dates import PartialDate
from keidesk.domain.money import Money, Odometer


def jsonable(value: Any) -> Any:
    """Plain JSON types for any service result (dataclasses, enums, dates, money)."""
    if isinstance(value, Money):
        return {"minor": value.minor, "currency": value.currency, "text": str(value)}
    if isinstance(value, Odometer):
        return {
            "value": value.value,
            "unit": value.unit.value,
            "km": value.kilometres,
            "mi": value.miles,
        }
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, PurePath):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if hasattr(value, "__float__") and not isinstance(value, int | float | bool):
        return str(value)
    return value


def emit_json(value: Any) -> None:
    json.dump(jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


#: Items formatted before one write to stdout (a write per item costs as much as the JSON).
_CHUNK = 2_000
_encode_str = json.encoder.encode_basestring  # what ensure_ascii=False uses (C when built)


def _json_value(value: Any) -> str:
    """One value as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it two levels
    deep; plain JSON types only (the caller converts first)."""
    kind = type(value)
    if kind is str:
        return _encode_str(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n    ")


def _json_object(item: Mapping[str, Any], keys: dict[str, str]) -> str:
    if not item:
        return "  {}"
    lines = []
    for key, value in item.items():
        lead = keys.get(key)
        if lead is None:
            lead = keys[key] = f"    {_encode_str(key)}: "
        kind = type(value)
        if kind is str:
            lines.append(lead + _encode_str(value))
        elif value is None:
            lines.append(lead + "null")
        else:
            lines.append(lead + _json_value(value))
    return "  {\n" + ",\n".join(lines) + "\n  }"


def emit_json_list(items: Iterable[Mapping[str, Any]]) -> None:
    """A JSON list of objects, byte for byte what :func:`emit_json` writes for the same
    plain values, written in large chunks as the items come (a long list is never held
    twice, as objects and as text). The items must already be plain JSON types."""
    out = sys.stdout
    chunk: list[str] = []
    empty = True
    keys: dict[str, str] = {}  # each key's encoded lead, made once
    for item in items:
        chunk.append(_json_object(item, keys))
        if len(chunk) >= _CHUNK:
            out.write(("[\n" if empty else ",\n") + ",\n".join(chunk))
            empty = False
            chunk.clear()
    if chunk:
        out.write(("[\n" if empty else ",\n") + ",\n".join(chunk))
        empty = False
    out.write("[]\n" if empty else "\n]\n")


def emit(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def table(rows: list[list[str]], headers: list[str]) -> str:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    )
    return "\n".join(lines)
