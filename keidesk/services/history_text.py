"""A case's history in the words a person uses: "Customs value: — → $3,200.00",
"Customs: to do → in progress", "Document “Export certificate”: moved to the trash".

The history stores each change as it was made (table, column, old and new text as stored);
:func:`describe` turns one entry into what the CLI and the app show, with the labels of the
field registry (:data:`~keidesk.services.case_fields.FIELDS`) and the values formatted as the
workspace shows them. What a bare id stands for (a customer, a step, a document) is looked up
once for all entries (:func:`names_for`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from keidesk import clock
from keidesk.domain.dates import PartialDate
from keidesk.domain.documents import DocumentKind
from keidesk.domain.errors import InvalidInput
from keidesk.domain.messages import Message, msg, word
from keidesk.domain.money import Money
from keidesk.domain.workflow import STEP_TITLES, StepKey, StepStatus
from keidesk.services.case_fields import (
    DAY,
    DOLLARS,
    FIELDS,
    ODOMETER,
    PARTIAL_DATE,
    YEN,
    Owner,
)
from keidesk.services.views import HistoryView
from keidesk.storage.models import Customer, Document, WorkflowStep

NONE = "—"
ARROW = "→"

#: The tables of a case's history, as staff call them.
ENTITY_NAMES: Mapping[str, str] = {
    "cases": "Case",
    "vehicles": "Vehicle",
    "customers": "Customer",
    "workflow_steps": "Step",
    "documents": "Document",
    "costs": "Cost",
}

STATUS_WORDS: Mapping[str, str] = {
    StepStatus.TODO.value: "to do",
    StepStatus.IN_PROGRESS.value: "in progress",
    StepStatus.DONE.value: "done",
    StepStatus.BLOCKED.value: "blocked",
    StepStatus.NOT_APPLICABLE.value: "not applicable",
}


@dataclass(frozen=True, slots=True)
class HistoryNames:
    """What the ids in a case's history stand for."""

    customers: Mapping[int, str] = field(default_factory=dict)
    steps: Mapping[int, str] = field(default_factory=dict)  # step id -> its title
    documents: Mapping[int, str] = field(default_factory=dict)  # document id -> its title


@dataclass(frozen=True, slots=True)
class HistoryText:
    """One change as shown: what changed, the old and new values, and the whole line."""

    what: str
    old: str
    new: str
    text: str


Show = Callable[[str], str]


def _plain(value: str) -> str:
    return value


def _dollars(value: str) -> str:
    return str(Money(int(value), "USD"))


def _yen(value: str) -> str:
    return str(Money(int(value), "JPY"))


def _whole(value: str) -> str:
    return f"{int(value):,}"


def _partial_date(value: str) -> str:
    return str(PartialDate.from_iso(value))


def _moment(value: str) -> str:
    at = datetime.fromisoformat(value)
    return f"{clock.local_time(at):%Y-%m-%d %H:%M}"


def _day(value: str) -> str:
    return date.fromisoformat(value).isoformat()


def _stage(value: str) -> str:
    try:
        return word(STEP_TITLES[StepKey(value)])
    except ValueError:
        return word(value.capitalize())  # "Complete", as the case list shows it


def _status(value: str) -> str:
    return word(STATUS_WORDS[value]) if value in STATUS_WORDS else value


def _document_kind(value: str) -> str:
    try:
        return word(DocumentKind(value).label)
    except ValueError:
        return value.replace("_", " ")  # a packet's kind


def _words(value: str) -> str:
    return value.replace("_", " ")


