"""Desktop app benchmark: launch to an interactive main window, and search per keystroke.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_gui --cases 100000

Launch: wall time from starting a fresh Python process to its window being shown and painted,
for keidesk's main window on the database (directly, and through the ``keidesk`` command's
entry point as installed) versus a bare PySide6 window with an empty QTableView, and that bare
window with SQLAlchemy's ORM imported first, the floor for any window fed through it (median
of several runs each; target: keidesk within 3x of the bare window).
Search: each prefix of a few typed queries applied as the debounced search does (count + the
first page painted), at full size (target: under 50 ms per keystroke).
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

#: A bare PySide6 window with an empty table, shown and painted (the yardstick).
BARE_WINDOW = textwrap.dedent(
    """
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    window.grab()
    """
)
BARE = BARE_WINDOW + 'print("ready", flush=True)\n'

#: The bare window with SQLAlchemy's ORM imported first: the floor for any window that shows
#: data from the database through it.
BARE_WITH_ORM = "import sqlalchemy.orm\n" + BARE

KEIDESK = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from keidesk.gui.app import AppController, ensure_application
    from keidesk.gui.dialogs import Dialogs
    from keidesk.gui.settings import AppSettings
    from keidesk.gui import tasks
    app = ensure_application()
    controller = AppController(
        dialogs=Dialogs(),
        settings=AppSettings.in_file(Path(sys.argv[2])),
        runner=tasks.runner(),
        user="bench",
    )
    window = controller.start(sys.argv[1])
    window.resize(1280, 800)
    app.processEvents()
    window.grab()
    print("ready", flush=True)
    """
)

#: As the installed ``keidesk`` command starts the app: the command line is parsed first.
KEIDESK_ENTRY = "from keidesk.cli import build_parser\nbuild_parser().parse_args([])\n" + KEIDESK

#: A probe of window-first start-up (not how keidesk starts today): a window frame is shown
#: and painted first, keidesk's modules (SQLAlchemy, services, storage) are imported on a worker
#: thread while the GUI thread runs its event loop, then the real main window is built on the
#: GUI thread. A 10 ms timer on the GUI thread measures how responsive it stays: the largest
#: gap between its ticks while the modules load, and while the main window is built.
#: Prints "interactive", then "data <gap while loading ms> <gap while building ms>".
WINDOW_FIRST_PROBE = BARE_WINDOW + textwrap.dedent(
    """
    frame = window
    import sys, threading, time
    from pathlib import Path
    from PySide6.QtCore import QTimer
    print("interactive", flush=True)
    ticks = [time.perf_counter()]
    gaps = []
    def tick():
        now = time.perf_counter()
        gaps.append(now - ticks[-1])
        ticks.append(now)
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    loaded = threading.Event()
    def load():
        import keidesk.gui.app, keidesk.gui.dialogs, keidesk.gui.settings, keidesk.gui.tasks
        loaded.set()
    threading.Thread(target=load, daemon=True).start()
    def build():
        if not loaded.is_set():
            return
        poll.stop()
        loading_gap = max(gaps, default=0.0)
        from keidesk.gui.app import AppController
        from keidesk.gui.dialogs import Dialogs
        from keidesk.gui.settings import AppSettings
        from keidesk.gui import tasks
        start = time.perf_counter()
        controller = AppController(
            dialogs=Dialogs(),
            settings=AppSettings.in_file(Path(sys.argv[2])),
            runner=tasks.runner(),
            user="bench",
        )
        window = controller.start(sys.argv[1])
        window.resize(1280, 800)
        frame.hide()
        app.processEvents()
        window.grab()
        building_gap = time.perf_counter() - start
        print(f"data {loading_gap * 1000:.1f} {building_gap * 1000:.1f}", flush=True)
        app.quit()
    poll = QTimer()
    poll.setInterval(5)
    poll.timeout.connect(build)
    poll.start()
    app.exec()
    """
)


def launch_seconds(script: str, *args: str) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait(timeout=60)
    if line.strip() != "ready":
        raise SystemExit(f"the launch did not finish: {line!r}")
    return elapsed


