"""The documents tab on a server database: a photo another seat attached shows, with its
thumbnail and preview, fetched from the database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from keidesk.services.demo import build_demo
from keidesk.services.documents import add_document, attachment_store
from keidesk.storage.database import Database, open_database
from keidesk.storage.models import Case
from tests.conftest import TODAY
from tests.gui.case_workspace.test_documents_panel import make_png, open_documents


@pytest.fixture
def db(postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """This seat's database: the office server (its cache in its own data folder)."""
    monkeypatch.setenv("KEIDESK_DATA_DIR", str(tmp_path / "seat-b"))
    database = open_database(postgres_url)
    yield database
    database.close()


def test_a_photo_attached_on_another_seat_shows(window: Any, db, postgres_url, tmp_path, qtbot):
    seat_a = open_database(postgres_url)
    try:
        with seat_a.transaction("ayumi") as session:
            build_demo(session, cases=1, today=TODAY)
            case_id = int(session.scalar(select(func.min(Case.id))) or 0)
        photo = make_png(tmp_path / "plate.png")
        stored = attachment_store(seat_a).put(photo)
        with seat_a.transaction("ayumi") as session:
            add_document(session, case_id, stored, user="ayumi", doc_type="photo")
    finally:
        seat_a.close()
    photo.unlink()

    panel = open_documents(window, case_id)
    assert panel.model.rowCount() == 1
    qtbot.waitUntil(lambda: panel.thumbnails.get(stored.sha256) is not None)
    cached = tmp_path / "seat-b" / "cache" / "attachments" / stored.sha256[:2] / stored.sha256
    assert cached.is_file()  # the thumbnail's read fetched it
    cached.unlink()  # so the preview fetches it again, through a read task
    panel.table.selectRow(0)
    qtbot.waitUntil(lambda: panel.preview.currentWidget() is panel.preview.image)
    assert cached.is_file()
