"""Private files stay private: the log is the user's alone and never holds customer data that
went into SQL as parameters."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from keidesk import crashlog
from keidesk.storage.database import Database


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def fresh_log() -> Iterator[Path]:
    """The log of this test's data folder (the logger keeps its file once opened)."""
    logger = logging.getLogger("keidesk.crash")

    def forget() -> None:
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
            handler.close()

    forget()
    yield crashlog.log_file()
    forget()


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_log_is_created_private_and_an_older_readable_one_is_made_private(fresh_log):
    fresh_log.parent.mkdir(parents=True)
    fresh_log.parent.chmod(0o755)
    fresh_log.write_text("an older keidesk wrote this\n")
    fresh_log.chmod(0o644)
    rotated = fresh_log.with_name(fresh_log.name + ".1")
    rotated.write_text("older still\n")
    rotated.chmod(0o644)
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        assert crashlog.record(exc) == fresh_log
    assert "boom" in fresh_log.read_text()
    assert _mode(fresh_log) == 0o600
    assert _mode(rotated) == 0o600
    assert _mode(fresh_log.parent) == 0o700


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_new_log_is_never_readable_by_others(fresh_log):
    old = os.umask(0o022)
    try:
        try:
            raise RuntimeError("first problem")
        except RuntimeError as exc:
            crashlog.record(exc)
    finally:
        os.umask(old)
    assert _mode(fresh_log) == 0o600
    assert _mode(fresh_log.parent) == 0o700


def test_sql_parameters_stay_out_of_errors_and_the_log(db: Database, make_case, fresh_log):
    make_case(customer="Reba Boudreaux")
    with pytest.raises(IntegrityError) as raised, db.engine.begin() as connection:
        connection.execute(
            text("UPDATE history SET by = :name WHERE 1 = 1"), {"name": "Reba Boudreaux 555-0100"}
        )
    assert "555-0100" not in str(raised.value)
    crashlog.record(raised.value)
    logged = fresh_log.read_text()
    assert "append-only" in logged  # the error is there, its data are not
    assert "555-0100" not in logged
