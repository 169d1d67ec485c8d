"""A dialog to build a case's packet, preview it inside the app, print it and save it.

Building runs on a single worker thread (one packet at a time, the database read in its own
session); the finished pages come back to the GUI thread as images. Pages are drawn with
pypdfium2: PySide6-Essentials has no QtPdf. The packet is recorded on the case when it
leaves the app (saved or printed), not for every preview.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QPainter, QPalette, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from keidesk import clock, crashlog
from keidesk.domain.errors import KeideskError
from keidesk.packets import (
    PacketKind,
    Paper,
    RenderedPacket,
    gather,
    packet_filename,
    record_packet,
    render_packet,
    write_atomically,
)
from keidesk.services.documents import AttachmentStore
from keidesk.storage.database import Database

PREVIEW_DPI = 80


@dataclass(frozen=True, slots=True)
class Preview:
    packet: RenderedPacket
    number: str
    pages: list[QImage]


def render_pages(pdf: bytes, dpi: float) -> list[QImage]:
    """Each page of a PDF as an image (safe off the GUI thread: QImage, not QPixmap)."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            bitmap = document[index].render(scale=dpi / 72)
            pil = bitmap.to_pil().convert("RGB")
            data = pil.tobytes()
            image = QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888)
            images.append(image.copy())  # own the pixels before ``data`` goes away
        return images
    finally:
        document.close()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Task(QRunnable):
    """Runs ``work`` on the pool; its result or its plain error message comes back by signal."""

    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except KeideskError as exc:
            self.signals.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug: logged, and the dialog is told instead of hanging
            log_file = crashlog.record(exc)
            self.signals.failed.emit(
                f"An unexpected problem stopped the packet ({type(exc).__name__}); "
                f"details are in {log_file}."
            )
            return
        self.signals.done.emit(result)


