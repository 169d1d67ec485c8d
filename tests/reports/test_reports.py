"""Every report written as PDF and XLSX and read back (pypdf's text and page count, openpyxl's
cells), rendered to PNG, refused in words for a bad period or an unwritable place, and written
whole or not at all."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pypdf
import pytest

from keidesk.domain.costs import CostKind, NewCost
from keidesk.domain.errors import InvalidInput
from keidesk.domain.money import Money
from keidesk.reports import write_report
from keidesk.reports.data import CaseListShown, build_report, dashboard_charts
from keidesk.reports.model import Period, ReportKind
from keidesk.services import cases, costs


@pytest.fixture
def unwritable(tmp_path: Path) -> Iterator[Path]:
    """A folder no file can be written in: read-only for a user; for root (who writes
    anywhere) a folder of the kernel's."""
    if os.geteuid() == 0:
        if not Path("/sys/kernel").is_dir():
            pytest.skip("no folder root cannot write in")
        yield Path("/sys/kernel")
        return
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    yield folder
    folder.chmod(0o700)


@pytest.fixture
def ledger(db, make_case, today):
    """Three trucks: one sold at a profit, one at a loss (yen costs), one not sold."""
    profit = make_case(chassis="DA52T-111111", customer="Dale Earnhardt", state="TX")
    loss = make_case(chassis="HA4-2222222", customer="Tanaka (田中) Motors", state="TX")
    unsold = make_case(chassis="U62T-3333333", customer="Reba", state="OK", eta=date(2026, 12, 1))
    with db.transaction("tester") as session:
        for case_id, sale, sold in (
            (profit, 650_000, date(2026, 9, 14)),
            (loss, 300_000, date(2026, 10, 3)),
        ):
            cases.update_case(
                session,
                case_id,
                {"sale_price": Money(sale, "USD"), "sale_date": sold},
                user="tester",
                today=today,
            )
        entries = (
            (profit, CostKind.AUCTION_PRICE, Money(350_000, "JPY"), "151.37", date(2026, 8, 1)),
            (profit, CostKind.DUTY, Money(100_250, "USD"), None, date(2026, 9, 2)),
            (profit, CostKind.MPF, Money(3_358, "USD"), None, date(2026, 9, 2)),
            (loss, CostKind.AUCTION_PRICE, Money(500_000, "JPY"), "150", date(2026, 9, 1)),
            (loss, CostKind.DUTY, Money(90_000, "USD"), None, date(2026, 10, 1)),
            (loss, CostKind.CUSTOMS_BROKER, Money(35_000, "USD"), None, date(2026, 10, 1)),
            (unsold, CostKind.HMF, Money(501, "USD"), None, date(2026, 11, 20)),
        )
        for case_id, kind, amount, rate, day in entries:
            cost = NewCost(kind, amount, Decimal(rate) if rate else None, day, "")
            costs.add_cost(session, case_id, cost, user="tester")
    return profit, loss, unsold


def _write(db, tmp_path, kind, suffix, today, **kw) -> Path:
    path: Path = tmp_path / f"{kind.value}{suffix}"
    with db.reader() as session:
        write_report(build_report(session, kind, today=today, **kw), path)
    return path


