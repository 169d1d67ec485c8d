"""``keidesk cost add|list|remove``: costs in, totals out, and every bad input refused with one
``error:`` line, exit 2 and nothing written."""

from __future__ import annotations

import pytest


@pytest.fixture
def case_id(cli) -> str:
    created = cli("case", "add", "--chassis", "DA52T-123456", "--built", "1995-03", "--json")
    assert created.code == 0, created.err
    return str(created.json["id"])


def _refused(result, *words: str) -> None:
    assert result.code == 2, result.err
    assert result.err.startswith("error: ") and result.err.count("\n") == 1, result.err
    for word in words:
        assert word in result.err, result.err


def test_add_list_remove(cli, case_id):
    yen = cli(
        "cost",
        "add",
        case_id,
        "--kind",
        "auction_price",
        "--amount",
        "¥350,000",
        "--rate",
        "151.37",
        "--date",
        "2026-10-02",
        "--note",
        "USS Nagoya",
        "--json",
    )
    assert yen.code == 0, yen.err
    assert yen.json[0]["usd_cents"] == 231_222
    usd = cli("cost", "add", case_id, "--kind", "ocean freight", "--amount", "1,450")
    assert usd.code == 0, usd.err
    assert cli("case", "set", case_id, "sale_price=$6,500").code == 0
    listed = cli("cost", "list", case_id, "--json")
    assert listed.code == 0
    data = listed.json
    assert [c["kind"] for c in data["costs"]] == ["auction_price", "ocean_freight"]
    assert data["costs"][0]["rate"] == "151.37"
    assert data["costs"][0]["amount_minor"] == 350_000
    assert data["costs"][0]["currency"] == "JPY"
    assert data["totals"] == {
        "landed_usd_cents": 376_222,
        "sale_price_usd_cents": 650_000,
        "margin_usd_cents": 273_778,
        "margin_percent": "42.1",
    }
    text = cli("cost", "list", case_id)
    assert "Landed cost: $3,762.22" in text.out
    assert "Margin: $2,737.78 (42.1%)" in text.out
    removed = cli("cost", "remove", str(data["costs"][1]["id"]), "--case", case_id)
    assert removed.code == 0, removed.err
    assert len(cli("cost", "list", case_id, "--json").json["costs"]) == 1


def test_taking_over_the_duty_estimate(cli, case_id):
    assert cli("case", "set", case_id, "customs_value=4010").code == 0
    added = cli("cost", "add", case_id, "--from-duty-estimate", "--json")
    assert added.code == 0, added.err
    assert [c["kind"] for c in added.json] == ["duty", "mpf", "hmf"]
    _refused(cli("cost", "add", case_id, "--from-duty-estimate"), "counted twice")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--kind", "repairs", "--amount", "lots"), ("not an amount",)),
        (("--kind", "repairs", "--amount", "10", "--currency", "EUR"), ("not a currency",)),
        (("--kind", "lunch", "--amount", "10"), ("not a kind of cost",)),
        (("--kind", "repairs", "--amount", "¥1000", "--rate", "-150"), ("negative",)),
        (("--kind", "repairs", "--amount", "1000", "--currency", "JPY"), ("exchange rate",)),
        (("--kind", "repairs", "--amount", "10", "--date", "2026-13-01"), ("not a date",)),
        (("--kind", "repairs"), ("--amount",)),
        (("--from-duty-estimate",), ("customs value",)),
        (("--from-duty-estimate", "--amount", "5"), ("--from-duty-estimate",)),
    ],
)
def test_bad_input_writes_nothing(cli, case_id, args, words):
    _refused(cli("cost", "add", case_id, *args), *words)
    assert cli("cost", "list", case_id, "--json").json["costs"] == []


def test_unknown_case_and_cost(cli, case_id):
    _refused(cli("cost", "add", "999", "--kind", "other", "--amount", "1"), "no case 999")
    _refused(cli("cost", "list", "999"), "no case 999")
    _refused(cli("cost", "remove", "42"), "no cost 42")
