"""Core benchmark: the case list at scale, on databases built once and reused.

    .venv/bin/python -m benchmarks.bench_core --db /somewhere/1m.sqlite3 [--build 1000000]
    .venv/bin/python -m benchmarks.bench_core --db /tmp/s100k.sqlite3 \\
        --db postgresql+psycopg://user:password@host/keidesk

``--db`` is a SQLite file or a server URL, as keidesk's own ``--db``; give it twice to measure
two databases (SQLite beside PostgreSQL) in one run: every step runs on each in turn, the
order swapped from one round to the next, so the load of a shared machine hits both alike.
``--build N`` makes a missing SQLite file first (``keidesk demo``'s own code; time it and its
memory from outside, e.g. ``/usr/bin/time -v keidesk --db F demo --cases N``). A server
database is made with ``keidesk server init URL`` then ``keidesk --db URL demo --cases N``.
The size printed is the number of cases in the database, counted.

What the list does per step, as the app does it (``services.cases``):
- search, per keystroke (every prefix of a few typed queries): the first page and the count the
  list shows at once (exact up to 1,000, else "1,000+");
- the first page after sorting by each column, both ways;
- the last page (jump to the end: the reversed query), each column both ways;
- the page after the middle row (keyset, as scrolling after a drag), each column both ways.
Each beside a floor: the same SQL statements replayed on a plain driver connection (``sqlite3``
or ``psycopg``; rows as tuples, no SQLAlchemy, no objects), run in turn with keidesk, so a ratio
holds while the machine's speed drifts. Medians, 90th percentiles, minima and maxima in
milliseconds; ratios are the median of the pair-by-pair ratios. The exact count (arrives later,
on its own lane) is timed too. The table at the end puts the databases side by side against
issue 17's targets (search p90 ≤ 50 ms; first page after a sort and jump to the end ≤ 100 ms).
"""

from __future__ import annotations

import argparse
import functools
import sqlite3
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event

from keidesk import clock
from keidesk.gui.case_list.model import COUNT_AT_ONCE
from keidesk.services import cases
from keidesk.storage.database import Database, locate, open_database

#: Typed a letter at a time. In the demo database of ``--seed 17`` (100,000 cases): a chassis
#: number and a customer's name (of case 54321), a name and a state (266 cases), names, a chassis
#: prefix, a model, and words found almost everywhere or rarely.
QUERIES = (
    "c",
    "DB71T-609655",
    "william harris",
    "smith tx",
    "fontenot",
    "smith farms",
    "da52t-12",
    "carry truck",
    "hank",
)
PAGE = 200
AT_ONCE = COUNT_AT_ONCE + 1
#: Issue 17's targets, ms: (which figure, at most).
SEARCH_TARGET = 50.0
PAGE_TARGET = 100.0


_TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


class Recorder:
    """The SQL statements (and parameters) keidesk ran, to replay them on a plain driver."""

    def __init__(self, database: Database) -> None:
        self.statements: list[tuple[str, Any]] = []
        self.on = False
        event.listen(database.engine, "before_cursor_execute", self._executing)

    def _executing(self, _conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        # Not the reader's own BEGIN/ROLLBACK: the replay runs outside keidesk's transaction.
        if self.on and not statement.lstrip().upper().startswith(_TRANSACTION_CONTROL):
            self.statements.append((statement, params))


@dataclass
class Figures:
    mine: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)


