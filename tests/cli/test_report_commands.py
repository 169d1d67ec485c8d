"""``keidesk report KIND --out FILE``: written whole, or refused with one ``error:`` line, exit 2
and nothing written."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pypdf
import pytest


@pytest.fixture
def two_cases(cli) -> None:
    for chassis, state in (("DA52T-123456", "TX"), ("HA4-2222222", "OK")):
        assert cli("case", "add", "--chassis", chassis, "--state", state).code == 0


def _refused(result, *words: str) -> None:
    assert result.code == 2, result.err
    assert result.err.startswith("error: ") and result.err.count("\n") == 1, result.err
    for word in words:
        assert word in result.err, result.err


@pytest.mark.parametrize("kind", ["cases", "aging", "states", "duty", "margin"])
def test_each_report_as_pdf_and_xlsx(cli, tmp_path: Path, two_cases, kind):
    pdf, xlsx = tmp_path / f"{kind}.pdf", tmp_path / f"{kind}.xlsx"
    written = cli("report", kind, "--out", str(pdf), "--json")
    assert written.code == 0, written.err
    assert written.json == {"kind": kind, "file": str(pdf)}
    assert len(pypdf.PdfReader(pdf).pages) >= 1
    assert cli("report", kind, "--out", str(xlsx)).code == 0
    assert openpyxl.load_workbook(xlsx).sheetnames[0] == "Summary"


def test_the_cases_report_takes_the_list_options(cli, tmp_path: Path, two_cases):
    out = tmp_path / "tx.xlsx"
    result = cli(
        "report", "cases", "--out", str(out), "--state", "tx", "--columns", "chassis,state"
    )
    assert result.code == 0, result.err
    rows = list(openpyxl.load_workbook(out)["Cases"].iter_rows(values_only=True))
    assert rows == [("Chassis number", "State"), ("DA52T-123456", "TX")]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("duty", "--from", "2026-10-01", "--to", "2026-09-01"), ("before it starts",)),
        (("margin", "--from", "soon"), ("not a date",)),
        (("profit",), ("not a report",)),
        (("states", "--from", "2026-01-01"), ("apply to the duty and margin",)),
        (("aging", "--state", "TX"), ("apply to 'cases'",)),
        (("cases", "--columns", "chassis,colour"), ("no column 'colour'",)),
    ],
)
def test_bad_input_writes_nothing(cli, tmp_path: Path, two_cases, args, words):
    out = tmp_path / "report.pdf"
    _refused(cli("report", *args, "--out", str(out)), *words)
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".part"]


def test_unwritable_places(cli, tmp_path: Path, two_cases):
    _refused(cli("report", "states", "--out", str(tmp_path / "x.docx")), ".pdf or .xlsx")
    _refused(cli("report", "states", "--out", str(tmp_path / "no" / "x.pdf")), "does not exist")
    (tmp_path / "folder.pdf").mkdir()
    _refused(cli("report", "states", "--out", str(tmp_path / "folder.pdf")), "is a folder")
    if os.geteuid() == 0 and Path("/sys/kernel").is_dir():
        _refused(cli("report", "states", "--out", "/sys/kernel/x.pdf"), "may not write")
