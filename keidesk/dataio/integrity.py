"""``keidesk check``: is the database sound, and is every file it refers to present and intact?"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass

from sqlalchemy import select

from keidesk.services.documents import attachment_store, sha256_of
from keidesk.services.profile import load_profile
from keidesk.storage.database import Database, read_only_uri
from keidesk.storage.errors import translate
from keidesk.storage.models import Document, case_number


@dataclass(frozen=True, slots=True)
class CheckReport:
    database_ok: bool
    documents_checked: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _database_problems(database: Database) -> list[str]:
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
        for sha, owner in wanted.items():
            checked += 1
            path = store.path_for(sha)
            if not path.is_file():
                problems.append(f"{owner}: the file is missing ({path})")
            elif sha256_of(path) != sha:
                problems.append(f"{owner}: the file is damaged (its SHA-256 changed) ({path})")
    return CheckReport(database_ok=database_ok, documents_checked=checked, problems=tuple(problems))
