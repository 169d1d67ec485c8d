"""Live changes between seats: who else changed which cases, told within a second or two.

On PostgreSQL every transaction that changed data sends ``NOTIFY keidesk_changes, '<ids>'``
as it commits (the case ids, comma-separated, or ``all`` when they are unknown or too many for
a notification), and :class:`ChangeListener` listens on a connection of its own, in a thread
of its own, and calls back with the case ids. A notification is delivered only when its
transaction commits, so a rolled-back change is never announced.

On SQLite another process (a second keidesk, the CLI) writing the same file is noticed by
polling ``PRAGMA data_version`` once a second on a read-only connection of the watcher's own;
the append-only history then says which cases changed.

Both call back on their own thread; the GUI hands the news to its change bus
(:mod:`keidesk.gui.kit.live`). Nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from keidesk.storage.models import Case, Customer, Document, HistoryEntry, Vehicle, WorkflowStep

log = logging.getLogger(__name__)

CHANNEL = "keidesk_changes"
#: The payload that means "many or unknown cases".
ALL = "all"
#: PostgreSQL refuses a payload of 8000 bytes or more; longer lists become :data:`ALL`.
MAX_PAYLOAD = 7900
#: How often the SQLite watcher looks, and how long the listener waits between tries to
#: reach a server it lost.
POLL_SECONDS = 1.0
RECONNECT_SECONDS = 2.0
#: A connection silent for this long is checked with a query, so a link that died while a
#: laptop slept is noticed and opened again.
CHECK_SECONDS = 15.0

#: The cases a committed change touched: ids, or None for many or unknown.
Changed = frozenset[int] | None
OnChange = Callable[[Changed], None]
OnState = Callable[[bool], None]

_CHANGED = "keidesk_notify_changed"  # conn.info: set of ids, or None for all
_IN_FLUSH = "keidesk_notify_in_flush"
_WRITES = ("INSERT", "UPDATE", "DELETE")

#: Each engine's own server connections (their backend process ids): the listener of a seat
#: does not announce what that seat itself wrote (the seat announced it already).
_own_pids: weakref.WeakKeyDictionary[Engine, set[int]] = weakref.WeakKeyDictionary()


def parse_payload(payload: str) -> Changed:
    """The case ids a notification names (None: all)."""
    if not payload or payload == ALL:
        return None
    try:
        return frozenset(int(part) for part in payload.split(","))
    except ValueError:
        return None


def make_payload(case_ids: Changed) -> str:
    if case_ids is None:
        return ALL
    payload = ",".join(str(i) for i in sorted(case_ids))
    return payload if len(payload) <= MAX_PAYLOAD else ALL


# --- sending (PostgreSQL) ---------------------------------------------------------------------


def install(
    engine: Engine, factories: Iterable[sessionmaker[Session]], *, write_option: str
) -> None:
    """Make every committed change on a PostgreSQL ``engine`` send its notification. On SQLite
    (where :class:`SqliteWatcher` looks instead) note which history rows this process writes,
    so its watcher does not take them for another program's. ``write_option`` is the execution
    option of the transactions that take the write lock as they begin."""
    if engine.dialect.name == "sqlite":
        _note_own_history(engine, write_option)
        return
    if engine.dialect.name != "postgresql":
        return
    pids: set[int] = set()
    _own_pids[engine] = pids

    @event.listens_for(engine, "connect")
    def _connected(dbapi_connection: Any, _record: object) -> None:
        pids.add(int(dbapi_connection.info.backend_pid))

    @event.listens_for(engine, "close")
    def _closed(dbapi_connection: Any, _record: object) -> None:
        with contextlib.suppress(Exception):
            pids.discard(int(dbapi_connection.info.backend_pid))

    event.listen(engine, "after_cursor_execute", _note_write)
    event.listen(engine, "commit", _send)
    event.listen(engine, "rollback", _forget)
    for factory in factories:
        event.listen(factory, "before_flush", _flush_begins)
        event.listen(factory, "after_flush", _flush_changed)
        event.listen(factory, "after_flush_postexec", _flush_ends)


class OwnRows:
    """The history rows this process wrote, as id ranges (first, last); shared between the
    writing threads and the watcher's."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ranges: list[tuple[int, int]] = []

    def add(self, first: int, last: int) -> None:
        with self._lock:
            self._ranges.append((first, last))

    def take_until(self, last_seen: int) -> list[tuple[int, int]]:
        """The ranges, forgetting those wholly at or below ``last_seen`` afterwards."""
        with self._lock:
            ranges = list(self._ranges)
            self._ranges = [r for r in self._ranges if r[1] > last_seen]
        return ranges


