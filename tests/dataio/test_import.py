"""Spreadsheet import: mapping, per-cell problems, all-or-nothing, duplicates, malformed files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pytest

from keidesk.dataio import importer
from keidesk.dataio.importer import (
    DuplicatePolicy,
    ImportCancelled,
    ImportFailed,
    RowOutcome,
    check_import,
    run_import,
)
from keidesk.dataio.mapping import (
    apply_overrides,
    guess_mapping,
    mapping_for,
    remember_mapping,
)
from keidesk.dataio.sheets import read_sheet
from keidesk.domain.dates import PartialDate
from keidesk.domain.errors import InvalidInput
from keidesk.domain.money import Money, Odometer
from keidesk.services import cases
from keidesk.storage.database import Database
from tests.dataio.helpers import fingerprint, write_csv

REALISTIC = (
    "Chassis No.,Year,First Reg,Customer,State,ETA,Price (JPY),Odo (km),Notes\n"
    'DA52T-123456,H11.3,H11/04,Dale Fontenot,TX,2026-12-20,"250,000",48200,blue tarp\n'
    "ｈａ４－１２３４５６７,1996,,Smith Farms,Texas,12/22/2026,180000,,\n"
    "S110P-0123456,平成8年,,Jolene Carter,ga,,,,\n"
)


def _import(db: Database, path: Path, today: date, **kw):
    sheet = read_sheet(path)
    with db.transaction("tester") as session:
        mapping, _ = mapping_for(session, sheet.headers)
        check = check_import(session, sheet, mapping, today=today)
        return run_import(
            session,
            check,
            duplicates=kw.get("duplicates", DuplicatePolicy.SKIP),
            user="tester",
            today=today,
        )


def test_guess_mapping_from_importers_headers():
    headers = [
        "Chassis No.",
        "Frame #",
        "Year",
        "Built",
        "First Reg",
        "Customer",
        "State",
        "ETA",
        "Price (JPY)",
        "Notes",
        "Model Name",
    ]
    assert guess_mapping(headers) == (
        "chassis",
        None,  # chassis is already taken by the first column
        "built",
        None,
        "first_registered",
        "customer",
        "state",
        "eta",
        "purchase_price",
        "notes",
        None,
    )
    assert guess_mapping(["Frame #", "Built", "Buyer", "Dest"]) == (
        "chassis",
        "built",
        "customer",
        "state",
    )
    assert guess_mapping(["車台番号", "年式", "初度登録年月", "お客様", "備考"]) == (
        "chassis",
        "built",
        "first_registered",
        "customer",
        "notes",
    )


def test_realistic_sheet_imports_with_typed_values(db: Database, tmp_path: Path, today):
    report = _import(db, write_csv(tmp_path / "s.csv", REALISTIC), today)
    assert report.committed
    assert [r.outcome for r in report.rows] == [RowOutcome.CREATED] * 3
    with db.reader() as session:
        first = cases.case_detail(session, report.rows[0].case_id or 0, today=today)
        second = cases.case_detail(session, report.rows[1].case_id or 0, today=today)
        third = cases.case_detail(session, report.rows[2].case_id or 0, today=today)
    assert first.built == PartialDate(1999, 3)
    assert first.first_registered == PartialDate(1999, 4)
    assert first.purchase_price == Money(250000, "JPY")
    assert first.odometer == Odometer.parse("48200 km")
    assert first.eta == date(2026, 12, 20)
    assert first.notes == "blue tarp"
    assert second.chassis == "HA4-1234567"  # full-width input normalised
    assert second.destination_state == "TX"  # "Texas" by name
    assert second.eta == date(2026, 12, 22)  # US m/d/Y
    assert third.built == PartialDate(1996)
    assert third.destination_state == "GA"


def test_problems_are_marked_per_cell_and_nothing_is_written(db: Database, tmp_path, today):
    text = (
        "Chassis No.,Year,First Reg,Customer,State,ETA\n"
        "DA52T-123456,1999,,A,TX,\n"
        "DA52T-12,1999,,B,TX,\n"  # serial too short
        "DA52T-222222,H11.13,,C,ZZ,\n"  # month 13, unknown state
        "DA52T-333333,2030,,D,TX,\n"  # built in the future
        "DA52T-444444,1999-05,1999-01,E,TX,2026-02-30\n"  # first reg before built, no 30 Feb
        ",1999,,F,TX,\n"  # no chassis
    )
    path = write_csv(tmp_path / "bad.csv", text)
    sheet = read_sheet(path)
    before = fingerprint(db)
    with db.reader() as session:
        check = check_import(session, sheet, guess_mapping(sheet.headers), today=today)
    rows = check.rows
    assert rows[0].ok
    assert "DA52T-12" in (rows[1].problem_in(0) or "")
    assert "13" in (rows[2].problem_in(1) or "")
    assert "not a US state code" in (rows[2].problem_in(4) or "")
    assert "future" in (rows[3].problem_in(1) or "")
    assert "before the build date" in (rows[4].problem_in(2) or "")
    assert rows[4].problem_in(5) is not None
    assert rows[5].problem_in(0) == "There is no chassis number."
    assert [r.line for r in check.problem_rows] == [3, 4, 5, 6, 7]

    with pytest.raises(ImportFailed) as failed:
        _import(db, path, today)
    report = failed.value.report
    assert not report.committed
    assert [r.outcome for r in report.rows] == [RowOutcome.NOT_IMPORTED] + [RowOutcome.FAILED] * 5
    assert "5 of 6 rows" in str(failed.value)
    assert "nothing was imported" in str(failed.value)
    assert fingerprint(db) == before


def test_duplicates_are_skipped_or_merged_never_doubled(db: Database, tmp_path, today, make_case):
    existing = make_case(chassis="DA52T-123456", built="1999-03", customer="Dale")
    text = (
        "Chassis,Built,Customer,Notes,ETA\n"
        "da52t－123456,1999-03,Dale,new tarp,2026-12-01\n"
        "DA52T-555555,1999,Earl,,\n"
        "DA52T 555555,1999,Earl,second row note,\n"  # same truck again, in the same file
    )
    path = write_csv(tmp_path / "d.csv", text)
    skip = _import(db, path, today)
    assert [r.outcome for r in skip.rows] == [
        RowOutcome.SKIPPED,
        RowOutcome.CREATED,
        RowOutcome.SKIPPED,
    ]
    assert skip.rows[0].case_id == existing
    merge = _import(db, path, today, duplicates=DuplicatePolicy.MERGE)
    assert [r.outcome for r in merge.rows] == [
        RowOutcome.MERGED,
        RowOutcome.UNCHANGED,
        RowOutcome.MERGED,
    ]
    with db.reader() as session:
        assert cases.count_cases(session, cases.CaseFilter(), today=today) == 2
        detail = cases.case_detail(session, existing, today=today)
        assert detail.notes == "new tarp"
        assert detail.eta == date(2026, 12, 1)
    again = _import(db, path, today, duplicates=DuplicatePolicy.MERGE)
    assert {r.outcome for r in again.rows} == {RowOutcome.UNCHANGED}


def test_mapping_is_remembered_per_header_layout(db: Database, tmp_path, today):
    text = "Lot,Ident,Yr\n1,DA52T-123456,1999\n"
    sheet = read_sheet(write_csv(tmp_path / "m.csv", text))
    with db.reader() as session:
        mapping, remembered = mapping_for(session, sheet.headers)
    assert mapping == (None, None, None) and not remembered
    corrected = apply_overrides(sheet.headers, mapping, ["Ident=chassis", "yr=built"])
    assert corrected == (None, "chassis", "built")
    with db.transaction("tester") as session:
        remember_mapping(session, sheet.headers, corrected)
    with db.reader() as session:
        assert mapping_for(session, [" LOT", "ident", "Yr"]) == (corrected, True)
        assert mapping_for(session, ["Ident", "Lot", "Yr"])[1] is False  # another layout


def test_bad_mappings_are_refused(db: Database, tmp_path, today):
    sheet = read_sheet(write_csv(tmp_path / "m.csv", "A,B\nDA52T-123456,1999\n"))
    with db.reader() as session:
        with pytest.raises(InvalidInput, match="chassis number"):
            check_import(session, sheet, (None, "built"), today=today)
        with pytest.raises(InvalidInput, match="both mapped"):
            check_import(session, sheet, ("chassis", "chassis"), today=today)
    with pytest.raises(InvalidInput, match="no column 'Zed'"):
        apply_overrides(sheet.headers, (None, None), ["Zed=chassis"])
    with pytest.raises(InvalidInput, match="not an import field"):
        apply_overrides(sheet.headers, (None, None), ["A=colour_of_sky"])


def test_shift_jis_and_utf8_bom_csv_are_read(db: Database, tmp_path, today):
    text = "車台番号,年式,お客様,備考\nDA52T-123456,平成11年3月,山田農園,幌付き\n"
    for name, encoding, label in (
        ("sjis.csv", "cp932", "Shift-JIS"),
        ("bom.csv", "utf-8-sig", "UTF-8"),
    ):
        sheet = read_sheet(write_csv(tmp_path / name, text, encoding))
        assert sheet.encoding == label
        assert sheet.headers == ("車台番号", "年式", "お客様", "備考")
        assert sheet.rows[0][2] == "山田農園"
    report = _import(db, tmp_path / "sjis.csv", today)
    assert report.rows[0].outcome is RowOutcome.CREATED
    with db.reader() as session:
        detail = cases.case_detail(session, report.rows[0].case_id or 0, today=today)
    assert detail.built == PartialDate(1999, 3)
    assert detail.customer is not None and detail.customer.name == "山田農園"


def test_unreadable_encoding_and_binary_are_refused_plainly(tmp_path: Path):
    latin = tmp_path / "latin.csv"
    latin.write_bytes("Chassis,Customer\nDA52T-123456,Jos\xe9 \x81\xff\n".encode("latin-1"))
    with pytest.raises(InvalidInput, match="neither UTF-8 nor Shift-JIS"):
        read_sheet(latin)
    binary = tmp_path / "pic.csv"
    binary.write_bytes(b"Chassis\x00\x00\x00\n")
    with pytest.raises(InvalidInput, match="binary data"):
        read_sheet(binary)
    other = tmp_path / "cases.pdf"
    other.write_bytes(b"%PDF-1.4")
    with pytest.raises(InvalidInput, match="save it as CSV or Excel"):
        read_sheet(other)
    empty = tmp_path / "empty.csv"
    empty.write_text("\n\n")
    with pytest.raises(InvalidInput, match="is empty"):
        read_sheet(empty)


def test_ragged_rows_are_reported_short_rows_padded(db: Database, tmp_path, today):
    text = "Chassis,Built\nDA52T-123456\nDA52T-222222,1999,surprise,cells\nDA52T-333333,1999,,\n"
    path = write_csv(tmp_path / "ragged.csv", text)
    before = fingerprint(db)
    with pytest.raises(ImportFailed) as failed:
        _import(db, path, today)
    rows = failed.value.report.rows
    assert rows[0].outcome is RowOutcome.NOT_IMPORTED  # short row: missing cells are empty
    assert rows[1].outcome is RowOutcome.FAILED
    assert "4 cells but the first row names 2 columns" in rows[1].message
    assert rows[2].outcome is RowOutcome.NOT_IMPORTED  # trailing empty cells are no extra data
    assert fingerprint(db) == before


def test_formula_cells_are_refused_not_stored(db: Database, tmp_path, today):
    text = 'Chassis,Customer\nDA52T-123456,"=HYPERLINK(""http://x"",""y"")"\n'
    path = write_csv(tmp_path / "f.csv", text)
    before = fingerprint(db)
    with pytest.raises(ImportFailed) as failed:
        _import(db, path, today)
    assert "spreadsheet formula" in failed.value.report.rows[0].message
    assert fingerprint(db) == before


def test_xlsx_with_dates_numbers_and_formulas(db: Database, tmp_path, today):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Frame #", "Built", "Customer", "ETA", "Price (JPY)", "Total"])
    sheet.append(["DA52T-123456", 1999, "Dale", date(2026, 12, 20), 250000, "=E2*2"])
    book.save(tmp_path / "sheet.xlsx")
    read = read_sheet(tmp_path / "sheet.xlsx")
    assert read.rows[0] == ("DA52T-123456", "1999", "Dale", "2026-12-20", "250000", "=E2*2")
    # "Total" is not mapped, so its formula is ignored; the rest imports.
    report = _import(db, tmp_path / "sheet.xlsx", today)
    assert report.rows[0].outcome is RowOutcome.CREATED
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(InvalidInput, match="not a readable Excel"):
        read_sheet(broken)


@pytest.mark.slow
def test_fifty_thousand_rows(db: Database, tmp_path, today):
    lines = ["Chassis No.,Year,Customer,State"]
    lines.extend(f"DA52T-{100000 + i},1999,Customer {i % 500},TX" for i in range(50_000))
    lines.append("DA52T-BAD,1999,Someone,TX")  # one bad row at the very end
    path = write_csv(tmp_path / "big.csv", "\n".join(lines) + "\n")
    sheet = read_sheet(path)
    assert len(sheet.rows) == 50_001
    before = fingerprint(db)
    with pytest.raises(ImportFailed) as failed:
        _import(db, path, today)
    assert failed.value.report.counts["failed"] == 1
    assert failed.value.report.rows[-1].line == 50_002
    assert fingerprint(db) == before


def test_cancel_writes_nothing(db: Database, tmp_path, today, monkeypatch):
    monkeypatch.setattr(importer, "CHUNK_ROWS", 100)
    lines = ["Chassis"] + [f"DA52T-{100000 + i}" for i in range(500)]
    sheet = read_sheet(write_csv(tmp_path / "c.csv", "\n".join(lines)))
    before = fingerprint(db)
    calls: list[int] = []

    def progress(done: int, total: int) -> bool:
        calls.append(done)
        return done < 200

    with pytest.raises(ImportCancelled), db.transaction("tester") as session:
        check = check_import(session, sheet, ("chassis",), today=today)
        run_import(
            session,
            check,
            duplicates=DuplicatePolicy.SKIP,
            user="tester",
            today=today,
            progress=progress,
        )
    assert calls and max(calls) >= 200
    assert fingerprint(db) == before


def test_cli_import_failure_prints_the_report_and_exits_2(cli, tmp_path, db_path):
    good = write_csv(tmp_path / "good.csv", REALISTIC)
    bad = write_csv(tmp_path / "bad.csv", REALISTIC + "XX-1,1999,,Nobody,TX,,,,\n")
    dry = cli("import", str(good), "--dry-run", "--json")
    assert dry.code == 0, dry.err
    assert dry.json["dry_run"] is True and dry.json["counts"]["created"] == 3
    assert cli("case", "list", "--json").json == []
    failed = cli("import", str(bad), "--json")
    assert failed.code == 2
    assert failed.err.startswith("error: 1 of 4 rows in bad.csv cannot be imported")
    assert len(failed.err.strip().splitlines()) == 1
    assert failed.json["rows"][3]["outcome"] == "failed"
    assert failed.json["rows"][0]["outcome"] == "not imported"
    assert cli("case", "list", "--json").json == []
    ok = cli("import", str(good))
    assert ok.code == 0 and "3 created" in ok.out
    again = cli("import", str(good), "--map", "Notes=-", "--json")
    assert again.json["counts"]["skipped"] == 3
    assert again.json["mapping"]["Notes"] is None
