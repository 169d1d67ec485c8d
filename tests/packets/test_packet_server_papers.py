"""Packets on a server database: a paper one seat attached is enclosed in a packet another
seat builds, and the packet that seat recorded is read back by the first."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from keidesk.domain.documents import DocumentKind
from keidesk.packets import PacketKind, build_packet
from keidesk.services.demo import build_demo
from keidesk.services.documents import add_document, attachment_store
from keidesk.services.profile import ImporterProfile, save_profile, store_logo
from keidesk.storage.database import open_database
from keidesk.storage.models import Case
from tests.packets.pdfread import read_packet
from tests.packets.samples import TODAY, logo_png, scan_pdf


def test_seats_share_papers_and_packets(postgres_url, tmp_path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KEIDESK_DATA_DIR", str(tmp_path / "seat-a"))
    seat_a = open_database(postgres_url)
    monkeypatch.setenv("KEIDESK_DATA_DIR", str(tmp_path / "seat-b"))
    seat_b = open_database(postgres_url)
    try:
        with seat_a.transaction("ayumi") as session:
            build_demo(session, cases=1, today=TODAY)
            case_id = int(session.scalar(select(func.min(Case.id))) or 0)
        logo = store_logo(attachment_store(seat_a), logo_png(tmp_path / "logo.png"))
        with seat_a.transaction("ayumi") as session:
            save_profile(
                session,
                ImporterProfile(
                    business_name="Blue Ridge Kei Imports LLC",
                    address="1200 Orchard Road\nHendersonville, NC 28792",
                    logo_sha256=logo,
                ),
            )
        scan = scan_pdf(tmp_path / "export_certificate.pdf", "EXPORT CERTIFICATE SCAN 4711")
        kind = DocumentKind.EXPORT_CERTIFICATE
        stored = attachment_store(seat_a).put(scan)
        with seat_a.transaction("ayumi") as session:
            add_document(
                session,
                case_id,
                stored,
                user="ayumi",
                doc_type=kind.value,
                step_key=kind.default_step,
            )
        scan.unlink()

        out = tmp_path / "seat-b-out" / "customs.pdf"
        out.parent.mkdir()
        result = build_packet(seat_b, case_id, PacketKind.CUSTOMS, out, user="ken", today=TODAY)
        assert not any("missing" in w for w in result.warnings), result.warnings
        assert "EXPORT CERTIFICATE SCAN 4711" in read_packet(out).text

        # Seat B read the logo (and the scan) from the database, through its own cache.
        assert (tmp_path / "seat-b" / "cache" / "attachments" / logo[:2] / logo).is_file()
        packet = attachment_store(seat_a).path_for(result.sha256)
        assert packet.read_bytes() == out.read_bytes()
    finally:
        seat_a.close()
        seat_b.close()
