"""Desktop app benchmark: launch to an interactive main window, and search per keystroke.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_gui --cases 100000

Launch: wall time from starting a fresh Python process to the first paint of its main window,
for keidesk started as the ``keidesk`` command starts it (``keidesk --db FILE``, the command
line parsed first) on the 100,000-case database, versus a bare PySide6 window with an empty
QTableView (the yardstick; target: keidesk within 3x), and that bare window with SQLAlchemy's
ORM imported first. keidesk's window is interactive from its first paint: its event loop runs
while the rest of the app loads. Reported besides: the time until the case list is painted
with cases in it, and the GUI thread's largest gap in between (a 10 ms timer's ticks), which
is how long a click or a keystroke could wait at worst. Medians of several runs.
Search: each prefix of a few typed queries applied as the debounced search does, at full size:
how long the GUI thread is busy (the count and the first page are read off it), and the time
until the rows are painted (target: under 50 ms per keystroke).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

#: Watches the paints: "interactive" at the first paint of a main window; with ``data_shown``,
#: "data <largest gap ms>" once it returns True for a painted widget, then the process ends.
WATCH = textwrap.dedent(
    """
    import os, time
    from PySide6.QtCore import QEvent, QObject, QTimer

    def watch(app, data_shown=None):
        ticks, marks = [], []

        def tick():
            ticks.append(time.perf_counter())

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)

        class Watch(QObject):
            def eventFilter(self, obj, event):
                if event.type() != QEvent.Type.Paint or not obj.isWidgetType():
                    return False
                if not marks and obj.window().inherits("QMainWindow"):
                    marks.append(time.perf_counter())
                    print("interactive", flush=True)
                    if data_shown is None:
                        os._exit(0)
                    ticks.append(marks[0])
                    timer.start()
                elif marks and data_shown(obj):
                    tick()
                    gap = max(b - a for a, b in zip(ticks, ticks[1:]))
                    print(f"data {gap * 1000:.1f}", flush=True)
                    os._exit(0)
                return False

        app._watch = Watch()
        app.installEventFilter(app._watch)
    """
)

#: A bare PySide6 window with an empty table (the yardstick).
BARE = WATCH + textwrap.dedent(
    """
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
    app = QApplication([])
    watch(app)
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(1280, 800)
    window.show()
    app.exec()
    """
)

#: The bare window with SQLAlchemy's ORM imported first: what a window costs that shows data
#: from the database through it before it first paints.
BARE_WITH_ORM = "import sqlalchemy.orm\n" + BARE

#: keidesk as its command starts it, with the case list painted with cases in it as "data".
KEIDESK = WATCH + textwrap.dedent(
    """
    import sys
    from keidesk.gui.launch import ensure_application

    def data_shown(widget):
        window = widget.window()
        if not getattr(window, "attached", False):
            return False
        table = window.desk.case_list.table
        return widget is table.viewport() and table.model().rowCount() > 0

    watch(ensure_application(), data_shown)
    from keidesk.cli import main
    main(sys.argv[1:])
    """
)


class Launch:
    """One launch: seconds to interactive, to data shown, and the largest GUI gap (ms)."""

    def __init__(self, script: str, *args: str, env: dict[str, str] | None = None) -> None:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", script, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        assert process.stdout is not None
        first = process.stdout.readline()
        self.interactive = time.perf_counter() - start
        second = process.stdout.readline()
        self.data = time.perf_counter() - start
        process.wait(timeout=60)
        if first.strip() != "interactive":
            raise SystemExit(f"the launch did not finish: {first!r}")
        self.gap_ms = float(second.split()[1]) if second.startswith("data ") else 0.0


def build_database(path: Path, cases: int) -> None:
    from keidesk import clock  # noqa: PLC0415 - only when a database must be built
    from keidesk.services.demo import build_demo  # noqa: PLC0415
    from keidesk.storage.database import open_database  # noqa: PLC0415

    database = open_database(path)
    start = time.perf_counter()
    with database.transaction("bench") as session:
        build_demo(session, cases=cases, today=clock.today())
    database.close()
    print(f"built {cases:,} demo cases in {time.perf_counter() - start:.1f} s")


def search_latency(db_path: Path, settings_path: Path) -> None:
    from keidesk.gui.kit import tasks  # noqa: PLC0415
    from keidesk.gui.kit.dialogs import Dialogs  # noqa: PLC0415
    from keidesk.gui.kit.settings import AppSettings  # noqa: PLC0415
    from keidesk.gui.launch import ensure_application  # noqa: PLC0415
    from keidesk.gui.shell.controller import AppController  # noqa: PLC0415

    app = ensure_application()
    controller = AppController(
        dialogs=Dialogs(),
        settings=AppSettings.in_file(settings_path),
        runner=tasks.TaskRunner(),
        user="bench",
    )
    window = controller.start(str(db_path))
    assert window is not None
    window.resize(1280, 800)
    app.processEvents()
    panel = window.desk.case_list
    timings: list[float] = []  # how long the GUI thread was busy per keystroke
    shown: list[float] = []  # until the rows were painted (read off the GUI thread)
    for query in ("fontenot", "smith farms", "da52t-12", "carry truck", "hank"):
        panel.search.clear()
        typed = ""
        per_query = []
        for char in query:
            typed += char
            start = time.perf_counter()
            panel.search.setText(typed)
            panel._search_now()  # what the debounce timer does after the pause
            panel.table.viewport().repaint()
            per_query.append((time.perf_counter() - start) * 1000)
            while panel.model.loading:  # the count and the first page, read on the read lane
                app.processEvents()
            panel.table.viewport().repaint()
            shown.append((time.perf_counter() - start) * 1000)
            if os.environ.get("BENCH_VERBOSE"):
                print(f"    {typed!r}: {per_query[-1]:.1f} ms, shown {shown[-1]:.1f} ms")
        found = panel.model.rowCount()
        print(
            f"  search {query!r}: {found:,} cases; GUI thread per keystroke median "
            f"{statistics.median(per_query):.1f} ms, max {max(per_query):.1f} ms"
        )
        timings.extend(per_query)
    print(
        f"search per keystroke over {len(timings)} keystrokes, GUI thread busy: median "
        f"{statistics.median(timings):.1f} ms, p90 "
        f"{statistics.quantiles(timings, n=10)[-1]:.1f} ms, max {max(timings):.1f} ms; "
        f"until the rows are shown: median {statistics.median(shown):.1f} ms, max "
        f"{max(shown):.1f} ms (target < 50 ms)"
    )
    window.close()
    controller.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="reuse (or build) the database here")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("KEIDESK_DATA_DIR", str(Path(folder) / "data"))
        db_path = args.db or Path(folder) / "bench.sqlite3"
        if not db_path.exists():
            build_database(db_path, args.cases)
        settings = Path(folder) / "settings.ini"
        # keidesk's own settings (last database, window layout) stay in this folder.
        env = dict(os.environ, XDG_CONFIG_HOME=str(Path(folder) / "config"))
        keidesk = (KEIDESK, "--db", str(db_path))
        Launch(BARE)  # warm the file cache for both
        Launch(*keidesk, env=env)
        bare_s = statistics.median(Launch(BARE).interactive for _ in range(args.runs))
        orm_s = statistics.median(Launch(BARE_WITH_ORM).interactive for _ in range(args.runs))
        runs = [Launch(*keidesk, env=env) for _ in range(args.runs)]
        interactive = statistics.median(run.interactive for run in runs)
        data = statistics.median(run.data for run in runs)
        gap = statistics.median(run.gap_ms for run in runs)
        print(f"launch, bare PySide6 window + empty table: {bare_s * 1000:.0f} ms")
        print(
            f"launch, the same with SQLAlchemy's ORM imported first: {orm_s * 1000:.0f} ms "
            f"({orm_s / bare_s:.2f}x bare)"
        )
        print(
            f"launch to an interactive keidesk main window (keidesk --db, 100k-case database): "
            f"{interactive * 1000:.0f} ms ({interactive / bare_s:.2f}x bare; target 3x)"
        )
        print(
            f"  case list painted with cases: {data * 1000:.0f} ms ({data / bare_s:.2f}x bare); "
            f"largest GUI-thread gap in between: {gap:.0f} ms"
        )
        search_latency(db_path, settings)


if __name__ == "__main__":
    main()
