"""Opening the database the app shows: which file, the first-run welcome, recovery when it
cannot be opened, and switching to another file.

:mod:`keidesk.gui.launch` starts the app and imports this module (and with it the services,
storage and SQLAlchemy) while the main window is already on screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer

from keidesk import paths
from keidesk.gui.data.backup_reminder import backup_at_close
from keidesk.gui.kit import tasks
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.dialogs import Dialogs
from keidesk.gui.kit.errors import ErrorReporter
from keidesk.gui.kit.i18n import tr
from keidesk.gui.kit.settings import LAST_DATABASE, AppSettings
from keidesk.gui.setup.welcome import WelcomeDialog
from keidesk.gui.shell.desk import Desk
from keidesk.gui.shell.main_window import MainWindow, app_icon
from keidesk.gui.shell.recovery import open_with_recovery
from keidesk.gui.shell.which_database import initial_database
from keidesk.services.cases import refresh_age_gates
from keidesk.services.staff import current_user
from keidesk.storage.database import Database, locate

#: How long closing waits for the backup made at close (a 100,000-case database takes a few s).
CLOSE_BACKUP_WAIT_MS = 300_000


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

    def open_initial(self, db: str | None, parent: MainWindow | None = None) -> Database | None:
        target = initial_database(db, self.settings)
        if target is None and not self.interactive:
            target = self.default_path()  # created without asking (the smoke test)
        if target is None:
            return self.welcome(self.default_path())
        return open_with_recovery(target, self.dialogs, parent=parent)

    def welcome(self, default: Path) -> Database | None:
        dialog = WelcomeDialog(default, self.dialogs, self.runner, self.user)
        dialog.setWindowIcon(app_icon())
        dialog.exec()
        return dialog.database

    # --- the window -----------------------------------------------------------------------------

    def start(self, db: str | None, window: MainWindow | None = None) -> MainWindow | None:
        """Open the first database and show the main window on it; None when the user quit.
        ``window`` is the main window the launcher already shows, still without a database."""
        if window is not None and not window.isVisible():
            return None  # closed while the app was loading
        database = self.open_initial(db, window)
        if database is None or (window is not None and not window.isVisible()):
            if window is not None:
                window.close()
            if database is not None:
                database.close()
            return None
        return self.show(database, window)

    def show(self, database: Database, window: MainWindow | None = None) -> MainWindow:
        """Put the desk on ``database`` in ``window`` (a new main window if None) and show it."""
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
        if window is None:
            window = MainWindow(self.settings, self.dialogs, self.runner)
        window.switch_database.connect(self.switch_to)
        window.attach(Desk(context, window))
        self.window = window
        window.show()
        if not database.read_only:
            # Cases whose age gate opened with time move on; the views hear of it.
            today = context.today
            context.write(
                lambda s: refresh_age_gates(s, today=today),
                cases=lambda changed: None if changed else (),
                title=tr("Checking the age gates…"),
            )
        # The daily backup and the reminder come once the window is up (the backup itself
        # runs off the GUI thread).
        QTimer.singleShot(0, window.desk.backups_at_start)
        return window

    def switch_to(self, path: Path) -> None:
        database = open_with_recovery(path, self.dialogs, parent=self.window)
        if database is None:
            return
        old_window, old_database = self.window, self.database
        if old_window is not None:
            backup_at_close(old_window.desk.context)
            self.runner.wait_for()  # every task on the old database, the window answering
            old_window.save_state()
            old_window.hide()
            old_window.deleteLater()
        if old_database is not None:
            old_database.close()
        self.show(database)

    def close(self) -> None:
        if self.window is not None and self.window.attached and self.database is not None:
            backup_at_close(self.window.desk.context)
        self.runner.wait(CLOSE_BACKUP_WAIT_MS)
        if self.database is not None:
            self.database.close()
            self.database = None
