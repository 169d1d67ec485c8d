"""Chassis codes as data staff can correct: the table of model codes with their source and
confidence, and a form to add a code or correct one (audited, like a state rule)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from keidesk.domain.errors import KeideskError
from keidesk.domain.reference import ChassisCodeInfo
from keidesk.domain.sources import Confidence
from keidesk.gui.kit import theme
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.i18n import tr, tr_error, tr_message
from keidesk.gui.kit.table_model import RowsTableModel
from keidesk.services.reference import list_chassis_codes, save_chassis_code

AnyIndex = QModelIndex | QPersistentModelIndex
CodeRole = Qt.ItemDataRole.UserRole + 1
_CONFIDENCE_KIND = {
    Confidence.PRIMARY: theme.GOOD,
    Confidence.SECONDARY: theme.SOON,
    Confidence.UNCERTAIN: theme.BAD,
}


class ChassisCodesModel(RowsTableModel[ChassisCodeInfo]):
    HEADERS = ("Code", "Make", "Model", "Drive", "Production", "Engine", "Confidence", "Source")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        info = self.row_at(index)
        if info is None:
            return None
        column = index.column()
        if role == CodeRole:
            return info.code
        if role == Qt.ItemDataRole.ForegroundRole and column == 6:
            return QBrush(theme.colour(_CONFIDENCE_KIND[info.confidence]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return info.notes or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        engine = " ".join(
            p for p in (info.engine, f"{info.engine_cc} cc" if info.engine_cc else "") if p
        )
        return (
            info.code,
            info.make,
            info.model,
            info.drive or "",
            tr_message(info.production_text),
            engine,
            tr(info.confidence.label),
            info.source,
        )[column]


def _year_box(maximum: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    box.setSpecialValueText(tr("(unknown)"))
    return box


class ChassisCodeEditor(QGroupBox):
    """Add a code or correct the selected one; every code needs a source and a confidence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Add or correct a code"), parent)
        self.code = QLineEdit()
        self.code.setObjectName("chassis_code")
        self.code.setPlaceholderText(tr("e.g. DA52T"))
        self.make = QLineEdit()
        self.model = QLineEdit()
        self.body = QComboBox()
        for body in ("truck", "van", "dumper"):
            self.body.addItem(tr(body), body)
        self.drive = QComboBox()
        self.drive.addItem(tr("(not known)"), None)
        self.drive.addItem("2WD", "2WD")
        self.drive.addItem("4WD", "4WD")
        self.first_year, self.last_year = _year_box(2100), _year_box(2100)
        self.first_month, self.last_month = _year_box(12), _year_box(12)
        self.in_production = QCheckBox(tr("Still in production"))
        self.engine = QLineEdit()
        self.engine_cc = QSpinBox()
        self.engine_cc.setRange(0, 2000)
        self.engine_cc.setSpecialValueText(tr("(unknown)"))
        self.engine_cc.setSuffix(" cc")
        self.source = QLineEdit()
        self.confidence = QComboBox()
        for mark in Confidence:
            self.confidence.addItem(f"{mark.value}: {tr(mark.label)}", mark.value)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(60)
        self.notes.setTabChangesFocus(True)
        self.new_button = QPushButton(tr("&New code"))
        self.save_button = QPushButton(tr("Save &code"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(tr("Code"), self.code)
        form.addRow(tr("Make"), self.make)
        form.addRow(tr("Model"), self.model)
        form.addRow(tr("Body"), self.body)
        form.addRow(tr("Drive"), self.drive)
        start, end = QHBoxLayout(), QHBoxLayout()
        start.addWidget(self.first_year)
        start.addWidget(self.first_month)
        end.addWidget(self.last_year)
        end.addWidget(self.last_month)
        form.addRow(tr("From (year, month)"), start)
        form.addRow(tr("To (year, month)"), end)
        form.addRow("", self.in_production)
        form.addRow(tr("Engine"), self.engine)
        form.addRow(tr("Displacement"), self.engine_cc)
        form.addRow(tr("Source"), self.source)
        form.addRow(tr("Confidence"), self.confidence)
        form.addRow(tr("Notes"), self.notes)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)

    def show_code(self, info: ChassisCodeInfo | None) -> None:
        self.code.setText(info.code if info else "")
        self.code.setReadOnly(info is not None)
        self.make.setText(info.make if info else "")
        self.model.setText(info.model if info else "")
        self.body.setCurrentIndex(max(0, self.body.findData(info.body if info else "truck")))
        self.drive.setCurrentIndex(max(0, self.drive.findData(info.drive if info else None)))
        self.first_year.setValue(info.first_year or 0 if info else 0)
        self.first_month.setValue(info.first_month or 0 if info else 0)
        self.last_year.setValue(info.last_year or 0 if info else 0)
        self.last_month.setValue(info.last_month or 0 if info else 0)
        self.in_production.setChecked(bool(info and info.in_production))
        self.engine.setText(info.engine or "" if info else "")
        self.engine_cc.setValue(info.engine_cc or 0 if info else 0)
        self.source.setText(info.source if info else "")
        mark = info.confidence.value if info else Confidence.UNCERTAIN.value
        self.confidence.setCurrentIndex(self.confidence.findData(mark))
        self.notes.setPlainText(info.notes if info else "")
        self.message.clear()

    def values(self) -> dict[str, Any]:
        return {
            "make": self.make.text(),
            "model": self.model.text(),
            "body": self.body.currentData(),
            "drive": self.drive.currentData(),
            "first_year": self.first_year.value() or None,
            "first_month": self.first_month.value() or None,
            "last_year": self.last_year.value() or None,
            "last_month": self.last_month.value() or None,
            "in_production": self.in_production.isChecked(),
            "engine": self.engine.text(),
            "engine_cc": self.engine_cc.value() or None,
            "source": self.source.text(),
            "confidence": self.confidence.currentData(),
            "notes": self.notes.toPlainText(),
        }


class ChassisCodesPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = ChassisCodesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("Filter codes, makes, models, sources…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_current())
        self.editor = ChassisCodeEditor()
        self.editor.setEnabled(not context.read_only)
        self.editor.new_button.clicked.connect(lambda: self.editor.show_code(None))
        self.editor.save_button.clicked.connect(self.save)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.table)
        right = QScrollArea()  # the form is taller than a small screen
        right.setWidgetResizable(True)
        right.setFrameShape(QFrame.Shape.NoFrame)
        right.setWidget(self.editor)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.refresh()

    def refresh(self) -> None:
        """About fifty codes: a small fixed list, read at once."""
        self.model.set_rows(self.context.read(list_chassis_codes))
        self.table.resizeColumnsToContents()

    def select(self, code: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(CodeRole) == code:
                self.table.selectRow(row)
                return

    def _show_current(self) -> None:
        index = self.table.currentIndex()
        code = index.data(CodeRole) if index.isValid() else None
        self.editor.show_code(next((i for i in self.model.rows if i.code == code), None))

    def save(self) -> None:
        code, values = self.editor.code.text(), self.editor.values()
        user, today = self.context.user, self.context.today
        self.editor.setEnabled(False)
        self.context.write(
            lambda s: save_chassis_code(s, code, values, user=user, today=today),
            self._saved,
            cases=lambda _info: (),
            origin=self,
            on_error=self._refused,
            title=tr("Saving the chassis code…"),
        )

    def _saved(self, info: ChassisCodeInfo) -> None:
        self.editor.setEnabled(not self.context.read_only)
        self.refresh()
        self.select(info.code)
        self.editor.message.setText(
            tr("Saved {code} (recorded in the history).").format(code=info.code)
        )

    def _refused(self, exc: BaseException) -> None:
        self.editor.setEnabled(not self.context.read_only)
        message = tr_error(exc) if isinstance(exc, KeideskError) else repr(exc)
        self.editor.message.setText(
            f"<span style='color:{theme.hex_colour(theme.BAD)}'>{message}</span>"
        )