_own_rows: weakref.WeakKeyDictionary[Engine, OwnRows] = weakref.WeakKeyDictionary()
_HISTORY_START = "keidesk_history_start"


def _last_history_id(dbapi_connection: Any) -> int | None:
    try:
        row = dbapi_connection.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()
    except sqlite3.Error:
        return None  # no history table yet (a database being created)
    return int(row[0])


def _note_own_history(engine: Engine, write_option: str) -> None:
    """A write transaction holds SQLite's write lock from its BEGIN IMMEDIATE to its commit:
    the history rows added in between are all its own."""
    rows = OwnRows()
    _own_rows[engine] = rows

    @event.listens_for(engine, "begin")
    def _begun(connection: Any) -> None:
        if connection.get_execution_options().get(write_option, False):
            start = _last_history_id(connection.connection.dbapi_connection)
            connection.info[_HISTORY_START] = start

    @event.listens_for(engine, "commit")
    def _committing(connection: Any) -> None:
        start = connection.info.pop(_HISTORY_START, None)
        if start is None:
            return
        end = _last_history_id(connection.connection.dbapi_connection)
        if end is not None and end > start:
            rows.add(start + 1, end)

    @event.listens_for(engine, "rollback")
    def _rolled_back(connection: Any) -> None:
        if not _dropped(connection):
            connection.info.pop(_HISTORY_START, None)


def own_history_rows(engine: Engine) -> OwnRows | None:
    return _own_rows.get(engine)


def own_backend_pids(engine: Engine) -> frozenset[int]:
    return frozenset(_own_pids.get(engine, ()))


def _note_write(
    conn: Any, _cursor: object, statement: str, _params: object, _context: object, _many: bool
) -> None:
    if not statement.lstrip()[:6].upper().startswith(_WRITES):
        return
    if conn.info.get(_IN_FLUSH):
        conn.info.setdefault(_CHANGED, set())  # the flush names its cases (_flush_changed)
    else:
        conn.info[_CHANGED] = None  # a write of rows the session did not track: unknown


def _merge(conn: Any, ids: set[int] | None) -> None:
    current = conn.info.get(_CHANGED, set())
    conn.info[_CHANGED] = None if current is None or ids is None else current | ids


def _flush_begins(session: Session, _context: object, _instances: object) -> None:
    session.connection().info[_IN_FLUSH] = True


def _flush_ends(session: Session, _context: object) -> None:
    session.connection().info.pop(_IN_FLUSH, None)


def _flush_changed(session: Session, _context: object) -> None:
    """The cases this flush changed (None when it changed data that is not one case's)."""
    ids: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if obj in session.dirty and not session.is_modified(obj):
            continue
        case_ids = _case_ids(session, obj)
        if case_ids is None:
            _merge(session.connection(), None)
            return
        ids |= case_ids
    _merge(session.connection(), ids)


def _case_ids(session: Session, obj: object) -> set[int] | None:
    if isinstance(obj, HistoryEntry):
        return set()
    if isinstance(obj, Case):
        return {obj.id}
    if isinstance(obj, WorkflowStep | Document):
        return {obj.case_id}
    if isinstance(obj, Vehicle):
        found = session.connection().scalar(select(Case.id).where(Case.vehicle_id == obj.id))
        return set() if found is None else {found}
    if isinstance(obj, Customer):
        return {case.id for case in obj.cases}
    return None  # a state rule, a setting…: it may change how any case shows


