"""The managed attachment folder: files kept by content hash beside the database."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from keidesk import clock
from keidesk.domain.documents import DocumentKind, expected_papers, guess_kind
from keidesk.domain.errors import InvalidInput, NotFound
from keidesk.domain.workflow import StepKey
from keidesk.services.views import DocumentView
from keidesk.storage.models import Case, Document, Setting, case_number
from keidesk.storage.server import require_manager

CHUNK = 1 << 20

#: A keyword argument not given (None is a value: "the case as a whole").
_UNSET: Any = object()

#: The largest file kept with a case. Scans and photos of a truck's papers are a few MB; a
#: file far larger is a video or a mistake, and would swell every backup.
MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024


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

    def __init__(self, folder: Path, *, max_bytes: int = MAX_ATTACHMENT_BYTES) -> None:
        self.root = folder / "attachments"
        self.max_bytes = max_bytes

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def discard(self, hashes: Iterable[str]) -> int:
        """Delete stored files no document refers to any more (after :func:`empty_trash`
        committed); returns how many were deleted."""
        deleted = 0
        for sha in hashes:
            path = self.path_for(sha)
            try:
                path.unlink()
                deleted += 1
            except FileNotFoundError:
                continue
        return deleted

    def put(self, source: Path) -> StoredFile:
        """Copy ``source`` in (atomically). Call it before the transaction that records the
        file, so no write transaction is held open while a file is hashed and copied; a file
        stored but never recorded is harmless (``keidesk check`` only looks at referenced
        files, and the same content would be stored in the same place anyway)."""
        if source.is_dir():
            raise InvalidInput(f"{source} is a folder; choose a file.")
        if not source.is_file():
            raise InvalidInput(f"There is no file at {source}.")
        try:
            size = source.stat().st_size
            if size > self.max_bytes:
                raise InvalidInput(
                    f"{source.name} is {size / 1024 / 1024:,.1f} MB; files kept with a case can "
                    f"be at most {self.max_bytes / 1024 / 1024:,.0f} MB."
                )
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


def require_case(session: Session, case_id: int) -> None:
    """Refuse a case id that names no case (before any file is copied for it)."""
    if session.get(Case, case_id) is None:
        raise NotFound(f"There is no case {case_id}.")


def _document_kind(kind: str) -> DocumentKind:
    return kind if isinstance(kind, DocumentKind) else DocumentKind.parse(kind)


def add_document(
    session: Session,
    case_id: int,
    stored: StoredFile,
    *,
    user: str,
    kind: str = "attachment",
    doc_type: str = DocumentKind.OTHER.value,
    title: str | None = None,
    step_key: StepKey | None = _UNSET,
) -> DocumentView:
    """Record a file already in the store with a case (a scan, a photo, or a generated
    packet); reads no file, so the caller's transaction stays short.

    An attachment's ``doc_type`` is a :class:`DocumentKind`; it is filed under the kind's own
    step unless ``step_key`` says otherwise (None: the case as a whole). A packet's
    ``doc_type`` is its packet kind.
    """
    require_case(session, case_id)
    if kind not in {"attachment", "packet"}:
        raise InvalidInput(f"{kind!r} is not a document kind.")
    if kind == "attachment":
        document_kind = _document_kind(doc_type)
        doc_type = document_kind.value
        if step_key is _UNSET:
            step_key = document_kind.default_step
    row = Document(
        case_id=case_id,
        step_key=None if step_key is _UNSET else step_key,
        kind=kind,
        doc_type=doc_type,
        title=_title(title) or Path(stored.original_name).stem[:TITLE_LENGTH],
        original_name=stored.original_name[:260],
        sha256=stored.sha256,
        size_bytes=stored.size_bytes,
        media_type=stored.media_type,
        added_by=user,
    )
    session.add(row)
    session.flush()
    return document_view(row)


TITLE_LENGTH = 200


def _title(text: str | None) -> str | None:
    """A title as stored: one line, trimmed; None when nothing is left."""
    if text is None:
        return None
    line = " ".join(text.split())
    if len(line) > TITLE_LENGTH:
        raise InvalidInput(f"A document title can be at most {TITLE_LENGTH} characters.")
    return line or None


def _attachment(session: Session, document_id: int, case_id: int | None) -> Document:
    """An attachment by id; refused when it does not exist, is a packet, or belongs to another
    case than the one the caller is looking at."""
    row = session.get(Document, document_id)
    if row is None or row.kind != "attachment":
        raise NotFound(f"There is no attached document {document_id}.")
    if case_id is not None and row.case_id != case_id:
        raise NotFound(
            f"Document {document_id} belongs to case {case_number(row.case_id)}, "
            f"not to {case_number(case_id)}."
        )
    return row


def update_document(
    session: Session,
    document_id: int,
    *,
    user: str,
    case_id: int | None = None,
    kind: DocumentKind | str | None = None,
    step_key: StepKey | None = _UNSET,
    title: str | None = None,
) -> DocumentView:
    """Say what a paper is, file it under another step (None: the case as a whole) or rename
    it. The history records each change, by the session's user."""
    row = _attachment(session, document_id, case_id)
    if row.removed_at is not None:
        raise InvalidInput(f"Document {document_id} is in the trash; restore it first.")
    if kind is not None:
        row.doc_type = _document_kind(kind).value
    if step_key is not _UNSET:
        row.step_key = step_key
    if title is not None:
        new_title = _title(title)
        if new_title is None:
            raise InvalidInput("A document needs a title.")
        row.title = new_title
    session.flush()
    return document_view(row)


