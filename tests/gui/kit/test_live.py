"""Other seats' changes show without anybody reloading: the case list, the dashboard and an
open workspace, whether another computer changed the case on the office server (PostgreSQL
LISTEN/NOTIFY) or another program changed the same SQLite file (the CLI, in a child process).

No timing: each test waits until the view shows the change, with a generous timeout."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from keidesk.gui.case_list.panel import CaseListPanel
from keidesk.gui.kit.changes import ANOTHER_SEAT, CaseIds
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.errors import ErrorReporter
from keidesk.gui.kit.live import LiveChanges
from keidesk.storage.database import Database, open_database
from keidesk.storage.models import Case, Vehicle
from tests.conftest import child_env

ROOT = Path(__file__).resolve().parents[3]
WAIT_MS = 30_000


def _cli(db_path: Path, *args: str) -> str:
    """``keidesk`` run as another program on the same file."""
    done = subprocess.run(
        [sys.executable, "-m", "keidesk", "--db", str(db_path), "--user", "cli", *args],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return done.stdout


@pytest.fixture
def live(context: AppContext) -> Iterator[LiveChanges]:
    watch = LiveChanges(context.database, context.changes)
    watch.start()
    worker = watch.worker
    assert worker is not None and worker.ready.wait(WAIT_MS / 1000)
    yield watch
    watch.stop()


def test_another_program_changing_the_file_shows_in_the_list_and_the_workspace(
    window, context, live, make_case, db_path, qtbot
):
    case_id = make_case()  # this program's own write: not announced as another's
    heard: list[tuple[CaseIds, object]] = []
    context.changes.cases_changed.connect(lambda ids, origin: heard.append((ids, origin)))
    case_list = window.desk.case_list
    case_list.refresh()
    assert case_list.model.rowCount() == 1
    workspace = window.desk.open_case(case_id)
    colour = workspace.editors["colour"]
    assert isinstance(colour, QLineEdit)
    colour.setFocus()
    qtbot.keyClicks(colour, "white")  # an edit of this seat's, not saved yet

    _cli(db_path, "case", "set", str(case_id), "vessel=Ocean Star")
    qtbot.waitUntil(lambda: workspace.field_text("vessel") == "Ocean Star", timeout=WAIT_MS)
    assert heard[0] == (frozenset({case_id}), ANOTHER_SEAT)  # the CLI's change, not make_case's
    assert workspace.field_text("colour") == "white" and workspace.dirty  # the edit stays

    _cli(db_path, "case", "add", "--chassis", "DA52T-700001")
    qtbot.waitUntil(lambda: case_list.model.rowCount() == 2, timeout=WAIT_MS)


def _seat_context(database: Database, context: AppContext) -> AppContext:
    reporter = ErrorReporter(context.dialogs)
    return AppContext(
        database=database,
        user="ann",
        dialogs=context.dialogs,
        settings=context.settings,
        tasks=context.tasks,
        reporter=reporter,
    )


def test_a_case_added_on_another_seat_shows_in_the_case_list(postgres_url, context, qtbot):
    mine, theirs = open_database(postgres_url), open_database(postgres_url)
    seat = _seat_context(mine, context)
    panel = CaseListPanel(seat)
    qtbot.addWidget(panel)
    watch = LiveChanges(mine, seat.changes)
    watch.start()
    try:
        worker = watch.worker
        assert worker is not None and worker.ready.wait(WAIT_MS / 1000)
        qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=WAIT_MS)
        with (
            qtbot.waitSignal(seat.changes.cases_changed, timeout=WAIT_MS) as signal,
            theirs.transaction("bea") as session,
        ):
            session.add(
                Case(vehicle=Vehicle(chassis_number="DA52T-700002", identifier_kind="frame"))
            )
        assert signal.args is not None and signal.args[1] == ANOTHER_SEAT
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT_MS)
        assert panel.model.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    finally:
        watch.stop()
        mine.close()
        theirs.close()