@dataclass
class Target:
    """One database under test: keidesk on it, and a plain driver connection for the floor."""

    label: str
    database: Database
    recorder: Recorder
    plain: Any
    figures: dict[str, Figures] = field(default_factory=dict)
    #: Per column and direction, the position just before the middle row of the list.
    middles: dict[tuple[str, bool], cases.Position | None] = field(default_factory=dict)

    @classmethod
    def open(cls, where: str, build: int | None) -> Target:
        location = locate(where)
        if location.path is not None and not location.path.exists():
            if not build:
                raise SystemExit(f"{location.path} does not exist; give --build N to make it")
            from keidesk.services.demo import build_demo  # noqa: PLC0415 - only to build

            database = open_database(location.path)
            with database.transaction("bench") as session:
                build_demo(session, cases=build, today=clock.today())
            database.close()
        database = open_database(where)
        if location.path is not None:
            plain: Any = sqlite3.connect(str(location.path))
            label = "SQLite"
            size = f"{location.path.stat().st_size / 1e6:,.0f} MB"
        else:
            import psycopg  # noqa: PLC0415 - the postgres extra

            url = location.url.set(drivername="postgresql")
            # Never prepared: keidesk's readers end in a rollback, which makes psycopg forget
            # its prepared statements, so keidesk never runs one (a replay that did would, after
            # a few rounds, get PostgreSQL's generic plan, which scans the whole trigram index
            # for a one-letter search).
            plain = psycopg.connect(
                url.render_as_string(hide_password=False), autocommit=True, prepare_threshold=None
            )
            label = "PostgreSQL"
            row = plain.execute(
                "SELECT pg_database_size(current_database()), current_setting('server_version')"
            ).fetchone()
            size = f"{row[0] / 1e6:,.0f} MB, server {row[1]}"
        count = plain.execute("SELECT count(*) FROM cases").fetchone()[0]
        print(f"{label}: {location.label}: {count:,} cases ({size})")
        return cls(label, database, Recorder(database), plain)

    def replay(self, statements: list[tuple[str, Any]]) -> None:
        for sql, params in statements:
            self.plain.execute(sql, params).fetchall()

    def pair(self, name: str, step: Callable[[Any], Any]) -> None:
        """Run the step with keidesk (its statements recorded), then replay them plainly."""
        figures = self.figures.setdefault(name, Figures())
        with self.database.reader() as session:
            self.recorder.statements.clear()
            self.recorder.on = True
            figures.mine.append(timed(lambda: step(session)))
            self.recorder.on = False
        statements = list(self.recorder.statements)
        figures.floor.append(timed(lambda: self.replay(statements)))

    def gathered(self, prefix: str) -> Figures:
        together = Figures()
        for name, figures in self.figures.items():
            if name.startswith(prefix):
                together.mine.extend(figures.mine)
                together.floor.extend(figures.floor)
        return together

    def close(self) -> None:
        self.plain.close()
        self.database.close()


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def p90(values: list[float]) -> float:
    return (
        statistics.quantiles(values, n=10, method="inclusive")[-1] if len(values) > 1 else values[0]
    )


def figures_line(values: list[float]) -> str:
    return (
        f"median {statistics.median(values):7.1f}  p90 {p90(values):7.1f}  "
        f"min {min(values):6.1f}  max {max(values):7.1f}"
    )


def summary(label: str, targets: list[Target], prefix: str) -> None:
    print(label)
    for target in targets:
        figures = target.gathered(prefix)
        ratios = [a / b for a, b in zip(figures.mine, figures.floor, strict=True) if b > 0]
        print(f"  {target.label}  ({len(figures.mine)} steps)")
        print(f"    keidesk   {figures_line(figures.mine)}")
        print(f"    floor     {figures_line(figures.floor)}")
        print(
            f"    ratio     median {statistics.median(ratios):.2f}  "
            f"min {min(ratios):.2f}  max {max(ratios):.2f}"
        )


def by_step(label: str, targets: list[Target], prefix: str) -> None:
    """Median / p90 of each step (a query's keystrokes, a column both ways), keidesk and its
    floor, per database, to see which one a slow figure comes from."""
    names = [name for name in targets[0].figures if name.startswith(prefix)]
    print(label + " (ms: keidesk median / p90, floor median / p90)")
    print("  " + f"{'':16}" + "".join(f"{target.label:>30}" for target in targets))
    for name in names:
        cells = []
        for target in targets:
            mine, floor = target.figures[name].mine, target.figures[name].floor
            cells.append(
                f"{statistics.median(mine):6.1f} /{p90(mine):6.1f},"
                f"{statistics.median(floor):6.1f} /{p90(floor):6.1f}"
            )
        print("  " + f"{name[len(prefix) :]:16}" + "".join(f"{cell:>30}" for cell in cells))


