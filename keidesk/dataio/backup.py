"""Backups and restore: consistent copies of the database with its attachments.

A backup is a folder ``keidesk-backup-<UTC time>-<kind>/`` holding ``keidesk.sqlite3`` (copied
through SQLite's online backup API, so it is consistent while keidesk is open), the attachment
files, and ``backup.json`` (a manifest with the database's SHA-256 and the attachment list).
Each copy passes ``PRAGMA integrity_check`` before it counts. Automatic backups live in
``backups/`` beside the database and are rotated (7 daily, 4 weekly, 12 monthly); a manual one
can go to any folder, such as a USB stick.

The automatic backups (daily, and at close) are made only when the data changed since the
newest backup beside the database: each manifest records a *data marker* (the schema version and
the newest history entry that is not backup bookkeeping; every change to data, settings and the
profile writes history, which is append-only), and the live database's marker is compared with
it, which costs a few milliseconds whatever the database's size.

Restoring verifies the backup first (integrity, hashes, schema), keeps the current database
aside as a backup of its own (a plain online copy: it is not integrity-checked when made, since
undoing restores it through the same verification), then copies the backup in through the same
online API, in one SQLite transaction: a restore killed half-way leaves the previous database.
The "kept aside" copy is recorded, so the restore can be undone by restoring it.

A server database (the office's PostgreSQL) is backed up by ``pg_dump`` into the same kind of
folder, with its attachments inside the dump, and restored only into a new, empty database:
:mod:`keidesk.dataio.server_backup`. Seats make no automatic backups of a server (every laptop
would otherwise keep the whole office's data, and need PostgreSQL's tools): the office runs
``keidesk backup`` on a schedule, and the reminder, kept in the database, tells every seat when
no backup was made for a week.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from keidesk import __version__, clock, paths
from keidesk.dataio import server_backup
from keidesk.domain.errors import InvalidInput, KeideskError
from keidesk.services.documents import CHUNK, AttachmentStore, attachment_store, sha256_of
from keidesk.storage.database import (
    SQLITE_HEADER,
    Database,
    create_private_file,
    is_known_schema,
    locate,
    open_database,
    read_only_uri,
)
from keidesk.storage.errors import StorageError, translate
from keidesk.storage.models import Case, HistoryEntry, Setting
from keidesk.storage.server import grant_roles

BACKUPS_DIRNAME = "backups"
MANIFEST_NAME = "backup.json"
DB_NAME = "keidesk.sqlite3"
ATTACHMENTS_DIRNAME = "attachments"
FOLDER_PREFIX = "keidesk-backup-"
FILE_SUFFIX = ".keidesk-backup"  # a backup as one file: a zip of the folder
#: A one-file backup being made: named as a partial backup, so the next backup removes one a
#: killed keidesk left behind.
WORK_PREFIX = f".partial-{FOLDER_PREFIX}work-"
#: A one-file backup unpacked to be restored (the next restore removes one left behind; the
#: backup a restore makes first must not, so it is not named as a partial backup).
UNPACK_PREFIX = ".keidesk-restore-"
ZIP_MAGIC = b"PK\x03\x04"
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
FORMAT = 1

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
REMIND_AFTER_DAYS = 7

BACKUP_LOG_SETTING = "backup_log"
LAST_RESTORE_SETTING = "last_restore"
#: Settings written by backups and restores themselves: not a change of the data.
BOOKKEEPING_SETTINGS = (BACKUP_LOG_SETTING, LAST_RESTORE_SETTING)


class BackupKind(StrEnum):
    DAILY = "daily"
    CLOSE = "close"  # made when the app closes
    MANUAL = "manual"
    BEFORE_RESTORE = "before-restore"  # the database a restore replaced, to undo it

    @property
    def automatic(self) -> bool:
        """Made by keidesk on its own, so rotated; a backup a person made, and the copy a
        restore kept aside, are never deleted by keidesk."""
        return self in {BackupKind.DAILY, BackupKind.CLOSE}


class BackupInvalid(InvalidInput):
    """A backup that cannot be restored; the message says why. Nothing was changed."""


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path  # the backup folder
    kind: BackupKind
    created_at: datetime
    cases: int
    attachments: int
    database_bytes: int
    integrity: str  # "ok": the copy passed PRAGMA integrity_check; "unchecked" (kept aside)


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    kind: BackupKind
    created_at: datetime
    cases: int
    marker: str | None = None  # the data marker (None in backups made before it existed)
    #: The database file it was made from (None: a server's, or made before keidesk noted it).
    source: str | None = None

    def is_of(self, database_file: str | None) -> bool:
        """Whether it may be a backup of the database file named ``database_file`` (None: a
        server). One made before keidesk noted its file may be of any file in the folder."""
        return self.source is None or self.source == database_file


@dataclass(frozen=True, slots=True)
class RestoreResult:
    restored_from: Path
    kept_aside: Path  # restore this to undo
    cases: int
    attachments_added: int


@dataclass(frozen=True, slots=True)
class ServerRestoreResult:
    """A server backup restored into a new database (nothing was replaced, so nothing kept
    aside): its rows counted and attachments re-hashed against the manifest."""

    restored_from: Path
    database: str  # the new database, its password hidden
    cases: int
    attachments_checked: int


def backups_folder(database: Database) -> Path:
    """The automatic backups' folder beside the database. Two database files in one folder (the
    demo beside the real one) share it: each backup notes the file it was made from, and
    :func:`backups_of` tells them apart."""
    return database.folder / BACKUPS_DIRNAME


def backups_of(database: Database) -> list[BackupInfo]:
    """The backups of ``database`` in its automatic backups' folder, newest first: never another
    database file's, so that rotating, "unchanged since the last backup" and the list to restore
    from see only its own."""
    name = database.path.name if database.path is not None else None
    return [info for info in list_backups(backups_folder(database)) if info.is_of(name)]


def _private_dir(path: Path) -> None:
    """The folder, and each folder it creates on the way, readable by the user only
    (``mkdir(parents=True)`` would give the folders it adds the default mode)."""
    if not path.parent.exists():
        _private_dir(path.parent)
    path.mkdir(exist_ok=True, mode=0o700)
    if os.name == "posix":
        path.chmod(0o700)


def is_server(database: Database) -> bool:
    """Whether the database is on a server (PostgreSQL) rather than a file."""
    return database.engine.dialect.name != "sqlite"


def _backup_source(database: Database) -> Path | None:
    """The database file to copy, or None for a server database (dumped instead)."""
    return None if is_server(database) else _sqlite_path(database)


def _sqlite_path(database: Database) -> Path:
    if database.path is None:
        raise StorageError(
            f"Only a keidesk database file can be backed up here ({database.location.label})."
        )
    return database.path


@contextlib.contextmanager
def _sqlite(
    uri_or_path: str | Path, where: Path, *, timeout: float = 5.0
) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection whose environment errors become plain StorageErrors."""
    try:
        with contextlib.closing(
            sqlite3.connect(uri_or_path, uri=isinstance(uri_or_path, str), timeout=timeout)
        ) as connection:
            yield connection
    except sqlite3.DatabaseError as exc:
        error = translate(exc, where)
        if error is None:
            raise
        raise error from exc


