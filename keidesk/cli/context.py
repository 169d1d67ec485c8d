"""What every command gets: parsed options, the database (opened on first use), the user."""

from __future__ import annotations

import argparse
import getpass
import os
from dataclasses import dataclass, field
from datetime import date

from keidesk import clock
from keidesk.preferences import load_preferences
from keidesk.storage.database import DEFAULT_BUSY_TIMEOUT_S, Database, open_database


def current_user(explicit: str | None) -> str:
    """The staff name recorded in the history: ``--user``, ``KEIDESK_USER``, the staff name
    in the preferences, or the login name."""
    if explicit and explicit.strip():
        return explicit.strip()
    env = os.environ.get("KEIDESK_USER", "").strip()
    if env:
        return env
    saved = load_preferences().staff_name.strip()
    if saved:
        return saved
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@dataclass
class CommandContext:
    args: argparse.Namespace
    _database: Database | None = field(default=None, init=False)

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    @property
    def user(self) -> str:
        return current_user(getattr(self.args, "user", None))

    @property
    def today(self) -> date:
        return clock.today()

    @property
    def database(self) -> Database:
        if self._database is None:
            timeout = float(os.environ.get("KEIDESK_BUSY_TIMEOUT", DEFAULT_BUSY_TIMEOUT_S))
            self._database = open_database(getattr(self.args, "db", None), busy_timeout_s=timeout)
        return self._database

    def close(self) -> None:
        if self._database is not None:
            self._database.close()
