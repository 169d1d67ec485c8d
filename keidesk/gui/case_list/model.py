"""The case list as a lazy table model: pages of rows read from the database on demand.

Only the rows the view paints are read (pages of :data:`PAGE_SIZE` through
``list_cases(offset, limit)``, a few pages kept); the row count comes from ``count_cases``.
Filtering and sorting happen in SQL, so 100,000 cases open as fast as 100.

Every read runs off the GUI thread (``AppContext.read_task``), so a slow database never freezes
the window: :meth:`CaseTableModel.refresh` reads the count and the first page and then resets the
model once; a row whose page is not here yet shows a placeholder, asks for its page, and is
repainted (``dataChanged``) when it arrives. Each refresh takes a new generation number; a
result from an older one (the filter or the sort changed meanwhile) is dropped.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush
from sqlalchemy.orm import Session

from keidesk.gui.kit import theme
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.i18n import tr
from keidesk.services.cases import CaseFilter, count_cases, list_cases
from keidesk.services.dashboard import days_in_stage, next_action, stage_title
from keidesk.services.views import CaseSummary

PAGE_SIZE = 200
PAGES_KEPT = 20

CaseIdRole = Qt.ItemDataRole.UserRole + 1
SortValueRole = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex

#: What a row shows while its page is on its way.
PLACEHOLDER = "…"


@dataclass(frozen=True, slots=True)
class Query:
    """What the list asks the database: a refresh's filter, order and day, and its number."""

    generation: int
    case_filter: CaseFilter
    order_by: str
    descending: bool
    today: date

    def page(self, session: Session, page_number: int) -> list[CaseSummary]:
        return list_cases(
            session,
            self.case_filter,
            today=self.today,
            order_by=self.order_by,
            descending=self.descending,
            offset=page_number * PAGE_SIZE,
            limit=PAGE_SIZE,
        )


@dataclass(frozen=True, slots=True)
class Counted:
    """A refresh's answer: how many cases match, and the page the view shows first."""

    query: Query
    count: int
    page_number: int
    page: list[CaseSummary]


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    title: str
    sort_by: str | None  # a key of services.cases.SORT_COLUMNS
    sort_reversed: bool = False  # "days in stage" ascends as stage_since descends
    numeric: bool = False


def columns() -> tuple[Column, ...]:
    return (
        Column("number", tr("Case"), "id"),
        Column("chassis", tr("Chassis number"), "chassis"),
        Column("vehicle", tr("Make / model"), "make"),
        Column("built", tr("Built"), "built"),
        Column("fmvss", tr("FMVSS eligible"), "fmvss_eligible_on"),
        Column("customer", tr("Customer"), "customer"),
        Column("state", tr("State"), "state"),
        Column("stage", tr("Stage"), "stage"),
        Column("next", tr("Next action"), "stage"),
        Column("days", tr("Days in stage"), "stage_since", sort_reversed=True, numeric=True),
    )


