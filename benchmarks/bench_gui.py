"""Desktop app benchmark: launch to a usable case list, and the list's steps, at full size.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_gui --db /somewhere/1m.sqlite3

The database is built once (``--build N`` when it does not exist) and reused; the size printed
is the number of cases in it, counted.

Launch: wall time from starting a fresh Python process to (1) the first paint of its main
window, (2) the case list painted with cases in it, (3) "usable": the event loop answering
right after (a zero-delay timer posted at (2) has run). keidesk starts as the ``keidesk``
command starts it (``keidesk --db FILE``). The floor is a bare PySide6 window that shows the
first page of the list read with plain ``sqlite3`` (the same columns, 200 rows) in a table:
what any app must pay to show that page. Beside it, not a target, the "storage floor": the
same window reading its page through keidesk's storage and list service (SQLAlchemy, the
models), which shows how much of the launch that layer alone costs. They launch in turn
(floor, storage floor, keidesk, floor, …) so the ratios hold while the machine's speed drifts;
ratios are the median of the launch-by-launch ratios. Besides: keidesk's GUI thread's longest
freeze between first paint and data (a 10 ms timer's ticks), how long a click or a keystroke
could wait at worst (target: 50 ms).

In the app (one process, the threaded runner as in the app): per keystroke of a few typed
queries, the time until the rows and the count the list shows are there (the exact count may
follow: "1,000+"); the first page after sorting by each column both ways; jumping to the end.
"""

from __future__ import annotations

import argparse
import compileall
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import keidesk

#: Watches the paints: "interactive" at the first paint of a main window; with ``data_shown``,
#: "data <largest gap ms>" once it returns True for a painted widget, then "usable" when a
#: zero-delay timer posted then has run; then the process ends.
WATCH = textwrap.dedent(
    """
    import os, time
    from PySide6.QtCore import QEvent, QObject, QTimer

    def watch(app, data_shown):
        ticks, marks = [], []

        def tick():
            ticks.append(time.perf_counter())

        def usable():
            print("usable", flush=True)
            os._exit(0)

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
                    ticks.append(marks[0])
                    timer.start()
                if len(marks) == 1 and data_shown(obj):  # the first paint may show data
                    marks.append(time.perf_counter())
                    tick()
                    gap = max(b - a for a, b in zip(ticks, ticks[1:]))
                    print(f"data {gap * 1000:.1f}", flush=True)
                    QTimer.singleShot(0, usable)
                return False

        app._watch = Watch()
        app.installEventFilter(app._watch)
    """
)

#: A bare window with a table, shown at once; ``show(rows)`` fills the table and runs the app.
BARE_WINDOW = WATCH + textwrap.dedent(
    """
    import sys
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
    app = QApplication([])
    table = QTableView()
    watch(app, lambda w: w is table.viewport() and table.model().rowCount() > 0)
    window = QMainWindow()
    window.setCentralWidget(table)
    window.resize(1280, 800)
    window.show()

    def show(rows):
        model = QStandardItemModel(len(rows), 10)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                model.setItem(r, c, QStandardItem("" if value is None else str(value)))
        table.setModel(model)
        app.exec()
    """
)

#: The floor: the bare window showing the list's first page read with sqlite3.
FLOOR = BARE_WINDOW + textwrap.dedent(
    """
    import sqlite3
    connection = sqlite3.connect(sys.argv[1])
    show(connection.execute(
        "SELECT cases.id, vehicles.chassis_number, vehicles.make, vehicles.model,"
        " vehicles.built, vehicles.fmvss_eligible_on, customers.name,"
        " cases.destination_state, cases.stage, cases.stage_since"
        " FROM cases JOIN vehicles ON vehicles.id = cases.vehicle_id"
        " LEFT JOIN customers ON customers.id = cases.customer_id"
        " ORDER BY cases.id LIMIT 200"
    ).fetchall())
    """
)

