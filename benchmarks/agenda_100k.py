"""The agenda at 100,000 cases (target: under 200 ms as the app reads it).

    .venv/bin/python -m benchmarks.agenda_100k --db /tmp/agenda/big.sqlite3 [--build 100000]

``--build N`` makes the database first when it does not exist, with ``keidesk demo --cases N
--seed 17``'s own code (build it outside the repository). Timed, each a number of times on the
same database (medians, 90th percentiles and maxima in milliseconds):

- ``app``: the agenda as the app reads it (7 days, at most 200 items of each kind, the rest
  counted, the backup reminder included): the target;
- ``full``: every item of the 7 days (what ``keidesk agenda --json`` lists);
- ``json``: ``keidesk agenda --json`` as a user runs it, in a child process (start-up included);
- ``calendar``: the calendar file of 180 days (``keidesk calendar``), written to a temporary
  folder.

Every kind of item is one indexed query (``EXPLAIN QUERY PLAN`` is printed for each, so a
table scan shows): the agenda never loads every case.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from keidesk import clock
from keidesk.dataio import backup
from keidesk.dataio.calendar import export_calendar
from keidesk.services import agenda
from keidesk.services.demo import build_demo
from keidesk.storage.database import Database, open_database
from keidesk.storage.models import Case

APP_LIMIT = 200  # keidesk.gui.agenda.feature.VIEW_LIMIT (the core imports no Qt)
TARGET_MS = 200


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def summary(name: str, times: list[float]) -> str:
    ordered = sorted(times)
    p90 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
    return (
        f"{name:10s} median {statistics.median(times):8.1f} ms   p90 {p90:8.1f} ms   "
        f"max {max(times):8.1f} ms   ({len(times)} runs)"
    )


def plans(database: Database) -> None:
    today = clock.today()
    last = today + timedelta(days=agenda.DEFAULT_DAYS - 1)
    queries = {
        "step_overdue": agenda._steps(today, None, today - timedelta(days=1)),
        "step_due": agenda._steps(today, today, last),
        "arrival": agenda._shipments("arrival", today, today, last),
        "release_pending": agenda._shipments("release", today, None, today - timedelta(1)),
        "eligible_soon": agenda._eligible(today, today + timedelta(1), today + timedelta(90)),
    }
    with database.reader() as session:
        connection = session.connection()
        for name, query in queries.items():
            for what, statement in (
                ("rows", query.rows.limit(APP_LIMIT + 1)),
                ("count", query.count),
            ):
                sql = str(statement.compile(connection, compile_kwargs={"literal_binds": True}))
                plan = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql).all()
                print(f"  {name} {what}: " + "; ".join(str(step[-1]) for step in plan))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--build", type=int, metavar="N")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    if args.build and not args.db.exists():
        database = open_database(args.db)
        with database.transaction("bench") as session:
            build_demo(session, cases=args.build, today=clock.today(), user="bench", seed=17)
        database.close()
    database = open_database(args.db)
    today = clock.today()
    with database.reader() as session:
        size = session.scalar(select(func.count()).select_from(Case))
    print(f"{size:,} cases in {args.db}, today {today}")
    print("Query plans:")
    plans(database)

    def read(limit: int | None) -> agenda.Agenda:
        with database.reader() as session:
            return agenda.build_agenda(
                session, today=today, limit=limit, backup_reminder=backup.backup_reminder
            )

    read(APP_LIMIT)  # warm the page cache, as an app that has shown its list has
    result = read(APP_LIMIT)
    counts = {kind.value: result.count(kind) for kind in agenda.AgendaKind}
    print("Items:", ", ".join(f"{kind} {count:,}" for kind, count in counts.items()))
    app = [timed(lambda: read(APP_LIMIT)) for _ in range(args.runs)]
    full = [timed(lambda: read(None)) for _ in range(max(3, args.runs // 3))]
    env = dict(os.environ, KEIDESK_TODAY=today.isoformat())
    command = [sys.executable, "-m", "keidesk", "--db", str(args.db), "agenda", "--json"]
    json_runs = [
        timed(lambda: subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL))
        for _ in range(3)
    ]
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "keidesk.ics"

        def write_calendar() -> None:
            with database.reader() as session:
                export_calendar(session, target, today=today)

        calendar = [timed(write_calendar) for _ in range(3)]
        size_mb = target.stat().st_size / 1e6
    print(summary("app", app))
    print(summary("full", full))
    print(summary("json", json_runs))
    print(summary("calendar", calendar) + f"   {size_mb:.1f} MB")
    verdict = "met" if statistics.median(app) < TARGET_MS else "MISSED"
    print(f"Target: the app's agenda under {TARGET_MS} ms (median): {verdict}")
    database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
