"""``keidesk case list --json`` is a contract: its fields and values, byte for byte, are what
``json.dumps(jsonable(rows), ensure_ascii=False, indent=2)`` gave before it was streamed."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from typing import Any

import pytest

from keidesk.cli.output import emit_json_list, jsonable
from keidesk.domain.workflow import StepStatus
from keidesk.services import cases


def _as_before(value: Any) -> str:
    return json.dumps(jsonable(value), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.typed_names
def test_the_list_is_byte_for_byte_what_it_was(cli, db, make_case, today):
    make_case(
        chassis="DA52T-100001",
        built="H11.3",
        customer='Zoë "Ziggy" Ångström\\ 山田\u2028',
        state="TX",
        notes="tab\there",
    )
    make_case(chassis="HA4-1234567", customer="Dale\x07 Fon\x00tenot\x1b[2J\x0b")
    bare = make_case(chassis="U42T-0012345")
    with db.transaction("tester") as session:
        detail = cases.case_detail(session, bare, today=today)
        first = detail.steps[0].key
        cases.set_step(
            session, bare, first, StepStatus.BLOCKED, user="tester", today=today, note="waiting"
        )
    result = cli("case", "list", "--json")
    assert result.code == 0, result.err
    with db.reader() as session:
        rows = cases.list_cases(session, today=today)
    assert result.out == _as_before(rows)
    assert [row["blocked"] for row in result.json] == [False, False, True]
    assert list(result.json[0]) == [
        "id",
        "number",
        "chassis",
        "make",
        "model",
        "built",
        "fmvss_eligible_on",
        "customer",
        "state",
        "stage",
        "stage_since",
        "blocked",
        "eta",
    ]
    assert result.json[0]["built"] == "1999-03"
    assert result.json[0]["stage_since"] == "2026-11-21T18:00:00+00:00"


def test_an_empty_list_and_a_limit(cli, make_case):
    assert cli("case", "list", "--json").out == "[]\n"
    for _ in range(3):
        make_case()
    assert cli("case", "list", "--search", "nobody", "--json").out == "[]\n"
    assert [row["number"] for row in cli("case", "list", "--limit", "2", "--json").json] == [
        "KD-000001",
        "KD-000002",
    ]


def test_long_lists_are_written_in_chunks_with_the_same_bytes():
    items = [
        {"id": i, "name": f"n{i}\u00e9\n", "ok": i % 2 == 0, "none": None, "nest": {"a": [1]}}
        for i in range(4_321)
    ]
    for count in (0, 1, 2_000, 4_321):
        out = io.StringIO()
        with redirect_stdout(out):
            emit_json_list(items[:count])
        assert out.getvalue() == _as_before(items[:count])
    out = io.StringIO()
    with redirect_stdout(out):
        emit_json_list([{}])
    assert out.getvalue() == _as_before([{}])
