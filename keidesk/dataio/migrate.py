"""Moving in: ``keidesk migrate-to URL`` copies a laptop's database file into a new, empty office
server database.

Everything that belongs to the data is copied as it is, ids included: cases, vehicles,
customers, steps, documents and the bytes of every file they refer to (into the server's
attachment tables, see :mod:`keidesk.services.documents`), the whole history, state rules with
their versions, chassis codes and the settings (the importer's profile, remembered import
layouts). Not copied: the laptop's backup log and last restore, which speak of backups of the
file, not of the server. The id sequences are then set past the highest id of each table, so
the next row a seat adds gets a new id.

The laptop's file is only read (it is opened read-only) and stays as it was; it remains a
complete database of its own. Before anything is written to the server, every file the
documents refer to is re-hashed and the server database is checked to be empty. The rows and
files are written in one transaction, checked against the laptop's (the row count of every
table, a digest of every table's rows in id order, and every file re-hashed from the server)
before it is committed; the schema is created first by the usual migrations, and taken out
again if the copy does not go through, so a refused or failed move leaves the server database
empty.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, insert, select, text
from sqlalchemy.exc import DBAPIError

from keidesk.dataio import server_backup
from keidesk.dataio.backup import BOOKKEEPING_SETTINGS, is_server
from keidesk.domain.errors import InvalidInput
from keidesk.services.documents import CHUNK, AttachmentStore, sha256_of
from keidesk.storage.database import Database, alembic_config, locate
from keidesk.storage.errors import StorageError
from keidesk.storage.models import AttachmentBlob, AttachmentChunk, Base, Document, Setting

#: Rows read and written at a time.
BATCH = 1000
#: Tables filled from the laptop's attachment folder rather than from its (empty) tables.
_FILE_TABLES = {AttachmentBlob.__tablename__, AttachmentChunk.__tablename__}


@dataclass(frozen=True, slots=True)
class MoveResult:
    target: str  # the server database, its password hidden
    cases: int
    rows: dict[str, int] = field(default_factory=dict)  # rows copied, per table
    attachments: int = 0
    attachment_bytes: int = 0
    verified: bool = True


def _tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name not in _FILE_TABLES]


def _rows(connection: Connection, table: Table) -> Iterable[dict[str, Any]]:
    """The table's rows in primary-key order (the laptop's bookkeeping settings left out)."""
    query = select(table).order_by(*table.primary_key.columns)
    if table.name == Setting.__tablename__:
        query = query.where(table.c.key.not_in(BOOKKEEPING_SETTINGS))
    result = connection.execution_options(yield_per=BATCH).execute(query)
    for row in result:
        yield dict(row._mapping)


def _digest(connection: Connection, table: Table) -> tuple[int, str]:
    """How many rows, and a SHA-256 of all of them in primary-key order, as Python values (so
    the same data read from SQLite and from PostgreSQL give the same digest)."""
    digest = hashlib.sha256()
    count = 0
    for row in _rows(connection, table):
        count += 1
        digest.update(json.dumps(row, sort_keys=True, default=str).encode())
    return count, digest.hexdigest()


def _wanted_files(source: Database) -> dict[str, str]:
    """Every file the laptop's data refer to, by hash: who refers to it."""
    from keidesk.services.profile import load_profile  # noqa: PLC0415

    with source.reader() as session:
        rows = session.execute(select(Document.sha256, Document.title).order_by(Document.id))
        wanted: dict[str, str] = {}
        for sha, title in rows:
            wanted.setdefault(sha, f"the document {title!r}")
        logo = load_profile(session).logo_sha256
    if logo:
        wanted.setdefault(logo, "the importer profile's logo")
    return wanted


def _check_files(store: AttachmentStore, wanted: dict[str, str]) -> None:
    for sha, owner in wanted.items():
        path = store.path_for(sha)
        if not path.is_file():
            raise InvalidInput(
                f"The file of {owner} is missing from {store.root}; nothing was moved. "
                "Run 'keidesk check' and re-attach it (or restore a backup) first."
            )
        if sha256_of(path) != sha:
            raise InvalidInput(
                f"The file of {owner} is damaged (its SHA-256 changed); nothing was moved. "
                "Run 'keidesk check' first."
            )


