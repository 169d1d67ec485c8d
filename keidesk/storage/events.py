"""Session hooks that keep the append-only history and the search text, whoever changes data.

Putting them on the session (rather than in each service) means no code path can change a case
without leaving a trace in the history.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import InstanceState, Session, SessionTransaction, sessionmaker

from keidesk import clock
from keidesk.domain.chassis import fold_for_search
from keidesk.domain.dates import PartialDate
from keidesk.domain.money import Money
from keidesk.storage import locks
from keidesk.storage.models import (
    Case,
    ChassisCode,
    Cost,
    Customer,
    Document,
    HistoryEntry,
    Setting,
    StateRule,
    StateRuleVersion,
    Vehicle,
    WorkflowStep,
)

#: Columns that change as a side effect and would only add noise to the history.
_QUIET_COLUMNS = frozenset(
    {"search_text", "updated_at", "updated_by", "stage_since", "version", *Case.SORT_KEY_COLUMNS}
)

#: Classes whose changes are recorded, and which of them record a "create" entry.
_AUDITED = (
    Case,
    Vehicle,
    Customer,
    WorkflowStep,
    Document,
    StateRule,
    StateRuleVersion,
    ChassisCode,
    Setting,
    Cost,
)
_RECORD_CREATE = (Case, Customer, Document, Cost, StateRule, StateRuleVersion, ChassisCode, Setting)

USER_KEY = "keidesk_user"
#: The ids of the cases whose version this transaction has bumped already (once is enough).
_BUMPED_KEY = "keidesk_versions_bumped"


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _entity_key(obj: Any) -> str:
    if isinstance(obj, StateRuleVersion):  # the state and the start, not a bare row id
        start = obj.effective_from.isoformat() if obj.effective_from else "-"
        return f"{obj.state_code}/{start}"
    key = inspect(obj).mapper.primary_key_from_instance(obj)
    return "/".join(str(part) for part in key)


def _case_id(session: Session, obj: Any) -> int | None:
    if isinstance(obj, Case):
        return obj.id
    if isinstance(obj, WorkflowStep | Document | Cost):
        return obj.case_id
    if isinstance(obj, Vehicle):
        return session.connection().scalar(select(Case.id).where(Case.vehicle_id == obj.id))
    return None


def _summary(obj: Any) -> str:
    if isinstance(obj, Case):
        return obj.vehicle.chassis_number if obj.vehicle else obj.number
    if isinstance(obj, Customer):
        return obj.name
    if isinstance(obj, Document):
        return f"{obj.doc_type}: {obj.title}"
    if isinstance(obj, StateRule | ChassisCode):
        return obj.code
    if isinstance(obj, StateRuleVersion):
        start = obj.effective_from.isoformat() if obj.effective_from else "the beginning"
        return f"{obj.state_code} from {start}"
    if isinstance(obj, Setting):
        return obj.key
    if isinstance(obj, Cost):
        return f"{obj.kind}: {Money(obj.amount_minor, obj.currency)}"
    return _entity_key(obj)


_AddEntry = Callable[[Any, str, str | None, Any, Any], None]


def _history_writer(session: Session) -> tuple[list[dict[str, Any]], _AddEntry]:
    """Rows for the history, and the function that adds one (by the session's user, at one
    moment for all of them)."""
    user = str(session.info.get(USER_KEY) or "unknown")
    now = clock.now()
    rows: list[dict[str, Any]] = []

    def add(obj: Any, action: str, field: str | None, old: Any, new: Any) -> None:
        rows.append(
            {
                "at": now,
                "by": user,
                "case_id": _case_id(session, obj),
                "entity": obj.__tablename__,
                "entity_key": _entity_key(obj),
                "action": action,
                "field": field,
                "old_value": _text(old),
                "new_value": _text(new),
            }
        )

    return rows, add


def _add_creates(objects: Iterable[Any], add: _AddEntry) -> None:
    for obj in objects:
        if isinstance(obj, _RECORD_CREATE):
            add(obj, "create", None, None, _summary(obj))


def record_created(session: Session, objects: Iterable[Any]) -> None:
    """The history entries a flush records for new objects, for rows written without one
    (:func:`keidesk.storage.bulk.insert_new`)."""
    rows, add = _history_writer(session)
    _add_creates(objects, add)
    if rows:
        session.connection().execute(insert(HistoryEntry), rows)


def _file_under_cases(session: Session, customer: Customer, rows: list[dict[str, Any]]) -> None:
    """A change to a customer's details (phone, e-mail, address...) shows in the history of
    each of their cases: the customer's entries just added, once per case."""
    mine = [
        row
        for row in rows
        if row["entity"] == "customers"
        and row["entity_key"] == str(customer.id)
        and row["action"] == "update"
        and row["case_id"] is None
    ]
    if not mine:
        return
    case_ids = list(
        session.connection().scalars(select(Case.id).where(Case.customer_id == customer.id))
    )
    if not case_ids:
        return
    for row in mine:
        rows.remove(row)
        rows.extend({**row, "case_id": case_id} for case_id in case_ids)


