"""Backups of an office database on a PostgreSQL server: ``pg_dump``, verified, and restored only
into a new, empty database.

A server backup is a backup folder like a laptop's (``keidesk-backup-<time>-<kind>/``, see
:mod:`keidesk.dataio.backup`) holding ``keidesk.dump``, made by ``pg_dump`` in its custom format
(compressed, restorable table by table, the format PostgreSQL's own tools expect), and
``backup.json``. The attachments are in the dump, since a server keeps them in the database
(:mod:`keidesk.services.documents`). The dump is taken in the snapshot keidesk counted the rows
in (``pg_export_snapshot``), so the manifest's counts and attachment hashes are those of the
dump exactly, while the other seats go on working. A dump counts as a backup only when
``pg_restore --list`` reads it back and lists every table that has rows.

Restoring goes into a new, empty database (never over an office database in use: other seats
are connected to it), with ``pg_restore``, then checks every table's row count and re-hashes
every attachment against the manifest.

``pg_dump`` and ``pg_restore`` must be at least the server's major version: they are looked for
in ``KEIDESK_PG_BIN`` when it is set (a folder), else on the PATH, in Debian's
``/usr/lib/postgresql/<version>/bin`` and in Windows' ``C:\\Program Files\\PostgreSQL``. The
password and the rest of the URL reach them through the environment (``PGPASSWORD``,
``PGHOST``…), never on the command line, where any user of the computer could read it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, func, select, text
from sqlalchemy.exc import DBAPIError, OperationalError

from keidesk.domain.errors import InvalidInput
from keidesk.storage.database import DatabaseLocation
from keidesk.storage.errors import StorageError
from keidesk.storage.models import AttachmentBlob, AttachmentChunk, Base, HistoryEntry

DUMP_NAME = "keidesk.dump"
ENGINE = "postgresql"
PG_BIN_ENV_VAR = "KEIDESK_PG_BIN"
#: How long pg_dump or pg_restore may take before keidesk gives up (an hour: a large office).
TOOL_TIMEOUT_S = 3600

_BLOBS = AttachmentBlob.metadata.tables[AttachmentBlob.__tablename__]
_CHUNKS = AttachmentChunk.metadata.tables[AttachmentChunk.__tablename__]


def unreachable(exc: DBAPIError, label: str) -> StorageError:
    """A plain message for a server that cannot be reached or refuses to sign us in."""
    lines = [line.strip() for line in str(exc.orig).splitlines() if line.strip()]
    said = " ".join(line if line[-1] in ".?!" else f"{line}." for line in lines)
    # psycopg says "connection failed: connection to server at ... failed: FATAL:  <why>".
    detail = said.rpartition(" failed: ")[2].removeprefix("FATAL:").strip()
    detail = detail or type(exc.orig).__name__
    return StorageError(f"keidesk cannot use the database {label}: {detail}")


@contextlib.contextmanager
def server_engine(location: DatabaseLocation) -> Iterator[Engine]:
    """An engine for a server database that keidesk does not open as its own (a restore's or a
    move's new, empty target); connection failures become plain messages."""
    engine = create_engine(location.url, hide_parameters=True)
    try:
        yield engine
    except OperationalError as exc:
        raise unreachable(exc, location.label) from None
    finally:
        engine.dispose()


@dataclass(frozen=True, slots=True)
class PgTools:
    pg_dump: Path
    pg_restore: Path
    major: int


def server_major(connection: Connection) -> int:
    return int(str(connection.execute(text("SHOW server_version_num")).scalar())) // 10000


def _tool_major(program: Path) -> int | None:
    try:
        result = subprocess.run(
            [str(program), "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except OSError:
        return None
    match = re.search(r"\)\s+(\d+)", result.stdout)
    return int(match[1]) if result.returncode == 0 and match else None


def _candidate_folders() -> Iterator[Path]:
    chosen = os.environ.get(PG_BIN_ENV_VAR)
    if chosen:
        yield Path(chosen)
        return
    found = shutil.which("pg_dump")
    if found:
        yield Path(found).parent
    for pattern_root in (Path("/usr/lib/postgresql"), Path("C:/Program Files/PostgreSQL")):
        if pattern_root.is_dir():
            yield from sorted(
                (p / "bin" for p in pattern_root.iterdir()), key=lambda p: p.as_posix()
            )


def find_tools(major: int) -> PgTools:
    """pg_dump and pg_restore of the newest version found that is at least ``major``; a plain
    refusal when there are none."""
    best: PgTools | None = None
    suffix = ".exe" if os.name == "nt" else ""
    for folder in _candidate_folders():
        dump, restore = folder / f"pg_dump{suffix}", folder / f"pg_restore{suffix}"
        if not (os.access(dump, os.X_OK) and os.access(restore, os.X_OK)):
            continue
        version = _tool_major(dump)
        if version is not None and version >= major and (best is None or version > best.major):
            best = PgTools(dump, restore, version)
    if best is None:
        raise InvalidInput(
            f"Backing up or restoring the office database needs PostgreSQL's pg_dump and "
            f"pg_restore, version {major} or newer, and keidesk found none on this computer. "
            f"Install the PostgreSQL {major} client tools (Debian/Ubuntu: apt install "
            f"postgresql-client-{major}; Windows: the PostgreSQL installer's command line "
            f"tools), or set {PG_BIN_ENV_VAR} to the folder that holds them."
        )
    return best


#: The connection settings keidesk gives pg_dump and pg_restore (others, such as PGSSLMODE or
#: PGPASSFILE, pass through from the environment).
_CONNECTION_VARS = ("PGHOST", "PGHOSTADDR", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE")


def tool_environment(connection: Connection) -> dict[str, str]:
    """The environment pg_dump and pg_restore read the connection from, taken from keidesk's
    own live connection (however its password was given: the URL, the keyring, .pgpass); the
    password never appears on a command line, where any user of the computer could read it."""
    env = {k: v for k, v in os.environ.items() if k not in _CONNECTION_VARS}
    url = connection.engine.url
    info = getattr(connection.connection.dbapi_connection, "info", None)
    settings = {
        "PGHOST": getattr(info, "host", None) or url.host,
        "PGPORT": str(getattr(info, "port", None) or url.port or ""),
        "PGUSER": getattr(info, "user", None) or url.username,
        "PGPASSWORD": getattr(info, "password", None) or url.password,
        "PGDATABASE": getattr(info, "dbname", None) or url.database,
    }
    for key, name in {"sslmode": "PGSSLMODE", "sslrootcert": "PGSSLROOTCERT"}.items():
        value = url.query.get(key)
        if isinstance(value, str):
            settings[name] = value
    env.update({k: str(v) for k, v in settings.items() if v})
    env.setdefault("PGCONNECT_TIMEOUT", "10")
    return env


def _run(command: list[str], env: dict[str, str], what: str) -> subprocess.CompletedProcess[str]:
    try:
        result = subprocess.run(
            command,
            env=env,
            capture_output=True,
            text=True,
            timeout=TOOL_TIMEOUT_S,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        raise StorageError(f"{what} took longer than an hour and was stopped.") from None
    except OSError as exc:
        raise StorageError(f"{what} could not be started: {exc.strerror or exc}.") from None
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        detail = lines[-1].strip() if lines else f"exit code {result.returncode}"
        raise StorageError(f"{what} failed: {detail}")
    return result


def table_counts(connection: Connection) -> dict[str, int]:
    """How many rows each keidesk table holds."""
    return {
        name: int(connection.execute(select(func.count()).select_from(table)).scalar() or 0)
        for name, table in sorted(Base.metadata.tables.items())
    }


def blob_list(connection: Connection) -> list[dict[str, Any]]:
    rows = connection.execute(
        select(_BLOBS.c.sha256, _BLOBS.c.size_bytes).order_by(_BLOBS.c.sha256)
    ).all()
    return [{"sha256": str(sha), "size": int(size)} for sha, size in rows]


def blob_digest(connection: Connection, sha256: str) -> tuple[str, int]:
    """The SHA-256 and size of a stored attachment, from its chunks, a few at a time."""
    digest = hashlib.sha256()
    size = 0
    result = connection.execution_options(stream_results=True, yield_per=4).execute(
        select(_CHUNKS.c.data).where(_CHUNKS.c.sha256 == sha256).order_by(_CHUNKS.c.part)
    )
    for (data,) in result:
        digest.update(data)
        size += len(data)
    return digest.hexdigest(), size


def blob_problems(connection: Connection, listed: list[dict[str, Any]]) -> list[str]:
    """Each attachment of ``listed`` that is missing from the database or whose bytes do not
    hash to its name."""
    problems: list[str] = []
    for entry in listed:
        sha, size = str(entry["sha256"]), int(entry["size"])
        got_sha, got_size = blob_digest(connection, sha)
        if got_size == 0 and size != 0:
            problems.append(f"attachment {sha[:12]}… is missing")
        elif got_sha != sha or got_size != size:
            problems.append(f"attachment {sha[:12]}… is damaged (its SHA-256 changed)")
    return problems


@dataclass(frozen=True, slots=True)
class Dump:
    file: Path
    sha256: str
    size: int
    schema: str | None
    cases: int
    marker: str
    counts: dict[str, int]
    blobs: list[dict[str, Any]]
    server_major: int
    tool_major: int


def _sha256_and_size(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def write_dump(engine: Engine, folder: Path, marker_of: Any) -> Dump:
    """``pg_dump -Fc`` the database into ``folder/keidesk.dump``, in the snapshot the counts
    and the attachment list are read in, and check that pg_restore can read it back."""
    out = folder / DUMP_NAME
    try:
        with engine.connect() as connection:
            # In place (SQLAlchemy 2): the snapshot pg_dump shares is a repeatable read.
            connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                connection.execute(text("SET TRANSACTION READ ONLY"))
                snapshot = str(connection.execute(text("SELECT pg_export_snapshot()")).scalar())
                major = server_major(connection)
                tools = find_tools(major)
                counts = table_counts(connection)
                blobs = blob_list(connection)
                schema = connection.execute(
                    text("SELECT version_num FROM alembic_version")
                ).scalar()
                marker = marker_of(connection)
                _run(
                    [
                        str(tools.pg_dump),
                        "--format=custom",
                        f"--snapshot={snapshot}",
                        "--no-password",
                        f"--file={out}",
                    ],
                    tool_environment(connection),
                    "pg_dump",
                )
    except DBAPIError as exc:
        raise StorageError(
            f"The office database could not be read for the backup: {exc.orig}"
        ) from None
    if os.name == "posix":
        out.chmod(0o600)
    listed = list_dump(tools, out)
    missing = [name for name, n in counts.items() if n and name not in listed]
    if missing:
        raise StorageError(
            f"The backup dump does not hold the table {missing[0]}; it was not kept."
        )
    sha, size = _sha256_and_size(out)
    return Dump(
        file=out,
        sha256=sha,
        size=size,
        schema=str(schema) if schema is not None else None,
        cases=counts.get("cases", 0),
        marker=marker,
        counts=counts,
        blobs=blobs,
        server_major=major,
        tool_major=tools.major,
    )


_TABLE_DATA = re.compile(r"^\d+;\s*\d+\s+\d+\s+TABLE DATA\s+\S+\s+(\S+)\s", re.MULTILINE)


def list_dump(tools: PgTools, dump: Path) -> set[str]:
    """The tables whose rows a dump holds, as ``pg_restore --list`` reads them (which fails on
    a file that is not a complete dump)."""
    result = _run([str(tools.pg_restore), "--list", str(dump)], dict(os.environ), "pg_restore")
    return set(_TABLE_DATA.findall(result.stdout))


def manifest_fields(dump: Dump) -> dict[str, Any]:
    return {
        "engine": ENGINE,
        "server_version": dump.server_major,
        "pg_dump_version": dump.tool_major,
        "database": {"file": DUMP_NAME, "sha256": dump.sha256, "size": dump.size},
        "counts": dump.counts,
        "attachments_in_database": dump.blobs,
    }


def is_server_manifest(manifest: dict[str, Any]) -> bool:
    return manifest.get("engine") == ENGINE


def user_tables(connection: Connection) -> list[str]:
    """The tables and views a database holds outside PostgreSQL's own schemas."""
    rows = connection.execute(
        text(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables "
            "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') "
            "AND table_schema NOT LIKE 'pg_toast%' ORDER BY 1"
        )
    ).all()
    return [str(row[0]) for row in rows]


def refuse_unless_empty(connection: Connection, label: str, doing: str) -> None:
    tables = user_tables(connection)
    if tables:
        raise InvalidInput(
            f"The database {label} is not empty (it holds {len(tables)} tables, such as "
            f"{tables[0]}); keidesk {doing} only into a new, empty database. Create one "
            "(e.g. createdb keidesk_new) and give its URL."
        )


def restore_dump(engine: Engine, folder: Path, manifest: dict[str, Any], label: str) -> None:
    """Restore a verified server backup folder into the empty database of ``engine``, then
    check its counts and attachments against the manifest."""
    dump = folder / str(manifest.get("database", {}).get("file", DUMP_NAME))
    expected = manifest.get("database", {})
    if dump.parent != folder or not dump.is_file():
        raise InvalidInput(f"The backup {folder} has no {DUMP_NAME}; it was not restored.")
    sha, size = _sha256_and_size(dump)
    if sha != expected.get("sha256") or size != expected.get("size"):
        raise InvalidInput(
            f"The dump in {folder} does not match its manifest (changed or damaged since the "
            "backup was made); it was not restored."
        )
    with engine.connect() as connection:
        refuse_unless_empty(connection, label, "restores an office backup")
        tools = find_tools(server_major(connection))
        env = tool_environment(connection)
    list_dump(tools, dump)
    _run(
        [
            str(tools.pg_restore),
            "--no-owner",
            "--no-acl",
            "--exit-on-error",
            "--single-transaction",
            "--no-password",
            f"--dbname={env.get('PGDATABASE', engine.url.database)}",
            str(dump),
        ],
        env,
        "pg_restore",
    )
    with engine.connect() as connection:
        problems: list[str] = []
        counts = table_counts(connection)
        for name, count in dict(manifest.get("counts", {})).items():
            if counts.get(name) != count:
                problems.append(f"{name}: {counts.get(name)} rows where the backup had {count}")
        problems += blob_problems(connection, list(manifest.get("attachments_in_database", [])))
    if problems:
        raise StorageError(
            f"The restored database {label} does not match the backup ({problems[0]}); "
            "do not use it: drop it and restore again into a new database."
        )


def last_data_change(connection: Connection, bookkeeping: tuple[str, ...]) -> Any:
    return connection.execute(
        select(
            HistoryEntry.id,
            HistoryEntry.at,
            HistoryEntry.by,
            HistoryEntry.entity,
            HistoryEntry.entity_key,
            HistoryEntry.action,
            HistoryEntry.field,
            HistoryEntry.new_value,
        )
        .where(~((HistoryEntry.entity == "settings") & HistoryEntry.entity_key.in_(bookkeeping)))
        .order_by(HistoryEntry.id.desc())
        .limit(1)
    ).first()


def manifest_text(manifest: dict[str, Any]) -> str:
    return json.dumps(manifest, indent=2, default=str)
