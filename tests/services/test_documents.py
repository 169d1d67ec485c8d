"""Attaching a file: stored first (outside any transaction), then recorded without file I/O."""

from __future__ import annotations

from pathlib import Path

import pytest

from keidesk.services.documents import add_document
from keidesk.storage.database import Database
from tests.write_lock import WriteLockProbe


@pytest.mark.sqlite_only
def test_the_probe_sees_a_write_transaction_held_open(db: Database, db_path, make_case, tmp_path):
    """The probe is not vacuous: a file copied inside a write transaction is caught."""
    case_id = make_case()
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    first.write_bytes(b"%PDF-1.4 first")
    second.write_bytes(b"%PDF-1.4 second")
    probe = WriteLockProbe(db.folder, db_path)
    stored = probe.put(first)
    with db.transaction("tester") as session:
        add_document(session, case_id, stored, user="tester")  # takes the write lock
        probe.put(second)
    assert probe.writable == [True, False]


@pytest.mark.sqlite_only
def test_a_stored_file_is_recorded_without_reading_it(db: Database, db_path, make_case, tmp_path):
    case_id = make_case()
    scan = tmp_path / "Export cert.pdf"
    scan.write_bytes(b"%PDF-1.4 export certificate")
    probe = WriteLockProbe(db.folder, db_path)
    stored = probe.put(scan)
    scan.unlink()  # recording needs only what the store returned
    with db.transaction("tester") as session:
        view = add_document(session, case_id, stored, user="tester", doc_type="export_certificate")
    assert probe.writable == [True]
    assert (view.title, view.original_name, view.media_type, view.size_bytes) == (
        "Export cert",
        "Export cert.pdf",
        "application/pdf",
        len(b"%PDF-1.4 export certificate"),
    )
    assert probe.path_for(view.sha256).read_bytes() == b"%PDF-1.4 export certificate"


@pytest.mark.sqlite_only
def test_storing_the_same_content_twice_keeps_one_file(db: Database, db_path, tmp_path: Path):
    one, two = tmp_path / "a.jpg", tmp_path / "b.png"
    one.write_bytes(b"same")
    two.write_bytes(b"same")
    probe = WriteLockProbe(db.folder, db_path)
    first, second = probe.put(one), probe.put(two)
    assert first.sha256 == second.sha256
    assert (first.media_type, second.media_type) == ("image/jpeg", "image/png")
    assert [p.name for p in probe.root.glob("*/*")] == [first.sha256]