def window_first_probe(db_path: Path, settings: Path) -> tuple[float, float, float, float]:
    """One run of :data:`WINDOW_FIRST_PROBE`: seconds to the interactive frame and to the data
    shown, and the GUI thread's largest gaps (ms) while loading and while building."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", WINDOW_FIRST_PROBE, str(db_path), str(settings)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    interactive = time.perf_counter() - start
    second = process.stdout.readline()
    data = time.perf_counter() - start
    process.wait(timeout=60)
    if first.strip() != "interactive" or not second.startswith("data "):
        raise SystemExit(f"the probe did not finish: {first!r} {second!r}")
    _, loading_gap, building_gap = second.split()
    return interactive, data, float(loading_gap), float(building_gap)


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
    from keidesk.gui import tasks  # noqa: PLC0415
    from keidesk.gui.app import AppController, ensure_application  # noqa: PLC0415
    from keidesk.gui.dialogs import Dialogs  # noqa: PLC0415
    from keidesk.gui.settings import AppSettings  # noqa: PLC0415

    app = ensure_application()
    controller = AppController(
        dialogs=Dialogs(),
        settings=AppSettings.in_file(settings_path),
        runner=tasks.runner(),
        user="bench",
    )
    window = controller.start(str(db_path))
    assert window is not None
    window.resize(1280, 800)
    app.processEvents()
    panel = window.case_list
    timings: list[float] = []
    for query in ("fontenot", "smith farms", "da52t-12", "carry truck", "hank"):
        panel.search.clear()
        typed = ""
        per_query = []
        for char in query:
            typed += char
            start = time.perf_counter()
            panel.search.setText(typed)
            panel._search_now()  # what the debounce timer does after the pause
            panel.table.viewport().repaint()  # the visible page fetched and painted
            per_query.append((time.perf_counter() - start) * 1000)
        found = panel.model.rowCount()
        print(
            f"  search {query!r}: {found:,} cases; per keystroke median "
            f"{statistics.median(per_query):.1f} ms, max {max(per_query):.1f} ms"
        )
        timings.extend(per_query)
    print(
        f"search per keystroke over {len(timings)} keystrokes: median "
        f"{statistics.median(timings):.1f} ms, p90 "
        f"{statistics.quantiles(timings, n=10)[-1]:.1f} ms, max {max(timings):.1f} ms "
        "(target < 50 ms)"
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
        launch_seconds(BARE)  # warm the file cache for all
        launch_seconds(KEIDESK_ENTRY, str(db_path), str(settings))
        runs = {
            "bare PySide6 window + empty table": (BARE,),
            "the same, SQLAlchemy's ORM imported first (the floor)": (BARE_WITH_ORM,),
            "keidesk main window on the database": (KEIDESK, str(db_path), str(settings)),
            "the same through the keidesk command's entry point": (
                KEIDESK_ENTRY,
                str(db_path),
                str(settings),
            ),
        }
        medians: dict[str, float] = {}
        for name, launch in runs.items():
            medians[name] = statistics.median(launch_seconds(*launch) for _ in range(args.runs))
        bare_s = medians["bare PySide6 window + empty table"]
        for name, seconds in medians.items():
            print(
                f"launch to interactive, {name}: {seconds * 1000:.0f} ms "
                f"({seconds / bare_s:.2f}x bare)"
            )
        print("target: keidesk within 3x of the bare window")
        probes = [window_first_probe(db_path, settings) for _ in range(args.runs)]
        interactive, data, loading_gap, building_gap = (
            statistics.median(run[i] for run in probes) for i in range(4)
        )
        print(
            f"window-first probe: frame interactive {interactive * 1000:.0f} ms "
            f"({interactive / bare_s:.2f}x bare), main window with data {data * 1000:.0f} ms "
            f"({data / bare_s:.2f}x bare); GUI thread's largest gap while the modules load "
            f"{loading_gap:.0f} ms, while the main window is built {building_gap:.0f} ms"
        )
        search_latency(db_path, settings)


if __name__ == "__main__":
    main()
