"""The reference browser: the 51 state rules (in force on a chosen day) and the chassis codes,
filterable; editing records who and when."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
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
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from keidesk.domain.errors import InvalidInput, KeideskError
from keidesk.domain.reference import PathKind
from keidesk.domain.sources import Confidence
from keidesk.gui.kit import theme
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.date_field import DateField
from keidesk.gui.kit.i18n import tr, tr_error
from keidesk.gui.kit.table_model import RowsTableModel
from keidesk.gui.rules.chassis import ChassisCodesPanel
from keidesk.gui.widgets.state_panel import PATH_KIND, StateRulePanel, never_researched
from keidesk.services.reference import list_state_rules, update_state_rule
from keidesk.services.views import StateRuleView

AnyIndex = QModelIndex | QPersistentModelIndex
CodeRole = Qt.ItemDataRole.UserRole + 1


class StateRulesModel(RowsTableModel[StateRuleView]):
    HEADERS = ("Code", "State", "Registration path", "Max mph", "Interstate", "As of", "Confidence")

    def replace(self, rule: StateRuleView) -> None:
        for row, existing in enumerate(self.rows):
            if existing.code == rule.code:
                self.rows[row] = rule
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        rule = self.row_at(index)
        if rule is None:
            return None
        column = index.column()
        if role == CodeRole:
            return rule.code
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            return QBrush(theme.colour(PATH_KIND[rule.path]))
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and never_researched(rule):
            return QBrush(theme.colour(theme.MUTED))
        if role == Qt.ItemDataRole.ToolTipRole and rule.warnings:
            return "\n".join(rule.warnings)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return rule.code
        if column == 1:
            return rule.name
        if column == 2:
            return tr(rule.path.label)
        if column == 3:
            return str(rule.max_speed_mph) if rule.max_speed_mph is not None else ""
        if column == 4:
            return {None: "", True: tr("yes"), False: tr("no")}[rule.interstate_allowed]
        if column == 5:
            if never_researched(rule):
                return tr("never researched")
            verified = rule.verified_on.isoformat()
            return verified + (" ✓" if rule.locally_verified_on else "")
        if column == 6:
            return tr(rule.confidence.label)
        return None


class RuleEditor(QGroupBox):
    """The editable parts of one rule; Save records who and when and marks it verified."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Edit this rule"), parent)
        self.path = QComboBox()
        for kind in PathKind:
            self.path.addItem(tr(kind.label), kind.value)
        self.under_review = QCheckBox(tr("Under review by the state"))
        self.max_speed = QSpinBox()
        self.max_speed.setRange(0, 85)
        self.max_speed.setSpecialValueText(tr("(none)"))
        self.max_speed.setSuffix(" mph")
        self.interstate = QComboBox()
        self.interstate.addItem(tr("(not stated)"), None)
        self.interstate.addItem(tr("allowed"), True)
        self.interstate.addItem(tr("not allowed"), False)
        self.road_limits = QPlainTextEdit()
        self.road_limits.setMaximumHeight(70)
        self.road_limits.setTabChangesFocus(True)
        self.customer_text = QPlainTextEdit()
        self.customer_text.setObjectName("rule_customer_text")
        self.customer_text.setPlaceholderText(
            tr("Plain words for customers and clerks: path and limits, no sources or marks")
        )
        self.customer_text.setMaximumHeight(70)
        self.customer_text.setTabChangesFocus(True)
        self.documents = QPlainTextEdit()
        self.documents.setPlaceholderText(tr("one document per line"))
        self.documents.setMaximumHeight(90)
        self.documents.setTabChangesFocus(True)
        self.citation = QLineEdit()
        self.source = QLineEdit()
        self.as_of = DateField(day_only=True)
        self.as_of_note = QLineEdit()
        self.confidence = QComboBox()
        for mark in Confidence:
            self.confidence.addItem(tr(mark.label), mark.value)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(70)
        self.notes.setTabChangesFocus(True)
        self.save_button = QPushButton(tr("&Save rule"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("rule_message")
        form = QFormLayout(self)
        form.addRow(tr("Path"), self.path)
        form.addRow("", self.under_review)
        form.addRow(tr("Max speed"), self.max_speed)
        form.addRow(tr("Interstate"), self.interstate)
        form.addRow(tr("Plain summary"), self.customer_text)
        form.addRow(tr("Road limits (research)"), self.road_limits)
        form.addRow(tr("Documents"), self.documents)
        form.addRow(tr("Citation"), self.citation)
        form.addRow(tr("Source"), self.source)
        form.addRow(tr("As of"), self.as_of)
        form.addRow(tr("As-of note"), self.as_of_note)
        form.addRow(tr("Confidence"), self.confidence)
        form.addRow(tr("Notes"), self.notes)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)

    def show_rule(self, rule: StateRuleView) -> None:
        self.path.setCurrentIndex(self.path.findData(rule.path.value))
        self.under_review.setChecked(rule.under_review)
        self.max_speed.setValue(rule.max_speed_mph or 0)
        self.interstate.setCurrentIndex(self.interstate.findData(rule.interstate_allowed))
        self.road_limits.setPlainText(rule.road_limits)
        self.customer_text.setPlainText(rule.customer_text)
        self.documents.setPlainText("\n".join(rule.documents))
        self.citation.setText(rule.citation)
        self.source.setText(rule.source)
        self.as_of.setText(rule.as_of.isoformat())
        self.as_of_note.setText(rule.as_of_note)
        self.confidence.setCurrentIndex(self.confidence.findData(rule.confidence.value))
        self.notes.setPlainText(rule.notes)
        self.message.clear()

    def changes(self, rule: StateRuleView) -> dict[str, Any]:
        """Only what differs from the rule as shown."""
        try:
            as_of = self.as_of.value()
        except KeideskError as exc:
            raise InvalidInput(tr("As of: {reason}").format(reason=tr_error(exc))) from None
        if as_of is None:
            raise InvalidInput(tr("Enter the date the rule was checked (As of)."))
        documents = [d.strip() for d in self.documents.toPlainText().splitlines() if d.strip()]
        values: dict[str, Any] = {
            "path": self.path.currentData(),
            "under_review": self.under_review.isChecked(),
            "max_speed_mph": self.max_speed.value() or None,
            "interstate_allowed": self.interstate.currentData(),
            "road_limits": self.road_limits.toPlainText().strip(),
            "customer_text": self.customer_text.toPlainText().strip(),
            "documents": documents,
            "citation": self.citation.text().strip(),
            "source": self.source.text().strip(),
            "as_of": as_of,
            "as_of_note": self.as_of_note.text().strip(),
            "confidence": self.confidence.currentData(),
            "notes": self.notes.toPlainText().strip(),
        }
        current: dict[str, Any] = {
            "path": rule.path.value,
            "under_review": rule.under_review,
            "max_speed_mph": rule.max_speed_mph,
            "interstate_allowed": rule.interstate_allowed,
            "road_limits": rule.road_limits,
            "customer_text": rule.customer_text,
            "documents": list(rule.documents),
            "citation": rule.citation,
            "source": rule.source,
            "as_of": rule.as_of,
            "as_of_note": rule.as_of_note,
            "confidence": rule.confidence.value,
            "notes": rule.notes,
        }
        return {k: v for k, v in values.items() if v != current[k]}


class RulesBrowser(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = StateRulesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter = QLineEdit()
        self.filter.setObjectName("rules_filter")
        self.filter.setPlaceholderText(tr("Filter states, paths, confidence…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.on_date = DateField(day_only=True)
        self.on_date.setObjectName("rules_on_date")
        self.on_date.setPlaceholderText(tr("in force today (or a date)"))
        self.on_date.setClearButtonEnabled(True)
        self.on_date.fit_placeholder()
        self.on_date.editingFinished.connect(self.refresh)
        self.on_date.date_picked.connect(self.refresh)
        self.on_message = QLabel()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show_current())
        self.panel = StateRulePanel()
        self.editor = RuleEditor()
        self.editor.save_button.clicked.connect(self.save_current)
        self.editor.setEnabled(not context.read_only)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(QLabel(tr("Rules on")))
        top.addWidget(self.on_date)
        left_layout.addLayout(top)
        left_layout.addWidget(self.on_message)
        left_layout.addWidget(self.table)
        right_inner = QWidget()
        right_layout = QVBoxLayout(right_inner)
        right_layout.addWidget(self.panel)
        right_layout.addWidget(self.editor)
        right_layout.addStretch(1)
        right = QScrollArea()
        right.setWidgetResizable(True)
        right.setFrameShape(QFrame.Shape.NoFrame)
        right.setWidget(right_inner)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([820, 560])
        self.chassis = ChassisCodesPanel(context)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.splitter, tr("State rules"))
        self.tabs.addTab(self.chassis, tr("Chassis codes"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.refresh()

    def _entered_day(self) -> date | None:
        try:
            return self.on_date.value() or self.context.today
        except KeideskError:
            return None

    def on(self) -> date:
        """The day whose rules are shown and edited (today unless a date is entered)."""
        return self._entered_day() or self.context.today

    def refresh(self) -> None:
        """The 51 state rules in force on the chosen day: a small fixed list, read at once."""
        on = self.on()
        if self._entered_day() is None:
            self.on_message.setText(
                tr("{reason} Showing today's rules.").format(reason=self.on_date.problem())
            )
        else:
            self.on_message.setText(tr("Rules in force on {date}.").format(date=on.isoformat()))
        today = self.context.today
        self.model.set_rows(self.context.read(lambda s: list_state_rules(s, today=today, on=on)))
        self.table.resizeColumnsToContents()
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def current_rule(self) -> StateRuleView | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        code = index.data(CodeRole)
        return next((r for r in self.model.rows if r.code == code), None)

    def select(self, code: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(CodeRole) == code:
                self.table.selectRow(row)
                return

    def _show_current(self) -> None:
        rule = self.current_rule()
        self.panel.show_rule(rule)
        if rule is not None:
            self.editor.show_rule(rule)

    def save_current(self) -> None:
        """Save the edited rule off the GUI thread; a refusal is shown beside the button and
        the edits stay. A rule is reference data: no case changes, so nothing is announced."""
        rule = self.current_rule()
        if rule is None:
            return
        try:
            changes = self.editor.changes(rule)
        except KeideskError as exc:
            self._refused(exc)
            return
        user, today, on = self.context.user, self.context.today, self.on()
        self.editor.setEnabled(False)  # busy until the rule is saved or refused
        self.context.write(
            lambda s: update_state_rule(s, rule.code, changes, user=user, today=today, on=on),
            self._saved,
            cases=lambda _rule: (),
            origin=self,
            on_error=self._refused,
            title=tr("Saving the rule…"),
        )

    def _saved(self, updated: StateRuleView) -> None:
        self.editor.setEnabled(not self.context.read_only)
        self.model.replace(updated)
        self._show_current()
        self.editor.message.setText(
            tr("Saved; marked verified on {date}.").format(date=self.context.today.isoformat())
        )

    def _refused(self, exc: BaseException) -> None:
        self.editor.setEnabled(not self.context.read_only)
        self.editor.message.setText(
            f"<span style='color:{theme.hex_colour(theme.BAD)}'>{tr_error(exc)}</span>"
        )
