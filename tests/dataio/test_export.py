"""Exporting the filtered case list to CSV/XLSX, with formula cells neutralised."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pytest

from keidesk.dataio.export import export_cases
from keidesk.dataio.sheets import neutralise
from keidesk.domain.errors import InvalidInput
from keidesk.services import cases
from keidesk.storage.database import Database
from tests.conftest import TODAY

HOSTILE = ['=HYPERLINK("http://x","y")', "+1 555 0100", "-5", "@SUM(A1)", "\tTabbed", "\rCR"]


def test_neutralise():
    assert [neutralise(v) for v in HOSTILE] == ["'" + v for v in HOSTILE]
    assert neutralise("Dale") == "Dale" and neutralise("") == ""


def test_csv_and_xlsx_neutralise_formula_cells(db: Database, make_case, tmp_path: Path, cli):
    stored = HOSTILE[:4]  # names are stripped when saved, so tab and CR cannot lead one
    for i, name in enumerate(stored):
        make_case(chassis=f"DA52T-{200000 + i}", customer=name)
    result = cli("export", str(tmp_path / "cases.csv"), "--json")
    assert result.code == 0 and result.json["cases"] == len(stored)
    raw = (tmp_path / "cases.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8 right
    rows = list(csv.DictReader((tmp_path / "cases.csv").read_text("utf-8-sig").splitlines()))
    assert sorted(r["Customer"] for r in rows) == sorted("'" + name for name in stored)
    assert cli("export", str(tmp_path / "cases.xlsx")).code == 0
    sheet = openpyxl.load_workbook(tmp_path / "cases.xlsx").active
    cells = [row[6] for row in sheet.iter_rows(min_row=2)]
    assert all(c.data_type == "s" and str(c.value).startswith("'") for c in cells)


def test_export_follows_the_filter_and_reimports(db: Database, make_case, tmp_path, cli, today):
    make_case(chassis="DA52T-300001", customer="Dale Fontenot", built="1999-03", state="TX")
    make_case(chassis="HA4-1234567", customer="Smith Farms", built="1996")
    filtered = cli("export", str(tmp_path / "dale.csv"), "--search", "fontenot", "--json")
    assert filtered.json["cases"] == 1
    staged = cli("export", str(tmp_path / "stage.csv"), "--stage", "intake", "--json")
    assert staged.json["cases"] == 2
    assert cli("export", str(tmp_path / "x.csv"), "--stage", "nowhere").code == 2
    # What keidesk exports, keidesk imports (into another database).
    other = tmp_path / "other.sqlite3"
    assert cli("export", str(tmp_path / "all.xlsx")).code == 0
    imported = cli("import", str(tmp_path / "all.xlsx"), "--json", db=other)
    assert imported.code == 0, imported.err
    assert imported.json["counts"]["created"] == 2
    listed = cli("case", "list", "--json", db=other).json
    assert {c["chassis"] for c in listed} == {"DA52T-300001", "HA4-1234567"}
    assert {c["customer"] for c in listed} == {"Dale Fontenot", "Smith Farms"}


def test_export_refuses_unknown_formats_and_missing_folders(db: Database, tmp_path: Path):
    with db.reader() as session, pytest.raises(InvalidInput, match=r"\.csv or \.xlsx"):
        export_cases(session, cases.CaseFilter(), tmp_path / "cases.pdf", today=TODAY)
    with db.reader() as session, pytest.raises(InvalidInput, match="does not exist"):
        export_cases(session, cases.CaseFilter(), tmp_path / "no" / "c.csv", today=TODAY)


def test_create_cases_refuses_like_create_case(db: Database, make_case, today):
    make_case(chassis="DA52T-400001")
    items = [cases.NewCase("DA52T-400002"), cases.NewCase("DA52T-400001")]
    with (
        pytest.raises(cases.CaseCreationFailed, match="already case KD-") as failed,
        db.transaction("t") as session,
    ):
        cases.create_cases(session, items, user="t", today=today)
    assert failed.value.index == 1
    twice = [cases.NewCase("DA52T-400003"), cases.NewCase("da52t 400003")]
    with (
        pytest.raises(cases.CaseCreationFailed, match="given twice"),
        db.transaction("t") as session,
    ):
        cases.create_cases(session, twice, user="t", today=today)
    with db.reader() as session:
        assert cases.count_cases(session, cases.CaseFilter(), today=today) == 1


@pytest.mark.sqlite_only  # a NUL among them: PostgreSQL's text cannot hold one
def test_control_characters_in_any_field_export_safely(db: Database, make_case, tmp_path, cli):
    """One odd character in one customer's name does not block exporting the whole database:
    it is written as its visible picture (BEL → ␇), in XLSX and in CSV alike."""
    odd = "Dale\x07 Fon\x00tenot\x1b[2J\x0b"
    make_case(chassis="DA52T-400001", customer=odd, notes="line\x0cfeed")
    make_case(chassis="DA52T-400002", customer="Smith Farms")
    assert cli("export", str(tmp_path / "cases.xlsx")).code == 0
    sheet = openpyxl.load_workbook(tmp_path / "cases.xlsx").active
    names = sorted(str(row[6].value) for row in sheet.iter_rows(min_row=2))
    assert names == ["Dale␇ Fon␀tenot␛[2J", "Smith Farms"]  # stored stripped of the trailing \v
    assert cli("export", str(tmp_path / "cases.csv")).code == 0
    text = (tmp_path / "cases.csv").read_text("utf-8-sig")
    assert "Dale␇ Fon␀tenot␛[2J" in text and "\x00" not in text and "\x07" not in text
    assert cli("import", "--dry-run", str(tmp_path / "cases.csv")).code == 0  # reads back


FULL_DISK = """
import resource, signal, sys
from keidesk.cli import main
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))  # SQLite's -shm is 32 KB
sys.exit(main(sys.argv[1:]))
"""


def test_a_full_disk_during_export_or_bundle_export_is_one_line(
    db: Database, make_case, db_path: Path, tmp_path: Path
):
    """The disk fills (a file-size limit stands in for it): one error line, exit 2, and no
    partial file left where the export was to go."""
    import random  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    from tests.conftest import child_env  # noqa: PLC0415

    letters = random.Random(12)

    def text(size: int) -> str:  # text that does not compress away
        return "".join(letters.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(size))

    with db.transaction("tester") as session:
        ids = cases.create_cases(
            session,
            [
                cases.NewCase(
                    chassis=f"DA52T-{500000 + i}",
                    built=None,
                    first_registered=None,
                    customer=text(150),
                    state=None,
                    eta=None,
                    notes=text(400),
                    changes={},
                )
                for i in range(400)
            ],
            user="tester",
            today=TODAY,
        )
    db.close()
    for args in (
        ["export", str(tmp_path / "all.csv")],
        ["export", str(tmp_path / "all.xlsx")],
        ["bundle", "export", *map(str, ids), "--out", str(tmp_path / "all.zip")],
    ):
        done = subprocess.run(
            [sys.executable, "-c", FULL_DISK, "--db", str(db_path), *args],
            capture_output=True,
            check=False,
            text=True,
            env=child_env(),
            timeout=120,
        )
        assert done.returncode == 2, done.stderr
        assert done.stderr.count("\n") == 1 and "the file grew too large" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("all", ".all"))) == []


def test_a_failed_xlsx_write_leaves_no_file_and_no_scratch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Rows that fail half-way (a database error, say): the error is the caller's, the target
    is not created, and the writer's scratch files are gone."""
    import tempfile  # noqa: PLC0415

    from keidesk.dataio.sheets import write_sheet  # noqa: PLC0415

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))

    def rows():
        for number in range(3_000):  # past the width sample: rows already on their way out
            yield [f"KD-{number:06d}", number]
        raise RuntimeError("the database went away")

    target = tmp_path / "out" / "cases.xlsx"
    target.parent.mkdir()
    with pytest.raises(RuntimeError, match="went away"):
        write_sheet(target, ["Case", "Number"], rows())
    assert list(target.parent.iterdir()) == []
    assert list(scratch.iterdir()) == []
    assert write_sheet(target, ["Case", "Number"], [["KD-000001", 1]]) == 1
    assert list(scratch.iterdir()) == []
    sheet = openpyxl.load_workbook(target).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["Case", "Number"],
        ["KD-000001", 1],
    ]


