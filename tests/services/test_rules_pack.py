"""Rules packs: export → import is "no changes"; a changed pack shows per-state changes,
lists exactly the open cases whose path changes, flags cases printed under the old rule,
records every change in the history, and never silently overwrites a newer local rule."""

from __future__ import annotations

import copy
import hashlib
import json
from datetime import date, timedelta
from typing import Any

import pytest

from keidesk.domain.errors import InvalidInput
from keidesk.domain.reference import PathKind
from keidesk.services import cases
from keidesk.services.documents import StoredFile, add_document
from keidesk.services.reference import (
    acknowledge_rule_change,
    get_state_rule,
    update_state_rule,
)
from keidesk.services.rules_pack import export_pack, import_pack
from keidesk.storage.models import Case, HistoryEntry, StateRule
from tests.conftest import FROZEN_AT


def _resign(pack: dict[str, Any]) -> dict[str, Any]:
    content = json.dumps(pack["states"], sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    pack["sha256"] = hashlib.sha256(content.encode()).hexdigest()
    return pack


def _state(pack: dict[str, Any], code: str) -> dict[str, Any]:
    return next(s for s in pack["states"] if s["code"] == code)


@pytest.fixture
def pack(db) -> dict[str, Any]:
    with db.reader() as s:
        return export_pack(s, issuer="Kei Truck Association")


def test_round_trip_is_no_changes(db, pack, today):
    assert pack["format_version"] == 1 and pack["issuer"] == "Kei Truck Association"
    assert len(pack["states"]) == 51
    colorado = _state(pack, "CO")["versions"]
    assert [(v["effective_from"], v["effective_to"]) for v in colorado] == [
        (None, "2027-06-30"),
        ("2027-07-01", None),
    ]
    with db.transaction("amy") as s:
        result = import_pack(s, pack, user="amy", today=today)
    assert result.changes == ()
    assert result.affected_cases == ()


@pytest.mark.typed_names
def test_a_changed_pack_flags_exactly_the_affected_open_cases(
    db, pack, make_case, today, clock_frozen
):
    kansas_printed = make_case(state="KS")
    kansas_open = make_case(state="KS")
    texas = make_case(state="TX")
    kansas_later = make_case(state="KS")
    with db.transaction("amy") as s:
        case = s.get(Case, kansas_later)
        assert case is not None
        case.planned_registration = date(2027, 3, 1)
        for case_id in (kansas_printed, texas):
            stored = StoredFile("0" * 64, 10, "packet.pdf", "application/pdf")
            add_document(s, case_id, stored, user="amy", kind="packet", doc_type="handover")
    clock_frozen.move_to(FROZEN_AT + timedelta(hours=1))

    # Kansas: no road registration from 2027-01-01 (a new dated version).
    kansas = _state(pack, "KS")
    first = kansas["versions"][0]
    first["effective_to"] = "2026-12-31"
    later = copy.deepcopy(first)
    later.update(effective_from="2027-01-01", effective_to=None, path="none")
    later.update(customer_text="Kansas no longer registers kei trucks.", as_of="2026-11-20")
    kansas["versions"].append(later)
    _resign(pack)

    with db.reader() as s:
        dry = import_pack(s, pack, user="amy", today=today, dry_run=True)
    assert {c.code for c in dry.changes} == {"KS"}
    assert ("KS", "version from 2027-01-01", None, "added") in [
        (c.code, c.field, c.old, c.new) for c in dry.changes
    ]
    assert dry.affected_cases == (kansas_later,)  # its planned registration is after the change
    assert not dry.applied
    with db.reader() as s:
        assert get_state_rule(s, "KS", today=today, on=date(2027, 2, 1)).path is not PathKind.NONE

    with db.transaction("amy") as s:
        result = import_pack(s, pack, user="amy", today=today)
    assert result.applied and result.affected_cases == (kansas_later,)
    with db.reader() as s:
        assert get_state_rule(s, "KS", today=today, on=date(2027, 2, 1)).path is PathKind.NONE
        flags = {
            case_id: cases.case_detail(s, case_id, today=today).rule_changed_since_packet
            for case_id in (kansas_printed, kansas_open, texas, kansas_later)
        }
        history = [
            (h.action, h.by)
            for h in s.query(HistoryEntry).filter(HistoryEntry.entity == "state_rule_versions")
        ]
    assert flags == {kansas_printed: True, kansas_open: False, texas: False, kansas_later: False}
    assert ("create", "amy") in history

    # Acknowledged: the flag goes; reimporting the same pack changes nothing.
    with db.transaction("amy") as s:
        assert acknowledge_rule_change(s, kansas_printed) is True
    with db.reader() as s:
        assert not cases.case_detail(s, kansas_printed, today=today).rule_changed_since_packet
    with db.transaction("amy") as s:
        assert import_pack(s, pack, user="amy", today=today).changes == ()


def test_a_newer_local_rule_is_not_overwritten_without_saying_so(db, pack, today):
    with db.transaction("carol") as s:
        update_state_rule(s, "KS", {"max_speed_mph": 45}, user="carol", today=today)
    with db.reader() as s:
        mine = export_pack(s, issuer="me")
    _state(pack, "KS")["versions"][0]["customer_text"] = "From the association."
    _resign(pack)
    with (
        pytest.raises(InvalidInput, match="verified here more recently"),
        db.transaction("amy") as s,
    ):
        import_pack(s, pack, user="amy", today=today)
    with db.reader() as s:
        assert export_pack(s, issuer="me")["sha256"] == mine["sha256"]  # nothing changed
    with db.transaction("amy") as s:
        result = import_pack(s, pack, user="amy", today=today, overwrite_newer=True)
    assert result.applied
    with db.reader() as s:
        assert get_state_rule(s, "KS", today=today).max_speed_mph != 45


def _broken(pack: dict[str, Any], how: str) -> dict[str, Any]:
    bad = copy.deepcopy(pack)
    if how == "hash":
        bad["sha256"] = "0" * 64
        return bad
    if how == "format":
        bad["format_version"] = 99
        return bad
    if how == "state":
        bad["states"][0]["code"] = "ZZ"
    elif how == "overlap":
        colorado = _state(bad, "CO")["versions"]
        colorado[1]["effective_from"] = None
    elif how == "ends":
        _state(bad, "CO")["versions"][0]["effective_to"] = "2027-09-30"
    elif how == "date":
        _state(bad, "TX")["versions"][0]["as_of"] = "2026-02-30"
    return _resign(bad)


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("hash", "SHA-256 does not match"),
        ("format", "format version 99 is unknown"),
        ("state", "not a US state code"),
        ("overlap", "overlap"),
        ("ends", "overlap or leave a gap"),
        ("date", "is not a date"),
    ],
)
def test_bad_packs_are_refused_and_nothing_changes(db, pack, today, how, message):
    with db.reader() as s:
        before = export_pack(s, issuer="x")["sha256"]
    with pytest.raises(InvalidInput, match=message), db.transaction("amy") as s:
        import_pack(s, _broken(pack, how), user="amy", today=today)
    with db.reader() as s:
        assert export_pack(s, issuer="x")["sha256"] == before
        assert s.get(StateRule, "CO") is not None
