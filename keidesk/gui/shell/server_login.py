"""The office servers this seat signs in to: remembered without their passwords.

The server (host, port, database, user) is kept in the app's settings, most recent first; the
password is kept by the system keyring (``keyring``: the Windows Credential Manager, the macOS
Keychain, the Secret Service on Linux). Where no keyring is available it goes into the user's
PostgreSQL password file (``~/.pgpass``, or ``%APPDATA%\\postgresql\\pgpass.conf`` on Windows,
or ``$PGPASSFILE``), readable by the user only, which the PostgreSQL driver reads by itself.
A password is never written into the settings.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import URL, make_url
from sqlalchemy.exc import ArgumentError

from keidesk.atomic import replacing
from keidesk.gui.kit.settings import LAST_SERVER, AppSettings

KEYRING_SERVICE = "keidesk"
RECENT_SERVERS = "office/servers"
RECENT_MAX = 8
DEFAULT_PORT = 5432
DRIVER = "postgresql+psycopg"


@dataclass(frozen=True, slots=True)
class OfficeServer:
    host: str
    port: int
    database: str
    user: str

    @property
    def key(self) -> str:
        """How the keyring knows this sign-in."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    @property
    def label(self) -> str:
        return f"{self.database} on {self.host}:{self.port} ({self.user})"

    def url(self, password: str | None = None) -> URL:
        return URL.create(
            DRIVER,
            username=self.user,
            password=password,
            host=self.host,
            port=self.port,
            database=self.database,
        )

    @classmethod
    def from_url(cls, url: URL) -> OfficeServer | None:
        if url.get_backend_name() != "postgresql" or not url.host:
            return None
        return cls(url.host, url.port or DEFAULT_PORT, url.database or "", url.username or "")


def server_of(target: str) -> OfficeServer | None:
    """The office server a ``--db`` URL names (None: a file, or not a URL)."""
    if "://" not in target:
        return None
    try:
        return OfficeServer.from_url(make_url(target))
    except ArgumentError:
        return None


# --- the list of servers ----------------------------------------------------------------------


def recent_servers(settings: AppSettings) -> list[OfficeServer]:
    found: list[OfficeServer] = []
    for item in settings.json_value(RECENT_SERVERS, []):
        with contextlib.suppress(TypeError, ValueError, KeyError):
            found.append(
                OfficeServer(
                    str(item["host"]), int(item["port"]), str(item["database"]), str(item["user"])
                )
            )
    return found


def remember_server(settings: AppSettings, server: OfficeServer) -> None:
    """Put ``server`` first in the recent list (no password: see :func:`store_password`)."""
    servers = [server, *(s for s in recent_servers(settings) if s != server)][:RECENT_MAX]
    settings.set_json_value(RECENT_SERVERS, [asdict(s) for s in servers])


def remember_last(settings: AppSettings, server: OfficeServer | None) -> None:
    """The database start-up opens next: this server, or (None) the file opened last."""
    value = server.url().render_as_string(hide_password=True) if server is not None else ""
    settings.store.setValue(LAST_SERVER, value)


def last_server_url(settings: AppSettings) -> str | None:
    raw = settings.store.value(LAST_SERVER)
    return raw if isinstance(raw, str) and raw else None


# --- passwords --------------------------------------------------------------------------------


def store_password(server: OfficeServer, password: str) -> str:
    """Keep the password for ``server`` where the system keeps secrets; returns where, in
    words for the user."""
    import keyring  # noqa: PLC0415 - only when a password is kept
    from keyring.errors import KeyringError  # noqa: PLC0415

    try:
        keyring.set_password(KEYRING_SERVICE, server.key, password)
    except KeyringError:
        path = write_pgpass(server, password)
        return f"your PostgreSQL password file ({path})"
    return "the system keyring"


def stored_password(server: OfficeServer) -> str | None:
    """The password the keyring keeps for ``server`` (None: none there, or no keyring; the
    driver then looks in the password file itself)."""
    import keyring  # noqa: PLC0415
    from keyring.errors import KeyringError  # noqa: PLC0415

    try:
        return keyring.get_password(KEYRING_SERVICE, server.key)
    except KeyringError:
        return None


def with_password(target: str) -> str:
    """``target`` as a URL to connect with: an office server's URL gets its kept password."""
    server = server_of(target)
    if server is None:
        return target
    url = make_url(target)
    if url.password is None and (password := stored_password(server)) is not None:
        url = url.set(password=password)
    return url.render_as_string(hide_password=False)


def pgpass_path() -> Path:
    """Where the PostgreSQL driver looks for passwords (``PGPASSFILE`` first)."""
    chosen = os.environ.get("PGPASSFILE")
    if chosen:
        return Path(chosen)
    if os.name == "nt":
        return Path(os.environ.get("APPDATA", Path.home())) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _pgpass_field(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def write_pgpass(server: OfficeServer, password: str) -> Path:
    """Add or replace ``server``'s line in the password file, readable by the user only."""
    path = pgpass_path()
    prefix = ":".join(
        _pgpass_field(part)
        for part in (server.host, str(server.port), server.database, server.user)
    )
    lines = []
    if path.exists():
        lines = [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith(prefix + ":")
        ]
    lines.append(f"{prefix}:{_pgpass_field(password)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    with replacing(path) as temporary:
        temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if os.name == "posix":
        path.chmod(0o600)  # the driver ignores a password file others may read
    return path
