"""The case list: filters, sorting and counts, all answered by the database."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, literal, or_, select, text, tuple_
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from keidesk.domain.chassis import fold_for_search
from keidesk.domain.errors import InvalidInput
from keidesk.domain.workflow import StepStatus
from keidesk.services.views import CaseSummary
from keidesk.storage.models import Case, Customer, Vehicle, WorkflowStep, case_number


class EligibilityFilter(StrEnum):
    NOW = "now"
    WITHIN_90_DAYS = "within_90_days"
    NOT_YET = "not_yet"
    UNKNOWN = "unknown"


class ShipmentFilter(StrEnum):
    """Where the truck is: on the water (sailed, not yet arrived) or at the US port (arrived,
    not yet released by customs)."""

    AT_SEA = "at_sea"
    AT_PORT = "at_port"


@dataclass(frozen=True, slots=True)
class CaseFilter:
    """What the case list shows; every part is answered by the database."""

    search: str = ""
    stage: str | None = None
    state: str | None = None
    eligibility: EligibilityFilter | None = None
    blocked: bool | None = None
    overdue: bool | None = None
    ids: tuple[int, ...] | None = None
    shipment: ShipmentFilter | None = None


@dataclass(frozen=True, slots=True)
class SortKey:
    """What a column of the case list sorts by: a column of ``cases`` with an index (the row id
    breaks ties), so the first page after any sort and the keyset paging cost a page."""

    column: Any
    #: Ascending shows the largest stored value first ("days in stage" as ``stage_since``).
    reversed: bool = False


#: The case list's columns by the names the app and ``keidesk case list --sort`` use, in the
#: app's order. Joined columns (vehicle, customer) sort by the keys stored on the case
#: (``Case.sort_*``, lower-cased, "" for none).
SORT_COLUMNS: Mapping[str, SortKey] = {
    "number": SortKey(Case.id),
    "chassis": SortKey(Case.sort_chassis),
    "make": SortKey(Case.sort_vehicle),
    "model": SortKey(Case.sort_model),
    "built": SortKey(Case.sort_built),
    "eligible_on": SortKey(Case.sort_eligible_on),
    "customer": SortKey(Case.sort_customer),
    "state": SortKey(Case.sort_state),
    "stage": SortKey(Case.stage),
    "days_in_stage": SortKey(Case.stage_since, reversed=True),
}

#: Where a page starts or ends: a row's sort value and its case id.
Position = tuple[Any, int]


@dataclass(frozen=True, slots=True)
class CasePage:
    """Rows of the case list in display order, with the positions of the first and the last
    (to read the page after or before it)."""

    rows: list[CaseSummary]
    first: Position | None
    last: Position | None


def _filtered(
    session: Session, query: Select[Any], case_filter: CaseFilter, today: date
) -> Select[Any]:
    conditions: list[ColumnElement[bool]] = []
    words = search_words(case_filter.search)
    if words:
        conditions.extend(_search_conditions(session, words))
    if case_filter.stage:
        conditions.append(Case.stage == case_filter.stage)
    if case_filter.state:
        conditions.append(Case.destination_state == case_filter.state.upper())
    if case_filter.eligibility is not None:
        conditions.append(_eligibility_condition(case_filter.eligibility, today))
    if case_filter.blocked is not None:
        blocked = _has_blocked_step()
        conditions.append(blocked if case_filter.blocked else ~blocked)
    if case_filter.overdue is not None:
        # IN (uncorrelated) rather than EXISTS: SQLite would otherwise walk the status or
        # due-date index once per case, which takes minutes at 100,000 cases.
        overdue = Case.id.in_(
            select(WorkflowStep.case_id).where(
                WorkflowStep.due_on < today,
                WorkflowStep.status.not_in([StepStatus.DONE, StepStatus.NOT_APPLICABLE]),
            )
        )
        conditions.append(overdue if case_filter.overdue else ~overdue)
    if case_filter.ids is not None:
        conditions.append(Case.id.in_(case_filter.ids))
    if case_filter.shipment is not None:
        conditions.append(_shipment_condition(case_filter.shipment, today))
    return query.where(*conditions)


def _has_blocked_step() -> ColumnElement[bool]:
    """Is a step of the case blocked? Correlated: one seek in the (status, case_id) index per
    row looked at, so a page costs its own rows (an IN list of every blocked step was built
    for every page)."""
    return (
        select(WorkflowStep.id)
        .where(WorkflowStep.status == StepStatus.BLOCKED, WorkflowStep.case_id == Case.id)
        .exists()
    )


def _shipment_condition(which: ShipmentFilter, today: date) -> ColumnElement[bool]:
    if which is ShipmentFilter.AT_SEA:
        return and_(
            Case.etd <= today,
            Case.eta > today,
            Case.release_date.is_(None),
        )
    return and_(Case.eta <= today, Case.release_date.is_(None))


#: Matches from which a search is "dense" and is better tested row by row (LIKE) as the list
#: walks its sort index: it finds a page within a few thousand rows, where the trigram index
#: would list every match first (300,000 for "carry" at a million cases: half a second).
DENSE_MATCHES = 20_000
#: The same when the search also has words too short for the index ("smith fa"): those can
#: make the whole search sparse (22,000 cases match "smith" at a million, 487 "smith fa"),
#: and a walk along the sort index then tests most of the table (half a second) where the
#: index's matches, tested and sorted, take a tenth of that.
DENSE_MATCHES_WITH_SHORT_WORDS = 200_000
#: Whether a trigram query is dense, by query and bound (a hint only: both ways find the same
#: rows).
_dense: dict[tuple[str, int], bool] = {}


def _is_dense(session: Session, phrases: str, bound: int) -> bool:
    known = _dense.get((phrases, bound))
    if known is None:
        probe = text(
            "SELECT count(*) FROM (SELECT rowid FROM case_fts WHERE case_fts MATCH :phrases"
            " LIMIT :dense)"
        ).bindparams(phrases=phrases, dense=bound)
        known = int(session.scalar(probe) or 0) >= bound
        if len(_dense) > 1_000:
            _dense.clear()
        _dense[phrases, bound] = known
    return known


def search_words(typed: str) -> list[str]:
    """The words of a typed search, folded as the stored search text is
    (:func:`~keidesk.domain.chassis.fold_for_search`: full-width, case and dash variants)."""
    return fold_for_search(typed).split()


def _search_conditions(session: Session, words: Sequence[str]) -> list[ColumnElement[bool]]:
    """Each word must appear somewhere (in any field), as a substring of the stored search
    text. On SQLite, words of 3+ characters go to the trigram index in one MATCH (FTS5
    intersects them itself: half the time of one IN list per word when a word such as
    "truck" matches every case), unless they match so many cases that testing each row is
    cheaper (:data:`DENSE_MATCHES`); shorter words are matched with LIKE. On PostgreSQL each
    word is a LIKE, served by the trigram (pg_trgm) index of migration 0010: a plain LIKE, not
    ILIKE, since the stored text and the words are folded alike (ILIKE folds every row's text
    again as it tests it: 3-4 times slower wherever a page or a count tests rows one by one)."""
    if session.get_bind().dialect.name != "sqlite":
        return [_like(word) for word in words]
    conditions = [_like(word) for word in words]
    indexed = ['"' + word.replace('"', '""') + '"' for word in words if len(word) >= 3]
    if indexed:
        phrases = " ".join(indexed)
        short = len(indexed) < len(words)
        bound = DENSE_MATCHES_WITH_SHORT_WORDS if short else DENSE_MATCHES
        if not _is_dense(session, phrases, bound):
            # Sparse: the index's few matches, and LIKE for the short words only.
            conditions = [_like(word) for word in words if len(word) < 3]
            conditions.append(
                Case.id.in_(
                    select(text("rowid"))
                    .select_from(text("case_fts"))
                    .where(text("case_fts MATCH :phrases").bindparams(phrases=phrases))
                )
            )
    return conditions


def _pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _like(word: str) -> ColumnElement[bool]:
    return Case.search_text.like(_pattern(word), escape="\\")


def _eligibility_condition(which: EligibilityFilter, today: date) -> ColumnElement[bool]:
    """On the eligibility date's sort key stored on the case (ISO text, "" for none), so the
    list never joins the vehicle to filter."""
    eligible_on = Case.sort_eligible_on
    day = today.isoformat()
    if which is EligibilityFilter.NOW:
        return and_(eligible_on != "", eligible_on <= day)
    if which is EligibilityFilter.WITHIN_90_DAYS:
        return and_(eligible_on > day, eligible_on <= (today + timedelta(days=90)).isoformat())
    if which is EligibilityFilter.NOT_YET:
        return eligible_on > day
    return eligible_on == ""


def _sort_key(order_by: str) -> SortKey:
    key = SORT_COLUMNS.get(order_by)
    if key is None:
        raise InvalidInput(f"Cannot sort by {order_by!r}; columns: {', '.join(SORT_COLUMNS)}.")
    return key


def _ids(session: Session, case_filter: CaseFilter, today: date) -> Select[Any]:
    """The ids of the matching cases, from ``cases`` alone (every case has one vehicle and at
    most one customer, so joins never change which)."""
    return _filtered(session, select(Case.id).select_from(Case), case_filter, today)


def _ordered(
    query: Select[Any],
    key: SortKey,
    descending: bool,
    after: Position | None,
    *,
    row_values: bool = False,
) -> Select[Any]:
    """``query`` in the order of ``key`` (``descending`` as stored), from just after
    ``after``: a range of the key's index, never an OFFSET. With ``row_values`` (PostgreSQL)
    the position is one row comparison, ``(key, id) > (value, id)``, which the (key, id) index
    starts at directly; otherwise the key's range with the id tested in it (SQLite's way),
    which on PostgreSQL reads the run of equal keys up to the position row by row."""
    column = key.column
    by_id = column is Case.id
    if after is not None:
        value, case_id = after
        if by_id:
            query = query.where(Case.id < case_id if descending else Case.id > case_id)
        elif row_values:
            position = tuple_(column, Case.id)
            start = tuple_(literal(value, column.type), literal(case_id, Case.id.type))
            query = query.where(position < start if descending else position > start)
        elif descending:
            query = query.where(column <= value, or_(column < value, Case.id < case_id))
        else:
            query = query.where(column >= value, or_(column > value, Case.id > case_id))
    ids = Case.id.desc() if descending else Case.id.asc()
    if by_id:
        return query.order_by(ids)
    return query.order_by(column.desc() if descending else column.asc(), ids)


def count_cases(
    session: Session, case_filter: CaseFilter, *, today: date, at_most: int | None = None
) -> int:
    """How many cases match; with ``at_most``, counting stops there (a bounded cost, for a
    "1,000+" shown at once while the exact count is on its way)."""
    ids = _ids(session, case_filter, today)
    if at_most is not None:
        ids = ids.limit(at_most)
    return int(session.scalar(select(func.count()).select_from(ids.subquery())) or 0)


def count_cases_unless(
    session: Session,
    case_filter: CaseFilter,
    *,
    today: date,
    stop: Callable[[], bool],
    check_every: int = 50_000,
) -> int | None:
    """The exact count, or None once ``stop()`` says nobody wants it any more (the filter
    changed while typing): on SQLite the count then stops within a few thousand steps rather
    than run to its end; elsewhere it runs to its end."""
    if stop():
        return None
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return count_cases(session, case_filter, today=today)
    driver = connection.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    # Asked every ``check_every`` virtual-machine steps (50,000: about a millisecond): often
    # enough to stop at once, rarely enough not to contend with the GUI thread for Python.
    driver.set_progress_handler(lambda: 1 if stop() else 0, check_every)
    try:
        return count_cases(session, case_filter, today=today)
    except OperationalError:
        if stop():
            return None  # interrupted: stale
        raise
    finally:
        driver.set_progress_handler(None, 0)


def read_page(
    session: Session,
    case_filter: CaseFilter = CaseFilter(),
    *,
    today: date,
    order_by: str = "number",
    descending: bool = False,
    after: Position | None = None,
    before: Position | None = None,
    last: bool = False,
    limit: int | None = None,
) -> CasePage:
    """One page of the case list, filtered and sorted in SQL, in display order: the first
    (no position), the one just ``after`` or ``before`` a row, or the ``last`` (read by the
    reversed query). Its cost is the page's, whatever the size of the list: the ids are read
    from ``cases`` alone along the sort key's index, then only they are joined."""
    key = _sort_key(order_by)
    stored_descending = descending != key.reversed
    backwards = before is not None or last
    ids = _ordered(
        _ids(session, case_filter, today).add_columns(key.column.label("sort_value")),
        key,
        stored_descending != backwards,
        before if backwards else after,
        row_values=session.get_bind().dialect.name == "postgresql",
    )
    if limit is not None:
        ids = ids.limit(limit)
    page = ids.subquery("page")
    query = (
        select(
            Case.id,
            Vehicle.chassis_number,
            Vehicle.make,
            Vehicle.model,
            Vehicle.built,
            Vehicle.fmvss_eligible_on,
            Customer.name,
            Case.destination_state,
            Case.stage,
            Case.stage_since,
            _has_blocked_step(),
            Case.eta,
            page.c.sort_value,
        )
        .select_from(page)
        .join(Case, Case.id == page.c.id)
        .join(Vehicle, Case.vehicle_id == Vehicle.id)
        .outerjoin(Customer, Case.customer_id == Customer.id)
    )
    inner_descending = stored_descending != backwards
    if key.column is Case.id:
        query = query.order_by(page.c.id.desc() if inner_descending else page.c.id)
    elif inner_descending:
        query = query.order_by(page.c.sort_value.desc(), page.c.id.desc())
    else:
        query = query.order_by(page.c.sort_value, page.c.id)
    rows = list(session.connection().execute(query))  # Core: no ORM loading per row
    if backwards:
        rows.reverse()
    return CasePage(
        rows=[
            CaseSummary(
                id=row[0],
                number=case_number(row[0]),
                chassis=row[1],
                make=row[2],
                model=row[3],
                built=row[4],
                fmvss_eligible_on=row[5],
                customer=row[6],
                state=row[7],
                stage=row[8],
                stage_since=row[9],
                blocked=bool(row[10]),
                eta=row[11],
            )
            for row in rows
        ],
        first=(rows[0][12], rows[0][0]) if rows else None,
        last=(rows[-1][12], rows[-1][0]) if rows else None,
    )


