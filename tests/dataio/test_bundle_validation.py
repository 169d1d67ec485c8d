"""A bundle's values go through the field registry like any other way in: a value the app
would refuse when typed is refused in a bundle, a malformed document of any shape is one
error line and exit 2, and a refused bundle leaves nothing behind (no row, no file)."""

from __future__ import annotations

import copy
import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from keidesk.services import cases
from keidesk.services.documents import add_document, attachment_store
from keidesk.storage.database import Database, open_database
from tests.conftest import TODAY
from tests.dataio.helpers import bundle_with_document, fingerprint, rewrite_bundle


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, Any]]]:
    """A bundle of one case with an attachment, from another database; and its case document
    (made once for the module: every test only reads it)."""
    tmp_path = tmp_path_factory.mktemp("office")
    office = open_database(tmp_path / "office" / "k.sqlite3")
    scan = tmp_path / "export-cert.pdf"
    scan.write_bytes(b"%PDF-1.4 export certificate")
    out = tmp_path / "case.zip"
    try:
        stored = attachment_store(office).put(scan)
        with office.transaction("office") as session:
            case_id = cases.create_case(
                session, chassis="DA52T-123456", customer="Dale", state="TX", today=TODAY
            )
            cases.update_case(
                session,
                case_id,
                {"vessel": "Hoegh Osaka", "odometer": None},
                user="office",
                today=TODAY,
            )
            add_document(session, case_id, stored, user="office", title="Export certificate")
        from keidesk.dataio import bundle  # noqa: PLC0415

        with office.reader() as session:
            bundle.export_bundle(session, attachment_store(office), [case_id], out, user="office")
    finally:
        office.close()
    document = json.loads(zipfile.ZipFile(out).read("bundle.json"))
    yield out, document["cases"][0]


