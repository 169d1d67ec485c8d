"""A case's history: every change, who made it and when, old → new, in words."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from keidesk import clock
from keidesk.domain.errors import NotFound
from keidesk.gui.kit.changes import CaseIds, concerns
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.i18n import tr, tr_message
from keidesk.gui.kit.table_model import RowsTableModel
from keidesk.services.cases import case_history
from keidesk.services.views import HistoryView

AnyIndex = QModelIndex | QPersistentModelIndex


class HistoryModel(RowsTableModel[HistoryView]):
    HEADERS = ("When", "Who", "What", "Old", "New")

    def set_entries(self, entries: list[HistoryView]) -> None:
        self.set_rows(list(reversed(entries)))  # newest first

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.row_at(index)
        if entry is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            return f"{clock.local_time(entry.at):%Y-%m-%d %H:%M:%S}"
        if column == 1:
            return entry.by
        if column == 2:  # in words (services.history_text), translated
            return tr_message(entry.what)
        if column == 3:
            return tr_message(entry.old_text)
        if column == 4:
            return tr_message(entry.new_text)
        return None


class HistoryPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self.case_id: int | None = None  # loaded when first shown
        context.changes.cases_changed.connect(self._cases_changed)

    def _cases_changed(self, case_ids: CaseIds, _origin: object) -> None:
        """Once shown, the history follows every change of its case."""
        if self.case_id is not None and concerns(case_ids, self.case_id):
            self.load(self.case_id)

    def detach(self) -> None:
        """Stop following changes (the workspace is closing)."""
        self.context.changes.cases_changed.disconnect(self._cases_changed)

    def load(self, case_id: int) -> None:
        """Read the history off the GUI thread (it grows with every change); shown when read.
        Reads run one at a time in order, so the last one asked for is shown last."""
        self.case_id = case_id
        self.context.read_task(
            lambda s: case_history(s, case_id),
            self._loaded,
            on_error=self._not_loaded,
            title=tr("Reading the history…"),
        )

    def _loaded(self, entries: list[HistoryView]) -> None:
        if not shiboken6.isValid(self):  # the workspace closed meanwhile
            return
        self.model.set_entries(entries)
        self.table.resizeColumnsToContents()
        for column in (3, 4):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))

    def _not_loaded(self, exc: BaseException) -> None:
        if isinstance(exc, NotFound):  # the case is gone; its workspace closes
            if shiboken6.isValid(self):
                self.model.set_entries([])
        else:
            self.context.reporter.user_error(exc)
