"""Cases: creating them, reading them, editing them and moving them through the workflow."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any, cast

from sqlalchemy import ColumnElement, Select, and_, func, inspect, select, text
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from keidesk import clock
from keidesk.domain.dates import PartialDate
from keidesk.domain.duty import BodyType, estimate_duty
from keidesk.domain.eligibility import assess_eligibility
from keidesk.domain.errors import InvalidInput, KeideskError, NotFound
from keidesk.domain.kei_class import check_kei_class
from keidesk.domain.money import Money
from keidesk.domain.workflow import (
    StepKey,
    StepStatus,
    age_block_reason,
    check_step_change,
    stage_of,
)
from keidesk.services.case_fields import EDITABLE, Owner
from keidesk.services.documents import document_view
from keidesk.services.reference import (
    chassis_code_info,
    decode_chassis,
    known_model_codes,
    normalize_state_code,
    state_rule_view,
)
from keidesk.services.views import (
    CaseDetail,
    CaseSummary,
    CustomerView,
    DecodedChassis,
    HistoryView,
    StepView,
)
from keidesk.storage.bulk import insert_new
from keidesk.storage.models import (
    Case,
    ChassisCode,
    Customer,
    HistoryEntry,
    StateRule,
    Vehicle,
    WorkflowStep,
    case_number,
)

#: The note the age gate writes; a step blocked with it is unblocked by the gate, not by hand.
AGE_GATE_NOTE_PREFIX = "Not FMVSS-eligible until"


class EligibilityFilter(StrEnum):
    NOW = "now"
    WITHIN_90_DAYS = "within_90_days"
    NOT_YET = "not_yet"
    UNKNOWN = "unknown"


class ShipmentFilter(StrEnum):
    """Where the truck is: on the water (sailed, not yet arrived) or at the US port (arrived,
    not yet released by customs)."""

    AT_SEA = "at_sea"
    AT_PORT = "at_port"


@dataclass(frozen=True, slots=True)
class CaseFilter:
    """What the case list shows; every part is answered by the database."""

    search: str = ""
    stage: str | None = None
    state: str | None = None
    eligibility: EligibilityFilter | None = None
    blocked: bool | None = None
    overdue: bool | None = None
    ids: tuple[int, ...] | None = None
    shipment: ShipmentFilter | None = None


SORT_COLUMNS: Mapping[str, Any] = {
    "id": Case.id,
    "chassis": Vehicle.chassis_number,
    "make": Vehicle.make,
    "model": Vehicle.model,
    "built": Vehicle.built,
    "fmvss_eligible_on": Vehicle.fmvss_eligible_on,
    "customer": Customer.name,
    "state": Case.destination_state,
    "stage": Case.stage,
    "stage_since": Case.stage_since,
    "eta": Case.eta,
}


# --- creating -------------------------------------------------------------------------------


def create_case(
    session: Session,
    *,
    chassis: str,
    today: date,
    built: PartialDate | None = None,
    first_registered: PartialDate | None = None,
    customer: str | None = None,
    state: str | None = None,
    eta: date | None = None,
    notes: str = "",
) -> int:
    """Record a truck as a new case with its eight workflow steps; returns the case id."""
    item = NewCase(chassis, built, first_registered, customer, state, eta, notes)
    try:
        (case_id,) = create_cases(session, [item], user="keidesk", today=today)
    except CaseCreationFailed as exc:
        raise cast(KeideskError, exc.__cause__) from None
    return case_id


@dataclass(frozen=True, slots=True)
class NewCase:
    """One case for :func:`create_cases`: :func:`create_case`'s arguments, plus further
    fields as :func:`update_case` takes them (``{"purchase_price": Money(...)}``)."""

    chassis: str
    built: PartialDate | None = None
    first_registered: PartialDate | None = None
    customer: str | None = None
    state: str | None = None
    eta: date | None = None
    notes: str = ""
    changes: Mapping[str, Any] = field(default_factory=dict)


class CaseCreationFailed(InvalidInput):
    """``items[index]`` of :func:`create_cases` was refused; the message says why."""

    def __init__(self, index: int, error: KeideskError) -> None:
        super().__init__(str(error))
        self.index = index


@dataclass
class _Batch:
    """What cases created together share, looked up once for all of them."""

    known_codes: frozenset[str]
    taken: dict[str, int]  # chassis numbers of this batch already on file -> case id
    customers: dict[str, Customer]  # lower-cased name -> customer (existing or new)
    #: Reference rows held while the batch runs: the session's identity map is weak, and
    #: without this each case would load its chassis code and state rule again.
    reference: list[Any]
    chassis: set[str] = field(default_factory=set)


def create_cases(
    session: Session, items: Sequence[NewCase], *, user: str, today: date
) -> list[int]:
    """Record new trucks (one, or a whole spreadsheet) with all the rules of creating and
    editing a case; all of them or, on the first refusal, none.

    Each case is built and checked as ORM objects, then written with plain INSERTs
    (:func:`keidesk.storage.bulk.insert_new`, with the same history and search text as a
    flush): the session's unit of work made a 10,000-row import take 13 s. ``user`` is who
    the ``changes`` of the items are recorded for, in the workflow steps they move.
    """
    reference: list[Any] = [
        *session.scalars(select(ChassisCode)),
        *session.scalars(select(StateRule)),
    ]
    codes = known_model_codes(session)
    wanted = set()
    for item in items:
        with contextlib.suppress(KeideskError):  # a bad number is reported when it is reached
            wanted.add(decode_chassis(session, item.chassis, known_codes=codes).chassis.normalized)
    taken = {
        str(chassis): int(case_id)
        for chassis, case_id in session.execute(
            select(Vehicle.chassis_number, Case.id)
            .join(Case.vehicle)
            .where(Vehicle.chassis_number.in_(wanted))
        )
    }
    names = {
        item.customer.strip().lower() for item in items if item.customer and item.customer.strip()
    }
    customers: dict[str, Customer] = {}
    for customer in session.scalars(
        select(Customer).where(func.lower(Customer.name).in_(names)).order_by(Customer.id)
    ):
        customers.setdefault(customer.name.lower(), customer)
    batch = _Batch(codes, taken, customers, reference)
    made: list[Case] = []
    with session.no_autoflush:
        for index, item in enumerate(items):
            try:
                made.append(_new_case(session, item, today=today, user=user, batch=batch))
            except KeideskError as exc:
                raise CaseCreationFailed(index, exc) from exc
    session.flush()  # new customers (and any customer field an item changed) first
    insert_new(
        session,
        [row for case in made for row in (case.vehicle, case, *case.steps)],
    )
    return [case.id for case in made]


def _new_case(session: Session, item: NewCase, *, today: date, user: str, batch: _Batch) -> Case:
    """The case, its vehicle and steps as new objects outside the session, checked and
    derived; a new customer is added to the session."""
    built, first_registered = item.built, item.first_registered
    decoded = decode_chassis(session, item.chassis, built=built, known_codes=batch.known_codes)
    normalized = decoded.chassis.normalized
    if normalized in batch.taken:
        existing = case_number(batch.taken[normalized])
        raise InvalidInput(f"Chassis number {normalized} is already case {existing}.")
    if normalized in batch.chassis:
        raise InvalidInput(f"Chassis number {normalized} is given twice.")
    batch.chassis.add(normalized)
    _check_dates(built, first_registered, today)
    state_code = normalize_state_code(session, item.state) if item.state else None
    vehicle = Vehicle(chassis_number=normalized, identifier_kind=decoded.chassis.kind.value)
    _apply_decoding(vehicle, decoded)
    vehicle.built = built
    vehicle.first_registered = first_registered
    _derive_eligibility(vehicle, today)
    case = Case(vehicle=vehicle, notes=item.notes.strip(), eta=item.eta)
    name = (item.customer or "").strip()
    if name:
        customer = batch.customers.get(name.lower())
        if customer is None:
            customer = Customer(name=name, state_code=state_code)
            batch.customers[name.lower()] = customer
            session.add(customer)
        _link_customer(case, customer)
        state_code = state_code or customer.state_code
    case.destination_state = state_code
    case.steps = [
        WorkflowStep(key=key, position=key.position, status=StepStatus.TODO, note="")
        for key in StepKey
    ]
    case.stage = StepKey.INTAKE.value
    case.stage_since = clock.now()
    _apply_age_gate(case, today, user=None)
    _refresh_stage(case)
    if item.changes:
        _apply_changes(session, case, item.changes, user=user, today=today)
    return case


def _link_customer(case: Case, customer: Customer | None) -> None:
    """Set a case's customer. A new case is not in the session (``create_cases`` writes it
    itself), so it is linked without the customer's side taking it into the session."""
    if inspect(case).transient:
        set_committed_value(case, "customer", customer)
    else:
        case.customer = customer


