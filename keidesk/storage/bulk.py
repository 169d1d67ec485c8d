"""Writing many new rows fast: plain INSERTs from ORM objects that never joined the session.

The session's unit of work costs about a millisecond per case (eleven objects each), which made
a 10,000-row import take 13 s. Services still build and check each case as ORM objects, with
the same rules as always; :func:`insert_new` then writes those objects with one executemany per
table and adds what the flush hooks in :mod:`keidesk.storage.events` would have added: the
search text of each case and a "create" entry in the history.

The objects must be transient (never added to a session), without primary keys (the database
gives them, :func:`reserve_ids`, and they are set on the objects before their rows are
written), and linked only
to each other or to rows already written (a many-to-one to a persistent object is set with
``sqlalchemy.orm.attributes.set_committed_value``, so the persistent side does not try to
cascade the new object into its session).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, cast

from sqlalchemy import Column, Engine, Table, func, insert, select, text
from sqlalchemy.orm import Mapper, RelationshipDirection, Session, object_mapper

from keidesk.storage import events
from keidesk.storage.models import Base, Case

#: Rows per INSERT statement execution: bounds the memory a huge batch holds at once.
CHUNK_ROWS = 20_000
#: SQLite's page cache (KiB) while a bulk insert runs under :func:`indexes_deferred`; it also
#: bounds the memory each index's sort takes at the end.
BULK_CACHE_KIB = 65_536


def insert_new(session: Session, objects: Iterable[Any]) -> None:
    """Write the transient ``objects`` (and nothing else) as new rows, in dependency order,
    with the search text and history the session's flush hooks would record for them."""
    by_table: dict[str, list[Any]] = defaultdict(list)
    for obj in objects:
        if isinstance(obj, Case):
            events.keep_derived(obj)
        by_table[obj.__tablename__].append(obj)
    connection = session.connection()
    created: list[Any] = []
    for table in Base.metadata.sorted_tables:
        group = by_table.get(table.name)
        if not group:
            continue
        mapper = object_mapper(group[0])
        (key,) = mapper.primary_key
        id_attribute = mapper.get_property_by_column(key).key
        if any(getattr(obj, id_attribute, None) is not None for obj in group):
            raise ValueError(f"new {table.name} rows get their ids from the database")
        for obj, new_id in zip(group, reserve_ids(session, table, len(group)), strict=True):
            setattr(obj, id_attribute, new_id)
        rows = [_row(mapper, obj) for obj in group]
        for start in range(0, len(rows), CHUNK_ROWS):
            connection.execute(insert(table), rows[start : start + CHUNK_ROWS])
        created.extend(group)
    events.record_created(session, created)


def reserve_ids(session: Session, table: Table, count: int) -> Sequence[int]:
    """``count`` new ids for rows of ``table`` (its integer primary key), given by the database
    and never given again: on a server, from the table's sequence (several seats insert at
    once, and the sequence stays ahead of every row); on SQLite, the ids after the largest, which
    the transaction's write lock (``BEGIN IMMEDIATE``) keeps for it until it commits."""
    (key,) = table.primary_key.columns
    connection = session.connection()
    if count <= 0:
        return ()
    if connection.dialect.name == "postgresql":
        sequence = connection.scalar(
            text("SELECT pg_get_serial_sequence(:table, :column)"),
            {"table": table.name, "column": key.name},
        )
        return list(
            connection.scalars(
                text("SELECT nextval(CAST(:sequence AS regclass)) FROM generate_series(1, :n)"),
                {"sequence": sequence, "n": count},
            )
        )
    first = int(connection.scalar(select(func.max(key))) or 0) + 1
    return range(first, first + count)


def _row(mapper: Mapper[Any], obj: Any) -> dict[str, Any]:
    """Every column's value: as set on the object, else from the related object a
    many-to-one points at, else the column's default."""
    values = obj.__dict__
    row: dict[str, Any] = {}
    for prop in mapper.column_attrs:
        column = cast(Column[Any], prop.columns[0])
        if prop.key in values:
            row[column.key] = values[prop.key]
        else:
            row[column.key] = _default(column)
    for relationship in mapper.relationships:
        if relationship.direction is not RelationshipDirection.MANYTOONE:
            continue
        if relationship.key not in values or relationship.viewonly:
            continue
        related = values[relationship.key]
        for local, remote in relationship.local_remote_pairs:
            row[str(local.key)] = None if related is None else getattr(related, str(remote.key))
    return row