def table(targets: list[Target]) -> None:
    rows = (
        ("search per keystroke (page + count shown)", "search:", SEARCH_TARGET),
        ("first page after a sort (10 cols x 2)", "first:", PAGE_TARGET),
        ("jump to the end (10 cols x 2)", "last:", PAGE_TARGET),
        ("next page from the middle (10 cols x 2)", "middle:", PAGE_TARGET),
    )
    print()
    header = ["operation"] + [f"{t.label} median / p90 / max" for t in targets]
    header += ["target (p90)", "met?"]
    print(" | ".join(header))
    for title, prefix, limit in rows:
        cells = [title]
        met = []
        for target in targets:
            values = target.gathered(prefix).mine
            cells.append(
                f"{statistics.median(values):.1f} / {p90(values):.1f} / {max(values):.1f} ms"
            )
            met.append(f"{target.label} {'yes' if p90(values) <= limit else 'NO'}")
        cells += [f"<= {limit:.0f} ms", ", ".join(met)]
        print(" | ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--db",
        action="append",
        required=True,
        help="a SQLite file or a server URL (reused); twice to measure two side by side",
    )
    parser.add_argument("--build", type=int, metavar="N", help="build N demo cases if missing")
    parser.add_argument("--runs", type=int, default=3, help="rounds of every step")
    args = parser.parse_args()
    today = clock.today()
    targets = [Target.open(where, args.build) for where in args.db]

    # Warm the caches (the file cache; the server's buffers).
    for target in targets:
        with target.database.reader() as session:
            cases.read_page(session, today=today, limit=PAGE)

    # Where the scrollbar dragged to the middle lands, per column and direction (the app's
    # position_before, not timed): the next page from there is the keyset path of scrolling.
    for target in targets:
        with target.database.reader() as session:
            total = cases.count_cases(session, cases.CaseFilter(), today=today)
            for column in cases.SORT_COLUMNS:
                for descending in (False, True):
                    target.middles[column, descending] = cases.position_before(
                        session,
                        cases.CaseFilter(),
                        today=today,
                        order_by=column,
                        descending=descending,
                        row=total // 2,
                        total=total,
                    )

    steps: list[tuple[str, Callable[[Target, Any], Any]]] = []
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            typed = cases.CaseFilter(search=query[:end])

            def keystroke(_: Target, session: Any, typed: cases.CaseFilter = typed) -> None:
                cases.read_page(session, typed, today=today, limit=PAGE)
                cases.count_cases(session, typed, today=today, at_most=AT_ONCE)

            steps.append((f"search:{query}", keystroke))
    for column in cases.SORT_COLUMNS:
        for descending in (False, True):

            def first(
                _: Target, session: Any, column: str = column, descending: bool = descending
            ) -> None:
                cases.read_page(
                    session, today=today, order_by=column, descending=descending, limit=PAGE
                )

            def last(
                _: Target, session: Any, column: str = column, descending: bool = descending
            ) -> None:
                cases.read_page(
                    session,
                    today=today,
                    order_by=column,
                    descending=descending,
                    last=True,
                    limit=PAGE,
                )

            steps.append((f"first:{column}", first))

            def middle(
                target: Target, session: Any, column: str = column, descending: bool = descending
            ) -> None:
                cases.read_page(
                    session,
                    today=today,
                    order_by=column,
                    descending=descending,
                    after=target.middles[column, descending],
                    limit=PAGE,
                )

            steps.append((f"last:{column}", last))
            steps.append((f"middle:{column}", middle))

    # Step by step, each database in turn; who goes first swaps every round.
    for round_number in range(args.runs):
        order = targets if round_number % 2 == 0 else targets[::-1]
        for name, step in steps:
            for target in order:
                target.pair(name, functools.partial(step, target))

    keystrokes = sum(len(query) for query in QUERIES)
    summary(
        f"search per keystroke: first page + count shown (exact to 1,000), "
        f"{keystrokes} keystrokes x {args.runs} rounds, ms",
        targets,
        "search:",
    )
    summary(
        f"first page after a sort, {len(cases.SORT_COLUMNS)} columns x 2 directions, ms",
        targets,
        "first:",
    )
    summary("jump to the end (last page), every column both ways, ms", targets, "last:")
    summary(
        "next page from the middle (keyset, as scrolling), every column both ways, ms",
        targets,
        "middle:",
    )
    print()
    by_step("search, each query's keystrokes", targets, "search:")
    by_step("first page, each column both ways", targets, "first:")
    by_step("last page, each column both ways", targets, "last:")
    by_step("next page from the middle, each column both ways", targets, "middle:")

    print()
    for target in targets:
        exact: list[str] = []
        for query in ("", "c", "fo", "truck"):
            with target.database.reader() as session:
                some = cases.CaseFilter(search=query)
                took = timed(lambda s=session, f=some: cases.count_cases(s, f, today=today))  # type: ignore[misc]
                exact.append(f"{query or 'all'!r} {took:.0f} ms")
        print(
            f"{target.label} exact count (arrives after the first page, on its own lane): "
            + ", ".join(exact)
        )
    table(targets)
    for target in targets:
        target.close()


if __name__ == "__main__":
    main()
