"""Recording a built packet: the copy into the store happens before the transaction."""

from __future__ import annotations

from pathlib import Path

from keidesk.packets import PacketKind, Paper, record_packet
from keidesk.services import cases
from keidesk.storage.database import Database
from tests.write_lock import WriteLockProbe


def test_a_packet_is_copied_in_before_it_is_recorded(
    db: Database, db_path: Path, make_case, tmp_path: Path, today
):
    case_id = make_case()
    pdf = tmp_path / "K-0001-handover.pdf"
    pdf.write_bytes(b"%PDF-1.4 handover packet")
    probe = WriteLockProbe(db.folder, db_path)
    document_id, sha256 = record_packet(
        db, probe, case_id, pdf, kind=PacketKind.HANDOVER, paper=Paper.A4, user="tester"
    )
    assert probe.writable == [True]
    assert probe.path_for(sha256).read_bytes() == pdf.read_bytes()
    with db.reader() as session:
        (document,) = cases.case_detail(session, case_id, today=today).documents
    assert (document.id, document.kind, document.doc_type) == (document_id, "packet", "handover")
    assert document.original_name == pdf.name
