"""Chassis-code decoding and state registration rules, read from (and edited in) the database."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from keidesk import clock
from keidesk.domain.chassis import IdentifierKind, parse_chassis
from keidesk.domain.dates import PartialDate
from keidesk.domain.errors import InvalidInput, NotFound
from keidesk.domain.messages import Message, listed, msg, word
from keidesk.domain.reference import (
    QUESTIONS_FOR_THE_AGENCY,
    RULE_CONTENT_FIELDS,
    ChassisCodeInfo,
    PathKind,
    index_in_force,
    version_end,
)
from keidesk.domain.sources import Confidence, research_marks
from keidesk.services.views import (
    RULE_STALE_AFTER_DAYS,
    DecodedChassis,
    NextChange,
    StateRuleView,
)
from keidesk.storage.models import Case, ChassisCode, Document, StateRule, StateRuleVersion
from keidesk.storage.server import require_manager


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
                msg(
                    "Model code {code} is not in the chassis-code table; "
                    "make and model must be entered by hand.",
                    code=chassis.model_code,
                )
            )
        else:
            info = chassis_code_info(row)
            if info.confidence is Confidence.UNCERTAIN:
                warnings.append(
                    msg(
                        "Model code {code} is unverified in the chassis-code table; "
                        "confirm make and years from the papers.",
                        code=info.code,
                    )
                )
            if built is not None:
                warnings.extend(_production_warnings(info, built))
    return DecodedChassis(chassis=chassis, code=info, warnings=tuple(warnings))


def _production_warnings(info: ChassisCodeInfo, built: PartialDate) -> list[Message]:
    if info.first_year is not None and built.year < info.first_year:
        return [
            msg(
                "Built {built} is before {code} production started ({years}).",
                built=str(built),
                code=info.code,
                years=info.production_text,
            )
        ]
    if not info.in_production and info.last_year is not None and built.year > info.last_year:
        return [
            msg(
                "Built {built} is after {code} production ended ({years}).",
                built=str(built),
                code=info.code,
                years=info.production_text,
            )
        ]
    return []


def _state_row(session: Session, code: str) -> StateRule:
    cleaned = code.strip().upper()
    row = session.get(StateRule, cleaned) if len(cleaned) == 2 and cleaned.isalpha() else None
    if row is None:
        raise InvalidInput(
            msg(
                "{code!r} is not a US state code; use the two-letter postal code, like TX or DC.",
                code=code,
            )
        )
    return row


def normalize_state_code(session: Session, code: str) -> str:
    """The canonical two-letter code, or a clear error for anything else."""
    return _state_row(session, code).code


def _version_in_force(state: StateRule, on: date) -> tuple[int, StateRuleVersion]:
    versions = state.versions
    if not versions:
        raise InvalidInput(msg("No rule is on file for {state}.", state=state.name))
    index = index_in_force([v.effective_from for v in versions], on)
    return index, versions[index]


def rule_warnings(state: StateRule, row: StateRuleVersion, today: date) -> tuple[str, ...]:
    warnings: list[str] = []  # Messages: the GUI translates them
    if row.path is PathKind.UNKNOWN:
        warnings.append(
            msg(
                "No registration rule on file for {state}: check with the state's motor "
                "vehicle agency before selling to a buyer there.",
                state=state.name,
            )
        )
    verified = max(row.as_of, row.locally_verified_on or row.as_of)
    age_days = (today - verified).days
    if row.path is not PathKind.UNKNOWN and age_days > RULE_STALE_AFTER_DAYS:
        warnings.append(
            msg(
                "This rule was last verified {date} ({days} days ago): "
                "confirm it with the state before relying on it.",
                date=verified.isoformat(),
                days=age_days,
            )
        )
    if row.under_review or row.path is PathKind.UNDER_REVIEW:
        warnings.append(
            msg(
                "{state} has this rule under review: confirm the current position.",
                state=state.name,
            )
        )
    if row.confidence is Confidence.UNCERTAIN and row.path is not PathKind.UNKNOWN:
        warnings.append(msg("This rule is unverified (conflicting, stale or secondary sources)."))
    return tuple(warnings)


def _needs_questions(row: StateRuleVersion) -> bool:
    return row.path in {PathKind.UNKNOWN, PathKind.UNDER_REVIEW} or row.under_review


def state_rule_view(state: StateRule, today: date, on: date | None = None) -> StateRuleView:
    """The version of ``state``'s rule in force on ``on`` (default today), both voices."""
    day = on or today
    index, row = _version_in_force(state, day)
    versions = state.versions
    later = versions[index + 1] if index + 1 < len(versions) else None
    next_change = (
        NextChange(later.effective_from, later.path, later.under_review)
        if later is not None and later.effective_from is not None
        else None
    )
    warnings = list(rule_warnings(state, row, today))
    if next_change is not None:
        warnings.append(next_change.text)
    view = StateRuleView(
        code=state.code,
        name=state.name,
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
        warnings=tuple(warnings),
        on=day,
        effective_from=row.effective_from,
        effective_to=version_end(
            row.effective_from, next_change.effective_from if next_change else None
        ),
        customer_text=row.customer_text,
        agency=state.agency or f"{state.name} motor vehicle agency",
        agency_phone=state.agency_phone,
        agency_web=state.agency_web,
        questions=QUESTIONS_FOR_THE_AGENCY if _needs_questions(row) else (),
        next_change=next_change,
    )
    return replace(view, summary=tuple(customer_summary(view)))


