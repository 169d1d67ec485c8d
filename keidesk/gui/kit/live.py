"""Other seats' changes on the change bus: the views show them without anybody reloading.

:class:`LiveChanges` runs the storage layer's listener (PostgreSQL LISTEN/NOTIFY) or watcher
(another process writing the SQLite file), both Qt-free on a thread of their own, and turns
what they hear into :meth:`ChangeBus.announce` calls on the GUI thread, with the origin
:data:`~keidesk.gui.kit.changes.ANOTHER_SEAT`. Views need nothing new: they refresh as for any
other change, and an open workspace keeps the user's unsaved edits (its version guard catches
an edit of the same field, with Reload / Keep mine).

It also tells whether the server can be reached: :attr:`LiveChanges.server_lost` and
:attr:`LiveChanges.server_back`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from keidesk.gui.kit.changes import ANOTHER_SEAT, ChangeBus
from keidesk.storage import notify
from keidesk.storage.database import Database


class LiveChanges(QObject):
    """Feeds ``bus`` with what other seats change in ``database`` until :meth:`stop`."""

    #: The server stopped answering (the listener keeps trying).
    server_lost = Signal()
    #: It answers again; every view was told to refresh.
    server_back = Signal()
    _heard = Signal(object)  # CaseIds, from the listener's thread
    _state = Signal(bool)

    def __init__(self, database: Database, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self.up = True
        # Queued: the listener calls back on its own thread; the bus is told on the GUI's.
        self._heard.connect(self._announce)
        self._state.connect(self._server_state)
        self._worker = notify.watcher_for(
            database.engine,
            database.path,
            database.location.url,
            self._heard.emit,
            self._state.emit,
        )

    @property
    def worker(self) -> notify.Listening | None:
        return self._worker

    def start(self) -> None:
        if self._worker is not None:
            self._worker.start()

    def stop(self) -> None:
        """Stop listening (before the database closes); waits for the thread to end."""
        if self._worker is not None:
            self._worker.stop()
            self._worker = None

    def _announce(self, case_ids: notify.Changed) -> None:
        self.bus.announce(case_ids, ANOTHER_SEAT)

    def _server_state(self, up: bool) -> None:
        if up == self.up:
            return
        self.up = up
        (self.server_back if up else self.server_lost).emit()
