"""The field registry is the one place a case field is declared: every field it lists goes
through editing, the detail, the form's text, export, bundles and import without any other
list naming it. A new field added to ``case_fields.FIELDS`` is checked here by itself."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from keidesk.dataio import bundle, export, importer
from keidesk.dataio.mapping import CASE_FIELD_OF, guess_mapping
from keidesk.dataio.mapping import FIELDS as IMPORT_FIELDS
from keidesk.dataio.sheets import read_sheet
from keidesk.services import cases
from keidesk.services.case_fields import (
    BODY,
    DAY,
    DOLLARS,
    EDITABLE,
    FIELDS,
    NOTES,
    ODOMETER,
    PARTIAL_DATE,
    TEXT,
    WHOLE,
    YEN,
    FieldSpec,
    Kind,
    Tab,
    field_texts,
    on_tab,
    parse_changes,
)
from keidesk.services.documents import AttachmentStore
from keidesk.storage.database import Database, open_database
from tests.dataio.helpers import write_csv

#: What staff might type, by kind of value: a field of a known kind needs nothing here.
_BY_KIND: dict[int, str] = {
    id(TEXT): "Sample",
    id(NOTES): "A note",
    id(WHOLE): "657",
    id(BODY): "van",
    id(PARTIAL_DATE): "1999-03",
    id(DAY): "2026-12-20",
    id(ODOMETER): "48,200 km",
    id(YEN): "¥450,000",
    id(DOLLARS): "$3,200.00",
}
#: Fields whose values the service checks against reference data or other fields.
_BY_NAME = {
    "chassis": "DA52T-654321",
    "destination_state": "TX",
    "first_registered": "1999-05",
    "etd": "2026-12-01",
}


def _typed_text(spec: FieldSpec) -> str:
    return _BY_NAME.get(spec.name) or _BY_KIND[id(spec.kind)]


def _every_field(db: Database, today: date) -> int:
    texts = {name: _typed_text(spec) for name, spec in EDITABLE.items()}
    with db.transaction("tester") as session:
        case_id = cases.create_case(session, chassis="DA52T-100001", today=today)
        cases.update_case(
            session,
            case_id,
            {"customer_name": "Sample", **parse_changes(texts)},
            user="tester",
            today=today,
        )
    return case_id


def _texts(db: Database, case_id: int, today: date) -> dict[str, str]:
    with db.reader() as session:
        return field_texts(cases.case_detail(session, case_id, today=today))


def _expected() -> dict[str, str]:
    return {name: spec.show(spec.read(_typed_text(spec))) for name, spec in EDITABLE.items()}


def test_every_kind_has_a_sample():
    kinds = {id(spec.kind) for spec in FIELDS.values()}
    assert kinds <= set(_BY_KIND), "add what staff type for the new kind to _BY_KIND"
    assert all(isinstance(spec.kind, Kind) for spec in FIELDS.values())


def test_every_field_round_trips_through_the_service(db, today):
    case_id = _every_field(db, today)
    texts = _texts(db, case_id, today)
    assert texts == _expected()
    with db.transaction("tester") as session:
        changes = {name: None for name in EDITABLE if name not in {"chassis", "customer_name"}}
        cases.update_case(session, case_id, changes, user="tester", today=today)
    cleared = _texts(db, case_id, today)
    assert all(cleared[name] == EDITABLE[name].show(EDITABLE[name].kind.empty) for name in changes)


def test_the_form_shows_every_editable_field_once():
    shown = [name for tab in Tab for name in on_tab(tab)]
    assert sorted(shown) == sorted(EDITABLE)


def test_every_field_is_carried_by_a_bundle(db, today, tmp_path: Path):
    case_id = _every_field(db, today)
    out = tmp_path / "all.zip"
    with db.reader() as session:
        bundle.export_bundle(session, AttachmentStore(db.folder), [case_id], out, user="office")
    other = open_database(tmp_path / "other" / "cases.sqlite3")
    try:
        with other.transaction("laptop") as session:
            result = bundle.import_bundle(
                session,
                AttachmentStore(other.folder),
                bundle.open_bundle(out),
                user="laptop",
                today=today,
            )
        (imported,) = result.cases
        with other.reader() as session:
            (new,) = cases.list_cases(session, today=today)
        assert imported.outcome == "created"
        assert _texts(other, new.id, today) == _texts(db, case_id, today)
    finally:
        other.close()


def test_every_exported_field_is_a_column(db, today, tmp_path: Path):
    case_id = _every_field(db, today)
    out = tmp_path / "list.csv"
    with db.reader() as session:
        export.export_cases(session, cases.CaseFilter(), out, today=today)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        header, row = list(csv.reader(handle))
    listed = [spec for spec in FIELDS.values() if spec.exported]
    more = [spec for spec in FIELDS.values() if spec.editable and not spec.exported]
    # The case list's columns first (scripts read them), then every other field by its label.
    assert header == [spec.export_header for spec in listed] + [spec.label for spec in more]
    cells = dict(zip((spec.name for spec in [*listed, *more]), row, strict=True))
    texts = _texts(db, case_id, today)
    for spec in [*listed, *more]:
        if spec.editable:
            assert cells[spec.name] == texts[spec.name], spec.name


@pytest.mark.parametrize(
    ("key", "alias"),
    [
        (spec.imported.key, alias)
        for spec in FIELDS.values()
        if spec.imported is not None
        for alias in spec.imported.aliases
    ],
)
def test_every_import_alias_guesses_its_field(key, alias):
    assert guess_mapping([alias.removeprefix("^")]) == (key,)


def test_every_import_field_lands_on_the_case(db, today, tmp_path: Path):
    labels = list(IMPORT_FIELDS.values())
    assert guess_mapping(labels) == tuple(IMPORT_FIELDS)
    specs = [FIELDS[CASE_FIELD_OF[key]] for key in IMPORT_FIELDS]
    row = [_typed_text(spec) for spec in specs]
    path = write_csv(
        tmp_path / "all.csv",
        "\n".join(",".join(f'"{cell}"' for cell in line) for line in (labels, row)) + "\n",
    )
    sheet = read_sheet(path)
    with db.transaction("tester") as session:
        check = importer.check_import(session, sheet, guess_mapping(labels), today=today)
        assert not check.problem_rows, [r.problems for r in check.rows]
        report = importer.run_import(
            session, check, duplicates=importer.DuplicatePolicy.SKIP, user="tester", today=today
        )
    (result,) = report.rows
    assert result.case_id is not None
    texts = _texts(db, result.case_id, today)
    expected = _expected()
    for spec in specs:
        assert texts[spec.name] == expected[spec.name], spec.name


def test_import_keys_and_their_orders_are_each_given_once():
    imported = [spec.imported for spec in FIELDS.values() if spec.imported is not None]
    for part in ("key", "listed", "tried"):
        values = [getattr(i, part) for i in imported]
        assert len(set(values)) == len(values), part
