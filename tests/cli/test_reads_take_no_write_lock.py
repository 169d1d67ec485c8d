"""Commands that only read (``case list``, ``case show``) take the write lock only on the day
an age gate opens: another keidesk's long write does not hold them up."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import FROZEN_AT


@pytest.mark.sqlite_only
def test_listing_and_showing_while_another_program_writes(cli, db_path: Path):
    added = cli("case", "add", "--chassis", "DA52T-123456", "--built", "1999-03", "--json")
    assert added.code == 0, added.err
    writer = sqlite3.connect(db_path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        listed = cli("case", "list", "--json")
        shown = cli("case", "show", str(added.json["id"]), "--json")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert listed.code == 0, listed.err
    assert shown.code == 0, shown.err
    assert [c["chassis"] for c in listed.json] == ["DA52T-123456"]


def test_a_gate_that_opened_is_moved_on_when_listed(cli, db_path: Path, clock_frozen):
    added = cli("case", "add", "--chassis", "DA52T-123456", "--built", "2002-01", "--json")
    case_id = str(added.json["id"])
    steps = {s["key"]: s["status"] for s in cli("case", "show", case_id, "--json").json["steps"]}
    assert steps["age"] == "blocked"
    clock_frozen.move_to(
        datetime(2027, 2, 2, 12, tzinfo=FROZEN_AT.tzinfo)
    )  # the truck is 25 years old now
    assert cli("case", "list").code == 0
    steps = {s["key"]: s["status"] for s in cli("case", "show", case_id, "--json").json["steps"]}
    assert steps["age"] == "todo"