def _copy_file(connection: Connection, path: Path, sha: str) -> int:
    size = path.stat().st_size
    connection.execute(insert(AttachmentBlob).values(sha256=sha, size_bytes=size))
    with path.open("rb") as handle:
        part = 0
        while chunk := handle.read(CHUNK):
            connection.execute(insert(AttachmentChunk).values(sha256=sha, part=part, data=chunk))
            part += 1
    return size


def _set_sequences(connection: Connection) -> None:
    """Each id sequence past the highest id copied (ids were copied as they were)."""
    for table in _tables():
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not keys[0].autoincrement or keys[0].type.python_type is not int:
            continue
        column = keys[0].name
        sequence = connection.execute(
            text("SELECT pg_get_serial_sequence(:table, :column)"),
            {"table": table.name, "column": column},
        ).scalar()
        if sequence:
            connection.execute(
                text(
                    f'SELECT setval(:sequence, (SELECT COALESCE(MAX("{column}"), 0) + 1 '
                    f'FROM "{table.name}"), false)'
                ),
                {"sequence": sequence},
            )


def _drop_created(engine: Engine) -> None:
    """Take out what the migrations created, so a failed move leaves the database empty (it was
    empty before: checked)."""
    with engine.begin() as connection:
        for name in server_backup.user_tables(connection):
            schema, _dot, table = name.partition(".")
            connection.execute(text(f'DROP TABLE IF EXISTS "{schema}"."{table}" CASCADE'))


def migrate_to(source: Database, target: str, *, user: str) -> MoveResult:
    """Copy the laptop database ``source`` (opened read-only) into the new, empty server
    database at the URL ``target``; see the module docstring."""
    del user  # the copy records no history of its own: the history moves as it was
    if is_server(source) or source.path is None:
        raise InvalidInput(
            "migrate-to copies a keidesk database FILE to a server: give the file with --db."
        )
    location = locate(target)
    if location.path is not None or location.url.get_backend_name() != "postgresql":
        raise InvalidInput(
            f"{location.label} is not a server database; migrate-to needs its URL, such as "
            "postgresql+psycopg://USER@HOST/DATABASE."
        )
    store = AttachmentStore(source.folder)
    wanted = _wanted_files(source)
    _check_files(store, wanted)
    with server_backup.server_engine(location) as engine:
        with engine.connect() as connection:
            server_backup.refuse_unless_empty(connection, location.label, "moves a laptop's data")
        from alembic import command  # noqa: PLC0415 - alembic only when a migration runs

        command.upgrade(alembic_config(engine), "head")
        try:
            return _copy(source, engine, store, wanted, location.label)
        except BaseException:
            _drop_created(engine)
            raise


def _copy(
    source: Database,
    engine: Engine,
    store: AttachmentStore,
    wanted: dict[str, str],
    label: str,
) -> MoveResult:
    rows: dict[str, int] = {}
    expected: dict[str, tuple[int, str]] = {}
    total_bytes = 0
    with source.engine.connect() as reading, engine.begin() as writing:
        current = ""
        try:
            for table in _tables():
                current = table.name
                batch: list[dict[str, Any]] = []
                count = 0
                for row in _rows(reading, table):
                    batch.append(row)
                    if len(batch) >= BATCH:
                        writing.execute(insert(table), batch)
                        count += len(batch)
                        batch = []
                if batch:
                    writing.execute(insert(table), batch)
                    count += len(batch)
                rows[table.name] = count
                expected[table.name] = _digest(reading, table)
            current = "attachments"
            for sha in sorted(wanted):
                total_bytes += _copy_file(writing, store.path_for(sha), sha)
            _set_sequences(writing)
        except DBAPIError as exc:
            raise StorageError(
                f"The move stopped at {current}: {str(exc.orig).strip().splitlines()[0]}. "
                f"The server database {label} was left empty; the laptop's file is unchanged."
            ) from None
        problems = [
            f"{name}: the server's rows differ from the laptop's"
            for name, (count, digest) in expected.items()
            if _digest(writing, Base.metadata.tables[name]) != (count, digest)
        ]
        problems += server_backup.blob_problems(
            writing,
            [{"sha256": sha, "size": store.path_for(sha).stat().st_size} for sha in wanted],
        )
        if problems:
            raise StorageError(
                f"The copy did not match the laptop's data ({problems[0]}); nothing was kept "
                f"on the server ({label}). The laptop's file is unchanged."
            )
    return MoveResult(
        target=label,
        cases=rows.get("cases", 0),
        rows=rows,
        attachments=len(wanted),
        attachment_bytes=total_bytes,
    )
