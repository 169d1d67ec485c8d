"""What every command gets: parsed options, the database (opened on first use), the user."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.exc import NoSuchModuleError

from keidesk import clock
from keidesk.domain.errors import InvalidInput
from keidesk.services.staff import current_user
from keidesk.storage.database import DEFAULT_BUSY_TIMEOUT_S, Database, locate, open_database
from keidesk.storage.errors import StorageError


@dataclass
class CommandContext:
    args: argparse.Namespace
    _database: Database | None = field(default=None, init=False)

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    @property
    def user(self) -> str:
        """The name a change is recorded under (opens the database: on an office server the
        history records the signed-in role, so does everything else)."""
        return self.database.user_for(self.typed_user)

    @property
    def typed_user(self) -> str:
        """The staff name given (--user, KEIDESK_USER, the login name), without opening the
        database: for commands that must not open it (restore into an empty server database,
        migrate-to from a file left untouched)."""
        name = current_user(getattr(self.args, "user", None))
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:  # KEIDESK_USER or the login name in another encoding
            raise InvalidInput(
                f"The staff name {name!r} is not valid UTF-8 text; give it with --user NAME "
                "or set KEIDESK_USER."
            ) from None
        return name

    @property
    def today(self) -> date:
        return clock.today()

    @property
    def database(self) -> Database:
        if self._database is None:
            timeout = float(os.environ.get("KEIDESK_BUSY_TIMEOUT", DEFAULT_BUSY_TIMEOUT_S))
            target = getattr(self.args, "db", None)
            try:
                self._database = open_database(target, busy_timeout_s=timeout)
            except (NoSuchModuleError, ModuleNotFoundError) as exc:
                # A URL naming a database keidesk has no driver for (postgresql:// without
                # psycopg2 installed, a made-up scheme): the user's setting, not a bug.
                missing = getattr(exc, "name", None) or str(exc).rpartition(":")[2].strip()
                raise StorageError(
                    f"keidesk cannot open the database {locate(target).label!r}: it has no "
                    f"driver for it ({missing}). Use a database file path, an sqlite:// URL or a "
                    "postgresql+psycopg:// URL."
                ) from None
        return self._database

    def close(self) -> None:
        if self._database is not None:
            self._database.close()
