"""The state registration guide speaks in the customer's voice: the rule's plain summary, the
dates it is in force, and for a state with no settled rule whom to ask and what. Research
notes and staff warnings stay off the page (they go with the build's warnings)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from keidesk.domain import kei_class
from keidesk.domain.reference import QUESTIONS_FOR_THE_AGENCY
from keidesk.packets import PacketKind, build_packet
from keidesk.packets.build import PacketResult
from keidesk.services import cases
from keidesk.storage.database import Database
from tests.packets.pdfread import read_packet

TODAY = date(2026, 11, 21)


def build_for(
    db: Database,
    case_id: int,
    state: str,
    kind: PacketKind,
    out: Path,
    *,
    planned: date | None = None,
) -> tuple[PacketResult, list[str]]:
    with db.transaction("tester") as session:
        cases.update_case(
            session,
            case_id,
            {"destination_state": state, "planned_registration": planned},
            user="tester",
            today=TODAY,
        )
    result = build_packet(db, case_id, kind, out, user="tester", today=TODAY)
    return result, [re.sub(r"\s+", " ", page) for page in read_packet(out).pages]


def guide_page(pages: list[str]) -> str:
    return next(p for p in pages if "State registration guide State " in p)


def test_an_unknown_state_says_whom_to_ask_and_what(
    db: Database, bare_rich_case: int, tmp_path: Path
):
    result, pages = build_for(db, bare_rich_case, "AK", PacketKind.HANDOVER, tmp_path / "ak.pdf")
    guide = guide_page(pages)
    assert "No rule for registering a kei truck in Alaska is on file." in guide
    assert "Questions for the agency" in guide
    assert "Alaska Division of Motor Vehicles Web: dmv.alaska.gov" in guide
    for number, question in enumerate(QUESTIONS_FOR_THE_AGENCY, start=1):
        assert f"{number}. {question}" in guide  # a numbered list, not one run-on paragraph
    assert "Questions to ask the agency: (1)" not in guide
    # the papers as a list, the state's reminder to confirm it beneath
    assert "What to bring" in guide and "What to bring: CBP" not in guide
    assert "Bill of sale Confirm the list with the state agency." in guide
    assert "No statute or agency document is on file for this rule." in guide
    # the cover points to the agency too
    assert "Ask the Alaska Division of Motor Vehicles (dmv.alaska.gov)" in pages[0]
    # staff warnings go with the build, not onto the page
    staff = "No registration rule on file for Alaska"
    assert any(staff in w for w in result.warnings)
    assert not any(staff in page for page in pages)


def test_colorado_before_and_from_2027_07_01(db: Database, bare_rich_case: int, tmp_path: Path):
    _result, pages = build_for(db, bare_rich_case, "CO", PacketKind.DMV, tmp_path / "now.pdf")
    guide = guide_page(pages)
    assert "Registration path Unknown (no data)" in guide
    assert "until 2027-06-30" in guide
    assert "Rule shown for 2026-11-21, the date of this packet" in guide
    assert (
        "Next change on file From 2027-07-01 the rule on file becomes: Restricted kei / "
        "mini-truck registration." in guide
    )
    assert guide.count("2027-07-01 the rule") == 1 and "Changes on 2027-07-01" not in guide

    _result, pages = build_for(
        db, bare_rich_case, "CO", PacketKind.DMV, tmp_path / "later.pdf", planned=date(2027, 8, 1)
    )
    guide = guide_page(pages)
    assert "Registration path Restricted kei / mini-truck registration" in guide
    assert "In force from 2027-07-01" in guide
    assert "Rule shown for 2027-08-01, the planned registration date" in guide
    assert "This rule applies from" not in guide  # the table says it once
    assert "Road limits: roads posted 55 mph or less; no interstate highways." in guide
    assert "Questions for the agency" not in guide
    checklist = pages[1]
    assert (
        "This list rests on Colorado HB25-1281 (signed 2025-05-09); last verified 2025-05-09."
        in checklist
    )


def test_the_guide_prints_no_research_notes(db: Database, bare_rich_case: int, tmp_path: Path):
    _result, pages = build_for(db, bare_rich_case, "TX", PacketKind.HANDOVER, tmp_path / "tx.pdf")
    guide = guide_page(pages)
    assert "Texas titles and registers mini vehicles such as kei trucks" in guide
    for research in ("Road limits no speed", "Source", "Rule as of", "Notes on this rule"):
        assert research not in guide, research
    text = " ".join(pages)
    assert "keidesk's reference" not in text
    # the kei class and the translation sheet cite the regulation or official document
    assert f"Source: {kei_class.SOURCE}" in text and kei_class.RESEARCH_NOTE not in text
    assert "Source: Light Motor Vehicle Inspection Organization (軽自動車検査協会)" in text
    assert "(道路運送車両法); verified 2026-11-21." in text
