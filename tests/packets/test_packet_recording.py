"""Recording a built packet: the copy into the store happens before the transaction."""

from __future__ import annotations

from pathlib import Path

from keidesk.packets import PacketKind, Paper, build_packet, record_packet
from keidesk.services import cases
from keidesk.storage.database import Database
from tests.packets.pdfread import read_packet
from tests.write_lock import WriteLockProbe


def test_a_packet_is_copied_in_before_it_is_recorded(
    db: Database, db_path: Path, make_case, tmp_path: Path, today
):
    case_id = make_case()
    pdf = tmp_path / "K-0001-handover.pdf"
    pdf.write_bytes(b"%PDF-1.4 handover packet")
    probe = WriteLockProbe(db.folder, db_path)
    document_id, sha256 = record_packet(
        db,
        probe,
        case_id,
        pdf,
        kind=PacketKind.HANDOVER,
        title="Customer handover packet",
        paper=Paper.A4,
        user="tester",
    )
    assert probe.writable == [True]
    assert probe.path_for(sha256).read_bytes() == pdf.read_bytes()
    with db.reader() as session:
        (document,) = cases.case_detail(session, case_id, today=today).documents
    assert (document.id, document.kind, document.doc_type) == (document_id, "packet", "handover")
    assert document.original_name == pdf.name
    assert document.title == "Customer handover packet (a4)"


def test_the_stored_copy_has_the_packets_printed_title(
    db: Database, bare_rich_case: int, tmp_path: Path, today
):
    """A DMV packet for a state that allows off-road use only is "Off-road use papers"."""
    with db.transaction("tester") as session:
        cases.update_case(
            session, bare_rich_case, {"destination_state": "ME"}, user="tester", today=today
        )
    result = build_packet(
        db, bare_rich_case, PacketKind.DMV, tmp_path / "me.pdf", user="tester", today=today
    )
    metadata = read_packet(result.path).reader.metadata
    assert metadata is not None and metadata.title == "Off-road use papers — KD-000001"
    with db.reader() as session:
        documents = cases.case_detail(session, bare_rich_case, today=today).documents
    (document,) = [d for d in documents if d.id == result.document_id]
    assert document.title == "Off-road use papers (letter)"
