"""Case bundles: one ``.zip`` that carries cases between keidesk databases (office and laptop,
or to a broker), with their attachments, packets and history.

Layout: ``bundle.json`` (the cases), ``files/<sha256>`` (each attachment or packet once), and
``manifest.json`` (the SHA-256 of every other member). A bundle comes from outside, so
:func:`open_bundle` trusts nothing: it refuses path traversal, absolute paths, links, unknown
members, too many or too large members, compression bombs, and any file that does not match the
manifest, before anything is written.

A case already here (same uid, or same chassis number) is compared field by field and step by
step; for each differing item the user keeps theirs (``mine``), takes the bundle's
(``theirs``) or keeps both (``both``: nothing is lost from either side). Both histories are kept.
Importing the same bundle again changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
import tempfile
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from keidesk import __version__, clock
from keidesk.atomic import replacing
from keidesk.dataio.archive import bomb_reason
from keidesk.dataio.sheets import write_refused
from keidesk.domain.costs import CostKind, NewCost, parse_currency, parse_rate, rate_text
from keidesk.domain.dates import PartialDate
from keidesk.domain.documents import DocumentKind
from keidesk.domain.errors import InvalidInput, KeideskError, NotFound
from keidesk.domain.messages import msg
from keidesk.domain.money import Money
from keidesk.domain.workflow import BlockedBy, StepKey, StepStatus
from keidesk.services import cases
from keidesk.services.case_fields import FIELDS, Column, FieldSpec, json_day, json_text, owner_row
from keidesk.services.documents import AttachmentStore
from keidesk.services.reference import decode_chassis
from keidesk.storage.database import Database
from keidesk.storage.models import (
    Case,
    Cost,
    Document,
    HistoryEntry,
    Vehicle,
    WorkflowStep,
    case_number,
)
from keidesk.storage.server import history_name

FORMAT = 1
MANIFEST = "manifest.json"
DOCUMENT = "bundle.json"
FILES_DIR = "files/"
MAX_MEMBERS = 2_000
MAX_MEMBER_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_JSON_BYTES = 64 * 1024 * 1024
_SHA_NAME = re.compile(r"files/([0-9a-f]{64})")


class BundleRefused(InvalidInput):
    """A bundle that is unsafe or damaged; nothing was imported."""


class Choice(StrEnum):
    MINE = "mine"  # keep what is here
    THEIRS = "theirs"  # take the bundle's
    BOTH = "both"  # keep both: fill gaps, join notes, the further step status


# --- exporting ------------------------------------------------------------------------------


def _iso(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


#: Columns compared and carried, by JSON key: the case field and its stored column.
_DETAIL_FIELDS: dict[str, tuple[FieldSpec, Column]] = {
    column.key: (spec, column) for spec in FIELDS.values() for column in spec.bundled
}


def detail_label(key: str) -> str:
    """The field label (from the registry) of a compared detail, by its JSON key."""
    return _DETAIL_FIELDS[key][0].label


def _get(case: Case, key: str) -> Any:
    spec, column = _DETAIL_FIELDS[key]
    assert spec.owner is not None
    row = owner_row(case, spec.owner)
    return None if row is None else getattr(row, column.attr)


def _details(case: Case) -> dict[str, Any]:
    return {key: _iso(_get(case, key)) for key in _DETAIL_FIELDS}


def _step_doc(step: WorkflowStep) -> dict[str, Any]:
    return {
        "key": step.key.value,
        "status": step.status.value,
        "blocked_by": _iso(step.blocked_by),
        "note": step.note,
        "due_on": _iso(step.due_on),
        "done_reason": step.done_reason,
        "updated_by": step.updated_by,
        "updated_at": _iso(step.updated_at),
    }


#: How the age gate's note began; bundles written before steps said who holds a block are read
#: by it, as migration 0003 read the databases of those releases.
_LEGACY_GATE_NOTE = "Not FMVSS-eligible until"


def _blocked_by(step: Mapping[str, Any]) -> BlockedBy | None:
    """Who holds a bundle step's block: the rule it names, else a person (None)."""
    if "blocked_by" in step:
        return BlockedBy(step["blocked_by"]) if step["blocked_by"] else None
    legacy_gate = (
        step["key"] == StepKey.AGE.value
        and step["status"] == StepStatus.BLOCKED.value
        and str(step.get("note") or "").startswith(_LEGACY_GATE_NOTE)
    )
    return BlockedBy.AGE_GATE if legacy_gate else None


def _cost_doc(cost: Cost) -> dict[str, Any]:
    return {
        "kind": cost.kind,
        "amount_minor": cost.amount_minor,
        "currency": cost.currency,
        "rate": cost.rate,
        "usd_cents": cost.usd_cents,
        "paid_on": _iso(cost.paid_on),
        "note": cost.note,
        "created_by": cost.created_by,
        "created_at": _iso(cost.created_at),
    }


