"""Each case carries a version: every saved change bumps it once, and a save made from an older
version is refused (or merged field by field) instead of laying itself over the newer case."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from keidesk.domain.costs import CostKind, NewCost, parse_rate
from keidesk.domain.money import Money
from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.services import cases, costs
from keidesk.services.case_fields import field_texts
from keidesk.services.documents import add_document, attachment_store
from keidesk.storage.database import Database


def _version(db: Database, case_id: int, today: date) -> int:
    with db.reader() as session:
        return cases.case_detail(session, case_id, today=today).version


def _texts(db: Database, case_id: int, today: date) -> dict[str, str]:
    with db.reader() as session:
        return field_texts(cases.case_detail(session, case_id, today=today))


def _cost(currency: str, minor: int, rate: str | None) -> NewCost:
    return NewCost(
        CostKind.OCEAN_FREIGHT,
        Money(minor, currency),
        parse_rate(rate) if rate is not None else None,
        date(2026, 11, 20),
    )


def test_every_kind_of_change_bumps_the_version_once(db, make_case, today, tmp_path: Path):
    case_id = make_case(customer="Dale Hill")
    other = make_case(customer="Dale Hill")
    assert _version(db, case_id, today) == 1
    with db.transaction("ann") as session:  # three fields, two flushes: one version
        cases.update_case(session, case_id, {"vessel": "Ocean Star"}, user="ann", today=today)
        cases.update_case(
            session, case_id, {"colour": "white", "odometer": None}, user="ann", today=today
        )
    assert _version(db, case_id, today) == 2
    with db.transaction("ann") as session:  # a step
        cases.set_step(session, case_id, StepKey.INTAKE, StepStatus.DONE, user="ann", today=today)
    assert _version(db, case_id, today) == 3
    scan = tmp_path / "title.pdf"
    scan.write_bytes(b"%PDF-1.4 title")
    stored = attachment_store(db).put(scan)
    with db.transaction("ann") as session:  # a document
        add_document(session, case_id, stored, user="ann")
    assert _version(db, case_id, today) == 4
    with db.transaction("ann") as session:  # two costs in one save: one version
        yen = costs.add_cost(session, case_id, _cost("JPY", 50_000, "151.37"), user="ann")
        costs.add_cost(session, case_id, _cost("USD", 12_000, None), user="ann")
    assert _version(db, case_id, today) == 5
    with db.transaction("ann") as session:  # a cost removed
        costs.remove_cost(session, yen.id, case_id=case_id)
    assert _version(db, case_id, today) == 6
    assert _version(db, other, today) == 1
    # The customer's phone is on both of their cases.
    with db.transaction("ann") as session:
        cases.update_case(session, case_id, {"customer_phone": "555-0100"}, user="ann", today=today)
    assert _version(db, case_id, today) == 7
    assert _version(db, other, today) == 2
    # Saving what is already there changes nothing, so the version stays.
    with db.transaction("ann") as session:
        cases.update_case(session, case_id, {"vessel": "Ocean Star"}, user="ann", today=today)
    assert _version(db, case_id, today) == 7
    # A refused change leaves the version where it was.
    with pytest.raises(cases.CaseChanged), db.transaction("ann") as session:
        cases.update_case(
            session, case_id, {"vessel": "Sea Wind"}, user="ann", today=today, if_version=4
        )
    assert _version(db, case_id, today) == 7


@pytest.mark.typed_names
def test_a_save_from_an_older_version_says_who_changed_it_and_when(db, make_case, today):
    case_id = make_case()
    with db.transaction("bob") as session:
        cases.update_case(session, case_id, {"vessel": "Ocean Star"}, user="bob", today=today)
    with pytest.raises(cases.CaseChanged) as raised, db.transaction("ann") as session:
        cases.update_case(
            session, case_id, {"vessel": "Sea Wind"}, user="ann", today=today, if_version=1
        )
    error = raised.value
    assert (error.version, error.expected, error.changed_by) == (2, 1, "bob")
    assert error.changed_at is not None
    assert error.fields == ("vessel",)
    message = str(error)
    assert "KD-" in message and "bob" in message and "2026-11-21" in message
    assert "Vessel" in message and "nothing was saved" in message
    assert _texts(db, case_id, today)["vessel"] == "Ocean Star"


def test_changes_to_different_fields_are_merged_the_same_field_is_refused(db, make_case, today):
    case_id = make_case()
    seen = _texts(db, case_id, today)  # ann reads version 1
    with db.transaction("bob") as session:  # bob saves the vessel meanwhile
        cases.update_case(session, case_id, {"vessel": "Ocean Star"}, user="bob", today=today)
    # ann changed the colour only: merged, bob's vessel stays.
    with db.transaction("ann") as session:
        cases.update_case(
            session,
            case_id,
            {"colour": "white"},
            user="ann",
            today=today,
            if_version=1,
            seen={"colour": seen["colour"]},
        )
    after = _texts(db, case_id, today)
    assert (after["vessel"], after["colour"]) == ("Ocean Star", "white")
    assert _version(db, case_id, today) == 3
    # ann also changed the vessel, from what she read: a real conflict, nothing saved.
    with pytest.raises(cases.CaseChanged) as raised, db.transaction("ann") as session:
        cases.update_case(
            session,
            case_id,
            {"vessel": "Sea Wind", "notes": "ann's note"},
            user="ann",
            today=today,
            if_version=1,
            seen={"vessel": seen["vessel"], "notes": seen["notes"]},
        )
    assert raised.value.fields == ("vessel",)
    assert _texts(db, case_id, today)["notes"] == seen["notes"]


def test_cli_show_gives_the_version_and_set_if_version_refuses_another(cli, make_case):
    case_id = make_case()
    shown = cli("--json", "case", "show", str(case_id))
    assert shown.code == 0, shown.err
    assert json.loads(shown.out)["version"] == 1
    done = cli("--json", "case", "set", str(case_id), "vessel=Ocean Star", "--if-version", "1")
    assert done.code == 0, done.err
    assert json.loads(done.out)["version"] == 2
    stale = cli("case", "set", str(case_id), "vessel=Sea Wind", "--if-version", "1")
    assert stale.code == 2
    lines = stale.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert "version 2, not 1" in lines[0]
    assert "Sea Wind" not in cli("case", "show", str(case_id)).out
    assert json.loads(cli("--json", "case", "show", str(case_id)).out)["version"] == 2
