"""``keidesk check``: is the database sound, and is every file it refers to present and intact?

On a database file: ``PRAGMA integrity_check`` and the foreign keys, then every referenced file
in the folder beside it is re-hashed. On a server (PostgreSQL checks its own structure and
foreign keys as it writes): every stored attachment's chunks are complete, and every referenced
attachment is re-hashed from the database itself, not from a seat's cache."""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass

from sqlalchemy import func, select

from keidesk.dataio import server_backup
from keidesk.services.documents import DatabaseAttachmentStore, attachment_store, sha256_of
from keidesk.services.profile import load_profile
from keidesk.storage.database import Database, read_only_uri
from keidesk.storage.errors import translate
from keidesk.storage.models import AttachmentBlob, AttachmentChunk, Document, case_number


@dataclass(frozen=True, slots=True)
class CheckReport:
    database_ok: bool
    documents_checked: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _server_problems(database: Database) -> list[str]:
    """Stored attachments whose chunks do not add up to their size, or are not numbered
    0, 1, 2… without a gap."""
    with database.reader() as session:
        rows = session.execute(
            select(
                AttachmentBlob.sha256,
                AttachmentBlob.size_bytes,
                func.coalesce(func.sum(func.length(AttachmentChunk.data)), 0),
                func.count(AttachmentChunk.part),
                func.coalesce(func.max(AttachmentChunk.part), -1),
            )
            .outerjoin(AttachmentChunk, AttachmentChunk.sha256 == AttachmentBlob.sha256)
            .group_by(AttachmentBlob.sha256, AttachmentBlob.size_bytes)
        ).all()
    return [
        f"database: stored attachment {sha[:12]}… is incomplete ({total:,} of {size:,} bytes)"
        for sha, size, total, parts, last in rows
        if total != size or parts != last + 1
    ]


def _database_problems(database: Database) -> list[str]:
    if database.engine.dialect.name != "sqlite":
        return _server_problems(database)
    if database.path is None:
        return []
    try:
        with contextlib.closing(
            sqlite3.connect(read_only_uri(database.path), uri=True, timeout=5.0)
        ) as connection:
            integrity = [str(r[0]) for r in connection.execute("PRAGMA integrity_check")]
            foreign = connection.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        error = translate(exc, database.path)
        if error is None:
            raise
        return [str(error)]
    problems = [] if integrity == ["ok"] else [f"database: {line}" for line in integrity]
    problems.extend(
        f"database: a row in {table} (row {rowid}) refers to a missing {parent} row"
        for table, rowid, parent, _fk in foreign
    )
    return problems


def check(database: Database) -> CheckReport:
    """Run ``PRAGMA integrity_check`` and re-hash every referenced attachment."""
    problems = _database_problems(database)
    database_ok = not problems
    store = attachment_store(database)
    checked = 0
    if database_ok:
        with database.reader() as session:
            documents = session.execute(
                select(Document.sha256, Document.case_id, Document.title).order_by(Document.id)
            ).all()
            logo = load_profile(session).logo_sha256
        wanted: dict[str, str] = {}
        for sha, case_id, title in documents:
            wanted.setdefault(sha, f"{case_number(case_id)} {title!r}")
        if logo:
            wanted.setdefault(logo, "the importer profile's logo")
        if isinstance(store, DatabaseAttachmentStore):
            with database.engine.connect() as connection:
                for sha, owner in wanted.items():
                    checked += 1
                    got, _size = server_backup.blob_digest(connection, sha)
                    if not store.has(sha):
                        problems.append(f"{owner}: the file is missing from the database")
                    elif got != sha:
                        problems.append(f"{owner}: the file is damaged (its SHA-256 changed)")
            wanted = {}
        for sha, owner in wanted.items():
            checked += 1
            path = store.path_for(sha)
            if not path.is_file():
                problems.append(f"{owner}: the file is missing ({path})")
            elif sha256_of(path) != sha:
                problems.append(f"{owner}: the file is damaged (its SHA-256 changed) ({path})")
    return CheckReport(database_ok=database_ok, documents_checked=checked, problems=tuple(problems))
