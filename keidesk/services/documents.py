"""Documents kept with a case, and the attachment store that keeps their bytes.

The bytes of every attachment, packet and logo are kept once, by their SHA-256, and never
change. Where they are kept depends on the database, through one interface
(:class:`AttachmentStore`; :func:`attachment_store` picks the store for a database):

- **A database file (SQLite, one laptop)**: a folder beside the file,
  ``attachments/ab/abcdef…``. Plain files, copied with the database by backups.
- **A server (PostgreSQL, an office)**: the database itself (:class:`DatabaseAttachmentStore`,
  tables ``attachment_blobs`` and ``attachment_chunks``). Every seat reaches every paper without
  a shared drive to mount (a shared folder is what offices lose data with); a file is written in
  a transaction, so it is either all there or not at all, and it belongs to the same database as
  the case that refers to it; ``pg_dump`` (``keidesk backup``) includes it, so one dump restores
  cases and papers together. Files are stored in chunks of 1 MB rather than one ``bytea`` per
  file: writing and reading stream a chunk at a time, so a 100 MB file (the limit) never sits
  whole in the memory of the seat or of the server, and no single value nears PostgreSQL's
  1 GB limit. A seat reads a file through a local cache (``cache/attachments`` in the data
  folder), named by hash too, so a cached file is never stale (the folder may be deleted at
  any time) and a preview or a packet reads a plain file as on a laptop.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, exists, func, insert, select, text
from sqlalchemy.orm import Session

from keidesk import clock
from keidesk.domain.documents import DocumentKind, expected_papers, guess_kind
from keidesk.domain.errors import InvalidInput, NotFound
from keidesk.domain.messages import msg
from keidesk.domain.workflow import StepKey
from keidesk.services.views import DocumentView
from keidesk.storage.database import Database
from keidesk.storage.models import (
    AttachmentBlob,
    AttachmentChunk,
    Case,
    Document,
    Setting,
    case_number,
)
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
    when its original is moved or edited. :class:`DatabaseAttachmentStore` keeps them in a
    server database instead, behind the same methods.
    """

    def __init__(self, folder: Path, *, max_bytes: int = MAX_ATTACHMENT_BYTES) -> None:
        self.root = folder / "attachments"
        self.max_bytes = max_bytes

    def path_for(self, sha256: str) -> Path:
        """Where the file with this hash can be read (it does not exist when it is not stored)."""
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        """Whether a file with this hash is stored."""
        return self.path_for(sha256).is_file()

    def at_hand(self, sha256: str) -> bool:
        """Whether :meth:`path_for` answers at once, without reaching a server (the GUI then
        asks on the GUI thread, else off it). Always, for a folder."""
        return True

    def stored(self) -> list[tuple[str, int]]:
        """Every stored file's hash and size, by hash."""
        found: list[tuple[str, int]] = []
        if not self.root.is_dir():
            return found
        for bucket in sorted(self.root.iterdir()):
            if not bucket.is_dir() or bucket.name.startswith("."):
                continue
            for file in sorted(bucket.iterdir()):
                # Only files named as the store names them (not one being written).
                if len(file.name) != 64 or file.name[:2] != bucket.name or not file.is_file():
                    continue
                found.append((file.name, file.stat().st_size))
        return found

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

    def _size_checked(self, source: Path) -> int:
        """The size of the file to store, refused when it is no file or too large."""
        if source.is_dir():
            raise InvalidInput(f"{source} is a folder; choose a file.")
        if not source.is_file():
            raise InvalidInput(f"There is no file at {source}.")
        size = source.stat().st_size
        if size > self.max_bytes:
            raise InvalidInput(
                f"{source.name} is {size / 1024 / 1024:,.1f} MB; files kept with a case can "
                f"be at most {self.max_bytes / 1024 / 1024:,.0f} MB."
            )
        return size

    def put(self, source: Path) -> StoredFile:
        """Copy ``source`` in (atomically). Call it before the transaction that records the
        file, so no write transaction is held open while a file is hashed and copied; a file
        stored but never recorded is harmless (``keidesk check`` only looks at referenced
        files, and the same content would be stored in the same place anyway)."""
        try:
            self._size_checked(source)
            sha = sha256_of(source)
            target = self.path_for(sha)
            if not target.exists():
                with self._incoming(sha) as out, source.open("rb") as src:
                    shutil.copyfileobj(src, out, CHUNK)
        except PermissionError:
            raise InvalidInput(f"keidesk may not read {source}; check its permissions.") from None
        except OSError as exc:
            raise InvalidInput(f"Could not store {source.name}: {exc.strerror or exc}.") from None
        return _stored_file(source, sha, target.stat().st_size)

    def _incoming(self, sha256: str) -> _Incoming:
        return _Incoming(self.root, AttachmentStore.path_for(self, sha256))


