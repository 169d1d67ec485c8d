"""Turning service results into ``--json`` output and plain text."""

from __future__ import annotations

import dataclasses
import json
import sys
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
