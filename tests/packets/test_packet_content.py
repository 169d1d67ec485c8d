"""What each packet contains, read back from the PDF."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

import pytest
from reportlab.graphics.barcode.qr import QrCodeWidget

from keidesk.domain.dates import japanese_era_text, parse_date
from keidesk.packets import PacketKind, Paper, build_packet
from keidesk.packets.fonts import JAPANESE, markup
from keidesk.packets.layout import QrCode
from keidesk.services import cases
from keidesk.storage.database import Database
from tests.packets.pdfread import read_packet

TODAY = date(2026, 11, 21)
JAPANESE_LABELS = ("輸出予定届出証明書", "車台番号", "型式", "原動機の型式", "初度検査年月", "車名")
HANDOVER_SECTIONS = (
    "Customer handover packet",
    "Vehicle summary",
    "Compliance summary",
    "State registration guide",
    "Bill of sale",
    "Odometer disclosure statement",
    "Translation of the Japanese export certificate",
    "Checklist of enclosed documents",
    "Signatures",
)


def build(db: Database, case_id: int, kind: PacketKind, out: Path, paper: Paper = Paper.LETTER):
    return build_packet(db, case_id, kind, out, user="tester", today=TODAY, paper=paper)


def assert_footers(pages: list[str], number: str) -> None:
    total = len(pages)
    for index, text in enumerate(pages, start=1):
        assert f"Page {index} of {total}" in text
        assert number in text
        assert "Generated 2026-11-21" in text


def test_handover_packet_reads_back_complete(db: Database, rich_case: int, tmp_path: Path):
    out = tmp_path / "handover.pdf"
    result = build(db, rich_case, PacketKind.HANDOVER, out)
    packet = read_packet(out)

    # 9 section pages + enclosures: certificate 1, 7501 2, HS-7 1, 3520-1 1, photo 1
    assert len(packet.pages) == result.pages == 15
    text = re.sub(r"\s+", " ", packet.text)
    for heading in HANDOVER_SECTIONS:
        assert heading in text, heading
    assert "DA52T-245871" in text
    assert "This rests on: Colorado HB25-1281 (signed 2025-05-09)." in text  # its citation
    assert "Last verified: 2025-05-09." in text
    assert "Confirm with the Colorado Division of Motor Vehicles (dmv.colorado.gov)" in text
    assert "does not give legal advice" in text
    for label in JAPANESE_LABELS:
        assert label in text, label
    assert "平成11年4月" in text  # first inspection in the era form
    assert "29,950 miles (48,200 km" in text  # odometer in miles with km
    assert "actual mileage unknown" in text
    assert "49 U.S.C. 30112(b)(9)" in text
    assert "ABC-1234567-8" in text and "2026-11-09" in text and "$842.30" in text
    assert_footers(packet.pages, "KD-000001")
    assert result.warnings == tuple(w for w in result.warnings if "Colorado rule" in w)
    assert result.missing == () and result.missing_documents == ()
    assert result.gaps == () and not result.draft


def test_handover_metadata_bookmarks_and_embedded_font(
    db: Database, rich_case: int, tmp_path: Path
):
    out = tmp_path / "handover.pdf"
    build(db, rich_case, PacketKind.HANDOVER, out)
    packet = read_packet(out)
    meta = packet.reader.metadata
    assert meta is not None
    assert meta.title == "Customer handover packet — KD-000001"
    assert meta.author == "Blue Ridge Kei Imports LLC"
    assert meta.subject == "DA52T-245871 Suzuki Carry truck for Dale Whitaker"
    outline = packet.outline_titles()
    for heading in HANDOVER_SECTIONS[1:]:
        assert any(
            title.startswith(heading.split(" of the")[0]) or heading in title for title in outline
        ), heading
    assert "Translation: export certificate (輸出予定届出証明書)" in outline
    assert [t for t in outline if t.startswith("Enclosure")] == [
        "Enclosure 1: Japanese export certificate (輸出予定届出証明書)",
        "Enclosure 2: CBP Form 7501 entry summary",
        "Enclosure 3: NHTSA HS-7 declaration",
        "Enclosure 4: EPA Form 3520-1 declaration",
        "Enclosure 5: Photos of the truck",
    ]
    # The Japanese font is embedded (a subset), never left to the viewer.
    assert any("IPAexGothic" in name for name in packet.font_names())
    assert not any("HeiseiKakuGo" in name for name in packet.font_names())


def test_enclosures_keep_their_pages_in_checklist_order(
    db: Database, rich_case: int, tmp_path: Path
):
    out = tmp_path / "handover.pdf"
    build(db, rich_case, PacketKind.HANDOVER, out)
    pages = read_packet(out).pages
    assert "輸出予定届出証明書" in pages[9] and "sample scan page 1 of 1" in pages[9]
    assert "CBP Form 7501 (stamped)" in pages[10] and "sample scan page 1 of 2" in pages[10]
    assert "sample scan page 2 of 2" in pages[11]
    assert "HS-7 Declaration" in pages[12]
    assert "EPA 3520-1" in pages[13]


SIZES = {Paper.LETTER: (612, 792), Paper.A4: (595, 842)}


@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize("kind", list(PacketKind))
def test_every_kind_on_both_papers(
    db: Database, rich_case: int, tmp_path: Path, kind: PacketKind, paper: Paper
):
    size = SIZES[paper]
    out = tmp_path / f"{kind}-{paper}.pdf"
    result = build(db, rich_case, kind, out, paper)
    packet = read_packet(out)
    assert len(packet.pages) == result.pages
    for page in packet.reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == size
    assert_footers(packet.pages, "KD-000001")
    assert "DA52T-245871" in packet.text
    for label in ("輸出予定届出証明書", "車台番号"):
        assert label in packet.text


def test_customs_packet_has_what_the_broker_files(db: Database, rich_case: int, tmp_path: Path):
    out = tmp_path / "customs.pdf"
    build(db, rich_case, PacketKind.CUSTOMS, out)
    packet = read_packet(out)
    text = re.sub(r"\s+", " ", packet.text)
    for heading in (
        "Importer and shipment",
        "HS-7 (NHTSA): box 1",
        "EPA 3520-1: code E",
        "CBP entry",
        "Checklist of enclosed documents",
    ):
        assert heading in text
    assert "The vehicle is 25 or more years old or the equipment item was manufactured" in text
    assert "[591.5(i)]" in text
    assert "1999-03 (date of manufacture on the case)" in text
    assert "E — vehicle at least 21 years old" in text
    assert "2026 (import year) − 1999 (year of manufacture) = 27 years" in text
    assert "HTSUS 8704.31.0120" in text and "25% ad valorem" in text
    assert "NYKS123456789" in text and "Hoegh Trotter V.112" in text and "Yokohama" in text
    assert "$3,200.00" in text and "Estimated total" in text
    # The entry summary's blocks by their numbers on the 2024 form (CBP 7501, OMB 1651-0022).
    for block, value in (
        ("Block 1 (Filer Code/Entry Number)", "ABC-1234567-8"),
        ("Block 8 (Importing Carrier)", "Hoegh Trotter V.112"),
        ("Block 11 (Import Date)", "2026-11-02"),
        ("Block 12 (B/L or AWB Number)", "NYKS123456789"),
        ("Block 19 (Foreign Port of Lading)", "Yokohama"),
        ("Block 32A (HTSUS Number)", "8704.31.0120"),
        ("Block 35A (Entered Value)", "$3,200.00"),
    ):
        assert f"{block} {value}" in text, block
    assert "Block 13 (Exporting Country)" not in text and "Block 21 (Manufacturer" not in text
    # cover, 6 section pages, the checklist, then the certificate, invoice and bill of lading
    assert "Enclosed, page 9: export_certificate.pdf" in text
    assert "Enclosed, page 10: invoice.pdf" in text
    assert "Enclosed, page 11: bill_of_lading.pdf" in text
    outline = packet.outline_titles()
    assert "Enclosure 2: Auction or exporter invoice" in outline


def test_dmv_packet_follows_the_states_list(db: Database, rich_case: int, tmp_path: Path):
    out = tmp_path / "dmv.pdf"
    result = build(db, rich_case, PacketKind.DMV, out)
    text = re.sub(r"\s+", " ", read_packet(out).text)
    assert "Title application checklist: Colorado" in text
    # Colorado lists an emissions test keidesk cannot produce: listed, not skipped.
    assert "Two-speed idle emissions test result" in text
    assert "obtain and bring separately" in text
    assert "Enclosed, page 6: entry_7501.pdf" in text
    assert "Bill of sale" in text and "Translation of the Japanese export certificate" in text
    assert "HB25-1281" in text
    assert result.missing_documents == ()


def test_building_records_the_packet_on_the_case(db: Database, rich_case: int, tmp_path: Path):
    out = tmp_path / "handover.pdf"
    result = build(db, rich_case, PacketKind.HANDOVER, out)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert result.sha256 == digest
    with db.reader() as session:
        detail = cases.case_detail(session, rich_case, today=TODAY)
        history = cases.case_history(session, rich_case)
    packets = [d for d in detail.documents if d.kind == "packet"]
    assert [(d.doc_type, d.sha256, d.id) for d in packets] == [
        ("handover", digest, result.document_id)
    ]
    assert any(
        h.entity == "documents" and h.action == "create" and h.by == "tester" for h in history
    )


def test_japanese_era_text():
    assert japanese_era_text(parse_date("H11.3")) == "平成11年3月"
    assert japanese_era_text(parse_date("2019-05")) == "令和元年5月"
    assert japanese_era_text(parse_date("1989")) == "昭和64年/平成元年"
    assert japanese_era_text(parse_date("1999-03-15")) == "平成11年3月15日"


def test_the_cover_qr_code_is_the_one_reportlab_encodes():
    payload = "KD-000001 DA52T-245871"
    widget = QrCodeWidget(payload, barLevel="M")
    widget.draw()
    assert QrCode(payload, 100).modules == widget.qr.modules


def test_markup_escapes_and_switches_fonts():
    assert markup("Bill <of> & sale") == "Bill &lt;of&gt; &amp; sale"
    assert markup("車台番号 A") == f'<font name="{JAPANESE}">車台番号</font> A'
    assert markup("a ≤ b") == "a &lt;= b"
