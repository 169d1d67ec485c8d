"""Attachments on a server database: stored in the database, so every seat sees every paper."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from keidesk.domain.errors import InvalidInput
from keidesk.services.demo import build_demo
from keidesk.services.documents import (
    AttachmentStore,
    DatabaseAttachmentStore,
    add_document,
    attachment_store,
    empty_trash,
    list_documents,
    remove_document,
)
from keidesk.storage.database import Database, open_database
from keidesk.storage.models import Case

pytestmark = pytest.mark.usefixtures("postgres_server")


@pytest.fixture
def seats(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Database, Database]]:
    """Two seats on one server database: each its own Database object (and its own data
    folder, so nothing is shared but the server)."""
    monkeypatch.setenv("KEIDESK_DATA_DIR", str(tmp_path / "seat-a"))
    seat_a = open_database(postgres_url)
    monkeypatch.setenv("KEIDESK_DATA_DIR", str(tmp_path / "seat-b"))
    seat_b = open_database(postgres_url)
    yield seat_a, seat_b
    seat_a.close()
    seat_b.close()


def _case(database: Database, today: date) -> int:
    # Through the demo's bulk path (ids it gives itself): adding one case on a server is the
    # ids work of the same issue, not this test's subject.
    with database.transaction("tester") as session:
        build_demo(session, cases=1, today=today)
        return int(session.scalar(select(func.min(Case.id))) or 0)


def test_seat_b_reads_what_seat_a_attached(seats, tmp_path, today, monkeypatch):
    seat_a, seat_b = seats
    case_id = _case(seat_a, today)
    content = bytes(range(256)) * (3 * 4096 + 17)  # a little over 3 MB: four chunks
    scan = tmp_path / "export-cert.pdf"
    scan.write_bytes(content)
    monkeypatch.setenv("KEIDESK_DATA_DIR", str(tmp_path / "seat-a"))
    store_a = attachment_store(seat_a)
    assert isinstance(store_a, DatabaseAttachmentStore)
    stored = store_a.put(scan)
    with seat_a.transaction("ayumi") as session:
        add_document(session, case_id, stored, user="ayumi", title="Export certificate")
    scan.unlink()  # the original is gone: the paper lives in the database

    store_b = attachment_store(seat_b)
    with seat_b.reader() as session:
        (doc,) = list_documents(session, case_id)
    assert store_b.has(doc.sha256)
    path = store_b.path_for(doc.sha256)
    assert path.is_file() and path.read_bytes() == content
    assert hashlib.sha256(path.read_bytes()).hexdigest() == doc.sha256
    assert store_b.stored() == [(doc.sha256, len(content))]
    # Nothing was written beside either seat as a folder store would.
    assert not AttachmentStore(tmp_path / "seat-a").has(doc.sha256)


def test_same_file_twice_is_stored_once_and_discarded_when_unused(seats, tmp_path, today):
    seat_a, seat_b = seats
    case_id = _case(seat_a, today)
    scan = tmp_path / "photo.jpg"
    scan.write_bytes(b"\xff\xd8 a photo of the chassis plate")
    first = attachment_store(seat_a).put(scan)
    second = attachment_store(seat_b).put(scan)
    assert first.sha256 == second.sha256
    with seat_a.transaction("ayumi") as session:
        doc = add_document(session, case_id, first, user="ayumi")
    store = attachment_store(seat_b)
    assert store.discard([first.sha256]) == 0  # a document refers to it: kept
    with seat_b.transaction("ken") as session:
        remove_document(session, doc.id, user="ken")
        _count, unused = empty_trash(session)
    assert unused == [first.sha256]
    assert store.discard(unused) == 1
    assert not store.has(first.sha256)
    assert not store.path_for(first.sha256).exists()


def test_a_file_too_large_or_missing_is_refused_plainly(seats, tmp_path):
    seat_a, _seat_b = seats
    store = DatabaseAttachmentStore(seat_a, tmp_path / "cache", max_bytes=10)
    big = tmp_path / "video.mp4"
    big.write_bytes(b"x" * 11)
    with pytest.raises(Exception, match="at most"):
        store.put(big)
    with pytest.raises(Exception, match="There is no file"):
        store.put(tmp_path / "nothing.pdf")
    assert store.stored() == []


def test_a_file_removed_by_another_seat_meanwhile_is_not_recorded(seats, tmp_path, today):
    seat_a, seat_b = seats
    case_id = _case(seat_a, today)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 the same scan on two seats")
    stored = attachment_store(seat_b).put(scan)  # seat B finds (or puts) it in the database
    assert attachment_store(seat_a).discard([stored.sha256]) == 1  # seat A empties the trash
    with pytest.raises(InvalidInput, match="attach it again"), seat_b.transaction("ken") as s:
        add_document(s, case_id, stored, user="ken")
    with seat_b.reader() as session:
        assert list_documents(session, case_id) == []
    again = attachment_store(seat_b).put(scan)  # attaching again stores it again
    with seat_b.transaction("ken") as session:
        add_document(session, case_id, again, user="ken")
    assert attachment_store(seat_a).has(stored.sha256)


def test_emptying_the_trash_waits_for_a_document_being_added(seats, tmp_path, today):
    """Seat B is recording a document for a file (not yet committed) while seat A deletes the
    same file as unused: A waits for B, then sees B's document and keeps the file."""
    seat_a, seat_b = seats
    case_id = _case(seat_a, today)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 recorded while the trash is emptied")
    stored = attachment_store(seat_b).put(scan)
    deleted: list[int] = []
    with seat_b.transaction("ken") as session:
        add_document(session, case_id, stored, user="ken")
        worker = threading.Thread(
            target=lambda: deleted.append(attachment_store(seat_a).discard([stored.sha256]))
        )
        worker.start()
        with seat_a.engine.connect() as probe:
            waiting = text(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            while not probe.execute(waiting).scalar():
                probe.rollback()  # activity is read once per transaction
                worker.join(0.05)  # A is not waiting for B yet
    worker.join()
    assert deleted == [0]
    assert attachment_store(seat_a).has(stored.sha256)
