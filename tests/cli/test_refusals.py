"""Every refusal is one ``error:`` line and exit 2, and changes nothing: numbers too large for
the database, nan and inf, text that is not UTF-8, databases keidesk has no driver for, and
values whose echo would span lines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from keidesk.cli import one_line
from tests.conftest import child_env
from tests.dataio.helpers import dump_digest

BIG = "9" * 30


@pytest.fixture
def one_case(cli, db_path: Path) -> str:
    created = cli("case", "add", "--chassis", "DA52T-123456", "--customer", "Dale", "--json")
    assert created.code == 0
    assert cli("case", "list").code == 0  # the age gates settled: reads change nothing now
    return str(created.json["id"])


def _refused(result, *words: str) -> None:
    assert result.code == 2, result.err
    assert result.err.startswith("error: ") and result.err.count("\n") == 1, result.err
    assert "unexpected problem" not in result.err
    for word in words:
        assert word in result.err, result.err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("case", "show", BIG), ("not an id",)),
        (("case", "show", "0"), ("not an id",)),
        (("case", "show", str(2**63)), ("not an id",)),
        (("case", "history", "-3"), ("not an id",)),
        (("case", "set", BIG, "colour=red"), ("not an id",)),
        (("step", BIG, "age", "done"), ("not an id",)),
        (("bundle", "export", BIG, "--out", "x.zip"), ("not an id",)),
        (("packet", BIG, "--kind", "customs", "--out", "x.pdf"), ("not an id",)),
        (("case", "list", "--limit", BIG), ("--limit",)),
        (("case", "list", "--limit", "-1"), ("--limit",)),
        (("demo", "--seed", BIG), ("--seed",)),
        (("case", "set", "1", f"purchase_price={BIG}"), ("more than keidesk records",)),
        (("case", "set", "1", "purchase_price=1e400"), ("more than keidesk records",)),
        (("case", "set", "1", "purchase_price=1e999999999"), ("more than keidesk records",)),
        (("case", "set", "1", "customs_value=nan"), ("not an amount",)),
        (("case", "set", "1", "freight=inf"), ("not an amount",)),
        (("case", "set", "1", "duty_paid=-Infinity"), ("not an amount",)),
        (("case", "set", "1", "sale_price=sNaN"), ("not an amount",)),
        (("case", "set", "1", f"odometer={BIG} km"), ("more than an odometer shows",)),
        (("case", "set", "1", "odometer=10000000 mi"), ("more than an odometer shows",)),
        (("case", "set", "1", "odometer=²³ km"), ("not an odometer reading",)),
        (("case", "set", "1", f"engine_cc={BIG}"), ("whole number",)),
        (("case", "set", "1", f"eta={BIG}"), ("not a date",)),
        (("eligibility", BIG), ("not a date",)),
    ],
)
def test_numbers_no_database_can_hold_are_refused(cli, one_case, db_path, args, words):
    before = dump_digest(db_path)
    _refused(cli(*args), *words)
    assert dump_digest(db_path) == before


@pytest.mark.parametrize(
    "args",
    [
        ("case", "add", "--chassis", "DA52T-65\udcff4321"),
        ("case", "set", "1", "notes=tarp \udce9"),
        ("case", "list", "--search", "\udc80"),
        ("--user", "J\udcf6rg", "case", "set", "1", "colour=red"),
    ],
)
def test_arguments_that_are_not_utf8_are_refused(cli, one_case, db_path, args):
    before = dump_digest(db_path)
    _refused(cli(*args), "not valid UTF-8")
    assert dump_digest(db_path) == before


def test_arguments_that_are_not_utf8_are_refused_from_a_real_shell(tmp_path: Path):
    """The bytes as a terminal in another encoding sends them (Latin-1 'ö')."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "keidesk",
            "--db",
            str(tmp_path / "k.sqlite3"),
            "decode",
            b"Sch\xf6n",
        ],
        capture_output=True,
        check=False,
        env=child_env(),
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.startswith(b"error: ") and done.stderr.count(b"\n") == 1
    assert b"not valid UTF-8" in done.stderr
    assert not (tmp_path / "k.sqlite3").exists()


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("postgresql://127.0.0.1:1/keidesk", ("office server cannot be reached",)),
        ("mysql+nosuchdriver://office/keidesk", ("no driver",)),
        ("foo://bar", ("no driver",)),
        ("://", ("not a database path or URL",)),
    ],
)
def test_a_database_keidesk_cannot_drive_is_refused(cli, url, words):
    _refused(cli("case", "list", db=url), *words)


def test_an_echoed_value_never_spans_lines(cli, one_case, db_path):
    before = dump_digest(db_path)
    result = cli("case", "add", "--chassis", "bad\nerror: fake\x1b[31m\r\u2028line")
    _refused(result, "bad\\nerror: fake\\x1b[31m\\r\\u2028line")
    result = cli("case", "set", "1", "customer_name=Dale", "colour", "x\ny")
    _refused(result, "'colour' is not FIELD=VALUE")
    result = cli("case", "list", "--stage", "customs\r\nerror: done")
    _refused(result, "customs\\r\\nerror: done")
    assert dump_digest(db_path) == before


def test_one_line_escapes_what_would_break_a_line_and_keeps_the_rest():
    assert (
        one_line("Dale\tFontenot\n平成11年 ¥450,000 ✓") == "Dale\\tFontenot\\n平成11年 ¥450,000 ✓"
    )
    assert one_line("\x00\x7f\x85\u2029\udcff") == "\\x00\\x7f\\x85\\u2029\\udcff"


def test_a_staff_name_that_is_not_utf8_is_refused(cli, one_case, db_path, monkeypatch):
    monkeypatch.setenv("KEIDESK_USER", "J\udcf6rg")  # as os.environ holds a Latin-1 'ö'
    before = dump_digest(db_path)
    _refused(cli("case", "set", one_case, "colour=red"), "staff name", "KEIDESK_USER")
    assert dump_digest(db_path) == before


def test_an_argument_with_a_nul_character_is_refused(cli, one_case, db_path, tmp_path):
    before = dump_digest(db_path)
    for args in (
        ("case", "set", one_case, "notes=a\x00b"),
        ("packet", "--stage", "handover", "--kind", "handover", "--out-dir", "x\x00"),
    ):
        _refused(cli(*args), "NUL character")
    assert dump_digest(db_path) == before