def test_text_that_looks_like_sheet_xml_is_written_as_typed(tmp_path: Path):
    """Cell text is never taken for the file's own XML (XlsxWriter writes text in the shape of
    its rich-text runs unescaped): it reads back as typed, and the file stays readable."""
    from keidesk.dataio.sheets import write_sheet  # noqa: PLC0415

    texts = ["<r>&</r>", "<r><t>hidden</t></r>", "<r> a  b </r>", "<b>&amp;</b>", "a < b & c"]
    target = tmp_path / "cases.xlsx"
    write_sheet(target, ["Notes", "Price"], [[text, 1] for text in texts], formats=["@"])
    sheet = openpyxl.load_workbook(target).active
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == texts
    assert sheet["A2"].number_format == "@"


def test_text_longer_than_an_excel_cell_is_cut_with_a_mark(tmp_path: Path):
    from keidesk.dataio.sheets import CUT_MARK, EXCEL_CELL_CHARACTERS, write_sheet  # noqa: PLC0415

    long_latin = "x" * 40_000
    long_wide = "🚚" * 20_000  # two UTF-16 units each, as Excel counts them
    fits = "y" * EXCEL_CELL_CHARACTERS
    target = tmp_path / "notes.xlsx"
    write_sheet(target, ["Notes"], [[long_latin], [long_wide], [fits]])
    cells = [row[0].value for row in openpyxl.load_workbook(target).active.iter_rows(min_row=2)]
    assert cells[0].endswith(CUT_MARK) and len(cells[0]) == EXCEL_CELL_CHARACTERS
    assert cells[0].startswith("x" * 30_000)
    assert cells[1].endswith(CUT_MARK) and len(cells[1].encode("utf-16-le")) // 2 <= 32_767
    assert cells[1].startswith("🚚" * 16_000)
    assert cells[2] == fits


def test_xlsx_text_that_looks_like_an_excel_escape_comes_back_as_typed(
    db: Database, make_case, tmp_path: Path, cli
):
    """Excel escapes a character as ``_xHHHH_`` (and a literal one by escaping its "_"): text of
    that shape is written escaped and read back as typed, not doubled at each round trip."""
    typed = "Farm _x0041_ and A_B _x005F_ _xD800_"
    make_case(chassis="DA52T-400001", customer=typed)
    assert cli("export", str(tmp_path / "all.xlsx")).code == 0
    imported = cli("import", str(tmp_path / "all.xlsx"), "--json", db=tmp_path / "other.sqlite3")
    assert imported.code == 0, imported.err
    listed = cli("case", "list", "--json", db=tmp_path / "other.sqlite3").json
    assert [c["customer"] for c in listed] == [typed]