def _integrity(connection: sqlite3.Connection) -> list[str]:
    return [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]


def _copy_database(source: Path, destination: Path, *, check: bool = True) -> None:
    """Online-backup ``source`` into a new private file, self-contained (no -wal needed), and
    (unless ``check`` is false) pass it through ``PRAGMA integrity_check``."""
    create_private_file(destination)
    with (
        _sqlite(read_only_uri(source), source) as src,
        _sqlite(destination, destination) as dst,
    ):
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
        problems = _integrity(dst) if check else ["ok"]
    if problems != ["ok"]:
        raise StorageError(
            "The backup copy failed its integrity check, so the database itself may be "
            f"damaged: {problems[0]}. Run 'keidesk check'."
        )


def _sha256_and_size(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _copy_attachments(store: AttachmentStore, target: Path, *, link: bool) -> list[dict[str, Any]]:
    """Every stored attachment into ``target``; hard links when allowed (a stored file never
    changes, so a link is as good as a copy and costs no space)."""
    listed: list[dict[str, Any]] = []
    for sha, size in store.stored():
        file = store.path_for(sha)
        out_dir = target / sha[:2]
        if not out_dir.exists():
            _private_dir(out_dir)
        out = out_dir / sha
        copied = False
        if link:
            try:
                os.link(file, out)
                copied = True
            except OSError:
                copied = False
        if not copied:
            shutil.copyfile(file, out)
            out.chmod(0o600)
        listed.append({"sha256": sha, "size": size})
    return listed


def _schema_and_cases(db_file: Path) -> tuple[str | None, int, str]:
    with _sqlite(read_only_uri(db_file), db_file) as connection:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        count = connection.execute("SELECT count(*) FROM cases").fetchone()
        marker = _marker(connection)
    return (str(revision[0]) if revision else None), int(count[0]), marker


#: The newest history entry that is a change of the data (not a backup's own bookkeeping),
#: read from the end of the history: a few rows whatever its length.
_LAST_DATA_CHANGE = (
    "SELECT id, at, by, entity, entity_key, action, field, new_value FROM history "
    "WHERE NOT (entity = 'settings' AND entity_key IN ({})) ORDER BY id DESC LIMIT 1"
).format(", ".join(f"'{key}'" for key in BOOKKEEPING_SETTINGS))


def _marker(connection: sqlite3.Connection) -> str:
    """The data marker: the schema version and the newest data change in the history (its id
    and a digest of its contents, so two different databases with as many entries differ).
    Every change to the data writes history, which is append-only, so an equal marker means
    the same data."""
    revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    last = connection.execute(_LAST_DATA_CHANGE).fetchone()
    digest = hashlib.sha256(json.dumps(last, default=str).encode()).hexdigest()[:16]
    return f"{revision[0] if revision else '-'}/{last[0] if last else 0}/{digest}"


def _server_marker(connection: Connection) -> str:
    """The data marker of a server database, made as :func:`_marker` makes a file's."""
    version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    last = server_backup.last_data_change(connection, BOOKKEEPING_SETTINGS)
    row = list(last) if last is not None else None
    digest = hashlib.sha256(json.dumps(row, default=str).encode()).hexdigest()[:16]
    return f"{version or '-'}/{row[0] if row else 0}/{digest}"


def data_marker(database: Database) -> str:
    """The live database's data marker (a read; a few milliseconds at any size)."""
    if is_server(database):
        with database.engine.connect() as connection:
            return _server_marker(connection)
    source = _sqlite_path(database)
    with _sqlite(read_only_uri(source), source) as connection:
        return _marker(connection)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _free_name(parent: Path, name: str) -> str:
    """``name``, or ``name-2``, ``name-3``… when a backup of that instant exists already (a
    clock set back, or two backups within the clock's resolution)."""
    candidate, serial = name, 1
    while (parent / candidate).exists() or (parent / f".partial-{candidate}").exists():
        serial += 1
        candidate = f"{name}-{serial}"
    return candidate


def make_backup(
    database: Database,
    *,
    kind: BackupKind,
    user: str,
    to: Path | None = None,
) -> BackupResult:
    """Back up the database and its attachments into a new folder (in ``to``, or in the
    automatic ``backups/`` folder, whose automatic backups are then rotated)."""
    source = _backup_source(database)
    moment = clock.now()
    automatic_folder = backups_folder(database)
    parent = to.expanduser() if to is not None else automatic_folder
    if to is not None and not parent.is_dir():
        raise InvalidInput(f"There is no folder {parent}; choose an existing folder or drive.")
    try:
        if to is None:
            _private_dir(automatic_folder)
        name = _free_name(parent, f"{FOLDER_PREFIX}{_stamp(moment)}-{kind.value}")
    except PermissionError:
        raise InvalidInput(f"keidesk may not write to {parent}; choose another folder.") from None
    final = parent / name
    result = _write_folder(
        database,
        source,
        final,
        kind=kind,
        moment=moment,
        link=parent.resolve() == automatic_folder.resolve(),
    )
    if kind is not BackupKind.BEFORE_RESTORE and not database.read_only:
        with database.transaction(user) as session:
            _record_backup(session, result, elsewhere=to is not None)
    if to is None:
        rotate(automatic_folder, of=source.name if source is not None else None)
    return result


def _write_folder(
    database: Database,
    source: Path | None,
    final: Path,
    *,
    kind: BackupKind,
    moment: datetime,
    link: bool,
    check: bool = True,
) -> BackupResult:
    """Write the backup folder ``final`` (through a ``.partial-`` folder renamed at the end,
    so a folder by a backup's name is always complete); ``check=False`` skips the copy's
    integrity check (the copy a restore keeps aside)."""
    parent = final.parent
    partial = parent / f".partial-{final.name}"
    try:
        _private_dir(partial)
    except PermissionError:
        raise InvalidInput(f"keidesk may not write to {parent}; choose another folder.") from None
    try:
        extra: dict[str, Any] = {}
        if source is None:  # a server: pg_dump, attachments included
            dump = server_backup.write_dump(database.engine, partial, _server_marker)
            db_sha, db_size = dump.sha256, dump.size
            revision, case_total, marker = dump.schema, dump.cases, dump.marker
            attachments: list[dict[str, Any]] = []
            extra = server_backup.manifest_fields(dump)
        else:
            _copy_database(source, partial / DB_NAME, check=check)
            db_sha, db_size = _sha256_and_size(partial / DB_NAME)
            revision, case_total, marker = _schema_and_cases(partial / DB_NAME)
            attachments = _copy_attachments(
                attachment_store(database), partial / ATTACHMENTS_DIRNAME, link=link
            )
        manifest = {
            "format": FORMAT,
            "app": "keidesk",
            "version": __version__,
            "created_at": moment.astimezone(UTC).isoformat(),
            "kind": kind.value,
            "schema": revision,
            "cases": case_total,
            "data_marker": marker,
            "source": source.name if source is not None else None,
            "database": {"file": DB_NAME, "sha256": db_sha, "size": db_size},
            "attachments": attachments,
            **extra,
        }
        manifest_path = partial / MANIFEST_NAME
        create_private_file(manifest_path)
        manifest_path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        partial.rename(final)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise _write_error(exc, parent) from None
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return BackupResult(
        path=final,
        kind=kind,
        created_at=moment,
        cases=case_total,
        attachments=len(attachments) + len(extra.get("attachments_in_database", [])),
        database_bytes=db_size,
        integrity="ok" if check else "unchecked",
    )


def _write_error(exc: OSError, parent: Path) -> KeideskError:
    if isinstance(exc, PermissionError):
        return InvalidInput(f"keidesk may not write to {parent}; choose another folder.")
    return StorageError(
        f"The backup could not be written to {parent}: {exc.strerror or exc}. "
        "Check the free space on that drive."
    )


def make_backup_file(database: Database, target: Path, *, user: str) -> BackupResult:
    """A manual backup as ONE file (a zip named ``*.keidesk-backup``) at ``target``, e.g. on a
    USB stick; ``target`` may be a folder, which then gets a file named by the time.

    The backup folder is made beside the database first (verified as every backup is), then
    packed into ``.partial-<name>``, flushed to the drive and renamed: a file by that name is
    always complete. An existing file is never overwritten."""
    source = _backup_source(database)
    moment = clock.now()
    target = target.expanduser()
    if target.is_dir():
        target = target / f"{FOLDER_PREFIX}{_stamp(moment)}-manual{FILE_SUFFIX}"
    elif not target.parent.is_dir():
        raise InvalidInput(
            f"There is no folder {target.parent}; choose an existing folder or drive."
        )
    elif target.suffix != FILE_SUFFIX:
        target = target.with_name(target.name + FILE_SUFFIX)
    if target.exists():
        raise InvalidInput(f"{target} already exists; keidesk will not overwrite it.")
    _remove_partial(backups_folder(database))
    work = backups_folder(database) / f"{WORK_PREFIX}{target.stem}"
    try:
        _private_dir(work)
    except PermissionError:
        raise InvalidInput(f"keidesk may not write beside {source or work}.") from None
    partial = target.with_name(f".partial-{target.name}")
    try:
        built = _write_folder(
            database,
            source,
            work / target.stem,
            kind=BackupKind.MANUAL,
            moment=moment,
            link=True,
        )
        with zipfile.ZipFile(partial, "w") as archive:
            for file in sorted(built.path.rglob("*")):
                if file.is_file():
                    name = file.relative_to(built.path).as_posix()
                    packed = zipfile.ZIP_STORED
                    if not name.startswith(f"{ATTACHMENTS_DIRNAME}/"):
                        packed = zipfile.ZIP_DEFLATED  # scans are compressed already
                    archive.write(file, name, compress_type=packed)
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        if os.name == "posix" and partial.stat().st_mode & 0o077:
            partial.chmod(0o600)
        partial.rename(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise _write_error(exc, target.parent) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result = BackupResult(
        path=target,
        kind=BackupKind.MANUAL,
        created_at=moment,
        cases=built.cases,
        attachments=built.attachments,
        database_bytes=built.database_bytes,
        integrity="ok",
    )
    if not database.read_only:
        with database.transaction(user) as session:
            _record_backup(session, result, elsewhere=True)
    return result


# --- bookkeeping (the settings table) ---------------------------------------------------------


def _setting(session: Session, key: str) -> dict[str, Any] | None:
    row = session.get(Setting, key)
    return dict(row.value) if row is not None else None


def _put_setting(session: Session, key: str, value: dict[str, Any]) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    elif row.value != value:
        row.value = value
    session.flush()


def _record_backup(session: Session, result: BackupResult, *, elsewhere: bool) -> None:
    log = _setting(session, BACKUP_LOG_SETTING) or {}
    at = result.created_at.astimezone(UTC).isoformat()
    log.update(last_backup_at=at, last_backup_path=str(result.path), last_backup_kind=result.kind)
    if elsewhere:
        log.update(last_elsewhere_at=at, last_elsewhere_path=str(result.path))
    _put_setting(session, BACKUP_LOG_SETTING, log)


def _logged_time(session: Session, key: str) -> datetime | None:
    log = _setting(session, BACKUP_LOG_SETTING)
    if not log or not isinstance(log.get(key), str):
        return None
    try:
        return datetime.fromisoformat(log[key])
    except ValueError:
        return None


def last_backup_at(session: Session) -> datetime | None:
    """When the last backup of any kind was made."""
    return _logged_time(session, "last_backup_at")


def last_backup_elsewhere_at(session: Session) -> datetime | None:
    """When a backup was last written to a chosen folder (a USB stick, another computer):
    automatic backups beside the database do not survive a lost or broken laptop."""
    return _logged_time(session, "last_elsewhere_at")


def backup_reminder(session: Session, *, today: date) -> str | None:
    """The reminder to show at start when no backup has been copied to another drive for a
    week (or none made at all), else None. An empty database needs no reminder, and neither
    does one whose data are younger than a week (a fresh database or demo on its first day).
    A backup made after the data last changed holds them as they are, however old it is (the
    automatic backups are not made while nothing changes)."""
    if session.scalar(select(Case.id).limit(1)) is None:
        return None
    data_since = session.scalar(select(func.min(HistoryEntry.at)))
    if data_since is None or (today - clock.local_date(data_since)).days < REMIND_AFTER_DAYS:
        return None
    changed_at = session.scalar(
        select(HistoryEntry.at)
        .where(
            ~(
                (HistoryEntry.entity == Setting.__tablename__)
                & HistoryEntry.entity_key.in_(BOOKKEEPING_SETTINGS)
            )
        )
        .order_by(HistoryEntry.id.desc())
        .limit(1)
    )
    advice = (
        "Back up to a USB stick or another computer now "
        "(File → Backup → Back up to folder… or Back up to one file…)."
    )
    if session.get_bind().dialect.name != "sqlite":
        advice = (
            "Back up the office database now: 'keidesk backup --to FOLDER' on a computer "
            "with PostgreSQL's tools (or File → Backup → Back up to folder…), best on a "
            "schedule."
        )
    last = last_backup_at(session)
    elsewhere = last_backup_elsewhere_at(session)
    if last is None or (
        (today - clock.local_date(last)).days >= REMIND_AFTER_DAYS
        and (changed_at is None or last < changed_at)
    ):
        when = "ever" if last is None else f"for {(today - clock.local_date(last)).days} days"
        return f"keidesk has not been backed up {when}. {advice}"
    if elsewhere is None:
        return f"Your backups are all on this computer; none is on another drive. {advice}"
    days = (today - clock.local_date(elsewhere)).days
    if days >= REMIND_AFTER_DAYS and (changed_at is None or elsewhere < changed_at):
        return (
            f"The last backup to another drive was {days} days ago "
            f"({clock.local_date(elsewhere).isoformat()}). {advice}"
        )
    return None


def unchanged_since_last_backup(database: Database) -> bool:
    """Whether a checked backup beside the database holds the data as they are now (its data
    marker is the live one): the newest backup, or an older one the data were restored from.
    The copy a restore kept aside does not count (it was not integrity-checked). Rotation only
    removes an automatic backup when it makes a newer one, so the data stay backed up. Reads
    the manifests and the end of the history: milliseconds whatever the database's size."""
    markers = {
        info.marker
        for info in backups_of(database)
        if info.kind is not BackupKind.BEFORE_RESTORE and info.marker is not None
    }
    return bool(markers) and data_marker(database) in markers


def backup_if_due(
    database: Database, *, user: str, today: date, kind: BackupKind = BackupKind.DAILY
) -> BackupResult | None:
    """An automatic backup: the daily one (call at start) unless one was made today, or
    ``kind=CLOSE`` at close. Neither is made when a backup beside the database holds the data
    as they are (:func:`unchanged_since_last_backup`; None is returned: nothing was copied)."""
    if is_server(database):
        return None  # the office backs its server up on a schedule (see the module docstring)
    if kind is BackupKind.DAILY:
        with database.reader() as session:
            last = last_backup_at(session)
        if last is not None and clock.local_date(last) >= today:
            return None
    if unchanged_since_last_backup(database):
        return None
    return make_backup(database, kind=kind, user=user)


def last_restore(session: Session) -> dict[str, Any] | None:
    """What the last restore replaced (``kept_aside``), for "undo last restore"."""
    return _setting(session, LAST_RESTORE_SETTING)


# --- rotation --------------------------------------------------------------------------------


def _read_manifest(folder: Path) -> dict[str, Any]:
    manifest_path = folder / MANIFEST_NAME
    try:
        data = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise BackupInvalid(
            f"{folder} is not a keidesk backup (its {MANIFEST_NAME} is missing or unreadable)."
        ) from None
    if not isinstance(data, dict) or data.get("app") != "keidesk":
        raise BackupInvalid(f"{folder} is not a keidesk backup.")
    return data


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in a folder, newest first (folders that are not backups are left alone)."""
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    for child in folder.iterdir():
        if not child.name.startswith(FOLDER_PREFIX) or not child.is_dir():
            continue
        try:
            manifest = _read_manifest(child)
            found.append(
                BackupInfo(
                    path=child,
                    kind=BackupKind(manifest["kind"]),
                    created_at=datetime.fromisoformat(manifest["created_at"]),
                    cases=int(manifest.get("cases", 0)),
                    marker=_text_or_none(manifest.get("data_marker")),
                    source=_text_or_none(manifest.get("source")),
                )
            )
        except (BackupInvalid, KeyError, ValueError, TypeError):
            continue
    found.sort(key=lambda b: b.created_at, reverse=True)
    return found


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def backups_to_keep(backups: list[BackupInfo]) -> set[Path]:
    """Grandfather-father-son over the automatic backups: the newest of each of the last
    7 days, 4 weeks and 12 months that have backups. Every manual backup and every copy kept
    aside by a restore is kept, always."""
    keep = {b.path for b in backups if not b.kind.automatic}
    rotating = [b for b in backups if b.kind.automatic]
    rotating.sort(key=lambda b: b.created_at, reverse=True)
    buckets: tuple[tuple[int, Callable[[date], tuple[int, ...]]], ...] = (
        (KEEP_DAILY, lambda d: (d.year, d.month, d.day)),
        (KEEP_WEEKLY, lambda d: tuple(d.isocalendar())[:2]),
        (KEEP_MONTHLY, lambda d: (d.year, d.month)),
    )
    for limit, key in buckets:
        seen: set[Any] = set()
        for info in rotating:
            bucket = key(clock.local_date(info.created_at))
            if bucket in seen:
                continue
            if len(seen) >= limit:
                break
            seen.add(bucket)
            keep.add(info.path)
    return keep


def rotate(folder: Path, *, of: str | None) -> list[Path]:
    """Delete the automatic backups in ``folder`` of the database file named ``of`` (None: a
    server) that the rotation no longer keeps; returns them. Nothing else is ever deleted: not
    another database file's backups, nor folders that are not backups (not even read). A backup
    made before keidesk noted its file may be another file's when other database files lie
    beside this one: those are left alone."""
    shared = of is not None and any(p.name != of for p in folder.parent.glob("*.sqlite3"))
    backups = [
        info
        for info in list_backups(folder)
        if info.is_of(of) and not (info.source is None and shared)
    ]
    keep = backups_to_keep(backups)
    removed = [b.path for b in backups if b.kind.automatic and b.path not in keep]
    for path in removed:
        shutil.rmtree(path, ignore_errors=True)
    _remove_partial(folder)
    return removed


def _remove_partial(folder: Path) -> None:
    """Remove what a killed backup, one-file backup or restore left half-made."""
    for stale in folder.glob(f".partial-{FOLDER_PREFIX}*"):
        shutil.rmtree(stale, ignore_errors=True)


# --- verifying and restoring ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VerifiedBackup:
    database_file: Path
    attachments: Path | None
    cases: int
    schema: str | None


def is_backup_file(path: Path) -> bool:
    """Whether ``path`` is a backup written as one file (a zip), by its first bytes."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(ZIP_MAGIC)) == ZIP_MAGIC
    except OSError:
        return False


@contextlib.contextmanager
def unpacked(source: Path, scratch: Path) -> Iterator[Path]:
    """A backup as a folder: ``source`` itself, or a one-file backup unpacked into a private
    folder in ``scratch`` (on the database's drive) for as long as the block runs.

    Only what a backup holds is unpacked (its manifest, its database, its attachments by
    hash), each no larger than the manifest says, so a hostile zip cannot write elsewhere or
    fill the drive."""
    source = source.expanduser()
    if not (source.is_file() and is_backup_file(source)):
        yield source
        return
    _private_dir(scratch)
    for stale in scratch.glob(f"{UNPACK_PREFIX}*"):  # left by a restore that was killed
        shutil.rmtree(stale, ignore_errors=True)
    folder = Path(tempfile.mkdtemp(prefix=UNPACK_PREFIX, dir=scratch))
    try:
        _unpack(source, folder)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _unpack(source: Path, folder: Path) -> None:
    def bad(why: str) -> BackupInvalid:
        return BackupInvalid(f"{source} is not a complete keidesk backup ({why}); not restored.")

    try:
        with zipfile.ZipFile(source) as archive:
            members = {info.filename: info for info in archive.infolist()}
            info = members.get(MANIFEST_NAME)
            if info is None or info.file_size > MAX_MANIFEST_BYTES:
                raise bad(f"no {MANIFEST_NAME}")
            try:
                manifest = json.loads(archive.read(info))
            except ValueError:
                raise bad(f"its {MANIFEST_NAME} is unreadable") from None
            if not isinstance(manifest, dict) or manifest.get("app") != "keidesk":
                raise bad("it was not written by keidesk")
            database = manifest.get("database")
            listed = manifest.get("attachments")
            if not isinstance(database, dict) or not isinstance(listed, list):
                raise bad(f"its {MANIFEST_NAME} is incomplete")
            db_name = database.get("file", DB_NAME)
            if db_name not in {DB_NAME, server_backup.DUMP_NAME}:
                raise bad(f"its {MANIFEST_NAME} names no database file")
            expected: dict[str, Any] = {
                MANIFEST_NAME: info.file_size,
                db_name: database.get("size"),
            }
            for entry in listed:
                sha = str(entry.get("sha256", "")) if isinstance(entry, dict) else ""
                if len(sha) != 64 or not all(c in "0123456789abcdef" for c in sha):
                    raise bad("an attachment without a proper name")
                expected[f"{ATTACHMENTS_DIRNAME}/{sha[:2]}/{sha}"] = entry.get("size")
            unknown = (
                set(members)
                - set(expected)
                - {n for n in members if n.endswith("/") and n.rstrip("/") in _folders(expected)}
            )
            if unknown:
                raise bad(f"it holds {sorted(unknown)[0]!r}, which no backup does")
            needed = 0
            for name, size in expected.items():
                member = members.get(name)
                if member is None:
                    raise bad(f"{name} is missing")
                if not isinstance(size, int) or member.file_size != size:
                    raise bad(f"{name} is not the size its manifest says")
                needed += size
            if needed > shutil.disk_usage(folder).free:
                raise StorageError(
                    f"There is not enough free space beside the database to unpack {source} "
                    f"({needed:,} bytes)."
                )
            for name in expected:
                out = folder / name
                if not out.parent.exists():
                    _private_dir(out.parent)
                create_private_file(out)
                with archive.open(members[name]) as src, out.open("wb") as dst:
                    shutil.copyfileobj(src, dst, CHUNK)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise bad(f"the file is damaged: {exc}") from None
    except OSError as exc:
        raise StorageError(f"{source} could not be read: {exc.strerror or exc}.") from None


def _folders(names: Any) -> set[str]:
    return {str(Path(name).parent.as_posix()) for name in names} | {ATTACHMENTS_DIRNAME}


def verify_backup(source: Path) -> VerifiedBackup:
    """Check a backup folder (or a bare database file) completely before it is used."""
    source = source.expanduser()
    if source.is_file() and source.name == MANIFEST_NAME:
        source = source.parent
    manifest: dict[str, Any] | None = None
    attachments: Path | None = None
    if source.is_dir():
        manifest = _read_manifest(source)
        if server_backup.is_server_manifest(manifest):
            raise BackupInvalid(
                f"{source} is a backup of an office server database; restore it into a new, "
                "empty server database: keidesk --db postgresql://… restore PATH."
            )
        db_file = source / str(manifest.get("database", {}).get("file", DB_NAME))
        if db_file.parent != source or not db_file.is_file():
            raise BackupInvalid(f"The backup {source} has no database file.")
        attachments = source / ATTACHMENTS_DIRNAME
    elif source.is_file():
        db_file = source
    else:
        raise BackupInvalid(f"There is no backup at {source}.")
    with db_file.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise BackupInvalid(f"{db_file} is not a keidesk database or backup.")
    if manifest is not None:
        expected = manifest.get("database", {})
        sha, size = _sha256_and_size(db_file)
        if sha != expected.get("sha256") or size != expected.get("size"):
            raise BackupInvalid(
                f"The database in {source} does not match its manifest (changed or damaged "
                "since the backup was made); it was not restored."
            )
        for entry in manifest.get("attachments", []):
            name = str(entry.get("sha256", ""))
            file = attachments / name[:2] / name if attachments else None
            if len(name) != 64 or file is None or not file.is_file() or sha256_of(file) != name:
                raise BackupInvalid(
                    f"Attachment {name[:12]}… in {source} is missing or damaged; "
                    "the backup was not restored."
                )
    try:
        with contextlib.closing(
            sqlite3.connect(read_only_uri(db_file) + "&immutable=1", uri=True)
        ) as connection:
            problems = _integrity(connection)
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables or "cases" not in tables:
                raise BackupInvalid(f"{db_file} is not a keidesk database.")
            revision_row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            count = int(connection.execute("SELECT count(*) FROM cases").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise BackupInvalid(f"{db_file} is damaged and cannot be restored ({exc}).") from None
    if problems != ["ok"]:
        raise BackupInvalid(f"{db_file} failed its integrity check ({problems[0]}); not restored.")
    revision = str(revision_row[0]) if revision_row else None
    if revision is not None and not is_known_schema(revision):
        raise BackupInvalid(
            f"{db_file} was made by a newer keidesk (schema {revision}); install it to restore."
        )
    return VerifiedBackup(db_file, attachments, count, revision)


def _add_attachments(store: AttachmentStore, folder: Path | None) -> int:
    if folder is None or not folder.is_dir():
        return 0
    added = 0
    for file in folder.glob("*/*"):
        if file.is_file() and len(file.name) == 64 and not store.path_for(file.name).exists():
            store.put(file)
            added += 1
    return added


def restore_backup(database: Database, source: Path, *, user: str) -> RestoreResult:
    """Replace the database's contents with a verified backup (a folder, a one-file backup or
    a bare database file), keeping the current contents aside as a backup so
    :func:`undo_last_restore` can bring them back. Attachments are added (never removed).
    Sessions opened after this see the restored data."""
    if is_server(database):
        raise InvalidInput(
            "An office server database is not restored over itself while seats use it: restore "
            "the backup into a new, empty database (keidesk --db postgresql://…/NEW restore "
            "PATH), then point the seats at it."
        )
    _sqlite_path(database)
    if database.read_only:
        raise StorageError("The database is open read-only; it cannot be restored into.")
    with unpacked(source, backups_folder(database)) as folder:
        return _restore(database, source, verify_backup(folder), user=user)


def _restore(
    database: Database, source: Path, verified: VerifiedBackup, *, user: str
) -> RestoreResult:
    target = _sqlite_path(database)
    with database.reader() as session:
        previous_log = _setting(session, BACKUP_LOG_SETTING)
    aside = _keep_aside(database, target)
    database.engine.dispose()
    with (
        _sqlite(
            read_only_uri(verified.database_file) + "&immutable=1", verified.database_file
        ) as src,
        _sqlite(target, target) as dst,
    ):
        src.backup(dst)
        problems = [str(r[0]) for r in dst.execute("PRAGMA quick_check")]
    if problems != ["ok"]:
        raise StorageError(
            f"The restored database failed its check ({problems[0]}); the previous one is kept "
            f"at {aside.path}: restore that to go back."
        )
    added = _add_attachments(AttachmentStore(database.folder), verified.attachments)
    open_database(target).close()  # migrate an older backup to this version's schema
    database.engine.dispose()
    with database.transaction(user) as session:
        log = _setting(session, BACKUP_LOG_SETTING)
        if previous_log and (
            not log or str(previous_log.get("last_backup_at")) > str(log.get("last_backup_at"))
        ):
            _put_setting(session, BACKUP_LOG_SETTING, previous_log)
        _put_setting(
            session,
            LAST_RESTORE_SETTING,
            {
                "restored_from": str(source),
                "kept_aside": str(aside.path),
                "at": clock.now().isoformat(),
                "by": user,
            },
        )
    return RestoreResult(
        restored_from=source, kept_aside=aside.path, cases=verified.cases, attachments_added=added
    )


def _keep_aside(database: Database, source: Path) -> BackupResult:
    """The current database, kept aside as a ``before-restore`` backup so the restore can be
    undone: an online copy and its hash, without the integrity check a backup gets (it would
    double the restore's time; undoing verifies this copy as every restore does, and a damaged
    database can still be replaced by a good backup)."""
    moment = clock.now()
    folder = backups_folder(database)
    try:
        _private_dir(folder)
        name = _free_name(
            folder, f"{FOLDER_PREFIX}{_stamp(moment)}-{BackupKind.BEFORE_RESTORE.value}"
        )
    except PermissionError:
        raise InvalidInput(f"keidesk may not write beside {source}.") from None
    return _write_folder(
        database,
        source,
        folder / name,
        kind=BackupKind.BEFORE_RESTORE,
        moment=moment,
        link=True,
        check=False,
    )


def undo_last_restore(database: Database, *, user: str) -> RestoreResult:
    """Put back the database the last restore replaced (itself kept aside again)."""
    with database.reader() as session:
        info = last_restore(session)
    if not info or not info.get("kept_aside"):
        raise InvalidInput("There is no restore to undo.")
    aside = Path(str(info["kept_aside"]))
    if not aside.exists():
        raise InvalidInput(f"The copy kept aside by the last restore is gone ({aside}).")
    return restore_backup(database, aside, user=user)


def restore_as_new_file(source: Path, target: Path) -> Path:
    """Restore a verified backup into a new database file ``target`` (which must not exist),
    with its attachments beside it. For start-up, when the usual database cannot be opened: the
    file that failed is left exactly as it is."""
    if target.exists():
        raise InvalidInput(f"{target} already exists; keidesk will not overwrite it.")
    with unpacked(source, target.parent / BACKUPS_DIRNAME) as folder:
        verified = verify_backup(folder)
        try:
            _copy_database(verified.database_file, target)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        _add_attachments(AttachmentStore(target.parent), verified.attachments)
    open_database(target).close()  # migrate an older backup to this version's schema
    return target


# --- server databases -----------------------------------------------------------------------


def is_server_target(target: str | Path | None) -> bool:
    """Whether ``target`` (a --db value) names a server database rather than a file."""
    location = locate(target)
    return location.path is None and location.url.get_backend_name() != "sqlite"


def _let_people_in(database: Database) -> None:
    """Grant staff and managers their rights in a restored server database, as ``keidesk
    server init`` does: the dump carries no grants (a backup restores on any server, whose
    roles may differ), and without them nobody but its owner could sign in to it."""
    try:
        with database.guard(), database.engine.begin() as connection:
            grant_roles(connection)
    except (StorageError, DBAPIError) as exc:
        raise StorageError(
            f"The backup was restored into {database.location.label} and checked, but staff "
            f"and managers cannot sign in to it yet ({exc}). Whoever owns the server runs: "
            "keidesk server init URL"
        ) from None


def restore_server_backup(target: str | Path, source: Path, *, user: str) -> ServerRestoreResult:
    """Restore a server backup (a folder or a one-file backup) into the new, empty server
    database ``target`` (a URL), check its counts and attachments against the manifest, then
    open it as keidesk does (an older backup's schema is upgraded). A database that holds
    anything is refused, and nothing is written to it."""
    location = locate(target)
    scratch = paths.data_dir() / BACKUPS_DIRNAME
    with unpacked(source, scratch) as folder:
        if not folder.is_dir():
            raise BackupInvalid(
                f"{source} is not an office server backup (a folder with {MANIFEST_NAME})."
            )
        manifest = _read_manifest(folder)
        if not server_backup.is_server_manifest(manifest):
            raise BackupInvalid(
                f"{source} is a backup of a database file, not of an office server database. "
                "To move a laptop's data to the server, restore it into a file and use "
                "'keidesk --db FILE migrate-to URL'."
            )
        schema = _text_or_none(manifest.get("schema"))
        if schema is not None and not is_known_schema(schema):
            raise BackupInvalid(
                f"{source} was made by a newer keidesk (schema {schema}); install it to restore."
            )
        with server_backup.server_engine(location) as engine:
            server_backup.restore_dump(engine, folder, manifest, location.label)
    database = open_database(target)  # an older backup's schema is upgraded here
    try:
        with database.transaction(user) as session:
            _put_setting(
                session,
                LAST_RESTORE_SETTING,
                {"restored_from": str(source), "at": clock.now().isoformat(), "by": user},
            )
        _let_people_in(database)
    finally:
        database.close()
    return ServerRestoreResult(
        restored_from=source,
        database=location.label,
        cases=int(manifest.get("cases", 0)),
        attachments_checked=len(manifest.get("attachments_in_database", [])),
    )
