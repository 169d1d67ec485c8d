"""Editing a case: typed field changes, all or none, with the data derived from them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from keidesk import clock
from keidesk.domain.chassis import normalize_chassis
from keidesk.domain.dates import PartialDate
from keidesk.domain.duty import BodyType
from keidesk.domain.eligibility import assess_eligibility
from keidesk.domain.errors import InvalidInput, KeideskError
from keidesk.domain.messages import msg
from keidesk.services.case_fields import EDITABLE, FIELDS, Owner, field_texts
from keidesk.services.cases._rows import load_case
from keidesk.services.cases.detail import case_detail
from keidesk.services.cases.workflow import apply_age_gate, refresh_stage
from keidesk.services.reference import decode_chassis, normalize_state_code
from keidesk.services.views import DecodedChassis
from keidesk.storage.errors import is_unique_violation
from keidesk.storage.locks import lock_names
from keidesk.storage.models import Case, Customer, HistoryEntry, Vehicle, case_number


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
        raise InvalidInput(
            msg(
                "Chassis number {chassis} is already case {case}.",
                chassis=normalized,
                case=case_number(existing),
            )
        )


def check_dates(
    built: PartialDate | None, first_registered: PartialDate | None, today: date
) -> None:
    if built is not None and built.earliest() > today:
        raise InvalidInput(msg("The build date {date} is in the future.", date=str(built)))
    if first_registered is not None and first_registered.earliest() > today:
        raise InvalidInput(
            msg("The first registration date {date} is in the future.", date=str(first_registered))
        )
    if (
        built is not None
        and first_registered is not None
        and first_registered.latest() < built.earliest()
    ):
        raise InvalidInput(
            msg(
                "First registration {first} is before the build date {built}; "
                "a truck is registered on or after it is built.",
                first=str(first_registered),
                built=str(built),
            )
        )


def _customer_named(session: Session, name: str, state_code: str | None) -> Customer:
    lock_names(session, "customer", [name])
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


class CaseChanged(KeideskError):
    """A save made from an older version of a case, refused: someone else changed it since
    it was read (the same fields, when it was merged). Nothing was saved; read the case again."""

    def __init__(
        self,
        *,
        number: str,
        version: int,
        expected: int,
        changed_by: str | None,
        changed_at: datetime | None,
        fields: tuple[str, ...],
    ) -> None:
        self.number = number
        self.version = version
        self.expected = expected
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.fields = fields
        who = changed_by or "someone"
        when = (
            f" at {clock.local_time(changed_at).strftime('%Y-%m-%d %H:%M')}"
            if changed_at is not None
            else ""
        )
        what = (
            " (" + ", ".join(FIELDS[name].label for name in fields if name in FIELDS) + ")"
            if fields
            else ""
        )
        super().__init__(
            f"{number} was changed by {who}{when}{what} since you read it "
            f"(version {version}, not {expected}); nothing was saved. "
            "Read the case again and redo your change."
        )


def last_change(session: Session, case_id: int) -> tuple[str | None, datetime | None]:
    """Who changed a case last, and when (from its history)."""
    row = session.execute(
        select(HistoryEntry.by, HistoryEntry.at)
        .where(HistoryEntry.case_id == case_id)
        .order_by(HistoryEntry.id.desc())
        .limit(1)
    ).first()
    return (None, None) if row is None else (row.by, row.at)


def update_case(
    session: Session,
    case_id: int,
    changes: Mapping[str, Any],
    *,
    user: str,
    today: date,
    if_version: int | None = None,
    seen: Mapping[str, str] | None = None,
) -> None:
    """Apply typed field changes to a case, all or none; derived data follow.

    ``if_version``: the version the changes were made from. When the case is at another
    version now, the save is refused with :class:`CaseChanged`, unless ``seen`` (each changed
    field's text as it was read, :func:`~keidesk.services.case_fields.field_texts`) shows that
    none of the changed fields was changed meanwhile: then the changes are merged into the newer
    case, and what others changed in other fields stays. The caller's transaction holds the
    write lock (:meth:`Database.transaction`), so nobody changes the case between this check and
    the write.
    """
    case = load_case(session, case_id)
    if if_version is not None and case.version != if_version:
        conflicts = tuple(changes)
        if seen is not None:
            now = field_texts(case_detail(session, case_id, today=today))
            conflicts = tuple(name for name in changes if now.get(name, "") != seen.get(name, ""))
        if conflicts:
            by, at = last_change(session, case_id)
            raise CaseChanged(
                number=case.number,
                version=case.version,
                expected=if_version,
                changed_by=by,
                changed_at=at,
                fields=conflicts,
            )
    try:
        apply_changes(session, case, changes, user=user, today=today)
        session.flush()
    except IntegrityError as exc:
        # Another seat gave another truck this chassis number between the check and the save.
        if "chassis" not in changes or not is_unique_violation(exc):
            raise
        raise InvalidInput(
            f"Chassis number {normalize_chassis(str(changes['chassis']))} was recorded by "
            "another keidesk at the same moment; nothing was saved. Look it up, or try again."
        ) from None


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
                raise InvalidInput(msg("Enter the customer's name first."))
            setattr(case.customer, spec.attr, spec.checked(value))
        else:
            owner = vehicle if spec.owner is Owner.VEHICLE else case
            setattr(owner, spec.attr, spec.checked(value))
    check_dates(vehicle.built, vehicle.first_registered, today)
    if case.etd and case.eta and case.eta < case.etd:
        raise InvalidInput(
            msg("The ETA {eta} is before the ETD {etd}.", eta=str(case.eta), etd=str(case.etd))
        )
    derive_eligibility(vehicle, today)
    apply_age_gate(case, today, user=user)
    refresh_stage(case)
