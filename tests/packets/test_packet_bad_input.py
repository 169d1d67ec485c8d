"""Packets for cases with gaps, refused packets, bad output paths and damaged attachments."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from keidesk.domain.documents import DocumentKind
from keidesk.domain.errors import InvalidInput
from keidesk.packets import PacketKind, PacketRefused, build_packet
from keidesk.services import cases
from keidesk.services.documents import AttachmentStore, sha256_of
from keidesk.storage.database import Database
from tests.packets import samples
from tests.packets.pdfread import read_packet

TODAY = date(2026, 11, 21)


def build(db: Database, case_id: int, kind: PacketKind, out: Path):
    return build_packet(db, case_id, kind, out, user="tester", today=TODAY)


def packet_documents(db: Database, case_id: int) -> list[str]:
    with db.reader() as session:
        detail = cases.case_detail(session, case_id, today=TODAY)
    return [d.doc_type for d in detail.documents if d.kind == "packet"]


def test_a_case_with_little_data_shows_its_gaps_and_warns(
    db: Database, sparse_case: int, tmp_path: Path
):
    out = tmp_path / "handover.pdf"
    result = build(db, sparse_case, PacketKind.HANDOVER, out)
    text = read_packet(out).text
    assert text.count("NOT RECORDED") >= 10
    assert "HA4-1012345" in text
    assert "Missing: not attached to the case" in text
    assert "No destination state is recorded on this case" in text
    for field in (
        "Customer",
        "Destination state",
        "Odometer",
        "Importer business name",
        "First registered (初度検査年月)",
    ):
        assert field in result.missing
    summary = result.warnings[0]
    assert summary.startswith("Not recorded on the case (shown as gaps in the packet): ")
    assert "Odometer" in summary
    assert "Japanese export certificate (輸出予定届出証明書)" in result.missing_documents
    assert any(w.startswith("Missing document: CBP Form 7501") for w in result.warnings)
    assert packet_documents(db, sparse_case) == ["handover"]


def test_missing_documents_are_listed_never_skipped(
    db: Database, bare_rich_case: int, tmp_path: Path
):
    out = tmp_path / "customs.pdf"
    result = build(db, bare_rich_case, PacketKind.CUSTOMS, out)
    assert set(result.missing_documents) == {
        DocumentKind.EXPORT_CERTIFICATE.label,
        DocumentKind.INVOICE.label,
        DocumentKind.BILL_OF_LADING.label,
    }
    text = read_packet(out).text
    assert text.count("Missing: not attached to the case") == 3


def test_customs_packet_refused_naming_the_missing_fields(
    db: Database, sparse_case: int, tmp_path: Path
):
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "customs.pdf"
    out.write_bytes(b"an older file the user keeps")
    with pytest.raises(PacketRefused) as refused:
        build(db, sparse_case, PacketKind.CUSTOMS, out)
    assert refused.value.missing == (
        "built",
        "bill_of_lading",
        "vessel",
        "port_of_loading",
        "port_of_entry",
        "eta",
        "customs_value",
        "importer profile",
    )
    message = str(refused.value)
    assert message.startswith("The customs packet for KD-000001 needs these fields first:")
    assert "bill_of_lading (bill of lading)" in message
    assert out.read_bytes() == b"an older file the user keeps"
    assert packet_documents(db, sparse_case) == []
    assert [p.name for p in out.parent.iterdir()] == ["customs.pdf"]


def test_customs_packet_refused_for_a_truck_too_young_on_arrival(
    db: Database, bare_rich_case: int, tmp_path: Path
):
    with db.transaction("tester") as session:
        cases.update_case(
            session,
            bare_rich_case,
            {"built": samples.parse_date("2002-06"), "first_registered": None},
            user="tester",
            today=TODAY,
        )
    with pytest.raises(PacketRefused, match="HS-7 box 1 cannot be declared"):
        build(db, bare_rich_case, PacketKind.CUSTOMS, tmp_path / "c.pdf")


def test_unwritable_output_paths_are_refused_plainly(
    db: Database, sparse_case: int, tmp_path: Path
):
    with pytest.raises(InvalidInput, match=r"the folder .*nowhere does not exist"):
        build(db, sparse_case, PacketKind.DMV, tmp_path / "nowhere" / "p.pdf")
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    with pytest.raises(InvalidInput, match=r"notes.txt is a file, not a folder"):
        build(db, sparse_case, PacketKind.DMV, a_file / "p.pdf")
    assert packet_documents(db, sparse_case) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores file modes")
def test_a_read_only_folder_is_refused(db: Database, sparse_case: int, tmp_path: Path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(InvalidInput, match="may not write to the folder"):
            build(db, sparse_case, PacketKind.DMV, locked / "p.pdf")
    finally:
        locked.chmod(0o700)


def test_a_failed_write_leaves_no_partial_file(db: Database, sparse_case: int, tmp_path: Path):
    """The packet is written beside the target and renamed: when the rename fails (the target
    is a folder), the temporary file is removed and nothing is recorded."""
    folder = tmp_path / "out"
    target = folder / "packet.pdf"
    target.mkdir(parents=True)
    with pytest.raises(InvalidInput, match=r"packet\.pdf is a folder"):
        build(db, sparse_case, PacketKind.HANDOVER, target)
    assert [p.name for p in folder.iterdir()] == ["packet.pdf"]
    assert list(target.iterdir()) == []
    assert packet_documents(db, sparse_case) == []


def test_a_corrupt_attached_pdf_is_named_and_left_out(
    db: Database, bare_rich_case: int, tmp_path: Path, scans: Path
):
    samples.attach(
        db,
        bare_rich_case,
        samples.corrupt_pdf(scans / "broken_cert.pdf"),
        DocumentKind.EXPORT_CERTIFICATE,
    )
    samples.attach(
        db, bare_rich_case, samples.scan_pdf(scans / "inv.pdf", "Invoice"), DocumentKind.INVOICE
    )
    out = tmp_path / "customs.pdf"
    result = build(db, bare_rich_case, PacketKind.CUSTOMS, out)
    problem = [w for w in result.warnings if "broken_cert.pdf" in w]
    assert len(problem) == 1
    assert problem[0].startswith(
        "The attached PDF 'broken_cert.pdf' (Japanese export certificate (輸出予定届出証明書)) "
        "could not be read and was left out"
    )
    packet = read_packet(out)
    assert "Unreadable: broken_cert.pdf (damaged file), left out" in packet.text
    assert "Enclosed, page 9: inv.pdf" in packet.text
    assert [t for t in packet.outline_titles() if t.startswith("Enclosure")] == [
        "Enclosure 1: Auction or exporter invoice"
    ]


def test_a_corrupt_photo_and_a_missing_stored_file_are_named(
    db: Database, bare_rich_case: int, tmp_path: Path, scans: Path
):
    bad_photo = scans / "truck.png"
    bad_photo.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    samples.attach(db, bare_rich_case, bad_photo, DocumentKind.PHOTO)
    hs7 = samples.scan_pdf(scans / "hs7.pdf", "HS-7")
    samples.attach(db, bare_rich_case, hs7, DocumentKind.HS7)
    AttachmentStore(db.folder).path_for(sha256_of(hs7)).unlink()
    result = build(db, bare_rich_case, PacketKind.HANDOVER, tmp_path / "h.pdf")
    assert any("'truck.png'" in w and "could not be read" in w for w in result.warnings)
    assert any(
        "'hs7.pdf'" in w and "missing from the attachment folder" in w for w in result.warnings
    )
