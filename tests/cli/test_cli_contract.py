"""The ``keidesk`` command line as other tools call it: commands, JSON fields, exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def test_decode_full_width_chassis(cli):
    result = cli("decode", "ＤＡ５２Ｔ－１２３４５６", "--json")
    assert result.code == 0, result.err
    data = result.json
    assert data["normalized"] == "DA52T-123456"
    assert data["model_code"] == "DA52T"
    assert data["known"] is True
    assert data["make"] == "Suzuki"
    assert data["model"] == "Carry truck"


def test_decode_unverified_code_shows_confidence(cli):
    data = cli("decode", "DS16T-123456", "--json").json
    assert data["known"] is True
    assert data["confidence"] == "U"
    assert any("unverified" in w for w in data["warnings"])


def test_decode_unknown_code_is_not_an_error(cli):
    data = cli("decode", "ZZ99T-123456", "--json").json
    assert data["known"] is False
    assert data["make"] is None


def test_eligibility_json(cli):
    data = cli("eligibility", "平成11年3月", "--on", "2024-03-31", "--json").json
    assert data["fmvss"]["eligible_on"] == "2024-04-01"
    assert data["fmvss"]["eligible"] is False
    assert data["epa"]["eligible_on"] == "2020-01-01"
    assert data["epa"]["eligible"] is True
    assert data["basis"] == "manufacture"


def test_state_and_states(cli):
    data = cli("state", "la", "--json").json
    assert data["code"] == "LA"
    assert data["path"] == "restricted"
    assert data["citation"]
    assert data["as_of"]
    assert data["confidence"] in {"P", "S", "U"}
    states = cli("states", "--json").json
    assert len(states) == 51
    assert {s["code"] for s in states} >= {"DC", "TX", "WY"}


def test_case_lifecycle(cli):
    add = cli(
        "case",
        "add",
        "--chassis",
        "ha4-1234567",
        "--built",
        "H8.6",
        "--customer",
        "Tammy Landry",
        "--state",
        "LA",
        "--json",
    )
    assert add.code == 0, add.err
    case_id = add.json["id"]
    listing = cli("case", "list", "--search", "landry", "--json").json
    assert [c["id"] for c in listing] == [case_id]
    assert set(listing[0]) >= {"id", "chassis", "customer", "state", "stage"}
    shown = cli("case", "show", str(case_id), "--json").json
    assert shown["stage"] == "intake"
    assert [s["key"] for s in shown["steps"]][:3] == ["intake", "age", "lien"]
    assert all({"key", "status"} <= set(s) for s in shown["steps"])
    step = cli("step", str(case_id), "intake", "done", "--note", "papers in", "--json")
    assert step.code == 0, step.err
    assert step.json["stage"] == "age"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("decode", ""), "Enter a chassis number"),
        (("decode", "DA52T-12AB56"), "DA52T-12AB56"),
        (("eligibility", "2001-13"), "13"),
        (("eligibility", "平成32年"), "平成"),
        (("eligibility", "2031-01"), "future"),
        (("state", "XX"), "not a US state"),
        (("case", "add", "--chassis", "DA52T-123456", "--state", "ZZ"), "not a US state"),
        (("case", "add", "--chassis", "DA52T-123456", "--built", "2030"), "future"),
        (("step", "1", "nope", "done"), "no workflow step"),
        (("case", "show", "999"), "no case 999"),
        (("frobnicate",), "invalid choice"),
    ],
)
def test_bad_input_is_one_error_line_and_exit_2(cli, args, message):
    result = cli(*args)
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("error: ")
    assert message in lines[0]
    assert "Traceback" not in result.err


def test_refused_changes_write_nothing(cli):
    case_id = cli("case", "add", "--chassis", "DA52T-123456", "--built", "1999-03", "--json").json[
        "id"
    ]
    before = cli("case", "history", str(case_id), "--json").json
    dup = cli("case", "add", "--chassis", "da52t－123456")
    assert dup.code == 2
    assert "already case KD-" in dup.err
    gate = cli("step", str(case_id), "customs", "done")
    assert gate.code == 2
    assert "cannot be done before" in gate.err
    bad_status = cli("step", str(case_id), "lien", "finished")
    assert bad_status.code == 2
    assert cli("case", "history", str(case_id), "--json").json == before
    assert len(cli("case", "list", "--json").json) == 1


def test_not_a_keidesk_database(cli, tmp_path: Path):
    junk = tmp_path / "notes.sqlite3"
    junk.write_text("these are my notes, not a database")
    result = cli("case", "list", db=junk)
    assert result.code == 2
    assert "not a keidesk database" in result.err
    assert junk.read_text() == "these are my notes, not a database"


def test_console_entry_point_runs_as_a_program(tmp_path: Path):
    env = dict(os.environ, KEIDESK_DB=str(tmp_path / "k.sqlite3"))
    result = subprocess.run(
        [sys.executable, "-m", "keidesk", "decode", "HA4-1234567", "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert '"make": "Honda"' in result.stdout


def test_version(cli):
    with pytest.raises(SystemExit) as exit_info:
        cli("--version")
    assert exit_info.value.code == 0


def test_version_and_the_app_path_load_no_command(tmp_path):
    """``keidesk`` alone opens the app and ``--version`` answers without importing the
    commands (and the services and SQLAlchemy under them)."""
    script = (
        "import sys\n"
        "from keidesk.cli import _app_arguments\n"
        "args = _app_arguments(['--db', 'x.sqlite3', '--user', 'ann'])\n"
        "assert (args.db, args.user) == ('x.sqlite3', 'ann')\n"
        "assert _app_arguments(['states']) is None and _app_arguments(['-h']) is None\n"
        "print([m for m in sys.modules if m.startswith(('sqlalchemy', 'keidesk.cli.'))])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
    version = subprocess.run(
        [sys.executable, "-m", "keidesk", "--version"], capture_output=True, text=True, check=True
    )
    assert version.stdout.startswith("keidesk ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--db"], "argument --db: expected one argument"),
        (["--frobnicate"], "unrecognized arguments: --frobnicate"),
        (["case"], "'case' needs a subcommand"),
        (["flyto", "Osaka"], "invalid choice: 'flyto'"),
    ],
)
def test_usage_mistakes_are_one_error_line(args, message, capsys):
    from keidesk.cli import main  # noqa: PLC0415

    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1


def test_help_lists_the_commands(capsys):
    from keidesk.cli import main  # noqa: PLC0415

    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert all(name in out for name in ("decode", "case", "packet", "backup", "demo"))


@pytest.mark.parametrize(
    ("assignment", "message"),
    [
        ("odometer=48200", "with its unit"),
        ("paint=red", "no field 'paint'"),
        ("eta=tomorrow", "not a date"),
        ("built=H32.1", "平成"),
        ("purchase_price=lots", "not an amount"),
        ("engine_cc=six hundred", "whole number"),
        ("destination_state=Texas", "not a US state"),
        ("no-equals-sign", "FIELD=VALUE"),
    ],
)
def test_case_set_bad_values(cli, assignment, message):
    case_id = str(cli("case", "add", "--chassis", "U62T-123456", "--json").json["id"])
    before = cli("case", "show", case_id, "--json").json
    result = cli("case", "set", case_id, "colour=red", assignment)
    assert result.code == 2
    assert result.err.startswith("error: ")
    assert message in result.err
    assert cli("case", "show", case_id, "--json").json == before


def test_case_set_and_show_text(cli):
    case_id = str(
        cli("case", "add", "--chassis", "U62T-223456", "--built", "H11.6", "--json").json["id"]
    )
    result = cli(
        "case", "set", case_id, "odometer=52,000 km", "customs_value=$2,400", "eta=2026-12-20"
    )
    assert result.code == 0, result.err
    shown = cli("case", "show", case_id)
    assert "Odometer: 52,000 km (32,311 mi)" in shown.out
    assert "8704.31.0120" in shown.out
    assert "Kei class:" in shown.out


def test_vin_check_digit_mismatch_is_a_warning(cli):
    good = cli("decode", "1M8GDM9AXKP042788", "--json").json
    assert good["kind"] == "vin"
    assert good["warnings"] == []
    bad = cli("decode", "1M8GDM9A1KP042788", "--json")
    assert bad.code == 0
    assert any("check digit" in w for w in bad.json["warnings"])
    refused = cli("decode", "1M8GDM9AXKP04278O")
    assert refused.code == 2
    assert "O" in refused.err