def _refuse_duplicate(
    session: Session, normalized: str, *, except_vehicle: int | None = None
) -> None:
    query = select(Case.id).join(Case.vehicle).where(Vehicle.chassis_number == normalized)
    if except_vehicle is not None:
        query = query.where(Vehicle.id != except_vehicle)
    existing = session.scalar(query)
    if existing is not None:
        raise InvalidInput(f"Chassis number {normalized} is already case {case_number(existing)}.")


def _check_dates(
    built: PartialDate | None, first_registered: PartialDate | None, today: date
) -> None:
    if built is not None and built.earliest() > today:
        raise InvalidInput(f"The build date {built} is in the future.")
    if first_registered is not None and first_registered.earliest() > today:
        raise InvalidInput(f"The first registration date {first_registered} is in the future.")
    if (
        built is not None
        and first_registered is not None
        and first_registered.latest() < built.earliest()
    ):
        raise InvalidInput(
            f"First registration {first_registered} is before the build date {built}; "
            "a truck is registered on or after it is built."
        )


def _customer_named(session: Session, name: str, state_code: str | None) -> Customer:
    existing = session.scalar(
        select(Customer).where(func.lower(Customer.name) == name.lower()).limit(1)
    )
    if existing is not None:
        return existing
    customer = Customer(name=name, state_code=state_code)
    session.add(customer)
    return customer


