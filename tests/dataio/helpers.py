"""Shared helpers for the data-in/data-out tests: a fingerprint of everything saved."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from keidesk.storage.database import Database, read_only_uri

TABLES = ("cases", "vehicles", "customers", "workflow_steps", "documents", "history", "settings")


def fingerprint(database: Database) -> dict[str, int]:
    """Row counts of every table that holds user data: equal before and after means nothing
    was written (the history table is append-only, so any change adds to it)."""
    assert database.path is not None
    database.engine.dispose()
    with sqlite3.connect(read_only_uri(database.path), uri=True) as connection:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path
