"""Starting the app: first-run welcome, demo, start-up problems, read-only, smoke test, Help."""

from __future__ import annotations

import hashlib
import importlib
import os
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QPushButton

from keidesk import __version__, clock, paths
from keidesk.dataio import backup
from keidesk.gui.kit import tasks
from keidesk.gui.kit.problem_dialog import StartupProblemDialog
from keidesk.gui.kit.settings import LAST_DATABASE
from keidesk.gui.setup.welcome import WelcomeDialog
from keidesk.gui.shell.controller import AppController
from keidesk.gui.shell.desk import Desk
from keidesk.gui.shell.recovery import (
    RECOVERY_ACTIONS,
    open_with_recovery,
)
from keidesk.services.cases import CaseFilter, count_cases
from keidesk.services.demo import build_demo
from keidesk.services.profile import load_profile
from keidesk.storage.database import open_database
from keidesk.storage.errors import NotAKeideskDatabase
from tests.conftest import child_env


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_app_process(
    tmp_path: Path, args: list[str], **env: str
) -> subprocess.CompletedProcess[str]:
    """Run Python with ``args`` as the app would run, offscreen, its data folder and QSettings
    kept in ``tmp_path``."""
    return subprocess.run(
        [sys.executable, *args],
        check=False,
        env=child_env(
            QT_QPA_PLATFORM="offscreen",
            KEIDESK_DATA_DIR=str(tmp_path / "data"),
            XDG_CONFIG_HOME=str(tmp_path / "config"),
            **env,
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )


def controller(dialogs, settings, runner) -> AppController:
    return AppController(dialogs=dialogs, settings=settings, runner=runner, user="tester")


def test_welcome_creates_the_database_and_saves_the_profile(dialogs, runner, qtbot, tmp_path):
    default = paths.default_database_path()
    welcome = WelcomeDialog(default, dialogs, runner, "tester")
    qtbot.addWidget(welcome)
    welcome.create_button.click()
    assert welcome.pages.currentIndex() == 1
    assert default.exists()
    form = welcome.profile_form
    qtbot.keyClicks(form.business_name, "Lone Star Kei Imports")
    form.address.setPlainText("12 Farm Rd\nAustin, TX 78701")
    qtbot.keyClicks(form.dealer_licence, "P123456")
    save = welcome.findChild(QPushButton, "welcome_save")
    assert save is not None
    save.click()
    assert welcome.result() == 1
    assert welcome.database is not None
    with welcome.database.reader() as session:
        profile = load_profile(session)
    assert profile.business_name == "Lone Star Kei Imports"
    assert profile.dealer_licence == "P123456"
    welcome.database.close()


def test_welcome_profile_needs_a_name(dialogs, runner, qtbot):
    welcome = WelcomeDialog(paths.default_database_path(), dialogs, runner, "tester")
    qtbot.addWidget(welcome)
    welcome.create_button.click()
    welcome._save_profile()
    assert "business name" in welcome.profile_form.message.accessibleDescription()
    assert welcome.result() == 0  # still open, nothing saved
    assert welcome.database is not None
    welcome.database.close()


def test_welcome_in_another_folder(dialogs, runner, qtbot, tmp_path):
    synced = tmp_path / "Dropbox"
    synced.mkdir()
    dialogs.folders = [synced]
    welcome = WelcomeDialog(paths.default_database_path(), dialogs, runner, "tester")
    qtbot.addWidget(welcome)
    welcome.folder_button.click()
    assert (synced / paths.DB_FILENAME).exists()
    assert not paths.default_database_path().exists()
    assert welcome.database is not None
    welcome.database.close()


def test_first_run_demo_is_its_own_file(dialogs, settings, runner, qtbot, today):
    """No database yet: the welcome shows; the demo goes to its own file, the real one stays
    uncreated."""
    app = controller(dialogs, settings, runner)

    def choose_demo() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, WelcomeDialog)
        dialog.demo_button.click()

    QTimer.singleShot(0, choose_demo)
    window = app.start(None)
    assert window is not None
    qtbot.addWidget(window)
    database = window.desk.context.database
    assert database.path == paths.default_database_path().with_name(paths.DEMO_FILENAME)
    assert not paths.default_database_path().exists()
    with database.reader() as session:
        assert count_cases(session, CaseFilter(), today=today) == 400
    assert "demo" in window.windowTitle()
    assert settings.path_value(LAST_DATABASE) == database.path
    window.close()
    app.close()


