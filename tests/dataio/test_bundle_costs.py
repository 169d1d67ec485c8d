"""A truck's costs travel in its bundle: checked as the costs service checks them, merged as a
ledger with the bundle's choices (mine, theirs, both without doubling a line); a bundle from
before costs were carried still imports."""

from __future__ import annotations

import copy
import json
import zipfile
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from keidesk.dataio import bundle
from keidesk.dataio.bundle import BundleConflict, Choice
from keidesk.domain.costs import NewCost
from keidesk.services import cases, costs
from keidesk.services.documents import attachment_store
from keidesk.storage.database import Database, open_database
from keidesk.storage.models import Case
from tests.conftest import TODAY
from tests.dataio.helpers import fingerprint, rewrite_bundle


def _new(kind: str, amount: str, currency: str, rate: str | None, note: str = "") -> NewCost:
    return NewCost.parse(
        kind=kind, amount=amount, currency=currency, rate=rate, paid_on=date(2026, 11, 2), note=note
    )


@pytest.fixture
def exported(tmp_path: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    """A bundle of one case with a yen and a dollar cost, from another database (made under
    the frozen clock)."""
    tmp_path = tmp_path / "office"
    office = open_database(tmp_path / "office" / "k.sqlite3")
    out = tmp_path / "case.zip"
    try:
        with office.transaction("office") as session:
            case_id = cases.create_case(
                session, chassis="DA52T-123456", customer="Dale", state="TX", today=TODAY
            )
            costs.add_cost(
                session,
                case_id,
                _new("auction_price", "450,000", "JPY", "151.37", "Lot 4410"),
                user="office",
            )
            costs.add_cost(
                session, case_id, _new("ocean_freight", "1,250.00", "USD", None), user="ann"
            )
        with office.reader() as session:
            bundle.export_bundle(session, attachment_store(office), [case_id], out, user="office")
    finally:
        office.close()
    document = json.loads(zipfile.ZipFile(out).read("bundle.json"))
    yield out, document["cases"][0]


def _import(db: Database, path: Path, **kw: Any) -> bundle.BundleImport:
    contents = bundle.open_bundle(path)
    return bundle.import_files_and_cases(
        db, attachment_store(db), contents, user="laptop", today=TODAY, **kw
    )


def _ledger(db: Database) -> list[tuple[Any, ...]]:
    with db.reader() as session:
        case_id = session.scalars(select(Case.id)).one()
        return [
            (c.kind.value, str(c.amount), c.rate, c.usd_cents, c.paid_on, c.note, c.created_by)
            for c in costs.case_costs(session, case_id).costs
        ]


YEN = ("auction_price", "¥450,000", Decimal("151.37"), 297285, date(2026, 11, 2))
DOLLARS = ("ocean_freight", "$1,250.00", None, 125000, date(2026, 11, 2))


def test_costs_travel_and_merge_as_a_ledger(exported, db: Database):
    path, _doc = exported
    assert [c.outcome for c in _import(db, path).cases] == ["created"]
    assert _ledger(db) == [(*YEN, "Lot 4410", "office"), (*DOLLARS, "", "ann")]
    again = _import(db, path)  # the same bundle again: no difference, no cost doubled
    assert again.cases[0].differences == ()
    assert len(_ledger(db)) == 2
    with db.transaction("laptop") as session:  # a cost added here meanwhile
        case_id = session.scalars(select(Case.id)).one()
        costs.add_cost(session, case_id, _new("repairs", "300", "USD", None), user="laptop")
    with pytest.raises(BundleConflict) as raised:
        _import(db, path)
    (found,) = raised.value.result.cases[0].differences
    assert found.item == "costs" and "Repairs" in found.mine and "Repairs" not in found.theirs
    _import(db, path, default_choice=Choice.MINE)
    assert len(_ledger(db)) == 3
    _import(db, path, default_choice=Choice.BOTH)  # the union, no line doubled
    assert [row[0] for row in _ledger(db)] == ["auction_price", "ocean_freight", "repairs"]
    _import(db, path, default_choice=Choice.THEIRS)  # theirs: the bundle's ledger
    assert _ledger(db) == [(*YEN, "Lot 4410", "office"), (*DOLLARS, "", "ann")]


def test_keep_both_adds_the_bundles_lines_this_case_lacks(exported, db: Database, tmp_path):
    path, doc = exported
    _import(db, path)
    changed = copy.deepcopy(doc)
    duty = {**changed["costs"][1], "kind": "duty", "amount_minor": 8_000, "usd_cents": 8_000}
    changed["costs"] = [*changed["costs"][1:], duty]
    other = rewrite_bundle(path, tmp_path / "other.zip", [changed])
    result = _import(db, other, default_choice=Choice.BOTH)
    assert [c.outcome for c in result.cases] == ["updated"]
    assert [row[0] for row in _ledger(db)] == ["auction_price", "ocean_freight", "duty"]


def _cost(doc: dict[str, Any], **changes: Any) -> dict[str, Any]:
    changed = copy.deepcopy(doc)
    changed["costs"][0].update(changes)
    return changed


MALFORMED: dict[str, dict[str, Any]] = {
    "unknown kind": {"kind": "bribes"},
    "negative amount": {"amount_minor": -5},
    "amount as text": {"amount_minor": "450000"},
    "amount too large": {"amount_minor": 10**20},
    "zero amount": {"amount_minor": 0, "usd_cents": 0},
    "unknown currency": {"currency": "EUR"},
    "yen without a rate": {"rate": None},
    "rate of zero": {"rate": "0"},
    "rate not a number": {"rate": "cheap"},
    "cents not what the rate gives": {"usd_cents": 1},
    "date not a date": {"paid_on": "yesterday"},
    "note too long": {"note": "x" * 2_001},
    "nobody added it": {"created_by": ""},
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_a_malformed_cost_is_refused_in_one_line_and_nothing_is_imported(
    exported, tmp_path: Path, db: Database, cli, name: str
):
    path, doc = exported
    hostile = rewrite_bundle(path, tmp_path / "hostile.zip", [_cost(doc, **MALFORMED[name])])
    before = fingerprint(db)
    result = cli("bundle", "import", str(hostile))
    assert result.code == 2, (name, result.err)
    assert result.err.startswith("error: hostile.zip was not imported"), result.err
    assert "cost 1" in result.err and result.err.count("\n") == 1, result.err
    assert fingerprint(db) == before


def test_costs_not_a_list_is_refused(exported, tmp_path: Path, db: Database, cli):
    path, doc = exported
    changed = copy.deepcopy(doc)
    changed["costs"] = {"kind": "duty"}
    result = cli("bundle", "import", str(rewrite_bundle(path, tmp_path / "h.zip", [changed])))
    assert result.code == 2 and "costs is not a list" in result.err


def test_an_old_bundle_without_costs_still_imports(exported, tmp_path: Path, db: Database):
    path, doc = exported
    old = copy.deepcopy(doc)
    del old["costs"]
    old_path = rewrite_bundle(path, tmp_path / "old.zip", [old])
    assert [c.outcome for c in _import(db, old_path).cases] == ["created"]
    assert _ledger(db) == []
    _import(db, path, default_choice=Choice.BOTH)  # the costs arrive with a newer bundle
    assert len(_ledger(db)) == 2
    again = _import(db, old_path)  # the old bundle says nothing about costs: they stay
    assert again.cases[0].differences == ()
    assert len(_ledger(db)) == 2
