"""Complete packets and drafts, read back from the PDF: enclosures in checklist order with the
page each starts on, the DRAFT mark exactly when there is a gap, the cover's gap list, the
no-road-registration cover, the sale, labels and addresses."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from keidesk import clock
from keidesk.domain.documents import DocumentKind
from keidesk.packets import GapStatus, PacketKind, build_packet
from keidesk.packets.catalog import CHECKLISTS, Source
from keidesk.packets.gaps import Gaps
from keidesk.services import cases
from keidesk.storage.database import Database
from keidesk.storage.models import Document
from tests.packets import samples
from tests.packets.pdfread import read_packet

TODAY = date(2026, 11, 21)
ENCLOSED = re.compile(r"Enclosed, page (\d+): (\S+)")


def build(db: Database, case_id: int, kind: PacketKind, out: Path):
    return build_packet(db, case_id, kind, out, user="tester", today=TODAY)


def update(db: Database, case_id: int, **changes: object) -> None:
    with db.transaction("tester") as session:
        cases.update_case(session, case_id, changes, user="tester", today=TODAY)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def enclosed_on_checklist(pages: list[str]) -> list[tuple[int, str]]:
    checklist = next(p for p in pages if "Enclosed, page" in p)
    return [(int(page), name) for page, name in ENCLOSED.findall(checklist)]


# --- complete packets: enclosures in checklist order ---------------------------------------

EXPECTED_ORDER = {
    PacketKind.HANDOVER: [
        "export_certificate.pdf",
        "entry_7501.pdf",
        "hs7.pdf",
        "epa_3520_1.pdf",
        "truck.png",
    ],
    PacketKind.CUSTOMS: [
        "export_certificate.pdf",
        "invoice.pdf",
        "bill_of_lading.pdf",
        "hs7.pdf",
        "epa_3520_1.pdf",
    ],
    PacketKind.DMV: ["entry_7501.pdf", "hs7.pdf", "epa_3520_1.pdf", "export_certificate.pdf"],
}


@pytest.mark.parametrize("kind", list(PacketKind))
def test_a_complete_packet_encloses_by_kind_in_checklist_order_with_pages(
    db: Database, rich_case: int, tmp_path: Path, kind: PacketKind
):
    out = tmp_path / f"{kind}.pdf"
    result = build(db, rich_case, kind, out)
    pages = read_packet(out).pages
    listed = enclosed_on_checklist(pages)
    assert [name for _page, name in listed] == EXPECTED_ORDER[kind]
    starts = [page for page, _name in listed]
    assert starts == sorted(starts)
    for page, name in listed:
        # The page the checklist gives is the one the enclosure starts on.
        assert f"Attached file '{name}', page 1 of" in pages[page - 1], (name, page)
    # Enclosures are the last pages: the last one ends the packet.
    assert pages[-1].count("Attached file") == 1
    assert result.gaps == () and not result.draft
    assert not any("DRAFT" in page for page in pages)


def test_generated_sections_are_listed_with_their_page(
    db: Database, rich_case: int, tmp_path: Path
):
    out = tmp_path / "handover.pdf"
    build(db, rich_case, PacketKind.HANDOVER, out)
    pages = read_packet(out).pages
    checklist = flat(pages[7])
    assert checklist.startswith("Checklist of enclosed documents")
    # guide, bill of sale, odometer statement, translation: in checklist order
    refs = [int(n) for n in re.findall(r"In this packet, page (\d+)", checklist)]
    assert refs == [4, 5, 6, 7]
    assert pages[3].startswith("State registration guide")
    assert pages[4].startswith("Bill of sale")
    assert pages[5].startswith("Odometer disclosure statement")
    assert pages[6].startswith("Translation of the Japanese export certificate")


def test_several_papers_of_a_kind_are_all_enclosed_in_attach_order_and_trash_is_left_out(
    db: Database, bare_rich_case: int, tmp_path: Path, scans: Path
):
    for name in ("front.png", "side.png", "rear.png"):
        samples.attach(db, bare_rich_case, samples.photo_png(scans / name), DocumentKind.PHOTO)
    trashed = samples.attach(
        db, bare_rich_case, samples.scan_pdf(scans / "old_hs7.pdf", "HS-7"), DocumentKind.HS7
    )
    with db.transaction("tester") as session:
        row = session.get(Document, trashed)
        assert row is not None
        row.removed_at, row.removed_by = clock.now(), "tester"
    out = tmp_path / "handover.pdf"
    result = build(db, bare_rich_case, PacketKind.HANDOVER, out)
    pages = read_packet(out).pages
    assert [name for _p, name in enclosed_on_checklist(pages)] == [
        "front.png",
        "side.png",
        "rear.png",
    ]
    assert "old_hs7.pdf" not in "".join(pages)
    assert "NHTSA HS-7 declaration" in result.missing_documents


def test_every_needed_paper_kind_is_a_document_kind():
    for entries in CHECKLISTS.values():
        for entry in entries:
            if entry.source is Source.ATTACHMENT:
                assert isinstance(entry.kind, DocumentKind)


# --- drafts ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [PacketKind.HANDOVER, PacketKind.DMV])
def test_a_packet_with_gaps_is_a_draft_on_every_page_and_its_cover_lists_them(
    db: Database, sparse_case: int, tmp_path: Path, kind: PacketKind
):
    out = tmp_path / f"{kind}.pdf"
    result = build(db, sparse_case, kind, out)
    pages = read_packet(out).pages
    assert result.draft
    gaps = result.gaps
    assert all("DRAFT" in page for page in pages)
    assert all(f"DRAFT — not complete: {len(gaps)} gaps" in page for page in pages)
    cover = flat(pages[0])
    assert f"DRAFT: {len(gaps)} gaps." in cover
    for gap in gaps:
        assert flat(gap.what) in cover, gap.what
    # The build result's older lists are views of the same gaps.
    assert list(result.missing) == [g.what for g in gaps if g.status is GapStatus.NOT_RECORDED]
    assert list(result.missing_documents) == [g.what for g in gaps if g.status is GapStatus.MISSING]
    assert "Japanese export certificate (輸出予定届出証明書)" in result.missing_documents
    assert {"Sale price", "Date of sale", "Payment terms", "Customer"} <= set(result.missing)


def test_one_missing_paper_makes_an_otherwise_complete_packet_a_draft(
    db: Database, bare_rich_case: int, tmp_path: Path, scans: Path
):
    for kind, name in (
        (DocumentKind.EXPORT_CERTIFICATE, "cert.pdf"),
        (DocumentKind.INVOICE, "invoice.pdf"),
    ):
        samples.attach(db, bare_rich_case, samples.scan_pdf(scans / name, name), kind)
    out = tmp_path / "customs.pdf"
    result = build(db, bare_rich_case, PacketKind.CUSTOMS, out)
    assert [g.text for g in result.gaps] == ["Bill of lading: missing"]
    pages = read_packet(out).pages
    assert all("DRAFT — not complete: 1 gap," in page for page in pages)
    assert "Missing: not attached to the case" in pages[7]

    samples.attach(
        db, bare_rich_case, samples.scan_pdf(scans / "bl.pdf", "BL"), DocumentKind.BILL_OF_LADING
    )
    result = build(db, bare_rich_case, PacketKind.CUSTOMS, out)
    assert result.gaps == ()
    assert not any("DRAFT" in page for page in read_packet(out).pages)


def test_a_field_not_recorded_makes_a_draft(db: Database, rich_case: int, tmp_path: Path):
    update(db, rich_case, payment_terms=None)
    out = tmp_path / "dmv.pdf"
    result = build(db, rich_case, PacketKind.DMV, out)
    assert [g.text for g in result.gaps] == ["Payment terms: not recorded"]
    assert all("DRAFT" in page for page in read_packet(out).pages)


def test_the_gap_list_is_frozen_once_read():
    gaps = Gaps()
    gaps.note("Color")
    gaps.document("Bill of lading", GapStatus.MISSING)
    assert [g.text for g in gaps.freeze()] == ["Bill of lading: missing", "Color: not recorded"]
    with pytest.raises(AssertionError):
        gaps.note("Odometer")


# --- states with no road registration -------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "dmv_title", "handover_title", "sentence"),
    [
        (
            "CA",
            "Ownership papers (no road registration)",
            "Customer handover packet (no road registration)",
            "California does not register this truck for road use:",
        ),
        (
            "PA",
            "Off-road use papers",
            "Customer handover packet (off-road use only)",
            "Pennsylvania allows this truck off-road, farm or antique use only: it cannot be "
            "registered for ordinary driving on public roads.",
        ),
    ],
)
def test_a_state_without_road_registration_says_so_on_the_cover(
    db: Database,
    rich_case: int,
    tmp_path: Path,
    state: str,
    dmv_title: str,
    handover_title: str,
    sentence: str,
):
    update(db, rich_case, destination_state=state)
    for kind, title in ((PacketKind.DMV, dmv_title), (PacketKind.HANDOVER, handover_title)):
        out = tmp_path / f"{kind}.pdf"
        build(db, rich_case, kind, out)
        packet = read_packet(out)
        cover = flat(packet.pages[0])
        assert title in cover
        assert sentence in cover
        assert flat(packet.text).count(sentence) == 1  # once, on the cover
        assert packet.reader.metadata is not None
        assert packet.reader.metadata.title == f"{title} — KD-000001"
        assert "registration packet" not in cover or kind is PacketKind.HANDOVER


def test_a_state_with_road_registration_has_no_such_sentence(
    db: Database, rich_case: int, tmp_path: Path
):
    out = tmp_path / "dmv.pdf"
    build(db, rich_case, PacketKind.DMV, out)
    cover = flat(read_packet(out).pages[0])
    assert "DMV title and registration packet" in cover
    assert "does not register" not in cover and "off-road" not in cover


# --- the sale, labels and addresses ---------------------------------------------------------


def bill_of_sale_page(pages: list[str]) -> str:
    return next(flat(p) for p in pages if p.startswith("Bill of sale"))


def test_the_bill_of_sale_prints_the_sale(db: Database, rich_case: int, tmp_path: Path):
    out = tmp_path / "dmv.pdf"
    build(db, rich_case, PacketKind.DMV, out)
    page = bill_of_sale_page(read_packet(out).pages)
    assert "Sale price $6,500.00" in page
    assert "Date of sale 2026-12-15" in page
    assert "Payment terms Paid in full by bank transfer" in page


def test_a_sale_not_recorded_is_a_gap_on_the_bill_of_sale(
    db: Database, rich_case: int, tmp_path: Path
):
    update(db, rich_case, sale_price=None, sale_date=None)
    out = tmp_path / "handover.pdf"
    result = build(db, rich_case, PacketKind.HANDOVER, out)
    page = bill_of_sale_page(read_packet(out).pages)
    assert "Sale price NOT RECORDED" in page and "Date of sale NOT RECORDED" in page
    assert [g.what for g in result.gaps] == ["Sale price", "Date of sale"]


def test_engine_model_and_displacement_are_labelled_apart(
    db: Database, rich_case: int, tmp_path: Path
):
    out = tmp_path / "handover.pdf"
    build(db, rich_case, PacketKind.HANDOVER, out)
    pages = read_packet(out).pages
    summary = flat(pages[1])
    assert "Engine model (原動機の型式) F6A" in summary
    assert "Displacement 657 cc" in summary
    assert "原動機の型式 Engine model F6A" in flat(pages[6])

    update(db, rich_case, engine=None)
    result = build(db, rich_case, PacketKind.HANDOVER, out)
    pages = read_packet(out).pages
    summary = flat(pages[1])
    assert "Engine model (原動機の型式) NOT RECORDED" in summary
    assert "Displacement 657 cc" in summary
    assert "Engine model NOT RECORDED" in flat(pages[6])
    # Both pages show one gap, listed once.
    assert [g.what for g in result.gaps] == ["Engine model (原動機の型式)"]


def test_multi_line_addresses_keep_their_lines(
    db: Database, rich_case: int, tmp_path: Path, make_case: Callable[..., int]
):
    out = tmp_path / "handover.pdf"
    build(db, rich_case, PacketKind.HANDOVER, out)
    page = next(p for p in read_packet(out).pages if p.startswith("Bill of sale"))
    assert "88 Laurel Branch Road\nBoone, NC 28607" in page  # the buyer
    assert "1200 Orchard Road\nHendersonville, NC 28792" in page  # the seller
    customs = tmp_path / "customs.pdf"
    build(db, rich_case, PacketKind.CUSTOMS, customs)
    shipment = read_packet(customs).pages[1]
    assert "Blue Ridge Kei Imports LLC\n1200 Orchard Road\nHendersonville, NC 28792" in shipment
