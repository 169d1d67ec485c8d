"""Rules packs: every version of every state's rule, with provenance, in one signed JSON file
an office can share or a trade association can publish.

A pack carries a format version, who issued it, when, and the SHA-256 of its ``states``
content. Importing checks all of it before anything is written, shows per state what would
change and which open cases' path would change, and never silently overwrites a rule that
was verified here more recently than the pack's copy: the caller must say so.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from keidesk import clock
from keidesk.domain.errors import InvalidInput
from keidesk.domain.messages import msg
from keidesk.domain.reference import (
    RULE_CONTENT_FIELDS,
    PathKind,
    StateRuleInfo,
    check_versions,
    index_in_force,
)
from keidesk.domain.sources import Confidence
from keidesk.domain.workflow import STAGE_COMPLETE
from keidesk.storage.models import Case, StateRule
from keidesk.storage.seed import version_info, version_row
from keidesk.storage.server import require_manager

FORMAT = "keidesk-rules-pack"
FORMAT_VERSION = 1

#: The fields of one version, in the order a pack writes them.
_VERSION_FIELDS = ("effective_from", "effective_to", *RULE_CONTENT_FIELDS, "locally_verified_on")
#: Fields compared when importing (dates of local verification are provenance, not content).
_CONTENT_FIELDS = tuple(
    f for f in _VERSION_FIELDS if f not in {"effective_from", "effective_to", "locally_verified_on"}
)
_AGENCY_FIELDS = ("agency", "agency_phone", "agency_web")


@dataclass(frozen=True, slots=True)
class RuleChange:
    code: str
    field: str  # "path", "path (from 2027-07-01)", "version from 2027-07-01", "agency", ...
    old: str | None
    new: str | None


@dataclass(frozen=True, slots=True)
class PackVersion:
    info: StateRuleInfo
    locally_verified_on: date | None

    @property
    def verified_on(self) -> date:
        verified = self.locally_verified_on
        return verified if verified and verified > self.info.as_of else self.info.as_of


@dataclass(frozen=True, slots=True)
class PackState:
    code: str
    name: str
    agency: str
    agency_phone: str | None
    agency_web: str | None
    versions: tuple[PackVersion, ...]


@dataclass(frozen=True, slots=True)
class PackImport:
    """What importing a pack changes (or would change, for a dry run)."""

    issuer: str
    issued_at: str
    changes: tuple[RuleChange, ...]
    affected_cases: tuple[int, ...]  # open cases whose path in force would change
    newer_here: tuple[str, ...]  # "KS: verified here 2026-11-20, in the pack 2026-11-01"
    applied: bool


def _canonical(states: Any) -> bytes:
    return json.dumps(states, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def export_pack(session: Session, *, issuer: str) -> dict[str, Any]:
    """Every state's rule, every version, with its provenance, as a signed pack."""
    states: list[dict[str, Any]] = []
    for state in session.scalars(select(StateRule).order_by(StateRule.code)):
        versions = list(state.versions)
        items: list[dict[str, Any]] = []
        for index, row in enumerate(versions):
            later = versions[index + 1].effective_from if index + 1 < len(versions) else None
            items.append(
                {
                    "effective_from": _iso(row.effective_from),
                    "effective_to": _iso(later - timedelta(days=1) if later else None),
                    "path": row.path.value,
                    "under_review": row.under_review,
                    "max_speed_mph": row.max_speed_mph,
                    "interstate_allowed": row.interstate_allowed,
                    "road_limits": row.road_limits,
                    "customer_text": row.customer_text,
                    "documents": list(row.documents),
                    "citation": row.citation,
                    "source": row.source,
                    "as_of": row.as_of.isoformat(),
                    "as_of_note": row.as_of_note,
                    "confidence": row.confidence.value,
                    "notes": row.notes,
                    "locally_verified_on": _iso(row.locally_verified_on),
                }
            )
        states.append(
            {
                "code": state.code,
                "name": state.name,
                "agency": state.agency,
                "agency_phone": state.agency_phone,
                "agency_web": state.agency_web,
                "versions": items,
            }
        )
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "issuer": issuer,
        "issued_at": clock.now().isoformat(timespec="seconds"),
        "sha256": hashlib.sha256(_canonical(states)).hexdigest(),
        "states": states,
    }


