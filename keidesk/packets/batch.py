"""Building many packets at once in worker processes.

Each worker opens the database read-only, gathers and renders its cases and writes each PDF
atomically into the output folder; the parent records every built packet on its case, one
transaction per packet, as results come in. Recording per packet means an interrupted batch
leaves every written file recorded, and one case's failure costs nothing already done.
Workers are started with "spawn" so a parent with threads (the GUI) is never forked.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from keidesk.domain.errors import InvalidInput, KeideskError
from keidesk.packets.build import (
    packet_filename,
    record_packet,
    render_packet,
    write_atomically,
)
from keidesk.packets.catalog import PacketKind, Paper
from keidesk.packets.customs import PacketRefused
from keidesk.packets.data import gather
from keidesk.packets.gaps import Gap
from keidesk.services.documents import AttachmentStore
from keidesk.storage.database import Database, open_database
from keidesk.storage.models import case_number


@dataclass(frozen=True, slots=True)
class BatchItem:
    """One case's outcome: a written packet, or the reason it was not built."""

    case_id: int
    number: str
    path: Path | None = None
    title: str = ""  # the packet's title as printed (RenderedPacket.label)
    pages: int = 0
    sha256: str | None = None
    document_id: int | None = None
    warnings: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    missing_documents: tuple[str, ...] = ()
    error: str | None = None
    gaps: tuple[Gap, ...] = ()

    @property
    def draft(self) -> bool:
        return bool(self.gaps)


@dataclass
class BatchResult:
    items: list[BatchItem] = field(default_factory=list)

    @property
    def built(self) -> list[BatchItem]:
        return [i for i in self.items if i.error is None]

    @property
    def failed(self) -> list[BatchItem]:
        return [i for i in self.items if i.error is not None]


@dataclass(frozen=True, slots=True)
class _Job:
    kind: PacketKind
    paper: Paper
    out_dir: Path
    today: date


# --- in the worker --------------------------------------------------------------------------

_worker_database: Database | None = None


def _open_worker_database(target: str) -> None:
    global _worker_database  # noqa: PLW0603 - one read-only database per worker process
    _worker_database = open_database(target, read_only=True)


def build_one(database: Database, case_id: int, job: _Job) -> BatchItem:
    """Gather, render and write one packet (no recording: that is the parent's job)."""
    number = case_number(case_id)
    try:
        store = AttachmentStore(database.folder)
        with database.reader() as session:
            data = gather(session, store, case_id, job.kind, today=job.today)
        rendered = render_packet(data, job.paper)
        path = job.out_dir / packet_filename(number, job.kind)
        write_atomically(rendered.pdf, path)
    except PacketRefused as exc:
        return BatchItem(case_id, number, error=str(exc), missing=exc.missing)
    except KeideskError as exc:
        return BatchItem(case_id, number, error=str(exc))
    return BatchItem(
        case_id,
        number,
        path=path,
        title=rendered.label,
        pages=rendered.pages,
        warnings=rendered.warnings,
        missing=rendered.missing,
        missing_documents=rendered.missing_documents,
        gaps=rendered.gaps,
    )


def _work(case_id: int, job: _Job) -> BatchItem:
    assert _worker_database is not None
    return build_one(_worker_database, case_id, job)


# --- in the parent --------------------------------------------------------------------------


def prepare_out_dir(out_dir: Path) -> Path:
    """Create the output folder if needed and prove it writable before any work starts."""
    out_dir = out_dir.expanduser()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / f".keidesk-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except FileExistsError:
        raise InvalidInput(f"Cannot write packets to {out_dir}: it is a file.") from None
    except NotADirectoryError:
        raise InvalidInput(f"Cannot write packets to {out_dir}: part of it is a file.") from None
    except PermissionError:
        raise InvalidInput(f"keidesk may not write to {out_dir}; choose another folder.") from None
    except OSError as exc:
        raise InvalidInput(f"Cannot write packets to {out_dir}: {exc.strerror or exc}.") from None
    return out_dir.resolve()


def build_batch(
    database: Database,
    case_ids: Sequence[int],
    kind: PacketKind,
    out_dir: Path,
    *,
    user: str,
    today: date,
    paper: Paper = Paper.LETTER,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BatchResult:
    """Build one packet per case into ``out_dir`` with ``workers`` processes (1: in this
    process), recording each on its case; ``progress(done, total)`` after each."""
    out_dir = prepare_out_dir(out_dir)
    job = _Job(kind, paper, out_dir, today)
    total = len(case_ids)
    workers = max(1, min(workers or os.cpu_count() or 1, total or 1))
    result = BatchResult()
    store = AttachmentStore(database.folder)

    def finish(item: BatchItem) -> None:
        if item.error is None and item.path is not None:
            document_id, sha256 = record_packet(
                database,
                store,
                item.case_id,
                item.path,
                kind=kind,
                title=item.title,
                paper=paper,
                user=user,
            )
            item = BatchItem(
                item.case_id,
                item.number,
                path=item.path,
                title=item.title,
                pages=item.pages,
                sha256=sha256,
                document_id=document_id,
                warnings=item.warnings,
                missing=item.missing,
                missing_documents=item.missing_documents,
                gaps=item.gaps,
            )
        result.items.append(item)
        if progress is not None:
            progress(len(result.items), total)

    if workers == 1:
        for case_id in case_ids:
            finish(build_one(database, case_id, job))
        return result

    target = str(database.path) if database.path is not None else str(database.location.url)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_open_worker_database, initargs=(target,)
    ) as pool:
        pending: set[Future[BatchItem]] = {pool.submit(_work, cid, job) for cid in case_ids}
        try:
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    finish(future.result())
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    result.items.sort(key=lambda i: i.case_id)
    return result
