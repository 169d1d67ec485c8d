"""One keidesk per database file on this computer.

The keidesk that opens a database for writing holds a lock file named after the database (in
the user's data folder, so it is this user's and this computer's) and listens on a local socket
of the same name. A second keidesk started on the same file finds the lock held, says so, and
offers to bring the first one to the front (it asks over the socket, then quits) or to open the
file read-only. A lock left by a keidesk that crashed is stale (its process is gone) and is taken
over at once.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from keidesk import paths

LOCKS_DIRNAME = "locks"
SHOW_REQUEST = b"show\n"
CONNECT_TIMEOUT_MS = 2000


def _key(database: Path) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this account
        user = "user"
    resolved = str(database.expanduser().resolve())
    return hashlib.sha256(f"{user}\0{resolved}".encode()).hexdigest()[:24]


class InstanceGuard(QObject):
    """The lock and the socket of one database file. :meth:`acquire` takes them; while held,
    ``show_requested`` is emitted when a second keidesk asks this one to come to the front."""

    show_requested = Signal()

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        key = _key(database)
        self.server_name = f"keidesk-{key}"
        folder = paths.data_dir() / LOCKS_DIRNAME
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._lock = QLockFile(str(folder / f"{key}.lock"))
        self._lock.setStaleLockTime(0)  # only a dead process's lock is stale, never by age
        self._server: QLocalServer | None = None

    @property
    def lock_path(self) -> Path:
        return Path(self._lock.fileName())

    @property
    def held(self) -> bool:
        return self._lock.isLocked()

    def acquire(self) -> bool:
        """Take the lock (a stale one is taken over) and listen; False when another keidesk
        on this computer has the file open."""
        if self._lock.isLocked():
            return True
        if not self._lock.tryLock(0):
            return False
        QLocalServer.removeServer(self.server_name)  # left by a keidesk that crashed
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._answer)
        server.listen(self.server_name)  # without it, the second keidesk can still read-only
        self._server = server
        return True

    def _answer(self) -> None:
        server = self._server
        if server is None:
            return
        while (socket := server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(SHOW_REQUEST.strip()):
            self.show_requested.emit()

    def ask_first_to_show(self) -> bool:
        """Ask the keidesk holding the lock to bring its window to the front; whether it
        could be reached."""
        socket = QLocalSocket()
        socket.connectToServer(self.server_name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(SHOW_REQUEST)
        reached = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        return reached

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()
