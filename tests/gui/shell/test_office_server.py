"""Signing in to the office server: the connect dialog, the password kept by the keyring or the
password file (never in the settings), and a retry offer in plain words when the server is
away, refuses the sign-in or is not a keidesk database: at start and while working."""

from __future__ import annotations

import socket
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as NoKeyring
from PySide6.QtWidgets import QWidget
from sqlalchemy import make_url

from keidesk import paths
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.problem_dialog import QUIT
from keidesk.gui.kit.settings import AppSettings
from keidesk.gui.setup.welcome import WelcomeDialog
from keidesk.gui.shell import server_login
from keidesk.gui.shell.connect_dialog import ConnectDialog
from keidesk.gui.shell.connection_lost import LOCAL, RETRY, ConnectionWatch, open_server
from keidesk.gui.shell.server_login import OfficeServer
from keidesk.gui.shell.which_database import initial_database
from keidesk.storage.database import Database, open_database
from tests.postgres_server import PASSWORD, SUPERUSER, PostgresServer

WAIT_MS = 30_000


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in this test's memory (the system's is not touched)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.fixture
def pgpass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "home" / ".pgpass"
    monkeypatch.setenv("PGPASSFILE", str(path))
    return path


@pytest.fixture
def no_keyring(pgpass: Path) -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring(pgpass: Path) -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    yield kept
    keyring.set_keyring(previous)


@pytest.fixture
def office(postgres_url: str) -> Iterator[OfficeServer]:
    """A keidesk database on the test server, and how a person signs in to it."""
    open_database(postgres_url).close()  # the schema, as `keidesk server init` leaves it
    url = make_url(postgres_url)
    assert url.host and url.port and url.database
    yield OfficeServer(url.host, url.port, url.database, SUPERUSER)


def _dialog(
    qtbot: Any, settings: AppSettings, server: OfficeServer, password: str
) -> ConnectDialog:
    dialog = ConnectDialog(settings)
    qtbot.addWidget(dialog)
    dialog.fill(server)
    dialog.password.setText(password)
    return dialog


def test_connecting_remembers_the_server_and_the_keyring_keeps_the_password(
    qtbot, settings, settings_path, office, memory_keyring, pgpass
):
    dialog = _dialog(qtbot, settings, office, PASSWORD)
    assert dialog.test()
    assert "is a keidesk database" in dialog.status.text()
    dialog.connect_to_server()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.server == office
    assert dialog.where_kept == "the system keyring"
    assert server_login.recent_servers(settings) == [office]
    assert memory_keyring.kept == {("keidesk", office.key): PASSWORD}
    assert not pgpass.exists()
    settings.sync()
    assert PASSWORD not in settings_path.read_text()
    # Next time the password comes from the keyring.
    url = server_login.with_password(office.url().render_as_string(hide_password=True))
    assert make_url(url).password == PASSWORD
    again = ConnectDialog(settings)
    qtbot.addWidget(again)
    assert again.host.currentText() == office.host and again.database.text() == office.database
    assert again.test()  # no password typed: the kept one signs in


def test_without_a_keyring_the_password_goes_to_a_private_password_file(
    qtbot, settings, settings_path, office, no_keyring, pgpass
):
    pgpass.parent.mkdir()
    pgpass.write_text("otherhost:5432:*:someone:secret\n")
    dialog = _dialog(qtbot, settings, office, PASSWORD)
    dialog.connect_to_server()
    assert dialog.server == office and str(pgpass) in dialog.where_kept
    lines = pgpass.read_text().splitlines()
    assert lines == [
        "otherhost:5432:*:someone:secret",
        f"{office.host}:{office.port}:{office.database}:{office.user}:{PASSWORD}",
    ]
    assert stat.S_IMODE(pgpass.stat().st_mode) == 0o600
    settings.sync()
    assert PASSWORD not in settings_path.read_text()
    # The driver reads the file by itself: a dialog with no password typed signs in.
    again = _dialog(qtbot, settings, office, "")
    assert again.test()
    server_login.write_pgpass(office, "changed")  # a new password replaces the line
    assert pgpass.read_text().count(office.database) == 1


def test_a_wrong_password_is_said_plainly_and_nothing_is_remembered(
    qtbot, settings, office, memory_keyring
):
    dialog = _dialog(qtbot, settings, office, "not-the-password")
    dialog.connect_to_server()
    assert dialog.server is None and dialog.result() != dialog.DialogCode.Accepted
    assert "did not let keidesk_admin sign in: the password is wrong" in dialog.status.text()
    assert server_login.recent_servers(settings) == [] and memory_keyring.kept == {}


