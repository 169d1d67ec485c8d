"""The managed attachment folder: files kept by content hash beside the database."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
import tempfile
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


class AttachmentStore:
    """Files named by their SHA-256 under ``<folder>/attachments/ab/abcdef…``.

    The same content is stored once; a stored file never changes, so a document cannot be lost
    when its original is moved or edited.
    """

    def __init__(self, folder: Path) -> None:
        self.root = folder / "attachments"

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put(self, source: Path) -> tuple[str, int]:
        """Copy ``source`` in (atomically) and return its hash and size."""
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
        return sha, target.stat().st_size


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
    )


def add_document(
    session: Session,
    store: AttachmentStore,
    case_id: int,
    source: Path,
    *,
    user: str,
    kind: str = "attachment",
    doc_type: str = "other",
    title: str | None = None,
    step_key: StepKey | None = None,
) -> DocumentView:
    """Keep a file with a case (a scan, a photo, or a generated packet)."""
    if session.get(Case, case_id) is None:
        raise NotFound(f"There is no case {case_id}.")
    if kind not in {"attachment", "packet"}:
        raise InvalidInput(f"{kind!r} is not a document kind.")
    sha, size = store.put(source)
    media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    row = Document(
        case_id=case_id,
        step_key=step_key,
        kind=kind,
        doc_type=doc_type,
        title=title or source.stem,
        original_name=source.name,
        sha256=sha,
        size_bytes=size,
        media_type=media_type,
        added_by=user,
    )
    session.add(row)
    session.flush()
    return document_view(row)
