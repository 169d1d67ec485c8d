"""Starting the desktop app: the main window first, the rest while it is on screen.

``run_app(db, user)`` is what ``keidesk`` runs with no command. When it knows which database
to open, it shows the main window at once (this module and the window import only Qt and
keidesk's light modules), imports the rest of the app (services, storage, SQLAlchemy) on a
worker thread while the window keeps answering, then hands over to
:class:`keidesk.gui.shell.controller.AppController`, which opens the database and puts the case
list in the window. On first run (no database yet) the welcome comes first instead.

With ``KEIDESK_SMOKE_TEST=1`` it opens the real main window without asking anything (creating
the database if needed), processes events for about a second, closes and returns 0: the frozen
app's smoke test.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from keidesk import APP_ID, APP_NAME, __version__
from keidesk.gui.kit import theme
from keidesk.gui.kit.collector import GuiThreadCollector
from keidesk.gui.kit.dialogs import Dialogs, Discard
from keidesk.gui.kit.errors import install_excepthook
from keidesk.gui.kit.i18n import install_translation
from keidesk.gui.kit.problem_dialog import QUIT, Choice
from keidesk.gui.kit.responsive import call_while_responsive
from keidesk.gui.kit.settings import ORGANIZATION, AppSettings
from keidesk.gui.kit.tasks import TaskRunner
from keidesk.gui.shell.main_window import MainWindow, app_icon
from keidesk.gui.shell.which_database import initial_database
from keidesk.preferences import load_preferences

SMOKE_ENV = "KEIDESK_SMOKE_TEST"
SMOKE_SECONDS = 1.0
#: How long a worker thread may hold the interpreter while the GUI thread waits for it
#: (Python's default is 5 ms). Every event the GUI thread handles runs some Python (the
#: app's event filters, slots, paints), each waiting up to this long while a worker runs
#: Python: at 5 ms, a window repainting during the start's imports froze for 40-55 ms.
GUI_SWITCH_INTERVAL = 0.001
#: The module that opens the database and fills the window; it brings the rest of the app.
CONTROLLER_MODULE = "keidesk.gui.shell.controller"


def ensure_application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    app = QApplication([sys.argv[0] if sys.argv else APP_NAME])
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)  # for this process: it is a desktop app now
    app.setWindowIcon(app_icon())
    install_translation(load_preferences().language)  # before any window is built
    theme.use_fonts(app)
    return app


def import_while_responsive(name: str) -> ModuleType:
    """Import module ``name`` on a worker thread while the GUI thread goes on handling events
    (so a window already shown repaints, moves and opens its menus), and return it.

    An import error is raised here, on the GUI thread. Closing the window meanwhile does not cut
    the import short: the caller finds the window closed afterwards.
    """
    if name in sys.modules:
        return sys.modules[name]
    return call_while_responsive(lambda: importlib.import_module(name), name="keidesk-load")


class NonInteractiveDialogs(Dialogs):
    """For the smoke test: never blocks; messages go to stderr, questions get "no"."""

    def error(self, parent: QWidget | None, message: str, title: str = "") -> None:
        sys.stderr.write(f"error: {message}\n")

    def info(self, parent: QWidget | None, message: str, title: str = "") -> None:
        sys.stderr.write(f"{message}\n")

    def bug(self, parent: QWidget | None, summary: str, details: str) -> None:
        sys.stderr.write(f"error: {summary}\n{details}\n")

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
        sys.stderr.write(f"{question}\n")
        return False

    def confirm_discard(self, parent: QWidget | None, what: str) -> Discard:
        return Discard.DISCARD

    def startup_problem(
        self, message: str, choices: Sequence[Choice], parent: QWidget | None
    ) -> str:
        sys.stderr.write(f"error: {message}\n")
        return QUIT

    def server_problem(
        self, headline: str, message: str, choices: Sequence[Choice], parent: QWidget | None
    ) -> str:
        sys.stderr.write(f"error: {headline} {message}\n")
        return QUIT


def _process_events_for(seconds: float) -> None:
    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < seconds * 1000:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def run_app(db: str | None, user: str | None = None) -> int:
    """Run the desktop app until its window closes; returns the exit code. ``user`` is the
    ``--user`` option (else the usual order: KEIDESK_USER, preferences, login)."""
    smoke = os.environ.get(SMOKE_ENV) == "1"
    app = ensure_application()
    # Closing the window while the app is still loading must not end the event loops that
    # the loading runs in; the app quits on its last window only once it is up.
    app.setQuitOnLastWindowClosed(False)
    settings = AppSettings.for_user()
    dialogs: Dialogs = NonInteractiveDialogs() if smoke else Dialogs(settings)
    runner = TaskRunner()  # the app's one runner, handed to everything that runs tasks
    window: MainWindow | None = None
    if smoke or initial_database(db, settings) is not None:
        window = MainWindow(settings, dialogs, runner)
        window.show()
    # A full garbage collection amid the start's imports holds the interpreter for tens of
    # milliseconds, and the window shown freezes meanwhile: none until the first page of
    # cases is on screen; then what the start built is set aside for good (gc.freeze), so
    # later collections never walk it again, and they run on the GUI thread only.
    gc.disable()
    collector = GuiThreadCollector(app)
    controller_module = import_while_responsive(CONTROLLER_MODULE)
    controller = controller_module.AppController(
        dialogs=dialogs, settings=settings, runner=runner, interactive=not smoke, user=user
    )
    uninstall = install_excepthook(controller.reporter)
    try:
        window = controller.start(db, window)
        if window is None:
            return 0 if not smoke else 1
        window.desk.after_first_page(lambda: _collect_from_now_on(collector))
        if smoke:
            _process_events_for(SMOKE_SECONDS)
            window.close()
            QTimer.singleShot(0, app.quit)
            app.exec()
            return 0
        app.setQuitOnLastWindowClosed(True)
        return int(app.exec())
    finally:
        _collect_from_now_on(collector)  # the close's waits handle events: it collects there
        controller.close()
        uninstall()


def _collect_from_now_on(collector: GuiThreadCollector) -> None:
    """Garbage collection back after the start, on the GUI thread, the objects it made set
    aside."""
    if not collector.running:
        gc.freeze()
        collector.start()
