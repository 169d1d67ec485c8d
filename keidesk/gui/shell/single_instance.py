"""One keidesk per database file on this computer.

The keidesk that opens a database for writing holds a lock file named after the database (in
the user's data folder, so it is this user's and this computer's) and watches that folder. A
second keidesk started on the same file finds the lock held, says so, and offers to bring the
first one to the front (it leaves a request file beside the lock, which the first takes away as
it comes forward, then quits) or to open the file read-only. A lock left by a keidesk that
crashed is stale (its process is gone) and is taken over at once. Only QtCore is used (the
frozen app leaves QtNetwork out).
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QEventLoop,
    QFileSystemWatcher,
    QLockFile,
    QObject,
    QThread,
    Signal,
)

from keidesk import paths

LOCKS_DIRNAME = "locks"
#: How long the second keidesk waits for the first to take its request.
ANSWER_TIMEOUT_MS = 3000


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
        self.folder = paths.data_dir() / LOCKS_DIRNAME
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._lock = QLockFile(str(self.folder / f"{key}.lock"))
        self._lock.setStaleLockTime(0)  # only a dead process's lock is stale, never by age
        self.request_path = self.folder / f"{key}.show"
        self._watcher: QFileSystemWatcher | None = None

    @property
    def lock_path(self) -> Path:
        return Path(self._lock.fileName())

    @property
    def held(self) -> bool:
        return self._lock.isLocked()

    def acquire(self) -> bool:
        """Take the lock (a stale one is taken over) and watch for requests; False when
        another keidesk on this computer has the file open."""
        if self._lock.isLocked():
            return True
        if not self._lock.tryLock(0):
            return False
        self.request_path.unlink(missing_ok=True)  # left for a keidesk that crashed
        watcher = QFileSystemWatcher([str(self.folder)], self)
        watcher.directoryChanged.connect(self._look)
        self._watcher = watcher
        return True

    def _look(self, _folder: str = "") -> None:
        if self.request_path.exists():
            self.request_path.unlink(missing_ok=True)
            self.show_requested.emit()

    def ask_first_to_show(self) -> bool:
        """Ask the keidesk holding the lock to bring its window to the front; whether it took
        the request in time."""
        try:
            self.request_path.write_text("show\n", encoding="utf-8")
        except OSError:
            return False
        deadline = QDeadlineTimer(ANSWER_TIMEOUT_MS)
        while self.request_path.exists():
            if deadline.hasExpired():
                self.request_path.unlink(missing_ok=True)
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            QThread.msleep(10)
        return True

    def release(self) -> None:
        if self._watcher is not None:
            self._watcher.deleteLater()
            self._watcher = None
        if self._lock.isLocked():
            self._lock.unlock()
