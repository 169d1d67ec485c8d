"""Shared fixtures: real databases in temporary folders, and the CLI run in-process."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from keidesk import clock
from keidesk.cli import main
from keidesk.domain.dates import parse_date
from keidesk.services import cases
from keidesk.storage.database import Database, open_database
from keidesk.storage.models import HistoryEntry
from tests import engines
from tests.postgres_server import PostgresServer, start_server

TODAY = date(2026, 11, 21)
#: Where every test's clock stands, frozen: noon of TODAY in a zone behind UTC, so a date taken
#: in UTC instead of the local zone would show.
FROZEN_AT = datetime(2026, 11, 21, 12, 0, tzinfo=ZoneInfo("America/Chicago"))


@pytest.fixture(autouse=True)
def clock_frozen() -> Iterator[time_machine.Traveller]:
    """The whole clock (instants, today, the local zone) stands still at :data:`FROZEN_AT` in
    every test, whatever the real date, time of day or zone; ``clock_frozen.move_to(...)`` moves
    it. A command run in a child process gets the same day from :func:`child_env`."""
    with time_machine.travel(FROZEN_AT, tick=False) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def _isolated_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user data folder."""
    monkeypatch.setenv("KEIDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("KEIDESK_TODAY", raising=False)
    monkeypatch.setenv("KEIDESK_USER", "tester")
    monkeypatch.delenv("KEIDESK_DB", raising=False)


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a keidesk started as a child process: its clock (which the test's
    frozen clock does not reach) is moved to the test's day."""
    return dict(os.environ, KEIDESK_TODAY=clock.today().isoformat(), **extra)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL server of this test process's own (see tests/postgres_server.py)."""
    if os.environ.get("KEIDESK_TEST_POSTGRES") == "skip":
        pytest.skip("KEIDESK_TEST_POSTGRES=skip: no PostgreSQL on this machine")
    server = start_server()
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer, request: pytest.FixtureRequest) -> str:
    """The URL of a new empty database on the test server, for this test only."""
    name = f"t{abs(hash(request.node.nodeid)) % 10**12}_{next(_database_numbers)}"
    return postgres_server.create_database(name)


_database_numbers = iter(range(10**9))


@pytest.fixture(scope="session")
def postgres_office(postgres_server: PostgresServer) -> str:
    """The name of a template database prepared once per test process as an office server
    (``keidesk server init``: schema, extensions, roles) with the sign-in ``tester``, a
    manager (tests/engines.py)."""
    return engines.prepare_template(postgres_server)


@pytest.fixture
def postgres_keidesk_url(postgres_server: PostgresServer, postgres_office: str) -> Iterator[str]:
    """A new office database for this test only (a copy of the template: a few hundredths of
    a second, where migrating costs a second), signed in as ``tester``; dropped after."""
    name = f"k{next(_database_numbers)}"
    postgres_server.create_database(name, template=postgres_office)
    yield engines.tester_url(postgres_server, name)
    postgres_server.drop_database(name)


def pytest_configure(config: pytest.Config) -> None:
    engines.configure(config)


@pytest.fixture
def database_target() -> str:
    """The engine of the test's database: "sqlite" here; the storage, services, dataio and
    cli tests run on "sqlite" and "postgresql" both (their conftest, tests/engines.py)."""
    return "sqlite"


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def db_path(tmp_path: Path, database_target: str, request: pytest.FixtureRequest) -> Path | str:
    """Where the test's database is: a file in tmp_path (SQLite), or the URL of an office
    database of the test's own on the test server (PostgreSQL, signed in as ``tester``)."""
    if database_target == "postgresql":
        return str(request.getfixturevalue("postgres_keidesk_url"))
    return tmp_path / "cases.sqlite3"


@pytest.fixture
def db(db_path: Path | str) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def make_case(db: Database) -> Callable[..., int]:
    """Create a case through the real service: ``make_case(chassis=..., built="H11.3")``."""
    counter = iter(range(100000, 999999))

    def factory(**kw: Any) -> int:
        kw.setdefault("chassis", f"DA52T-{next(counter)}")
        for key in ("built", "first_registered"):
            if isinstance(kw.get(key), str):
                kw[key] = parse_date(kw[key])
        kw.setdefault("today", TODAY)
        with db.transaction("tester") as session:
            return cases.create_case(session, **kw)

    return factory


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli(db_path: Path | str) -> Callable[..., CliResult]:
    """Run ``keidesk ARGS`` in-process against the test database."""

    def run(*args: str, db: Path | str | None = None) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(["--db", str(db or db_path), *args])
        return CliResult(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def age_the_data(db: Database) -> Callable[[int], None]:
    """Make the database's data look ``days`` old (as if entered then), for rules that depend
    on how long data have existed, such as the backup reminder. History is append-only, so an
    older entry is added rather than the existing ones changed."""

    def age(days: int) -> None:
        with db.transaction("tester") as session:
            session.add(
                HistoryEntry(
                    at=clock.now() - timedelta(days=days),
                    by="tester",
                    entity="cases",
                    entity_key="0",
                    action="create",
                )
            )

    return age
