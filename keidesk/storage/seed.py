"""Seeding the reference tables from the data shipped in ``resources/``.

Only missing rows are inserted: a row staff have corrected in the database is never overwritten
by the shipped copy.
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from keidesk import paths
from keidesk.domain.reference import (
    ChassisCodeInfo,
    StateRuleInfo,
    load_chassis_codes,
    load_state_rules,
)
from keidesk.storage.models import ChassisCode, StateRule


@cache
def shipped_state_rules() -> tuple[StateRuleInfo, ...]:
    return tuple(load_state_rules(paths.resource_dir() / "state_rules.csv"))


@cache
def shipped_chassis_codes() -> tuple[ChassisCodeInfo, ...]:
    return tuple(load_chassis_codes(paths.resource_dir() / "chassis_codes.csv"))


def seed_reference_data(session: Session) -> int:
    """Insert shipped state rules and chassis codes that the database lacks; returns how many."""
    have_states = set(session.scalars(select(StateRule.code)))
    have_codes = set(session.scalars(select(ChassisCode.code)))
    added = 0
    for rule in shipped_state_rules():
        if rule.code not in have_states:
            session.add(
                StateRule(
                    code=rule.code,
                    name=rule.name,
                    path=rule.path,
                    under_review=rule.under_review,
                    max_speed_mph=rule.max_speed_mph,
                    interstate_allowed=rule.interstate_allowed,
                    road_limits=rule.road_limits,
                    documents=list(rule.documents),
                    citation=rule.citation,
                    source=rule.source,
                    as_of=rule.as_of,
                    as_of_note=rule.as_of_note,
                    confidence=rule.confidence,
                    notes=rule.notes,
                )
            )
            added += 1
    for code in shipped_chassis_codes():
        if code.code not in have_codes:
            session.add(
                ChassisCode(
                    code=code.code,
                    make=code.make,
                    model=code.model,
                    body=code.body,
                    drive=code.drive,
                    first_year=code.first_year,
                    first_month=code.first_month,
                    last_year=code.last_year,
                    last_month=code.last_month,
                    in_production=code.in_production,
                    engine=code.engine,
                    engine_cc=code.engine_cc,
                    notes=code.notes,
                    source=code.source,
                    confidence=code.confidence,
                )
            )
            added += 1
    return added
