"""A case is read as it opens, again after a change, and its history, off the GUI thread, as in
the app (the real threaded runner): a slow database never freezes the window."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from keidesk.gui.kit.context import AppContext
from keidesk.services.case_fields import parse_changes
from keidesk.services.cases import update_case


@pytest.fixture
def case_reads(threaded: AppContext) -> Iterator[list[tuple[str, threading.Thread]]]:
    """Every SELECT on a case or its history, with its thread (SQLAlchemy's event). Small
    lookups (a state rule, a chassis code) read other tables."""
    reads: list[tuple[str, threading.Thread]] = []

    def executing(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        text = statement.lstrip()
        if text.upper().startswith("SELECT") and ("FROM cases" in text or "FROM history" in text):
            reads.append((text, threading.current_thread()))

    event.listen(threaded.database.engine, "before_cursor_execute", executing)
    yield reads
    event.remove(threaded.database.engine, "before_cursor_execute", executing)


def rename(threaded: AppContext, case_id: int, name: str, today: Any) -> None:
    """Another view's write (not the workspace's own save)."""
    changes = parse_changes({"customer_name": name})
    threaded.write(
        lambda s: update_case(s, case_id, changes, user=threaded.user, today=today),
        cases=lambda _none: {case_id},
        origin="elsewhere",
    )


def test_a_case_opens_and_is_read_again_off_the_gui_thread(
    qtbot, threaded, make_window, make_case, case_reads, today
):
    case_id = make_case(customer="Ann Ito")
    window = make_window(threaded)
    qtbot.waitUntil(lambda: not threaded.tasks.busy, timeout=10_000)
    case_reads.clear()
    workspace = window.desk.open_case(case_id)
    assert not workspace.loaded and workspace.editors["colour"].isReadOnly()  # on its way
    qtbot.waitUntil(lambda: workspace.loaded, timeout=10_000)
    assert workspace.editors["customer_name"].text() == "Ann Ito"
    assert not workspace.editors["colour"].isReadOnly()
    assert window.desk.tabs.tabText(window.desk.tabs.currentIndex()) == workspace.number
    assert case_reads
    assert all(thread is not threading.main_thread() for _statement, thread in case_reads)
    qtbot.keyClicks(workspace.editors["colour"], "red")  # an edit in progress
    qtbot.waitUntil(lambda: not threaded.tasks.busy, timeout=10_000)
    case_reads.clear()
    rename(threaded, case_id, "Ben Sato", today)
    qtbot.waitUntil(lambda: workspace.editors["customer_name"].text() == "Ben Sato", timeout=10_000)
    qtbot.waitUntil(lambda: not threaded.tasks.busy, timeout=10_000)
    assert case_reads
    assert all(thread is not threading.main_thread() for _statement, thread in case_reads)
    assert workspace.editors["colour"].text() == "red"  # the edit stays
    assert workspace.dirty
    window.close()


def test_the_history_is_read_off_the_gui_thread(
    qtbot, threaded, make_window, make_case, case_reads, today
):
    case_id = make_case(customer="Ann Ito")
    window = make_window(threaded)
    workspace = window.desk.open_case(case_id)
    qtbot.waitUntil(lambda: workspace.loaded, timeout=10_000)
    qtbot.waitUntil(lambda: not threaded.tasks.busy, timeout=10_000)
    case_reads.clear()
    workspace.tabs.setCurrentWidget(workspace.history)
    qtbot.waitUntil(lambda: workspace.history.model.rowCount() > 0, timeout=10_000)
    shown = workspace.history.model.rowCount()
    rename(threaded, case_id, "Ben Sato", today)  # the history follows its case
    qtbot.waitUntil(lambda: workspace.history.model.rowCount() > shown, timeout=10_000)
    history_reads = [thread for statement, thread in case_reads if "FROM history" in statement]
    assert history_reads
    assert threading.main_thread() not in history_reads
    window.close()


def test_a_read_arriving_after_the_case_closed_is_dropped(
    qtbot, threaded, make_window, make_case, today
):
    case_id = make_case(customer="Ann Ito")
    window = make_window(threaded)
    workspace = window.desk.open_case(case_id)
    qtbot.waitUntil(lambda: workspace.loaded, timeout=10_000)
    rename(threaded, case_id, "Ben Sato", today)
    assert window.desk.close_current_case()  # before the write and its reload are back
    assert not workspace._alive()
    qtbot.waitUntil(lambda: not threaded.tasks.busy, timeout=10_000)
    assert not threaded.dialogs.bugs and not threaded.dialogs.errors  # dropped quietly
    window.close()
