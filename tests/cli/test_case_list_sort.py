"""``keidesk case list --sort COLUMN [--desc]``: the app list's columns, in the app's order."""

from __future__ import annotations

import pytest

from keidesk.services import cases
from keidesk.services.demo import build_demo


@pytest.fixture
def demo(db, today) -> None:
    with db.transaction("demo") as session:
        build_demo(session, cases=120, today=today)


@pytest.mark.parametrize("column", list(cases.SORT_COLUMNS))
def test_every_column_both_ways_in_the_app_order(cli, db, today, demo, column):
    for flags in ((), ("--desc",)):
        result = cli("case", "list", "--sort", column, *flags, "--json")
        assert result.code == 0, result.err
        with db.reader() as session:
            expected = cases.list_cases(
                session, today=today, order_by=column, descending=bool(flags)
            )
        assert [row["id"] for row in result.json] == [r.id for r in expected]
    limited = cli("case", "list", "--sort", column, "--desc", "--limit", "7", "--json")
    assert [row["id"] for row in limited.json] == [row["id"] for row in result.json][:7]


def test_the_default_is_by_number_and_a_wrong_column_is_refused(cli, demo):
    ids = [row["id"] for row in cli("case", "list", "--json").json]
    assert ids == sorted(ids)
    refused = cli("case", "list", "--sort", "colour")
    assert refused.code == 2
    assert [line for line in refused.err.splitlines() if line.startswith("error:")] == [
        refused.err.strip()
    ]
    assert "'days_in_stage'" in refused.err