def _after_flush(session: Session, _context: object) -> None:
    rows, add = _history_writer(session)
    _add_creates(session.new, add)
    for obj in session.dirty:
        if not isinstance(obj, _AUDITED) or not session.is_modified(obj):
            continue
        state: InstanceState[Any] = inspect(obj)
        for column in state.mapper.column_attrs:
            if column.key in _QUIET_COLUMNS:
                continue
            history = state.attrs[column.key].history
            if not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if _text(old) != _text(new):
                add(obj, "update", column.key, old, new)
        if isinstance(obj, Customer):
            _file_under_cases(session, obj, rows)
    for obj in session.deleted:
        if isinstance(obj, _AUDITED):
            add(obj, "delete", None, _summary(obj), None)
    if rows:
        session.connection().execute(insert(HistoryEntry), rows)


def compose_search_text(
    *,
    chassis: str | None,
    model_code: str | None,
    make: str | None,
    model: str | None,
    customer: str | None,
    phone: str | None,
    email: str | None,
    state: str | None,
    notes: str | None,
    step_notes: Iterable[str | None] = (),
    document_titles: Iterable[str | None] = (),
) -> str:
    """What search-as-you-type looks in, folded as a typed query is
    (:func:`~keidesk.domain.chassis.fold_for_search`): the chassis number, model code, make
    and model, the customer's name, phone (also as bare digits), e-mail, the destination
    state, the case's notes, its steps' notes and its documents' titles (not those in the
    trash). One place for it: the flush hooks, bulk inserts, the demo and migration 0010."""
    digits = "".join(char for char in phone or "" if char.isdigit())
    parts = [chassis, model_code, make, model, customer, phone, digits, email, state, notes]
    parts.extend(step_notes)
    parts.extend(document_titles)
    return fold_for_search(" ".join(part for part in parts if part))


def search_text_for(case: Case, gone: Collection[object] = ()) -> str:
    """The search text of a case as it stands (``gone``: its steps and documents being
    deleted in this flush)."""
    vehicle = case.vehicle
    customer = case.customer
    return compose_search_text(
        chassis=vehicle.chassis_number if vehicle else None,
        model_code=vehicle.model_code if vehicle else None,
        make=vehicle.make if vehicle else None,
        model=vehicle.model if vehicle else None,
        customer=customer.name if customer else None,
        phone=customer.phone if customer else None,
        email=customer.email if customer else None,
        state=case.destination_state,
        notes=case.notes,
        step_notes=(step.note for step in case.steps if step not in gone),
        document_titles=(
            doc.title for doc in case.documents if doc.removed_at is None and doc not in gone
        ),
    )


#: What each kind of row adds to its case's search text: a change to one of these columns
#: (or the row being added or deleted, for steps and documents) makes it again.
_SEARCHED: Mapping[type, tuple[str, ...]] = {
    Case: ("notes", "destination_state", "customer_id", "customer", "vehicle_id", "vehicle"),
    Vehicle: ("chassis_number", "model_code", "make", "model"),
    Customer: ("name", "phone", "email"),
    WorkflowStep: ("note",),
    Document: ("title", "removed_at"),
}


def _search_changed(obj: Any) -> bool:
    state: InstanceState[Any] = inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in _SEARCHED[type(obj)])


def _changed_cases(session: Session) -> set[Case]:
    """The existing cases this flush changes: the case itself, its vehicle, its customer's
    fields, its steps, its documents or its costs (added, changed or removed)."""
    changed: set[Case] = set()
    for obj in session.dirty:
        if isinstance(obj, Case):
            if session.is_modified(obj):
                changed.add(obj)
        elif isinstance(obj, Vehicle):
            if session.is_modified(obj) and obj.case is not None:
                changed.add(obj.case)
        elif isinstance(obj, Customer) and session.is_modified(obj, include_collections=False):
            changed.update(obj.cases)
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, WorkflowStep | Document | Cost) and (
            obj in session.new or obj in session.deleted or session.is_modified(obj)
        ):
            case = obj.case if obj.case is not None else session.get(Case, obj.case_id)
            if case is not None:
                changed.add(case)
    return {
        case
        for case in changed
        if case not in session.new and case not in session.deleted and case.id is not None
    }


