"""Seeding the reference tables from the data shipped in ``resources/``.

Missing states and codes are inserted. A state whose rule versions nobody has edited (no
``updated_by``: they are the shipped copy) takes a newer shipped copy when the files change;
a rule staff have corrected or a rules pack brought in is never overwritten by the shipped copy.
"""

from __future__ import annotations

import hashlib
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from keidesk import clock, paths
from keidesk.domain.reference import (
    RULE_CONTENT_FIELDS,
    ChassisCodeInfo,
    StateAgency,
    StateRuleInfo,
    load_chassis_codes,
    load_state_agencies,
    load_state_rules,
)
from keidesk.storage.models import ChassisCode, Setting, StateRule, StateRuleVersion

#: The settings key holding the SHA-256 of the shipped files last seeded from.
SEED_KEY = "reference_seed"
_RULE_FILES = ("state_rules.csv", "state_agencies.csv", "chassis_codes.csv")


@cache
def shipped_state_rules() -> tuple[StateRuleInfo, ...]:
    """Every shipped version of every state's rule, in file order."""
    return tuple(load_state_rules(paths.resource_dir() / "state_rules.csv"))


@cache
def shipped_state_agencies() -> dict[str, StateAgency]:
    return {a.code: a for a in load_state_agencies(paths.resource_dir() / "state_agencies.csv")}


@cache
def shipped_chassis_codes() -> tuple[ChassisCodeInfo, ...]:
    return tuple(load_chassis_codes(paths.resource_dir() / "chassis_codes.csv"))


@cache
def _shipped_digest() -> str:
    digest = hashlib.sha256()
    for name in _RULE_FILES:
        digest.update((paths.resource_dir() / name).read_bytes())
    return digest.hexdigest()


def version_row(rule: StateRuleInfo) -> StateRuleVersion:
    """A new version row holding one version of a rule (not yet attached to its state)."""
    content = {name: getattr(rule, name) for name in RULE_CONTENT_FIELDS}
    content["documents"] = list(rule.documents)
    return StateRuleVersion(effective_from=rule.effective_from, **content)


def version_info(state: StateRule, row: StateRuleVersion) -> StateRuleInfo:
    """The plain record of one stored version."""
    content = {name: getattr(row, name) for name in RULE_CONTENT_FIELDS}
    content["documents"] = tuple(row.documents)
    return StateRuleInfo(
        code=state.code, name=state.name, effective_from=row.effective_from, **content
    )


def _by_state(rules: tuple[StateRuleInfo, ...]) -> dict[str, list[StateRuleInfo]]:
    grouped: dict[str, list[StateRuleInfo]] = {}
    for rule in rules:
        grouped.setdefault(rule.code, []).append(rule)
    return grouped


def seed_reference_data(session: Session) -> int:
    """Insert shipped states, rule versions and chassis codes the database lacks, and refresh
    never-edited states from a newer shipped copy; returns how many rows were added or
    refreshed. Cheap when the shipped files are unchanged since the last run."""
    marker = session.get(Setting, SEED_KEY)
    digest = _shipped_digest()
    if marker is not None and marker.value.get("sha256") == digest:
        return 0
    shipped = _by_state(shipped_state_rules())
    agencies = shipped_state_agencies()
    states = {s.code: s for s in session.scalars(select(StateRule))}
    have_codes = set(session.scalars(select(ChassisCode.code)))
    added = 0
    for code, versions in shipped.items():
        state = states.get(code)
        agency = agencies.get(code)
        if state is None:
            state = StateRule(code=code, name=versions[0].name, agency="")
            session.add(state)
        if agency is not None and not state.agency:
            state.agency = agency.agency
            state.agency_phone = agency.phone
            state.agency_web = agency.web
        if any(v.updated_by for v in state.versions):
            continue  # edited here or brought by a rules pack: never overwritten
        have = [version_info(state, v) for v in state.versions]
        if sorted(have, key=_start) == sorted(versions, key=_start):
            continue
        if have:
            state.rule_changed_at = clock.now()
        state.versions.clear()
        session.flush()  # the old versions go before new ones take their start dates
        state.versions.extend(version_row(rule) for rule in versions)
        added += len(versions)
    for info in shipped_chassis_codes():
        if info.code not in have_codes:
            session.add(
                ChassisCode(
                    code=info.code,
                    make=info.make,
                    model=info.model,
                    body=info.body,
                    drive=info.drive,
                    first_year=info.first_year,
                    first_month=info.first_month,
                    last_year=info.last_year,
                    last_month=info.last_month,
                    in_production=info.in_production,
                    engine=info.engine,
                    engine_cc=info.engine_cc,
                    notes=info.notes,
                    source=info.source,
                    confidence=info.confidence,
                )
            )
            added += 1
    if marker is None:
        session.add(Setting(key=SEED_KEY, value={"sha256": digest}))
    else:
        marker.value = {"sha256": digest}
    session.flush()
    return added


def _start(rule: StateRuleInfo) -> str:
    return rule.effective_from.isoformat() if rule.effective_from else ""