class PacketDialog(QDialog):
    """Choose a packet kind and paper, preview, print or save it."""

    def __init__(
        self, database: Database, case_id: int, user: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.case_id = case_id
        self.user = user
        self.preview: Preview | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._tasks: set[_Task] = set()
        # Replaceable in tests, so no modal dialog has to be driven.
        self.choose_save_path: Callable[[str], Path | None] = self._ask_save_path
        self.choose_printer: Callable[[], QPrinter | None] = self._ask_printer
        self.report_error: Callable[[str], None] = self._show_error

        self.setWindowTitle(self.tr("Build packet"))
        self.kind_box = QComboBox()
        for kind in PacketKind:
            self.kind_box.addItem(self.tr(kind.label), kind)
        self.paper_box = QComboBox()
        self.paper_box.addItem(self.tr("US Letter"), Paper.LETTER)
        self.paper_box.addItem(self.tr("A4"), Paper.A4)
        self.build_button = QPushButton(self.tr("Build preview"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.status = QLabel(self.tr("Choose a packet and build a preview."))
        self.status.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pages_widget = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages_layout.setSpacing(12)
        self.page_area = QScrollArea()
        self.page_area.setWidgetResizable(True)
        self.page_area.setWidget(self.pages_widget)
        self.page_area.setBackgroundRole(QPalette.ColorRole.Dark)

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Packet:")))
        controls.addWidget(self.kind_box)
        controls.addWidget(QLabel(self.tr("Paper:")))
        controls.addWidget(self.paper_box)
        controls.addWidget(self.build_button)
        controls.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.warnings)
        layout.addWidget(self.page_area, 1)
        layout.addLayout(buttons)
        self.resize(760, 860)

        self.build_button.clicked.connect(self.build_preview)
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_packet)
        self.close_button.clicked.connect(self.reject)
        self.kind_box.currentIndexChanged.connect(self._forget_preview)
        self.paper_box.currentIndexChanged.connect(self._forget_preview)
        self._set_busy(False)

    # --- choices ----------------------------------------------------------------------------

    @property
    def kind(self) -> PacketKind:
        return PacketKind(self.kind_box.currentData())

    @property
    def paper(self) -> Paper:
        return Paper(self.paper_box.currentData())

    def _set_busy(self, busy: bool) -> None:
        self.build_button.setEnabled(not busy)
        self.kind_box.setEnabled(not busy)
        self.paper_box.setEnabled(not busy)
        ready = not busy and self.preview is not None
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    def _forget_preview(self) -> None:
        self.preview = None
        self._clear_pages()
        self.warnings.clear()
        self.status.setText(self.tr("Build a preview of the new choice."))
        self._set_busy(False)

    def _clear_pages(self) -> None:
        while (item := self.pages_layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()

    # --- work off the GUI thread -------------------------------------------------------------

    def _run(
        self, work: Callable[[], object], on_done: Callable[[Any], None], busy_text: str
    ) -> None:
        task = _Task(work)
        self._tasks.add(task)

        def finished_ok(result: object) -> None:
            self._tasks.discard(task)
            self._set_busy(False)
            on_done(result)

        def finished_with_error(message: str) -> None:
            self._tasks.discard(task)
            self._set_busy(False)
            self.status.setText(message)
            self.report_error(message)

        task.signals.done.connect(finished_ok)
        task.signals.failed.connect(finished_with_error)
        self.status.setText(busy_text)
        self._set_busy(True)
        self.pool.start(task)

    def build_preview(self) -> None:
        database, case_id, kind, paper = self.database, self.case_id, self.kind, self.paper
        today = clock.today()

        def work() -> Preview:
            store = AttachmentStore(database.folder)
            with database.reader() as session:
                data = gather(session, store, case_id, kind, today=today)
            packet = render_packet(data, paper)
            return Preview(packet, data.case.number, render_pages(packet.pdf, PREVIEW_DPI))

        self._run(work, self._show_preview, self.tr("Building the packet…"))

    def _show_preview(self, preview: Preview) -> None:
        self.preview = preview
        self._clear_pages()
        for image in preview.pages:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setFrameShape(QLabel.Shape.Box)
            self.pages_layout.addWidget(label)
        count = preview.packet.pages
        self.status.setText(self.tr("%n page(s), ready to print or save.", "", count))
        shown = preview.packet.warnings
        self.warnings.setText("\n".join(f"⚠ {w}" for w in shown))
        self.warnings.setVisible(bool(shown))
        self._set_busy(False)

    # --- leaving the app: save and print -----------------------------------------------------

    def _ask_save_path(self, suggested: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save packet"), suggested, self.tr("PDF files (*.pdf)")
        )
        return Path(name) if name else None

    def save_as(self) -> None:
        preview = self.preview
        if preview is None:
            return
        path = self.choose_save_path(packet_filename(preview.number, self.kind))
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        database, case_id, kind, paper, user = (
            self.database,
            self.case_id,
            self.kind,
            self.paper,
            self.user,
        )

        def work() -> Path:
            write_atomically(preview.packet.pdf, path)
            record_packet(database, case_id, kind, paper, path, user=user)
            return path

        self._run(
            work,
            lambda saved: self.status.setText(self.tr("Saved to %1.").replace("%1", str(saved))),
            self.tr("Saving…"),
        )

    def _ask_printer(self) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def print_packet(self) -> None:
        preview = self.preview
        if preview is None:
            return
        printer = self.choose_printer()
        if printer is None:
            return
        dpi = min(printer.resolution(), 300)
        painter = QPainter()
        if not painter.begin(printer):
            self.report_error(self.tr("The printer could not be started."))
            return
        try:
            for index, image in enumerate(render_pages(preview.packet.pdf, dpi)):
                if index:
                    printer.newPage()
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(target)
        finally:
            painter.end()
        self._record_printed(preview)

    def _record_printed(self, preview: Preview) -> None:
        database, case_id, kind, paper, user = (
            self.database,
            self.case_id,
            self.kind,
            self.paper,
            self.user,
        )

        def work() -> None:
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / packet_filename(preview.number, kind)
                path.write_bytes(preview.packet.pdf)
                record_packet(database, case_id, kind, paper, path, user=user)

        self._run(
            work,
            lambda _none: self.status.setText(self.tr("Sent to the printer and recorded.")),
            self.tr("Printing…"),
        )

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Packet"), message)

    def done(self, result: int) -> None:
        """Wait for a running build or save before closing, so none is cut off."""
        self.pool.waitForDone()
        super().done(result)