def _cost_key(cost: Mapping[str, Any]) -> tuple[Any, ...]:
    """What makes two costs the same line of the ledger (who entered it and when aside)."""
    return tuple(
        cost.get(k) for k in ("kind", "amount_minor", "currency", "rate", "paid_on", "note")
    )


def _cost_text(cost: Mapping[str, Any]) -> str:
    amount = Money(cost["amount_minor"], cost["currency"])
    rate = f" at {cost['rate']}" if cost.get("rate") else ""
    return f"{CostKind(cost['kind']).label} {amount}{rate} paid {cost['paid_on']}"


def _costs_text(costs: Sequence[Mapping[str, Any]]) -> str:
    return "; ".join(_cost_text(c) for c in costs) or "no costs"


def _history_doc(entry: HistoryEntry) -> dict[str, Any]:
    return {
        "at": _iso(entry.at),
        "by": entry.by,
        "entity": entry.entity,
        "entity_key": entry.entity_key,
        "action": entry.action,
        "field": entry.field,
        "old_value": entry.old_value,
        "new_value": entry.new_value,
    }


def _case_doc(session: Session, case: Case) -> dict[str, Any]:
    history = session.scalars(
        select(HistoryEntry).where(HistoryEntry.case_id == case.id).order_by(HistoryEntry.id)
    )
    return {
        "uid": case.uid,
        "number": case.number,
        "created_at": _iso(case.created_at),
        "details": _details(case),
        "steps": [_step_doc(s) for s in case.steps],
        "documents": [
            {
                "sha256": d.sha256,
                "kind": d.kind,
                "doc_type": d.doc_type,
                "title": d.title,
                "original_name": d.original_name,
                "size_bytes": d.size_bytes,
                "media_type": d.media_type,
                "step_key": _iso(d.step_key),
                "added_at": _iso(d.added_at),
                "added_by": d.added_by,
                "removed_at": _iso(d.removed_at),
                "removed_by": d.removed_by,
            }
            for d in case.documents
        ],
        "costs": [_cost_doc(c) for c in sorted(case.costs, key=lambda c: c.id)],
        "history": [_history_doc(h) for h in history],
    }


@dataclass(frozen=True, slots=True)
class BundleExport:
    path: Path
    cases: int
    files: int