def remove_document(
    session: Session, document_id: int, *, user: str, case_id: int | None = None
) -> DocumentView:
    """Put a document in the trash: it leaves the case's papers and packets, and can be
    restored until the trash is emptied."""
    row = _attachment(session, document_id, case_id)
    if row.removed_at is None:
        row.removed_at = clock.now()
        row.removed_by = user
        session.flush()
    return document_view(row)


def restore_document(
    session: Session, document_id: int, *, user: str, case_id: int | None = None
) -> DocumentView:
    row = _attachment(session, document_id, case_id)
    if row.removed_at is None:
        raise InvalidInput(f"Document {document_id} is not in the trash.")
    row.removed_at = None
    row.removed_by = None
    session.flush()
    return document_view(row)


def list_documents(session: Session, case_id: int, *, removed: bool = False) -> list[DocumentView]:
    """A case's attachments in the order they were added: those in use, or with
    ``removed=True`` those in the trash."""
    require_case(session, case_id)
    in_trash = Document.removed_at.is_not(None) if removed else Document.removed_at.is_(None)
    rows = session.scalars(
        select(Document)
        .where(Document.case_id == case_id, Document.kind == "attachment", in_trash)
        .order_by(Document.id)
    )
    return [document_view(row) for row in rows]


def empty_trash(session: Session, *, case_id: int | None = None) -> tuple[int, list[str]]:
    """Delete the documents in the trash (of one case, or all). The history keeps a record of
    each. Returns how many, and the hashes no document refers to any more: the caller deletes
    those files with :meth:`AttachmentStore.discard` after the transaction is committed.
    On an office server, a manager's (or the owner's) task."""
    require_manager(session, "empty the trash")
    query = select(Document).where(Document.removed_at.is_not(None))
    if case_id is not None:
        query = query.where(Document.case_id == case_id)
    rows = list(session.scalars(query))
    hashes = {row.sha256 for row in rows}
    for row in rows:
        session.delete(row)
    session.flush()
    still_used = set(session.scalars(select(Document.sha256).where(Document.sha256.in_(hashes))))
    # The importer's logo lives in the same store (services.profile, which imports this).
    profile = session.get(Setting, "importer_profile")
    if profile is not None and profile.value.get("logo_sha256"):
        still_used.add(str(profile.value["logo_sha256"]))
    return len(rows), sorted(hashes - still_used)


def guessed_kind(stored: StoredFile) -> DocumentKind:
    """What a file just stored most likely is, from its name (and an image is a photo)."""
    return guess_kind(stored.original_name, stored.media_type)


@dataclass(frozen=True, slots=True)
class StepPapers:
    """The papers a step expects and which of them are on file: "2 of 3 papers on file"."""

    step: StepKey
    expected: tuple[DocumentKind, ...]
    missing: tuple[DocumentKind, ...]

    @property
    def on_file(self) -> int:
        return len(self.expected) - len(self.missing)

    @property
    def complete(self) -> bool:
        return not self.missing

    def describe(self) -> str:
        if not self.expected:
            return ""
        noun = "paper" if len(self.expected) == 1 else "papers"
        return f"{self.on_file} of {len(self.expected)} {noun} on file"


def step_papers(documents: Iterable[DocumentView], step: StepKey) -> StepPapers:
    """Which of the papers ``step`` expects are among a case's documents (by kind, wherever
    they are filed; a trashed document does not count)."""
    kinds = {d.doc_type for d in documents if d.kind == "attachment" and not d.removed}
    expected = expected_papers(step)
    return StepPapers(step, expected, tuple(k for k in expected if k.value not in kinds))
