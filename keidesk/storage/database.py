"""Opening a keidesk database: the one way in, for the CLI, the GUI and the tests.

``open_database`` resolves where the database is (argument, ``KEIDESK_DB``, or the user data
folder), refuses files that are not keidesk databases or come from a newer keidesk, backs up an
older schema before migrating it, and seeds the shipped reference data.
"""

from __future__ import annotations

import ast
import contextlib
import os
import re
import sqlite3
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Engine, create_engine, event, inspect, make_url, text
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from keidesk import clock, paths
from keidesk.domain.messages import msg
from keidesk.storage import events, notify, server
from keidesk.storage.errors import (
    DatabaseCorrupt,
    DatabaseReadOnly,
    DatabaseTooNew,
    DatabaseTooOld,
    NotAKeideskDatabase,
    StorageError,
    translate,
)
from keidesk.storage.locks import WRITING_KEY
from keidesk.storage.models import Base
from keidesk.storage.seed import seed_reference_data

if TYPE_CHECKING:
    from alembic.config import Config

SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
DEFAULT_BUSY_TIMEOUT_S = 5.0


@dataclass(frozen=True, slots=True)
class DatabaseLocation:
    url: URL
    path: Path | None  # the SQLite file, None for a server database or in-memory
    label: str  # what to show a user

    def connect_string(self) -> str:
        """What another process (a packet batch's workers) opens the same database with: the
        file's path, or the URL with its password. Never print it: show :attr:`label`."""
        if self.path is not None:
            return str(self.path)
        return self.url.render_as_string(hide_password=False)


def locate(target: str | Path | None = None) -> DatabaseLocation:
    """Where the database is: ``target`` (a path or a SQLAlchemy URL), ``KEIDESK_DB``, or
    the default file in the user data folder."""
    chosen = str(target) if target is not None else os.environ.get(paths.DB_ENV_VAR) or None
    if chosen is None:
        path = paths.default_database_path()
        return DatabaseLocation(_sqlite_url(path), path, str(path))
    if "://" in chosen:
        try:
            url = make_url(chosen)
        except ArgumentError:
            raise StorageError(
                msg("{chosen!r} is not a database path or URL.", chosen=chosen)
            ) from None
        if url.get_backend_name() == "sqlite":
            database = url.database
            if database and database != ":memory:":
                path = Path(database).expanduser().resolve()
                return DatabaseLocation(url.set(database=str(path)), path, str(path))
        return DatabaseLocation(url, None, url.render_as_string(hide_password=True))
    path = Path(chosen).expanduser().resolve()
    return DatabaseLocation(_sqlite_url(path), path, str(path))


def _sqlite_url(path: Path) -> URL:
    return URL.create("sqlite", database=str(path))


