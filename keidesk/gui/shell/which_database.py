"""Which database start-up opens without asking. Light (no storage import), so the launcher
can decide whether to show the main window before the rest of the app is loaded."""

from __future__ import annotations

import os
from pathlib import Path

from keidesk import paths
from keidesk.gui.kit.settings import LAST_DATABASE, LAST_SERVER, AppSettings


def initial_database(db: str | None, settings: AppSettings) -> str | Path | None:
    """The database start-up opens without asking: ``--db``; else the one opened last (unless
    ``KEIDESK_DB`` is set): an office server, or a file that exists; else the default file,
    ``KEIDESK_DB`` or the data folder's, when it exists. None on first run, when the welcome
    asks. When it is known, the main window shows before the database is open."""
    if db is not None:
        return db
    chosen = os.environ.get(paths.DB_ENV_VAR)
    if chosen:
        return chosen if "://" in chosen or Path(chosen).expanduser().exists() else None
    server = settings.store.value(LAST_SERVER)
    if isinstance(server, str) and server:
        return server  # its password comes from the keyring or the password file
    last = settings.path_value(LAST_DATABASE)
    if last is not None and last.exists():
        return last
    default = paths.default_database_path()
    return default if default.exists() else None
