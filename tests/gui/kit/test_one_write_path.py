"""One way to write: off the GUI thread on the app's runner, then one change signal that
every view hears. Here the runner is the real threaded one, as in the app."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from keidesk.gui.kit.context import AppContext
from keidesk.services.case_fields import parse_changes
from keidesk.services.cases import case_detail, update_case


@pytest.fixture
def write_threads(threaded: AppContext) -> Iterator[list[int]]:
    """The thread of every INSERT, UPDATE and DELETE on the database (SQLAlchemy's event)."""
    threads: list[int] = []

    def executed(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            threads.append(threading.get_ident())

    event.listen(threaded.database.engine, "after_cursor_execute", executed)
    yield threads
    event.remove(threaded.database.engine, "after_cursor_execute", executed)


def customer_in_list(window: Any) -> str | None:
    """The customer of the only case in the list, as the list shows it."""
    summary = window.desk.case_list.model.summary(0)
    return summary.customer if summary is not None else None


def test_a_write_runs_on_the_worker_and_every_view_hears_of_it(
    qtbot, threaded, make_window, make_case, today
):
    case_id = make_case(customer="Ann Ito")
    window = make_window(threaded)
    workspace = window.desk.open_case(case_id)
    qtbot.waitUntil(lambda: workspace.loaded)  # the case is read off the GUI thread
    window.desk.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: customer_in_list(window) == "Ann Ito")  # the list reads it
    ran_on: list[threading.Thread] = []

    def rename(session: Any) -> None:
        ran_on.append(threading.current_thread())
        changes = parse_changes({"customer_name": "Ben Sato"})
        update_case(session, case_id, changes, user=threaded.user, today=today)

    with qtbot.waitSignal(threaded.changes.cases_changed, timeout=10_000) as announced:
        handle = threaded.write(rename, cases=lambda _none: {case_id}, origin="test")
        assert not handle.finished  # the GUI thread went on at once
    assert ran_on and ran_on[0] is not threading.main_thread()
    assert announced.args == [frozenset({case_id}), "test"]
    qtbot.waitUntil(lambda: customer_in_list(window) == "Ben Sato")  # the list read it again
    qtbot.waitUntil(lambda: workspace.editors["customer_name"].text() == "Ben Sato")  # the case
    window.close()


def test_saving_a_case_writes_off_the_gui_thread(
    qtbot, threaded, make_window, make_case, write_threads, today
):
    case_id = make_case()
    window = make_window(threaded)
    workspace = window.desk.open_case(case_id)
    qtbot.waitUntil(lambda: workspace.loaded)  # the case is read off the GUI thread
    qtbot.keyClicks(workspace.editors["colour"], "red")
    assert workspace.dirty
    write_threads.clear()  # creating the case wrote on this thread, as tests do
    handle = workspace.save()
    assert handle is not None
    assert workspace.editors["colour"].isReadOnly()  # busy: no edits while it saves
    qtbot.waitUntil(lambda: handle.finished, timeout=10_000)
    assert write_threads
    assert threading.get_ident() not in write_threads
    assert not workspace.dirty
    assert not workspace.editors["colour"].isReadOnly()
    with threaded.database.reader() as session:
        assert case_detail(session, case_id, today=today).colour == "red"
    window.close()


def test_closing_with_a_save_waits_for_it_without_blocking(
    qtbot, threaded, make_window, make_case, dialogs, today
):
    """Save on close: the tab closes once the write is done; events flow meanwhile."""
    from keidesk.gui.kit.dialogs import Discard  # noqa: PLC0415

    case_id = make_case()
    window = make_window(threaded)
    workspace = window.desk.open_case(case_id)
    qtbot.waitUntil(lambda: workspace.loaded)  # the case is read off the GUI thread
    qtbot.keyClicks(workspace.editors["colour"], "teal")
    dialogs.discard_answers = [Discard.SAVE]
    assert window.desk.close_current_case()
    assert window.desk.current_workspace() is None
    with threaded.database.reader() as session:
        assert case_detail(session, case_id, today=today).colour == "teal"
    window.close()
