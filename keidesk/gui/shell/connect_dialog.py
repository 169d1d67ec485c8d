"""File → Connect to office server…: where the office's keidesk database is, and who signs in.

The dialog asks for the server (host and port), the database, the user and the password,
tests the sign-in off the GUI thread ("Test connection", and again before connecting), then
remembers the server in the settings (the recent servers fill the Server list) and the password
in the system keyring, or the PostgreSQL password file where there is no keyring
(:mod:`keidesk.gui.shell.server_login`). The app then opens the server's database.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from keidesk.gui.kit.i18n import tr
from keidesk.gui.kit.responsive import call_while_responsive
from keidesk.gui.kit.screen_fit import FittedDialog
from keidesk.gui.kit.settings import AppSettings
from keidesk.gui.shell.server_check import check_server
from keidesk.gui.shell.server_login import (
    DEFAULT_PORT,
    OfficeServer,
    recent_servers,
    remember_server,
    store_password,
    stored_password,
)
from keidesk.services.staff import login_name


class ConnectDialog(FittedDialog):
    """Asks for an office server and signs in to it; :attr:`server` is set when accepted."""

    def __init__(
        self,
        settings: AppSettings,
        parent: QWidget | None = None,
        *,
        server: OfficeServer | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connect_dialog")
        self.setWindowTitle(tr("Connect to office server"))
        self.settings = settings
        self.server: OfficeServer | None = None
        self.where_kept = ""
        self._recent = recent_servers(settings)

        intro = QLabel(
            tr(
                "keidesk on the office server: every seat sees the same cases. Ask whoever set "
                "up the server for these details."
            )
        )
        intro.setWordWrap(True)
        self.host = QComboBox()
        self.host.setObjectName("host")
        self.host.setEditable(True)
        self.host.addItems(list(dict.fromkeys(s.host for s in self._recent)))
        self.host.setToolTip(tr("The server's name or address on the office network"))
        if (line := self.host.lineEdit()) is not None:
            line.setPlaceholderText(tr("e.g. office-server or 192.168.1.10"))
        self.host.currentTextChanged.connect(self._host_chosen)
        self.port = QSpinBox()
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit("keidesk")
        self.database.setObjectName("database")
        self.user = QLineEdit(login_name())
        self.user.setObjectName("user")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            tr("kept by the system's keyring (or password file), never in the settings")
        )
        form = QFormLayout()
        form.addRow(tr("&Server:"), self.host)
        form.addRow(tr("&Port:"), self.port)
        form.addRow(tr("&Database:"), self.database)
        form.addRow(tr("&User:"), self.user)
        form.addRow(tr("Pass&word:"), self.password)

        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.test_button = QPushButton(tr("&Test connection"))
        self.test_button.setObjectName("test")
        self.test_button.clicked.connect(self.test)
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.connect_button = self.buttons.addButton(
            tr("&Connect"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.connect_button.setObjectName("connect")
        self.connect_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.connect_to_server)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        first = server or (self._recent[0] if self._recent else None)
        if first is not None:
            self.fill(first)

    def fill(self, server: OfficeServer) -> None:
        self.host.setCurrentText(server.host)
        self.port.setValue(server.port)
        self.database.setText(server.database)
        self.user.setText(server.user)

    def _host_chosen(self, host: str) -> None:
        """Choosing a recent server fills in the rest as it was."""
        for server in self._recent:
            if server.host == host:
                self.port.setValue(server.port)
                self.database.setText(server.database)
                self.user.setText(server.user)
                return

    def chosen(self) -> OfficeServer | None:
        """The server as typed (None, with the reason shown, when something is missing)."""
        host, database, user = (
            self.host.currentText().strip(),
            self.database.text().strip(),
            self.user.text().strip(),
        )
        missing = [
            name
            for name, value in (
                (tr("the server"), host),
                (tr("the database"), database),
                (tr("the user"), user),
            )
            if not value
        ]
        if missing:
            self._say(tr("Fill in {what}.").format(what=", ".join(missing)), ok=False)
            return None
        return OfficeServer(host, self.port.value(), database, user)

    def _password_for(self, server: OfficeServer) -> str | None:
        typed = self.password.text()
        return typed if typed else stored_password(server)

    def _say(self, text: str, *, ok: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("" if ok else "color: #b00020;")

    def _check(self) -> OfficeServer | None:
        """Sign in as typed (off the GUI thread); the server when all is well."""
        server = self.chosen()
        if server is None:
            return None
        url = server.url(self._password_for(server)).render_as_string(hide_password=False)
        self._say(tr("Connecting to {host}…").format(host=server.host), ok=True)
        for button in (self.test_button, self.connect_button):
            button.setEnabled(False)
        try:
            problem = call_while_responsive(partial(check_server, url), name="keidesk-connect")
        finally:
            for button in (self.test_button, self.connect_button):
                button.setEnabled(True)
        if problem is not None:
            self._say(problem, ok=False)
            return None
        self._say(
            tr("Connected: {label} is a keidesk database.").format(label=server.label), ok=True
        )
        return server

    def test(self) -> bool:
        return self._check() is not None

    def connect_to_server(self) -> None:
        """Test, remember the server and its password, and close."""
        server = self._check()
        if server is None:
            return
        remember_server(self.settings, server)
        if self.password.text():
            try:
                self.where_kept = store_password(server, self.password.text())
            except OSError as exc:
                self._say(
                    tr("The password could not be kept ({problem}).").format(problem=exc),
                    ok=False,
                )
                return
        self.server = server
        self.accept()


def ask_for_server(
    settings: AppSettings, parent: QWidget | None, server: OfficeServer | None = None
) -> str | None:
    """Show the dialog; the chosen server's URL (without its password) or None."""
    dialog = ConnectDialog(settings, parent, server=server)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.server is None:
        return None
    return dialog.server.url().render_as_string(hide_password=True)
