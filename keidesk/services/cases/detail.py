"""Reading one case: everything about it, and its history."""

from __future__ import annotations

import dataclasses
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from keidesk.domain.duty import estimate_duty
from keidesk.domain.eligibility import assess_eligibility
from keidesk.domain.kei_class import check_kei_class
from keidesk.domain.messages import Message
from keidesk.domain.money import Money
from keidesk.services import history_text
from keidesk.services.cases._rows import load_case
from keidesk.services.cases.workflow import step_view
from keidesk.services.documents import document_view
from keidesk.services.reference import (
    RULE_CHANGED_SINCE_PACKET,
    decode_chassis,
    rule_changed_since_packet,
    state_rule_view,
)
from keidesk.services.views import CaseDetail, CustomerView, HistoryView
from keidesk.storage.models import Customer, HistoryEntry


def case_detail(session: Session, case_id: int, *, today: date) -> CaseDetail:
    case = load_case(session, case_id)
    vehicle = case.vehicle
    warnings: list[str] = []
    decoded = decode_chassis(session, vehicle.chassis_number, built=vehicle.built)
    warnings.extend(decoded.warnings)
    eligibility = None
    if vehicle.built is not None or vehicle.first_registered is not None:
        eligibility = assess_eligibility(vehicle.built, vehicle.first_registered, case.eta or today)
    rule = (
        state_rule_view(case.state_rule, today, case.planned_registration or today)
        if case.state_rule is not None
        else None
    )
    if rule is not None:
        warnings.extend(rule.warnings)
    rule_changed = rule_changed_since_packet(session, case)
    if rule_changed and rule is not None:
        warnings.append(Message(RULE_CHANGED_SINCE_PACKET, {"state": rule.name}))
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
    steps = tuple(step_view(step, today) for step in case.steps)
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
        sale_price=case.sale_price,
        sale_date=case.sale_date,
        payment_terms=case.payment_terms,
        duty_estimate=duty,
        landed_cost_estimate=landed,
        notes=case.notes,
        stage=case.stage,
        stage_since=case.stage_since,
        steps=steps,
        documents=tuple(document_view(d) for d in case.documents if d.removed_at is None),
        created_at=case.created_at,
        updated_at=case.updated_at,
        warnings=tuple(dict.fromkeys(warnings)),
        planned_registration=case.planned_registration,
        rule_changed_since_packet=rule_changed,
        version=case.version,
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


def case_history(session: Session, case_id: int) -> list[HistoryView]:
    """Every change to a case (its vehicle, customer, steps and documents), oldest first,
    each also in words (:func:`keidesk.services.history_text.describe`)."""
    load_case(session, case_id)
    rows = session.scalars(
        select(HistoryEntry).where(HistoryEntry.case_id == case_id).order_by(HistoryEntry.id)
    )
    entries = [
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
    names = history_text.names_for(session, entries)
    worded = []
    for entry in entries:
        words = history_text.describe(entry, names)
        worded.append(
            dataclasses.replace(
                entry, what=words.what, old_text=words.old, new_text=words.new, text=words.text
            )
        )
    return worded
