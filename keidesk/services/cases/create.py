"""Creating cases: one typed by hand, or a whole spreadsheet in one go."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from keidesk import clock
from keidesk.domain.dates import PartialDate
from keidesk.domain.errors import InvalidInput, KeideskError
from keidesk.domain.messages import msg
from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.services.cases.edit import (
    apply_changes,
    apply_decoding,
    check_dates,
    derive_eligibility,
    link_customer,
)
from keidesk.services.cases.workflow import apply_age_gate, refresh_stage
from keidesk.services.reference import decode_chassis, known_model_codes, normalize_state_code
from keidesk.storage.bulk import insert_new
from keidesk.storage.errors import is_unique_violation
from keidesk.storage.locks import lock_names
from keidesk.storage.models import (
    Case,
    ChassisCode,
    Customer,
    StateRule,
    Vehicle,
    WorkflowStep,
    case_number,
)


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
    lock_names(session, "customer", names)  # two seats adding one new customer make one
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
    try:
        insert_new(
            session,
            [row for case in made for row in (case.vehicle, case, *case.steps)],
        )
    except IntegrityError as exc:
        # Another keidesk recorded the same truck between our check and our insert (two
        # seats or processes adding one chassis number at once): the unique index caught it.
        if not is_unique_violation(exc):
            raise
        which = (
            f"Chassis number {next(iter(batch.chassis))} was"
            if len(batch.chassis) == 1
            else "One of these chassis numbers was"
        )
        raise InvalidInput(
            f"{which} recorded by another keidesk at the same moment; nothing was saved. "
            "Look it up, or try again."
        ) from None
    return [case.id for case in made]


def _new_case(session: Session, item: NewCase, *, today: date, user: str, batch: _Batch) -> Case:
    """The case, its vehicle and steps as new objects outside the session, checked and
    derived; a new customer is added to the session."""
    built, first_registered = item.built, item.first_registered
    decoded = decode_chassis(session, item.chassis, built=built, known_codes=batch.known_codes)
    normalized = decoded.chassis.normalized
    if normalized in batch.taken:
        existing = case_number(batch.taken[normalized])
        raise InvalidInput(
            msg(
                "Chassis number {chassis} is already case {case}.",
                chassis=normalized,
                case=existing,
            )
        )
    if normalized in batch.chassis:
        raise InvalidInput(msg("Chassis number {chassis} is given twice.", chassis=normalized))
    batch.chassis.add(normalized)
    check_dates(built, first_registered, today)
    state_code = normalize_state_code(session, item.state) if item.state else None
    vehicle = Vehicle(chassis_number=normalized, identifier_kind=decoded.chassis.kind.value)
    apply_decoding(vehicle, decoded)
    vehicle.built = built
    vehicle.first_registered = first_registered
    derive_eligibility(vehicle, today)
    case = Case(vehicle=vehicle, notes=item.notes.strip(), eta=item.eta)
    name = (item.customer or "").strip()
    if name:
        customer = batch.customers.get(name.lower())
        if customer is None:
            customer = Customer(name=name, state_code=state_code)
            batch.customers[name.lower()] = customer
            session.add(customer)
        link_customer(case, customer)
        state_code = state_code or customer.state_code
    case.destination_state = state_code
    case.steps = [
        WorkflowStep(key=key, position=key.position, status=StepStatus.TODO, note="")
        for key in StepKey
    ]
    case.stage = StepKey.INTAKE.value
    case.stage_since = clock.now()
    apply_age_gate(case, today, user=None)
    refresh_stage(case)
    if item.changes:
        apply_changes(session, case, item.changes, user=user, today=today)
    return case
