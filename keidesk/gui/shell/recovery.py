"""Opening the database at start-up, with a way out when the file cannot be used.

A storage problem (not a keidesk database, damaged, locked, read-only, from a newer keidesk)
is shown in plain words with the recovery actions in :data:`RECOVERY_ACTIONS`: choose another
file, open read-only, restore a backup into a new file, or quit. The file is never modified on
this path. Adding an action is one more entry in that list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QWidget

from keidesk import clock
from keidesk.dataio.backup import restore_as_new_file
from keidesk.domain.errors import KeideskError
from keidesk.gui.data.backup_dialog import choose_backup
from keidesk.gui.kit.dialogs import Dialogs
from keidesk.gui.kit.i18n import tr, tr_error
from keidesk.gui.kit.responsive import call_while_responsive
from keidesk.paths import default_database_path
from keidesk.storage.database import Database, locate, open_database
from keidesk.storage.errors import StorageError


@dataclass(frozen=True, slots=True)
class Attempt:
    """What to open next."""

    target: str | Path | None
    read_only: bool = False


@dataclass(frozen=True, slots=True)
class StartupProblem:
    message: str
    error: StorageError
    attempt: Attempt
    label: str  # the database as shown to the user


@dataclass(frozen=True, slots=True)
class RecoveryAction:
    """A button in the start-up problem dialog. ``run`` returns what to open next, or None to
    come back to the dialog (e.g. the user cancelled a file chooser)."""

    key: str
    label: Callable[[], str]
    run: Callable[[StartupProblem, Dialogs, QWidget | None], Attempt | None]


def _choose_other(
    problem: StartupProblem, dialogs: Dialogs, parent: QWidget | None
) -> Attempt | None:
    path = dialogs.open_database(parent)
    return Attempt(path) if path is not None else None


def _read_only(problem: StartupProblem, dialogs: Dialogs, parent: QWidget | None) -> Attempt | None:
    return Attempt(problem.attempt.target, read_only=True)


def restored_file_name(failed: Path, now: datetime) -> Path:
    """Where a backup restored at start-up goes: beside the file that failed, never over it."""
    return failed.with_name(f"{failed.stem}-restored-{now:%Y%m%d-%H%M%S}{failed.suffix}")


def _restore_backup(
    problem: StartupProblem, dialogs: Dialogs, parent: QWidget | None
) -> Attempt | None:
    source = choose_backup(dialogs, parent)
    if source is None:
        return None
    try:
        failed = locate(problem.attempt.target).path
    except StorageError:
        failed = None
    target = restored_file_name(failed or default_database_path(), clock.local_time(clock.now()))
    try:
        restored = restore_as_new_file(source, target)
    except KeideskError as exc:
        dialogs.error(parent, tr_error(exc), tr("Restore a backup"))
        return None
    dialogs.info(
        parent,
        tr(
            "The backup was checked and restored into {target}; keidesk opens it now. "
            "The file that could not be opened was not changed."
        ).format(target=restored),
        tr("Restore a backup"),
    )
    return Attempt(restored)


#: The ways out, in button order (Quit is always last and always there).
RECOVERY_ACTIONS: list[RecoveryAction] = [
    RecoveryAction("other_file", lambda: tr("Choose another file…"), _choose_other),
    RecoveryAction("read_only", lambda: tr("Open read-only"), _read_only),
    RecoveryAction("restore_backup", lambda: tr("Restore a backup…"), _restore_backup),
]


def open_with_recovery(
    target: str | Path | None,
    dialogs: Dialogs,
    *,
    read_only: bool = False,
    parent: QWidget | None = None,
) -> Database | None:
    """Open the database, offering the recovery actions until it opens or the user quits.
    Opening (perhaps migrating, or waiting on a lock) runs off the GUI thread."""
    attempt = Attempt(target, read_only)
    while True:
        try:
            opening = partial(open_database, attempt.target, read_only=attempt.read_only)
            return call_while_responsive(opening, name="keidesk-open")
        except StorageError as exc:
            try:
                label = locate(attempt.target).label
            except StorageError:
                label = str(attempt.target)
            problem = StartupProblem(tr_error(exc), exc, attempt, label)
            while True:
                choices = [(a.key, a.label()) for a in RECOVERY_ACTIONS]
                key = dialogs.startup_problem(problem.message, choices, parent)
                action = next((a for a in RECOVERY_ACTIONS if a.key == key), None)
                if action is None:
                    return None
                chosen = action.run(problem, dialogs, parent)
                if chosen is not None:
                    attempt = chosen
                    break
