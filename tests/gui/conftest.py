"""GUI fixtures: the real app objects on a real database, with a recorder for dialogs.

Settings go to an INI file in the test's temporary folder (never the user's), tasks run
synchronously, and every question a widget would ask in a modal box is answered from a script.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QElapsedTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from keidesk.gui.kit import i18n, tasks
from keidesk.gui.kit.collector import GuiThreadCollector
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.dialogs import Dialogs, Discard
from keidesk.gui.kit.errors import ErrorReporter
from keidesk.gui.kit.problem_dialog import Choice
from keidesk.gui.kit.settings import AppSettings
from keidesk.gui.shell.desk import Desk
from keidesk.gui.shell.main_window import MainWindow
from keidesk.services.documents import AttachmentStore
from keidesk.storage.database import Database
from tests.packets import samples
from tests.write_lock import WriteLockProbe

GUI_TESTS = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/gui drives Qt: mark it ``gui`` (``-m "not gui"`` runs the core)."""
    for item in items:
        if item.path.is_relative_to(GUI_TESTS):
            item.add_marker(pytest.mark.gui)


class RecordingDialogs(Dialogs):
    """Records what the user would have been told; answers questions from scripted lists."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.bugs: list[tuple[str, str]] = []
        self.discard_asked: list[str] = []
        self.discard_answers: list[Discard] = []
        self.files: list[Path | None] = []
        self.file_lists: list[list[Path]] = []
        self.folders: list[Path | None] = []
        self.texts: list[str | None] = []
        self.problems: list[str] = []
        self.startup_answers: list[str] = []
        self.questions: list[str] = []
        self.confirm_answers: list[bool] = []
        self.saves: list[Path | None] = []

    def error(self, parent: QWidget | None, message: str, title: str = "") -> None:
        self.errors.append(message)

    def info(self, parent: QWidget | None, message: str, title: str = "") -> None:
        self.infos.append(message)

    def bug(self, parent: QWidget | None, summary: str, details: str) -> None:
        self.bugs.append((summary, details))

    def confirm(
        self,
        parent: QWidget | None,
        question: str,
        title: str = "",
        *,
        yes: str = "",
        no: str = "",
        destructive: bool = False,
    ) -> bool:
        self.questions.append(question)
        return self.confirm_answers.pop(0) if self.confirm_answers else False

    def save_file(
        self,
        parent: QWidget | None,
        title: str,
        suggested: str = "",
        filters: str = "",
        *,
        purpose: str = "",
    ) -> Path | None:
        return self.saves.pop(0) if self.saves else None

    def confirm_discard(self, parent: QWidget | None, what: str) -> Discard:
        self.discard_asked.append(what)
        return self.discard_answers.pop(0) if self.discard_answers else Discard.DISCARD

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, text: str = ""
    ) -> str | None:
        return self.texts.pop(0)

    def open_file(
        self, parent: QWidget | None, title: str, filters: str = "", *, purpose: str = ""
    ) -> Path | None:
        return self.files.pop(0) if self.files else None

    def open_files(
        self, parent: QWidget | None, title: str, filters: str = "", *, purpose: str = ""
    ) -> list[Path]:
        return self.file_lists.pop(0) if self.file_lists else []

    def folder(self, parent: QWidget | None, title: str, *, purpose: str = "") -> Path | None:
        return self.folders.pop(0) if self.folders else None

    def startup_problem(
        self, message: str, choices: Sequence[Choice], parent: QWidget | None
    ) -> str:
        self.problems.append(message)
        return self.startup_answers.pop(0)

    def server_problem(
        self, headline: str, message: str, choices: Sequence[Choice], parent: QWidget | None
    ) -> str:
        self.problems.append(f"{headline} {message}")
        return self.startup_answers.pop(0)


class RealTimeQtBot(QtBot):
    """pytest-qt's bot whose ``waitUntil`` times out by the real clock.

    pytest-qt measures that timeout with ``time.time()``, which every test's frozen clock
    stops: a condition that never comes true hung the run instead of failing the test. Qt's
    own timers (``qtbot.wait``, ``waitSignal``) run on the real clock already.
    """

    def waitUntil(self, callback: Callable[[], bool | None], *, timeout: int = 5000) -> None:
        __tracebackhide__ = True
        elapsed = QElapsedTimer()  # the real monotonic clock, out of the frozen clock's reach
        elapsed.start()

        def within_time() -> bool | None:
            if elapsed.hasExpired(timeout):
                raise TimeoutError(f"waitUntil timed out in {timeout} milliseconds")
            return callback()

        super().waitUntil(within_time, timeout=timeout)

    wait_until = waitUntil


@pytest.fixture
def qtbot(qapp: Any, request: pytest.FixtureRequest) -> QtBot:
    """pytest-qt's ``qtbot``, its ``waitUntil`` timing out even with the clock frozen."""
    return RealTimeQtBot(request)


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread(qapp: Any) -> Iterator[None]:
    """As in the app: garbage collected on the GUI thread only, so no worker of a test ever
    destroys a Qt object held in a cycle (a segmentation fault seen in CI)."""
    collector = GuiThreadCollector()
    collector.start()
    try:
        yield
    finally:
        collector.stop()


