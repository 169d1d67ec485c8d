"""Helpers for the tests of backups and moves on a server database."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import create_engine, func, select

from keidesk import clock
from keidesk.dataio import server_backup
from keidesk.services.demo import build_demo
from keidesk.services.documents import AttachmentStore, StoredFile, add_document
from keidesk.storage.database import Database
from keidesk.storage.models import Case

#: Three papers: one over a chunk (1 MB), two small.
FILES = {
    "export-cert.pdf": bytes(range(256)) * 5000,
    "plate.jpg": b"\xff\xd8 the chassis plate",
    "invoice.pdf": b"%PDF-1.4 the invoice",
}


def counts_and_files(url: str) -> tuple[dict[str, int], dict[str, str]]:
    """Every keidesk table's row count, and each stored attachment's hash as re-hashed from its
    chunks (sha -> computed sha)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            counts = server_backup.table_counts(connection)
            files = {
                entry["sha256"]: server_backup.blob_digest(connection, entry["sha256"])[0]
                for entry in server_backup.blob_list(connection)
            }
    finally:
        engine.dispose()
    return counts, files


def populate(database: Database, store: AttachmentStore, folder: Path, *, cases: int) -> list[str]:
    """``cases`` demo cases (the demo's bulk path gives ids itself), then FILES attached to the
    first case."""
    with database.transaction("tester") as session:
        if cases:
            build_demo(session, cases=cases, today=clock.today())
        first = int(session.scalar(select(func.min(Case.id))) or 0)
    folder.mkdir(parents=True, exist_ok=True)
    stored: list[StoredFile] = []
    for name, content in FILES.items():
        (folder / name).write_bytes(content)
        stored.append(store.put(folder / name))
    with database.transaction("tester") as session:
        for item in stored:
            add_document(session, first, item, user="tester")
    return [item.sha256 for item in stored]


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