def _bump_versions(session: Session) -> None:
    """One more version for each case this transaction changes (once per transaction)."""
    bumped: set[int] = session.info.setdefault(_BUMPED_KEY, set())
    for case in _changed_cases(session):
        if case.id not in bumped:
            bumped.add(case.id)
            version: int | None = case.version
            if locks.locks_rows(session):
                # Several seats write at once: count on from the version as it is now, under
                # the case's row lock, never from one read before another seat's save.
                locks.lock_case(session, case.id)
                version = session.connection().scalar(
                    select(Case.version).where(Case.id == case.id)
                )
            case.version = (version or 0) + 1


def _transaction_ended(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_BUMPED_KEY, None)
        locks.forget_locks(session)


def sort_keys_for(case: Case) -> dict[str, str]:
    """The case list's stored sort keys (``Case.sort_*``): what each column sorts by,
    lower-cased, "" for none. The case list orders by (key, id)."""
    vehicle = case.vehicle
    make = (vehicle.make or "") if vehicle else ""
    model = (vehicle.model or "") if vehicle else ""
    built = vehicle.built if vehicle else None
    eligible_on = vehicle.fmvss_eligible_on if vehicle else None
    return {
        "sort_chassis": vehicle.chassis_number.lower() if vehicle else "",
        "sort_vehicle": " ".join(p for p in (make, model) if p).lower(),
        "sort_model": model.lower(),
        "sort_built": built.iso() if built else "",
        "sort_eligible_on": eligible_on.isoformat() if eligible_on else "",
        "sort_customer": case.customer.name.lower() if case.customer else "",
        "sort_state": case.destination_state or "",
    }


def keep_derived(case: Case, *, search: bool = True, gone: Collection[object] = ()) -> None:
    """Set the sort keys and (with ``search``) the search text a case's data imply (only
    those that changed)."""
    if search:
        text = search_text_for(case, gone)
        if case.search_text != text:
            case.search_text = text
    for name, value in sort_keys_for(case).items():
        if getattr(case, name) != value:
            setattr(case, name, value)


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    with session.no_autoflush:
        _bump_versions(session)
        # Every case whose sort keys may change, and (True) whether its search text may too:
        # only then are its steps and documents read.
        touched: dict[Case, bool] = {}

        def touch(case: Case | None, search: bool) -> None:
            if case is not None and case not in session.deleted:
                touched[case] = touched.get(case, False) or search

        for obj in session.new:
            if isinstance(obj, Case):
                touch(obj, True)
            elif isinstance(obj, Vehicle):
                touch(obj.case, True)
            elif isinstance(obj, WorkflowStep | Document):
                touch(_owning_case(session, obj), True)
        for obj in session.dirty:
            if isinstance(obj, Case):
                touch(obj, _search_changed(obj))
            elif isinstance(obj, Vehicle):
                touch(obj.case, _search_changed(obj))
            elif isinstance(obj, Customer):
                # Only a change to what is searched reads the customer's cases; adding a case
                # to a customer must not load all their cases (it made bulk imports quadratic).
                if _search_changed(obj):
                    for case in obj.cases:
                        touch(case, True)
            elif isinstance(obj, WorkflowStep | Document) and _search_changed(obj):
                touch(_owning_case(session, obj), True)
        for obj in session.deleted:
            if isinstance(obj, WorkflowStep | Document):
                touch(_owning_case(session, obj), True)
        gone = set(session.deleted)
        for case, search in touched.items():
            keep_derived(case, search=search, gone=gone)


def _owning_case(session: Session, obj: WorkflowStep | Document) -> Case | None:
    # Typed as always set; a row being added may carry only its case id (or neither yet).
    case: Case | None = obj.case
    if case is not None:
        return case
    case_id: int | None = obj.case_id
    case = None if case_id is None else session.get(Case, case_id)
    if case is not None and obj in session.new:
        obj.case = case  # a row added by its case id: into its case's collection, searched
    return case


def install(factory: sessionmaker[Session]) -> None:
    """Attach the history and search hooks to every session the factory makes.

    Each session names its user in ``session.info[USER_KEY]``.
    """
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "after_transaction_end", _transaction_ended)