class CaseTableModel(QAbstractTableModel):
    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.columns = columns()
        self.case_filter = CaseFilter()
        self.order_by = "id"
        self.descending = False
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._count = 0
        self._pages: OrderedDict[int, list[CaseSummary]] = OrderedDict()
        self._refresh_held = False
        self._generation = 0
        #: The query the rows shown belong to (its count and pages).
        self._shown = Query(0, self.case_filter, self.order_by, self.descending, context.today)
        self._requested: set[int] = set()  # pages on their way for the query shown
        self._answering = False  # a page arriving while data() asked for it (synchronous)

    @property
    def _today(self) -> date:
        return self._shown.today

    # --- what to show -----------------------------------------------------------------------

    def set_filter(self, case_filter: CaseFilter) -> None:
        self.case_filter = case_filter
        self.refresh()

    @contextmanager
    def refreshing_once(self) -> Iterator[None]:
        """Sort and filter changes made inside read the database once, at the end (setting the
        list up at start-up would otherwise count 100,000 cases once per change)."""
        self._refresh_held = True
        try:
            yield
        finally:
            self._refresh_held = False
            self.refresh()

    def refresh(self, near_row: int = 0) -> None:
        """Count again and read the page of ``near_row`` off the GUI thread; the model is reset
        once, when they arrive. Until then the rows shown stay as they were."""
        if self._refresh_held:
            return
        self._generation += 1
        query = Query(
            self._generation,
            self.case_filter,
            self.order_by,
            self.descending,
            self.context.today,
        )
        page_number = max(near_row, 0) // PAGE_SIZE

        def read(session: Session) -> Counted:
            count = count_cases(session, query.case_filter, today=query.today)
            return Counted(query, count, page_number, query.page(session, page_number))

        self.context.read_task(read, self._counted, title=tr("Reading the case list…"))

    def _counted(self, counted: Counted) -> None:
        if counted.query.generation != self._generation:
            return  # the filter or the sort changed since: a newer refresh is on its way
        self.beginResetModel()
        self._shown = counted.query
        self._count = counted.count
        self._pages.clear()
        self._requested.clear()
        self._pages[counted.page_number] = counted.page
        self.endResetModel()

    @property
    def loading(self) -> bool:
        """Is a refresh on its way (the rows shown may be those of the previous filter)?"""
        return self._shown.generation != self._generation

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        spec = self.columns[column]
        if spec.sort_by is None:
            return
        self._sort_column, self._sort_order = column, order
        self.order_by = spec.sort_by
        descending = order == Qt.SortOrder.DescendingOrder
        self.descending = not descending if spec.sort_reversed else descending
        self.refresh()

    @property
    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self._sort_column, self._sort_order

    # --- rows -------------------------------------------------------------------------------

    def summary(self, row: int) -> CaseSummary | None:
        """The case on ``row``, or None while its page is on its way (it is asked for)."""
        if not 0 <= row < self._count:
            return None
        page_number = row // PAGE_SIZE
        page = self._pages.get(page_number)
        if page is None:
            self._request(page_number)
            page = self._pages.get(page_number)  # there already with a synchronous runner
            if page is None:
                return None
        else:
            self._pages.move_to_end(page_number)
        offset = row - page_number * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def _request(self, page_number: int) -> None:
        """Ask for a page off the GUI thread (once); :meth:`_arrived` takes it."""
        if page_number in self._requested:
            return
        self._requested.add(page_number)
        query = self._shown
        self._answering = True
        try:
            self.context.read_task(
                lambda s: (query, page_number, query.page(s, page_number)),
                self._arrived,
                title=tr("Reading the case list…"),
            )
        finally:
            self._answering = False

    def _arrived(self, answer: tuple[Query, int, list[CaseSummary]]) -> None:
        query, page_number, page = answer
        if query.generation != self._shown.generation:
            return  # the list was reset since it was asked for
        self._requested.discard(page_number)
        self._pages[page_number] = page
        while len(self._pages) > PAGES_KEPT:
            self._pages.popitem(last=False)
        if self._answering:
            return  # read inline while data() asked: it returns the row itself
        first = page_number * PAGE_SIZE
        last = min(first + len(page), self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    def case_id(self, row: int) -> int | None:
        summary = self.summary(row)
        return summary.id if summary else None

    def row_of(self, case_id: int) -> int | None:
        """The row of a case among the pages already fetched (None when not loaded)."""
        for number, page in self._pages.items():
            for offset, summary in enumerate(page):
                if summary.id == case_id:
                    return number * PAGE_SIZE + offset
        return None

    # --- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        summary = self.summary(index.row())
        if summary is None:
            loading = role == Qt.ItemDataRole.DisplayRole and index.column() == 0
            return PLACEHOLDER if loading else None
        key = self.columns[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(summary, key)
        if role == CaseIdRole:
            return summary.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(summary, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(summary, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[index.column()].numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, summary: CaseSummary, key: str) -> str:
        if key == "number":
            return summary.number
        if key == "chassis":
            return summary.chassis
        if key == "vehicle":
            return " ".join(p for p in (summary.make, summary.model) if p) or tr("(unknown)")
        if key == "built":
            return str(summary.built) if summary.built else ""
        if key == "fmvss":
            return summary.fmvss_eligible_on.isoformat() if summary.fmvss_eligible_on else ""
        if key == "customer":
            return summary.customer or ""
        if key == "state":
            return summary.state or ""
        if key == "stage":
            return tr(stage_title(summary.stage))
        if key == "next":
            return tr(next_action(summary))
        if key == "days":
            return str(days_in_stage(summary, self._today))
        return ""

    def _tooltip(self, summary: CaseSummary, key: str) -> str | None:
        if key == "fmvss" and summary.fmvss_eligible_on:
            return _eligibility_text(summary.fmvss_eligible_on, self._today)
        if key == "next" and summary.blocked:
            return tr("A step of this case is blocked; open it to see why.")
        return None

    def _foreground(self, summary: CaseSummary, key: str) -> QBrush | None:
        if key == "fmvss" and summary.fmvss_eligible_on:
            return QBrush(theme.eligibility_colour(summary.fmvss_eligible_on, self._today))
        if key == "next" and summary.blocked:
            return QBrush(theme.colour(theme.BAD))
        return None


def _eligibility_text(eligible_on: date, today: date) -> str:
    days = (eligible_on - today).days
    if days <= 0:
        return tr("Eligible now under the 25-year rule (since {date}).").format(
            date=eligible_on.isoformat()
        )
    return tr("Not yet 25 years old: eligible in {days} days ({date}).").format(
        days=days, date=eligible_on.isoformat()
    )
