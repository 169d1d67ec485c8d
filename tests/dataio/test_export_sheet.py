"""The XLSX export is a sheet people work in: every field under its label, step names, amounts
as numbers, a frozen header with a filter, fitted widths, the list's order; the CSV only adds
columns; what is exported imports again."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]

from keidesk.dataio.export import HEADERS
from keidesk.domain.money import Money, Odometer
from keidesk.services import cases
from keidesk.services.case_fields import EDITABLE, field_texts
from keidesk.storage.database import Database, open_database
from tests.conftest import TODAY, CliResult

#: The CSV's columns before issue 16, in their order: scripts read them.
LIST_HEADERS = (
    "Case",
    "Chassis No.",
    "Make",
    "Model",
    "Built",
    "FMVSS eligible",
    "Customer",
    "State",
    "Stage",
    "Blocked",
    "ETA",
)


def _two_cases(db: Database, make_case: Callable[..., int]) -> tuple[int, int]:
    first = make_case(chassis="DA52T-300001", customer="Dale Fontenot", built="1999-03", state="TX")
    second = make_case(chassis="HA4-1234567", customer="Smith Farms", built="1996", state="GA")
    with db.transaction("tester") as session:
        cases.update_case(
            session,
            first,
            {
                "sale_price": Money.parse("6500", "USD"),
                "customs_value": Money.parse("3200.50", "USD"),
                "duty_paid": Money.parse("80", "USD"),
                "purchase_price": Money.parse("450000", "JPY"),
                "odometer": Odometer.parse("48200 km"),
                "vessel": "Morning Cara",
                "bill_of_lading": "NYKS123456789",
                "customer_phone": "(337) 555-0101",
                "eta": date(2026, 12, 20),
            },
            user="tester",
            today=TODAY,
        )
    return first, second


def test_xlsx_has_every_field_labelled_frozen_filtered_and_fitted(
    db: Database, make_case: Callable[..., int], tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    _two_cases(db, make_case)
    assert cli("export", str(tmp_path / "cases.xlsx"), "--sort", "customer", "--desc").code == 0
    sheet = openpyxl.load_workbook(tmp_path / "cases.xlsx").active
    headers = [cell.value for cell in sheet[1]]
    assert headers == list(HEADERS)
    assert tuple(headers[: len(LIST_HEADERS)]) == LIST_HEADERS
    for spec in EDITABLE.values():  # every stored field, under a label staff know
        assert (spec.export_header or spec.label) in headers, spec.name
    for wanted in ("Sale price (USD)", "Odometer", "Vessel", "Bill of lading", "Phone",
                   "Customs value (USD)", "Duty paid (USD)"):  # fmt: skip
        assert wanted in headers
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(headers))}3"
    widths = {sheet.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width
              for i in range(len(headers))}  # fmt: skip
    assert len(widths) > 3  # fitted to the text, not one fixed width
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    column = {name: index for index, name in enumerate(headers)}
    # The list's order: customer, descending.
    assert [row[column["Customer"]] for row in rows] == ["Smith Farms", "Dale Fontenot"]
    dale = rows[1]
    assert dale[column["Stage"]] == "Intake"  # the step's name, not its code
    assert dale[column["Sale price (USD)"]] == 6500
    assert dale[column["Customs value (USD)"]] == 3200.5
    sale = sheet.cell(row=3, column=column["Sale price (USD)"] + 1)
    assert sale.number_format == '"$"#,##0.00'
    assert dale[column["Odometer"]] == "48,200 km"
    assert dale[column["Phone"]] == "(337) 555-0101"
    assert dale[column["Vessel"]] == "Morning Cara"


def test_csv_only_adds_columns_and_keeps_stage_codes(
    db: Database, make_case: Callable[..., int], tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    _two_cases(db, make_case)
    assert cli("export", str(tmp_path / "cases.csv")).code == 0
    rows = list(csv.reader((tmp_path / "cases.csv").read_text("utf-8-sig").splitlines()))
    assert tuple(rows[0][: len(LIST_HEADERS)]) == LIST_HEADERS
    assert [row[1] for row in rows[1:]] == ["DA52T-300001", "HA4-1234567"]  # by number
    assert rows[1][8] == "intake"  # the stage code, as before
    sale = rows[0].index("Sale price (USD)")
    assert rows[1][sale] == "$6,500.00"


def test_export_then_import_keeps_every_field(
    db: Database, make_case: Callable[..., int], tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    """Every field the import takes comes back as it was, from the XLSX and from the CSV."""
    first, _ = _two_cases(db, make_case)
    imported_fields = [name for name, spec in EDITABLE.items() if spec.imported is not None]
    with db.reader() as session:
        before = field_texts(cases.case_detail(session, first, today=TODAY))
    for suffix in ("xlsx", "csv"):
        other = tmp_path / f"other-{suffix}.sqlite3"
        assert cli("export", str(tmp_path / f"all.{suffix}")).code == 0
        imported = cli("import", str(tmp_path / f"all.{suffix}"), "--json", db=other)
        assert imported.code == 0, imported.err
        assert imported.json["counts"]["created"] == 2
        (again,) = cli("case", "list", "--json", "--search", "300001", db=other).json
        reopened = open_database(other)
        try:
            with reopened.reader() as session:
                after = field_texts(cases.case_detail(session, again["id"], today=TODAY))
        finally:
            reopened.close()
        assert {n: after[n] for n in imported_fields} == {n: before[n] for n in imported_fields}
        assert after["customer_phone"] == "(337) 555-0101"
        assert after["sale_price"] == "$6,500.00"


def test_export_sort_refuses_an_unknown_column(
    make_case: Callable[..., int], tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    make_case()
    refused = cli("export", str(tmp_path / "x.csv"), "--sort", "colour")
    assert refused.code == 2
    assert refused.err.count("\n") == 1 and refused.err.startswith("error:")
    assert not (tmp_path / "x.csv").exists()