# --- reading a pack -------------------------------------------------------------------------


def _date(code: str, name: str, value: Any, *, optional: bool) -> date | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"{code}: {name} {value!r} is not a date; write it as YYYY-MM-DD.")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            f"{code}: {name} {value!r} is not a date; write it as YYYY-MM-DD."
        ) from None


def _text(code: str, name: str, value: Any, *, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"{code}: {name} must be text.")
    return value


def _version(code: str, name: str, item: Any) -> PackVersion:
    if not isinstance(item, Mapping):
        raise InvalidInput(f"{code}: each rule version must be an object.")
    missing = [f for f in _VERSION_FIELDS if f not in item]
    if missing:
        raise InvalidInput(f"{code}: a rule version has no {', '.join(missing)}.")
    try:
        path = PathKind(item["path"])
        confidence = Confidence(item["confidence"])
    except ValueError as exc:
        raise InvalidInput(f"{code}: {exc}.") from None
    speed = item["max_speed_mph"]
    if speed is not None and (not isinstance(speed, int) or not 5 <= speed <= 85):
        raise InvalidInput(f"{code}: {speed!r} is not a posted speed limit in mph.")
    documents = item["documents"]
    if not isinstance(documents, list) or not all(isinstance(d, str) for d in documents):
        raise InvalidInput(f"{code}: documents must be a list of document names.")
    as_of = _date(code, "as_of", item["as_of"], optional=False)
    assert as_of is not None
    info = StateRuleInfo(
        code=code,
        name=name,
        effective_from=_date(code, "effective_from", item["effective_from"], optional=True),
        path=path,
        under_review=bool(item["under_review"]),
        max_speed_mph=speed,
        interstate_allowed=(
            None if item["interstate_allowed"] is None else bool(item["interstate_allowed"])
        ),
        road_limits=_text(code, "road_limits", item["road_limits"]),
        customer_text=_text(code, "customer_text", item["customer_text"]),
        documents=tuple(documents),
        citation=_text(code, "citation", item["citation"]),
        source=_text(code, "source", item["source"]),
        as_of=as_of,
        as_of_note=_text(code, "as_of_note", item["as_of_note"]),
        confidence=confidence,
        notes=_text(code, "notes", item["notes"]),
    )
    # effective_to is written for people; it must agree with the next version's start.
    _date(code, "effective_to", item["effective_to"], optional=True)
    return PackVersion(
        info, _date(code, "locally_verified_on", item["locally_verified_on"], optional=True)
    )


def _check_ends(code: str, versions: Sequence[PackVersion], raw: Sequence[Any]) -> None:
    order = sorted(range(len(versions)), key=lambda i: versions[i].info.effective_from or date.min)
    for position, index in enumerate(order):
        given = raw[index].get("effective_to")
        later = (
            versions[order[position + 1]].info.effective_from if position + 1 < len(order) else None
        )
        expected = _iso(later - timedelta(days=1)) if later else None
        if given != expected:
            raise InvalidInput(
                f"{code}: the rule versions overlap or leave a gap: a version ends on {given} "
                f"but the next starts {_iso(later) or 'never'}."
            )