def _pdf_text(path: Path) -> tuple[int, str]:
    reader = pypdf.PdfReader(path)
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def _sheets(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    book = openpyxl.load_workbook(path)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def test_margin_report(db, tmp_path, today, ledger):
    pages, text = _pdf_text(_write(db, tmp_path, ReportKind.MARGIN, ".pdf", today))
    assert pages == 1
    assert "Margin by truck and by month" in text
    # profit: 650,000 - (231,222 + 100,250 + 3,358) = 315,170 cents
    assert "$3,151.70" in text and "48.5%" in text
    # loss: 300,000 - (333,333 + 90,000 + 35,000) = -158,333 cents
    assert "-$1,583.33" in text and "-52.8%" in text
    assert "2026-09" in text and "2026-10" in text
    sheets = _sheets(_write(db, tmp_path, ReportKind.MARGIN, ".xlsx", today))
    by_truck = sheets["Margin by truck"]
    assert by_truck[0][:2] == ("Case", "Chassis number")
    assert by_truck[1][1] == "DA52T-111111"
    assert by_truck[1][5] == 6500 and by_truck[1][8] == pytest.approx(3151.70)
    assert by_truck[2][3] == "Tanaka (田中) Motors"
    assert by_truck[-1][0] == "Total" and by_truck[-1][8] == pytest.approx(1568.37)
    by_month = sheets["Margin by month"]
    assert [row[0] for row in by_month] == ["Month", "2026-09", "2026-10", "Total"]


def test_each_xlsx_table_has_a_frozen_filtered_header_fitted_widths_and_bold_totals(
    db, make_case, tmp_path, today, ledger
):
    make_case(chassis="DA52T-444444", customer="Bell\x07 & =Sons")
    book = openpyxl.load_workbook(_write(db, tmp_path, ReportKind.MARGIN, ".xlsx", today))
    sheet = book["Margin by truck"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:J3"  # the header and the two trucks, not the totals
    assert all(cell.font.b for cell in sheet[1])
    totals = sheet[4]
    assert totals[0].value == "Total" and totals[0].font.b and totals[5].font.b
    assert totals[5].number_format == '"$"#,##0.00;-"$"#,##0.00'
    assert sheet["E2"].number_format == "yyyy-mm-dd" and sheet["E2"].value.date() == date(
        2026, 9, 14
    )
    widths = {sheet.column_dimensions[letter].width for letter in "ABCDEFGHIJ"}
    assert len(widths) > 3  # fitted to the text
    assert book.properties.title == "Margin by truck and by month"
    assert book.properties.creator == "keidesk"
    # Text as every keidesk sheet keeps it: control characters shown, formulas never run.
    listed = _sheets(_write(db, tmp_path, ReportKind.CASES, ".xlsx", today))["Cases"]
    assert "Bell\u2407 & =Sons" in [row[5] for row in listed]


def test_a_period_limits_the_margin_and_duty_reports(db, tmp_path, today, ledger):
    september = Period(date(2026, 9, 1), date(2026, 9, 30))
    sheets = _sheets(_write(db, tmp_path, ReportKind.MARGIN, ".xlsx", today, period=september))
    assert [row[1] for row in sheets["Margin by truck"][1:-1]] == ["DA52T-111111"]
    sheets = _sheets(_write(db, tmp_path, ReportKind.DUTY, ".xlsx", today, period=september))
    rows = sheets["Duty and fees by month"]
    assert rows[0] == (
        "Month",
        "Trucks",
        "Duty",
        "MPF",
        "HMF",
        "Customs broker",
        "Port & storage",
        "Total",
    )
    assert rows[1][:4] == ("2026-09", 1, 1002.5, pytest.approx(33.58))
    assert rows[-1][0] == "Total" and len(rows) == 3


def test_duty_report(db, tmp_path, today, ledger):
    pages, text = _pdf_text(_write(db, tmp_path, ReportKind.DUTY, ".pdf", today))
    assert pages == 1
    for figure in ("$1,002.50", "$900.00", "$350.00", "$5.01", "2026-11"):
        assert figure in text
    # all fees: 100,250 + 3,358 + 90,000 + 35,000 + 501 = 229,109 cents
    assert "$2,291.09" in text


def test_states_and_aging_reports(db, tmp_path, today, ledger):
    pages, text = _pdf_text(_write(db, tmp_path, ReportKind.STATES, ".pdf", today))
    assert pages == 1
    assert "Trucks by destination state and stage" in text
    assert "Arrivals (ETA) in the next 8 weeks" in text
    rows = _sheets(_write(db, tmp_path, ReportKind.STATES, ".xlsx", today))[
        "Trucks by destination state"
    ]
    assert rows[0][0] == "State" and rows[0][-1] == "Total"
    assert {row[0]: row[-1] for row in rows[1:]} == {"OK": 1, "TX": 2, "All states": 3}
    pages, text = _pdf_text(_write(db, tmp_path, ReportKind.AGING, ".pdf", today))
    assert "Stock aging" in text and "KD-000001" in text
    summary = _sheets(_write(db, tmp_path, ReportKind.AGING, ".xlsx", today))["Summary"]
    assert summary[0][0] == "Stock aging"


def test_the_case_list_as_shown(db, tmp_path, today, ledger):
    shown = CaseListShown(
        cases.CaseFilter(state="TX"), "customer", True, ("customer", "number", "state"), "state TX"
    )
    sheets = _sheets(_write(db, tmp_path, ReportKind.CASES, ".xlsx", today, shown=shown))
    assert sheets["Cases"] == [
        ("Customer", "Case", "State"),
        ("Tanaka (田中) Motors", "KD-000002", "TX"),
        ("Dale Earnhardt", "KD-000001", "TX"),
    ]
    assert "state TX; sorted by customer, descending" in sheets["Summary"][1][0]
    pages, text = _pdf_text(_write(db, tmp_path, ReportKind.CASES, ".pdf", today, shown=shown))
    assert pages == 1 and "Dale Earnhardt" in text and "Reba" not in text


def test_a_long_list_runs_over_pages_numbered_with_the_header_repeated(
    db, make_case, tmp_path, today
):
    for number in range(130):
        make_case(chassis=f"DA52T-{500000 + number}", customer=f"=cmd|' /C calc'!A{number}")
    path = _write(db, tmp_path, ReportKind.CASES, ".pdf", today)
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == 4
    last = reader.pages[-1].extract_text()
    assert "page 4 of 4" in last and "Chassis number" in last
    sheets = _sheets(_write(db, tmp_path, ReportKind.CASES, ".xlsx", today))
    assert len(sheets["Cases"]) == 131
    assert all(str(row[5]).startswith("'=") for row in sheets["Cases"][1:])  # never a formula


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
def test_reports_render_as_images(db, tmp_path, today, ledger):
    for kind in ReportKind:
        path = _write(db, tmp_path, kind, ".pdf", today)
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "40",
                "-png",
                "-f",
                "1",
                "-l",
                "1",
                str(path),
                str(tmp_path / kind.value),
            ],
            check=True,
            capture_output=True,
        )
        image = next(tmp_path.glob(f"{kind.value}-*.png"))
        assert image.stat().st_size > 5_000, kind  # charts and tables, not a blank page


