"""Chassis-code decoding and state registration rules, read from (and edited in) the database."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from keidesk import clock
from keidesk.domain.chassis import IdentifierKind, parse_chassis
from keidesk.domain.dates import PartialDate
from keidesk.domain.errors import InvalidInput
from keidesk.domain.reference import ChassisCodeInfo, PathKind
from keidesk.domain.sources import Confidence
from keidesk.services.views import RULE_STALE_AFTER_DAYS, DecodedChassis, StateRuleView
from keidesk.storage.models import ChassisCode, StateRule


def known_model_codes(session: Session) -> frozenset[str]:
    return frozenset(session.scalars(select(ChassisCode.code)))


def chassis_code_info(row: ChassisCode) -> ChassisCodeInfo:
    return ChassisCodeInfo(
        code=row.code,
        make=row.make,
        model=row.model,
        body=row.body,
        drive=row.drive,
        first_year=row.first_year,
        first_month=row.first_month,
        last_year=row.last_year,
        last_month=row.last_month,
        in_production=row.in_production,
        engine=row.engine,
        engine_cc=row.engine_cc,
        notes=row.notes,
        source=row.source,
        confidence=row.confidence,
    )


def decode_chassis(
    session: Session,
    text: str,
    *,
    built: PartialDate | None = None,
    known_codes: Collection[str] | None = None,
) -> DecodedChassis:
    """Normalise and validate a chassis number and decode its model code from the table.

    ``known_codes`` (from :func:`known_model_codes`) saves the query when decoding many.
    """
    codes = known_codes if known_codes is not None else known_model_codes(session)
    chassis = parse_chassis(text, codes)
    warnings = list(chassis.warnings)
    info: ChassisCodeInfo | None = None
    if chassis.kind is IdentifierKind.FRAME and chassis.model_code:
        row = session.get(ChassisCode, chassis.model_code)
        if row is None:
            warnings.append(
                f"Model code {chassis.model_code} is not in the chassis-code table; "
                "make and model must be entered by hand."
            )
        else:
            info = chassis_code_info(row)
            if info.confidence is Confidence.UNCERTAIN:
                warnings.append(
                    f"Model code {info.code} is unverified in the chassis-code table; "
                    "confirm make and years from the papers."
                )
            if built is not None:
                warnings.extend(_production_warnings(info, built))
    return DecodedChassis(chassis=chassis, code=info, warnings=tuple(warnings))


def _production_warnings(info: ChassisCodeInfo, built: PartialDate) -> list[str]:
    if info.first_year is not None and built.year < info.first_year:
        return [f"Built {built} is before {info.code} production started ({info.production_text})."]
    if not info.in_production and info.last_year is not None and built.year > info.last_year:
        return [f"Built {built} is after {info.code} production ended ({info.production_text})."]
    return []


def _state_row(session: Session, code: str) -> StateRule:
    cleaned = code.strip().upper()
    row = session.get(StateRule, cleaned) if len(cleaned) == 2 and cleaned.isalpha() else None
    if row is None:
        raise InvalidInput(
            f"{code!r} is not a US state code; use the two-letter postal code, like TX or DC."
        )
    return row


def normalize_state_code(session: Session, code: str) -> str:
    """The canonical two-letter code, or a clear error for anything else."""
    return _state_row(session, code).code


def rule_warnings(row: StateRule, today: date) -> tuple[str, ...]:
    warnings: list[str] = []
    if row.path is PathKind.UNKNOWN:
        warnings.append(
            f"No registration rule on file for {row.name}: check with the state's motor "
            "vehicle agency before selling to a buyer there."
        )
    verified = max(row.as_of, row.locally_verified_on or row.as_of)
    age_days = (today - verified).days
    if row.path is not PathKind.UNKNOWN and age_days > RULE_STALE_AFTER_DAYS:
        warnings.append(
            f"This rule was last verified {verified.isoformat()} ({age_days} days ago): "
            "confirm it with the state before relying on it."
        )
    if row.under_review or row.path is PathKind.UNDER_REVIEW:
        warnings.append(f"{row.name} has this rule under review: confirm the current position.")
    if row.confidence is Confidence.UNCERTAIN and row.path is not PathKind.UNKNOWN:
        warnings.append("This rule is unverified (conflicting, stale or secondary sources).")
    return tuple(warnings)


def state_rule_view(row: StateRule, today: date) -> StateRuleView:
    return StateRuleView(
        code=row.code,
        name=row.name,
        path=row.path,
        under_review=row.under_review,
        max_speed_mph=row.max_speed_mph,
        interstate_allowed=row.interstate_allowed,
        road_limits=row.road_limits,
        documents=tuple(row.documents),
        citation=row.citation,
        source=row.source,
        as_of=row.as_of,
        as_of_note=row.as_of_note,
        confidence=row.confidence,
        notes=row.notes,
        locally_verified_on=row.locally_verified_on,
        updated_by=row.updated_by,
        warnings=rule_warnings(row, today),
    )


def get_state_rule(session: Session, code: str, *, today: date) -> StateRuleView:
    return state_rule_view(_state_row(session, code), today)


def list_state_rules(session: Session, *, today: date) -> list[StateRuleView]:
    rows = session.scalars(select(StateRule).order_by(StateRule.code))
    return [state_rule_view(row, today) for row in rows]


#: Fields of a state rule that staff may edit, with the check each value must pass.
_EDITABLE_RULE_FIELDS = {
    "path",
    "under_review",
    "max_speed_mph",
    "interstate_allowed",
    "road_limits",
    "documents",
    "citation",
    "source",
    "as_of",
    "as_of_note",
    "confidence",
    "notes",
}


def update_state_rule(
    session: Session, code: str, changes: Mapping[str, Any], *, user: str, today: date
) -> StateRuleView:
    """Edit a rule: records who and when (history), and marks it locally verified today."""
    row = _state_row(session, code)
    unknown = set(changes) - _EDITABLE_RULE_FIELDS
    if unknown:
        raise InvalidInput(f"A state rule has no field {', '.join(sorted(unknown))}.")
    for name, value in changes.items():
        setattr(row, name, _checked_rule_value(name, value, today))
    if not row.citation.strip() or not row.source.strip():
        raise InvalidInput("A state rule needs a citation and a source.")
    row.locally_verified_on = today
    row.updated_by = user
    row.updated_at = clock.now()
    session.flush()
    return state_rule_view(row, today)


def _checked_rule_value(name: str, value: Any, today: date) -> Any:
    if name == "path":
        try:
            return PathKind(value)
        except ValueError:
            kinds = ", ".join(k.value for k in PathKind)
            raise InvalidInput(
                f"{value!r} is not a registration path; use one of {kinds}."
            ) from None
    if name == "confidence":
        try:
            return Confidence(value)
        except ValueError:
            raise InvalidInput(f"{value!r} is not a confidence mark; use P, S or U.") from None
    if name == "max_speed_mph":
        if value is not None and (not isinstance(value, int) or not 5 <= value <= 85):
            raise InvalidInput(f"{value!r} is not a posted speed limit in mph.")
        return value
    if name == "as_of":
        if not isinstance(value, date) or value > today:
            raise InvalidInput("The as-of date must be a date not in the future.")
        return value
    if name == "documents":
        if not isinstance(value, list | tuple) or not all(isinstance(d, str) for d in value):
            raise InvalidInput("Documents must be a list of document names.")
        return [d.strip() for d in value if d.strip()]
    if name in {"under_review"}:
        return bool(value)
    if name == "interstate_allowed":
        return None if value is None else bool(value)
    if not isinstance(value, str):
        raise InvalidInput(f"{name.replace('_', ' ')} must be text.")
    return value.strip()