_NO_CITATION = frozenset({"", "none on file", "none found", "none"})


def cites_document(rule: StateRuleView) -> bool:
    """Whether the rule rests on a statute or agency document on file (not "None on file")."""
    return rule.citation.strip().lower() not in _NO_CITATION


def customer_summary(rule: StateRuleView) -> list[str]:
    """The rule in plain words for customers and DMV clerks, as paragraphs.

    What path, what limits, what to bring, the statute or agency document it rests on, when
    it was last verified, and to confirm with the agency (with questions to ask where no
    settled rule is on file). Never the research notes: sources, confidence, remarks.
    This is what every packet and any text meant for a customer prints.
    """
    # Messages (keidesk.domain.messages): English as the packets print them, in the app's
    # language on screen. The rule's own texts (citation, papers, questions) are data.
    review = msg(" (under review)") if rule.under_review else ""
    head = msg("{name}: {path}{review}.", name=rule.name, path=word(rule.path.label), review=review)
    if rule.customer_text:
        head = msg("{head} {text}", head=head, text=rule.customer_text)
    elif rule.path is PathKind.UNKNOWN:
        head = msg(
            "{head} No rule for registering a kei truck in {state} is on file.",
            head=head,
            state=rule.name,
        )
    paragraphs: list[str] = [head]
    if rule.effective_from is not None:
        paragraphs.append(msg("This rule applies from {day}.", day=rule.effective_from.isoformat()))
    limits: list[Message] = []
    if rule.max_speed_mph:
        limits.append(msg("roads posted {mph} mph or less", mph=rule.max_speed_mph))
    if rule.interstate_allowed is False:
        limits.append(msg("no interstate highways"))
    elif rule.interstate_allowed is True:
        limits.append(msg("interstate highways allowed"))
    if limits and rule.path is not PathKind.NONE:
        paragraphs.append(msg("Road limits: {limits}.", limits=listed(limits)))
    if rule.next_change is not None:
        paragraphs.append(rule.next_change.text)
    if rule.documents:
        paragraphs.append(msg("What to bring: {papers}.", papers="; ".join(rule.documents)))
    if not cites_document(rule):
        paragraphs.append(msg("No statute or agency document is on file for this rule."))
    else:
        paragraphs.append(msg("This rests on: {citation}.", citation=rule.citation))
    paragraphs.append(msg("Last verified: {day}.", day=rule.verified_on.isoformat()))
    if rule.questions:
        asked: Message | None = None
        for number, question in enumerate(rule.questions, start=1):
            one = msg("({number}) {question}", number=number, question=question)
            asked = one if asked is None else msg("{first} {second}", first=asked, second=one)
        paragraphs.append(msg("Questions to ask the agency: {questions}", questions=asked))
    contact = ", ".join(p for p in (rule.agency_phone, rule.agency_web) if p)
    paragraphs.append(
        msg(
            "Confirm with the {agency}{contact} before relying on this. This is information to "
            "help you, not legal advice.",
            agency=rule.agency,
            contact=f" ({contact})" if contact else "",
        )
    )
    return paragraphs


