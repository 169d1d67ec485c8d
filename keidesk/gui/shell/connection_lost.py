"""The office server at start and while working: a retry offer instead of "unexpected problem".

At start (:func:`open_server`) a server that cannot be reached, a refused sign-in or a database
that is not a keidesk one is said in plain words, with Retry, Open a local database…, Connect
to office server… and Quit. While working (:class:`ConnectionWatch`), the listener of other
seats' changes notices when the server stops answering (a laptop that slept, a cable out): the
status bar says so at once and keidesk keeps trying; only when the server stays away for a
while is the same offer shown. When it answers again every view is refreshed, since what other
seats changed meanwhile was not heard.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QStatusBar, QWidget
from sqlalchemy.exc import DBAPIError

from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.dialogs import Dialogs
from keidesk.gui.kit.i18n import tr
from keidesk.gui.kit.live import LiveChanges
from keidesk.gui.kit.responsive import call_while_responsive
from keidesk.gui.shell.server_check import check_server, describe
from keidesk.gui.shell.server_login import server_of, with_password
from keidesk.storage.database import Database, open_database
from keidesk.storage.errors import StorageError

RETRY = "retry"
LOCAL = "local"
OTHER_SERVER = "other_server"
#: How long the server may be away before the retry offer is shown (the listener keeps
#: trying meanwhile; a laptop waking up usually finds its network within this time).
GRACE_MS = 10_000
STATUS_MS = 8_000


def _try_open(target: str) -> Database | str:
    """Open the server's database, or say in plain words why not (off the GUI thread)."""
    url = with_password(target)
    try:
        return open_database(url)
    except (StorageError, DBAPIError) as exc:
        return describe(exc, url)


def open_server(
    target: str,
    dialogs: Dialogs,
    parent: QWidget | None,
    *,
    open_local: Callable[[Path], Database | None],
    choose_server: Callable[[str], str | None],
) -> Database | None:
    """Open the office server's database, offering Retry / Open a local database / Connect to
    office server… / Quit until it opens or the user quits. ``open_local`` opens a file the
    user chose; ``choose_server`` asks for a server (the connect dialog)."""
    while True:
        result = call_while_responsive(partial(_try_open, target), name="keidesk-open")
        if isinstance(result, Database):
            return result
        choices = [
            (RETRY, tr("Retry")),
            (LOCAL, tr("Open a local database…")),
            (OTHER_SERVER, tr("Connect to office server…")),
        ]
        while True:
            key = dialogs.server_problem(
                tr("keidesk cannot open the office database."), result, choices, parent
            )
            if key == RETRY:
                break
            if key == LOCAL:
                path = dialogs.open_database(parent)
                if path is not None:
                    return open_local(path)
                continue
            if key == OTHER_SERVER:
                chosen = choose_server(target)
                if chosen is not None:
                    target = chosen
                    break
                continue
            return None


class ConnectionWatch(QObject):
    """Other seats' changes on the change bus (:class:`LiveChanges`), and the retry offer when
    the server goes away while working. ``open_local`` asks for a local database file and
    opens it in the window (closing the open cases first)."""

    def __init__(
        self,
        context: AppContext,
        window: QWidget,
        *,
        open_local: Callable[[], None],
        grace_ms: int = GRACE_MS,
    ) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.open_local = open_local
        self.live = LiveChanges(context.database, context.changes, self)
        self.live.server_lost.connect(self._lost)
        self.live.server_back.connect(self._back)
        self._offer_timer = QTimer(self)
        self._offer_timer.setSingleShot(True)
        self._offer_timer.setInterval(grace_ms)
        self._offer_timer.timeout.connect(self.offer_retry)
        self._offering = False

    def start(self) -> None:
        self.live.start()

    def stop(self) -> None:
        self._offer_timer.stop()
        self.live.stop()

    def _status(self) -> QStatusBar | None:
        bar = getattr(self.window, "statusBar", None)
        return bar() if callable(bar) else None

    def _lost(self) -> None:
        if (bar := self._status()) is not None:
            bar.showMessage(tr("The office server does not answer; keidesk keeps trying…"))
        self._offer_timer.start()

    def _back(self) -> None:
        self._offer_timer.stop()
        if (bar := self._status()) is not None:
            bar.showMessage(tr("Connected to the office server again."), STATUS_MS)

    def offer_retry(self) -> None:
        """The server stayed away: say so and offer Retry / Open a local database / Quit."""
        if self._offering or self.live.up:
            return
        self._offering = True
        try:
            self._offer()
        finally:
            self._offering = False

    def _offer(self) -> None:
        database = self.context.database
        target = database.location.url.render_as_string(hide_password=False)
        problem = call_while_responsive(partial(check_server, target), name="keidesk-check")
        while problem is not None:
            key = self.context.dialogs.server_problem(
                tr("The connection to the office server was lost."),
                problem
                + " "
                + tr(
                    "What you typed in the open cases stays there, not saved yet: save it "
                    "once the server answers again."
                ),
                [(RETRY, tr("Retry")), (LOCAL, tr("Open a local database…"))],
                self.window,
            )
            if key == RETRY:
                problem = call_while_responsive(partial(check_server, target), name="keidesk-check")
                continue
            if key == LOCAL:
                self.open_local()
            else:
                self.window.close()
            return
        # Back: what other seats changed meanwhile was not heard; every view reads again.
        self._back()
        self.context.changes.announce(None, self.live)


def is_server(target: str | Path) -> bool:
    return isinstance(target, str) and server_of(target) is not None
