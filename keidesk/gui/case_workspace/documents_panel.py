"""A case's documents: attach by drag and drop or a file dialog saying what each paper is;
rename, change kind, file under another step, trash and restore; preview, open with the system.

Files are copied into the managed attachment store beside the database (named by content hash),
so a document survives its original being moved or deleted.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from keidesk import clock
from keidesk.domain.documents import DocumentKind
from keidesk.domain.workflow import StepKey
from keidesk.gui.case_workspace.attach_dialog import FileChoice, ask_what_files_are
from keidesk.gui.case_workspace.thumbnails import THUMBNAIL, Thumbnails
from keidesk.gui.kit import last_folder
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.i18n import tr
from keidesk.gui.kit.table_model import RowsTableModel
from keidesk.gui.kit.tasks import Progress
from keidesk.services.documents import (
    StoredFile,
    add_document,
    empty_trash,
    list_documents,
    remove_document,
    restore_document,
    update_document,
)
from keidesk.services.views import DocumentView

AnyIndex = QModelIndex | QPersistentModelIndex
DocumentIdRole = Qt.ItemDataRole.UserRole + 1


#: What a file is, as a person calls it (not its MIME type).
FILE_TYPES = {
    "application/pdf": "PDF",
    "image/png": "PNG image",
    "image/jpeg": "JPEG image",
    "image/tiff": "TIFF image",
    "image/heic": "HEIC photo",
    "image/gif": "GIF image",
    "image/webp": "WebP image",
    "text/plain": "Text file",
    "text/csv": "CSV spreadsheet",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel workbook",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
    "application/msword": "Word document",
    "application/zip": "ZIP archive",
}


def file_type(media_type: str) -> str:
    """``image/png`` → "PNG image"; an unknown type by its subtype ("XYZ file")."""
    known = FILE_TYPES.get(media_type)
    if known is not None:
        return tr(known)
    if media_type.startswith("image/"):
        return tr("{name} image").format(name=media_type.split("/", 1)[1].upper())
    if media_type in {"", "application/octet-stream"}:
        return tr("File")
    return tr("{name} file").format(name=media_type.split("/", 1)[-1].upper())


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class DocumentsModel(RowsTableModel[DocumentView]):
    """The papers of a case (or those in its trash): what each is, where it is filed, who
    added it; a photo shows its thumbnail."""

    HEADERS = ("Title", "Kind", "Step", "File", "Added")
    TRASH_HEADERS = ("Title", "Kind", "Step", "File", "Removed")

    def __init__(self, thumbnails: Thumbnails | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumbnails = thumbnails
        self.trash = False

    def show_trash(self, trash: bool) -> None:
        self.trash = trash
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if self.trash and horizontal and section == 4 and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.TRASH_HEADERS[section])
        return super().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        document = self.row_at(index)
        if document is None:
            return None
        column = index.column()
        if role == DocumentIdRole:
            return document.id
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and self.thumbnails is not None:
            return self.thumbnails.get(document.sha256)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("{title}: {kind}\n{name} ({type}, {size}), added by {who} on {when}").format(
                title=document.title,
                type=file_type(document.media_type),
                kind=kind_label(document.doc_type)
                if document.kind == "attachment"
                else tr("Packet made by keidesk"),
                name=document.original_name,
                size=_size(document.size_bytes),
                who=document.added_by,
                when=f"{clock.local_time(document.added_at):%Y-%m-%d %H:%M}",
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return document.title
        if column == 1:
            if document.kind != "attachment":
                return tr("Packet made by keidesk")
            return kind_label(document.doc_type)
        if column == 2:
            return tr(document.step_key.label) if document.step_key else tr("(the case)")
        if column == 3:
            return f"{document.original_name} · {file_type(document.media_type)}"
        if column == 4:
            if self.trash and document.removed_at is not None:
                removed = clock.local_time(document.removed_at)
                return f"{removed:%Y-%m-%d} · {document.removed_by or ''}"
            return f"{clock.local_time(document.added_at):%Y-%m-%d} · {document.added_by}"
        return None


def kind_label(doc_type: str) -> str:
    try:
        return tr(DocumentKind(doc_type).label)
    except ValueError:  # a kind this version does not know: show its key
        return doc_type


def is_image(document: DocumentView) -> bool:
    return document.media_type.startswith("image/")


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
            self._say(tr("This picture cannot be shown: the file may be damaged."))
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
    """Attach papers saying what each is; rename, change kind, file under another step, put
    in the trash and restore. Every change is one write through the context; the workspace
    reads the case again when it is announced and calls :meth:`show_documents`."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case_id: int | None = None
        self.editable = not context.read_only
        self.documents: tuple[DocumentView, ...] = ()
        self.trashed: tuple[DocumentView, ...] = ()
        self._trash_reads = 0
        # How the panel asks what files are (the dialog); replaceable, like a printer choice.
        self.ask_what: Callable[[list[Path]], list[FileChoice] | None] = lambda paths: (
            ask_what_files_are(paths, self)
        )
        self.setAcceptDrops(True)
        self.thumbnails = Thumbnails(context.tasks, self)
        self.model = DocumentsModel(self.thumbnails, self)
        self.thumbnails.ready.connect(self._thumbnails_ready)
        self.table = QTableView()
        self.table.setObjectName("documents_table")
        self.table.setAccessibleName(tr("Documents"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setIconSize(THUMBNAIL)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMaximumSectionSize(190)  # a long kind or title is elided; the tooltip has it
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._selected())
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.preview = DocumentPreview()

        self.attach_button = QPushButton(tr("&Attach files…"))
        self.attach_button.setToolTip(tr("Attach scans and photos; you say what each one is."))
        self.attach_button.clicked.connect(self._choose_files)
        self.open_button = QPushButton(tr("&Open"))
        self.open_button.clicked.connect(self.open_current)
        self.rename_button = QPushButton(tr("Re&name…"))
        self.rename_button.setToolTip(tr("Rename the selected paper (F2)"))
        self.rename_button.clicked.connect(self.rename_current)
        self.kind_menu = QMenu(self)
        for kind in DocumentKind:
            action = self.kind_menu.addAction(tr(kind.label))
            action.setData(kind.value)
            action.setCheckable(True)
            action.triggered.connect(lambda _c=False, k=kind: self.set_kind_current(k))
        self.kind_button = QPushButton(tr("&Kind"))
        self.kind_button.setToolTip(tr("Say what the selected paper is"))
        self.kind_button.setMenu(self.kind_menu)
        self.step_menu = QMenu(self)
        for step in (None, *StepKey):
            label = tr(step.label) if step else tr("(the case as a whole)")
            action = self.step_menu.addAction(label)
            action.setData(step.value if step else "")
            action.setCheckable(True)
            action.triggered.connect(lambda _c=False, s=step: self.move_current(s))
        self.step_button = QPushButton(tr("&Step"))
        self.step_button.setToolTip(tr("File the selected paper under another step"))
        self.step_button.setMenu(self.step_menu)
        self.remove_button = QPushButton(tr("&Remove"))
        self.remove_button.setToolTip(tr("Put the selected paper in the trash (Delete)"))
        self.remove_button.clicked.connect(self.remove_current)
        self.trash_button = QPushButton(tr("&Trash"))
        self.trash_button.setCheckable(True)
        self.trash_button.setToolTip(tr("Show the papers in the trash, to restore them"))
        self.trash_button.toggled.connect(self.show_trash)
        self.restore_button = QPushButton(tr("R&estore"))
        self.restore_button.setToolTip(tr("Take the selected paper out of the trash"))
        self.restore_button.clicked.connect(self.restore_current)
        self.empty_button = QPushButton(tr("Empty trash…"))
        self.empty_button.setToolTip(tr("Delete the papers in the trash for good"))
        self.empty_button.clicked.connect(self.empty_trash)

        self.message = QLabel()
        self.message.setObjectName("documents_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.linkActivated.connect(self._link)
        self._undo_id: int | None = None
        self.drop_hint = QLabel(tr("Drop scans and photos here to attach them."))
        self.drop_hint.setEnabled(False)

        self.table.installEventFilter(self)  # F2 renames, Delete puts in the trash

        bar = QHBoxLayout()
        for button in (
            self.attach_button,
            self.open_button,
            self.rename_button,
            self.kind_button,
            self.step_button,
            self.remove_button,
            self.restore_button,
            self.empty_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.trash_button)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([820, 440])
        under = QHBoxLayout()
        under.addWidget(self.message, 1)
        under.addWidget(self.drop_hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(under)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_F2 and not event.modifiers():
                self.rename_current()
                return True
            if event.matches(QKeySequence.StandardKey.Delete) and not self.in_trash:
                self.remove_current()
                return True
        return super().eventFilter(watched, event)

    # --- what is shown ------------------------------------------------------------------------

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        self.setAcceptDrops(editable)
        self._update_buttons()

    @property
    def in_trash(self) -> bool:
        return self.trash_button.isChecked()

    def show_documents(self, case_id: int, documents: tuple[DocumentView, ...]) -> None:
        """The case's papers as just read (not those in the trash, which are read here)."""
        self.case_id = case_id
        self.documents = documents
        self._read_trash()
        if not self.in_trash:
            self._show_rows(documents)

    def _read_trash(self) -> None:
        if self.case_id is None:
            return
        self._trash_reads += 1
        number, case_id = self._trash_reads, self.case_id

        def arrived(trashed: list[DocumentView]) -> None:
            if number != self._trash_reads or not shiboken6.isValid(self):
                return
            self.trashed = tuple(trashed)
            if self.in_trash and not self.trashed:
                self.trash_button.setChecked(False)  # nothing left there: back to the papers
            elif self.in_trash:
                self._show_rows(self.trashed)
            self._name_trash_button()
            self._update_buttons()

        self.context.read_task(
            lambda s: list_documents(s, case_id, removed=True),
            arrived,
            on_error=lambda _exc: None,  # the case is gone: the workspace says so
            title=tr("Reading the trash…"),
        )

    def _name_trash_button(self) -> None:
        count = len(self.trashed)
        if self.in_trash:
            self.trash_button.setText(tr("← &Back to the papers"))
        else:
            self.trash_button.setText(
                tr("&Trash ({count})").format(count=count) if count else tr("&Trash")
            )

    def show_trash(self, trash: bool) -> None:
        self.model.show_trash(trash)
        self._show_rows(self.trashed if trash else self.documents)
        if trash and self.trashed and self.current_document() is None:
            self.table.selectRow(0)  # Restore is one press away
        self._name_trash_button()
        if trash:
            self._say(
                tr("The trash is empty.")
                if not self.trashed
                else tr(
                    "<b>The trash</b>: these papers are not part of the case any more. Restore "
                    "one to bring it back, or empty the trash to delete them for good."
                )
            )

    def _show_rows(self, documents: tuple[DocumentView, ...]) -> None:
        current = self.current_document()
        self.model.set_rows(documents)
        if current is not None:
            for row, document in enumerate(documents):
                if document.id == current.id:
                    self.table.selectRow(row)
        if self.current_document() is None:
            self.preview.clear()
        store = self.context.store
        self.thumbnails.request((d.sha256 for d in documents if is_image(d)), store.path_for)
        self._fit_rows()
        if documents:  # the last column stretches (sizing it too would stop that)
            for column in range(self.model.columnCount() - 1):
                self.table.resizeColumnToContents(column)
        self._update_buttons()

    def _fit_rows(self) -> None:
        photos = any(self.thumbnails.get(d.sha256) is not None for d in self.model.rows)
        height = THUMBNAIL.height() + 6 if photos else self.fontMetrics().height() + 10
        self.table.verticalHeader().setDefaultSectionSize(height)

    def _thumbnails_ready(self) -> None:
        if self.model.rowCount():
            self._fit_rows()
            self.model.dataChanged.emit(
                self.model.index(0, 0), self.model.index(self.model.rowCount() - 1, 0)
            )
            self.table.resizeColumnToContents(0)

    def _update_buttons(self) -> None:
        trash, editable = self.in_trash, self.editable
        current = self.current_document()
        selected = current is not None
        # A packet keidesk made is a record of what left the app: it is opened, not changed.
        changeable = current is not None and current.kind == "attachment"
        for button in (self.attach_button, self.rename_button, self.kind_button):
            button.setVisible(not trash)
        for button in (self.step_button, self.remove_button):
            button.setVisible(not trash)
        self.restore_button.setVisible(trash)
        self.empty_button.setVisible(trash)
        self.attach_button.setEnabled(editable)
        self.open_button.setEnabled(selected)
        for button in (self.rename_button, self.kind_button, self.step_button):
            button.setEnabled(editable and changeable)
        self.remove_button.setEnabled(editable and changeable)
        self.restore_button.setEnabled(editable and selected)
        self.empty_button.setEnabled(editable and bool(self.trashed))
        self.drop_hint.setVisible(editable and not trash)

    def _changeable(self) -> DocumentView | None:
        """The selected paper when it may be changed: an attachment, not in the trash, on a
        database that may be written."""
        document = self.current_document()
        if document is None or document.kind != "attachment" or self.in_trash:
            return None
        return document if self.editable else None

    def current_document(self) -> DocumentView | None:
        row = self.table.currentIndex().row()
        documents = self.model.rows
        return documents[row] if 0 <= row < len(documents) else None

    def select_document(self, document_id: int) -> None:
        for row, document in enumerate(self.model.rows):
            if document.id == document_id:
                self.table.selectRow(row)
                return

    def _selected(self) -> None:
        self._update_buttons()
        document = self.current_document()
        for action in self.kind_menu.actions():  # the menus tick what the paper is now
            action.setChecked(document is not None and action.data() == document.doc_type)
        for action in self.step_menu.actions():
            step = document.step_key.value if document and document.step_key else ""
            action.setChecked(document is not None and action.data() == step)
        if document is None:
            self.preview.clear()
            return
        store = self.context.store
        if store.at_hand(document.sha256):
            self.preview.show_file(store.path_for(document.sha256), document.media_type)
            return

        def fetched(path: Path) -> None:  # from the server, off the GUI thread
            if self.current_document() == document:
                self.preview.show_file(path, document.media_type)

        self.context.read_task(lambda _session: store.path_for(document.sha256), fetched)

    def _say(self, html: str) -> None:
        self.message.setText(html)

    def _context_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        if index.isValid():
            self.table.selectRow(index.row())
        document = self.current_document()
        if document is None:
            return
        menu = QMenu(self)
        menu.addAction(tr("Open"), self.open_current)
        if self.in_trash:
            menu.addAction(tr("Restore"), self.restore_current).setEnabled(self.editable)
        elif document.kind == "attachment":
            menu.addAction(tr("Rename…\tF2"), self.rename_current).setEnabled(self.editable)
            kinds = menu.addMenu(tr("Kind"))
            steps = menu.addMenu(tr("Move to step"))
            kinds.setEnabled(self.editable)
            steps.setEnabled(self.editable)
            for action in self.kind_menu.actions():
                kinds.addAction(action)
            for action in self.step_menu.actions():
                steps.addAction(action)
            menu.addSeparator()
            menu.addAction(tr("Remove to the trash\tDel"), self.remove_current).setEnabled(
                self.editable
            )
        menu.exec(self.table.viewport().mapToGlobal(point))

    # --- attaching ----------------------------------------------------------------------------

    def _choose_files(self) -> None:
        paths = self.context.dialogs.open_files(
            self,
            tr("Attach documents"),
            tr("Scans and photos (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.heic);;All files (*)"),
            purpose=last_folder.ATTACH,
        )
        if paths:
            self.attach(paths)

    def attach(self, paths: list[Path]) -> None:
        """Ask what each file is, then attach them (or nothing, when the question is
        cancelled)."""
        if self.case_id is None or not paths or not self.editable:
            return
        choices = self.ask_what(paths)
        if choices:
            self.attach_files(choices)

    def attach_files(self, choices: list[FileChoice]) -> None:
        """Copy the files into the store, then record them with their kinds in one short
        transaction, all off the GUI thread. A failure or Cancel records none of them (a file
        already copied stays in the store, unreferenced, where the same content would go)."""
        if self.case_id is None or not choices:
            return
        case_id = self.case_id
        database, user, store = self.context.database, self.context.user, self.context.store

        def work(progress: Progress) -> int:
            stored: list[StoredFile] = []
            for number, choice in enumerate(choices, start=1):
                progress.check()
                progress.report(number - 1, len(choices), choice.path.name)
                stored.append(store.put(choice.path))
            progress.check()
            with database.transaction(user) as session:
                for file, choice in zip(stored, choices, strict=True):
                    add_document(
                        session,
                        case_id,
                        file,
                        user=user,
                        doc_type=choice.kind.value,
                        title=choice.title,
                        step_key=choice.step,
                    )
            return len(stored)

        def finished(count: int) -> None:
            self.set_editable(not self.context.read_only)
            self._say(
                tr("1 paper attached.")
                if count == 1
                else tr("{count} papers attached.").format(count=count)
            )

        def stopped() -> None:
            self.set_editable(not self.context.read_only)

        def refused(exc: BaseException) -> None:
            stopped()
            self.context.reporter.user_error(exc)

        self.set_editable(False)  # busy until the files are recorded, refused or cancelled
        self.context.write_task(
            work,
            finished,
            cases=lambda _count: {case_id},
            origin=self,
            on_error=refused,
            on_cancelled=stopped,
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
            # Asked once the drop is over: a modal dialog inside a drop confuses the source.
            QTimer.singleShot(0, self, lambda: self.attach(files))

    # --- managing -----------------------------------------------------------------------------

    def _change(
        self,
        fn: Callable[[Session, int, int], DocumentView],
        done_text: Callable[[DocumentView], str],
        title: str,
    ) -> None:
        """One change to the selected paper, in one write; its outcome is said under the list."""
        document = self.current_document()
        if document is None or self.case_id is None or not self.editable:
            return
        case_id, document_id = self.case_id, document.id

        def done(view: DocumentView) -> None:
            self._say(done_text(view))

        self.context.write(
            lambda s: fn(s, case_id, document_id),
            done,
            cases=lambda _view: {case_id},
            origin=self,
            on_error=self.context.reporter.user_error,
            title=title,
        )

    def rename_current(self) -> None:
        document = self._changeable()
        if document is None:
            return
        text = self.context.dialogs.ask_text(
            self, tr("Rename document"), tr("Title:"), document.title
        )
        if text is None or text.strip() == document.title:
            return
        user = self.context.user
        self._change(
            lambda s, c, d: update_document(s, d, user=user, case_id=c, title=text),
            lambda view: tr("Renamed to “{title}”.").format(title=escape(view.title)),
            tr("Renaming…"),
        )

    def set_kind_current(self, kind: DocumentKind) -> None:
        """Say what the paper is. A paper still filed under its old kind's own step moves to
        the new kind's step with it; one filed elsewhere on purpose stays."""
        document = self._changeable()
        if document is None or document.doc_type == kind.value:
            return
        user = self.context.user
        try:
            old_step = DocumentKind(document.doc_type).default_step
        except ValueError:
            old_step = None
        follows = document.step_key == old_step and kind.default_step is not None

        def change(s: Session, c: int, d: int) -> DocumentView:
            if follows:
                return update_document(
                    s, d, user=user, case_id=c, kind=kind, step_key=kind.default_step
                )
            return update_document(s, d, user=user, case_id=c, kind=kind)

        def said(view: DocumentView) -> str:
            text = tr("“{title}” is now a {kind}").format(
                title=escape(view.title), kind=escape(tr(kind.label))
            )
            step = tr(view.step_key.label) if view.step_key else tr("the case as a whole")
            return text + tr(", filed under {step}.").format(step=escape(step))

        self._change(change, said, tr("Changing the kind…"))

    def move_current(self, step: StepKey | None) -> None:
        document = self._changeable()
        if document is None or document.step_key == step:
            return
        user = self.context.user
        self._change(
            lambda s, c, d: update_document(s, d, user=user, case_id=c, step_key=step),
            lambda view: tr("“{title}” is now filed under {step}.").format(
                title=escape(view.title),
                step=escape(tr(step.label) if step else tr("the case as a whole")),
            ),
            tr("Moving the document…"),
        )

    def remove_current(self) -> None:
        if self._changeable() is None:
            return
        user = self.context.user

        def said(view: DocumentView) -> str:
            self._undo_id = view.id
            return tr("“{title}” is in the trash. <a href='undo'>Undo</a>").format(
                title=escape(view.title)
            )

        self._change(
            lambda s, c, d: remove_document(s, d, user=user, case_id=c),
            said,
            tr("Removing the document…"),
        )

    def _link(self, link: str) -> None:
        if link == "undo" and self._undo_id is not None:
            self._restore(self._undo_id)

    def restore_current(self) -> None:
        document = self.current_document()
        if document is not None and self.in_trash:
            self._restore(document.id)

    def _restore(self, document_id: int) -> None:
        if self.case_id is None or not self.editable:
            return
        case_id, user = self.case_id, self.context.user

        def done(view: DocumentView) -> None:
            self._undo_id = None
            self._say(
                tr("“{title}” is back with the case's papers.").format(title=escape(view.title))
            )

        self.context.write(
            lambda s: restore_document(s, document_id, user=user, case_id=case_id),
            done,
            cases=lambda _view: {case_id},
            origin=self,
            on_error=self.context.reporter.user_error,
            title=tr("Restoring the document…"),
        )

    def empty_trash(self) -> None:
        """Delete the papers in this case's trash for good, after saying how many; the files
        no other paper uses are deleted once that is committed."""
        count = len(self.trashed)
        if self.case_id is None or not count or not self.editable:
            return
        question = (
            tr("Delete “{title}”, the one paper in the trash, for good? This cannot be undone.")
            if count == 1
            else tr("Delete the {count} papers in the trash for good? This cannot be undone.")
        ).format(count=count, title=self.trashed[0].title)
        if not self.context.dialogs.confirm(
            self,
            question,
            tr("Empty trash"),
            yes=tr("Delete for good"),
            no=tr("Keep it") if count == 1 else tr("Keep them"),
            destructive=True,
        ):
            return
        case_id, database, user, store = (
            self.case_id,
            self.context.database,
            self.context.user,
            self.context.store,
        )

        def work(_progress: Progress) -> int:
            with database.transaction(user) as session:
                deleted, unused = empty_trash(session, case_id=case_id)
            store.discard(unused)  # after the commit: a file is never lost to a rollback
            return deleted

        def done(deleted: int) -> None:
            self._undo_id = None
            self._say(
                tr("1 paper deleted for good.")
                if deleted == 1
                else tr("{count} papers deleted for good.").format(count=deleted)
            )

        self.context.write_task(
            work,
            done,
            cases=lambda _n: {case_id},
            origin=self,
            on_error=self.context.reporter.user_error,
            title=tr("Emptying the trash…"),
        )

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
