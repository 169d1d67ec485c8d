"""A case's documents: attach by drag and drop or a file dialog, preview, open with the system.

Files are copied into the managed attachment store beside the database (named by content hash),
so a document survives its original being moved or deleted.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from keidesk import clock
from keidesk.domain.workflow import StepKey
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.i18n import tr
from keidesk.gui.kit.table_model import RowsTableModel
from keidesk.gui.kit.tasks import Progress
from keidesk.services.documents import StoredFile, add_document
from keidesk.services.views import DocumentView

AnyIndex = QModelIndex | QPersistentModelIndex
DocumentIdRole = Qt.ItemDataRole.UserRole + 1


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class DocumentsModel(RowsTableModel[DocumentView]):
    HEADERS = ("Title", "Step", "Type", "Size", "Added")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        document = self.row_at(index)
        if document is None:
            return None
        if role == DocumentIdRole:
            return document.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("{name}, added by {who}").format(
                name=document.original_name, who=document.added_by
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return document.title
        if column == 1:
            return tr(document.step_key.label) if document.step_key else ""
        if column == 2:
            return document.media_type
        if column == 3:
            return _size(document.size_bytes)
        if column == 4:
            return f"{clock.local_time(document.added_at):%Y-%m-%d %H:%M} · {document.added_by}"
        return None


class DocumentPreview(QStackedWidget):
    """Images scaled to fit; PDFs page by page (QtPdf); anything else, a short note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = QLabel(tr("Select a document to preview it."))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumSize(120, 120)
        self._pixmap = QPixmap()
        self.addWidget(self.message)
        self.addWidget(self.image)
        self.pdf_document: Any = None
        self.pdf_view: Any = None
        try:  # QtPdf comes with the PySide6-Pdf wheel; without it PDFs are opened, not previewed.
            from PySide6.QtPdf import QPdfDocument  # noqa: PLC0415 - loaded when first needed
            from PySide6.QtPdfWidgets import QPdfView  # noqa: PLC0415
        except ImportError:  # pragma: no cover - depends on the installation
            return
        self.pdf_document = QPdfDocument(self)
        self.pdf_view = QPdfView(self)
        self.pdf_view.setDocument(self.pdf_document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.addWidget(self.pdf_view)

    @property
    def kind(self) -> str:
        current = self.currentWidget()
        if current is self.image:
            return "image"
        if current is self.pdf_view and self.pdf_view is not None:
            return "pdf"
        return "none"

    def show_file(self, path: Path | None, media_type: str) -> None:
        if path is None or not path.exists():
            self._say(tr("The stored file is missing. Restore a backup of the data folder."))
            return
        if media_type.startswith("image/"):
            pixmap = QPixmap(str(path))
            if not pixmap.isNull():
                self._pixmap = pixmap
                self._fit_image()
                self.setCurrentWidget(self.image)
                return
        if media_type == "application/pdf" and self.pdf_document is not None:
            self.pdf_document.load(str(path))
            if self.pdf_document.pageCount() > 0:
                self.setCurrentWidget(self.pdf_view)
                return
        self._say(tr("No preview for this kind of file. Use Open to view it."))

    def clear(self) -> None:
        self._say(tr("Select a document to preview it."))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.setCurrentWidget(self.message)

    def _fit_image(self) -> None:
        if self._pixmap.isNull():
            return
        size = self.size().shrunkBy(self.contentsMargins())
        self.image.setPixmap(
            self._pixmap.scaled(
                size,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.currentWidget() is self.image:
            self._fit_image()


class DocumentsPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case_id: int | None = None
        self.setAcceptDrops(True)
        self.model = DocumentsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._preview())
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.preview = DocumentPreview()

        self.step = QComboBox()
        self.step.addItem(tr("(no step)"), None)
        for key in StepKey:
            self.step.addItem(tr(key.label), key.value)
        self.attach_button = QPushButton(tr("&Attach files…"))
        self.attach_button.clicked.connect(self._choose_files)
        self.open_button = QPushButton(tr("&Open"))
        self.open_button.clicked.connect(self.open_current)
        self.drop_hint = QLabel(tr("Drop scans and photos here to attach them."))

        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Evidence for:")))
        bar.addWidget(self.step)
        bar.addWidget(self.attach_button)
        bar.addWidget(self.open_button)
        bar.addStretch(1)
        bar.addWidget(self.drop_hint)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.preview)
        self.splitter.setSizes([420, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self.set_editable(not context.read_only)

    def set_editable(self, editable: bool) -> None:
        self.attach_button.setEnabled(editable)
        self.setAcceptDrops(editable)

    def show_documents(self, case_id: int, documents: tuple[DocumentView, ...]) -> None:
        self.case_id = case_id
        current = self.current_document()
        self.model.set_rows(documents)
        if current is not None:
            for row, document in enumerate(documents):
                if document.id == current.id:
                    self.table.selectRow(row)
        if self.current_document() is None:
            self.preview.clear()
        self.open_button.setEnabled(bool(documents))

    def current_document(self) -> DocumentView | None:
        row = self.table.currentIndex().row()
        documents = self.model.rows
        return documents[row] if 0 <= row < len(documents) else None

    def _preview(self) -> None:
        document = self.current_document()
        if document is None:
            self.preview.clear()
            return
        self.preview.show_file(self.context.store.path_for(document.sha256), document.media_type)

    # --- attaching ----------------------------------------------------------------------------

    def _choose_files(self) -> None:
        paths = self.context.dialogs.open_files(
            self,
            tr("Attach documents"),
            tr("Scans and photos (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.heic);;All files (*)"),
        )
        if paths:
            self.attach(paths)

    def attach(self, paths: list[Path]) -> None:
        """Copy the files into the store, then record them in one short transaction, all off
        the GUI thread. A failure or Cancel records none of them (a file already copied stays
        in the store, unreferenced, where the same content would go anyway)."""
        if self.case_id is None or not paths:
            return
        case_id = self.case_id
        step_value = self.step.currentData()
        step_key = StepKey(step_value) if step_value else None
        database, user, store = self.context.database, self.context.user, self.context.store

        def work(progress: Progress) -> int:
            stored: list[StoredFile] = []
            for number, path in enumerate(paths, start=1):
                progress.check()
                progress.report(number - 1, len(paths), path.name)
                stored.append(store.put(path))
            progress.check()
            with database.transaction(user) as session:
                for file in stored:
                    add_document(session, case_id, file, user=user, step_key=step_key)
            return len(stored)

        def finished(*_result: object) -> None:
            self.set_editable(not self.context.read_only)

        def refused(exc: BaseException) -> None:
            finished()
            self.context.reporter.user_error(exc)

        self.set_editable(False)  # busy until the files are recorded, refused or cancelled
        self.context.write_task(
            work,
            finished,
            cases=lambda _count: {case_id},
            origin=self,
            on_error=refused,
            on_cancelled=finished,
            cancellable=True,
            title=tr("Attaching documents…"),
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        files = [p for p in paths if p.is_file()]
        if files:
            event.acceptProposedAction()
            self.attach(files)

    # --- opening ------------------------------------------------------------------------------

    def open_current(self) -> None:
        document = self.current_document()
        if document is None:
            return
        stored = self.context.store.path_for(document.sha256)
        if not stored.exists():
            self.context.dialogs.error(
                self, tr("The stored file is missing. Restore a backup of the data folder.")
            )
            return
        # A copy under its original name, so the system picks the right viewer by extension.
        folder = Path(tempfile.gettempdir()) / "keidesk-open" / document.sha256[:16]
        folder.mkdir(parents=True, exist_ok=True)
        copy = folder / Path(document.original_name).name
        if not copy.exists():
            shutil.copyfile(stored, copy)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))