def _files(db: Database) -> list[tuple[str, int]]:
    """The files the database's attachment store holds (beside the file, or in the server)."""
    return attachment_store(db).stored()


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Set ``value`` at a dotted path of the case document (numbers index lists)."""

    def change(doc: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = doc
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return change


REFUSED: dict[str, Callable[[dict[str, Any]], None]] = {
    "negative engine size": _set("details.engine_cc", -660),
    "engine size as a boolean": _set("details.engine_cc", True),
    "engine size as text": _set("details.engine_cc", "660"),
    "engine size as a float": _set("details.engine_cc", 660.0),
    "negative odometer": _set("details.odometer_value", -1),
    "odometer beyond any dial": _set("details.odometer_value", 10**12),
    "odometer as a boolean": _set("details.odometer_value", False),
    "odometer unit unknown": _set("details.odometer_unit", "furlongs"),
    "negative price": _set("details.purchase_price_minor", -450000),
    "price as a boolean": _set("details.purchase_price_minor", True),
    "price overflowing SQLite": _set("details.purchase_price_minor", 2**70),
    "unknown currency": _set("details.purchase_currency", "XBT"),
    "currency as a list": _set("details.purchase_currency", ["JPY"]),
    "negative customs value": _set("details.customs_value_cents", -1),
    "customs value as a float": _set("details.customs_value_cents", 1e308),
    "empty uid": _set("uid", ""),
    "uid as a number": _set("uid", 12),
    "uid too long": _set("uid", "x" * 100),
    "chassis missing": _set("details.chassis", None),
    "chassis as a number": _set("details.chassis", 123456),
    "vessel as a number": _set("details.vessel", 7),
    "lone surrogate in notes": _set("details.notes", "tarp \ud800"),
    "bad ETA": _set("details.eta", "2026-02-30"),
    "ETA as a number": _set("details.eta", 20261220),
    "bad build date": _set("details.built", "1999-13"),
    "unknown field": _set("details.horsepower", 40),
    "unknown step": _set("steps.0.key", "teleport"),
    "unknown step status": _set("steps.0.status", "finished"),
    "step note as a number": _set("steps.0.note", 5),
    "step due date not a date": _set("steps.0.due_on", "soon"),
    "step changed at year 1 with an offset": _set("steps.0.updated_at", "0001-01-01T00:00+05:00"),
    "steps not a list": _set("steps", {"key": "intake"}),
    "document sha not a sha": _set("documents.0.sha256", "../../etc/passwd"),
    "document title empty": _set("documents.0.title", ""),
    "document added at not a time": _set("documents.0.added_at", "yesterday"),
    "history not a list": _set("history", "none"),
    "history entry not a record": _set("history", [1, 2]),
    "history time not a time": _set("history.0.at", 12),
    "history by missing": _set("history.0.by", None),
    "details not a record": _set("details", ["DA52T-123456"]),
}


def test_a_value_the_registry_refuses_is_refused_in_a_bundle(
    exported, tmp_path: Path, db: Database, cli
):
    """One database for every change: a refused bundle changes nothing, so each next import
    meets the same database (which the fingerprint checks)."""
    path, doc = exported
    before, files = fingerprint(db), _files(db)
    for change, apply in REFUSED.items():
        changed = copy.deepcopy(doc)
        apply(changed)
        hostile = rewrite_bundle(path, tmp_path / "hostile.zip", [changed])
        result = cli("bundle", "import", str(hostile))
        assert result.code == 2, (change, result.err)
        assert result.err.startswith("error: hostile.zip was not imported"), (change, result.err)
        assert result.err.count("\n") == 1, change
    assert fingerprint(db) == before
    assert _files(db) == files


DOCUMENTS: dict[str, bytes] = {
    "not JSON": b"{cases: [",
    "not UTF-8": b'{"format": 1, "cases": ["\xff"]}',
    "NaN": b'{"format": 1, "cases": [{"uid": NaN}]}',
    "Infinity": b'{"format": 1, "cases": [], "x": Infinity}',
    "huge number": b'{"format": 1, "cases": [], "x": ' + b"9" * 5000 + b"}",
    "huge exponent": b'{"format": 1, "cases": [{"uid": "u", "details": {"engine_cc": 1e999}}]}',
    "deep nesting": b'{"format": 1, "cases": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "format as a boolean": b'{"format": true, "cases": []}',
    "format 2": b'{"format": 2, "cases": []}',
    "a list": b"[1, 2, 3]",
    "a string": b'"cases"',
    "cases as a record": b'{"format": 1, "cases": {"uid": "u"}}',
    "a case as a string": b'{"format": 1, "cases": ["DA52T-123456"]}',
    "lone surrogate escape": b'{"format": 1, "cases": [{"uid": "\\ud800"}]}',
}


def test_a_malformed_case_document_of_any_shape_is_one_line_and_exit_2(
    exported, tmp_path: Path, db: Database, cli
):
    path, _doc = exported
    before = fingerprint(db)
    for name, data in DOCUMENTS.items():
        hostile = bundle_with_document(path, tmp_path / "hostile.zip", data)
        result = cli("bundle", "import", str(hostile))
        assert result.code == 2, (name, result.err)
        assert result.err.startswith("error: hostile.zip was not imported"), (name, result.err)
        assert result.err.count("\n") == 1, name
    assert fingerprint(db) == before
    assert _files(db) == []


def test_a_bundle_refused_during_the_import_takes_its_files_out_again(
    exported, tmp_path: Path, db: Database, cli
):
    """A chassis number is checked when the case is created, after the files are copied in:
    the refusal removes them."""
    path, doc = exported
    changed = copy.deepcopy(doc)
    changed["details"]["chassis"] = "NOT A CHASSIS"
    hostile = rewrite_bundle(path, tmp_path / "hostile.zip", [changed])
    before = fingerprint(db)
    result = cli("bundle", "import", str(hostile))
    assert result.code == 2 and "NOT A CHASSIS" in result.err
    assert fingerprint(db) == before
    assert _files(db) == []
    good = cli("bundle", "import", str(path))  # the same bundle, sound: files and all
    assert good.code == 0, good.err
    assert len(_files(db)) == 1


def test_a_valid_bundle_still_imports_with_every_value(exported, tmp_path: Path, db, cli):
    path, doc = exported
    changed = copy.deepcopy(doc)
    changed["details"].update(
        engine_cc=657,
        odometer_value=48200,
        odometer_unit="km",
        purchase_price_minor=450000,
        purchase_currency="JPY",
        customs_value_cents=320000,
        eta="2026-12-20",
        built="1999-03",
    )
    changed["steps"][0].pop("note")  # an older bundle without notes on its steps
    fine = rewrite_bundle(path, tmp_path / "fine.zip", [changed])
    result = cli("--json", "bundle", "import", str(fine))
    assert result.code == 0, result.err
    shown = cli("--json", "case", "show", "1")
    assert shown.code == 0
    assert shown.json["engine_cc"] == 657 and shown.json["odometer"]["km"] == 48200
