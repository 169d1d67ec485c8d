"""A dialog to build a case's packet, preview it inside the app, print it and save it.

Building and saving run off the GUI thread through ``run_task``; the finished PDF comes back
as bytes and is shown with QtPdf (the same viewer as attached scans). Printing draws each
page with ``QPdfDocument.render`` into the printer's page, page by page, at the printer's
resolution. The packet is recorded on the case when it leaves the app (saved or printed), not
for every preview.

The dialog fits the screen it opens on (a 1280×720 laptop included): the preview takes what
room is left, the gaps list scrolls, and Build, Print, Save as and Close have shortcuts.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from keidesk.gui.kit import last_folder, theme
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.i18n import tr, tr_error
from keidesk.gui.kit.screen_fit import FittedDialog
from keidesk.gui.kit.shortcuts import key_text
from keidesk.gui.kit.tasks import Progress, TaskHandle
from keidesk.gui.widgets.paper import paper_box
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
from keidesk.services.documents import attachment_store

#: Printing renders pages at the printer's resolution, but no finer than this (memory).
MAX_PRINT_DPI = 300
POINTS_PER_INCH = 72

#: The size the dialog would like; it is made smaller to fit the screen's free area.
PREFERRED = QSize(760, 860)
#: Room left around the dialog for its frame and title bar on the screen.
FRAME_ROOM = QSize(24, 64)

#: Keys for the dialog's buttons (Build has two: Ctrl+B, and Ctrl+Return as in a form).
BUILD_KEYS = ("Ctrl+B", "Ctrl+Return")
PRINT_KEY = "Ctrl+P"
SAVE_KEY = "Ctrl+Shift+S"
CLOSE_KEY = "Esc"


def fitted_size(available: QRect, preferred: QSize = PREFERRED) -> QSize:
    """The dialog's size on a screen whose free area is ``available``."""
    return preferred.boundedTo(available.size() - FRAME_ROOM)


@dataclass(frozen=True, slots=True)
class Preview:
    packet: RenderedPacket
    number: str


def print_pdf(document: QPdfDocument, printer: QPrinter) -> bool:
    """Print every page of ``document``: each page on its own sheet of its own size and
    orientation, rendered at the printer's resolution and fitted to the printable area.
    Returns False when the printer could not be started."""
    count = document.pageCount()
    if count == 0:
        return False
    dpi = min(printer.resolution(), MAX_PRINT_DPI)

    def lay_out(page: int) -> None:
        points = document.pagePointSize(page)
        landscape = points.width() > points.height()
        portrait_points = QSizeF(
            min(points.width(), points.height()), max(points.width(), points.height())
        )
        printer.setPageSize(QPageSize(portrait_points, QPageSize.Unit.Point, ""))
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )

    lay_out(0)
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        for page in range(count):
            if page:
                lay_out(page)
                printer.newPage()
            points = document.pagePointSize(page)
            pixels = QSize(
                round(points.width() * dpi / POINTS_PER_INCH),
                round(points.height() * dpi / POINTS_PER_INCH),
            )
            image = document.render(page, pixels)
            target = painter.viewport()
            fitted = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            left = target.x() + (target.width() - fitted.width()) // 2
            top = target.y() + (target.height() - fitted.height()) // 2
            painter.drawImage(QRect(left, top, fitted.width(), fitted.height()), image)
    finally:
        painter.end()
    return True