def _registry_columns() -> dict[tuple[str, str], tuple[str, Show]]:
    """(table, column) -> (label, how a stored value is shown), from the field registry."""
    tables = {Owner.VEHICLE: "vehicles", Owner.CUSTOMER: "customers", Owner.CASE: "cases"}
    shows: dict[int, Show] = {
        id(DOLLARS): _dollars,
        id(YEN): _yen,
        id(PARTIAL_DATE): _partial_date,
        id(DAY): _day,
        id(ODOMETER): _whole,
    }
    columns: dict[tuple[str, str], tuple[str, Show]] = {}
    for spec in FIELDS.values():
        if spec.owner is None:
            continue
        table = tables[spec.owner]
        attrs = [column.attr for column in spec.bundled] or [spec.attr]
        for attr in attrs:
            if attr.endswith(("_currency", "_unit")):  # the odometer's km/mi, the price's JPY
                columns[(table, attr)] = (
                    msg("{label} unit", label=word(_without_unit(spec.label))),
                    _plain,
                )
            else:
                columns[(table, attr)] = (
                    _without_unit(spec.label),
                    shows.get(id(spec.kind), _plain),
                )
    return columns


def _without_unit(label: str) -> str:
    """The label without its currency ("Customs value"): the value shows "$" or "¥"."""
    return label.removesuffix(" (USD)").removesuffix(" (JPY)")


#: Stored columns that are not fields of the registry: worked out, or kept by the app.
_OTHER_COLUMNS: Mapping[tuple[str, str], tuple[str, Show]] = {
    ("cases", "stage"): ("Stage", _stage),
    ("cases", "customer_id"): ("Customer", _plain),  # a name, see describe
    ("cases", "vehicle_id"): ("Vehicle", _plain),
    ("cases", "uid"): ("Case identifier", _plain),
    ("cases", "created_at"): ("Created", _moment),
    ("cases", "rule_change_acknowledged_at"): ("State rule change acknowledged", _moment),
    ("vehicles", "identifier_kind"): ("Chassis number kind", _plain),
    ("vehicles", "model_code"): ("Model code", _plain),
    ("vehicles", "eligibility_basis"): ("Age counted from", _words),
    ("vehicles", "fmvss_eligible_on"): ("FMVSS eligible", _day),
    ("vehicles", "epa_eligible_on"): ("EPA eligible", _day),
    ("customers", "state_code"): ("Customer's state", _plain),
    ("workflow_steps", "status"): ("", _status),
    ("workflow_steps", "note"): ("note", _plain),
    ("workflow_steps", "due_on"): ("due", _day),
    ("workflow_steps", "blocked_by"): ("held by", _words),
    ("workflow_steps", "done_reason"): ("done without papers because", _plain),
    ("workflow_steps", "position"): ("position", _plain),
    ("workflow_steps", "key"): ("step", _stage),
    ("documents", "title"): ("title", _plain),
    ("documents", "doc_type"): ("kind", _document_kind),
    ("documents", "step_key"): ("filed under", _stage),
    ("documents", "removed_by"): ("removed by", _plain),
    ("documents", "original_name"): ("file name", _plain),
    ("documents", "media_type"): ("file type", _plain),
}

_COLUMNS: Mapping[tuple[str, str], tuple[str, Show]] = {
    **_registry_columns(),
    **_OTHER_COLUMNS,
}


def _value(show: Show, value: str | None) -> str:
    if value is None or value == "":
        return NONE
    try:
        return show(value)
    except (ValueError, KeyError, InvalidInput):
        return value  # stored by an older keidesk in another form: shown as stored


def _subject(entry: HistoryView, names: HistoryNames) -> str:
    """The row an entry is about, when it is not the case itself: "Customs", "Document “X”"."""
    key = int(entry.entity_key) if entry.entity_key.isdigit() else None
    if entry.entity == "workflow_steps":
        return word(names.steps.get(key, "Step") if key is not None else "Step")
    if entry.entity == "documents":
        title = names.documents.get(key) if key is not None else None
        return msg("Document “{title}”", title=title) if title else word("Document")
    return ""


def _document_summary(value: str | None) -> str:
    """A document's "create"/"delete" summary ("export_certificate: Scan") in words."""
    if not value:
        return NONE
    kind, _, title = value.partition(": ")
    return msg("“{title}” ({kind})", title=title, kind=_document_kind(kind)) if title else value


