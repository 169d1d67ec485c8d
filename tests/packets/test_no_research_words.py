"""No packet of any kind, for any state in the data, prints research words: confidence codes,
"Confidence", news or dealer site names, "retrieved text", keidesk's own notes or files.

Packets word a state's rule only through ``keidesk.services.reference.customer_summary``
and cite facts by the law or document they rest on (issue 15).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from keidesk.domain.sources import research_marks
from keidesk.packets import PacketKind, build_packet
from keidesk.services import cases
from keidesk.services.reference import list_state_rules, state_rule_versions
from keidesk.storage.database import Database
from tests.packets.pdfread import read_packet


@pytest.mark.slow
def test_no_packet_for_any_state_prints_research_words(
    db: Database, bare_rich_case: int, tmp_path: Path, today
):
    """Every version of every state's rule on file (Colorado before and from 2027-07-01)."""
    with db.reader() as s:
        rules = [
            version
            for rule in list_state_rules(s, today=today)
            for version in state_rule_versions(s, rule.code, today=today)
        ]
    assert len(rules) > 51  # a state with a later version on file is checked in each
    found: dict[str, list[str]] = {}
    for rule in rules:
        # a planned registration date within the version's dates selects it
        planned = rule.effective_from or rule.effective_to
        with db.transaction("tester") as s:
            cases.update_case(
                s,
                bare_rich_case,
                {"destination_state": rule.code, "planned_registration": planned},
                user="tester",
                today=today,
            )
        with db.reader() as s:
            shown = cases.case_detail(s, bare_rich_case, today=today).state_rule
        assert shown is not None and shown.effective_from == rule.effective_from
        for kind in PacketKind:
            out = tmp_path / f"{rule.code}-{planned}-{kind.value}.pdf"
            build_packet(db, bare_rich_case, kind, out, user="tester", today=today)
            text = re.sub(r"\s+", " ", read_packet(out).text)
            marks = research_marks(text, allowed=(rule.agency_web or "",))
            if marks:
                found[f"{rule.code} from {rule.effective_from} {kind.value}"] = marks
    assert found == {}