def _send(conn: Any) -> None:
    """As the transaction commits: tell the other seats (delivered with the commit)."""
    conn.info.pop(_IN_FLUSH, None)
    if _CHANGED not in conn.info:
        return
    changed = conn.info.pop(_CHANGED)
    if changed is not None and not changed:
        return
    payload = make_payload(None if changed is None else frozenset(changed))
    # On the driver's connection: a statement through SQLAlchemy here would run its events.
    with conn.connection.dbapi_connection.cursor() as cursor:
        cursor.execute("SELECT pg_notify(%s, %s)", (CHANNEL, payload))


def _forget(conn: Any) -> None:
    if not _dropped(conn):
        conn.info.pop(_CHANGED, None)
        conn.info.pop(_IN_FLUSH, None)


def _dropped(conn: Any) -> bool:
    """Whether SQLAlchemy dropped this connection in the middle of a statement (Ctrl+C in a
    write): what was noted in its ``info`` goes with its DBAPI connection, and reaching for
    ``info`` as the transaction rolls back would raise over the interrupt."""
    return bool(conn.invalidated)


# --- listening --------------------------------------------------------------------------------


class Listening:
    """A daemon thread that runs ``_run`` until :meth:`stop`."""

    def __init__(self, on_change: OnChange, on_state: OnState | None, name: str) -> None:
        self.on_change = on_change
        self.on_state = on_state or (lambda _up: None)
        self._stop = threading.Event()
        self.ready = threading.Event()  # set once it listens (tests wait for it)
        self._thread = threading.Thread(target=self._guarded, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def _wait(self, seconds: float) -> bool:
        """Sleep, unless stopped meanwhile (then True)."""
        return self._stop.wait(seconds)

    def _guarded(self) -> None:
        try:
            self._run()
        except Exception:  # a bug here must not end the app; the views only stop being live
            log.exception("the change listener stopped")

    def _run(self) -> None:
        raise NotImplementedError


class ChangeListener(Listening):
    """Listens for other seats' changes on a PostgreSQL server, on its own connection.

    ``on_change(case_ids)`` is called on the listener's thread; ``on_state(False)`` when the
    server cannot be reached any more, ``on_state(True)`` when it can again (followed by
    ``on_change(None)``: what changed meanwhile is not known). Changes sent by ``engine``'s
    own connections are not reported."""

    def __init__(
        self,
        url: URL,
        on_change: OnChange,
        on_state: OnState | None = None,
        *,
        engine: Engine | None = None,
    ) -> None:
        super().__init__(on_change, on_state, "keidesk-listen")
        self._conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._engine = engine

    def _connect(self) -> Any:
        import psycopg  # noqa: PLC0415 - only on a server database

        return psycopg.connect(
            self._conninfo,
            autocommit=True,
            connect_timeout=5,
            application_name="keidesk live changes",
            # A link that died (a laptop asleep, a cable out) is noticed within about 20 s.
            keepalives=1,
            keepalives_idle=10,
            keepalives_interval=3,
            keepalives_count=3,
            tcp_user_timeout=15000,
        )

    def _run(self) -> None:
        import psycopg  # noqa: PLC0415

        down = missed = False
        while not self.stopping:
            try:
                connection = self._connect()
            except psycopg.Error:
                missed = True
                if not down:
                    down = True
                    self.on_state(False)
                if self._wait(RECONNECT_SECONDS):
                    return
                continue
            try:
                with connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    if down:
                        down = False
                        self.on_state(True)
                    if missed:
                        missed = False
                        self.on_change(None)  # what changed while it was not listening
                    self.ready.set()
                    self._listen(connection)
            except psycopg.Error:
                # The link broke (a laptop that slept, a server restarted): connect again at
                # once; the views hear of it only when the server cannot be reached.
                log.info("the change listener lost its connection; connecting again")
                missed = True
                if self._wait(0.2):
                    return

    def _listen(self, connection: Any) -> None:
        silent = 0.0
        while not self.stopping:
            own = own_backend_pids(self._engine) if self._engine is not None else frozenset()
            changed: set[int] | None = set()
            heard = False
            for note in connection.notifies(timeout=POLL_SECONDS / 2, stop_after=100):
                if note.pid in own:
                    continue
                heard = True
                ids = parse_payload(note.payload)
                changed = None if ids is None or changed is None else changed | ids
            if heard:
                silent = 0.0
                self.on_change(None if changed is None else frozenset(changed))
            else:
                silent += POLL_SECONDS / 2
                if silent >= CHECK_SECONDS:
                    silent = 0.0
                    connection.execute("SELECT 1")


class SqliteWatcher(Listening):
    """Notices another process's changes to an SQLite file, once a second.

    ``PRAGMA data_version`` on the watcher's own read-only connection changes when any other
    connection committed; the history rows added since the last look name the cases (None
    when a change left no history, or touched no case). Rows in ``own`` (this process's
    writes, which it announced itself) are not reported."""

    def __init__(self, path: Path, on_change: OnChange, own: OwnRows | None = None) -> None:
        super().__init__(on_change, None, "keidesk-watch")
        self.path = path
        self.own = own

    def _run(self) -> None:
        from keidesk.storage.database import read_only_uri  # noqa: PLC0415 - no cycle

        connection: sqlite3.Connection | None = None
        version = last_history = 0
        while not self.stopping:
            try:
                if connection is None:
                    connection = sqlite3.connect(
                        read_only_uri(self.path), uri=True, timeout=1.0, check_same_thread=False
                    )
                    connection.isolation_level = None
                    version = self._data_version(connection)
                    last_history = self._last_history(connection)
                    self.ready.set()
                elif (now := self._data_version(connection)) != version:
                    version = now
                    theirs, changed, last_history = self._changed_since(connection, last_history)
                    if theirs:
                        self.on_change(changed)
            except sqlite3.Error:
                # Busy, moved or gone: look again later (the next look opens it again).
                if connection is not None:
                    connection.close()
                    connection = None
            if self._wait(POLL_SECONDS):
                break
        if connection is not None:
            connection.close()

    @staticmethod
    def _data_version(connection: sqlite3.Connection) -> int:
        return int(connection.execute("PRAGMA data_version").fetchone()[0])

    @staticmethod
    def _last_history(connection: sqlite3.Connection) -> int:
        return int(connection.execute("SELECT coalesce(max(id), 0) FROM history").fetchone()[0])

    def _changed_since(
        self, connection: sqlite3.Connection, after: int
    ) -> tuple[bool, Changed, int]:
        """Whether another program changed anything, which cases, and the last row seen."""
        rows = connection.execute(
            "SELECT id, case_id FROM history WHERE id > ? ORDER BY id", (after,)
        ).fetchall()
        if not rows:
            return True, None, after  # a change that left no history: anything may have
        last = int(rows[-1][0])
        own = self.own.take_until(last) if self.own is not None else []
        theirs = [
            case_id
            for row_id, case_id in rows
            if not any(first <= row_id <= end for first, end in own)
        ]
        if not theirs:
            return False, None, last  # all of it this process's own, announced already
        if None in theirs:
            return True, None, last
        return True, frozenset(int(i) for i in theirs), last


def watcher_for(
    engine: Engine, path: Path | None, url: URL, on_change: OnChange, on_state: OnState | None
) -> Listening | None:
    """The way this database tells of other seats' changes (None: an in-memory database)."""
    if engine.dialect.name == "postgresql":
        return ChangeListener(url, on_change, on_state, engine=engine)
    if path is not None:
        return SqliteWatcher(path, on_change, own_history_rows(engine))
    return None
