"""Editing a case: typed field changes, all or none, with the data derived from them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from keidesk.domain.dates import PartialDate
from keidesk.domain.duty import BodyType
from keidesk.domain.eligibility import assess_eligibility
from keidesk.domain.errors import InvalidInput
from keidesk.services.case_fields import EDITABLE, Owner
from keidesk.services.cases._rows import load_case
from keidesk.services.cases.workflow import apply_age_gate, refresh_stage
from keidesk.services.reference import decode_chassis, normalize_state_code
from keidesk.services.views import DecodedChassis
from keidesk.storage.models import Case, Customer, Vehicle, case_number


def link_customer(case: Case, customer: Customer | None) -> None:
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


def check_dates(
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


def apply_decoding(vehicle: Vehicle, decoded: DecodedChassis) -> None:
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


def derive_eligibility(vehicle: Vehicle, today: date) -> None:
    if vehicle.built is None and vehicle.first_registered is None:
        vehicle.eligibility_basis = None
        vehicle.fmvss_eligible_on = None
        vehicle.epa_eligible_on = None
        return
    result = assess_eligibility(vehicle.built, vehicle.first_registered, today)
    vehicle.eligibility_basis = result.basis
    vehicle.fmvss_eligible_on = result.fmvss.eligible_on
    vehicle.epa_eligible_on = result.epa.eligible_on


def update_case(
    session: Session, case_id: int, changes: Mapping[str, Any], *, user: str, today: date
) -> None:
    """Apply typed field changes to a case, all or none; derived data follow."""
    apply_changes(session, load_case(session, case_id), changes, user=user, today=today)
    session.flush()


def apply_changes(
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
            apply_decoding(vehicle, decoded)
        elif name == "destination_state":
            case.destination_state = normalize_state_code(session, value) if value else None
        elif name == "customer_name":
            customer_name = (str(value) if value is not None else "").strip()
            link_customer(
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
    check_dates(vehicle.built, vehicle.first_registered, today)
    if case.etd and case.eta and case.eta < case.etd:
        raise InvalidInput(f"The ETA {case.eta} is before the ETD {case.etd}.")
    derive_eligibility(vehicle, today)
    apply_age_gate(case, today, user=user)
    refresh_stage(case)