def test_existing_default_database_opens_without_welcome(dialogs, settings, runner, qtbot):
    open_database(paths.default_database_path()).close()
    app = controller(dialogs, settings, runner)
    window = app.start(None)
    assert window is not None
    qtbot.addWidget(window)
    assert window.desk.context.database.path == paths.default_database_path()
    window.close()
    app.close()


def test_not_a_database_offers_another_file(dialogs, settings, runner, qtbot, tmp_path, db_path):
    open_database(db_path).close()
    junk = tmp_path / "notes.sqlite3"
    junk.write_text("shopping list")
    before = digest(junk)
    dialogs.startup_answers = ["other_file"]
    dialogs.files = [db_path]
    app = controller(dialogs, settings, runner)
    window = app.start(str(junk))
    assert window is not None
    qtbot.addWidget(window)
    assert "not a keidesk database" in dialogs.problems[0]
    assert window.desk.context.database.path == db_path
    assert digest(junk) == before  # never modified
    window.close()
    app.close()


def test_cancelled_file_choice_comes_back_then_quit(qapp, dialogs, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00" * 64)
    dialogs.startup_answers = ["other_file", "read_only", "quit"]
    dialogs.files = [None]  # the user closes the file chooser
    assert open_with_recovery(junk, dialogs) is None
    assert len(dialogs.problems) == 3  # shown again after cancel and after read-only failed
    assert junk.read_bytes() == b"\x00" * 64


def test_open_read_only_disables_editing(dialogs, settings, runner, qtbot, make_case, db_path):
    case_id = make_case(built="1999-03")
    before = digest(db_path)
    database = open_with_recovery(db_path, dialogs, read_only=True)
    assert database is not None
    app = controller(dialogs, settings, runner)
    window = app.show(database)
    qtbot.addWidget(window)
    assert "read-only" in window.windowTitle()
    assert "READ-ONLY" in window.database_label.text()
    new_case = next(a for a in window.actions() if a.objectName() == "action_new_case")
    assert not new_case.isEnabled()
    workspace = window.desk.open_case(case_id)
    editor = workspace.editors["colour"]
    assert isinstance(editor, QLineEdit) and editor.isReadOnly()
    assert not workspace.workflow.done_button.isEnabled()
    assert not workspace.documents.attach_button.isEnabled()
    save = next(a for a in window.actions() if a.objectName() == "action_save")
    assert not save.isEnabled()
    window.close()
    app.close()
    assert digest(db_path) == before


def test_startup_dialog_has_one_button_per_action(qtbot, tmp_path):
    choices = [(action.key, action.label()) for action in RECOVERY_ACTIONS]
    dialog = StartupProblemDialog("The database file is damaged.", choices)
    qtbot.addWidget(dialog)
    names = [b.objectName() for b in dialog.buttons.buttons()]
    assert sorted(names) == ["other_file", "quit", "read_only", "restore_backup"]
    extra = next(b for b in dialog.buttons.buttons() if b.objectName() == "restore_backup")
    assert extra.text() == "Restore a backup…"
    extra.click()
    assert dialog.choice == "restore_backup"
    assert dialog.buttons.buttonRole(extra) == QDialogButtonBox.ButtonRole.AcceptRole


def test_help_about_and_log(window, dialogs, db_path):
    text = window.about_text()
    assert __version__ in text
    assert str(paths.data_dir()) in text
    assert str(db_path) in text
    assert "MIT" in text
    window.open_log()  # nothing logged yet: says so instead of failing
    assert dialogs.infos and "No problems" in dialogs.infos[0]


def test_unexpected_error_is_logged_and_shown(window, dialogs, context):
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        context.reporter.handle(exc)
    summary, details = dialogs.bugs[0]
    assert "RuntimeError" in summary and "boom" in details
    from keidesk import crashlog  # noqa: PLC0415

    assert "boom" in crashlog.log_file().read_text()


def test_task_runner_off_the_gui_thread(qtbot, qapp):
    runner = tasks.TaskRunner()
    seen: list[tuple[int, int, str]] = []
    results: list[int] = []

    def work(progress: tasks.Progress) -> int:
        for i in range(3):
            progress.report(i + 1, 3, f"step {i}")
        return 42

    bar = tasks.TaskProgressBar(runner)
    qtbot.addWidget(bar)
    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        handle = runner.run_task(work, results.append, lambda *a: seen.append(a), title="Test")
    assert results == [42]
    assert seen[-1] == (3, 3, "step 2")
    assert handle.outcome == "done"
    assert bar.isHidden()


def test_task_cancel_and_errors(qtbot, qapp):
    runner = tasks.TaskRunner(synchronous=True)
    user_errors: list[BaseException] = []
    bugs: list[BaseException] = []
    runner.user_error_handler = user_errors.append
    runner.bug_handler = bugs.append
    cancelled: list[bool] = []

    def cancelled_work(progress: tasks.Progress) -> None:
        progress.cancel()  # as if the user pressed Cancel
        progress.check()

    handle = runner.run_task(
        cancelled_work, cancellable=True, on_cancelled=lambda: cancelled.append(True)
    )
    assert handle.outcome == "cancelled" and cancelled == [True]

    def refused(progress: tasks.Progress) -> None:
        raise NotAKeideskDatabase("plain words")

    runner.run_task(refused)
    assert [str(e) for e in user_errors] == ["plain words"]

    def broken(progress: tasks.Progress) -> None:
        raise ZeroDivisionError

    runner.run_task(broken)
    assert isinstance(bugs[0], ZeroDivisionError)


@pytest.mark.slow
def test_smoke_test_mode_opens_the_window_and_exits_0(tmp_path):
    result = run_app_process(
        tmp_path,
        ["-m", "keidesk"],
        KEIDESK_SMOKE_TEST="1",
        KEIDESK_DB=str(tmp_path / "smoke.sqlite3"),
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "smoke.sqlite3").exists()


# --- the window first, the rest while it shows ------------------------------------------------


def test_starting_the_app_loads_nothing_heavy_before_the_window(tmp_path):
    """The CLI's no-command path, the launcher and the main window import only Qt and light
    modules; the services, storage and SQLAlchemy load while the window is on screen."""
    script = (
        "import sys\n"
        "from keidesk.cli import _app_arguments\n"
        "assert _app_arguments(['--db', 'x.sqlite3']) is not None\n"
        "import keidesk.gui.launch, keidesk.gui.shell.main_window\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'alembic', 'reportlab', 'openpyxl', 'xlsxwriter', 'pypdf') "
        "or m.startswith(('keidesk.services', 'keidesk.storage', 'keidesk.dataio')))\n"
        "print(heavy)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", script], check=True, env=env, capture_output=True, text=True
    )
    assert result.stdout.strip() == "[]"


