"""No packet of any kind, for any state in the data, prints research words: confidence codes,
"Confidence", news or dealer site names, "retrieved text", keidesk's own notes or files.

The packets still print the rule's research fields; the lead wires them to
``keidesk.services.reference.customer_summary`` (issue 15). Until then this test is an
expected failure; once they are wired it passes and the xfail mark is to be removed (strict).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from keidesk.domain.sources import research_marks
from keidesk.packets import PacketKind, build_packet
from keidesk.services import cases
from keidesk.services.reference import list_state_rules
from keidesk.storage.database import Database
from tests.packets.pdfread import read_packet


@pytest.mark.slow
@pytest.mark.xfail(strict=True, reason="packets not yet wired to customer_summary (issue 15)")
def test_no_packet_for_any_state_prints_research_words(
    db: Database, bare_rich_case: int, tmp_path: Path, today
):
    with db.reader() as s:
        rules = list_state_rules(s, today=today)
    found: dict[str, list[str]] = {}
    for rule in rules:
        with db.transaction("tester") as s:
            cases.update_case(
                s, bare_rich_case, {"destination_state": rule.code}, user="tester", today=today
            )
        for kind in PacketKind:
            out = tmp_path / f"{rule.code}-{kind.value}.pdf"
            build_packet(db, bare_rich_case, kind, out, user="tester", today=today)
            text = re.sub(r"\s+", " ", read_packet(out).text)
            marks = research_marks(text, allowed=(rule.agency_web or "",))
            if marks:
                found[f"{rule.code} {kind.value}"] = marks
    assert found == {}