def read_pack(session: Session, data: Any) -> tuple[dict[str, Any], list[PackState]]:
    """Check a whole pack (format, hash, states, versions, dates) before anything is used."""
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise InvalidInput("This file is not a keidesk rules pack.")
    if data.get("format_version") != FORMAT_VERSION:
        raise InvalidInput(
            f"Rules pack format version {data.get('format_version')!r} is unknown to this "
            f"keidesk (it reads version {FORMAT_VERSION}); install the keidesk that wrote it."
        )
    states = data.get("states")
    if not isinstance(states, list):
        raise InvalidInput("The rules pack holds no list of states.")
    if hashlib.sha256(_canonical(states)).hexdigest() != data.get("sha256"):
        raise InvalidInput(
            "The rules pack's SHA-256 does not match its content: it was changed or damaged "
            "after it was issued."
        )
    for key in ("issuer", "issued_at"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise InvalidInput(f"The rules pack does not say its {key.replace('_', ' ')}.")
    known = set(session.scalars(select(StateRule.code)))
    seen: set[str] = set()
    parsed: list[PackState] = []
    for item in states:
        if not isinstance(item, Mapping):
            raise InvalidInput("Each state in the rules pack must be an object.")
        code = str(item.get("code", "")).strip().upper()
        if code not in known:
            raise InvalidInput(f"{item.get('code')!r} in the rules pack is not a US state code.")
        if code in seen:
            raise InvalidInput(f"{code} appears twice in the rules pack.")
        seen.add(code)
        raw = item.get("versions")
        if not isinstance(raw, list) or not raw:
            raise InvalidInput(f"{code}: the rules pack has no rule versions for it.")
        name = _text(code, "name", item.get("name"))
        versions = [_version(code, name, v) for v in raw]
        check_versions(code, [v.info.effective_from for v in versions])
        _check_ends(code, versions, raw)
        parsed.append(
            PackState(
                code=code,
                name=name,
                agency=_text(code, "agency", item.get("agency", "")),
                agency_phone=_text(code, "agency_phone", item.get("agency_phone"), optional=True),
                agency_web=_text(code, "agency_web", item.get("agency_web"), optional=True),
                versions=tuple(sorted(versions, key=lambda v: v.info.effective_from or date.min)),
            )
        )
    return dict(data), parsed


# --- comparing and applying -----------------------------------------------------------------


def _label(field: str, start: date | None) -> str:
    return field if start is None else f"{field} (from {start.isoformat()})"


def _shown(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, PathKind | Confidence):
        return value.value
    if isinstance(value, tuple | list):
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _state_changes(state: StateRule, incoming: PackState) -> list[RuleChange]:
    changes: list[RuleChange] = []
    for field in _AGENCY_FIELDS:
        old, new = getattr(state, field), getattr(incoming, field)
        if (old or None) != (new or None):
            changes.append(RuleChange(state.code, field, old, new))
    here = {v.effective_from: version_info(state, v) for v in state.versions}
    there = {v.info.effective_from: v.info for v in incoming.versions}
    for start in sorted(set(here) | set(there), key=lambda d: d or date.min):
        label = f"version from {start.isoformat() if start else 'the beginning'}"
        if start not in there:
            changes.append(RuleChange(state.code, label, "on file", "removed"))
        elif start not in here:
            changes.append(RuleChange(state.code, label, None, "added"))
        else:
            for field in _CONTENT_FIELDS:
                if field == "effective_to":
                    continue
                old, new = getattr(here[start], field), getattr(there[start], field)
                if old != new:
                    changes.append(
                        RuleChange(state.code, _label(field, start), _shown(old), _shown(new))
                    )
    return changes


def _local_verified(state: StateRule) -> date:
    return max(max(v.as_of, v.locally_verified_on or v.as_of) for v in state.versions)


def _path_on(starts: list[date | None], paths: list[PathKind], day: date) -> PathKind:
    return paths[index_in_force(starts, day)]


def _affected_cases(
    session: Session, states: Mapping[str, tuple[StateRule, PackState]], today: date
) -> list[int]:
    if not states:
        return []
    rows = session.execute(
        select(Case.id, Case.destination_state, Case.planned_registration)
        .where(Case.destination_state.in_(list(states)), Case.stage != STAGE_COMPLETE)
        .order_by(Case.id)
    ).all()
    affected: list[int] = []
    for case_id, code, planned in rows:
        state, incoming = states[str(code)]
        day = planned or today
        before = _path_on(
            [v.effective_from for v in state.versions], [v.path for v in state.versions], day
        )
        after = _path_on(
            [v.info.effective_from for v in incoming.versions],
            [v.info.path for v in incoming.versions],
            day,
        )
        if before is not after:
            affected.append(int(case_id))
    return affected


def import_pack(
    session: Session,
    data: Any,
    *,
    user: str,
    today: date,
    dry_run: bool = False,
    overwrite_newer: bool = False,
) -> PackImport:
    """Check a pack, work out what it changes, and (unless a dry run) apply it.

    Refuses, changing nothing, when a changed state's rule was verified here more recently
    than the pack's copy, unless ``overwrite_newer``. Every accepted change is recorded in
    the history (the versions' field changes, by ``user``) and flags cases whose packet was
    printed before."""
    if not dry_run:
        require_manager(session, msg("bring in a rules pack (it changes state rules)"))
    header, incoming = read_pack(session, data)
    changed: dict[str, tuple[StateRule, PackState]] = {}
    changes: list[RuleChange] = []
    newer: list[str] = []
    for pack_state in incoming:
        state = session.get(StateRule, pack_state.code)
        assert state is not None  # read_pack checked the code
        found = _state_changes(state, pack_state)
        if not found:
            continue
        changed[state.code] = (state, pack_state)
        changes.extend(found)
        here = _local_verified(state)
        there = max(v.verified_on for v in pack_state.versions)
        if here > there:
            newer.append(
                f"{state.code}: verified here {here.isoformat()}, in the pack {there.isoformat()}"
            )
    affected = _affected_cases(session, changed, today)
    result = PackImport(
        issuer=header["issuer"],
        issued_at=header["issued_at"],
        changes=tuple(changes),
        affected_cases=tuple(affected),
        newer_here=tuple(newer),
        applied=False,
    )
    if dry_run or not changes:
        return result
    if newer and not overwrite_newer:
        raise InvalidInput(
            "The rules pack would overwrite rules verified here more recently ("
            + "; ".join(newer)
            + "); nothing was imported. Import again with --overwrite-newer to replace them."
        )
    now = clock.now()
    for state, pack_state in changed.values():
        _apply(session, state, pack_state, user=user, now=now)
    session.flush()
    return PackImport(**{**_fields(result), "applied": True})


def _fields(result: PackImport) -> dict[str, Any]:
    return {name: getattr(result, name) for name in PackImport.__slots__}


def _apply(
    session: Session, state: StateRule, incoming: PackState, *, user: str, now: datetime
) -> None:
    for field in _AGENCY_FIELDS:
        setattr(state, field, getattr(incoming, field) or ("" if field == "agency" else None))
    here = {v.effective_from: v for v in state.versions}
    wanted = {v.info.effective_from: v for v in incoming.versions}
    for start, row in here.items():
        if start not in wanted:
            state.versions.remove(row)
    session.flush()  # a removed version's start date is free before another takes it
    for start, pack_version in wanted.items():
        existing = here.get(start)
        fresh = version_row(pack_version.info)
        if existing is None:
            row = fresh
            state.versions.append(row)
        else:
            row = existing
            for field in _CONTENT_FIELDS:
                if field != "effective_to" and getattr(row, field) != getattr(fresh, field):
                    setattr(row, field, getattr(fresh, field))
        row.locally_verified_on = pack_version.locally_verified_on
        row.updated_by = user
        row.updated_at = now
    state.versions.sort(key=lambda v: v.effective_from or date.min)
    state.rule_changed_at = now


def pack_bytes(pack: Mapping[str, Any]) -> bytes:
    return (json.dumps(pack, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "PackImport",
    "RuleChange",
    "export_pack",
    "import_pack",
    "pack_bytes",
    "read_pack",
]