#: The floor with keidesk's database layer: the bare window, its page read through keidesk's
#: storage and list service (SQLAlchemy, the models, ``read_page``) instead of plain sqlite3.
#: Not a target; it shows how much of keidesk's launch that layer alone costs.
STORAGE_FLOOR = BARE_WINDOW + textwrap.dedent(
    """
    from keidesk import clock
    from keidesk.services.cases import read_page
    from keidesk.storage.database import open_database
    database = open_database(sys.argv[1], read_only=True)
    with database.reader() as session:
        cases = read_page(session, today=clock.today(), limit=200).rows
    show([
        (case.number, case.chassis, case.make, case.model, case.built, case.fmvss_eligible_on,
         case.customer, case.state, case.stage, case.stage_since)
        for case in cases
    ])
    """
)

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
        if widget is table.viewport() and table.model().rowCount() > 0:
            return True
        # The first start of a day opens on the agenda (the warm-up launch): its list counts.
        agenda = window.desk.agenda.view.tree
        return widget is agenda.viewport() and agenda.topLevelItemCount() > 0

    watch(ensure_application(), data_shown)
    from keidesk.cli import main
    main(sys.argv[1:])
    """
)


class Launch:
    """One launch: seconds to first paint, to data painted, to usable; the largest gap (ms)."""

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
        third = process.stdout.readline()
        self.usable = time.perf_counter() - start
        process.wait(timeout=120)
        if first.strip() != "interactive" or third.strip() != "usable":
            raise SystemExit(f"the launch did not finish: {first!r} {second!r} {third!r}")
        self.gap_ms = float(second.split()[1])


def figures(values: list[float], unit: str = "ms") -> str:
    p90 = statistics.quantiles(values, n=10)[-1] if len(values) > 1 else values[0]
    return (
        f"median {statistics.median(values):7.1f}  p90 {p90:7.1f}  "
        f"min {min(values):7.1f}  max {max(values):7.1f} {unit}"
    )


def launches(db_path: Path, runs: int, env: dict[str, str]) -> None:
    keidesk = (KEIDESK, "--db", str(db_path))
    Launch(FLOOR, str(db_path))  # warm the file cache for all three
    Launch(STORAGE_FLOOR, str(db_path), env=env)
    Launch(*keidesk, env=env)
    floor: list[Launch] = []
    storage: list[Launch] = []
    mine: list[Launch] = []
    for _ in range(runs):  # in turn: floor, storage floor, keidesk, floor, ...
        floor.append(Launch(FLOOR, str(db_path)))
        storage.append(Launch(STORAGE_FLOOR, str(db_path), env=env))
        mine.append(Launch(*keidesk, env=env))

    def ratio(label: str, a: list[float], b: list[float]) -> None:
        ratios = [x / y for x, y in zip(a, b, strict=True)]
        print(
            f"    {label:9} median {statistics.median(ratios):.2f}  min {min(ratios):.2f}  "
            f"max {max(ratios):.2f}  ({runs} triples, in turn)"
        )

    for what in ("interactive", "data", "usable"):
        label = {"interactive": "first paint", "data": "data painted", "usable": "usable"}[what]
        a = [getattr(run, what) * 1000 for run in mine]
        b = [getattr(run, what) * 1000 for run in floor]
        c = [getattr(run, what) * 1000 for run in storage]
        print(f"launch to {label}:")
        print(f"    keidesk   {figures(a)}")
        print(f"    floor     {figures(b)}")
        ratio("ratio", a, b)
        if what != "interactive":
            print(f"    storage   {figures(c)}  (the floor reading through keidesk's storage)")
            ratio("÷ storage", a, c)
    gaps = [r.gap_ms for r in mine]
    print(f"keidesk GUI-thread longest freeze, first paint to data: {figures(gaps)}")


def in_app(db_path: Path, settings_path: Path, runs: int) -> None:
    from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: PLC0415 - after QT_QPA_PLATFORM

    from keidesk.gui.case_list.model import PLACEHOLDER  # noqa: PLC0415
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
    panel = window.desk.case_list
    model = panel.model
    table = panel.table

    # Wakes the waits below every 20 ms even when nothing else happens.
    waker = QTimer()
    waker.start(20)

    def settle(until: Callable[[], bool]) -> None:
        # Sleeps until an event comes: a busy loop here would take the interpreter from the
        # read lane. (processEvents with a time limit does not wait: it spun 3,000 times a
        # keystroke and made every step slower than the app is.)
        while not until():
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        table.viewport().repaint()

    settle(lambda: not model.loading and model.rowCount() > 0)
    controller.runner.wait_for()

    cpu: list[float] = []  # the process's CPU time of each step (all its threads)

    def timed(step: Callable[[], None], until: Callable[[], bool]) -> float:
        start, start_cpu = time.perf_counter(), time.process_time()
        step()
        settle(until)
        cpu.append((time.process_time() - start_cpu) * 1000)
        return (time.perf_counter() - start) * 1000

    def shown() -> bool:
        return not model.loading and bool(panel.count_label.text())

    keystrokes: list[float] = []
    for _round in range(runs):
        for query in ("c", "fontenot", "smith farms", "da52t-12", "carry truck", "hank"):
            panel.search.clear()
            panel._search_now()
            settle(shown)
            for end in range(1, len(query) + 1):

                def type_one(text: str = query[:end]) -> None:
                    panel.search.setText(text)
                    panel._search_now()  # what the debounce timer does after the pause

                keystrokes.append(timed(type_one, shown))
    panel.search.clear()
    panel._search_now()
    settle(shown)
    print(
        f"search per keystroke, until the rows and the count shown are there "
        f"({len(keystrokes)} keystrokes): {figures(keystrokes)}"
    )
    print(f"    CPU time of the process per keystroke: {figures(cpu)}")
    cpu.clear()

    sorts: list[float] = []
    ends: list[float] = []
    for _round in range(runs):
        for column, spec in enumerate(model.columns):
            if spec.sort_by is None or spec.key == "next":
                continue
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                table.scrollToTop()
                sorts.append(
                    timed(
                        lambda c=column, o=order: table.sortByColumn(c, o),  # type: ignore[misc]
                        lambda: not model.loading,
                    )
                )
                # Jump to the end once the exact count is in (Ctrl+End).
                controller.runner.wait_for()
                app.processEvents()
                last = model.rowCount() - 1
                ends.append(
                    timed(
                        table.scrollToBottom,
                        lambda r=last: model.index(r, 0).data() not in (None, PLACEHOLDER),  # type: ignore[misc]
                    )
                )
    print(f"first page painted after a sort, every column both ways: {figures(sorts)}")
    print(f"jump to the end, last row painted: {figures(ends)}")
    print(f"    CPU time of the process per sort or jump: {figures(cpu)}")
    window.close()
    controller.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True, help="the database (reused)")
    parser.add_argument("--build", type=int, metavar="N", help="build N demo cases if missing")
    parser.add_argument("--runs", type=int, default=5, help="launches of each, in turn")
    parser.add_argument("--skip-launch", action="store_true")
    parser.add_argument("--skip-in-app", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # As installed: keidesk's bytecode compiled, not compiled again by every launch (as it is
    # where PYTHONDONTWRITEBYTECODE is set, or after an edit).
    compileall.compile_dir(str(Path(keidesk.__file__).parent), quiet=1)
    if not args.db.exists():
        if not args.build:
            raise SystemExit(f"{args.db} does not exist; give --build N to make it")
        from keidesk import clock  # noqa: PLC0415 - only when a database must be built
        from keidesk.services.demo import build_demo  # noqa: PLC0415
        from keidesk.storage.database import open_database  # noqa: PLC0415

        database = open_database(args.db)
        with database.transaction("bench") as session:
            build_demo(session, cases=args.build, today=clock.today())
        database.close()
    with sqlite3.connect(str(args.db)) as plain:
        size = plain.execute("SELECT count(*) FROM cases").fetchone()[0]
    print(f"database: {size:,} cases ({args.db.stat().st_size / 1e6:,.0f} MB)")
    with tempfile.TemporaryDirectory() as folder:
        os.environ.setdefault("KEIDESK_DATA_DIR", str(Path(folder) / "data"))
        # keidesk's own settings (last database, window layout) stay in this folder.
        env: dict[str, Any] = dict(os.environ, XDG_CONFIG_HOME=str(Path(folder) / "config"))
        if not args.skip_launch:
            launches(args.db, args.runs, env)
        if not args.skip_in_app:
            in_app(args.db, Path(folder) / "settings.ini", max(1, args.runs // 3))


if __name__ == "__main__":
    main()
