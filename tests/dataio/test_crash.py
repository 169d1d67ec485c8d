"""Killing keidesk at random moments loses no committed change and never damages the file."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from keidesk.storage.database import open_database

_WRITER = textwrap.dedent(
    """
    import sys
    from datetime import date
    from keidesk.services import cases
    from keidesk.storage.database import open_database
    database = open_database(sys.argv[1])
    start = int(sys.argv[2])
    print("ready", flush=True)
    for serial in range(start, start + 100000):
        with database.transaction("crash-test") as session:
            case_id = cases.create_case(
                session, chassis=f"DA52T-{serial}", customer=f"Buyer {serial % 7}",
                built=None, today=date(2026, 11, 21), notes="x" * (serial % 500),
            )
            cases.update_case(
                session, case_id, {"vessel": f"Ship {serial}"}, user="crash-test",
                today=date(2026, 11, 21),
            )
        print(case_id, flush=True)  # reported only after the commit returned
    """
)

#: A fixed number of kills, whatever the machine's speed: each child is killed after it has
#: reported a random number of commits, a random instant into its next write.
KILLS = 15


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_sigkill_at_random_moments_loses_nothing_committed(tmp_path: Path):
    path = tmp_path / "crash.sqlite3"
    open_database(path).close()
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    rng = random.Random(20261121)
    committed: set[int] = set()
    for kills in range(1, KILLS + 1):
        child = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), str(100000 + kills * 10000)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", child.stderr and child.stderr.read()
        reported = [child.stdout.readline() for _ in range(rng.randint(0, 4))]
        time.sleep(rng.uniform(0.0, 0.05))
        child.send_signal(signal.SIGKILL)
        out, _err = child.communicate()
        out = "".join(reported) + out
        # A line cut off by the kill was never a report of a commit.
        lines = out.splitlines()
        if out and not out.endswith("\n"):
            lines = lines[:-1]
        committed.update(int(line) for line in lines if line.strip().isdigit())
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            present = {row[0] for row in connection.execute("SELECT id FROM cases")}
            steps = connection.execute(
                "SELECT count(*) FROM cases c WHERE (SELECT count(*) FROM workflow_steps s "
                "WHERE s.case_id = c.id) != 8"
            ).fetchone()[0]
        connection.close()
        missing = committed - present
        assert not missing, f"after kill {kills}: committed cases lost: {sorted(missing)[:5]}"
        assert steps == 0, "a case was saved without all its steps (half a transaction)"
    assert len(committed) > 0
    database = open_database(path)  # and keidesk opens it normally afterwards
    database.close()