@pytest.fixture
def spanish(qapp: Any) -> Iterator[None]:
    """The app's interface in Spanish for the test (as the preference or locale installs it)."""
    assert i18n.install_translation("es") == "es"
    try:
        yield
    finally:
        i18n.remove_translation()


@pytest.fixture
def dialogs() -> RecordingDialogs:
    return RecordingDialogs()


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "keidesk.ini"


@pytest.fixture
def settings(settings_path: Path) -> AppSettings:
    return AppSettings.in_file(settings_path)


@pytest.fixture
def runner(qapp: Any) -> tasks.TaskRunner:
    """The app's runner in synchronous mode: a task runs at once on the calling thread."""
    return tasks.TaskRunner(synchronous=True)


@pytest.fixture
def context(
    db: Database, dialogs: RecordingDialogs, settings: AppSettings, runner: tasks.TaskRunner
) -> AppContext:
    reporter = ErrorReporter(dialogs)
    runner.user_error_handler = reporter.user_error
    runner.bug_handler = reporter.bug
    return AppContext(
        database=db,
        user="tester",
        dialogs=dialogs,
        settings=settings,
        tasks=runner,
        reporter=reporter,
    )


@pytest.fixture
def probe(db: Database, db_path: Path) -> WriteLockProbe:
    return WriteLockProbe(db.folder, db_path)


@pytest.fixture
def probed_context(context: AppContext, probe: WriteLockProbe) -> AppContext:
    """``context`` whose attachment store is ``probe``: each file the GUI copies in records
    whether the database could be written at that moment."""

    class Probed(AppContext):
        @property
        def store(self) -> AttachmentStore:
            return probe

    values = {f.name: getattr(context, f.name) for f in dataclasses.fields(context)}
    return Probed(**values)


@pytest.fixture
def threaded(context: AppContext) -> Iterator[AppContext]:
    """The test's context with the app's own kind of runner: real worker threads."""
    runner = tasks.TaskRunner()
    runner.user_error_handler = context.reporter.user_error
    runner.bug_handler = context.reporter.bug
    yield dataclasses.replace(context, tasks=runner)
    runner.wait()


@pytest.fixture
def make_window(qtbot: Any) -> Callable[[AppContext], MainWindow]:
    """A main window with its desk on ``context``'s database, as start-up builds it."""

    def make(context: AppContext) -> MainWindow:
        main = MainWindow(context.settings, context.dialogs, context.tasks)
        qtbot.addWidget(main)
        shown: list[bool] = []
        main.attach(Desk(context, main), shown=lambda: shown.append(True))
        qtbot.waitUntil(lambda: bool(shown))  # its page in place of the loading page
        return main

    return make


@pytest.fixture
def window(context: AppContext, make_window: Callable[[AppContext], MainWindow]) -> MainWindow:
    main = make_window(context)
    main.resize(1280, 800)
    return main


@pytest.fixture
def rich_case(db: Database, make_case: Any, tmp_path: Path) -> int:
    """A case with every field and its scans attached, and an importer profile (packets)."""
    scans = tmp_path / "scans"
    scans.mkdir()
    samples.set_profile(db, scans)
    return samples.rich_case(db, make_case, scans)


@pytest.fixture
def sparse_case(make_case: Any) -> int:
    return samples.sparse_case(make_case)
