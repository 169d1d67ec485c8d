"""What every command gets: parsed options, the database (opened on first use), the user."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field
from datetime import date

from keidesk import clock
from keidesk.services.staff import current_user
from keidesk.storage.database import DEFAULT_BUSY_TIMEOUT_S, Database, open_database


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