class _Incoming:
    """A file being written into a folder store: a private temporary file beside its final
    name, flushed to the drive and renamed into place on success, removed on failure."""

    def __init__(self, root: Path, target: Path) -> None:
        self.root = root
        self.target = target

    def __enter__(self) -> Any:
        # Both levels 0700: mkdir(parents=True) would give the parent default modes.
        self.root.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.root.mkdir(exist_ok=True, mode=0o700)
        self.target.parent.mkdir(exist_ok=True, mode=0o700)
        fd, tmp_name = tempfile.mkstemp(dir=self.target.parent, prefix=".incoming-")
        self.tmp = Path(tmp_name)
        self.handle = os.fdopen(fd, "wb")
        return self.handle

    def __exit__(self, kind: object, _value: object, _tb: object) -> None:
        try:
            if kind is None:
                self.handle.flush()
                os.fsync(self.handle.fileno())
            self.handle.close()
            if kind is None:
                self.tmp.chmod(0o600)
                self.tmp.replace(self.target)
        finally:
            self.tmp.unlink(missing_ok=True)


def _stored_file(source: Path, sha256: str, size: int) -> StoredFile:
    return StoredFile(
        sha256=sha256,
        size_bytes=size,
        original_name=source.name,
        media_type=mimetypes.guess_type(source.name)[0] or "application/octet-stream",
    )


_BLOBS = AttachmentBlob.metadata.tables[AttachmentBlob.__tablename__]
_CHUNKS = AttachmentChunk.metadata.tables[AttachmentChunk.__tablename__]


