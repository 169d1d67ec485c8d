"""Reference data shipped in ``resources/``: kei chassis codes and state registration rules.

These are plain records. The storage layer seeds its tables from them; staff can then correct
and extend the rows in the database (audited). Every row keeps its source, as-of date and
confidence, because a rule without a source and a date is a defect.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from keidesk.domain.errors import InvalidInput
from keidesk.domain.sources import Confidence


class PathKind(StrEnum):
    """Which registration path a state offers for a 25-year-old kei truck."""

    STANDARD = "standard"  # standard title and registration
    RESTRICTED = "restricted"  # restricted kei / mini-truck class (road limits apply)
    OFFROAD_ONLY = "offroad_only"  # off-road, farm or antique only
    NONE = "none"  # no road registration
    UNDER_REVIEW = "under_review"  # policy in flux; no settled path
    UNKNOWN = "unknown"  # no data: never guessed

    @property
    def label(self) -> str:
        return {
            PathKind.STANDARD: "Standard title and registration",
            PathKind.RESTRICTED: "Restricted kei / mini-truck registration",
            PathKind.OFFROAD_ONLY: "Off-road, farm or antique only",
            PathKind.NONE: "No road registration",
            PathKind.UNDER_REVIEW: "Under review",
            PathKind.UNKNOWN: "Unknown (no data)",
        }[self]


@dataclass(frozen=True, slots=True)
class ChassisCodeInfo:
    """One kei model code (the part of a frame number before the dash)."""

    code: str  # e.g. "DA52T"
    make: str  # "Suzuki"
    model: str  # "Carry truck"
    body: str  # "truck" | "van" | "dumper" ...
    drive: str | None  # "2WD" | "4WD" | None when not known
    first_year: int | None
    first_month: int | None
    last_year: int | None  # None with in_production False: unknown end
    last_month: int | None
    in_production: bool  # "present" in the source
    engine: str | None  # engine model, e.g. "F5A"
    engine_cc: int | None
    notes: str
    source: str
    confidence: Confidence

    @property
    def production_text(self) -> str:
        def part(year: int | None, month: int | None) -> str:
            if year is None:
                return "?"
            return f"{year}-{month:02d}" if month else str(year)

        end = "present" if self.in_production else part(self.last_year, self.last_month)
        return f"{part(self.first_year, self.first_month)} to {end}"


@dataclass(frozen=True, slots=True)
class StateRuleInfo:
    """A state's registration path for a 25-year-old kei truck, with its provenance."""

    code: str  # "TX", "DC"
    name: str  # "Texas"
    path: PathKind
    under_review: bool  # a path exists but the state is actively reconsidering it
    max_speed_mph: int | None  # highest posted speed limit allowed, None when no limit known
    interstate_allowed: bool | None  # None when not known
    road_limits: str
    documents: tuple[str, ...]  # documents the customer brings, beyond nothing
    citation: str
    source: str
    as_of: date  # the date the rule is known to be current as of
    as_of_note: str  # the source's own date wording
    confidence: Confidence
    notes: str


def _opt_int(text: str) -> int | None:
    text = text.strip()
    return int(text) if text else None


def _opt_bool(text: str) -> bool | None:
    text = text.strip().lower()
    if not text:
        return None
    if text in {"yes", "true", "1"}:
        return True
    if text in {"no", "false", "0"}:
        return False
    raise InvalidInput(f"expected yes/no/blank, got {text!r}")


def load_chassis_codes(path: Path) -> list[ChassisCodeInfo]:
    """Read ``resources/chassis_codes.csv``."""
    rows: list[ChassisCodeInfo] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line_no, row in enumerate(csv.DictReader(handle), start=2):
            try:
                rows.append(
                    ChassisCodeInfo(
                        code=row["code"].strip(),
                        make=row["make"].strip(),
                        model=row["model"].strip(),
                        body=row["body"].strip(),
                        drive=row["drive"].strip() or None,
                        first_year=_opt_int(row["first_year"]),
                        first_month=_opt_int(row["first_month"]),
                        last_year=_opt_int(row["last_year"]),
                        last_month=_opt_int(row["last_month"]),
                        in_production=_opt_bool(row["in_production"]) or False,
                        engine=row["engine"].strip() or None,
                        engine_cc=_opt_int(row["engine_cc"]),
                        notes=row["notes"].strip(),
                        source=row["source"].strip(),
                        confidence=Confidence(row["confidence"].strip()),
                    )
                )
            except (KeyError, ValueError) as exc:
                raise InvalidInput(f"{path.name} line {line_no}: {exc}") from exc
    return rows


def load_state_rules(path: Path) -> list[StateRuleInfo]:
    """Read ``resources/state_rules.csv`` (all 50 states and DC)."""
    rows: list[StateRuleInfo] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line_no, row in enumerate(csv.DictReader(handle), start=2):
            try:
                documents = json.loads(row["documents"]) if row["documents"].strip() else []
                rows.append(
                    StateRuleInfo(
                        code=row["code"].strip().upper(),
                        name=row["name"].strip(),
                        path=PathKind(row["path"].strip()),
                        under_review=_opt_bool(row["under_review"]) or False,
                        max_speed_mph=_opt_int(row["max_speed_mph"]),
                        interstate_allowed=_opt_bool(row["interstate_allowed"]),
                        road_limits=row["road_limits"].strip(),
                        documents=tuple(str(d) for d in documents),
                        citation=row["citation"].strip(),
                        source=row["source"].strip(),
                        as_of=date.fromisoformat(row["as_of"].strip()),
                        as_of_note=row["as_of_note"].strip(),
                        confidence=Confidence(row["confidence"].strip()),
                        notes=row["notes"].strip(),
                    )
                )
            except (KeyError, ValueError) as exc:
                raise InvalidInput(f"{path.name} line {line_no}: {exc}") from exc
    return rows