def _apply_decoding(vehicle: Vehicle, decoded: DecodedChassis) -> None:
    vehicle.model_code = decoded.chassis.model_code
    if decoded.code is not None:
        info = decoded.code
        vehicle.make = info.make
        vehicle.model = info.model
        vehicle.drive = vehicle.drive or info.drive
        vehicle.engine = vehicle.engine or info.engine
        vehicle.engine_cc = vehicle.engine_cc or info.engine_cc
        if info.body == "van":
            vehicle.body_type = BodyType.VAN


def _derive_eligibility(vehicle: Vehicle, today: date) -> None:
    if vehicle.built is None and vehicle.first_registered is None:
        vehicle.eligibility_basis = None
        vehicle.fmvss_eligible_on = None
        vehicle.epa_eligible_on = None
        return
    result = assess_eligibility(vehicle.built, vehicle.first_registered, today)
    vehicle.eligibility_basis = result.basis
    vehicle.fmvss_eligible_on = result.fmvss.eligible_on
    vehicle.epa_eligible_on = result.epa.eligible_on


def _age_reference(case: Case, today: date) -> date:
    return case.eta or today


def _apply_age_gate(case: Case, today: date, *, user: str | None) -> bool:
    """Block the age step while the truck is too young by the ETA (or today); unblock it when
    it comes of age. Returns whether the step changed."""
    step = _step(case, StepKey.AGE)
    reason = age_block_reason(case.vehicle.fmvss_eligible_on, _age_reference(case, today))
    if reason is not None:
        note = reason.replace("Not FMVSS-eligible until", AGE_GATE_NOTE_PREFIX, 1)
        if step.status is StepStatus.BLOCKED and step.note == note:
            return False
        step.status = StepStatus.BLOCKED
        step.note = note
    elif step.status is StepStatus.BLOCKED and step.note.startswith(AGE_GATE_NOTE_PREFIX):
        step.status = StepStatus.TODO
        step.note = f"FMVSS-eligible from {case.vehicle.fmvss_eligible_on}."
    else:
        return False
    step.updated_by = user or "keidesk"
    step.updated_at = clock.now()
    return True


