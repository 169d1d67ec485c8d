"""A throwaway PostgreSQL server for the tests: its own cluster in a temporary folder, on
127.0.0.1 and a free port, started once per test process and stopped at its end.

The office runs keidesk on PostgreSQL, so the storage, services, dataio and CLI tests run against
a real server as well as SQLite. ``dev.py`` installs Debian's ``postgresql`` package; nothing here
uses a server the machine already runs. The cluster's superuser signs in with a password over TCP
(scram-sha-256, as an office server would), so wrong-password paths are real.

Set ``KEIDESK_TEST_POSTGRES=skip`` to run without PostgreSQL on a machine that cannot install it;
otherwise a missing server is an error, so CI cannot pass without proving both engines.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

SUPERUSER = "keidesk_admin"
PASSWORD = "test-only-password"


def find_bindir() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: Debian keeps them out of PATH, by version."""
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    found = shutil.which("initdb")
    if found:
        candidates.append(Path(found))
    for candidate in candidates:
        if os.access(candidate, os.X_OK):
            return candidate.parent
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run its programs as the ``postgres`` user."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@dataclass
class PostgresServer:
    root: Path
    port: int
    bindir: Path
    _admin: Any = field(default=None, repr=False)

    @property
    def host(self) -> str:
        return "127.0.0.1"

    def url(
        self, database: str = "postgres", *, user: str = SUPERUSER, password: str = PASSWORD
    ) -> str:
        """A SQLAlchemy URL for ``database`` on this server."""
        return (
            f"postgresql+psycopg://{quote(user, safe='')}:{quote(password, safe='')}"
            f"@{self.host}:{self.port}/{database}"
        )

    def psql(self, sql: str, database: str = "postgres") -> str:
        """Run ``sql`` as the superuser (over the cluster's own socket) and return its output."""
        result = subprocess.run(
            _as_server_user(
                [
                    str(self.bindir / "psql"),
                    "-X",
                    "-q",
                    "-A",
                    "-t",
                    "-v",
                    "ON_ERROR_STOP=1",
                    "-h",
                    str(self.root / "socket"),
                    "-p",
                    str(self.port),
                    "-U",
                    SUPERUSER,
                    "-d",
                    database,
                    "-c",
                    sql,
                ]
            ),
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"psql failed: {result.stderr.strip()}")
        return result.stdout

    def create_database(self, name: str, *, template: str | None = None) -> str:
        """A new database, empty or a copy of ``template``; returns its URL (the superuser's)."""
        copy = f' TEMPLATE "{template}"' if template else ""
        self.execute(f'CREATE DATABASE "{name}"{copy}')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def execute(self, sql: str) -> None:
        """Run one statement as the superuser, outside a transaction (CREATE DATABASE ...),
        on a connection kept open for the test process: a psql per statement costs more."""
        import psycopg  # noqa: PLC0415 - the postgres extra

        if self._admin is None or self._admin.closed:
            self._admin = psycopg.connect(
                host=self.host,
                port=self.port,
                user=SUPERUSER,
                password=PASSWORD,
                dbname="postgres",
                autocommit=True,
            )
        self._admin.execute(sql.encode("utf-8"))

    def stop(self) -> None:
        if self._admin is not None:
            self._admin.close()
        subprocess.run(
            _as_server_user(
                [
                    str(self.bindir / "pg_ctl"),
                    "-D",
                    str(self.root / "data"),
                    "-m",
                    "immediate",
                    "stop",
                ]
            ),
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.root, ignore_errors=True)


def start_server() -> PostgresServer:
    """Make a cluster in a new temporary folder and start it; the caller stops it."""
    bindir = find_bindir()
    if bindir is None:
        raise RuntimeError(
            "PostgreSQL's server programs (initdb, pg_ctl) are not installed: run `python3 dev.py"
            " test`, which installs Debian's postgresql package, or set KEIDESK_TEST_POSTGRES=skip"
        )
    root = Path(tempfile.mkdtemp(prefix="keidesk-pg-"))
    (root / "socket").mkdir()
    pwfile = root / "pwfile"
    pwfile.write_text(PASSWORD + "\n")
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(root / "socket", "postgres")
        shutil.chown(pwfile, "postgres")
        root.chmod(0o700)
    port = _free_port()
    steps = [
        [
            str(bindir / "initdb"),
            "-D",
            str(root / "data"),
            "-U",
            SUPERUSER,
            f"--pwfile={pwfile}",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ],
        [
            str(bindir / "pg_ctl"),
            "-D",
            str(root / "data"),
            "-l",
            str(root / "server.log"),
            "-w",
            "-t",
            "60",
            "-o",
            f"-F -p {port} -k {root / 'socket'} -c listen_addresses=127.0.0.1"
            " -c max_connections=200 -c fsync=off -c synchronous_commit=off"
            " -c full_page_writes=off",
            "start",
        ],
    ]
    for step in steps:
        result = subprocess.run(_as_server_user(step), capture_output=True, text=True, check=False)
        if result.returncode != 0:
            log = (root / "server.log").read_text() if (root / "server.log").exists() else ""
            shutil.rmtree(root, ignore_errors=True)
            raise RuntimeError(f"could not start PostgreSQL: {result.stderr.strip()} {log[-2000:]}")
    return PostgresServer(root=root, port=port, bindir=bindir)