def get_state_rule(
    session: Session, code: str, *, today: date, on: date | None = None
) -> StateRuleView:
    """A state's rule in force on ``on`` (default today)."""
    return state_rule_view(_state_row(session, code), today, on)


def list_state_rules(
    session: Session, *, today: date, on: date | None = None
) -> list[StateRuleView]:
    rows = session.scalars(select(StateRule).order_by(StateRule.code))
    return [state_rule_view(row, today, on) for row in rows]


def state_rule_versions(session: Session, code: str, *, today: date) -> list[StateRuleView]:
    """Every version of a state's rule, oldest first, each as of its own first day."""
    state = _state_row(session, code)
    return [
        state_rule_view(state, today, version.effective_from or date.min)
        for version in state.versions
    ]


#: Fields of a state rule that staff may edit, with the check each value must pass.
_EDITABLE_RULE_FIELDS = frozenset(RULE_CONTENT_FIELDS)

#: Fields printed for customers: no research wording may go in them.
CUSTOMER_FIELDS = ("customer_text", "citation", "documents")


def update_state_rule(
    session: Session,
    code: str,
    changes: Mapping[str, Any],
    *,
    user: str,
    today: date,
    on: date | None = None,
) -> StateRuleView:
    """Edit the version in force on ``on`` (default today): records who and when (history),
    marks it locally verified today, and flags cases printed under the old rule. On an office
    server, a manager's (or the owner's) task."""
    require_manager(session, msg("edit state rules"))
    state = _state_row(session, code)
    _, row = _version_in_force(state, on or today)
    unknown = set(changes) - _EDITABLE_RULE_FIELDS
    if unknown:
        raise InvalidInput(f"A state rule has no field {', '.join(sorted(unknown))}.")
    checked = {name: _checked_rule_value(name, value, today) for name, value in changes.items()}
    merged = {name: checked.get(name, getattr(row, name)) for name in _EDITABLE_RULE_FIELDS}
    if not merged["citation"].strip() or not merged["source"].strip():
        raise InvalidInput("A state rule needs a citation and a source.")
    check_customer_wording(merged["customer_text"], merged["citation"], merged["documents"])
    for name, value in checked.items():
        setattr(row, name, value)
    if session.is_modified(row):
        state.rule_changed_at = clock.now()
    row.locally_verified_on = today
    row.updated_by = user
    row.updated_at = clock.now()
    session.flush()
    return state_rule_view(state, today, on)


RULE_CHANGED_SINCE_PACKET = msg(
    "The {state} rule changed since the packet was printed: reprint the packet or "
    "acknowledge the change."
)


def rule_changed_since_packet(session: Session, case: Case) -> bool:
    """Whether the case's state rule changed after its last packet was printed and nobody
    has reprinted or acknowledged since."""
    state = case.state_rule
    if state is None or state.rule_changed_at is None:
        return False
    printed = session.scalar(
        select(func.max(Document.added_at)).where(
            Document.case_id == case.id,
            Document.kind == "packet",
            Document.removed_at.is_(None),
        )
    )
    if printed is None or printed >= state.rule_changed_at:
        return False
    acknowledged = case.rule_change_acknowledged_at
    return acknowledged is None or acknowledged < state.rule_changed_at


def acknowledge_rule_change(session: Session, case_id: int) -> bool:
    """Staff have read the changed rule: the case stops showing "rule changed since packet
    was printed" (recorded in the history). Returns whether the flag was up."""
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(f"There is no case {case_id}.")
    was_up = rule_changed_since_packet(session, case)
    if was_up:
        case.rule_change_acknowledged_at = clock.now()
        session.flush()
    return was_up


def check_customer_wording(customer_text: str, citation: str, documents: Sequence[str]) -> None:
    """Refuse research wording in the fields customers read (it belongs in the notes)."""
    for label, text in (
        ("plain summary", customer_text),
        ("citation", citation),
        ("documents", "; ".join(documents)),
    ):
        marks = research_marks(text)
        if marks:
            raise InvalidInput(
                f"The {label} is printed for customers and clerks; move {marks[0]} to the "
                "research notes."
            )


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


