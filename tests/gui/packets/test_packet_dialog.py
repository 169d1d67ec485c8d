"""The packet dialog, driven with qtbot on a real database: QtPdf preview, save and print."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QPageLayout
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from keidesk.gui.kit.context import AppContext
from keidesk.gui.packets.packet_dialog import PacketDialog
from keidesk.packets import PacketKind, Paper
from keidesk.services import cases
from keidesk.storage.database import Database
from tests.packets.pdfread import read_packet

TODAY = date(2026, 11, 21)
SHOTS = Path("/work/shots/integ")


def packet_documents(db: Database, case_id: int) -> list[str]:
    with db.reader() as session:
        detail = cases.case_detail(session, case_id, today=TODAY)
    return [d.doc_type for d in detail.documents if d.kind == "packet"]


def page_has_ink(dialog: PacketDialog) -> bool:
    """Something dark inside the first page as the view shows it (text, not just paper)."""
    viewport = dialog.pdf_view.viewport()
    image = viewport.grab().toImage()
    inner = image.copy(40, 40, image.width() - 80, image.height() - 80).scaled(80, 80)
    return any(inner.pixelColor(x, y).lightness() < 120 for x in range(80) for y in range(80))


@pytest.fixture
def dialog(qtbot, context: AppContext, rich_case: int) -> PacketDialog:
    widget = PacketDialog(context, rich_case)
    qtbot.addWidget(widget)
    return widget


def build(dialog: PacketDialog, kind: PacketKind, paper: Paper = Paper.LETTER) -> None:
    dialog.kind_box.setCurrentIndex(list(PacketKind).index(kind))
    dialog.paper_box.setCurrentIndex(list(Paper).index(paper))
    dialog.build_button.click()  # the synchronous runner: done when click() returns


def test_preview_shows_every_page_in_qtpdf(qtbot, dialog: PacketDialog, db, rich_case, dialogs):
    build(dialog, PacketKind.HANDOVER)
    assert dialogs.errors == []
    assert dialog.preview is not None
    assert dialog.pdf_document.status() == QPdfDocument.Status.Ready
    assert (
        dialog.pdf_document.pageCount() == dialog.preview.packet.pages == 15
    )  # with the photo enclosed
    assert dialog.pdf_view.document() is dialog.pdf_document
    assert "15 pages" in dialog.status.text()
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    assert packet_documents(db, rich_case) == []  # a preview is not recorded
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: page_has_ink(dialog), timeout=10_000)  # QPdfView draws the page
    if SHOTS.parent.is_dir():
        SHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SHOTS / "packet-dialog-qtpdf-preview.png"))


def test_a_new_choice_forgets_the_preview(dialog: PacketDialog):
    build(dialog, PacketKind.HANDOVER)
    dialog.paper_box.setCurrentIndex(list(Paper).index(Paper.A4))
    assert dialog.preview is None
    assert dialog.pdf_document.pageCount() == 0
    assert not dialog.save_button.isEnabled()


def test_save_as_writes_and_records(dialog: PacketDialog, db, rich_case, dialogs, tmp_path):
    build(dialog, PacketKind.DMV, Paper.A4)
    dialogs.saves = [tmp_path / "chosen"]
    dialog.save_button.click()
    saved = tmp_path / "chosen.pdf"
    assert saved.exists() and "Saved" in dialog.status.text()
    assert "Title application checklist: Colorado" in read_packet(saved).text
    assert packet_documents(db, rich_case) == ["dmv"]


def test_save_to_a_missing_folder_is_refused_plainly(
    dialog: PacketDialog, db, rich_case, dialogs, tmp_path
):
    build(dialog, PacketKind.DMV)
    dialogs.saves = [tmp_path / "nowhere" / "packet.pdf"]
    dialog.save_button.click()
    assert dialogs.errors and "does not exist" in dialogs.errors[0]
    assert not (tmp_path / "nowhere").exists()
    assert packet_documents(db, rich_case) == []


def test_customs_refusal_is_shown_not_raised(qtbot, context, dialogs, sparse_case: int):
    widget = PacketDialog(context, sparse_case)
    qtbot.addWidget(widget)
    build(widget, PacketKind.CUSTOMS)
    assert dialogs.errors[0].startswith("The customs packet for KD-000001 needs these fields first")
    assert widget.status.text() == dialogs.errors[0]
    assert not widget.save_button.isEnabled()


def test_print_renders_every_page_and_is_recorded(
    dialog: PacketDialog, db, rich_case, tmp_path: Path
):
    build(dialog, PacketKind.CUSTOMS, Paper.A4)
    printed = tmp_path / "printed.pdf"

    def pdf_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)  # the PDF's page wins
        return printer

    dialog.choose_printer = pdf_printer
    dialog.print_button.click()
    assert "recorded" in dialog.status.text()
    read = read_packet(printed)
    assert len(read.pages) == dialog.preview.packet.pages  # type: ignore[union-attr]
    box = read.reader.pages[0].mediabox
    width, height = float(box.width), float(box.height)
    assert abs(width - 595) < 3 and abs(height - 842) < 3  # A4 portrait, as built
    assert packet_documents(db, rich_case) == ["customs"]


def test_saving_copies_the_packet_in_while_the_database_is_free(
    qtbot, probed_context, probe, db, rich_case, dialogs, tmp_path
):
    widget = PacketDialog(probed_context, rich_case)
    qtbot.addWidget(widget)
    build(widget, PacketKind.HANDOVER)
    dialogs.saves = [tmp_path / "handover.pdf"]
    widget.save_button.click()
    assert probe.writable == [True]
    assert packet_documents(db, rich_case) == ["handover"]
