"""The case list as a lazy table model: pages of rows read from the database on demand.

Only the rows the view paints are read, a page (:data:`PAGE_SIZE` rows) at a time along the
sort key's index: the page after or before one already read (keyset: ``read_page(after=…)``),
the last page by the reversed query, and a page reached by dragging the scrollbar after a skip
along the index from the nearer end (``position_before``). Filtering and sorting happen in
SQL, so a million cases browse as fast as a hundred.

Every read runs off the GUI thread (``AppContext.read_task``), so a slow database never freezes
the window: :meth:`CaseTableModel.refresh` reads the first page and a count that stops at
:data:`COUNT_AT_ONCE` (shown as "1,000+"), then resets the model once; the exact count, when
more, follows on the ``count`` lane once the filter stayed :data:`COUNT_DELAY_MS` (never ahead
of a page, stopped when the filter changed meanwhile) and the rows grow to it. A row whose
page is not here yet shows a placeholder, asks for its page, and is repainted
(``dataChanged``) when it arrives. Each refresh takes a new generation number; a result from
an older one (the filter or the sort changed) is dropped.
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
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush
from sqlalchemy.orm import Session

from keidesk.gui.kit import theme
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.i18n import tr
from keidesk.services.cases import (
    CaseFilter,
    CasePage,
    Position,
    count_cases,
    count_cases_unless,
    position_before,
    read_page,
)
from keidesk.services.cases.overdue import OverdueStep, overdue_steps
from keidesk.services.dashboard import days_in_stage, next_action, stage_title
from keidesk.services.views import CaseSummary

PAGE_SIZE = 200
PAGES_KEPT = 20
#: Cases counted with the first page; beyond, the list shows "1,000+" until the exact count.
#: Its cost is the rows read to find that many: a rare two-letter search reads ~30,000 rows
#: for 1,000 matches (a few ms), where 10,000 cost ten times that on every keystroke.
COUNT_AT_ONCE = 1_000
#: The exact count starts once the filter stayed this long (ms): typing never waits for it.
COUNT_DELAY_MS = 300

CaseIdRole = Qt.ItemDataRole.UserRole + 1
SortValueRole = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex

#: What a row shows while its page is on its way.
PLACEHOLDER = "…"

_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

#: The roles the list answers.
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        CaseIdRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
    }
)


@dataclass(frozen=True, slots=True)
class Where:
    """How to find a page: after a known row, before one, the last ones, or from a row number
    (a skip along the index, for a page reached by the scrollbar)."""

    after: Position | None = None
    before: Position | None = None
    last_rows: int | None = None  # the last page, of this many rows
    row: int | None = None  # the first row of the page, when no neighbour is known
    total: int | None = None  # the exact count, when known (to skip from the nearer end)


@dataclass(frozen=True, slots=True)
class Query:
    """What the list asks the database: a refresh's filter, order and day, and its number."""

    generation: int
    case_filter: CaseFilter
    order_by: str
    descending: bool
    today: date

    def page(self, session: Session, where: Where = Where()) -> CasePage:
        after = where.after
        if where.row is not None:
            after = position_before(
                session,
                self.case_filter,
                today=self.today,
                order_by=self.order_by,
                descending=self.descending,
                row=where.row,
                total=where.total,
            )
            if after is None and where.row > 0:
                return CasePage([], None, None)  # the list is shorter now
        return read_page(
            session,
            self.case_filter,
            today=self.today,
            order_by=self.order_by,
            descending=self.descending,
            after=after,
            before=where.before,
            last=where.last_rows is not None,
            limit=where.last_rows or PAGE_SIZE,
        )


@dataclass(frozen=True, slots=True)
class Counted:
    """A refresh's answer: the page the view shows first, and how many cases match (exactly,
    or at least ``count`` when not ``exact``)."""

    query: Query
    page_number: int
    page: CasePage
    count: int
    exact: bool
    overdue: dict[int, OverdueStep]


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    title: str
    sort_by: str | None  # a key of services.cases.SORT_COLUMNS


def columns() -> tuple[Column, ...]:
    return (
        Column("number", tr("Case"), "number"),
        Column("chassis", tr("Chassis number"), "chassis"),
        Column("vehicle", tr("Make / model"), "make"),
        Column("built", tr("Built"), "built"),
        Column("fmvss", tr("FMVSS eligible"), "eligible_on"),
        Column("customer", tr("Customer"), "customer"),
        Column("state", tr("State"), "state"),
        Column("stage", tr("Stage"), "stage"),
        Column("next", tr("Next action"), "stage"),
        Column("days", tr("Days in stage"), "days_in_stage"),
    )


NUMERIC_COLUMNS = frozenset({"days"})