def _refresh_stage(case: Case) -> None:
    stage = stage_of({step.key: step.status for step in case.steps})
    if stage != case.stage:
        case.stage = stage
        case.stage_since = clock.now()


def _step(case: Case, key: StepKey) -> WorkflowStep:
    return next(step for step in case.steps if step.key is key)


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(f"There is no case {case_id}.")
    return case


# --- the workflow ---------------------------------------------------------------------------

_UNSET: Any = object()


def set_step(
    session: Session,
    case_id: int,
    key: StepKey,
    status: StepStatus,
    *,
    user: str,
    today: date,
    note: str | None = None,
    due_on: date | None = _UNSET,
) -> StepView:
    """Move one step to a new status, if the gates allow it; a refusal changes nothing."""
    case = _case(session, case_id)
    _apply_age_gate(case, today, user=user)
    statuses = {step.key: step.status for step in case.steps}
    check_step_change(
        statuses,
        key,
        status,
        fmvss_eligible_on=case.vehicle.fmvss_eligible_on,
        age_reference=_age_reference(case, today),
    )
    step = _step(case, key)
    step.status = status
    if note is not None:
        step.note = note.strip()
    if due_on is not _UNSET:
        step.due_on = due_on
    step.updated_by = user
    step.updated_at = clock.now()
    _refresh_stage(case)
    session.flush()
    return _step_view(step, today)


def refresh_age_gates(session: Session, *, today: date) -> int:
    """Re-check the age gate of every case whose answer may have changed with time.

    Cheap at any size: only cases blocked by the gate whose date has come are touched. It
    runs at every start-up, so the due cases are found with a plain id query first (compiling
    the full case load costs more than the query itself when nothing is due).
    """
    due_ids = (
        select(Case.id)
        .join(Case.vehicle)
        .join(WorkflowStep, and_(WorkflowStep.case_id == Case.id, WorkflowStep.key == StepKey.AGE))
        .where(
            WorkflowStep.status == StepStatus.BLOCKED,
            WorkflowStep.note.startswith(AGE_GATE_NOTE_PREFIX),
            Vehicle.fmvss_eligible_on <= func.coalesce(Case.eta, today),
        )
    )
    if session.scalar(due_ids.limit(1)) is None:
        return 0
    due = session.scalars(select(Case).where(Case.id.in_(due_ids)).order_by(Case.id)).unique()
    changed = 0
    for case in due:
        if _apply_age_gate(case, today, user=None):
            _refresh_stage(case)
            changed += 1
    session.flush()
    return changed


# --- editing --------------------------------------------------------------------------------


def update_case(
    session: Session, case_id: int, changes: Mapping[str, Any], *, user: str, today: date
) -> None:
    """Apply typed field changes to a case, all or none; derived data follow."""
    _apply_changes(session, _case(session, case_id), changes, user=user, today=today)
    session.flush()


