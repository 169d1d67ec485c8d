"""Core benchmark: building a demo database and listing/searching it at scale.

.venv/bin/python -m benchmarks.bench_core --cases 100000
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from keidesk import clock
from keidesk.services import cases
from keidesk.services.demo import build_demo
from keidesk.storage.database import open_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    args = parser.parse_args()
    today = clock.today()
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "bench.sqlite3")
        start = time.perf_counter()
        with database.transaction("bench") as session:
            build_demo(session, cases=args.cases, today=today)
        print(f"demo --cases {args.cases}: {time.perf_counter() - start:.2f} s")
        with database.reader() as session:
            for text in ("d", "da5", "da52t-1", "fontenot", "smith farms"):
                start = time.perf_counter()
                found = cases.count_cases(session, cases.CaseFilter(search=text), today=today)
                page = cases.list_cases(
                    session, cases.CaseFilter(search=text), today=today, limit=100
                )
                elapsed = (time.perf_counter() - start) * 1000
                print(f"search {text!r}: {found} cases, first page {len(page)}: {elapsed:.1f} ms")
        database.close()


if __name__ == "__main__":
    main()