class DatabaseAttachmentStore(AttachmentStore):
    """The attachment store of a server database: the bytes in ``attachment_blobs`` and
    ``attachment_chunks`` (1 MB each), read through a local cache folder (see the module's
    docstring for why)."""

    def __init__(
        self, database: Database, cache: Path, *, max_bytes: int = MAX_ATTACHMENT_BYTES
    ) -> None:
        super().__init__(cache, max_bytes=max_bytes)
        self.database = database

    def has(self, sha256: str) -> bool:
        with self.database.reader() as session:
            return bool(session.scalar(select(exists().where(_BLOBS.c.sha256 == sha256))))

    def stored(self) -> list[tuple[str, int]]:
        with self.database.reader() as session:
            rows = session.execute(
                select(_BLOBS.c.sha256, _BLOBS.c.size_bytes).order_by(_BLOBS.c.sha256)
            ).all()
        return [(str(sha), int(size)) for sha, size in rows]

    def at_hand(self, sha256: str) -> bool:
        return super().path_for(sha256).is_file()

    def path_for(self, sha256: str) -> Path:
        """The file's copy in the local cache, fetched from the database the first time (it
        does not exist when the database holds no such file, or holds a damaged one)."""
        target = super().path_for(sha256)
        if target.is_file() or len(sha256) != 64:
            return target
        digest = hashlib.sha256()
        found = False
        try:
            with self._incoming(sha256) as out:
                for chunk in self.chunks(sha256):
                    found = True
                    digest.update(chunk)
                    out.write(chunk)
                if not found or digest.hexdigest() != sha256:
                    raise _NotCached
        except _NotCached:
            pass
        except OSError:
            pass  # the cache cannot be written: the file reads as missing, and check says why
        return target

    def chunks(self, sha256: str) -> Iterator[bytes]:
        """The stored file's bytes, a chunk at a time, straight from the database."""
        with self.database.reader() as session:
            result = session.execute(
                select(_CHUNKS.c.data)
                .where(_CHUNKS.c.sha256 == sha256)
                .order_by(_CHUNKS.c.part)
                .execution_options(yield_per=4)
            )
            for (data,) in result:
                yield bytes(data)

    def discard(self, hashes: Iterable[str]) -> int:
        """Delete the stored files among ``hashes`` that no document (nor the importer's logo)
        refers to, in one transaction; returns how many."""
        wanted = sorted(set(hashes))
        if not wanted:
            return 0
        with self.database.transaction("keidesk") as session:
            # Writes of documents wait, and this waits for those under way, so no document
            # that refers to one of these files is being added while they are deleted.
            session.execute(text("LOCK TABLE documents IN SHARE MODE"))
            profile = session.get(Setting, "importer_profile")
            logo = str(profile.value.get("logo_sha256") or "") if profile is not None else ""
            result = session.execute(
                delete(_BLOBS).where(
                    _BLOBS.c.sha256.in_([sha for sha in wanted if sha != logo]),
                    ~exists().where(Document.sha256 == _BLOBS.c.sha256),
                )
            )
            deleted = int(getattr(result, "rowcount", 0) or 0)
        for sha in wanted:
            super().path_for(sha).unlink(missing_ok=True)
        return deleted

    def put(self, source: Path) -> StoredFile:
        """Hash ``source``, then (unless the database holds it already) write it in chunks in a
        transaction of its own, re-hashing as it goes: a file changed meanwhile is refused.
        Another seat storing the same file at the same time waits for this one and then finds
        it stored."""
        try:
            size = self._size_checked(source)
            sha = sha256_of(source)
            if not self.has(sha):
                self._write(source, sha, size)
        except PermissionError:
            raise InvalidInput(f"keidesk may not read {source}; check its permissions.") from None
        except OSError as exc:
            raise InvalidInput(f"Could not store {source.name}: {exc.strerror or exc}.") from None
        return _stored_file(source, sha, size)

    def _write(self, source: Path, sha256: str, size: int) -> None:
        with self.database.transaction("keidesk") as session:
            header = {"sha256": sha256, "size_bytes": size, "stored_at": clock.now()}
            if session.get_bind().dialect.name == "postgresql":
                from sqlalchemy.dialects import postgresql  # noqa: PLC0415 - on a server only

                added = session.execute(
                    postgresql.insert(_BLOBS)
                    .values(header)
                    .on_conflict_do_nothing()
                    .returning(_BLOBS.c.sha256)
                ).first()
                if added is None:
                    return  # another seat stored it meanwhile
            else:
                if session.scalar(select(func.count()).where(_BLOBS.c.sha256 == sha256)):
                    return
                session.execute(insert(_BLOBS).values(header))
            digest = hashlib.sha256()
            written = 0
            with source.open("rb") as handle:
                part = 0
                while chunk := handle.read(CHUNK):
                    digest.update(chunk)
                    written += len(chunk)
                    session.execute(insert(_CHUNKS).values(sha256=sha256, part=part, data=chunk))
                    part += 1
            if digest.hexdigest() != sha256 or written != size:
                raise InvalidInput(f"{source.name} changed while it was being stored; try again.")


class _NotCached(Exception):
    """The database holds no intact copy of a file asked for."""


#: The folder (in the user's data folder) where a seat keeps the files it read from a server.
CACHE_DIRNAME = "cache"


def attachment_store(database: Database) -> AttachmentStore:
    """The attachment store of ``database``: the folder beside a database file, or the
    database itself for a server (see the module docstring)."""
    if database.engine.dialect.name == "sqlite":
        return AttachmentStore(database.folder)
    return DatabaseAttachmentStore(database, database.folder / CACHE_DIRNAME)


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
    _hold_stored_file(session, stored)
    return document_view(row)


def _hold_stored_file(session: Session, stored: StoredFile) -> None:
    """On a server, make sure the file is still in the database, and keep it there until this
    transaction ends: another seat may have emptied the trash of the same content since
    :meth:`DatabaseAttachmentStore.put` found it stored. The document row is written first, so
    this takes its locks in the same order as :meth:`DatabaseAttachmentStore.discard`."""
    if session.get_bind().dialect.name != "postgresql":
        return
    held = session.execute(
        select(_BLOBS.c.sha256)
        .where(_BLOBS.c.sha256 == stored.sha256)
        .with_for_update(key_share=True)
    ).first()
    if held is None:
        raise InvalidInput(
            f"{stored.original_name} was removed from the office database meanwhile (another "
            "seat emptied the trash); attach it again."
        )


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
    require_manager(session, msg("empty the trash"))
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