class PacketDialog(FittedDialog):
    """Choose a packet kind and paper, preview, print or save it."""

    def __init__(self, context: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.database = context.database
        self.case_id = case_id
        self.user = context.user
        self.preview: Preview | None = None
        self._task: TaskHandle[Any] | None = None
        self._buffer: QBuffer | None = None
        # Replaceable in tests, so no modal print dialog has to be driven.
        self.choose_printer: Callable[[], QPrinter | None] = self._ask_printer

        self.setWindowTitle(tr("Document packet"))
        self.kind_box = QComboBox()
        for kind in PacketKind:
            self.kind_box.addItem(tr(kind.label), kind)
        self.paper_box = paper_box()
        self.build_button = QPushButton(tr("&Build preview"))
        self.build_button.setDefault(True)
        self.print_button = QPushButton(tr("&Print…"))
        self.save_button = QPushButton(tr("&Save as…"))
        self.close_button = QPushButton(tr("Close"))
        for button in (self.print_button, self.save_button, self.close_button):
            button.setAutoDefault(False)  # Enter builds; it never prints, saves or closes
        for button, keys, what in (
            (self.build_button, BUILD_KEYS, tr("Build the packet and show it here")),
            (self.print_button, (PRINT_KEY,), tr("Print the packet and record it on the case")),
            (self.save_button, (SAVE_KEY,), tr("Save the packet as a PDF and record it")),
            (self.close_button, (CLOSE_KEY,), tr("Close this window")),
        ):
            shown = ", ".join(key_text(k) for k in keys)
            button.setToolTip(f"{what} ({shown})")
            button.setText(f"{button.text()}  ({key_text(keys[0])})")
            for key in keys:
                if key == CLOSE_KEY:
                    continue  # Esc closes a dialog already
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.activated.connect(lambda b=button: self._press(b))
        self.status = QLabel(tr("Choose a packet and build a preview."))
        self.status.setWordWrap(True)
        # The build's warnings and gaps: first thing under the choices, never pushing the
        # buttons off screen (they scroll when there are many).
        self.warnings = QLabel()
        self.warnings.setObjectName("packet_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings_box = QScrollArea()
        self.warnings_box.setWidget(self.warnings)
        self.warnings_box.setWidgetResizable(True)
        self.warnings_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.warnings_box.setMaximumHeight(130)
        self.warnings_box.hide()
        self.pdf_document = QPdfDocument(self)
        self.pdf_view = QPdfView(self)
        self.pdf_view.setDocument(self.pdf_document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setPageSpacing(12)
        self.pdf_view.setMinimumHeight(120)

        controls = QHBoxLayout()
        controls.addWidget(QLabel(tr("Packet:")))
        controls.addWidget(self.kind_box, 1)
        controls.addWidget(QLabel(tr("Paper:")))
        controls.addWidget(self.paper_box)
        controls.addWidget(self.build_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.warnings_box)
        layout.addWidget(self.pdf_view, 1)
        layout.addLayout(buttons)
        self.resize(PREFERRED)
        self._fitted = False

        self.build_button.clicked.connect(self.build_preview)
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_packet)
        self.close_button.clicked.connect(self.reject)
        self.kind_box.currentIndexChanged.connect(self._forget_preview)
        self.paper_box.currentIndexChanged.connect(self._forget_preview)
        self._set_busy(False)

    # --- size and keys -----------------------------------------------------------------------

    def fit_to(self, available: QRect) -> None:
        """Take the preferred size or, on a smaller screen, what its free area allows, and
        keep the whole dialog on it."""
        self._fitted = True
        size = fitted_size(available)
        self.resize(size)
        left = available.x() + max(0, (available.width() - size.width()) // 2)
        top = available.y() + max(
            0, (available.height() - FRAME_ROOM.height() - size.height()) // 2
        )
        self.move(left, top)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._fitted:
            self._fitted = True
            screen = (self.parentWidget() or self).screen()
            self.fit_to(screen.availableGeometry())
        super().showEvent(event)

    def _press(self, button: QPushButton) -> None:
        if button.isEnabled() and button.isVisible():
            button.click()

    # --- choices ----------------------------------------------------------------------------

    @property
    def kind(self) -> PacketKind:
        return PacketKind(self.kind_box.currentData())

    @property
    def paper(self) -> Paper:
        return Paper(self.paper_box.currentData())

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.finished

    def _set_busy(self, busy: bool) -> None:
        self.build_button.setEnabled(not busy)
        self.kind_box.setEnabled(not busy)
        self.paper_box.setEnabled(not busy)
        ready = not busy and self.preview is not None
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready and not self.context.read_only)

    def _forget_preview(self) -> None:
        self.preview = None
        self.pdf_document.close()
        self.warnings.clear()
        self.warnings_box.hide()
        self.status.setText(tr("Build a preview of the new choice."))
        self._set_busy(False)

    # --- work off the GUI thread -------------------------------------------------------------

    def _run(
        self,
        work: Callable[[], object],
        on_done: Callable[[Any], None],
        busy_text: str,
        *,
        records: bool = False,
    ) -> None:
        """Run ``work`` off the GUI thread; ``records``: it records the packet on the case,
        which is then announced as changed."""

        def finished_ok(result: object) -> None:
            self._set_busy(False)
            on_done(result)

        def finished_with_error(exc: BaseException) -> None:
            self._set_busy(False)
            self.status.setText(tr_error(exc))
            self.context.dialogs.error(self, tr_error(exc), tr("Packet"))

        def task(_progress: Progress) -> object:
            return work()

        self.status.setText(busy_text)
        self._set_busy(True)
        if records:
            case_id = self.case_id
            self._task = self.context.write_task(
                task,
                finished_ok,
                cases=lambda _result: {case_id},
                origin=self,
                on_error=finished_with_error,
                title=busy_text,
            )
        else:
            self._task = self.context.tasks.run_task(
                task, finished_ok, on_error=finished_with_error, title=busy_text
            )

    def build_preview(self) -> None:
        database, case_id, kind, paper = self.database, self.case_id, self.kind, self.paper
        today = self.context.today

        def work() -> Preview:
            store = attachment_store(database)
            with database.reader() as session:
                data = gather(session, store, case_id, kind, today=today)
            return Preview(render_packet(data, paper), data.case.number)

        self._run(work, self._show_preview, tr("Building the packet…"))

    def _show_preview(self, preview: Preview) -> None:
        self.preview = preview
        self.pdf_document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(preview.packet.pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf_document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer  # QPdfDocument reads from it while the preview shows
        count = preview.packet.pages
        self.status.setText(
            (
                tr("{count} page, ready to print or save.")
                if count == 1
                else tr("{count} pages, ready to print or save.")
            ).format(count=count)
        )
        self.show_warnings(preview.packet)
        self._set_busy(False)

    def show_warnings(self, packet: RenderedPacket) -> None:
        """Above the preview, before anyone prints: whether the packet is a DRAFT and what it
        lacks (the list its cover prints), then the build's other warnings."""
        gaps = [gap.text for gap in packet.gaps]
        gap_texts = set(gaps)
        others = [w for w in dict.fromkeys(packet.warnings) if w not in gap_texts]
        if not gaps and not others:
            self.warnings.clear()
            self.warnings_box.hide()
            return
        parts = []
        if gaps:
            red = theme.hex_colour(theme.BAD)
            heading = tr(
                "DRAFT: {count} gaps. Every page is marked DRAFT until they are recorded or "
                "attached and the packet is built again:"
            ).format(count=len(gaps))
            parts.append(f"<b style='color:{red}'>{escape(heading)}</b>")
            parts += [f"<div>• {escape(line)}</div>" for line in gaps]
        if others:
            colour = theme.hex_colour(theme.SOON)
            heading = tr("Check before this packet leaves ({count}):").format(count=len(others))
            parts.append(f"<b style='color:{colour}'>⚠ {escape(heading)}</b>")
            parts += [f"<div>• {escape(line)}</div>" for line in others]
        self.warnings.setText("".join(parts))
        self.warnings_box.show()

    # --- leaving the app: save and print -----------------------------------------------------

    def save_as(self) -> None:
        preview = self.preview
        if preview is None:
            return
        path = self.context.dialogs.save_file(
            self,
            tr("Save packet"),
            packet_filename(preview.number, self.kind),
            tr("PDF files (*.pdf)"),
            purpose=last_folder.PACKET,
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        record = self._recorder(preview)

        def work() -> Path:
            write_atomically(preview.packet.pdf, path)
            record(path)
            return path

        self._run(
            work,
            lambda saved: self.status.setText(tr("Saved to {path}.").format(path=saved)),
            tr("Saving…"),
            records=True,
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
        if not print_pdf(self.pdf_document, printer):
            self.context.dialogs.error(self, tr("The printer could not be started."), tr("Packet"))
            return
        if self.context.read_only:
            self.status.setText(
                tr("Sent to the printer (not recorded: the database is read-only).")
            )
            return
        self._record_printed(preview)

    def _recorder(self, preview: Preview) -> Callable[[Path], None]:
        """Records the packet file at a path with the case; it runs off the GUI thread, so
        it takes the dialog's choices as they are now."""
        database, store, case_id, kind, paper, user = (
            self.database,
            self.context.store,
            self.case_id,
            self.kind,
            self.paper,
            self.user,
        )

        def record(path: Path) -> None:
            record_packet(
                database,
                store,
                case_id,
                path,
                kind=kind,
                title=preview.packet.label,
                paper=paper,
                user=user,
            )

        return record

    def _record_printed(self, preview: Preview) -> None:
        record, kind = self._recorder(preview), self.kind

        def work() -> None:
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / packet_filename(preview.number, kind)
                path.write_bytes(preview.packet.pdf)
                record(path)

        self._run(
            work,
            lambda _none: self.status.setText(tr("Sent to the printer and recorded.")),
            tr("Printing…"),
            records=True,
        )

    def done(self, result: int) -> None:
        """Wait for a running build or save before closing, so none is cut off (the window
        keeps answering meanwhile)."""
        if self._task is not None and self.busy:
            self.context.tasks.wait_for(self._task)
        super().done(result)
