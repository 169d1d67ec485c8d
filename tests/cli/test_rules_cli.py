"""The command line of dated rules and rules packs (adds to the contract)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from keidesk.services.reference import update_state_rule


def test_state_on_a_date(cli):
    before = cli("state", "CO", "--on", "2027-06-30", "--json").json
    after = cli("state", "CO", "--on", "2027-07-01", "--json").json
    assert before["path"] == "unknown" and after["path"] == "restricted"
    assert before["effective_from"] is None and before["effective_to"] == "2027-06-30"
    assert after["effective_from"] == "2027-07-01" and after["effective_to"] is None
    assert before["next_change"]["effective_from"] == "2027-07-01"
    assert before["next_change"]["text"].startswith("Changes on 2027-07-01 to Restricted")
    assert after["next_change"] is None
    assert isinstance(after["summary"], list) and after["summary"]
    states = cli("states", "--on", "2027-07-01", "--json").json
    assert next(s for s in states if s["code"] == "CO")["path"] == "restricted"
    bad = cli("state", "CO", "--on", "July 2027")
    assert bad.code == 2 and bad.err.count("error:") == 1


def test_rules_export_import_round_trip(cli, tmp_path: Path):
    pack = tmp_path / "rules.json"
    done = cli("rules", "export", str(pack), "--issuer", "Blue Ridge Kei", "--json")
    assert done.code == 0, done.err
    data = json.loads(pack.read_text(encoding="utf-8"))
    assert data["issuer"] == "Blue Ridge Kei" and data["sha256"] == done.json["sha256"]
    result = cli("rules", "import", str(pack), "--json")
    assert result.code == 0, result.err
    assert result.json["changes"] == [] and result.json["affected_cases"] == []


def _write(path: Path, data: dict[str, Any]) -> Path:
    content = json.dumps(data["states"], sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    data["sha256"] = hashlib.sha256(content.encode()).hexdigest()
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_rules_import_dry_run_then_refuses_a_newer_local_rule(cli, db, today, tmp_path: Path):
    pack = tmp_path / "rules.json"
    cli("rules", "export", str(pack))
    data = json.loads(pack.read_text(encoding="utf-8"))
    texas = next(s for s in data["states"] if s["code"] == "TX")
    texas["versions"][0]["path"] = "none"
    changed = _write(tmp_path / "changed.json", data)
    case = cli("case", "add", "--chassis", "DA52T-300001", "--state", "TX", "--json").json
    dry = cli("rules", "import", str(changed), "--dry-run", "--json")
    assert dry.code == 0, dry.err
    assert {"code": "TX", "field": "path", "old": "standard", "new": "none"} in dry.json["changes"]
    assert dry.json["affected_cases"] == [case["id"]]
    assert cli("state", "TX", "--json").json["path"] == "standard"  # dry run changed nothing

    with db.transaction("carol") as session:  # verified here, after the pack's as-of date
        update_state_rule(session, "TX", {"notes": "Checked by phone."}, user="carol", today=today)
    refused = cli("rules", "import", str(changed))
    assert refused.code == 2
    assert refused.err.count("error:") == 1 and "--overwrite-newer" in refused.err
    assert cli("state", "TX", "--json").json["path"] == "standard"
    taken = cli("rules", "import", str(changed), "--overwrite-newer")
    assert taken.code == 0, taken.err
    assert cli("state", "TX", "--json").json["path"] == "none"
    shown = cli("case", "show", str(case["id"]), "--json").json
    assert shown["rule_changed_since_packet"] is False  # no packet printed yet


def test_bad_packs_give_one_error_line(cli, tmp_path: Path):
    pack = tmp_path / "rules.json"
    cli("rules", "export", str(pack))
    good = json.loads(pack.read_text(encoding="utf-8"))
    wrong_hash = dict(good, sha256="0" * 64)
    (tmp_path / "hash.json").write_text(json.dumps(wrong_hash), encoding="utf-8")
    unknown_format = dict(good, format_version=2)
    (tmp_path / "format.json").write_text(json.dumps(unknown_format), encoding="utf-8")
    (tmp_path / "junk.json").write_text("{not json", encoding="utf-8")
    for name in ("hash.json", "format.json", "junk.json", "missing.json"):
        result = cli("rules", "import", str(tmp_path / name))
        assert result.code == 2, (name, result.err)
        assert result.err.count("error:") == 1, (name, result.err)
        assert result.out == ""