def test_the_first_page_shows_before_the_menus_dialogs_load(tmp_path, db_path, make_case):
    """A start reads and shows its cases without loading the dialogs, the case workspace or
    the bundle and export code: they load ahead of use on their own thread, started once the
    first page is in. No garbage collection interrupts the start (it would freeze the window
    shown); once the page is in, collection is back, on the GUI thread only (a worker must
    never destroy a Qt object), with what the start made set aside."""
    make_case(built="1999-03")
    script = textwrap.dedent(
        """
        import os, sys, threading
        from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
        from keidesk.gui.launch import ensure_application
        from keidesk.gui.shell.desk import LOADED_ON_USE

        import gc
        loaded_by = {}

        class Record:  # which thread imports each of them first
            def find_spec(self, name, path=None, target=None):
                if name == "keidesk.gui.shell.controller":
                    print("collecting while the start imports:", gc.isenabled())
                    print("switch interval while the start imports:", sys.getswitchinterval())
                if name in LOADED_ON_USE and name not in sys.modules:
                    loaded_by.setdefault(name, threading.current_thread().name)
                return None

        sys.meta_path.insert(0, Record())

        def report():
            print("loaded by:", sorted(set(loaded_by.values())))
            print("not loaded:", sorted(m for m in LOADED_ON_USE if m not in sys.modules))
            from keidesk.gui.kit.collector import GuiThreadCollector
            collector = QCoreApplication.instance().findChild(GuiThreadCollector)
            print(
                "collecting after:",
                gc.isenabled(),
                collector is not None and collector.running,
                gc.get_freeze_count() > 0,
            )
            sys.stdout.flush()
            os._exit(0)

        def wait_for_preload(tries=[600]):
            tries[0] -= 1
            if all(m in sys.modules for m in LOADED_ON_USE) or not tries[0]:
                report()
            QTimer.singleShot(50, wait_for_preload)

        class Watch(QObject):
            def eventFilter(self, obj, event):
                window = obj.window() if obj.isWidgetType() else None
                if event.type() != QEvent.Type.Paint or not getattr(window, "attached", False):
                    return False
                if window.desk.case_list.model.rowCount() > 0:  # the first page is in
                    QCoreApplication.instance().removeEventFilter(self)
                    QTimer.singleShot(50, wait_for_preload)
                return False

        app = ensure_application()
        watch = Watch()
        app.installEventFilter(watch)
        from keidesk.cli import main
        main(sys.argv[1:])
        """
    )
    result = run_app_process(tmp_path, ["-c", script, "--db", str(db_path)])
    assert "loaded by: ['keidesk-preload']" in result.stdout, result.stdout + result.stderr
    assert "not loaded: []" in result.stdout, result.stdout + result.stderr
    assert "collecting while the start imports: False" in result.stdout, result.stdout
    # A worker importing holds the interpreter at most 1 ms while the window waits to repaint.
    assert "switch interval while the start imports: 0.001" in result.stdout, result.stdout
    # Automatic collection off (it would run on any thread), the GUI thread's on.
    assert "collecting after: False True True" in result.stdout, result.stdout


