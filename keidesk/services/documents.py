"""The managed attachment folder: files kept by content hash beside the database."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from keidesk.domain.errors import InvalidInput, NotFound
from keidesk.domain.workflow import StepKey
from keidesk.services.views import DocumentView
from keidesk.storage.models import Case, Document

CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class StoredFile:
    """A file copied into the store, not yet recorded: :meth:`AttachmentStore.put` makes it
    outside any transaction and :func:`add_document` records it without touching a file."""

    sha256: str
    size_bytes: int
    original_name: str
    media_type: str


class AttachmentStore:
    """Files named by their SHA-256 under ``<folder>/attachments/ab/abcdef…``.

    The same content is stored once; a stored file never changes, so a document cannot be lost
    when its original is moved or edited.
    """

    def __init__(self, folder: Path) -> None:
        self.root = folder / "attachments"

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put(self, source: Path) -> StoredFile:
        """Copy ``source`` in (atomically). Call it before the transaction that records the
        file, so no write transaction is held open while a file is hashed and copied; a file
        stored but never recorded is harmless (``keidesk check`` only looks at referenced
        files, and the same content would be stored in the same place anyway)."""
        if not source.is_file():
            raise InvalidInput(f"There is no file at {source}.")
        try:
            sha = sha256_of(source)
            target = self.path_for(sha)
            if not target.exists():
                # Both levels 0700: mkdir(parents=True) would give the parent default modes.
                self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
                target.parent.mkdir(exist_ok=True, mode=0o700)
                fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
                try:
                    with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                        shutil.copyfileobj(src, out, CHUNK)
                        out.flush()
                        os.fsync(out.fileno())
                    Path(tmp_name).chmod(0o600)
                    Path(tmp_name).replace(target)
                except BaseException:
                    Path(tmp_name).unlink(missing_ok=True)
                    raise
        except PermissionError:
            raise InvalidInput(f"keidesk may not read {source}; check its permissions.") from None
        except OSError as exc:
            raise InvalidInput(f"Could not store {source.name}: {exc.strerror or exc}.") from None
        return StoredFile(
            sha256=sha,
            size_bytes=target.stat().st_size,
            original_name=source.name,
            media_type=mimetypes.guess_type(source.name)[0] or "application/octet-stream",
        )


def document_view(row: Document) -> DocumentView:
    return DocumentView(
        id=row.id,
        kind=row.kind,
        doc_type=row.doc_type,
        title=row.title,
        original_name=row.original_name,
        sha256=row.sha256,
        size_bytes=row.size_bytes,
        media_type=row.media_type,
        step_key=row.step_key,
        added_at=row.added_at,
        added_by=row.added_by,
        removed_at=row.removed_at,
        removed_by=row.removed_by,
    )


def add_document(
    session: Session,
    case_id: int,
    stored: StoredFile,
    *,
    user: str,
    kind: str = "attachment",
    doc_type: str = "other",
    title: str | None = None,
    step_key: StepKey | None = None,
) -> DocumentView:
    """Record a file already in the store with a case (a scan, a photo, or a generated
    packet); reads no file, so the caller's transaction stays short."""
    if session.get(Case, case_id) is None:
        raise NotFound(f"There is no case {case_id}.")
    if kind not in {"attachment", "packet"}:
        raise InvalidInput(f"{kind!r} is not a document kind.")
    row = Document(
        case_id=case_id,
        step_key=step_key,
        kind=kind,
        doc_type=doc_type,
        title=title or Path(stored.original_name).stem,
        original_name=stored.original_name,
        sha256=stored.sha256,
        size_bytes=stored.size_bytes,
        media_type=stored.media_type,
        added_by=user,
    )
    session.add(row)
    session.flush()
    return document_view(row)
