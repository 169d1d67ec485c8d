"""The packet dialog, driven with qtbot on a real database: QtPdf preview, save and print."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPageLayout
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

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


LAPTOP = QRect(0, 0, 1280, 720 - 30)  # a 1280×720 screen less a panel: the free area


def test_the_dialog_fits_a_1280x720_laptop(qtbot, dialog: PacketDialog):
    dialog.fit_to(LAPTOP)
    dialog.show()
    qtbot.waitExposed(dialog)
    build(dialog, PacketKind.HANDOVER)  # with its gaps listed above the preview
    assert dialog.width() <= LAPTOP.width() and dialog.height() <= LAPTOP.height() - 40
    assert LAPTOP.contains(dialog.geometry())
    hint = dialog.minimumSizeHint()
    assert hint.width() <= LAPTOP.width() and hint.height() <= LAPTOP.height() - 40
    for button in (dialog.build_button, dialog.print_button, dialog.save_button):
        assert button.isVisible() and button.isEnabled()
    for button in (
        dialog.build_button,
        dialog.print_button,
        dialog.save_button,
        dialog.close_button,
    ):
        inside = QRect(button.mapTo(dialog, QPoint(0, 0)), button.size())
        assert dialog.rect().contains(inside), button.text()
    assert dialog.pdf_view.height() > 200  # the preview keeps most of the room


def test_keyboard_shortcuts_build_save_print_and_close(
    qtbot, dialog: PacketDialog, dialogs, db, rich_case, tmp_path: Path
):
    assert "Ctrl+B" in dialog.build_button.text() and "Ctrl+Return" in dialog.build_button.toolTip()
    assert "Ctrl+P" in dialog.print_button.toolTip()
    assert "Ctrl+Shift+S" in dialog.save_button.toolTip()
    assert "Esc" in dialog.close_button.toolTip()
    dialog.fit_to(LAPTOP)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(dialog, Qt.Key.Key_S, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert dialogs.saves == [] and packet_documents(db, rich_case) == []  # nothing built yet
    qtbot.keyClick(dialog, Qt.Key.Key_B, ctrl)
    assert dialog.preview is not None
    dialog._forget_preview()
    qtbot.keyClick(dialog, Qt.Key.Key_Return, ctrl)
    assert dialog.preview is not None

    dialogs.saves = [tmp_path / "by-keys.pdf"]
    qtbot.keyClick(dialog, Qt.Key.Key_S, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert (tmp_path / "by-keys.pdf").exists()
    printed = tmp_path / "printed.pdf"

    def pdf_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    dialog.choose_printer = pdf_printer
    qtbot.keyClick(dialog, Qt.Key.Key_P, ctrl)
    assert printed.exists()
    assert packet_documents(db, rich_case) == ["handover", "handover"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_gaps_show_above_the_preview(dialog: PacketDialog, context, sparse_case, qtbot):
    widget = PacketDialog(context, sparse_case)
    qtbot.addWidget(widget)
    build(widget, PacketKind.HANDOVER)
    assert widget.preview is not None
    packet = widget.preview.packet
    assert packet.warnings and packet.draft
    assert not widget.warnings_box.isHidden()
    text = widget.warnings.text()
    assert f"DRAFT: {len(packet.gaps)} gaps." in text
    for line in [gap.text for gap in packet.gaps] + list(packet.warnings):
        assert escape(line) in text
    assert "Check before this packet leaves" in text
    widget.paper_box.setCurrentIndex(1)  # a new choice forgets them
    assert widget.warnings_box.isHidden()
