"""First run: where to keep the database, the importer profile, or a demo to explore.

The demo database is built in its own file next to the default one
(``keidesk-demo.sqlite3``), never mixed into the real database.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import (
    QCommandLinkButton,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from keidesk import clock, paths
from keidesk.domain.errors import KeideskError
from keidesk.gui.kit import last_folder, theme
from keidesk.gui.kit.dialogs import Dialogs
from keidesk.gui.kit.i18n import tr, tr_error
from keidesk.gui.kit.responsive import call_while_responsive
from keidesk.gui.kit.screen_fit import FittedDialog
from keidesk.gui.kit.tasks import Progress, TaskProgressBar, TaskRunner
from keidesk.gui.setup.profile_form import ProfileForm
from keidesk.preferences import load_preferences, save_preferences
from keidesk.services.demo import build_demo
from keidesk.storage.database import Database, open_database

DEMO_CASES = 400


def demo_database_path(default: Path) -> Path:
    """The demo lives beside the real database, in its own file."""
    return default.with_name(paths.DEMO_FILENAME)


def create_demo_database(path: Path, user: str, progress: Progress | None = None) -> Database:
    """Open the demo database, building its sample cases the first time."""
    fresh = not path.exists()
    database = open_database(path)
    if fresh:
        if progress is not None:
            progress.report(0, 1, tr("building sample cases"))
        with database.transaction(user) as session:
            build_demo(session, cases=DEMO_CASES, today=clock.today(), user="demo")
    return database


class WelcomeDialog(FittedDialog):
    """Returns (in :attr:`database`) the database to open, already created and ready."""

    def __init__(
        self,
        default_path: Path,
        dialogs: Dialogs,
        tasks: TaskRunner,
        user: str,
        parent: QWidget | None = None,
        *,
        connect_server: Callable[[QWidget], Database | None] | None = None,
    ) -> None:
        super().__init__(parent)
        #: Asks for the office server and opens its database (the app's connect dialog).
        self.connect_server = connect_server
        self.default_path = default_path
        self.dialogs = dialogs
        self.tasks = tasks
        self.user = user
        self.database: Database | None = None
        self.setWindowTitle(tr("Welcome to keidesk"))
        self.setMinimumWidth(620)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._profile_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    # --- page 1: where ------------------------------------------------------------------------

    def _choice_page(self) -> QWidget:
        page = QWidget()
        title = QLabel("<h2>" + tr("Welcome to keidesk") + "</h2>")
        intro = QLabel(
            tr(
                "keidesk keeps your import cases in one database file on this computer. "
                "Nothing is sent anywhere; it works offline."
            )
        )
        intro.setWordWrap(True)
        self.staff_name = QLineEdit(load_preferences().staff_name)
        self.staff_name.setObjectName("welcome_staff_name")
        self.staff_name.setPlaceholderText(
            tr("e.g. Maria Lopez (else the login name {login} is recorded)").format(login=self.user)
        )
        name_label = QLabel(tr("Your &name, recorded with every change you make:"))
        name_label.setBuddy(self.staff_name)
        self.create_button = QCommandLinkButton(
            tr("Create my database"),
            tr("In the default data folder: {path}").format(path=self.default_path),
        )
        self.create_button.setObjectName("welcome_create")
        self.create_button.clicked.connect(lambda: self.create_at(self.default_path))
        self.folder_button = QCommandLinkButton(
            tr("Create it in another folder…"),
            tr("For example a synced folder or a removable drive."),
        )
        self.folder_button.setObjectName("welcome_folder")
        self.folder_button.clicked.connect(self._choose_folder)
        self.open_button = QCommandLinkButton(
            tr("Open an existing database…"), tr("A keidesk database file you already have.")
        )
        self.open_button.setObjectName("welcome_open")
        self.open_button.clicked.connect(self._choose_existing)
        self.demo_button = QCommandLinkButton(
            tr("Explore the demo"),
            tr(
                "{count} realistic sample cases in a separate file ({name}); your own database "
                "stays empty."
            ).format(count=DEMO_CASES, name=paths.DEMO_FILENAME),
        )
        self.demo_button.setObjectName("welcome_demo")
        self.demo_button.clicked.connect(self.open_demo)
        self.server_button = QCommandLinkButton(
            tr("Connect to the office server…"),
            tr("Where the office keeps its cases, shared by everyone working on them."),
        )
        self.server_button.setObjectName("welcome_server")
        self.server_button.clicked.connect(self._connect_server)
        self.server_button.setVisible(self.connect_server is not None)
        self.message = QLabel()
        self.message.setObjectName("welcome_message")
        self.message.setWordWrap(True)
        self.progress = TaskProgressBar(self.tasks)
        quit_button = QPushButton(tr("&Quit"))
        quit_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress)
        bottom.addStretch(1)
        bottom.addWidget(quit_button)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(name_label)
        layout.addWidget(self.staff_name)
        for button in (
            self.create_button,
            self.folder_button,
            self.open_button,
            self.server_button,
            self.demo_button,
        ):
            # A command link's height depends on its width (the description wraps), which the
            # stacked pages do not pass on: without a floor, five of them are squeezed and their
            # descriptions cut in half.
            button.setMinimumHeight(button.heightForWidth(self.minimumWidth() - 40))
            layout.addWidget(button)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(bottom)
        return page

    def keep_staff_name(self) -> None:
        """The name typed becomes the staff-name preference (File → Preferences), which the
        history records on this computer instead of the login name."""
        name = self.staff_name.text().strip()
        preferences = load_preferences()
        if name and name != preferences.staff_name:
            try:
                save_preferences(dataclasses.replace(preferences, staff_name=name))
            except (OSError, KeideskError) as exc:
                self._say(tr("Your name could not be saved: {reason}").format(reason=exc))
                return
        if name:
            self.user = name

    def _say(self, text: str) -> None:
        self.message.setText(f"<span style='color:{theme.hex_colour(theme.BAD)}'>{text}</span>")
        self.message.setAccessibleDescription(text)

    def _choose_folder(self) -> None:
        self.keep_staff_name()
        folder = self.dialogs.folder(
            self, tr("Folder for the keidesk database"), purpose=last_folder.DATABASE
        )
        if folder is not None:
            self.create_at(folder / paths.DB_FILENAME)

    def _connect_server(self) -> None:
        """The office's database: its importer profile is there already, so no second page."""
        if self.connect_server is None:
            return
        database = self.connect_server(self)
        if database is not None:
            self.database = database
            self.accept()

    def _choose_existing(self) -> None:
        self.keep_staff_name()
        path = self.dialogs.open_database(self)
        if path is None:
            return
        try:
            self.database = call_while_responsive(partial(open_database, path, create=False))
        except KeideskError as exc:
            self._say(tr_error(exc))
            return
        self.accept()

    def create_at(self, path: Path) -> None:
        """Create (or open) the database at ``path``, then ask for the importer profile."""
        self.keep_staff_name()
        try:
            self.database = call_while_responsive(partial(open_database, path))
        except KeideskError as exc:
            self._say(tr_error(exc))
            return
        self.profile_form.load(self.database)
        self.pages.setCurrentIndex(1)
        self.profile_form.business_name.setFocus()

    def open_demo(self) -> None:
        self.keep_staff_name()
        path = demo_database_path(self.default_path)
        user = self.user
        for button in (self.create_button, self.folder_button, self.open_button, self.demo_button):
            button.setEnabled(False)

        def done(database: Database) -> None:
            self.database = database
            self.accept()

        def failed(exc: BaseException) -> None:
            for button in (
                self.create_button,
                self.folder_button,
                self.open_button,
                self.demo_button,
            ):
                button.setEnabled(True)
            self._say(tr_error(exc))

        self.tasks.run_task(
            lambda progress: create_demo_database(path, user, progress),
            done,
            on_error=failed,
            title=tr("Preparing the demo…"),
        )

    # --- page 2: the importer profile ---------------------------------------------------------

    def _profile_page(self) -> QWidget:
        page = QWidget()
        title = QLabel("<h2>" + tr("Your business") + "</h2>")
        intro = QLabel(
            tr(
                "keidesk prints these details on bills of sale and document packets. "
                "You can change them later in File → Importer profile."
            )
        )
        intro.setWordWrap(True)
        self.profile_form = ProfileForm(self.dialogs)
        skip = QPushButton(tr("&Skip for now"))
        skip.setObjectName("welcome_skip")
        skip.clicked.connect(self.accept)
        save = QPushButton(tr("Save and &start"))
        save.setObjectName("welcome_save")
        save.setDefault(True)
        save.clicked.connect(self._save_profile)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(skip)
        buttons.addWidget(save)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.profile_form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        page.setTabOrder(self.profile_form.business_name, self.profile_form.address)
        return page

    def _save_profile(self) -> None:
        assert self.database is not None
        self.profile_form.save(self.tasks, self.database, self.user, self._profile_saved)

    def _profile_saved(self, saved: bool) -> None:
        if saved:
            self.accept()

    def reject(self) -> None:
        """Quitting from the profile page keeps the database just created (it is empty)."""
        if self.pages.currentIndex() == 1 and self.database is not None:
            self.accept()
            return
        if self.database is not None:
            self.database.close()
            self.database = None
        super().reject()
