"""The tests' own PostgreSQL server starts, takes a keidesk schema and refuses a wrong password."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from tests.postgres_server import PostgresServer


def test_server_answers_over_tcp_with_a_password(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    with engine.connect() as connection:
        assert connection.execute(text("SHOW server_version_num")).scalar_one() >= "150000"
    engine.dispose()


def test_a_wrong_password_is_refused(postgres_server: PostgresServer) -> None:
    engine = create_engine(postgres_server.url(password="wrong"))
    with pytest.raises(OperationalError, match="password authentication failed"):
        engine.connect()
    engine.dispose()
