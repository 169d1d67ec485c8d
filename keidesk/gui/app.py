"""Starting the desktop app: which database to open, first-run welcome, and the main window.

``run_app(db)`` is what ``keidesk`` runs with no command. With ``KEIDESK_SMOKE_TEST=1`` it opens
the real main window without asking anything (creating the database if needed), processes
events for about a second, closes and returns 0: the frozen app's smoke test.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from keidesk import APP_ID, APP_NAME, __version__, paths
from keidesk.gui import tasks
from keidesk.gui.backup_reminder import backup_at_close
from keidesk.gui.context import AppContext
from keidesk.gui.dialogs import Dialogs, Discard
from keidesk.gui.errors import ErrorReporter, install_excepthook
from keidesk.gui.main_window import MainWindow
from keidesk.gui.settings import LAST_DATABASE, ORGANIZATION, AppSettings
from keidesk.gui.startup import QUIT, RecoveryAction, StartupProblem, open_with_recovery
from keidesk.gui.welcome import WelcomeDialog
from keidesk.services.cases import refresh_age_gates
from keidesk.services.staff import current_user
from keidesk.storage.database import Database, locate

SMOKE_ENV = "KEIDESK_SMOKE_TEST"
SMOKE_SECONDS = 1.0
#: How long closing waits for the backup made at close (a 100,000-case database takes a few s).
CLOSE_BACKUP_WAIT_MS = 300_000


def app_icon() -> QIcon:
    return QIcon(str(paths.resource_dir() / "icons" / "keidesk.svg"))


def ensure_application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    app = QApplication([sys.argv[0] if sys.argv else APP_NAME])
    app.setWindowIcon(app_icon())
    return app


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
    ) -> bool:
        sys.stderr.write(f"{question}\n")
        return False

    def confirm_discard(self, parent: QWidget | None, what: str) -> Discard:
        return Discard.DISCARD

    def startup_problem(
        self, problem: StartupProblem, actions: list[RecoveryAction], parent: QWidget | None
    ) -> str:
        sys.stderr.write(f"error: {problem.message}\n")
        return QUIT


class AppController:
    """Opens the database (welcome or recovery when needed) and keeps one main window on it."""

    def __init__(
        self,
        *,
        dialogs: Dialogs,
        settings: AppSettings,
        runner: tasks.TaskRunner,
        interactive: bool = True,
        user: str | None = None,
    ) -> None:
        self.dialogs = dialogs
        self.settings = settings
        self.runner = runner
        self.interactive = interactive
        self.user_override = user
        self.user = current_user(user)
        self.reporter = ErrorReporter(dialogs)
        runner.user_error_handler = self.reporter.user_error
        runner.bug_handler = self.reporter.bug
        self.window: MainWindow | None = None
        self.database: Database | None = None

    # --- choosing the database ------------------------------------------------------------------

    def default_path(self) -> Path:
        """The default database (``KEIDESK_DB`` when set, else the user data folder)."""
        path = locate(None).path
        return path if path is not None else paths.default_database_path()

    def open_initial(self, db: str | None) -> Database | None:
        if db is not None:
            return open_with_recovery(db, self.dialogs)
        if not os.environ.get(paths.DB_ENV_VAR):
            last = self.settings.path_value(LAST_DATABASE)
            if last is not None and last.exists():
                return open_with_recovery(last, self.dialogs)
        default = self.default_path()
        if default.exists() or not self.interactive:
            return open_with_recovery(default, self.dialogs)
        return self.welcome(default)

    def welcome(self, default: Path) -> Database | None:
        dialog = WelcomeDialog(default, self.dialogs, self.runner, self.user)
        dialog.setWindowIcon(app_icon())
        dialog.exec()
        return dialog.database

    # --- the window -----------------------------------------------------------------------------

    def start(self, db: str | None) -> MainWindow | None:
        database = self.open_initial(db)
        if database is None:
            return None
        return self.show(database)

    def show(self, database: Database) -> MainWindow:
        self.database = database
        if database.path is not None:
            self.settings.set_path_value(LAST_DATABASE, database.path)
        context = AppContext(
            database=database,
            user=self.user,
            dialogs=self.dialogs,
            settings=self.settings,
            tasks=self.runner,
            reporter=self.reporter,
            user_override=self.user_override,
        )
        if not database.read_only:
            with context.guard():
                context.write(lambda s: refresh_age_gates(s, today=context.today))
        window = MainWindow(context)
        window.setWindowIcon(app_icon())
        window.switch_database.connect(self.switch_to)
        self.window = window
        window.show()
        # The daily backup and the reminder come once the window is up (the backup itself
        # runs off the GUI thread).
        QTimer.singleShot(0, window.backups_at_start)
        return window

    def switch_to(self, path: Path) -> None:
        database = open_with_recovery(path, self.dialogs, parent=self.window)
        if database is None:
            return
        old_window, old_database = self.window, self.database
        if old_window is not None:
            backup_at_close(old_window.context)
            self.runner.wait(CLOSE_BACKUP_WAIT_MS)
            old_window.save_state()
            old_window.hide()
            old_window.deleteLater()
        if old_database is not None:
            old_database.close()
        self.show(database)

    def close(self) -> None:
        if self.window is not None and self.database is not None:
            backup_at_close(self.window.context)
        self.runner.wait(CLOSE_BACKUP_WAIT_MS)
        if self.database is not None:
            self.database.close()
            self.database = None


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
    dialogs: Dialogs = NonInteractiveDialogs() if smoke else Dialogs()
    controller = AppController(
        dialogs=dialogs,
        settings=AppSettings.for_user(),
        runner=tasks.runner(),
        interactive=not smoke,
        user=user,
    )
    uninstall = install_excepthook(controller.reporter)
    try:
        window = controller.start(db)
        if window is None:
            return 0 if not smoke else 1
        if smoke:
            _process_events_for(SMOKE_SECONDS)
            window.close()
            QTimer.singleShot(0, app.quit)
            app.exec()
            return 0
        app.setQuitOnLastWindowClosed(True)
        return int(app.exec())
    finally:
        controller.close()
        uninstall()