def test_import_while_responsive_keeps_the_gui_thread_running(qapp, tmp_path, monkeypatch):
    """The import waits until a GUI-thread timer has fired a few times: it can only finish if
    the GUI thread goes on handling events meanwhile (no timing: a count and an event)."""
    from keidesk.gui.launch import import_while_responsive  # noqa: PLC0415

    (tmp_path / "import_gate.py").write_text("import threading\nopened = threading.Event()\n")
    (tmp_path / "slow_to_load.py").write_text(
        "import import_gate as gate\n"
        "if not gate.opened.wait(60):  # only a GUI thread that never runs its timer gets here\n"
        "    raise TimeoutError('the GUI thread handled no events during the import')\n"
        "VALUE = 7\n"
    )
    (tmp_path / "broken_on_load.py").write_text("raise ValueError('broken install')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    gate = importlib.import_module("import_gate")
    ticks: list[int] = []

    def tick() -> None:
        ticks.append(1)
        if len(ticks) == 5:
            gate.opened.set()

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(tick)
    timer.start()
    module = import_while_responsive("slow_to_load")
    timer.stop()
    assert module.VALUE == 7
    assert len(ticks) >= 5  # the GUI thread ran the timer while the import waited for it
    assert import_while_responsive("slow_to_load") is module
    with pytest.raises(ValueError, match="broken install"):
        import_while_responsive("broken_on_load")


def test_the_window_shows_first_then_the_desk_is_attached(
    dialogs, settings, runner, qtbot, make_case, db_path
):
    from keidesk.gui.shell.main_window import MainWindow  # noqa: PLC0415

    make_case(built="1999-03")
    window = MainWindow(settings, dialogs, runner)
    qtbot.addWidget(window)
    window.show()
    # Before the database is open: the menus are all there, what needs the data waits.
    assert not window.attached
    assert window.loading_page is not None and window.tabs.widget(0) is window.loading_page
    names = {a.objectName(): a for a in window.actions() if a.objectName()}
    assert {"action_new_case", "action_find", "action_backup_now", "action_quit"} <= set(names)
    assert not names["action_new_case"].isEnabled() and not names["action_find"].isEnabled()
    assert names["action_quit"].isEnabled() and names["action_about"].isEnabled()
    assert "still opening" in window.about_text()

    app = controller(dialogs, settings, runner)
    shown = app.start(str(db_path), window)
    assert shown is window  # the same window, now with the case list in it
    assert shown.attached
    qtbot.waitUntil(lambda: window.tabs.widget(0) is window.desk.cases_page)
    assert window.tabs.tabText(0) == "Cases"
    assert names["action_new_case"].isEnabled() and names["action_find"].isEnabled()
    assert window.windowTitle() == f"keidesk — {db_path.name}"
    qtbot.waitUntil(lambda: window.desk.case_list.model.rowCount() == 1)
    window.close()
    app.close()


def test_the_desk_is_laid_out_after_the_timers_waiting_since_it_was_built(context, qtbot):
    """Building the desk takes the GUI thread tens of milliseconds: its page goes on screen in
    a later turn of the event loop, after the timers (and input) that came due meanwhile, so
    building, laying out and painting it are not one long freeze."""
    from keidesk.gui.shell.main_window import MainWindow  # noqa: PLC0415

    window = MainWindow(context.settings, context.dialogs, context.tasks)
    qtbot.addWidget(window)
    window.show()
    order: list[str] = []
    waiting = QTimer()
    waiting.setSingleShot(True)
    waiting.timeout.connect(lambda: order.append("timer"))
    waiting.start(0)
    desk = Desk(context, window)
    window.attach(desk, shown=lambda: order.append("desk shown"))
    assert window.attached  # the menus work on the desk at once
    assert window.tabs.widget(0) is window.loading_page
    qtbot.waitUntil(lambda: "desk shown" in order)
    assert order == ["timer", "desk shown"]
    assert window.tabs.widget(0) is desk.cases_page


def test_the_desk_reads_its_cases_once_it_has_been_painted(
    dialogs, settings, runner, qtbot, make_case, db_path
):
    """Read meanwhile, the first page would make the desk's first layout and paint wait for
    the interpreter: the window would freeze for both."""
    from keidesk.gui.shell.main_window import MainWindow  # noqa: PLC0415

    make_case(built="1999-03")
    window = MainWindow(settings, dialogs, runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    app = controller(dialogs, settings, runner)
    assert app.start(str(db_path), window) is window
    model = window.desk.case_list.model
    assert model.rowCount() == 0  # built, not read yet (this runner reads synchronously)
    paints: list[QEvent.Type] = []
    painted_before_the_page: list[int] = []

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() in (QEvent.Type.Paint, QEvent.Type.UpdateRequest):
                paints.append(event.type())
            return False

    watcher = Paints()
    window.installEventFilter(watcher)
    model.modelReset.connect(lambda: painted_before_the_page.append(len(paints)))
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert painted_before_the_page and painted_before_the_page[0] > 0
    window.removeEventFilter(watcher)
    window.close()
    app.close()


def test_closing_the_window_while_loading_opens_nothing(dialogs, settings, runner, qtbot, db_path):
    from keidesk.gui.shell.main_window import MainWindow  # noqa: PLC0415

    open_database(db_path).close()
    before = digest(db_path)
    window = MainWindow(settings, dialogs, runner)
    qtbot.addWidget(window)
    window.show()
    window.close()  # the user changed their mind before the database was open
    app = controller(dialogs, settings, runner)
    assert app.start(str(db_path), window) is None
    assert app.database is None
    assert digest(db_path) == before


def test_start_up_problem_over_the_waiting_window(dialogs, settings, runner, qtbot, tmp_path):
    from keidesk.gui.shell.main_window import MainWindow  # noqa: PLC0415

    junk = tmp_path / "notes.sqlite3"
    junk.write_text("shopping list")
    dialogs.startup_answers = ["quit"]
    window = MainWindow(settings, dialogs, runner)
    qtbot.addWidget(window)
    window.show()
    app = controller(dialogs, settings, runner)
    assert app.start(str(junk), window) is None
    assert "not a keidesk database" in dialogs.problems[0]
    assert not window.isVisible()  # quitting closes the waiting window
    assert junk.read_text() == "shopping list"


CLOSE_WHILE_LOADING = """
import sys, threading
from importlib.abc import MetaPathFinder
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from keidesk.gui.launch import ensure_application
from keidesk.gui.shell.main_window import MainWindow

# The heavy part of the app cannot finish loading before the window is closed: its import
# waits for this gate, which opens only after the close (no race with the machine's speed).
closed = threading.Event()
class HoldTheController(MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "keidesk.gui.shell.controller":
            closed.wait(60)
        return None
sys.meta_path.insert(0, HoldTheController())
app = ensure_application()
def close_it():
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow) and w.isVisible():
            print("attached" if w.attached else "loading", flush=True)
            w.close()
            closed.set()
            return
    QTimer.singleShot(5, close_it)
QTimer.singleShot(0, close_it)
from keidesk.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""


@pytest.mark.slow
def test_closing_the_window_while_it_loads_quits_cleanly(tmp_path, db_path):
    """Through the real entry point: the window is closed at its first chance, while the rest
    of the app is still loading; keidesk exits 0 without opening the database."""
    open_database(db_path).close()
    before = digest(db_path)
    result = run_app_process(tmp_path, ["-c", CLOSE_WHILE_LOADING, str(db_path)])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "loading"
    assert digest(db_path) == before
    assert "Traceback" not in result.stderr


def test_which_database_start_up_opens_without_asking(settings, tmp_path, monkeypatch):
    from keidesk.gui.shell.which_database import initial_database  # noqa: PLC0415

    assert initial_database(None, settings) is None  # first run: the welcome asks
    default = paths.default_database_path()
    open_database(default).close()
    assert initial_database(None, settings) == default
    last = tmp_path / "laptop.sqlite3"
    open_database(last).close()
    settings.set_path_value(LAST_DATABASE, last)
    assert initial_database(None, settings) == last
    last.unlink()  # moved away since: the default again
    assert initial_database(None, settings) == default
    assert initial_database("other.sqlite3", settings) == "other.sqlite3"
    monkeypatch.setenv(paths.DB_ENV_VAR, str(tmp_path / "not-yet.sqlite3"))
    assert initial_database(None, settings) is None  # KEIDESK_DB wins, and is new
    monkeypatch.setenv(paths.DB_ENV_VAR, "sqlite:///shared.sqlite3")
    assert initial_database(None, settings) == "sqlite:///shared.sqlite3"


def test_opening_the_database_runs_off_the_gui_thread(qapp, dialogs, db_path, make_case):
    """Opening may migrate or wait on a lock: it runs on a worker while events go on."""
    import threading  # noqa: PLC0415

    from sqlalchemy import event  # noqa: PLC0415
    from sqlalchemy.engine import Engine  # noqa: PLC0415

    make_case()  # the file exists
    connected_on: list[int] = []

    def connected(*_args: object) -> None:
        connected_on.append(threading.get_ident())

    event.listen(Engine, "connect", connected)
    try:
        database = open_with_recovery(db_path, dialogs)
    finally:
        event.remove(Engine, "connect", connected)
    assert database is not None
    database.close()
    assert connected_on
    assert threading.get_ident() not in connected_on


def test_closing_again_with_nothing_changed_makes_no_backup(
    dialogs, settings, runner, qtbot, db_path, clock_frozen
):
    database = open_database(db_path)
    with database.transaction("tester") as session:
        build_demo(session, cases=20, today=clock.today())
    database.close()
    folder = db_path.parent / backup.BACKUPS_DIRNAME

    def session_of_work() -> list[str]:
        app = controller(dialogs, settings, runner)
        window = app.start(str(db_path))
        assert window is not None
        qtbot.addWidget(window)
        qtbot.wait(50)  # the daily backup, once the window is up
        window.close()
        app.close()
        return sorted(p.name for p in folder.iterdir())

    first = session_of_work()
    assert first  # the data were never backed up: a backup was made
    clock_frozen.shift(timedelta(hours=2))
    assert session_of_work() == first  # nothing changed: closing copied nothing


def test_welcome_choices_show_their_whole_description(dialogs, runner, qtbot):
    """Five command links (the office server among them) are not squeezed: each is as tall as
    its wrapped description needs at the width it is shown."""
    welcome = WelcomeDialog(
        paths.default_database_path(), dialogs, runner, "tester", connect_server=lambda _p: None
    )
    qtbot.addWidget(welcome)
    welcome.show()
    qtbot.waitExposed(welcome)
    for button in (
        welcome.create_button,
        welcome.folder_button,
        welcome.open_button,
        welcome.server_button,
        welcome.demo_button,
    ):
        assert button.height() >= button.heightForWidth(button.width())
