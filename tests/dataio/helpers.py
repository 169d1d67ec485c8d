"""Shared helpers for the data-in/data-out tests: a fingerprint of everything saved."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine

from keidesk.storage.database import Database, read_only_uri

TABLES = (
    "cases",
    "vehicles",
    "customers",
    "workflow_steps",
    "documents",
    "history",
    "settings",
    "costs",
)


def fingerprint(database: Database) -> dict[str, int]:
    """Row counts of every table that holds user data: equal before and after means nothing
    was written (the history table is append-only, so any change adds to it)."""
    if database.is_server:
        with database.engine.connect() as server:
            return {
                t: int(server.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar_one())
                for t in TABLES
            }
    assert database.path is not None
    database.engine.dispose()
    with sqlite3.connect(read_only_uri(database.path), uri=True) as connection:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def rewrite_bundle(source: Path, out: Path, case_docs: list[Any]) -> Path:
    """A consistent bundle (manifest updated) carrying ``case_docs`` instead of its cases."""
    document = json.loads(zipfile.ZipFile(source).read("bundle.json"))
    document["cases"] = case_docs
    return bundle_with_document(source, out, json.dumps(document).encode())


def bundle_with_document(source: Path, out: Path, data: bytes) -> Path:
    """``source`` with ``data`` as its bundle.json, the manifest's hash updated to match."""
    original = zipfile.ZipFile(source)
    manifest = json.loads(original.read("manifest.json"))
    manifest["files"]["bundle.json"] = hashlib.sha256(data).hexdigest()
    with zipfile.ZipFile(out, "w") as archive:
        for name in original.namelist():
            if name == "bundle.json":
                archive.writestr(name, data)
            elif name == "manifest.json":
                archive.writestr(name, json.dumps(manifest))
            else:
                archive.writestr(name, original.read(name))
    return out


def dump_digest(path: Path | str) -> str:
    """A digest of everything the database holds (schema and every row, as SQL): equal before
    and after means nothing changed, not just no row added. ``path``: an SQLite file, or the
    URL of a database on the test's PostgreSQL server (its columns and rows; not its
    sequences, which even a refused insert advances)."""
    if isinstance(path, str) and "://" in path:
        return _server_digest(path)
    with sqlite3.connect(read_only_uri(Path(path)), uri=True) as connection:
        text = "\n".join(connection.iterdump())
    connection.close()
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _server_digest(url: str) -> str:
    engine = create_engine(url)
    digest = hashlib.sha256()
    try:
        with engine.connect() as connection:
            columns = connection.exec_driver_sql(
                "SELECT table_name, column_name, data_type, column_default FROM"
                " information_schema.columns WHERE table_schema = 'public'"
                " ORDER BY table_name, ordinal_position"
            ).all()
            digest.update(repr(columns).encode())
            for (table,) in connection.exec_driver_sql(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            ):
                rows = connection.exec_driver_sql(
                    f'SELECT t::text FROM "{table}" t ORDER BY 1'
                ).scalars()
                digest.update(f"{table}:{list(rows)!r}".encode("utf-8", "surrogatepass"))
    finally:
        engine.dispose()
    return digest.hexdigest()