def describe(entry: HistoryView, names: HistoryNames = HistoryNames()) -> HistoryText:
    """One history entry in words."""
    entity = word(ENTITY_NAMES.get(entry.entity, _words(entry.entity).capitalize()))
    if entry.action == "create":
        if entry.entity == "documents":
            return _event(msg("Document added"), _document_summary(entry.new_value))
        return _event(msg("{entity} created", entity=entity), entry.new_value or "")
    if entry.action == "delete":
        if entry.entity == "documents":
            return _event(msg("Document deleted for good"), _document_summary(entry.old_value))
        return _event(msg("{entity} deleted", entity=entity), entry.old_value or "")
    subject = _subject(entry, names)
    column = entry.field or ""
    if entry.entity == "documents" and column == "removed_at":
        return _event(
            subject or word("Document"),
            msg("moved to the trash") if entry.new_value else msg("restored from the trash"),
        )
    label, show = _COLUMNS.get((entry.entity, column), (_words(column).capitalize(), _plain))
    label = label if isinstance(label, Message) else word(label)
    what: str = label
    if subject and label:
        what = msg("{subject} {label}", subject=subject, label=label)
    elif subject:
        what = subject
    if (entry.entity, column) == ("cases", "customer_id"):
        old = _customer(entry.old_value, names)
        new = _customer(entry.new_value, names)
    else:
        old, new = _value(show, entry.old_value), _value(show, entry.new_value)
    text = msg("{what}: {old} → {new}", what=what, old=old, new=new)
    return HistoryText(what=what, old=old, new=new, text=text)


def _event(what: str, detail: str) -> HistoryText:
    """Something that happened rather than a value changed: no old value."""
    text = msg("{what}: {detail}", what=what, detail=detail) if detail else what
    return HistoryText(what=what, old="", new=detail, text=text)


def _customer(value: str | None, names: HistoryNames) -> str:
    if not value:
        return NONE
    if not value.isdigit():
        return value
    name = names.customers.get(int(value))
    return name if name is not None else msg("customer {number}", number=value)


def _ids(entries: Iterable[HistoryView], entity: str, column: str | None = None) -> set[int]:
    found: set[int] = set()
    for entry in entries:
        if column is None and entry.entity == entity and entry.entity_key.isdigit():
            found.add(int(entry.entity_key))
        elif column is not None and entry.entity == entity and entry.field == column:
            found.update(int(v) for v in (entry.old_value, entry.new_value) if v and v.isdigit())
    return found


def names_for(session: Session, entries: list[HistoryView]) -> HistoryNames:
    """What the ids in ``entries`` stand for, read in (at most) three queries."""
    customer_ids = _ids(entries, "cases", "customer_id")
    step_ids = _ids(entries, "workflow_steps")
    document_ids = _ids(entries, "documents")
    customers: dict[int, str] = {}
    if customer_ids:
        query = select(Customer.id, Customer.name).where(Customer.id.in_(customer_ids))
        customers = dict(session.execute(query).all())
    steps: dict[int, str] = {}
    if step_ids:
        query_steps = select(WorkflowStep.id, WorkflowStep.key).where(WorkflowStep.id.in_(step_ids))
        steps = {step_id: STEP_TITLES[key] for step_id, key in session.execute(query_steps)}
    documents: dict[int, str] = {}
    if document_ids:
        query = select(Document.id, Document.title).where(Document.id.in_(document_ids))
        documents = dict(session.execute(query).all())
    # A document deleted for good is gone from its table: its title is in its entries.
    for entry in entries:
        if entry.entity == "documents" and entry.entity_key.isdigit():
            key = int(entry.entity_key)
            summary = entry.new_value or entry.old_value or ""
            if key not in documents and entry.action in ("create", "delete") and summary:
                documents[key] = summary.partition(": ")[2] or summary
    return HistoryNames(customers=customers, steps=steps, documents=documents)