def position_before(
    session: Session,
    case_filter: CaseFilter,
    *,
    today: date,
    order_by: str = "number",
    descending: bool = False,
    row: int,
    total: int | None,
) -> Position | None:
    """The position of the row just before ``row`` of ``total``, to read the page at a row
    reached by dragging the scrollbar (paging and jumping to either end never need it): a
    skip along the sort key's index from the nearer end (from the start when ``total`` is
    not known yet), reading no case. None for row 0."""
    if row <= 0:
        return None
    key = _sort_key(order_by)
    stored_descending = descending != key.reversed
    backwards = total is not None and total - row < row
    query = _ordered(
        _ids(session, case_filter, today).add_columns(key.column),
        key,
        stored_descending != backwards,
        None,
    )
    query = query.offset(total - row if total is not None and backwards else row - 1).limit(1)
    found = session.execute(query).first()
    return None if found is None else (found[1], found[0])


def iter_cases(
    session: Session,
    case_filter: CaseFilter = CaseFilter(),
    *,
    today: date,
    order_by: str = "number",
    descending: bool = False,
    limit: int | None = None,
    batch: int = 2_000,
) -> Iterator[CaseSummary]:
    """Every matching case (at most ``limit``) in list order, read a page at a time."""
    after: Position | None = None
    left = limit
    while left is None or left > 0:
        size = batch if left is None else min(batch, left)
        page = read_page(
            session,
            case_filter,
            today=today,
            order_by=order_by,
            descending=descending,
            after=after,
            limit=size,
        )
        yield from page.rows
        if len(page.rows) < size:
            return
        after = page.last
        if left is not None:
            left -= size


def list_cases(
    session: Session,
    case_filter: CaseFilter = CaseFilter(),
    *,
    today: date,
    order_by: str = "number",
    descending: bool = False,
    limit: int | None = None,
) -> list[CaseSummary]:
    """The matching cases (at most ``limit``) in list order, as one list (read with
    :func:`iter_cases`, a keyset page at a time)."""
    return list(
        iter_cases(
            session,
            case_filter,
            today=today,
            order_by=order_by,
            descending=descending,
            limit=limit,
        )
    )


def stage_counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(Case.stage, func.count()).group_by(Case.stage))
    return {stage: int(count) for stage, count in rows}


def case_ids_in_stage(session: Session, stage: str) -> Sequence[int]:
    return list(session.scalars(select(Case.id).where(Case.stage == stage).order_by(Case.id)))