def _apply_changes(
    session: Session, case: Case, changes: Mapping[str, Any], *, user: str, today: date
) -> None:
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise InvalidInput(f"A case has no field {', '.join(sorted(unknown))}.")
    vehicle = case.vehicle
    for name, value in changes.items():
        spec = EDITABLE[name]
        if name == "chassis":
            decoded = decode_chassis(session, str(value), built=vehicle.built)
            _refuse_duplicate(session, decoded.chassis.normalized, except_vehicle=vehicle.id)
            vehicle.chassis_number = decoded.chassis.normalized
            vehicle.identifier_kind = decoded.chassis.kind.value
            _apply_decoding(vehicle, decoded)
        elif name == "destination_state":
            case.destination_state = normalize_state_code(session, value) if value else None
        elif name == "customer_name":
            customer_name = (str(value) if value is not None else "").strip()
            _link_customer(
                case,
                _customer_named(session, customer_name, case.destination_state)
                if customer_name
                else None,
            )
        elif spec.owner is Owner.CUSTOMER:
            if case.customer is None:
                raise InvalidInput("Enter the customer's name first.")
            setattr(case.customer, spec.attr, spec.checked(value))
        else:
            owner = vehicle if spec.owner is Owner.VEHICLE else case
            setattr(owner, spec.attr, spec.checked(value))
    _check_dates(vehicle.built, vehicle.first_registered, today)
    if case.etd and case.eta and case.eta < case.etd:
        raise InvalidInput(f"The ETA {case.eta} is before the ETD {case.etd}.")
    _derive_eligibility(vehicle, today)
    _apply_age_gate(case, today, user=user)
    _refresh_stage(case)


# --- reading --------------------------------------------------------------------------------


def case_detail(session: Session, case_id: int, *, today: date) -> CaseDetail:
    case = _case(session, case_id)
    vehicle = case.vehicle
    warnings: list[str] = []
    decoded = decode_chassis(session, vehicle.chassis_number, built=vehicle.built)
    warnings.extend(decoded.warnings)
    eligibility = None
    if vehicle.built is not None or vehicle.first_registered is not None:
        eligibility = assess_eligibility(vehicle.built, vehicle.first_registered, case.eta or today)
    rule = state_rule_view(case.state_rule, today) if case.state_rule is not None else None
    if rule is not None:
        warnings.extend(rule.warnings)
    customs_value = case.customs_value
    duty = None
    landed = None
    if customs_value is not None:
        duty = estimate_duty(
            body=vehicle.body_type,
            customs_value_cents=customs_value.minor,
            built=vehicle.built or vehicle.first_registered,
            entry_date=case.release_date or case.eta or today,
        )
        # What the truck costs landed: its value, duty and fees, and the freight to get it here.
        landed = Money(customs_value.minor + duty.total_cents + (case.freight_cents or 0), "USD")
    steps = tuple(_step_view(step, today) for step in case.steps)
    return CaseDetail(
        id=case.id,
        uid=case.uid,
        number=case.number,
        chassis=vehicle.chassis_number,
        identifier_kind=vehicle.identifier_kind,
        model_code=vehicle.model_code,
        make=vehicle.make,
        model=vehicle.model,
        body_type=vehicle.body_type,
        built=vehicle.built,
        first_registered=vehicle.first_registered,
        engine=vehicle.engine,
        engine_cc=vehicle.engine_cc,
        drive=vehicle.drive,
        colour=vehicle.colour,
        length_mm=vehicle.length_mm,
        width_mm=vehicle.width_mm,
        height_mm=vehicle.height_mm,
        odometer=vehicle.odometer,
        purchase_price=vehicle.purchase_price,
        decoded=decoded if decoded is not None else None,
        eligibility=eligibility,
        kei_class=check_kei_class(
            vehicle.built or vehicle.first_registered,
            engine_cc=vehicle.engine_cc,
            length_mm=vehicle.length_mm,
            width_mm=vehicle.width_mm,
            height_mm=vehicle.height_mm,
        ),
        customer=_customer_view(case.customer),
        destination_state=case.destination_state,
        state_rule=rule,
        vessel=case.vessel,
        bill_of_lading=case.bill_of_lading,
        port_of_loading=case.port_of_loading,
        port_of_entry=case.port_of_entry,
        etd=case.etd,
        eta=case.eta,
        entry_number=case.entry_number,
        release_date=case.release_date,
        customs_value=customs_value,
        freight=case.freight,
        duty_paid=case.duty_paid,
        duty_estimate=duty,
        landed_cost_estimate=landed,
        notes=case.notes,
        stage=case.stage,
        stage_since=case.stage_since,
        steps=steps,
        documents=tuple(document_view(d) for d in case.documents),
        created_at=case.created_at,
        updated_at=case.updated_at,
        warnings=tuple(dict.fromkeys(warnings)),
    )


