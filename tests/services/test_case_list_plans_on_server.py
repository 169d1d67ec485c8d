"""The case list on PostgreSQL uses its indexes as it does on SQLite: the first page, the last
page and a keyset page after any sort read along an index on (key, id), with no sort step
(migration 0013), a keyset page starting at its position by a row comparison, and a searched
word is a LIKE that the trigram index serves. Asked of the
planner with sorting and whole-table scans priced out, so the answer does not depend on how
many rows the test database holds."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.orm import Session

from keidesk.services import cases
from keidesk.storage.database import Database, open_database
from keidesk.storage.models import Case

TODAY = date(2026, 11, 21)


@pytest.fixture
def server_db(postgres_url: str) -> Iterator[Database]:
    database = open_database(postgres_url)
    yield database
    database.close()


def _plans(db: Database, read: Callable[[Session], Any]) -> list[str]:
    """The plans of the statements ``read`` runs, as the planner would choose them if sorting
    and scanning a whole table were ruinous."""
    statements: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        with db.reader() as session:
            read(session)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    plans = []
    with db.reader() as session:
        for setting in ("enable_sort", "enable_incremental_sort", "enable_seqscan"):
            session.execute(text(f"SET LOCAL {setting} = off"))
        connection = session.connection()
        for statement, params in statements:
            rows = connection.exec_driver_sql("EXPLAIN " + statement, params).all()
            plans.append("\n".join(row[0] for row in rows))
    return plans


@pytest.mark.parametrize("column", list(cases.SORT_COLUMNS))
def test_every_sort_reads_its_pages_along_an_index_without_sorting(
    server_db: Database, column: str
) -> None:
    key = cases.SORT_COLUMNS[column].column
    after: cases.Position = (
        (datetime(2026, 1, 1, tzinfo=UTC), 7)
        if key is Case.stage_since
        else (7 if key is Case.id else "m", 7)
    )
    index = "cases_pkey" if key is Case.id else f"ix_cases_{key.key}_id"
    for descending in (False, True):
        for page in (
            {},
            {"last": True},
            {"after": after},
            {"before": after},
        ):
            plans = _plans(
                server_db,
                lambda session, d=descending, p=page: cases.read_page(  # type: ignore[misc]
                    session, today=TODAY, order_by=column, descending=d, limit=200, **p
                ),
            )
            assert plans, column
            assert index in plans[0], (column, descending, page, plans[0])
            assert "Sort" not in plans[0], (column, descending, page, plans[0])
            if page.keys() & {"after", "before"} and key is not Case.id:
                # Started at the position by one row comparison, not the run of equal keys
                # read up to it.
                assert "Index Cond: (ROW(" in plans[0], (column, descending, page, plans[0])


def test_the_sort_indexes_are_on_the_key_then_the_id(server_db: Database) -> None:
    keys = [str(key.column.key) for key in cases.SORT_COLUMNS.values() if key.column is not Case.id]
    with server_db.reader() as session:
        found: dict[str, str] = dict(
            session.execute(
                text("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'cases'")
            ).all()
        )
    for name in keys:
        assert found[f"ix_cases_{name}_id"].endswith(f"({name}, id)"), name


def test_a_searched_word_is_a_like_the_trigram_index_serves(server_db: Database) -> None:
    """LIKE, not ILIKE: the stored text and the typed words are folded alike, and ILIKE would
    fold every row's text again as it tests it (3-4 times slower per row)."""
    plans = _plans(
        server_db,
        lambda session: cases.count_cases(
            session, cases.CaseFilter(search="Fontenot"), today=TODAY, at_most=1001
        ),
    )
    assert "ix_cases_search_text_trgm" in plans[0], plans[0]
    assert "~~ '%fontenot%'" in plans[0], plans[0]
    assert "~~*" not in plans[0], plans[0]
