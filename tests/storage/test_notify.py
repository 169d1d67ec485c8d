"""Live changes between seats: a change saved through one seat reaches another seat's listener
(PostgreSQL LISTEN/NOTIFY), and another process's change to an SQLite file is noticed.

Nothing here is timed: each test waits on an event with a generous timeout and counts."""

from __future__ import annotations

import queue
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from keidesk.services import cases
from keidesk.storage import notify
from keidesk.storage.database import Database, open_database
from keidesk.storage.models import Case, Vehicle
from tests.conftest import TODAY, child_env

ROOT = Path(__file__).resolve().parents[2]
#: Generous: the listener hears within a second; a loaded CI machine may be slow.
WAIT_S = 30.0


class Heard:
    """What a listener reported, in order, for the test thread to wait on."""

    def __init__(self) -> None:
        self.changes: queue.Queue[notify.Changed] = queue.Queue()
        self.states: queue.Queue[bool] = queue.Queue()

    def change(self, case_ids: notify.Changed) -> None:
        self.changes.put(case_ids)

    def state(self, up: bool) -> None:
        self.states.put(up)

    def next_change(self) -> notify.Changed:
        return self.changes.get(timeout=WAIT_S)


@pytest.fixture
def two_seats(postgres_url: str) -> Iterator[tuple[Database, Database]]:
    first, second = open_database(postgres_url), open_database(postgres_url)
    yield first, second
    first.close()
    second.close()


def _listen(database: Database, heard: Heard) -> notify.ChangeListener:
    listener = notify.ChangeListener(
        database.location.url, heard.change, heard.state, engine=database.engine
    )
    listener.start()
    assert listener.ready.wait(WAIT_S)
    return listener


def _new_case(database: Database, chassis: str) -> int:
    """A bare case through the ORM (the session's hooks are what is tested here)."""
    with database.transaction("ann") as session:
        case = Case(vehicle=Vehicle(chassis_number=chassis, identifier_kind="frame"), notes="")
        session.add(case)
        session.flush()
        return case.id


def _set_notes(database: Database, case_id: int, notes: str) -> None:
    with database.transaction("ann") as session:
        case = session.get(Case, case_id)
        assert case is not None
        case.notes = notes


def test_a_change_on_one_seat_reaches_the_other_seats_listener(
    two_seats: tuple[Database, Database],
) -> None:
    first, second = two_seats
    case_id = _new_case(first, "DA52T-100001")
    heard = Heard()
    listener = _listen(second, heard)
    try:
        _set_notes(first, case_id, "at the port")
        assert heard.next_change() == frozenset({case_id})

        added = _new_case(first, "DA52T-100002")  # a new case is announced too
        assert heard.next_change() == frozenset({added})
    finally:
        listener.stop()
    assert heard.changes.empty()  # one notification per transaction, nothing more


def test_a_seat_does_not_hear_its_own_changes_nor_a_rolled_back_one(
    two_seats: tuple[Database, Database],
) -> None:
    first, second = two_seats
    case_id = _new_case(first, "DA52T-100003")
    heard = Heard()
    listener = _listen(second, heard)
    try:
        _set_notes(second, case_id, "mine")  # the listener's own seat: not told
        with pytest.raises(RuntimeError), first.transaction("ann") as session:
            case = session.get(Case, case_id)
            assert case is not None
            case.notes = "never saved"
            session.flush()
            raise RuntimeError("given up")
        _set_notes(first, case_id, "saved")  # after both: the first thing heard is this one
        assert heard.next_change() == frozenset({case_id})
    finally:
        listener.stop()
    assert heard.changes.empty()


def test_a_long_list_of_cases_is_sent_as_all(two_seats: tuple[Database, Database]) -> None:
    assert notify.make_payload(frozenset(range(1, 5000))) == notify.ALL
    assert notify.parse_payload(notify.make_payload(frozenset({3, 1, 2}))) == frozenset({1, 2, 3})
    first, second = two_seats
    heard = Heard()
    listener = _listen(second, heard)
    try:
        with first.transaction("ann") as session:  # rows the session does not track: all
            session.execute(text("UPDATE cases SET notes = 'bulk'"))
        assert heard.next_change() is None
    finally:
        listener.stop()


def test_the_listener_connects_again_after_losing_its_connection(
    two_seats: tuple[Database, Database],
) -> None:
    """As after a laptop slept: the server ended the listener's connection; it connects again
    by itself, says that anything may have changed, and goes on hearing changes."""
    first, second = two_seats
    case_id = _new_case(first, "DA52T-100004")
    heard = Heard()
    listener = _listen(second, heard)
    try:
        with first.engine.connect() as connection:
            ended = connection.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE application_name = 'keidesk live changes'"
                    " AND datname = current_database()"
                )
            ).scalar_one()
        assert ended == 1
        assert heard.next_change() is None  # back: what changed meanwhile is not known
        _set_notes(first, case_id, "after")
        assert heard.next_change() == frozenset({case_id})
    finally:
        listener.stop()


_CHILD_EDIT = textwrap.dedent(
    """
    import sys
    from datetime import date
    from keidesk.services import cases
    from keidesk.storage.database import open_database
    database = open_database(sys.argv[1])
    with database.transaction("cli") as session:
        cases.update_case(
            session, int(sys.argv[2]), {"notes": "from the CLI"}, user="cli",
            today=date.fromisoformat(sys.argv[3]),
        )
    """
)


@pytest.mark.sqlite_only
def test_another_process_changing_an_sqlite_file_is_noticed_but_not_this_ones(
    db: Database, db_path: Path
) -> None:
    with db.transaction("ann") as session:
        mine = cases.create_case(session, chassis="DA52T-100007", today=TODAY)
        case_id = cases.create_case(session, chassis="DA52T-100005", today=TODAY)
    heard = Heard()
    watcher = notify.watcher_for(db.engine, db_path, db.location.url, heard.change, None)
    assert isinstance(watcher, notify.SqliteWatcher)
    watcher.start()
    try:
        assert watcher.ready.wait(WAIT_S)
        with db.transaction("ann") as session:  # this process's own: announced by itself
            cases.update_case(session, mine, {"notes": "mine"}, user="ann", today=TODAY)
        subprocess.run(
            [sys.executable, "-c", _CHILD_EDIT, str(db_path), str(case_id), TODAY.isoformat()],
            cwd=ROOT,
            env=child_env(),
            check=True,
            timeout=120,
        )
        assert heard.next_change() == frozenset({case_id})
    finally:
        watcher.stop()
    assert heard.changes.empty()


def test_a_seat_works_on_after_its_connections_were_cut(
    two_seats: tuple[Database, Database],
) -> None:
    """As after a laptop slept and the server dropped its connections: the next action checks
    the pooled connection first and opens a new one, instead of failing."""
    first, second = two_seats
    case_id = _new_case(first, "DA52T-100006")
    pids = sorted(notify.own_backend_pids(first.engine))
    assert pids
    with second.engine.connect() as connection:
        cut = connection.execute(
            text("SELECT count(pg_terminate_backend(pid)) FROM unnest(:pids) AS pid"),
            {"pids": pids},
        ).scalar_one()
    assert cut == len(pids)
    _set_notes(first, case_id, "after the night")
    with first.reader() as session:
        case = session.get(Case, case_id)
        assert case is not None and case.notes == "after the night"