def export_bundle(
    session: Session, store: AttachmentStore, case_ids: Sequence[int], out: Path, *, user: str
) -> BundleExport:
    """Write the cases, their files and a manifest to ``out`` (a new .zip)."""
    if out.suffix.lower() != ".zip":
        raise InvalidInput(msg("A bundle is a .zip file; {name} is not.", name=out.name))
    if not out.parent.is_dir():
        raise InvalidInput(msg("The folder {folder} does not exist.", folder=str(out.parent)))
    docs = []
    for case_id in dict.fromkeys(case_ids):
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(msg("There is no case {case_id}.", case_id=case_id))
        docs.append(_case_doc(session, case))
    shas = sorted({d["sha256"] for doc in docs for d in doc["documents"]})
    for sha in shas:
        if not store.has(sha):
            raise InvalidInput(
                msg(
                    "An attachment of these cases is missing from the attachment folder "
                    "({sha}…); run 'keidesk check'.",
                    sha=sha[:12],
                )
            )
    document = json.dumps(
        {
            "format": FORMAT,
            "app": "keidesk",
            "version": __version__,
            "exported_at": clock.now().isoformat(),
            "exported_by": user,
            "cases": docs,
        },
        ensure_ascii=False,
        indent=1,
    ).encode()
    manifest: dict[str, str] = {DOCUMENT: hashlib.sha256(document).hexdigest()}
    try:
        with (
            replacing(out) as tmp,
            zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            archive.writestr(DOCUMENT, document)
            for sha in shas:
                archive.write(store.path_for(sha), f"{FILES_DIR}{sha}")
                manifest[f"{FILES_DIR}{sha}"] = sha
            archive.writestr(
                MANIFEST,
                json.dumps({"format": FORMAT, "app": "keidesk", "files": manifest}, indent=1),
            )
    except OSError as exc:
        raise write_refused(out, exc) from None
    return BundleExport(out, len(docs), len(shas))


# --- opening safely ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BundleContents:
    """A verified bundle: its case documents and files (by SHA-256)."""

    name: str
    cases: tuple[dict[str, Any], ...]
    files: Mapping[str, bytes]


def _refuse(name: str, why: str) -> BundleRefused:
    return BundleRefused(
        msg("{name} was not imported: {why}. Nothing was changed.", name=name, why=why)
    )


def _check_member(name: str, info: zipfile.ZipInfo) -> None:
    member = info.filename
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise _refuse(name, msg("it contains a link ({member!r})", member=member))
    parts = member.replace("\\", "/").split("/")
    if (
        member.startswith(("/", "\\"))
        or "\\" in member
        or re.match(r"^[A-Za-z]:", member)
        or ".." in parts
        or "\x00" in member
    ):
        raise _refuse(
            name, msg("it contains a path outside the bundle ({member!r})", member=member)
        )
    if member not in {MANIFEST, DOCUMENT, FILES_DIR} and not _SHA_NAME.fullmatch(member):
        raise _refuse(name, msg("it contains an unexpected file ({member!r})", member=member))
    if info.file_size > MAX_MEMBER_BYTES:
        raise _refuse(
            name,
            msg("{member!r} is too large ({size:,} bytes)", member=member, size=info.file_size),
        )
    if (bomb := bomb_reason(info)) is not None:
        raise _refuse(name, bomb)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    """Read at most the declared size; a member that expands past it is refused."""
    limit = info.file_size
    with archive.open(info) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise _refuse(name, msg("{member!r} is larger than it claims", member=info.filename))
    return data


def open_bundle(path: Path) -> BundleContents:
    """Read and verify a bundle completely; raises :class:`BundleRefused` for anything unsafe."""
    name = path.name
    if not path.is_file():
        raise InvalidInput(msg("There is no file at {path}.", path=str(path)))
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise _refuse(name, msg("it is not a zip file")) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise _refuse(
                name,
                msg(
                    "it has {count:,} members (at most {most:,})",
                    count=len(infos),
                    most=MAX_MEMBERS,
                ),
            )
        names = [i.filename for i in infos]
        if len(set(names)) != len(names):
            raise _refuse(name, msg("it lists the same file twice"))
        total = 0
        for info in infos:
            _check_member(name, info)
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise _refuse(name, msg("it would unpack to {total:,} bytes", total=total))
        members = {i.filename: i for i in infos if not i.is_dir()}
        if MANIFEST not in members or DOCUMENT not in members:
            raise _refuse(name, msg("it is not a keidesk case bundle (no manifest)"))
        if members[DOCUMENT].file_size > MAX_JSON_BYTES:
            raise _refuse(name, msg("its case document is too large"))
        try:
            manifest = json.loads(_read_member(archive, members[MANIFEST], name))
            listed = manifest["files"]
            if not isinstance(listed, dict) or not all(isinstance(v, str) for v in listed.values()):
                raise TypeError
        except (ValueError, KeyError, TypeError, RecursionError):
            raise _refuse(name, msg("its manifest is unreadable")) from None
        if set(listed) != set(members) - {MANIFEST}:
            raise _refuse(name, msg("its files do not match its manifest (it was changed)"))
        data: dict[str, bytes] = {}
        try:
            for member, info in members.items():
                if member == MANIFEST:
                    continue
                content = _read_member(archive, info, name)
                digest = hashlib.sha256(content).hexdigest()
                if digest != listed[member]:
                    raise _refuse(
                        name,
                        msg(
                            "{member!r} does not match its manifest (it was changed)", member=member
                        ),
                    )
                match = _SHA_NAME.fullmatch(member)
                if match and match.group(1) != digest:
                    raise _refuse(
                        name, msg("{member!r} is not the file its name says", member=member)
                    )
                data[member] = content
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise _refuse(name, msg("it is damaged ({reason})", reason=str(exc))) from None
    try:
        document = json.loads(data.pop(DOCUMENT), parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise _refuse(name, msg("its case document is not valid JSON")) from None
    try:
        case_docs = _validate_document(document)
    except InvalidInput as exc:
        raise _refuse(
            name, msg("its case document is not one keidesk can read ({reason})", reason=str(exc))
        ) from None
    files = {m.removeprefix(FILES_DIR): content for m, content in data.items()}
    for doc in case_docs:
        for d in doc["documents"]:
            if d["sha256"] not in files:
                raise _refuse(name, msg("the file of {title!r} is missing", title=d["title"]))
    return BundleContents(name, tuple(case_docs), files)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


def _at(where: str, check: Callable[[Any], Any], value: Any) -> Any:
    """``check(value)``, a refusal naming where in the document the value is."""
    try:
        return check(value)
    except InvalidInput as exc:
        raise InvalidInput(f"{where}: {exc}") from None


def _record(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidInput(f"{where} is not a record")
    return value


def _records(value: Any, where: str) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise InvalidInput(f"{where} is not a list")
    return [_record(item, f"{where} {number}") for number, item in enumerate(value, 1)]


def _text_or_none(value: Any) -> str | None:
    return None if value is None else json_text(value)


def _filled_text(value: Any) -> str:
    text = json_text(value)
    if not text.strip():
        raise InvalidInput("it is empty")
    return text


def _instant(value: Any) -> datetime:
    """A stored moment: ISO text that also converts to UTC (year 1 with an offset does not)."""
    try:
        return datetime.fromisoformat(json_text(value)).astimezone(UTC)
    except (ValueError, OverflowError):
        raise InvalidInput(f"{str(value)[:40]!r} is not a date and time") from None


def _optional(check: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else check(value)


def _one_of(kind: type[StrEnum]) -> Callable[[Any], Any]:
    def read(value: Any) -> Any:
        try:
            return kind(json_text(value))
        except ValueError:
            raise InvalidInput(f"{str(value)[:40]!r} is not a {kind.__name__}") from None

    return read


def _sha(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[0-9a-f]{64}", value):
        raise InvalidInput("it is not a SHA-256")
    return value


def _validate_cost(cost: dict[str, Any]) -> None:
    """A bundle's cost, read as the costs service reads one (:meth:`NewCost.checked`, the same
    kinds, currencies, bounds and rates); its US cents must be what its rate gives."""
    minor = cost.get("amount_minor")
    if type(minor) is not int:
        raise InvalidInput("its amount is not a whole number of minor units")
    currency = parse_currency(json_text(cost.get("currency")))
    amount = Money.parse(format(Money(minor, currency).major, "f"), currency)
    rate = cost.get("rate")
    checked = NewCost.checked(
        CostKind.parse(json_text(cost.get("kind"))),
        amount,
        None if rate is None else parse_rate(json_text(rate)),
        json_day(cost.get("paid_on")),
        _text_or_none(cost.get("note")) or "",
    )
    if cost.get("usd_cents") != checked.usd_cents:
        raise InvalidInput(f"its US-dollar value is not {checked.amount} at its rate")
    if not (_text_or_none(cost.get("created_by")) or "").strip():
        raise InvalidInput("it does not say who added it")
    _optional(_instant)(cost.get("created_at"))
    cost.update(  # as stored: canonical kind, currency and rate text
        kind=checked.kind.value,
        currency=currency,
        rate=None if checked.rate is None else rate_text(checked.rate),
        paid_on=checked.paid_on.isoformat(),
        note=checked.note,
    )


def _validate_document(document: Any) -> list[dict[str, Any]]:
    """The bundle's cases, every value checked through the field registry's kinds (the same
    checks a value typed in the app or imported from a sheet gets); a refusal says where."""
    if not isinstance(document, dict) or type(document.get("format")) is not int:
        raise InvalidInput("it is not a keidesk case document")
    if document["format"] != FORMAT:
        raise InvalidInput(f"its format {document['format']} is not {FORMAT}")
    case_docs = _records(document.get("cases"), "cases")
    for number, doc in enumerate(case_docs, 1):
        _validate_case_doc(doc, f"case {number}")
    return case_docs


def _validate_case_doc(doc: dict[str, Any], where: str) -> None:
    uid = _at(f"{where} uid", _filled_text, doc.get("uid"))
    if len(uid) > 36:
        raise InvalidInput(f"{where} uid: it is longer than 36 characters")
    details = _record(doc.get("details"), f"{where} details")
    _at(f"{where} chassis", _filled_text, details.get("chassis"))
    for name, value in details.items():
        if name not in _DETAIL_FIELDS:
            raise InvalidInput(f"{where} has an unknown field {str(name)[:40]!r}")
        if value is not None:
            _at(f"{where} {name}", _DETAIL_FIELDS[name][1].json, value)
    for number, step in enumerate(_records(doc.get("steps"), f"{where} steps"), 1):
        at = f"{where} step {number}"
        _at(f"{at} key", _one_of(StepKey), step.get("key"))
        _at(f"{at} status", _one_of(StepStatus), step.get("status"))
        if step.get("blocked_by") is not None:
            _at(f"{at} blocked_by", _one_of(BlockedBy), step["blocked_by"])
        step.setdefault("note", "")  # what differences() compares: present, even if old
        step.setdefault("due_on", None)
        _at(f"{at} note", _text_or_none, step["note"])
        _at(f"{at} due_on", _optional(json_day), step["due_on"])
        _at(f"{at} done_reason", _text_or_none, step.get("done_reason"))
        _at(f"{at} updated_by", _text_or_none, step.get("updated_by"))
        _at(f"{at} updated_at", _optional(_instant), step.get("updated_at"))
    for number, d in enumerate(_records(doc.get("documents"), f"{where} documents"), 1):
        at = f"{where} document {number}"
        _at(f"{at} sha256", _sha, d.get("sha256"))
        _at(f"{at} title", _filled_text, d.get("title"))
        for key in ("kind", "doc_type", "original_name", "media_type", "added_by", "removed_by"):
            _at(f"{at} {key}", _text_or_none, d.get(key))
        if d.get("kind", "attachment") == "attachment" and d.get("doc_type") is not None:
            _at(f"{at} doc_type", _one_of(DocumentKind), d["doc_type"])
        _at(f"{at} step_key", _optional(_one_of(StepKey)), d.get("step_key"))
        _at(f"{at} added_at", _optional(_instant), d.get("added_at"))
        _at(f"{at} removed_at", _optional(_instant), d.get("removed_at"))
    if "costs" in doc:  # bundles written before costs were carried have none
        for number, cost in enumerate(_records(doc["costs"], f"{where} costs"), 1):
            _at(f"{where} cost {number}", _validate_cost, cost)
    for number, entry in enumerate(_records(doc.get("history"), f"{where} history"), 1):
        at = f"{where} history {number}"
        _at(f"{at} at", _instant, entry.get("at"))
        for key in ("by", "entity", "entity_key", "action"):
            _at(f"{at} {key}", json_text, entry.get(key))
        for key in ("field", "old_value", "new_value"):
            _at(f"{at} {key}", _text_or_none, entry.get(key))


# --- comparing and importing ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Difference:
    item: str  # "details" or "step:<key>": what one choice applies to
    field: str
    mine: Any
    theirs: Any


@dataclass(frozen=True, slots=True)
class CaseImport:
    uid: str
    chassis: str
    number: str | None  # the case here (None in a dry run of a new case)
    outcome: str  # "created", "updated", "unchanged", "conflict"
    differences: tuple[Difference, ...] = ()
    documents_added: int = 0
    history_added: int = 0


@dataclass(frozen=True, slots=True)
class BundleImport:
    name: str
    cases: tuple[CaseImport, ...]
    dry_run: bool = False
    conflicts: int = field(default=0)


class BundleConflict(InvalidInput):
    """Cases in the bundle differ from the ones here and no choice was made."""

    def __init__(self, result: BundleImport) -> None:
        count = sum(1 for c in result.cases if c.outcome == "conflict")
        super().__init__(
            msg(
                "{count} case(s) in {name} differ from the ones here; choose for each "
                "difference: keep mine, take theirs, or keep both (--prefer). Nothing was "
                "imported.",
                count=count,
                name=result.name,
            )
        )
        self.result = result


_STATUS_RANK = {
    StepStatus.TODO: 0,
    StepStatus.BLOCKED: 1,
    StepStatus.IN_PROGRESS: 2,
    StepStatus.NOT_APPLICABLE: 3,
    StepStatus.DONE: 4,
}


def _find_local(session: Session, doc: Mapping[str, Any]) -> Case | None:
    case = session.scalar(select(Case).where(Case.uid == doc["uid"]))
    if case is not None:
        return case
    try:
        chassis = decode_chassis(session, doc["details"]["chassis"]).chassis.normalized
    except KeideskError:
        return None
    return session.scalar(select(Case).join(Case.vehicle).where(Vehicle.chassis_number == chassis))


def differences(case: Case, doc: Mapping[str, Any]) -> list[Difference]:
    """What differs between the case here and the bundle's, item by item."""
    found: list[Difference] = []
    mine = _details(case)
    for name, theirs in doc["details"].items():
        if mine.get(name) != theirs:
            found.append(Difference("details", name, mine.get(name), theirs))
    local_steps = {s.key.value: _step_doc(s) for s in case.steps}
    for step in doc["steps"]:
        local = local_steps.get(step["key"])
        if local is None:
            continue
        for part in ("status", "note", "due_on"):
            if local[part] != step[part]:
                found.append(Difference(f"step:{step['key']}", part, local[part], step[part]))
    if "costs" in doc:  # a bundle from before costs were carried says nothing about them
        mine_costs = _local_costs(case)
        if sorted(map(_cost_key, mine_costs)) != sorted(map(_cost_key, doc["costs"])):
            found.append(
                Difference("costs", "costs", _costs_text(mine_costs), _costs_text(doc["costs"]))
            )
    return found


def _local_costs(case: Case) -> list[dict[str, Any]]:
    return [_cost_doc(c) for c in sorted(case.costs, key=lambda c: c.id)]


def _add_costs(
    session: Session, case: Case, costs: Sequence[Mapping[str, Any]], *, skip: Sequence[Any] = ()
) -> None:
    """The bundle's costs on ``case``, each line once: a line identical to one in ``skip``
    (the costs already here) is not added again."""
    have = list(skip)
    for cost in costs:
        key = _cost_key(cost)
        if key in have:
            have.remove(key)
            continue
        session.add(
            Cost(
                case_id=case.id,
                kind=cost["kind"],
                amount_minor=cost["amount_minor"],
                currency=cost["currency"],
                rate=cost["rate"],
                usd_cents=cost["usd_cents"],
                paid_on=date.fromisoformat(cost["paid_on"]),
                note=cost["note"],
                created_by=str(cost["created_by"])[:80],
                created_at=datetime.fromisoformat(cost["created_at"])
                if cost.get("created_at")
                else clock.now(),
            )
        )
    session.flush()
    session.expire(case, ["costs"])


def _joined(mine: str, theirs: str) -> str:
    if not theirs or theirs in mine:
        return mine
    if not mine or mine in theirs:
        return theirs
    return f"{mine}\n{theirs}"


def _set_detail(
    session: Session, case: Case, name: str, value: Any, *, user: str, today: date
) -> None:
    spec, column = _DETAIL_FIELDS[name]
    typed = None if value is None else column.json(value)
    if name == "chassis":
        cases.update_case(session, case.id, {"chassis": typed}, user=user, today=today)
        return
    if spec.name == "customer_name":
        cases.update_case(session, case.id, {"customer_name": typed or ""}, user=user, today=today)
        return
    assert spec.owner is not None
    row = owner_row(case, spec.owner)
    if row is not None:  # a customer's details wait for the customer's name
        setattr(row, column.attr, typed)


def _apply(
    session: Session,
    case: Case,
    doc: Mapping[str, Any],
    found: Sequence[Difference],
    choices: Mapping[str, Choice],
    *,
    user: str,
    today: date,
) -> None:
    details_choice = choices.get("details")
    order = list(_DETAIL_FIELDS)
    for diff in sorted(
        (d for d in found if d.item == "details"), key=lambda d: order.index(d.field)
    ):
        if details_choice is Choice.THEIRS:
            _set_detail(session, case, diff.field, diff.theirs, user=user, today=today)
        elif details_choice is Choice.BOTH:
            if diff.field == "notes":
                _set_detail(
                    session,
                    case,
                    "notes",
                    _joined(diff.mine or "", diff.theirs or ""),
                    user=user,
                    today=today,
                )
            elif diff.mine is None and diff.theirs is not None:
                _set_detail(session, case, diff.field, diff.theirs, user=user, today=today)
    steps = {s.key.value: s for s in case.steps}
    their_steps = {s["key"]: s for s in doc["steps"]}
    for item in dict.fromkeys(d.item for d in found if d.item.startswith("step:")):
        choice = choices.get(item)
        key = item.removeprefix("step:")
        step = steps[key]
        theirs = {d.field: d.theirs for d in found if d.item == item}
        if choice is Choice.THEIRS:
            step.blocked_by = _blocked_by(their_steps[key])
            if "status" in theirs:
                step.status = StepStatus(theirs["status"])
            if "note" in theirs:
                step.note = theirs["note"] or ""
            if "due_on" in theirs:
                step.due_on = date.fromisoformat(theirs["due_on"]) if theirs["due_on"] else None
            if "status" in theirs:
                step.done_reason = their_steps[key].get("done_reason")
        elif choice is Choice.BOTH:
            if (
                "status" in theirs
                and _STATUS_RANK[StepStatus(theirs["status"])] > _STATUS_RANK[step.status]
            ):
                step.status = StepStatus(theirs["status"])
                step.blocked_by = _blocked_by(their_steps[key])
            if "note" in theirs:
                step.note = _joined(step.note, theirs["note"] or "")
            if "due_on" in theirs and step.due_on is None and theirs["due_on"]:
                step.due_on = date.fromisoformat(theirs["due_on"])
        else:
            continue
        step.updated_by = user
        step.updated_at = clock.now()
    if any(d.item == "costs" for d in found):
        # Costs are a ledger: theirs replaces the lines here; both keeps every line of either
        # side once (a line on both sides is not doubled).
        costs_choice = choices.get("costs")
        if costs_choice is Choice.THEIRS:
            keep = [_cost_key(c) for c in doc["costs"]]
            for cost in sorted(case.costs, key=lambda c: c.id):
                line = _cost_key(_cost_doc(cost))
                if line in keep:
                    keep.remove(line)
                else:
                    session.delete(cost)
            session.flush()
            session.expire(case, ["costs"])
            _add_costs(session, case, doc["costs"], skip=[_cost_key(c) for c in _local_costs(case)])
        elif costs_choice is Choice.BOTH:
            _add_costs(session, case, doc["costs"], skip=[_cost_key(c) for c in _local_costs(case)])
    cases.refresh_stage(case)


def _snapshot(case: Case) -> tuple[Any, ...]:
    return (
        _details(case),
        [_step_doc(s) for s in case.steps],
        sorted(map(_cost_key, _local_costs(case))),
    )


def _create(session: Session, doc: Mapping[str, Any], *, user: str, today: date) -> Case:
    details = doc["details"]

    def typed(name: str) -> Any:
        value = details.get(name)
        return None if value is None else _DETAIL_FIELDS[name][1].json(value)

    case_id = cases.create_case(
        session,
        chassis=details["chassis"],
        built=typed("built"),
        first_registered=typed("first_registered"),
        customer=details.get("customer_name"),
        state=details.get("destination_state"),
        eta=typed("eta"),
        notes=details.get("notes") or "",
        today=today,
    )
    case = session.get(Case, case_id)
    assert case is not None
    case.uid = doc["uid"]
    for name, value in details.items():
        if name in {"chassis", "customer_name"}:
            continue
        if _details(case).get(name) != value:
            _set_detail(session, case, name, value, user=user, today=today)
    bundle_steps = {s["key"]: s for s in doc["steps"]}
    for step in case.steps:
        theirs = bundle_steps.get(step.key.value)
        if theirs is None:
            continue
        step.status = StepStatus(theirs["status"])
        step.blocked_by = _blocked_by(theirs)
        step.note = theirs.get("note") or ""
        step.due_on = date.fromisoformat(theirs["due_on"]) if theirs.get("due_on") else None
        step.done_reason = theirs.get("done_reason")
        step.updated_by = theirs.get("updated_by")
        step.updated_at = (
            datetime.fromisoformat(theirs["updated_at"]) if theirs.get("updated_at") else None
        )
    cases.refresh_stage(case)
    session.flush()
    _add_costs(session, case, doc.get("costs", ()))
    return case


def _add_documents(
    session: Session,
    store: AttachmentStore,
    case: Case,
    doc: Mapping[str, Any],
    files: Mapping[str, bytes],
) -> int:
    have = {(d.sha256, d.kind, d.title) for d in case.documents}
    added = 0
    for d in doc["documents"]:
        key = (d["sha256"], d.get("kind", "attachment"), d["title"])
        if key in have:
            continue
        if not store.has(d["sha256"]):  # a bug: store_files was not called
            raise RuntimeError("Call store_files(store, contents) before import_bundle.")
        session.add(
            Document(
                case_id=case.id,
                step_key=StepKey(d["step_key"]) if d.get("step_key") else None,
                kind=key[1] if key[1] in {"attachment", "packet"} else "attachment",
                doc_type=str(d.get("doc_type") or "other")[:40],
                title=d["title"][:200],
                original_name=str(d.get("original_name") or d["title"])[:260],
                sha256=d["sha256"],
                size_bytes=len(files[d["sha256"]]),
                media_type=str(d.get("media_type") or "application/octet-stream")[:100],
                added_at=datetime.fromisoformat(d["added_at"])
                if d.get("added_at")
                else clock.now(),
                added_by=str(d.get("added_by") or "bundle")[:80],
                removed_at=datetime.fromisoformat(d["removed_at"]) if d.get("removed_at") else None,
                removed_by=str(d["removed_by"])[:80] if d.get("removed_by") else None,
            )
        )
        have.add(key)
        added += 1
    session.flush()
    return added


def _history_key(entry: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(
        entry.get(k) for k in ("at", "by", "entity", "action", "field", "old_value", "new_value")
    )


def _add_history(session: Session, case: Case, doc: Mapping[str, Any]) -> int:
    """The bundle's history entries this case lacks (both sides' history is kept)."""
    local = session.scalars(select(HistoryEntry).where(HistoryEntry.case_id == case.id))
    have = {_history_key(_history_doc(h)) for h in local}
    # An office server writes the signed-in person's name into each line added (migration
    # 0011): the line as this database stores it is the one to look for, else the bundle's
    # lines would be added again at each import.
    recorded_as = history_name(session)
    rows = []
    for entry in doc["history"]:
        key = _history_key(entry)
        stored = key if recorded_as is None else _history_key({**entry, "by": recorded_as})
        if key in have or stored in have:
            continue
        have.update((key, stored))
        rows.append(
            HistoryEntry(
                at=datetime.fromisoformat(entry["at"]).astimezone(UTC),
                by=str(entry["by"])[:80],
                case_id=case.id,
                entity=str(entry["entity"])[:24],
                entity_key=str(entry["entity_key"])[:40],
                action=str(entry["action"])[:8],
                field=entry.get("field"),
                old_value=entry.get("old_value"),
                new_value=entry.get("new_value"),
            )
        )
    session.add_all(rows)
    session.flush()
    return len(rows)


def store_files(store: AttachmentStore, contents: BundleContents) -> tuple[str, ...]:
    """Copy the bundle's files into the attachment store; returns the SHA-256 of those that
    were new. Call it before the transaction that runs :func:`import_bundle`, so no write
    transaction is held open while files are copied; :func:`import_files_and_cases` does both
    and takes the new files out again when the import does not go through."""
    added: list[str] = []
    for sha, content in contents.files.items():
        if store.has(sha):
            continue
        with tempfile.TemporaryDirectory() as folder:
            incoming = Path(folder) / "incoming"
            incoming.write_bytes(content)
            stored = store.put(incoming)
        if stored.sha256 != sha:  # verified on opening; a changed file is a bug
            raise BundleRefused("A bundle file changed while it was imported.")
        added.append(sha)
    return tuple(added)


def remove_unreferenced(session: Session, store: AttachmentStore, shas: Sequence[str]) -> int:
    """Delete the stored files among ``shas`` that no document refers to (the files a bundle
    brought in before its import was refused); returns how many were removed."""
    if not shas:
        return 0
    used = set(session.scalars(select(Document.sha256).where(Document.sha256.in_(shas))))
    return store.discard([sha for sha in shas if sha not in used])


def import_files_and_cases(
    database: Database,
    store: AttachmentStore,
    contents: BundleContents,
    *,
    user: str,
    today: date,
    choices: Mapping[str, Mapping[str, Choice]] | None = None,
    default_choice: Choice | None = None,
) -> BundleImport:
    """Store the bundle's files (no transaction open while copying), then import its cases in
    one transaction. When the import is refused, conflicts, fails or is interrupted, the files
    it brought in are taken out again: a refused bundle leaves nothing behind."""
    added = store_files(store, contents)
    try:
        with database.transaction(user) as session:
            return import_bundle(
                session,
                store,
                contents,
                user=user,
                today=today,
                choices=choices,
                default_choice=default_choice,
            )
    except BaseException:
        with database.reader() as session:
            remove_unreferenced(session, store, added)
        raise


def import_bundle(
    session: Session,
    store: AttachmentStore,
    contents: BundleContents,
    *,
    user: str,
    today: date,
    choices: Mapping[str, Mapping[str, Choice]] | None = None,
    default_choice: Choice | None = None,
    dry_run: bool = False,
) -> BundleImport:
    """Import a verified bundle in the caller's transaction. ``choices`` maps a case uid to
    {item: choice} for items of :func:`differences`; ``default_choice`` covers the rest.
    Raises :class:`BundleConflict` (the caller's transaction rolls back) when a difference has
    no choice. Reads no file: :func:`store_files` has put the bundle's files in the store."""
    results: list[CaseImport] = []
    unresolved = False
    for doc in contents.cases:
        local = _find_local(session, doc)
        chassis = doc["details"]["chassis"]
        if local is None:
            if dry_run:
                results.append(CaseImport(doc["uid"], chassis, None, "created"))
                continue
            case = _create(session, doc, user=user, today=today)
            docs_added = _add_documents(session, store, case, doc, contents.files)
            history_added = _add_history(session, case, doc)
            results.append(
                CaseImport(
                    doc["uid"],
                    case.vehicle.chassis_number,
                    case.number,
                    "created",
                    (),
                    docs_added,
                    history_added,
                )
            )
            continue
        found = differences(local, doc)
        case_choices = dict((choices or {}).get(doc["uid"], {}))
        missing = {d.item for d in found} - set(case_choices)
        if missing and default_choice is None:
            unresolved = True
            results.append(
                CaseImport(
                    doc["uid"], local.vehicle.chassis_number, local.number, "conflict", tuple(found)
                )
            )
            continue
        for item in missing:
            case_choices[item] = default_choice  # type: ignore[assignment]
        if dry_run:
            results.append(
                CaseImport(
                    doc["uid"],
                    local.vehicle.chassis_number,
                    local.number,
                    "updated" if found else "unchanged",
                    tuple(found),
                )
            )
            continue
        before = _snapshot(local)
        _apply(session, local, doc, found, case_choices, user=user, today=today)
        session.flush()
        docs_added = _add_documents(session, store, local, doc, contents.files)
        history_added = _add_history(session, local, doc)
        changed = _snapshot(local) != before or docs_added or history_added
        results.append(
            CaseImport(
                doc["uid"],
                local.vehicle.chassis_number,
                case_number(local.id),
                "updated" if changed else "unchanged",
                tuple(found),
                docs_added,
                history_added,
            )
        )
    result = BundleImport(
        contents.name, tuple(results), dry_run, sum(1 for r in results if r.outcome == "conflict")
    )
    if unresolved and not dry_run:
        raise BundleConflict(result)
    return result
