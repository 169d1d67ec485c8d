"""Core benchmark: the case list at scale, on a database built once and reused.

    .venv/bin/python -m benchmarks.bench_core --db /somewhere/1m.sqlite3 [--build 1000000]

``--build N`` makes the database first when it does not exist (``keidesk demo``'s own code;
time it and its memory from outside, e.g. ``/usr/bin/time -v keidesk --db F demo --cases N``).
The size printed is the number of cases in the database, counted.

What the list does per step, as the app does it (``services.cases``):
- search, per keystroke (every prefix of a few typed queries): the first page and the count the
  list shows at once (exact up to 1,000, else "1,000+");
- the first page after sorting by each column, both ways;
- the last page (jump to the end: the reversed query), each column both ways.
Each beside a floor: the same SQL statements replayed with plain ``sqlite3`` (rows as tuples,
no SQLAlchemy, no objects), run in turn with keidesk (A B A B …), so a ratio holds while the
machine's speed drifts. Medians, 90th percentiles and maxima in milliseconds; ratios are the
median of the pair-by-pair ratios. The exact count (arrives later, on its own lane) is timed too.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event

from keidesk import clock
from keidesk.gui.case_list.model import COUNT_AT_ONCE
from keidesk.services import cases
from keidesk.storage.database import Database, open_database

QUERIES = ("c", "fontenot", "smith farms", "da52t-12", "carry truck", "hank")
PAGE = 200
AT_ONCE = COUNT_AT_ONCE + 1


_TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


class Recorder:
    """The SQL statements (and parameters) keidesk ran, to replay them with plain sqlite3."""

    def __init__(self, database: Database) -> None:
        self.statements: list[tuple[str, Any]] = []
        self.on = False
        event.listen(database.engine, "before_cursor_execute", self._executing)

    def _executing(self, _conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        # Not the reader's own BEGIN/ROLLBACK: the replay runs outside keidesk's transaction.
        if self.on and not statement.lstrip().upper().startswith(_TRANSACTION_CONTROL):
            self.statements.append((statement, params))


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def summary(label: str, mine: list[float], floor: list[float]) -> None:
    ratios = [a / b for a, b in zip(mine, floor, strict=True) if b > 0]

    def figures(values: list[float]) -> str:
        p90 = statistics.quantiles(values, n=10)[-1] if len(values) > 1 else values[0]
        return (
            f"median {statistics.median(values):7.1f}  p90 {p90:7.1f}  "
            f"min {min(values):6.1f}  max {max(values):7.1f}"
        )

    print(f"{label}")
    print(f"    keidesk   {figures(mine)}")
    print(f"    floor     {figures(floor)}")
    print(
        f"    ratio     median {statistics.median(ratios):.2f}  "
        f"min {min(ratios):.2f}  max {max(ratios):.2f}  ({len(ratios)} pairs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True, help="the database (reused)")
    parser.add_argument("--build", type=int, metavar="N", help="build N demo cases if missing")
    parser.add_argument("--runs", type=int, default=3, help="rounds of every step")
    args = parser.parse_args()
    today = clock.today()
    if not args.db.exists():
        if not args.build:
            raise SystemExit(f"{args.db} does not exist; give --build N to make it")
        from keidesk.services.demo import build_demo  # noqa: PLC0415 - only to build

        database = open_database(args.db)
        with database.transaction("bench") as session:
            build_demo(session, cases=args.build, today=today)
        database.close()
    database = open_database(args.db)
    recorder = Recorder(database)
    plain = sqlite3.connect(str(args.db))
    size = plain.execute("SELECT count(*) FROM cases").fetchone()[0]
    print(f"database: {size:,} cases ({args.db.stat().st_size / 1e6:,.0f} MB)")

    def pair(step: Callable[[Any], Any], mine: list[float], floor: list[float]) -> None:
        """Run the step with keidesk (its statements recorded), then replay them in sqlite3."""
        with database.reader() as session:
            recorder.statements.clear()
            recorder.on = True
            mine.append(timed(lambda: step(session)))
            recorder.on = False
        statements = list(recorder.statements)
        floor.append(
            timed(lambda: [plain.execute(sql, params).fetchall() for sql, params in statements])
        )

    # Warm the file cache (both read the same file).
    with database.reader() as session:
        cases.read_page(session, today=today, limit=PAGE)

    search_mine: list[float] = []
    search_floor: list[float] = []
    for _round in range(args.runs):
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                typed = cases.CaseFilter(search=query[:end])

                def keystroke(session: Any, typed: cases.CaseFilter = typed) -> None:
                    cases.read_page(session, typed, today=today, limit=PAGE)
                    cases.count_cases(session, typed, today=today, at_most=AT_ONCE)

                pair(keystroke, search_mine, search_floor)
    summary(
        f"search per keystroke: first page + count shown (exact to 1,000), "
        f"{len(search_mine)} keystrokes, ms",
        search_mine,
        search_floor,
    )

    first_mine: list[float] = []
    first_floor: list[float] = []
    last_mine: list[float] = []
    last_floor: list[float] = []
    for _round in range(args.runs):
        for column in cases.SORT_COLUMNS:
            for descending in (False, True):

                def first(
                    session: Any, column: str = column, descending: bool = descending
                ) -> None:
                    cases.read_page(
                        session, today=today, order_by=column, descending=descending, limit=PAGE
                    )

                def last(session: Any, column: str = column, descending: bool = descending) -> None:
                    cases.read_page(
                        session,
                        today=today,
                        order_by=column,
                        descending=descending,
                        last=True,
                        limit=PAGE,
                    )

                pair(first, first_mine, first_floor)
                pair(last, last_mine, last_floor)
    summary(
        f"first page after a sort, {len(cases.SORT_COLUMNS)} columns x 2 directions, ms",
        first_mine,
        first_floor,
    )
    summary("jump to the end (last page), every column both ways, ms", last_mine, last_floor)

    exact: list[str] = []
    for query in ("", "c", "fo", "truck"):
        with database.reader() as session:
            some = cases.CaseFilter(search=query)
            took = timed(lambda s=session, f=some: cases.count_cases(s, f, today=today))  # type: ignore[misc]
            exact.append(f"{query or 'all'!r} {took:.0f} ms")
    print("exact count (arrives after the first page, on its own lane): " + ", ".join(exact))
    plain.close()
    database.close()


if __name__ == "__main__":
    main()
