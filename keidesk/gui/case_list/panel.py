"""The case list: search as you type, filters, saved views, and the lazy table."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from keidesk.domain.messages import listed, msg, word
from keidesk.domain.workflow import STAGES
from keidesk.gui.case_list.model import CaseIdRole, CaseTableModel
from keidesk.gui.kit import settings as keys
from keidesk.gui.kit.changes import CaseIds
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.i18n import tr
from keidesk.reports.data import CaseListShown
from keidesk.services.cases import CaseFilter, EligibilityFilter, ShipmentFilter
from keidesk.services.dashboard import stage_title
from keidesk.services.reference import list_state_rules
from keidesk.services.views import CaseSummary, StateRuleView

#: How long typing must pause before the list is searched (ms): fast enough to feel live,
#: slow enough not to query on every key of a quickly typed word.
SEARCH_DEBOUNCE_MS = 150

HEADER_NAME = "case_list"


def filter_to_dict(case_filter: CaseFilter) -> dict[str, Any]:
    """A filter as plain JSON data (for QSettings); ``ids`` are not kept."""
    return {
        "search": case_filter.search,
        "stage": case_filter.stage,
        "state": case_filter.state,
        "eligibility": case_filter.eligibility.value if case_filter.eligibility else None,
        "blocked": case_filter.blocked,
        "overdue": case_filter.overdue,
        "shipment": case_filter.shipment.value if case_filter.shipment else None,
    }


def filter_from_dict(data: Any) -> CaseFilter:
    if not isinstance(data, dict):
        return CaseFilter()

    def enum(kind: Any, value: Any) -> Any:
        try:
            return kind(value) if value else None
        except ValueError:
            return None

    def flag(value: Any) -> bool | None:
        return value if isinstance(value, bool) else None

    def text(value: Any) -> str | None:
        return value if isinstance(value, str) and value else None

    search = data.get("search")
    return CaseFilter(
        search=search if isinstance(search, str) else "",
        stage=text(data.get("stage")),
        state=text(data.get("state")),
        eligibility=enum(EligibilityFilter, data.get("eligibility")),
        blocked=flag(data.get("blocked")),
        overdue=flag(data.get("overdue")),
        shipment=enum(ShipmentFilter, data.get("shipment")),
    )


class CaseTable(QTableView):
    """The table; Enter opens the current case like a double-click."""

    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doubleClicked.connect(self._open_index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open_index(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _open_index(self, index: QModelIndex) -> None:
        case_id = index.data(CaseIdRole)
        if isinstance(case_id, int):
            self.open_requested.emit(case_id)


class CaseListPanel(QWidget):
    open_requested = Signal(int)
    filter_changed = Signal(object)  # CaseFilter
    new_case_requested = Signal()  # "Create your first case" in an empty list

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = CaseTableModel(context, self)
        context.changes.cases_changed.connect(self._cases_changed)
        self._applying = False
        self._hidden_filter = CaseFilter()  # parts set from the dashboard with no widget

        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search chassis number, customer, model, notes…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Search cases"))
        # Room to read what is typed on a narrow window (1280 pixels at 150%): the filters
        # beside it give way first.
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 16)
        self.stage = QComboBox()
        self.stage.addItem(tr("All stages"), None)
        for stage in STAGES:
            self.stage.addItem(tr(stage_title(stage)), stage)
        self.state = QComboBox()
        self.state.addItem(tr("All states"), None)
        # The 51 states come from the read lane after the first page (_fill_states); until
        # then a state chosen elsewhere (the last filter, the dashboard) waits here.
        self._states_loaded = False
        self._pending_state: str | None = None
        self.eligibility = QComboBox()
        self.eligibility.addItem(tr("Any eligibility"), None)
        self.eligibility.addItem(tr("Eligible now"), EligibilityFilter.NOW.value)
        self.eligibility.addItem(tr("Within 90 days"), EligibilityFilter.WITHIN_90_DAYS.value)
        self.eligibility.addItem(tr("Not yet eligible"), EligibilityFilter.NOT_YET.value)
        self.eligibility.addItem(tr("No build date"), EligibilityFilter.UNKNOWN.value)
        self.blocked = QCheckBox(tr("&Blocked only"))
        self.views_button = QToolButton()
        self.views_button.setText(tr("Views"))
        self.views_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.views_menu = QMenu(self)
        self.views_menu.aboutToShow.connect(self._fill_views_menu)
        self.views_button.setMenu(self.views_menu)
        self.clear_button = QToolButton()
        self.clear_button.setText(tr("Clear"))
        self.clear_button.setToolTip(tr("Show all cases"))
        self.clear_button.clicked.connect(lambda: self.apply_filter(CaseFilter()))
        self.count_label = QLabel()
        self.extra_label = QLabel()  # dashboard filters that have no widget of their own

        for combo in (self.stage, self.state, self.eligibility):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            # Room for its "All …" item whole, in a translation too ("Todos los estados").
            combo.setMinimumContentsLength(max(8, len(combo.itemText(0))))
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.stage, 1)
        bar.addWidget(self.state, 1)
        bar.addWidget(self.eligibility, 1)
        bar.addWidget(self.blocked)
        bar.addWidget(self.views_button)
        bar.addWidget(self.clear_button)

        self.table = CaseTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several cases can be selected (for a bundle); Enter opens the current one.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.model.modelReset.connect(self._show_count)
        self.model.count_changed.connect(self._show_count)
        self.model.modelReset.connect(self._select_again)
        self._reselect: int | None = None  # the case to select again once a refresh arrives
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self._default_widths()
        self.table.open_requested.connect(self.open_requested)

        footer = QHBoxLayout()
        footer.setSpacing(0)  # "3 cases" and " with overdue steps" read as one sentence
        footer.addWidget(self.count_label)
        footer.addWidget(self.extra_label)
        footer.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        self.empty_prompt = self._empty_prompt()
        self.list_pages = QStackedWidget()
        self.list_pages.addWidget(self.table)
        self.list_pages.addWidget(self.empty_prompt)
        layout.addWidget(self.list_pages, 1)
        layout.addLayout(footer)
        self.setTabOrder(self.search, self.stage)
        self.setTabOrder(self.stage, self.state)
        self.setTabOrder(self.state, self.eligibility)
        self.setTabOrder(self.eligibility, self.blocked)
        self.setTabOrder(self.blocked, self.table)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._filters_edited)
        self.search.textEdited.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._search_now)
        self.search.installEventFilter(self)  # Down: from the search box into the list
        self._first_row_when_shown = False
        self.model.modelReset.connect(self._list_shown)
        for combo in (self.stage, self.state, self.eligibility):
            combo.currentIndexChanged.connect(lambda _i: self._filters_edited())
        self.blocked.toggled.connect(lambda _on: self._filters_edited())

        self._restore()
        today = context.today
        context.read_task(lambda s: list_state_rules(s, today=today), self._fill_states)

    def _fill_states(self, rules: list[StateRuleView]) -> None:
        """The state filter's choices, read off the GUI thread once the first page is asked for;
        a state already filtered on (restored, or from the dashboard) is selected quietly."""
        was_blocked = self.state.blockSignals(True)
        for rule in rules:
            self.state.addItem(f"{rule.code} {rule.name}", rule.code)
        self._states_loaded = True
        pending, self._pending_state = self._pending_state, None
        self._select(self.state, pending)
        self.state.blockSignals(was_blocked)
        if self.state.currentData() != pending:
            self._run_filter()  # a state no longer known: the list shows what the bar says

    # --- filters ----------------------------------------------------------------------------

    def current_filter(self) -> CaseFilter:
        eligibility = self.eligibility.currentData()
        return dataclasses.replace(
            self._hidden_filter,
            search=self.search.text().strip(),
            stage=self.stage.currentData(),
            state=self.state.currentData() if self._states_loaded else self._pending_state,
            eligibility=EligibilityFilter(eligibility) if eligibility else None,
            blocked=True if self.blocked.isChecked() else None,
        )

    def shown(self) -> CaseListShown:
        """The list as it is shown, for the cases report: the filter (said in words), the
        sort, and the visible columns in the order they are shown."""
        header = self.table.horizontalHeader()
        visual = sorted(range(header.count()), key=header.visualIndex)
        columns = tuple(self.model.columns[c].key for c in visual if not header.isSectionHidden(c))
        case_filter = self.current_filter()
        # In English for the report (its subtitle), translated on screen (tr_message).
        words: list[str] = []
        if case_filter.search:
            words.append(msg("search {value!r}", value=case_filter.search))
        if case_filter.stage:
            words.append(msg("stage {value!r}", value=word(stage_title(case_filter.stage))))
        if case_filter.state:
            words.append(msg("state {value!r}", value=case_filter.state))
        if case_filter.eligibility:
            words.append(msg("eligibility {value!r}", value=self.eligibility.currentText()))
        if case_filter.blocked:
            words.append(msg("blocked only"))
        words.extend(w.strip() for w in self.extra_label.text().split(" · ") if w.strip())
        return CaseListShown(
            case_filter,
            self.model.order_by,
            self.model.descending,
            columns,
            listed(words) if words else msg("all cases"),
        )

    def apply_filter(self, case_filter: CaseFilter) -> None:
        """Show the cases matching ``case_filter``, setting the filter widgets to match."""
        self._applying = True
        try:
            self.search.setText(case_filter.search)
            self._select(self.stage, case_filter.stage)
            if self._states_loaded:
                self._select(self.state, case_filter.state)
            else:
                self._pending_state = case_filter.state
            self._select(
                self.eligibility,
                case_filter.eligibility.value if case_filter.eligibility else None,
            )
            self.blocked.setChecked(bool(case_filter.blocked))
            self._hidden_filter = CaseFilter(
                overdue=case_filter.overdue, shipment=case_filter.shipment
            )
        finally:
            self._applying = False
        self._run_filter()

    @staticmethod
    def _select(combo: QComboBox, value: Any) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the search box goes into the list (at its first row), where Enter opens
        the case: search, Down, Enter opens a case without the mouse."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            if self._debounce.isActive():  # typed just now: the list follows, at its first row
                self._first_row_when_shown = True
                self._search_now()
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            self._select_first_row()
            return True
        return super().eventFilter(watched, event)

    def _select_first_row(self) -> None:
        """The first row, whatever was selected before the search: the row a person who
        typed a search and pressed Down means."""
        if self.model.rowCount() > 0:
            self.table.selectRow(0)

    def _list_shown(self) -> None:
        if self._first_row_when_shown:
            self._first_row_when_shown = False
            self._select_first_row()

    def _search_now(self) -> None:
        self._debounce.stop()
        self._filters_edited()

    def _filters_edited(self) -> None:
        if not self._applying:
            self._run_filter()

    def _run_filter(self) -> None:
        case_filter = self.current_filter()
        self.model.set_filter(case_filter)
        self.context.settings.set_json_value(keys.LAST_FILTER, filter_to_dict(case_filter))
        self.filter_changed.emit(case_filter)

    def _show_count(self) -> None:
        count = self.model.rowCount()
        if not self.model.count_exact:
            # The exact count follows; meanwhile the first page and "at least".
            self.count_label.setText(tr("{count}+ cases").format(count=f"{count:,}"))
        elif count == 1:
            self.count_label.setText(tr("{count} case").format(count=f"{count:,}"))
        else:
            self.count_label.setText(tr("{count} cases").format(count=f"{count:,}"))
        extras = []
        if self._hidden_filter.overdue:
            extras.append(tr("with overdue steps"))
        if self._hidden_filter.shipment is ShipmentFilter.AT_SEA:
            extras.append(tr("at sea"))
        if self._hidden_filter.shipment is ShipmentFilter.AT_PORT:
            extras.append(tr("at port, awaiting release"))
        self.extra_label.setText(" " + " · ".join(extras) if extras else "")
        self._show_empty(count == 0 and self.model.count_exact)

    def _empty_prompt(self) -> QWidget:
        """What an empty list says: how to make the first case, or that nothing matches."""
        page = QWidget()
        page.setObjectName("case_list_empty")
        self.empty_text = QLabel()
        self.empty_text.setObjectName("case_list_empty_text")
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.first_case_button = QPushButton(tr("Create your first case…"))
        self.first_case_button.setObjectName("case_list_first_case")
        self.first_case_button.clicked.connect(self.new_case_requested)
        self.show_all_button = QPushButton(tr("Show all cases"))
        self.show_all_button.clicked.connect(lambda: self.apply_filter(CaseFilter()))
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.empty_text)
        for button in (self.first_case_button, self.show_all_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    def _show_empty(self, empty: bool) -> None:
        filtered = self.current_filter() != CaseFilter()
        if empty and filtered:
            self.empty_text.setText(tr("No case matches these filters."))
        elif empty:
            self.empty_text.setText(
                tr(
                    "No cases yet. A case is one truck: record it by its chassis number, "
                    "then walk it through its steps."
                )
            )
        self.first_case_button.setVisible(empty and not filtered and not self.context.read_only)
        self.show_all_button.setVisible(empty and filtered)
        focus = QApplication.focusWidget()
        had_focus = focus is not None and self.empty_prompt.isAncestorOf(focus)
        self.list_pages.setCurrentWidget(self.empty_prompt if empty else self.table)
        if not empty and had_focus:
            self.table.setFocus()

    def _cases_changed(self, _case_ids: CaseIds, _origin: object) -> None:
        """Any change may move a case in or out of the list, or along it: read it again."""
        self.refresh()

    def refresh(self) -> None:
        """Read the list again (off the GUI thread); the selected case stays selected when it
        is among the rows read (the page at the top of the view)."""
        self._reselect = self.current_case_id()
        top = self.table.rowAt(0)
        self.model.refresh(near_row=max(top, 0))

    def _select_again(self) -> None:
        """After a refresh arrived: select the case that was selected before, if it is here."""
        case_id, self._reselect = self._reselect, None
        if case_id is not None and (row := self.model.row_of(case_id)) is not None:
            self.table.selectRow(row)

    def current_case_id(self) -> int | None:
        index = self.table.currentIndex()
        value = index.data(CaseIdRole) if index.isValid() else None
        return value if isinstance(value, int) else None

    def current_summary(self) -> CaseSummary | None:
        index = self.table.currentIndex()
        return self.model.summary(index.row()) if index.isValid() else None

    def selected_case_ids(self) -> list[int]:
        """The selected cases, in list order (the current one when none is selected)."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        ids = [self.model.index(row, 0).data(CaseIdRole) for row in rows]
        chosen = [case_id for case_id in ids if isinstance(case_id, int)]
        if not chosen and (current := self.current_case_id()) is not None:
            chosen = [current]
        return chosen

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- saved views ------------------------------------------------------------------------

    def saved_views(self) -> dict[str, dict[str, Any]]:
        views = self.context.settings.json_value(keys.SAVED_VIEWS, {})
        return views if isinstance(views, dict) else {}

    def save_view(self, name: str) -> None:
        views = self.saved_views()
        views[name.strip()] = filter_to_dict(self.current_filter())
        self.context.settings.set_json_value(keys.SAVED_VIEWS, views)

    def delete_view(self, name: str) -> None:
        views = self.saved_views()
        views.pop(name, None)
        self.context.settings.set_json_value(keys.SAVED_VIEWS, views)

    def open_view(self, name: str) -> None:
        view = self.saved_views().get(name)
        if view is not None:
            self.apply_filter(filter_from_dict(view))

    def _fill_views_menu(self) -> None:
        menu = self.views_menu
        menu.clear()
        views = self.saved_views()
        for name in sorted(views, key=str.lower):
            action = menu.addAction(name)
            action.triggered.connect(lambda _checked=False, n=name: self.open_view(n))
        if views:
            menu.addSeparator()
        menu.addAction(tr("Save current view…"), self._ask_save_view)
        if views:
            remove = menu.addMenu(tr("Delete view"))
            for name in sorted(views, key=str.lower):
                action = remove.addAction(name)
                action.triggered.connect(lambda _checked=False, n=name: self.delete_view(n))

    def _ask_save_view(self) -> None:
        name = self.context.dialogs.ask_text(self, tr("Save view"), tr("Name of this view:"))
        if name and name.strip():
            self.save_view(name)

    # --- columns ----------------------------------------------------------------------------

    def _default_widths(self) -> None:
        metrics = self.table.fontMetrics()
        samples = (
            "KD-000000",
            "DA52T-1234567",
            "Subaru Sambar truck",
            "1999-03",
            "2026-12-01",
            "Patricia Johnson",
            "TX",
            "State registration",
            "Confirm 25-year eligibility",
            "Days",
        )
        header = self.table.horizontalHeader()
        for column, sample in enumerate(samples):
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(str(title)))
            header.resizeSection(column, width + 28)

    def _column_menu(self, position: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for column, spec in enumerate(self.model.columns):
            action = QAction(spec.title, menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != 0)  # the case number always shows
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
            menu.addAction(action)
        menu.exec(header.mapToGlobal(position))

    def _restore(self) -> None:
        settings = self.context.settings
        header = self.table.horizontalHeader()
        with self.model.refreshing_once():
            self.table.setSortingEnabled(True)
            if settings.restore_header(HEADER_NAME, header):
                column = header.sortIndicatorSection()
                order = header.sortIndicatorOrder()
                self.model.sort(column, order)
            else:
                self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
            self.apply_filter(filter_from_dict(settings.json_value(keys.LAST_FILTER, {})))

    def save_state(self) -> None:
        self.context.settings.save_header(HEADER_NAME, self.table.horizontalHeader())