def _default(column: Column[Any]) -> Any:
    default = column.default
    if default is None or column.primary_key:
        return None
    if default.is_callable:
        return default.arg(None)  # type: ignore[attr-defined]  # SQLAlchemy wraps it to take a context
    if default.is_scalar:
        return default.arg  # type: ignore[attr-defined]
    raise ValueError(f"{column} has a default that only the database can compute")


def driver_value(session: Session, column: Column[Any]) -> Callable[[Any], Any]:
    """What :func:`insert_rows` expects in place of a value of ``column``: on SQLite, the value
    as the driver gets it (its type's bind processing: a timestamp in UTC as text, an enum as
    its value), so a bulk writer converts each distinct value once rather than every row; the
    value as it is elsewhere (the Core insert there binds it)."""
    dialect = session.connection().dialect
    process = column.type.dialect_impl(dialect).bind_processor(dialect)
    if dialect.paramstyle != "qmark" or process is None:
        return _as_it_is
    return lambda value: None if value is None else process(value)


def _as_it_is(value: Any) -> Any:
    return value


def insert_rows(
    session: Session, table: Table, names: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """Insert plain rows (tuples of the values of the columns ``names``, each converted by
    :func:`driver_value`): on SQLite one executemany on the driver, without the per-row
    parameter handling of a Core ``insert`` (most of the time of a big demo)."""
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.paramstyle != "qmark":
        connection.execute(insert(table), [dict(zip(names, row, strict=True)) for row in rows])
        return
    statement = (
        f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
    )
    connection.exec_driver_sql(statement, rows)


@contextmanager
def indexes_deferred(session: Session, tables: Iterable[Table]) -> Iterator[None]:
    """Build the indexes of ``tables`` once, after the rows written inside, rather than row by
    row (on SQLite; elsewhere it does nothing):

    - the search index of the cases added, in one statement rather than through the insert
      trigger (FTS5 writes a segment per statement that way: twenty times slower);
    - every other index but those that keep values unique, dropped and made again from its
      own SQL, so the schema stays as it was: sorting a million keys once costs a fraction of
      inserting them one at a time in random order.

    All of it is inside the session's transaction. If the body fails, the transaction is
    rolled back here, which brings back the indexes and the trigger with nothing half-added
    (nothing is built for rows that are going)."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    names = ", ".join(f"'{table.name}'" for table in tables)
    indexes = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ({names}) ORDER BY name"
    ).all()
    trigger = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'cases_fts_insert'"
    ).scalar()
    first = int(connection.scalar(select(func.max(Case.id))) or 0) + 1
    cache = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    # A bigger page cache while the tables and the unique indexes grow, and for sorting the
    # keys of each index (a million cases: fewer pages written out and read back), given
    # back after.
    connection.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    restore = f"PRAGMA cache_size = {int(cache or -2000)}"
    try:
        for name, _ in indexes:
            connection.exec_driver_sql(f'DROP INDEX "{name}"')
        if trigger:
            connection.exec_driver_sql("DROP TRIGGER cases_fts_insert")
        yield
        if trigger:
            connection.exec_driver_sql(
                "INSERT INTO case_fts(rowid, search_text) SELECT id, search_text FROM cases"
                " WHERE id >= ?",
                (first,),
            )
            connection.exec_driver_sql(str(trigger))
        for _, sql in indexes:
            connection.exec_driver_sql(str(sql))
    except BaseException:
        connection.exec_driver_sql(restore)
        session.rollback()
        raise
    connection.exec_driver_sql(restore)


@contextmanager
def journal_for_a_new_file(engine: Engine) -> Iterator[None]:
    """While a bulk load fills a SQLite file that has no case yet: a rollback journal rather
    than the write-ahead log, and the log again after. With the log, a million cases would be
    written twice (to the log, then into the file at the checkpoint) and every page read
    looked up among millions of logged pages; a new file's journal holds next to nothing, as
    its pages are new. A crash still leaves the file as it was before the load.

    It does nothing elsewhere, on a file with cases, or when the file is open on another
    connection (SQLite then refuses to leave the log)."""
    if engine.dialect.name != "sqlite":
        yield
        return
    switched = False
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        if cursor.execute("SELECT NOT EXISTS (SELECT 1 FROM cases)").fetchone()[0]:
            switched = cursor.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    except sqlite3.OperationalError:  # another connection has the file open: left as it is
        switched = False
    finally:
        connection.close()
    try:
        yield
    finally:
        if switched:
            connection = engine.raw_connection()
            try:
                connection.cursor().execute("PRAGMA journal_mode = WAL")
            finally:
                connection.close()