def _customer_view(customer: Customer | None) -> CustomerView | None:
    if customer is None:
        return None
    return CustomerView(
        id=customer.id,
        name=customer.name,
        phone=customer.phone,
        email=customer.email,
        address=customer.address,
        state_code=customer.state_code,
    )


def _step_view(step: WorkflowStep, today: date) -> StepView:
    return StepView(
        key=step.key,
        title=step.key.label,
        status=step.status,
        note=step.note,
        due_on=step.due_on,
        updated_by=step.updated_by,
        updated_at=step.updated_at,
        overdue=step.due_on is not None and step.due_on < today and not step.status.is_finished,
    )


def case_history(session: Session, case_id: int) -> list[HistoryView]:
    _case(session, case_id)
    rows = session.scalars(
        select(HistoryEntry).where(HistoryEntry.case_id == case_id).order_by(HistoryEntry.id)
    )
    return [
        HistoryView(
            at=row.at,
            by=row.by,
            entity=row.entity,
            entity_key=row.entity_key,
            action=row.action,
            field=row.field,
            old_value=row.old_value,
            new_value=row.new_value,
        )
        for row in rows
    ]


# --- the case list --------------------------------------------------------------------------


def _filtered(
    session: Session, query: Select[Any], case_filter: CaseFilter, today: date
) -> Select[Any]:
    conditions: list[ColumnElement[bool]] = []
    search = case_filter.search.strip().lower()
    if search:
        conditions.extend(_search_conditions(session, search))
    if case_filter.stage:
        conditions.append(Case.stage == case_filter.stage)
    if case_filter.state:
        conditions.append(Case.destination_state == case_filter.state.upper())
    if case_filter.eligibility is not None:
        conditions.append(_eligibility_condition(case_filter.eligibility, today))
    if case_filter.blocked is not None:
        blocked = _has_blocked_step()
        conditions.append(blocked if case_filter.blocked else ~blocked)
    if case_filter.overdue is not None:
        # IN (uncorrelated) rather than EXISTS: SQLite would otherwise walk the status or
        # due-date index once per case, which takes minutes at 100,000 cases.
        overdue = Case.id.in_(
            select(WorkflowStep.case_id).where(
                WorkflowStep.due_on < today,
                WorkflowStep.status.not_in([StepStatus.DONE, StepStatus.NOT_APPLICABLE]),
            )
        )
        conditions.append(overdue if case_filter.overdue else ~overdue)
    if case_filter.ids is not None:
        conditions.append(Case.id.in_(case_filter.ids))
    if case_filter.shipment is not None:
        conditions.append(_shipment_condition(case_filter.shipment, today))
    return query.where(*conditions)


def _has_blocked_step() -> ColumnElement[bool]:
    """Cases with a blocked step, as an uncorrelated IN: evaluated once per query, where a
    correlated EXISTS made SQLite scan the status index once per case."""
    return Case.id.in_(
        select(WorkflowStep.case_id).where(WorkflowStep.status == StepStatus.BLOCKED)
    )


def _shipment_condition(which: ShipmentFilter, today: date) -> ColumnElement[bool]:
    if which is ShipmentFilter.AT_SEA:
        return and_(
            Case.etd <= today,
            Case.eta > today,
            Case.release_date.is_(None),
        )
    return and_(Case.eta <= today, Case.release_date.is_(None))