def test_a_database_that_is_not_keidesks_is_said_plainly(
    qtbot, settings, postgres_server: PostgresServer, memory_keyring
):
    url = make_url(postgres_server.create_database("not_keidesk"))
    assert url.host and url.port and url.database
    empty = OfficeServer(url.host, url.port, url.database, SUPERUSER)
    dialog = _dialog(qtbot, settings, empty, PASSWORD)
    assert not dialog.test()
    assert "is not a keidesk database" in dialog.status.text()
    assert "keidesk server init" in dialog.status.text()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_at_start_an_unreachable_server_offers_retry_and_a_local_database(
    dialogs, db_path, no_keyring
):
    away = OfficeServer("127.0.0.1", _closed_port(), "keidesk", "ann")
    target = away.url().render_as_string(hide_password=True)
    dialogs.startup_answers = [RETRY, LOCAL]
    dialogs.files = [db_path]
    opened: list[Path] = []

    def open_local(path: Path) -> Database | None:
        opened.append(path)
        return open_database(path)

    database = open_server(
        target, dialogs, None, open_local=open_local, choose_server=lambda _now: None
    )
    assert database is not None and database.path == db_path and opened == [db_path]
    database.close()
    assert len(dialogs.problems) == 2  # asked, retried, asked again
    assert "cannot reach the office server at 127.0.0.1" in dialogs.problems[0]


def test_at_start_a_refused_sign_in_can_be_typed_again(dialogs, office, no_keyring):
    target = office.url("wrong").render_as_string(hide_password=False)
    right = office.url(PASSWORD).render_as_string(hide_password=False)
    dialogs.startup_answers = ["other_server"]
    database = open_server(
        target, dialogs, None, open_local=lambda _p: None, choose_server=lambda _now: right
    )
    assert database is not None and database.location.url.database == office.database
    database.close()
    assert "the password is wrong" in dialogs.problems[0]


def test_start_up_opens_the_office_server_opened_last(settings, office):
    server_login.remember_last(settings, office)
    assert initial_database(None, settings) == office.url().render_as_string(hide_password=True)
    server_login.remember_last(settings, None)  # a file was opened since
    assert initial_database(None, settings) is None


def test_a_server_gone_while_working_offers_retry_or_a_local_database(
    context, postgres_server: PostgresServer, qtbot
):
    name = "going_away"
    database = open_database(postgres_server.create_database(name))
    seat = AppContext(
        database=database,
        user="ann",
        dialogs=context.dialogs,
        settings=context.settings,
        tasks=context.tasks,
        reporter=context.reporter,
    )
    window = QWidget()
    qtbot.addWidget(window)
    asked_for_local: list[bool] = []
    watch = ConnectionWatch(
        seat, window, open_local=lambda: asked_for_local.append(True), grace_ms=0
    )
    context.dialogs.startup_answers = [RETRY, LOCAL]
    watch.start()
    try:
        worker = watch.live.worker
        assert worker is not None and worker.ready.wait(WAIT_MS / 1000)
        with qtbot.waitSignal(watch.live.server_lost, timeout=WAIT_MS):
            postgres_server.psql(f'DROP DATABASE "{name}" WITH (FORCE)')
        qtbot.waitUntil(lambda: asked_for_local == [True], timeout=WAIT_MS)
    finally:
        watch.stop()
        database.close()
    problems = context.dialogs.problems
    assert len(problems) == 2  # Retry: still gone, asked again
    assert problems[0].startswith("The connection to the office server was lost.")
    assert f"has no database named {name}" in problems[0]
    assert "What you typed in the open cases stays there, not saved yet" in problems[0]


def test_quitting_from_the_offer_closes_the_window(context, postgres_server, qtbot):
    name = "gone_for_good"
    database = open_database(postgres_server.create_database(name))
    seat = AppContext(
        database=database,
        user="ann",
        dialogs=context.dialogs,
        settings=context.settings,
        tasks=context.tasks,
        reporter=context.reporter,
    )
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    watch = ConnectionWatch(seat, window, open_local=lambda: None, grace_ms=60_000)
    context.dialogs.startup_answers = [QUIT]
    postgres_server.psql(f'DROP DATABASE "{name}" WITH (FORCE)')
    watch.live.up = False  # as after the listener said so
    watch.offer_retry()
    assert not window.isVisible()
    database.close()


def test_the_welcome_offers_the_office_server_on_a_new_seat(dialogs, runner, office, qtbot):
    url = office.url(PASSWORD).render_as_string(hide_password=False)
    asked: list[QWidget] = []

    def connect(parent: QWidget) -> Database | None:
        asked.append(parent)
        return open_database(url)

    welcome = WelcomeDialog(
        paths.default_database_path(), dialogs, runner, "tester", connect_server=connect
    )
    qtbot.addWidget(welcome)
    assert not welcome.server_button.isHidden()
    welcome.server_button.click()
    assert asked == [welcome] and welcome.result() == welcome.DialogCode.Accepted
    assert welcome.database is not None
    assert welcome.database.location.url.database == office.database
    welcome.database.close()
    assert not paths.default_database_path().exists()  # no local file was made
    plain = WelcomeDialog(paths.default_database_path(), dialogs, runner, "tester")
    qtbot.addWidget(plain)
    assert plain.server_button.isHidden()
