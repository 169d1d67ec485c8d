"""The packet dialog, driven with qtbot on a real database: preview, save and print."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from keidesk.gui.packet_dialog import PacketDialog
from keidesk.packets import PacketKind, Paper
from keidesk.services import cases
from keidesk.storage.database import Database
from tests.packets.pdfread import read_packet

TODAY = date(2026, 11, 21)
SHOTS = Path("/work/shots/packets")


def packet_documents(db: Database, case_id: int) -> list[str]:
    with db.reader() as session:
        detail = cases.case_detail(session, case_id, today=TODAY)
    return [d.doc_type for d in detail.documents if d.kind == "packet"]


@pytest.fixture
def dialog(qtbot, db: Database, rich_case: int) -> PacketDialog:
    widget = PacketDialog(db, rich_case, "tester")
    qtbot.addWidget(widget)
    errors: list[str] = []
    widget.report_error = errors.append
    widget.errors = errors  # type: ignore[attr-defined]
    return widget


def build(qtbot, dialog: PacketDialog) -> None:
    dialog.build_button.click()
    qtbot.waitUntil(
        lambda: dialog.preview is not None or bool(dialog.errors),  # type: ignore[attr-defined]
        timeout=20000,
    )


@pytest.mark.gui
def test_preview_shows_every_page(qtbot, dialog: PacketDialog, db: Database, rich_case: int):
    dialog.kind_box.setCurrentIndex(list(PacketKind).index(PacketKind.HANDOVER))
    build(qtbot, dialog)
    assert dialog.preview is not None
    assert dialog.pages_layout.count() == dialog.preview.packet.pages == 14
    assert "14 page(s)" in dialog.status.text()
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    assert packet_documents(db, rich_case) == []  # a preview is not recorded
    dialog.show()
    qtbot.waitExposed(dialog)
    if SHOTS.parent.is_dir():
        SHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SHOTS / "packet-dialog-preview.png"))


@pytest.mark.gui
def test_save_as_writes_and_records(
    qtbot, dialog: PacketDialog, db: Database, rich_case: int, tmp_path: Path
):
    dialog.kind_box.setCurrentIndex(list(PacketKind).index(PacketKind.DMV))
    dialog.paper_box.setCurrentIndex(list(Paper).index(Paper.A4))
    build(qtbot, dialog)
    target = tmp_path / "chosen"
    dialog.choose_save_path = lambda suggested: target
    dialog.save_button.click()
    saved = tmp_path / "chosen.pdf"
    qtbot.waitUntil(lambda: saved.exists() and "Saved" in dialog.status.text(), timeout=10000)
    assert "Title application checklist: Colorado" in read_packet(saved).text
    assert packet_documents(db, rich_case) == ["dmv"]


@pytest.mark.gui
def test_customs_refusal_is_shown_not_raised(qtbot, db: Database, sparse_case: int):
    widget = PacketDialog(db, sparse_case, "tester")
    qtbot.addWidget(widget)
    errors: list[str] = []
    widget.report_error = errors.append
    widget.kind_box.setCurrentIndex(list(PacketKind).index(PacketKind.CUSTOMS))
    widget.build_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    assert errors[0].startswith("The customs packet for KD-000001 needs these fields first")
    assert widget.status.text() == errors[0]
    assert not widget.save_button.isEnabled()


@pytest.mark.gui
def test_print_goes_to_the_printer_and_is_recorded(
    qtbot, dialog: PacketDialog, db: Database, rich_case: int, tmp_path: Path
):
    dialog.kind_box.setCurrentIndex(list(PacketKind).index(PacketKind.CUSTOMS))
    build(qtbot, dialog)
    printed = tmp_path / "printed.pdf"

    def pdf_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    dialog.choose_printer = pdf_printer
    dialog.print_button.click()
    qtbot.waitUntil(lambda: "recorded" in dialog.status.text(), timeout=10000)
    assert len(read_packet(printed).pages) == dialog.preview.packet.pages  # type: ignore[union-attr]
    assert packet_documents(db, rich_case) == ["customs"]