class Database:
    """An open, migrated keidesk database. Create sessions per user action with
    :meth:`transaction` (writes) or :meth:`reader` (reads)."""

    def __init__(self, engine: Engine, location: DatabaseLocation, *, read_only: bool) -> None:
        self.engine = engine
        self.location = location
        self.read_only = read_only
        self._factory = sessionmaker(engine, expire_on_commit=False)
        # Writes begin by taking the write lock (BEGIN IMMEDIATE on SQLite, see
        # ``_sqlite_transactions``): what a write reads to decide (a workflow gate, whether a
        # customer or chassis exists) cannot change before it is saved, whoever else writes.
        self._writer = sessionmaker(
            engine.execution_options(**{_WRITE_OPTION: True}), expire_on_commit=False
        )
        events.install(self._factory)
        events.install(self._writer)
        # Other seats hear of changes (PostgreSQL); on SQLite, this process's own are known.
        notify.install(engine, (self._factory, self._writer), write_option=_WRITE_OPTION)
        self._signed_in_as: str | None = None

    @property
    def path(self) -> Path | None:
        return self.location.path

    @property
    def folder(self) -> Path:
        """The folder beside the database where attachments and backups live."""
        if self.location.path is not None:
            return self.location.path.parent
        return paths.data_dir()

    @property
    def is_server(self) -> bool:
        """A PostgreSQL office database (several seats), not a laptop's SQLite file."""
        return self.engine.dialect.name == "postgresql"

    @property
    def signed_in_as(self) -> str | None:
        """On a server, the database role this seat signed in as: who the history records
        (the database writes it there itself); None on SQLite."""
        if not self.is_server:
            return None
        if self._signed_in_as is None:
            with self.guard(), self.engine.connect() as connection:
                self._signed_in_as = str(connection.scalar(text("SELECT session_user")))
        return self._signed_in_as

    def user_for(self, name: str) -> str:
        """The name a change is recorded under: on a server, the signed-in role (a name typed
        with --user or in the preferences cannot stand in for it); elsewhere ``name``."""
        return self.signed_in_as or name

    @contextlib.contextmanager
    def transaction(self, user: str) -> Iterator[Session]:
        """One session and one transaction for one user action: all of it is saved or none.
        It holds the write lock from its first statement to its end (on SQLite; on a server,
        each case it changes is locked as it is read, see :mod:`keidesk.storage.locks`)."""
        with self._transaction(self.user_for(user), self._writer) as session:
            session.info[WRITING_KEY] = True
            yield session

    @contextlib.contextmanager
    def _transaction(self, user: str, factory: sessionmaker[Session]) -> Iterator[Session]:
        if self.read_only:
            raise DatabaseReadOnly(
                msg(
                    "The database is open read-only ({label}); changes cannot be saved.",
                    label=self.location.label,
                )
            )
        with self._guard(), factory() as session:
            session.info[events.USER_KEY] = user
            with session.begin():
                yield session

    @contextlib.contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for reading; anything it changes is rolled back."""
        with self._guard(), self._factory() as session:
            try:
                yield session
            finally:
                session.rollback()

    def guard(self) -> contextlib.AbstractContextManager[None]:
        """Database errors of the surroundings (a locked file, an unreachable server, a wrong
        password) raised as plain :class:`StorageError` messages."""
        return self._guard()

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            with guarded(self.location.label):
                yield
        except ValueError as exc:
            # A stored value that cannot be read (a date of garbage): damage inside a page that
            # SQLite did not notice as it read it. Said plainly when the file's structure is
            # damaged too; otherwise it is a bug.
            if not self._structure_damaged():
                raise
            raise DatabaseCorrupt(
                msg(
                    "The database file is damaged ({label}). "
                    "Restore a backup or choose another file.",
                    label=self.location.label,
                )
            ) from exc

    def _structure_damaged(self) -> bool:
        path = self.path
        if path is None:
            return False
        try:
            with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
                return db.execute("PRAGMA quick_check").fetchall() != [("ok",)]
        except sqlite3.DatabaseError:
            return True

    def close(self) -> None:
        self.engine.dispose()


_WRITE_OPTION = "keidesk_write"


@contextlib.contextmanager
def guarded(label: str) -> Iterator[None]:
    """Raise a known environment failure of the database as its plain StorageError."""
    try:
        yield
    except DBAPIError as exc:
        error = translate(exc, label)
        if error is None:
            raise
        raise error from exc


#: On a server: how long a statement waits for a row another seat holds, and how long any one
#: statement may run, before it gives up with a plain message (a seat never waits forever).
STATEMENT_TIMEOUT_S = 120.0
IDLE_IN_TRANSACTION_TIMEOUT_S = 300.0
CONNECT_TIMEOUT_S = 10


def _server_connect_args(lock_timeout_s: float, read_only: bool) -> dict[str, Any]:
    options = (
        f"-c lock_timeout={int(lock_timeout_s * 1000)}"
        f" -c statement_timeout={int(STATEMENT_TIMEOUT_S * 1000)}"
        f" -c idle_in_transaction_session_timeout={int(IDLE_IN_TRANSACTION_TIMEOUT_S * 1000)}"
    )
    if read_only:  # the server refuses a write too, not only keidesk
        options += " -c default_transaction_read_only=on"
    return {"connect_timeout": CONNECT_TIMEOUT_S, "options": options}


def _sqlite_transactions(engine: Engine) -> None:
    """Transactions as SQLite means them (the pysqlite recipe in SQLAlchemy's documentation):
    the driver's own guessing when to begin is turned off, and a write transaction begins with
    ``BEGIN IMMEDIATE``, taking the write lock before it reads anything, so what it reads stays
    true until it commits. A read begins deferred and never blocks a writer (WAL)."""

    @event.listens_for(engine, "connect")
    def _no_driver_transactions(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        write = connection.get_execution_options().get(_WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _set_sqlite_pragmas(busy_timeout_s: float, read_only: bool) -> Any:
    def on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                cursor.execute("PRAGMA journal_mode = WAL")
                # FULL: a committed change survives power loss, not only a crash.
                cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    return on_connect


def _check_file(path: Path) -> None:
    """Refuse a folder, an unreadable file or one that is not SQLite at all, by looking at its
    first bytes only (``_probe_existing`` then looks inside an SQLite file, read-only)."""
    try:
        if path.is_dir():
            raise NotAKeideskDatabase(
                msg("{path} is a folder, not a keidesk database file.", path=str(path))
            )
        if not path.exists() or path.stat().st_size == 0:
            return
    except PermissionError:
        raise StorageError(
            msg(
                "keidesk may not open {path}: the folder it is in is not accessible to you.",
                path=str(path),
            )
        ) from None
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except PermissionError:
        raise StorageError(
            msg("keidesk may not read {path}; check its permissions.", path=str(path))
        ) from None
    if header != SQLITE_HEADER:
        raise NotAKeideskDatabase(
            msg(
                "{path} is not a keidesk database (it is not an SQLite database file).",
                path=str(path),
            )
        )


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config  # noqa: PLC0415 - alembic only when a migration runs

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


_REVISION_LINE = re.compile(
    r"^(?P<name>revision|down_revision)\s*(?::[^=]*)?=\s*(?P<value>.+?)\s*$", re.MULTILINE
)


@cache
def _revision_graph() -> dict[str, tuple[str, ...]]:
    """Each migration's revision and the revisions it follows, read from the scripts' own
    ``revision = ...`` / ``down_revision = ...`` lines: opening a database that is already
    up to date then needs no alembic import (about a tenth of a second at start-up). A test
    checks this against alembic's own reading of the scripts."""
    graph: dict[str, tuple[str, ...]] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = {
            match["name"]: ast.literal_eval(match["value"])
            for match in _REVISION_LINE.finditer(script.read_text(encoding="utf-8"))
        }
        down = found.get("down_revision")
        graph[found["revision"]] = (
            () if down is None else (down,) if isinstance(down, str) else tuple(down)
        )
    return graph


def _schema_heads() -> tuple[str, ...]:
    """The newest revisions: those no other migration follows."""
    graph = _revision_graph()
    followed = {parent for parents in graph.values() for parent in parents}
    return tuple(sorted(revision for revision in graph if revision not in followed))


def _known_revisions() -> set[str]:
    return set(_revision_graph())


def is_known_schema(revision: str) -> bool:
    """Whether this keidesk knows the schema revision (a newer keidesk's file is refused)."""
    return revision in _known_revisions()


def schema_revision(engine: Engine) -> str | None:
    """The schema revision alembic stamped in the database (None before the first migration)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def read_only_uri(path: Path) -> str:
    """An ``sqlite3`` URI that opens ``path`` for reading only (it never writes to the file)."""
    return f"file:{urllib.parse.quote(str(path))}?mode=ro"


def create_private_file(path: Path) -> None:
    """Create an empty file readable by the user only, before anything is written to it, so
    customer data is never briefly readable by other accounts (SQLite gives the -wal and -shm
    files the same mode as the database file)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def backup_sqlite_file(source: Path, destination: Path) -> Path:
    """A consistent copy through SQLite's online backup API (safe while others read)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    if not destination.exists():
        create_private_file(destination)
    with (
        contextlib.closing(sqlite3.connect(read_only_uri(source), uri=True)) as src,
        contextlib.closing(sqlite3.connect(destination)) as dst,
    ):
        src.backup(dst)
    _private(destination)
    return destination


def _private(path: Path) -> None:
    """Readable by the user only: customer data does not belong to other accounts."""
    if os.name == "posix" and path.stat().st_mode & 0o077:
        # Another account's file, shared with us on purpose: its mode is not ours to change.
        with contextlib.suppress(PermissionError):
            path.chmod(0o600)


def _probe_existing(path: Path, busy_timeout_s: float) -> None:
    """Look at an existing file read-only before anything may write to it.

    A foreign, damaged, locked or too-new file is refused here, so it is left exactly as it
    was: no journal mode switched, no -wal/-shm created beside it, no migration begun.
    """
    uri = read_only_uri(path)
    if not Path(f"{path}-wal").exists():
        # Nobody has the file open (an open WAL database always has its -wal), so read it as
        # it is: a read-only connection would otherwise create -wal/-shm files beside it.
        uri += "&immutable=1"
    try:
        with contextlib.closing(
            sqlite3.connect(uri, uri=True, timeout=busy_timeout_s)
        ) as connection:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if not tables:
                return
            if "alembic_version" not in tables:
                raise NotAKeideskDatabase(
                    msg("{path} is not a keidesk database (it holds other tables).", path=str(path))
                )
            revisions = [
                row[0] for row in connection.execute("SELECT version_num FROM alembic_version")
            ]
    except sqlite3.DatabaseError as exc:
        error = translate(exc, path)
        if error is None:
            raise
        raise error from exc
    known = _known_revisions()
    newer = [rev for rev in revisions if rev not in known]
    if newer:
        raise DatabaseTooNew(
            msg(
                "{path} was written by a newer version of keidesk (schema {schema}). "
                "Install the newer keidesk to open it; this version left the file untouched.",
                path=str(path),
                schema=newer[0],
            )
        )


def open_database(
    target: str | Path | None = None,
    *,
    create: bool = True,
    read_only: bool = False,
    busy_timeout_s: float = DEFAULT_BUSY_TIMEOUT_S,
) -> Database:
    """Open (and if needed create or migrate) the keidesk database at ``target``."""
    location = locate(target)
    path = location.path
    if path is not None:
        _check_file(path)
        if not path.exists():
            if not create or read_only:
                raise StorageError(msg("There is no keidesk database at {path}.", path=str(path)))
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            create_private_file(path)
        else:
            _probe_existing(path, busy_timeout_s)
            if not read_only and not os.access(path, os.W_OK):
                raise DatabaseReadOnly(
                    msg(
                        "The database file {path} is read-only; keidesk cannot save changes to "
                        "it. Check the file's permissions, or open it read-only.",
                        path=str(path),
                    )
                )
    url = location.url
    if path is not None and read_only:
        uri = read_only_uri(path)
        if not os.access(path.parent, os.W_OK) and not Path(f"{path}-wal").exists():
            # A read-only folder (a CD, a share, another user's files): SQLite could not create
            # the -shm file a WAL database needs, and nobody is writing (there is no -wal).
            uri += "&immutable=1"
        url = URL.create("sqlite", database=uri, query={"uri": "true"})
    # hide_parameters: an error's message (and so the log) never carries customer data.
    if url.get_backend_name() == "postgresql":
        # pool_pre_ping: a connection the server dropped (a laptop woke from sleep, the server
        # restarted) is replaced before it is used, instead of failing the next action.
        engine = create_engine(
            url,
            hide_parameters=True,
            pool_pre_ping=True,
            connect_args=_server_connect_args(busy_timeout_s, read_only),
        )
    else:
        engine = create_engine(url, hide_parameters=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas(busy_timeout_s, read_only))
        _sqlite_transactions(engine)
    database = Database(engine, location, read_only=read_only)
    try:
        with database._guard():
            _prepare_schema(database)
    except BaseException:
        engine.dispose()
        raise
    if path is not None and path.exists() and not read_only:
        _private(path)
    return database


def _migrate(database: Database) -> None:
    """Upgrade the schema to the newest revision, all of it in one transaction on SQLite.

    Migrations run on an engine of their own: with foreign keys off (SQLite rebuilds a table
    to alter it, dropping the old one, which foreign keys would refuse inside a transaction)
    and under the write lock from the start, so a migration killed halfway leaves the previous
    schema as it was."""
    from alembic import command  # noqa: PLC0415 - alembic only when a migration runs

    engine = database.engine
    if engine.dialect.name == "postgresql":
        # A big database's migration may take longer than any one action of a seat may.
        engine = create_engine(
            engine.url,
            hide_parameters=True,
            connect_args={
                "connect_timeout": CONNECT_TIMEOUT_S,
                "options": f"-c lock_timeout={int(STATEMENT_TIMEOUT_S * 1000)}"
                " -c statement_timeout=0",
            },
        )
    if engine.dialect.name == "sqlite":
        engine = create_engine(engine.url, hide_parameters=True)

        @event.listens_for(engine, "connect")
        def _connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
            dbapi_connection.isolation_level = None
            dbapi_connection.execute(f"PRAGMA busy_timeout = {int(DEFAULT_BUSY_TIMEOUT_S * 1000)}")
            dbapi_connection.execute("PRAGMA foreign_keys = OFF")

        @event.listens_for(engine, "begin")
        def _begin(connection: Any) -> None:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        command.upgrade(alembic_config(engine), "head")
    finally:
        if engine is not database.engine:
            engine.dispose()


def _prepare_schema(database: Database) -> None:
    engine = database.engine
    tables = set(inspect(engine).get_table_names())
    if tables and "alembic_version" not in tables:
        raise NotAKeideskDatabase(
            msg(
                "{path} is not a keidesk database (it holds other tables).",
                path=database.location.label,
            )
        )
    current = schema_revision(engine) if tables else None
    heads = _schema_heads()
    if current is not None and current not in _known_revisions() and "cases" not in tables:
        raise NotAKeideskDatabase(
            msg(
                "{path} is not a keidesk database (another program's tables).",
                path=database.location.label,
            )
        )
    if database.is_server and not tables and not database.read_only:
        with engine.connect() as connection:
            may_create = connection.scalar(text("SELECT has_schema_privilege('public', 'CREATE')"))
        if not may_create:
            raise NotAKeideskDatabase(
                msg(
                    "The office database {label} is empty: the person who set "
                    "up the server prepares it with keidesk server init URL.",
                    label=database.location.label,
                )
            )
    if current is not None and current not in _known_revisions():
        raise DatabaseTooNew(
            msg(
                "{path} was written by a newer version of keidesk (schema {schema}). "
                "Install the newer keidesk to open it; this version left the file untouched.",
                path=database.location.label,
                schema=current,
            )
        )
    if current in heads:
        missing = set(Base.metadata.tables) - tables
        if missing:
            raise NotAKeideskDatabase(
                msg(
                    "This is not a complete keidesk database ({label}): it has no {tables} table.",
                    label=database.location.label,
                    tables=", ".join(sorted(missing)),
                )
            )
        if not database.read_only:
            # Deferred: opening the database must not wait for another keidesk's write when
            # the shipped reference data are all there already (nearly always).
            with database._transaction("keidesk", database._factory) as session:
                # On a server, staff may not change the state rules: a newer keidesk's
                # shipped rules are brought in by a manager's seat (or ``server init``).
                if server.role_of(session) in ("owner", "manager"):
                    seed_reference_data(session)
        return
    if database.read_only:
        raise DatabaseReadOnly(
            msg(
                "{label} needs to be upgraded or created, which cannot be done read-only.",
                label=database.location.label,
            )
        )
    if database.is_server and current is not None:
        with database._transaction("keidesk", database._factory) as session:
            may_migrate = server.role_of(session) == "owner"
        if not may_migrate:
            raise DatabaseTooOld(
                msg(
                    "The office database {label} is from an older keidesk "
                    "(schema {schema}): the person who set up the server upgrades it with "
                    "keidesk server init URL, signed in as the database's owner.",
                    label=database.location.label,
                    schema=current,
                )
            )
    if current is not None and database.path is not None:
        stamp = clock.now().strftime("%Y%m%dT%H%M%SZ")
        backup = database.path.with_name(
            f"{database.path.stem}.before-upgrade-{current}-{stamp}.sqlite3"
        )
        backup_sqlite_file(database.path, backup)
    _migrate(database)
    with database.transaction(user="keidesk") as session:
        seed_reference_data(session)
