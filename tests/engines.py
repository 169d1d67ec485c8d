"""Running the storage, services, dataio and CLI tests on both engines.

The conftest of each of those folders imports :func:`pytest_generate_tests` from here: every
test there that uses the database (the ``db``, ``cli``, ``db_path`` or ``make_case`` fixtures,
through ``database_target``) runs twice, ``[sqlite]`` on a file in tmp_path and
``[postgresql]`` on a database of its own on the test process's PostgreSQL server (a copy of a
template prepared once by ``keidesk server init``, signed in as ``tester``, a manager).

A test about SQLite itself (the file's bytes, modes, WAL, locks, a second program opening the
same file, the progress handler) is marked ``@pytest.mark.sqlite_only`` and runs on SQLite only.
A test that checks a typed staff name (``--user``, ``db.transaction("amy")``) in the history is
marked ``@pytest.mark.typed_names``: on a server the history records the signed-in role instead
(tests/storage/test_office_server.py proves that), so it runs on SQLite only too.
"""

from __future__ import annotations

import pytest

from tests.postgres_server import PostgresServer

ENGINES = ("sqlite", "postgresql")
#: The sign-in the tests use on PostgreSQL: a manager, named as KEIDESK_USER is in the tests,
#: so the history (which records the signed-in role there) names the same person.
TESTER = "tester"
TESTER_PASSWORD = "tester-only-password"
TEMPLATE = "keidesk_template"


def configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: about SQLite itself (its file, locks); not run on PostgreSQL"
    )
    config.addinivalue_line(
        "markers",
        "typed_names: checks a typed staff name in the history; on PostgreSQL the history"
        " records the signed-in role, so not run there",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "database_target" not in metafunc.fixturenames:
        return
    only_sqlite = any(
        metafunc.definition.get_closest_marker(name) is not None
        for name in ("sqlite_only", "typed_names")
    )
    metafunc.parametrize(
        "database_target", ["sqlite"] if only_sqlite else list(ENGINES), indirect=True
    )


@pytest.fixture
def database_target(request: pytest.FixtureRequest) -> str:
    """The engine this run of the test uses (parametrized by :func:`pytest_generate_tests`)."""
    return str(request.param)


def prepare_template(server: PostgresServer) -> str:
    """Prepare the template office database with keidesk's own ``server init`` and add the
    ``tester`` sign-in as a manager; returns its name."""
    from keidesk.storage.server import add_user, prepare_server  # noqa: PLC0415

    server.create_database(TEMPLATE)
    url = server.url(TEMPLATE)
    prepare_server(url)
    add_user(url, TESTER, "manager", TESTER_PASSWORD)
    return TEMPLATE


def tester_url(server: PostgresServer, database: str) -> str:
    return server.url(database, user=TESTER, password=TESTER_PASSWORD)