class CaseTableModel(QAbstractTableModel):
    #: The count shown changed (the exact count arrived after "1,000+").
    count_changed = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.columns = columns()
        self.case_filter = CaseFilter()
        self.order_by = "number"
        self.descending = False
        self._sort_column = 0
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._count = 0
        self._exact = True
        #: Cases counted with the first page (beyond: "1,000+" until the exact count).
        self.count_at_once = COUNT_AT_ONCE
        #: How long the list must stay on one filter before the exact count starts (ms).
        self.count_delay_ms = COUNT_DELAY_MS
        self._pages: OrderedDict[int, list[CaseSummary]] = OrderedDict()
        #: The first and last positions of every page read for the query shown (small: two
        #: keys a page), so a page next to one read before is read after or before it.
        self._bounds: dict[int, tuple[Position, Position]] = {}
        self._refresh_held = False
        self._generation = 0
        #: The query the rows shown belong to (its count and pages).
        self._shown = Query(0, self.case_filter, self.order_by, self.descending, context.today)
        self._requested: set[int] = set()  # pages on their way for the query shown
        self._answering = False  # a page arriving while data() asked for it (synchronous)
        self._brushes: dict[str, QBrush] = {}
        #: The overdue step of each case read (the one due longest ago), by case id.
        self._overdue: dict[int, OverdueStep] = {}

    @property
    def _today(self) -> date:
        return self._shown.today

    @property
    def count_exact(self) -> bool:
        """Is :meth:`rowCount` the exact count (else: at least that many, more on the way)?"""
        return self._exact

    # --- what to show -----------------------------------------------------------------------

    def set_filter(self, case_filter: CaseFilter) -> None:
        self.case_filter = case_filter
        self.refresh()

    @contextmanager
    def refreshing_once(self) -> Iterator[None]:
        """Sort and filter changes made inside read the database once, at the end (setting the
        list up at start-up would otherwise read it once per change)."""
        self._refresh_held = True
        try:
            yield
        finally:
            self._refresh_held = False
            self.refresh()

    def refresh(self, near_row: int = 0, *, same_rows: bool = False) -> None:
        """Read the page of ``near_row`` and a bounded count off the GUI thread; the model is
        reset once, when they arrive (until then the rows shown stay as they were). The exact
        count, when more, follows. ``same_rows``: only the order changed (a sort), so an exact
        count already known stands and is not read again."""
        if self._refresh_held:
            return
        shown = self._shown
        known = (
            self._count
            if same_rows
            and shown.generation  # something was read
            and self._exact
            and not self.loading
            and shown.case_filter == self.case_filter
            and shown.today == self.context.today
            else None
        )
        self._generation += 1
        query = Query(
            self._generation,
            self.case_filter,
            self.order_by,
            self.descending,
            self.context.today,
        )
        page_number = max(near_row, 0) // PAGE_SIZE
        at_most = max(self.count_at_once, (page_number + 2) * PAGE_SIZE) + 1

        def read(session: Session) -> Counted:
            where = Where(row=page_number * PAGE_SIZE) if page_number else Where()
            page = query.page(session, where)
            if not page.rows and page_number:
                page_number_read, page = 0, query.page(session)
            else:
                page_number_read = page_number
            overdue = overdue_steps(session, [r.id for r in page.rows], today=query.today)
            if known is not None:
                return Counted(query, page_number_read, page, known, True, overdue)
            count = count_cases(session, query.case_filter, today=query.today, at_most=at_most)
            return Counted(query, page_number_read, page, count, count < at_most, overdue)

        self.context.read_task(read, self._counted, title=tr("Reading the case list…"))

    def _counted(self, counted: Counted) -> None:
        if counted.query.generation != self._generation:
            return  # the filter or the sort changed since: a newer refresh is on its way
        self.beginResetModel()
        self._brushes.clear()
        self._shown = counted.query
        self._count = counted.count if counted.exact else counted.count - 1
        self._exact = counted.exact
        self._pages.clear()
        self._bounds.clear()
        self._requested.clear()
        self._overdue.clear()
        self._keep(counted.page_number, (counted.page, counted.overdue))
        self.endResetModel()
        if not counted.exact:
            query = counted.query
            if self.count_delay_ms <= 0:
                self._count_exactly(query)
            else:
                # Once typing pauses: a count per keystroke would take the machine from the
                # next keystroke's page.
                QTimer.singleShot(self.count_delay_ms, lambda: self._count_exactly(query))

    def _count_exactly(self, query: Query) -> None:
        """The exact count on the count lane; dropped (SQLite stops it) once stale."""

        def stale() -> bool:
            return query.generation != self._generation

        if stale():
            return

        def count(session: Session) -> tuple[Query, int | None]:
            if stale():
                return query, None
            found = count_cases_unless(session, query.case_filter, today=query.today, stop=stale)
            return query, found

        self.context.read_task(
            count, self._counted_exactly, title=tr("Counting the cases…"), lane="count"
        )

    def _counted_exactly(self, answer: tuple[Query, int | None]) -> None:
        query, count = answer
        if count is None or query.generation != self._shown.generation:
            return
        self._exact = True
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < self._count:  # changed meanwhile
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            self.endRemoveRows()
        self.count_changed.emit()

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
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh(same_rows=True)

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

    def _where(self, page_number: int) -> Where:
        """How to read a page: next to one read before, the last, or from its row number."""
        if page_number == 0:
            return Where()
        if (before := self._bounds.get(page_number - 1)) is not None:
            return Where(after=before[1])
        if (after := self._bounds.get(page_number + 1)) is not None:
            return Where(before=after[0])
        if self._exact and page_number == (self._count - 1) // PAGE_SIZE:
            return Where(last_rows=self._count - page_number * PAGE_SIZE)
        return Where(row=page_number * PAGE_SIZE, total=self._count if self._exact else None)

    def _request(self, page_number: int) -> None:
        """Ask for a page off the GUI thread (once); :meth:`_arrived` takes it."""
        if page_number in self._requested:
            return
        self._requested.add(page_number)
        query = self._shown
        where = self._where(page_number)
        self._answering = True
        try:
            self.context.read_task(
                lambda s: (query, page_number, _page_with_overdue(s, query, where)),
                self._arrived,
                title=tr("Reading the case list…"),
            )
        finally:
            self._answering = False

    def _keep(self, page_number: int, answer: tuple[CasePage, dict[int, OverdueStep]]) -> None:
        page, overdue = answer
        self._overdue.update(overdue)
        for row in page.rows:
            if row.id not in overdue:
                self._overdue.pop(row.id, None)
        self._pages[page_number] = page.rows
        if page.first is not None and page.last is not None:
            self._bounds[page_number] = (page.first, page.last)
        while len(self._pages) > PAGES_KEPT:
            self._pages.popitem(last=False)

    def _arrived(self, answer: tuple[Query, int, tuple[CasePage, dict[int, OverdueStep]]]) -> None:
        query, page_number, read = answer
        page = read[0]
        if query.generation != self._shown.generation:
            return  # the list was reset since it was asked for
        self._requested.discard(page_number)
        self._keep(page_number, read)
        if self._answering:
            return  # read inline while data() asked: it returns the row itself
        first = page_number * PAGE_SIZE
        last = min(first + len(page.rows), self._count) - 1
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
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A paint asks a dozen roles of every visible cell: the ones never answered go first.
        if role not in _ROLES or not index.isValid():
            return None
        column = index.column()
        if not 0 <= column < len(self.columns):
            return None
        summary = self.summary(index.row())
        if summary is None:
            loading = role == Qt.ItemDataRole.DisplayRole and column == 0
            return PLACEHOLDER if loading else None
        key = self.columns[column].key
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(summary, key)
        if role == CaseIdRole:
            return summary.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(summary, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(summary, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in NUMERIC_COLUMNS:
            return _RIGHT
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
            overdue = self._overdue.get(summary.id)
            if overdue is not None:
                days = overdue.days(self._today)  # the date it was due is in the tooltip
                return (
                    tr("1 day overdue: {step}") if days == 1 else tr("{days} days overdue: {step}")
                ).format(days=days, step=tr(overdue.key.label))
            return tr(next_action(summary))
        if key == "days":
            return str(days_in_stage(summary, self._today))
        return ""

    def _tooltip(self, summary: CaseSummary, key: str) -> str | None:
        if key == "fmvss" and summary.fmvss_eligible_on:
            return _eligibility_text(summary.fmvss_eligible_on, self._today)
        overdue = self._overdue.get(summary.id) if key == "next" else None
        if overdue is not None:
            days = overdue.days(self._today)
            text = (
                tr("{step} was due on {date}, 1 day ago.")
                if days == 1
                else tr("{step} was due on {date}, {days} days ago.")
            ).format(step=tr(overdue.key.label), date=overdue.due_on.isoformat(), days=days)
            if overdue.more:
                text += " " + tr("Other overdue steps: {count}.").format(count=overdue.more)
            return text
        if key == "next" and summary.blocked:
            return tr("A step of this case is blocked; open it to see why.")
        return None

    def _foreground(self, summary: CaseSummary, key: str) -> QBrush | None:
        if key == "fmvss" and summary.fmvss_eligible_on:
            return self._brush(theme.eligibility_kind(summary.fmvss_eligible_on, self._today))
        if key == "next" and (summary.blocked or summary.id in self._overdue):
            return self._brush(theme.BAD)
        return None

    def _brush(self, kind: str) -> QBrush:
        """The brush of a colour kind, made once per refresh (the theme's colours ask the
        palette every time)."""
        brush = self._brushes.get(kind)
        if brush is None:
            brush = self._brushes[kind] = QBrush(theme.colour(kind))
        return brush


def _eligibility_text(eligible_on: date, today: date) -> str:
    days = (eligible_on - today).days
    if days <= 0:
        return tr("Eligible now under the 25-year rule (since {date}).").format(
            date=eligible_on.isoformat()
        )
    return tr("Not yet 25 years old: eligible in {days} days ({date}).").format(
        days=days, date=eligible_on.isoformat()
    )


def _page_with_overdue(
    session: Session, query: Query, where: Where
) -> tuple[CasePage, dict[int, OverdueStep]]:
    """A page of the list, and the overdue step of each of its cases (one indexed read)."""
    page = query.page(session, where)
    return page, overdue_steps(session, [r.id for r in page.rows], today=query.today)