# --- chassis codes: data staff can correct ----------------------------------------------------

_CODE_SHAPE = re.compile(r"^[A-Z][A-Z0-9]{1,6}$")
_CHASSIS_FIELDS = (
    "make",
    "model",
    "body",
    "drive",
    "first_year",
    "first_month",
    "last_year",
    "last_month",
    "in_production",
    "engine",
    "engine_cc",
    "notes",
    "source",
    "confidence",
)


def list_chassis_codes(session: Session) -> list[ChassisCodeInfo]:
    return [
        chassis_code_info(row)
        for row in session.scalars(select(ChassisCode).order_by(ChassisCode.code))
    ]


def save_chassis_code(
    session: Session, code: str, values: Mapping[str, Any], *, user: str, today: date
) -> ChassisCodeInfo:
    """Add a model code or correct one (audited: who, when, each changed field). Every code
    keeps a source and a confidence mark, like a state rule."""
    cleaned = code.strip().upper()
    if not _CODE_SHAPE.match(cleaned):
        raise InvalidInput(
            f"{code!r} is not a model code: letters and digits, starting with a letter, "
            "like DA52T or HA4."
        )
    unknown = set(values) - set(_CHASSIS_FIELDS)
    if unknown:
        raise InvalidInput(f"A chassis code has no field {', '.join(sorted(unknown))}.")
    row = session.get(ChassisCode, cleaned)
    current = {name: getattr(row, name) for name in _CHASSIS_FIELDS} if row else {}
    merged = {**current, **{k: _checked_chassis_value(k, v) for k, v in values.items()}}
    for name in ("make", "model", "source"):
        if not str(merged.get(name) or "").strip():
            raise InvalidInput(f"A chassis code needs a {name}.")
    merged.setdefault("body", "truck")
    merged.setdefault("in_production", False)
    merged.setdefault("notes", "")
    if merged.get("confidence") is None:
        raise InvalidInput("A chassis code needs a confidence mark: P, S or U.")
    first, last = merged.get("first_year"), merged.get("last_year")
    for year in (first, last):
        if year is not None and not 1950 <= year <= today.year:
            raise InvalidInput(f"{year} is not a production year.")
    if first is not None and last is not None and last < first:
        raise InvalidInput(f"Production cannot end ({last}) before it starts ({first}).")
    if merged.get("in_production"):
        merged["last_year"] = merged["last_month"] = None
    if row is None:
        row = ChassisCode(code=cleaned, **{k: merged.get(k) for k in _CHASSIS_FIELDS})
        session.add(row)
    else:
        for name in _CHASSIS_FIELDS:
            if getattr(row, name) != merged.get(name):
                setattr(row, name, merged.get(name))
    row.updated_by = user
    row.updated_at = clock.now()
    session.flush()
    return chassis_code_info(row)


def _checked_chassis_value(name: str, value: Any) -> Any:
    if name == "confidence":
        try:
            return Confidence(value)
        except ValueError:
            raise InvalidInput(f"{value!r} is not a confidence mark; use P, S or U.") from None
    if name in {"first_year", "last_year", "engine_cc", "first_month", "last_month"}:
        if value is None or value == "":
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise InvalidInput(f"{name.replace('_', ' ')} must be a whole number, not {value!r}.")
        if name.endswith("month") and not 1 <= value <= 12:
            raise InvalidInput(f"{value} is not a month (1 to 12).")
        return value
    if name == "in_production":
        return bool(value)
    if name == "body":
        if value not in {"truck", "van", "dumper"}:
            raise InvalidInput(f"{value!r} is not a body: truck, van or dumper.")
        return value
    if name == "drive":
        if value in (None, ""):
            return None
        if value not in {"2WD", "4WD"}:
            raise InvalidInput(f"{value!r} is not a drive: 2WD or 4WD.")
        return value
    if value is not None and not isinstance(value, str):
        raise InvalidInput(f"{name.replace('_', ' ')} must be text.")
    text = (value or "").strip()
    return text or None if name == "engine" else text
