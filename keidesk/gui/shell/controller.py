"""Opening the database the app shows: which file, the first-run welcome, recovery when it
cannot be opened, and switching to another file.

:mod:`keidesk.gui.launch` starts the app and imports this module (and with it the services,
storage and SQLAlchemy) while the main window is already on screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from keidesk import paths
from keidesk.gui.data.backup_reminder import backup_at_close, wait_for_backup_at_close
from keidesk.gui.kit import tasks
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.dialogs import Dialogs
from keidesk.gui.kit.errors import ErrorReporter
from keidesk.gui.kit.i18n import tr
from keidesk.gui.kit.painted import after_next_paint
from keidesk.gui.kit.settings import LAST_DATABASE, AppSettings
from keidesk.gui.shell.connection_lost import ConnectionWatch, is_server, open_server
from keidesk.gui.shell.desk import Desk
from keidesk.gui.shell.main_window import MainWindow, app_icon
from keidesk.gui.shell.recovery import open_with_recovery
from keidesk.gui.shell.server_login import OfficeServer, remember_last, server_of
from keidesk.gui.shell.single_instance import InstanceGuard
from keidesk.gui.shell.which_database import initial_database
from keidesk.services.cases import age_gates_due, refresh_age_gates
from keidesk.services.staff import current_user
from keidesk.storage.database import Database, locate

SHOW_FIRST = "show_first"
READ_ONLY = "read_only"
#: How long closing waits for the backup made at close (a 100,000-case database takes a few s;
#: none is made, and closing waits for nothing, when the data have not changed since a backup).
CLOSE_BACKUP_WAIT_MS = 300_000


def ask_for_server(
    settings: AppSettings, parent: QWidget | None, server: OfficeServer | None = None
) -> str | None:
    """The connect dialog, loaded when first asked for (most starts never need it)."""
    from keidesk.gui.shell import connect_dialog  # noqa: PLC0415 - on use

    return connect_dialog.ask_for_server(settings, parent, server)


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
        self.guard: InstanceGuard | None = None  # held while a database is open for writing
        self.watch: ConnectionWatch | None = None  # other seats' changes, the server's presence
        self.closing = False  # the window has closed; the backup at close may still run

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
        return self.open_guarded(target, parent)

    def open_guarded(self, target: str | Path, parent: MainWindow | None) -> Database | None:
        """Open ``target``, unless another keidesk on this computer has it open: then say so
        and offer to bring that one to the front (this one then closes) or to open read-only."""
        if is_server(target):
            return open_server(
                str(target),
                self.dialogs,
                parent,
                open_local=lambda chosen: self.open_guarded(chosen, parent),
                choose_server=lambda now: ask_for_server(self.settings, parent, server_of(now)),
            )
        path = locate(target).path
        if path is None:
            return open_with_recovery(target, self.dialogs, parent=parent)
        if self.guard is not None and self.guard.database == path:
            return open_with_recovery(target, self.dialogs, parent=parent)  # already ours
        guard = InstanceGuard(path)
        if guard.acquire():
            database = open_with_recovery(target, self.dialogs, parent=parent)
            if database is None or database.read_only:
                guard.release()
            else:
                self._adopt(guard)
            return database
        choice = self.dialogs.startup_problem(
            tr(
                "{path} is already open in keidesk on this computer. Two copies writing the "
                "same file would only get in each other's way."
            ).format(path=path),
            [
                (SHOW_FIRST, tr("Bring the open keidesk to the front")),
                (READ_ONLY, tr("Open read-only here")),
            ],  # and Quit, which the dialog always offers
            parent,
        )
        if choice == SHOW_FIRST:
            if not guard.ask_first_to_show():
                self.dialogs.error(
                    parent,
                    tr("The open keidesk did not answer; switch to its window yourself."),
                    tr("Already open"),
                )
            return None
        if choice == READ_ONLY:
            return open_with_recovery(target, self.dialogs, parent=parent, read_only=True)
        return None

    def _adopt(self, guard: InstanceGuard) -> None:
        """Hold ``guard`` for the database now shown (releasing the previous one)."""
        if self.guard is not None and self.guard is not guard:
            self.guard.release()
        self.guard = guard
        guard.show_requested.connect(self._to_front)

    def _to_front(self) -> None:
        window = self.window
        if window is None or self.closing:
            return
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def welcome(self, default: Path) -> Database | None:
        from keidesk.gui.setup.welcome import WelcomeDialog  # noqa: PLC0415 - first run only

        dialog = WelcomeDialog(
            default, self.dialogs, self.runner, self.user, connect_server=self._first_server
        )
        dialog.setWindowIcon(app_icon())
        dialog.exec()
        self.user = current_user(self.user_override)  # the name the welcome asked for
        return dialog.database

    def _first_server(self, parent: QWidget) -> Database | None:
        """The welcome's "Connect to the office server…": ask which, then open it."""
        url = ask_for_server(self.settings, parent)
        return self.open_guarded(url, None) if url is not None else None

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
        remember_last(self.settings, OfficeServer.from_url(database.location.url))
        if database.path is not None:
            self.settings.set_path_value(LAST_DATABASE, database.path)
            if self.guard is None and not database.read_only:  # made by the welcome
                guard = InstanceGuard(database.path)
                if guard.acquire():
                    self._adopt(guard)
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
        window.connect_server_requested.connect(self.connect_to_server)
        # The desk's first reads start once it is built and painted: run meanwhile, they
        # would make its first layout and paint wait for the interpreter, freezing the window.
        release_reads = self.runner.hold()
        window.attach(Desk(context, window), shown=lambda: after_next_paint(window, release_reads))
        self.window = window
        self.watch = ConnectionWatch(context, window, open_local=window.desk.choose_database)
        self.watch.start()
        window.show()
        if not database.read_only:
            # Cases whose age gate opened with time move on; the views hear of it. Asked in a
            # read first, so a start takes the write lock only on the day a gate opens.
            today = context.today

            def open_gates(due: bool) -> None:
                if due:
                    context.write(
                        lambda s: refresh_age_gates(s, today=today),
                        cases=lambda changed: None if changed else (),
                        title=tr("Checking the age gates…"),
                    )

            context.read_task(lambda s: age_gates_due(s, today=today), open_gates)
        QTimer.singleShot(0, window.desk.start_of_day)  # the agenda, the desktop reminder
        # The daily backup (itself off the GUI thread) and its reminder, and loading what the
        # menus need, once the first page of cases is on screen.
        window.desk.after_first_page(window.desk.backups_at_start, window.desk.preload)
        return window

    def connect_to_server(self) -> None:
        """File → Connect to office server…: ask which, then reopen the window on it."""
        window = self.window
        if window is None:
            return
        url = ask_for_server(self.settings, window)
        if url is not None and window.desk.close_all_cases():
            self.switch_to(url)

    def _stop_watching(self) -> None:
        if self.watch is not None:
            self.watch.stop()
            self.watch = None

    def switch_to(self, path: Path | str) -> None:
        previous = self.guard
        database = self.open_guarded(path, self.window)
        if database is None:
            return
        if database.read_only and previous is not None and previous is self.guard:
            previous.release()  # the file now shown is another one, read-only
            self.guard = None
        old_window, old_database = self.window, self.database
        if old_window is not None:
            self._back_up_before_leaving(old_window.desk.context)
            self.runner.wait_for()  # every task on the old database, the window answering
            old_window.save_state()
            old_window.hide()
            old_window.deleteLater()
        self._stop_watching()
        if old_database is not None:
            old_database.close()
        self.show(database)

    def _back_up_before_leaving(self, context: AppContext) -> None:
        """The backup made on leaving a database (closing, switching); one that takes a while
        says on screen why keidesk waits."""
        backing_up = backup_at_close(context)
        if backing_up is not None and self.interactive:
            wait_for_backup_at_close(context, backing_up)

    def close(self) -> None:
        if self.window is not None and self.window.attached and self.database is not None:
            self.closing = True  # another start asking for this window finds it gone
            self._back_up_before_leaving(self.window.desk.context)
        self.runner.wait(CLOSE_BACKUP_WAIT_MS)
        self._stop_watching()
        if self.database is not None:
            self.database.close()
            self.database = None
        if self.guard is not None:
            self.guard.release()
            self.guard = None