def test_refusals_leave_the_file_as_it_was(db, tmp_path, today, ledger, unwritable):
    with pytest.raises(InvalidInput, match=r"ends .* before it starts"):
        Period(date(2026, 10, 1), date(2026, 9, 1))
    kept = tmp_path / "kept.pdf"
    kept.write_bytes(b"the old report")
    with db.reader() as session:
        report = build_report(session, ReportKind.MARGIN, today=today)
        with pytest.raises(InvalidInput, match=r"\.pdf or \.xlsx"):
            write_report(report, tmp_path / "margin.docx")
        with pytest.raises(InvalidInput, match="does not exist"):
            write_report(report, tmp_path / "missing" / "margin.pdf")
        with pytest.raises(InvalidInput, match="may not write"):
            write_report(report, unwritable / "margin.pdf")
        write_report(report, kept)
    assert kept.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_dashboard_charts(db, today, ledger):
    with db.reader() as session:
        per_stage, arrivals, margin = dashboard_charts(session, today=today)
    assert sum(per_stage.values) == 3
    assert sum(arrivals.values) == 1 and arrivals.labels[0] == "Nov 21"
    assert len(margin.labels) == 12 and margin.labels[-1] == "Nov"
    assert margin.values[-3:] == (315_170, -158_333, 0)