def _search_conditions(session: Session, search: str) -> list[ColumnElement[bool]]:
    """Each word must appear somewhere. Words of 3+ characters go to the trigram index in one
    MATCH (FTS5 intersects them itself: half the time of one IN list per word when a word
    such as "truck" matches every case); shorter words are matched with LIKE."""
    conditions: list[ColumnElement[bool]] = []
    indexed: list[str] = []
    use_fts = session.get_bind().dialect.name == "sqlite"
    for word in search.split():
        if use_fts and len(word) >= 3:
            indexed.append('"' + word.replace('"', '""') + '"')
        else:
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            conditions.append(Case.search_text.like(f"%{escaped}%", escape="\\"))
    if indexed:
        conditions.append(
            Case.id.in_(
                select(text("rowid"))
                .select_from(text("case_fts"))
                .where(text("case_fts MATCH :phrases").bindparams(phrases=" ".join(indexed)))
            )
        )
    return conditions


def _eligibility_condition(which: EligibilityFilter, today: date) -> ColumnElement[bool]:
    eligible_on = Vehicle.fmvss_eligible_on
    if which is EligibilityFilter.NOW:
        return eligible_on <= today
    if which is EligibilityFilter.WITHIN_90_DAYS:
        return and_(eligible_on > today, eligible_on <= today + timedelta(days=90))
    if which is EligibilityFilter.NOT_YET:
        return eligible_on > today
    return eligible_on.is_(None)


def _summary_query() -> Select[Any]:
    blocked = _has_blocked_step().label("blocked")
    return cast(
        "Select[Any]",
        select(
            Case.id,
            Vehicle.chassis_number,
            Vehicle.make,
            Vehicle.model,
            Vehicle.built,
            Vehicle.fmvss_eligible_on,
            Customer.name,
            Case.destination_state,
            Case.stage,
            Case.stage_since,
            blocked,
            Case.eta,
        )
        .join(Vehicle, Case.vehicle_id == Vehicle.id)
        .outerjoin(Customer, Case.customer_id == Customer.id),
    )


def count_cases(session: Session, case_filter: CaseFilter, *, today: date) -> int:
    # Every case has one vehicle and at most one customer, so joins never change the count;
    # join the vehicle only when a condition needs it (the join costs 100 ms at 100,000).
    query: Select[Any] = select(func.count(Case.id))
    if case_filter.eligibility is not None:
        query = query.join(Vehicle, Case.vehicle_id == Vehicle.id)
    return int(session.scalar(_filtered(session, query, case_filter, today)) or 0)


def list_cases(
    session: Session,
    case_filter: CaseFilter = CaseFilter(),
    *,
    today: date,
    order_by: str = "id",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[CaseSummary]:
    """One page of the case list, filtered and sorted in SQL."""
    column = SORT_COLUMNS.get(order_by)
    if column is None:
        raise InvalidInput(f"Cannot sort by {order_by!r}.")
    query = _filtered(session, _summary_query(), case_filter, today)
    ordering = column.desc() if descending else column.asc()
    query = query.order_by(ordering, Case.id.desc() if descending else Case.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [
        CaseSummary(
            id=row[0],
            number=case_number(row[0]),
            chassis=row[1],
            make=row[2],
            model=row[3],
            built=row[4],
            fmvss_eligible_on=row[5],
            customer=row[6],
            state=row[7],
            stage=row[8],
            stage_since=row[9],
            blocked=bool(row[10]),
            eta=row[11],
        )
        for row in session.execute(query)
    ]


def stage_counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(Case.stage, func.count()).group_by(Case.stage))
    return {stage: int(count) for stage, count in rows}


def case_ids_in_stage(session: Session, stage: str) -> Sequence[int]:
    return list(session.scalars(select(Case.id).where(Case.stage == stage).order_by(Case.id)))


__all__ = [
    "AGE_GATE_NOTE_PREFIX",
    "CaseFilter",
    "EligibilityFilter",
    "ShipmentFilter",
    "case_detail",
    "case_history",
    "chassis_code_info",
    "count_cases",
    "create_case",
    "create_cases",
    "datetime",
    "list_cases",
    "refresh_age_gates",
    "set_step",
    "stage_counts",
    "update_case",
]
