"""Building many packets at once in worker processes.

Each worker opens the database read-only, gathers and renders its cases, writes each PDF
atomically into the output folder and copies it into the attachment store; the parent only
records every built packet on its case, one short transaction per packet, as results come in.
Recording per packet means an interrupted batch leaves every written file recorded, and one
case's failure costs nothing already done.

Start-up is what made two workers scale poorly: a "spawn" worker imports reportlab,
SQLAlchemy and keidesk again and registers the Japanese font again, about as long as ten
packets. So a process with one thread (the command line) forks its workers, which inherit
all that ready; a process with other threads (the GUI) still spawns them, as forking it is
unsafe. Workers ignore Ctrl+C: the parent stops them, and every worker is gone when
:func:`build_batch` returns or raises (after Ctrl+C, a refusal or a crashed worker too).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from datetime import date
from multiprocessing import resource_tracker
from pathlib import Path

from keidesk.domain.errors import InvalidInput, KeideskError
from keidesk.packets.build import (
    packet_filename,
    record_stored_packet,
    render_packet,
    write_atomically,
)
from keidesk.packets.catalog import PacketKind, Paper
from keidesk.packets.customs import PacketRefused
from keidesk.packets.data import gather
from keidesk.packets.fonts import register_fonts
from keidesk.packets.gaps import Gap
from keidesk.services.documents import StoredFile, attachment_store
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
    stored: StoredFile | None = None  # the copy in the attachment store, to record

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


def _start_worker(target: str, read_only: bool) -> None:
    """In each worker, once: leave Ctrl+C to the parent and open the database: read-only on a
    file; on a server writable, because the attachment store there is the database and the
    worker puts the packet's bytes into it (the parent still records the packet)."""
    global _worker_database  # noqa: PLW0603 - one database per worker process
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_database = open_database(target, read_only=read_only)


def build_one(database: Database, case_id: int, job: _Job) -> BatchItem:
    """Gather, render and write one packet and copy it into the attachment store (recording
    it on the case is the parent's job)."""
    number = case_number(case_id)
    try:
        store = attachment_store(database)
        with database.reader() as session:
            data = gather(session, store, case_id, job.kind, today=job.today)
        rendered = render_packet(data, job.paper)
        path = job.out_dir / packet_filename(number, job.kind)
        write_atomically(rendered.pdf, path)
        stored = store.put(path)
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
        stored=stored,
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


def _threads_in_this_process() -> int:
    try:
        return sum(1 for _ in Path("/proc/self/task").iterdir())
    except OSError:
        return 0  # unknown: do not fork


def _start_method() -> str:
    """Fork (workers inherit imports and fonts) when this process has no other thread to
    break by forking; spawn otherwise (the GUI)."""
    if _threads_in_this_process() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """End every worker now (after Ctrl+C or a crash) and wait for each to be gone."""
    processes = list(pool._processes.values())
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(5)
        if process.is_alive():
            process.kill()
            process.join()
    pool.shutdown(wait=True, cancel_futures=True)


def _stop_resource_tracker() -> None:
    """Spawned workers start multiprocessing's resource tracker, a process that would outlive
    the batch (in the GUI, until it closes). Once the pool's locks are collected it tracks
    nothing, so stop it; multiprocessing starts it again when it next needs it."""
    gc.collect()  # the pool's queues and locks: their finalizers report to the tracker
    tracker = getattr(resource_tracker, "_resource_tracker", None)
    stop = getattr(tracker, "_stop", None)
    if stop is not None:
        stop()


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
    process), recording each on its case; ``progress(done, total)`` after each. Raises
    ``BrokenProcessPool`` when a worker died (the packets finished before are recorded);
    no worker outlives the call."""
    out_dir = prepare_out_dir(out_dir)
    job = _Job(kind, paper, out_dir, today)
    total = len(case_ids)
    workers = max(1, min(workers or os.cpu_count() or 1, total or 1))
    result = BatchResult()

    def finish(item: BatchItem) -> None:
        if item.error is None and item.path is not None and item.stored is not None:
            document_id, sha256 = record_stored_packet(
                database,
                item.case_id,
                item.stored,
                kind=kind,
                title=item.title,
                paper=paper,
                user=user,
            )
            item = replace(item, sha256=sha256, document_id=document_id, stored=None)
        result.items.append(item)
        if progress is not None:
            progress(len(result.items), total)

    if workers == 1:
        for case_id in case_ids:
            finish(build_one(database, case_id, job))
        return result

    # The file, or the URL with its password (never printed): a worker signs in as this seat.
    target = database.location.connect_string()
    method = _start_method()
    if method == "fork":
        register_fonts()  # once here, inherited by every worker
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_start_worker,
        initargs=(target, not database.is_server),
    )
    pending: set[Future[BatchItem]] = set()
    try:
        # One case per task: packets differ in length, so a worker that is free takes the next.
        pending = {pool.submit(_work, cid, job) for cid in case_ids}
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                finish(future.result())
    except BaseException:
        _stop_workers(pool)
        raise
    else:
        pool.shutdown(wait=True)
    finally:
        del pool, pending
        if method == "spawn":
            _stop_resource_tracker()
    result.items.sort(key=lambda i: i.case_id)
    return result
