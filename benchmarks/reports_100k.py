"""Reports at 100,000 cases: each report written as PDF and as XLSX (target: under 10 s each).

Build the database once, then measure (wall time and this process's CPU time, which a busy
machine inflates less):

    .venv/bin/keidesk --db /tmp/reports/big.sqlite3 demo --cases 100000 --seed 17
    .venv/bin/python -m benchmarks.reports_100k --db /tmp/reports/big.sqlite3

The data are asked in SQL (counts and sums grouped there) or streamed a keyset page at a time
as plain rows; no report loads every ORM object. Where the time of the slowest, the case list
(100,000 rows of 10 columns), goes: about 2 s CPU reading and shaping the rows (shared by both
formats), about 5 s XlsxWriter's writing of a million cells, about 2 s laying out and
compressing 2,000 PDF pages. `python -m cProfile -o` on one run shows it.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from keidesk import clock
from keidesk.reports import write_report
from keidesk.reports.data import build_report
from keidesk.reports.model import ReportKind
from keidesk.services.cases import count_cases
from keidesk.services.cases.search import CaseFilter
from keidesk.storage.database import open_database

TARGET_S = 10.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True, help="a database (keidesk demo)")
    parser.add_argument(
        "--kinds", default=",".join(k.value for k in ReportKind), help="reports to run"
    )
    parser.add_argument("--formats", default="pdf,xlsx")
    args = parser.parse_args()
    database = open_database(args.db)
    today = clock.today()
    with database.reader() as session:
        cases = count_cases(session, CaseFilter(), today=today)
    print(f"{cases:,} cases in {args.db}; target {TARGET_S:.0f} s a report")
    worst = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for name in args.kinds.split(","):
            kind = ReportKind.parse(name)
            for suffix in args.formats.split(","):
                path = Path(folder) / f"{kind.value}.{suffix}"
                wall, cpu = time.perf_counter(), time.process_time()
                with database.reader() as session:
                    write_report(build_report(session, kind, today=today), path)
                wall = time.perf_counter() - wall
                cpu = time.process_time() - cpu
                worst = max(worst, wall)
                size = path.stat().st_size / 1e6
                verdict = "ok" if wall < TARGET_S else "SLOW"
                print(
                    f"{kind.value:7} {suffix:4} {wall:6.2f} s wall {cpu:6.2f} s cpu "
                    f"{size:7.2f} MB  {verdict}"
                )
    database.close()
    print(f"slowest: {worst:.2f} s")


if __name__ == "__main__":
    main()
