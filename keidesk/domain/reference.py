"""Reference data shipped in ``resources/``: kei chassis codes and state registration rules.

These are plain records. The storage layer seeds its tables from them; staff can then correct
and extend the rows in the database (audited). Every row keeps its source, as-of date and
confidence, because a rule without a source and a date is a defect.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

from keidesk.domain.errors import InvalidInput
from keidesk.domain.messages import msg
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
        """``1999-01 to 2014-02``, ``1999 to present``: a Message, the GUI translates it."""

        def part(year: int | None, month: int | None) -> str:
            if year is None:
                return "?"
            return f"{year}-{month:02d}" if month else str(year)

        start = part(self.first_year, self.first_month)
        if self.in_production:
            return msg("{start} to present", start=start)
        return msg("{start} to {end}", start=start, end=part(self.last_year, self.last_month))


@dataclass(frozen=True, slots=True)
class StateRuleInfo:
    """One version of a state's registration path for a 25-year-old kei truck, with its
    provenance.

    A state has one or more versions; each is in force from ``effective_from`` (None: from the
    beginning) until the day before the next version starts. ``customer_text`` is the plain
    wording customers and clerks read; ``road_limits``, ``source``, ``confidence`` and ``notes``
    are the research notes for staff and are never printed for a customer.
    """

    code: str  # "TX", "DC"
    name: str  # "Texas"
    effective_from: date | None
    path: PathKind
    under_review: bool  # a path exists but the state is actively reconsidering it
    max_speed_mph: int | None  # highest posted speed limit allowed, None when no limit known
    interstate_allowed: bool | None  # None when not known
    road_limits: str  # research wording of the limits (staff)
    customer_text: str  # plain words on path and limits (customers, clerks); may be empty
    documents: tuple[str, ...]  # documents the customer brings, beyond nothing
    citation: str  # the statute or agency document the rule rests on ("None on file")
    source: str
    as_of: date  # the date the rule is known to be current as of
    as_of_note: str  # the source's own date wording
    confidence: Confidence
    notes: str


#: What one version of a rule says (with its provenance): the fields a stored version, a
#: staff edit and a rules pack all carry, listed once.
RULE_CONTENT_FIELDS = (
    "path",
    "under_review",
    "max_speed_mph",
    "interstate_allowed",
    "road_limits",
    "customer_text",
    "documents",
    "citation",
    "source",
    "as_of",
    "as_of_note",
    "confidence",
    "notes",
)


@dataclass(frozen=True, slots=True)
class StateAgency:
    """Who to ask in a state: the motor vehicle agency, with phone and web where on file."""

    code: str
    agency: str
    phone: str | None
    web: str | None


#: What staff ask an agency when no rule is on file or the rule is under review.
QUESTIONS_FOR_THE_AGENCY: tuple[str, ...] = (
    msg(
        "Can a 25-year-old Japanese kei truck, imported under the federal 25-year rule, get a "
        "title and registration for road use? Under which class (standard, mini-truck, "
        "low-speed, off-road, farm or antique)?"
    ),
    msg("Which roads may it use: is there a speed limit for the roads or a ban on interstates?"),
    msg(
        "Which papers do you need: CBP Form 7501, NHTSA HS-7, EPA Form 3520-1, the Japanese "
        "export certificate with a translation, the bill of sale? Anything else?"
    ),
    msg("Is an inspection, a VIN verification or an emissions test required?"),
    msg("Which statute, regulation or written policy says so, and may we have a copy?"),
)


def version_end(effective_from: date | None, next_from: date | None) -> date | None:
    """The last day a version is in force: the day before the next one starts, if any."""
    return None if next_from is None else next_from - timedelta(days=1)


def check_versions(code: str, starts: Sequence[date | None]) -> None:
    """Refuse a state's versions that overlap: one, and only one, starts from the beginning
    (no date), and no two start on the same day."""
    undated = sum(1 for start in starts if start is None)
    if undated != 1:
        raise InvalidInput(
            f"{code}: the rule versions overlap or leave a gap; exactly one version must have "
            f"no start date (the rule since the beginning), not {undated}."
        )
    dated = [start for start in starts if start is not None]
    repeated = sorted({d for d in dated if dated.count(d) > 1})
    if repeated:
        raise InvalidInput(
            f"{code}: the rule versions overlap: two start on {repeated[0].isoformat()}."
        )


def index_in_force(starts: Sequence[date | None], day: date) -> int:
    """Which of a state's versions (given by their start dates) is in force on ``day``."""
    started = [
        (start or date.min, index)
        for index, start in enumerate(starts)
        if start is None or start <= day
    ]
    if not started:  # only possible if check_versions was skipped
        raise InvalidInput("No rule version is in force on that date.")
    return max(started)[1]


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


def load_state_agencies(path: Path) -> list[StateAgency]:
    """Read ``resources/state_agencies.csv``: each state's motor vehicle agency."""
    rows: list[StateAgency] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line_no, row in enumerate(csv.DictReader(handle), start=2):
            try:
                rows.append(
                    StateAgency(
                        code=row["code"].strip().upper(),
                        agency=row["agency"].strip(),
                        phone=row["phone"].strip() or None,
                        web=row["web"].strip() or None,
                    )
                )
            except KeyError as exc:
                raise InvalidInput(f"{path.name} line {line_no}: no column {exc}") from exc
    return rows


def load_state_rules(path: Path) -> list[StateRuleInfo]:
    """Read ``resources/state_rules.csv``: every version of the rule of the 50 states and DC."""
    rows: list[StateRuleInfo] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line_no, row in enumerate(csv.DictReader(handle), start=2):
            try:
                documents = json.loads(row["documents"]) if row["documents"].strip() else []
                rows.append(
                    StateRuleInfo(
                        code=row["code"].strip().upper(),
                        name=row["name"].strip(),
                        effective_from=(
                            date.fromisoformat(row["effective_from"].strip())
                            if row["effective_from"].strip()
                            else None
                        ),
                        path=PathKind(row["path"].strip()),
                        under_review=_opt_bool(row["under_review"]) or False,
                        max_speed_mph=_opt_int(row["max_speed_mph"]),
                        interstate_allowed=_opt_bool(row["interstate_allowed"]),
                        road_limits=row["road_limits"].strip(),
                        customer_text=row["customer_text"].strip(),
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
    by_state: dict[str, list[date | None]] = {}
    for rule in rows:
        by_state.setdefault(rule.code, []).append(rule.effective_from)
    for code, starts in by_state.items():
        check_versions(code, starts)
    return rows
