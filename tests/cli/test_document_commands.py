"""``keidesk doc …`` and ``step … --reason``: the contract other tools call."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def case_id(cli) -> int:
    result = cli("case", "add", "--chassis", "DA63T-123456", "--built", "2001-05", "--json")
    assert result.code == 0, result.err
    return int(result.json["id"])


@pytest.fixture
def papers(tmp_path: Path) -> dict[str, Path]:
    made = {}
    for name in ("BL_MSCU123.pdf", "輸出予定届出証明書.pdf", "translation.pdf", "IMG_1.jpg"):
        path = tmp_path / name
        path.write_bytes(f"%PDF-1.4 {name}".encode())
        made[name] = path
    return made


def test_add_list_set_remove_restore_export(cli, case_id, papers, tmp_path):
    added = cli("doc", "add", str(case_id), str(papers["BL_MSCU123.pdf"]), "--json")
    assert added.code == 0, added.err
    doc = added.json["id"]
    plain = cli("doc", "add", str(case_id), str(papers["IMG_1.jpg"]), "--kind", "other")
    assert plain.code == 0 and plain.out.strip().isdigit()
    listing = cli("doc", "list", str(case_id), "--json").json
    assert [(d["id"], d["kind"], d["step"], d["title"]) for d in listing] == [
        (doc, "bill_of_lading", "shipping", "BL_MSCU123"),
        (int(plain.out), "other", None, "IMG_1"),
    ]
    assert set(listing[0]) >= {
        "id",
        "kind",
        "step",
        "title",
        "sha256",
        "size",
        "added_at",
        "added_by",
    }
    changed = cli("doc", "set", str(doc), "--title", "B/L", "--step", "customs", "--json")
    assert (changed.json["title"], changed.json["step"]) == ("B/L", "customs")
    assert cli("doc", "remove", str(doc)).code == 0
    assert [d["id"] for d in cli("doc", "list", str(case_id), "--json").json] == [int(plain.out)]
    assert [d["id"] for d in cli("doc", "list", str(case_id), "--removed", "--json").json] == [doc]
    assert cli("doc", "restore", str(doc)).code == 0
    out = tmp_path / "copy.pdf"
    assert cli("doc", "export", str(doc), "--out", str(out)).code == 0
    assert out.read_bytes() == papers["BL_MSCU123.pdf"].read_bytes()


def test_empty_trash_asks_for_confirmation(cli, case_id, papers):
    doc = cli("doc", "add", str(case_id), str(papers["IMG_1.jpg"]), "--json").json["id"]
    cli("doc", "remove", str(doc))
    refused = cli("doc", "empty-trash")
    assert refused.code == 2 and "--yes" in refused.err
    assert cli("doc", "list", str(case_id), "--removed", "--json").json != []
    done = cli("doc", "empty-trash", "--yes", "--json")
    assert done.json == {"deleted": 1, "files_deleted": 1}
    assert cli("doc", "list", str(case_id), "--removed", "--json").json == []


def test_step_done_without_papers_exits_2_naming_them_unless_a_reason(cli, case_id, papers):
    for step in ("intake", "age"):
        assert cli("step", str(case_id), step, "done").code == 0
    cli("doc", "add", str(case_id), str(papers["輸出予定届出証明書.pdf"]))
    refused = cli("step", str(case_id), "lien", "done")
    assert refused.code == 2
    assert refused.err.count("\n") == 1 and refused.err.startswith("error: ")
    assert "Export certificate translation" in refused.err
    assert "Japanese export certificate" not in refused.err  # that one is on file
    shown = cli("case", "show", str(case_id), "--json").json
    assert {s["key"]: s["status"] for s in shown["steps"]}["lien"] == "todo"
    done = cli("step", str(case_id), "lien", "done", "--reason", "sent Monday", "--json")
    assert done.code == 0, done.err
    assert done.json["step"]["done_reason"].startswith("sent Monday (done without: Export")
    cli("doc", "add", str(case_id), str(papers["BL_MSCU123.pdf"]))
    assert cli("step", str(case_id), "shipping", "done").code == 0


def test_the_sale_is_set_like_any_field(cli, case_id):
    result = cli("case", "set", str(case_id), "sale_price=$6,500", "sale_date=2026-12-15")
    assert result.code == 0, result.err
    shown = cli("case", "show", str(case_id), "--json").json
    assert shown["sale_price"]["minor"] == 650000
    assert shown["sale_date"] == "2026-12-15"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add", "{case}", "{tmp}/nothing.pdf"), "There is no file at"),
        (("add", "{case}", "{tmp}"), "is a folder"),
        (("add", "{case}", "{tmp}/BL_MSCU123.pdf", "--kind", "bol"), "no document kind 'bol'"),
        (("add", "{case}", "{tmp}/BL_MSCU123.pdf", "--step", "port"), "no workflow step 'port'"),
        (("add", "999", "{tmp}/BL_MSCU123.pdf"), "no case 999"),
        (("set", "999", "--title", "x"), "no attached document 999"),
        (("set", "{doc}", "--case", "{other}", "--title", "x"), "belongs to case"),
        (("set", "{doc}"), "Say what to change"),
        (("set", "{doc}", "--title", " "), "needs a title"),
        (("remove", "999"), "no attached document 999"),
        (("restore", "{doc}"), "not in the trash"),
        (("export", "999", "--out", "{tmp}/x.pdf"), "no document 999"),
        (("export", "{doc}", "--out", "{tmp}"), "is a folder"),
        (("export", "{doc}", "--out", "{tmp}/no/such/x.pdf"), "There is no folder"),
        (("list", "999"), "no case 999"),
    ],
)
def test_bad_input_is_one_error_line_and_changes_nothing(
    cli, case_id, papers, tmp_path, args, message
):
    other = cli("case", "add", "--chassis", "DA63T-123499", "--json").json["id"]
    doc = cli("doc", "add", str(case_id), str(papers["BL_MSCU123.pdf"]), "--json").json["id"]
    before = cli("doc", "list", str(case_id), "--json").out
    filled = [a.format(case=case_id, tmp=tmp_path, doc=doc, other=other) for a in args]
    result = cli("doc", *filled)
    assert result.code == 2, result.err
    assert result.err.startswith("error: ") and result.err.count("\n") == 1
    assert message in result.err
    assert cli("doc", "list", str(case_id), "--json").out == before
