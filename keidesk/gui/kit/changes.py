"""The one change signal: after a write, which cases changed and who changed them.

Every write from the GUI ends with :meth:`ChangeBus.announce` (``AppContext.write`` does it),
and every view that shows cases listens to :attr:`ChangeBus.cases_changed` and decides for
itself whether to refresh. No view refreshes another.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

#: The cases a write changed, or None for many or unknown (an import, a restore, F5).
CaseIds = frozenset[int] | None

#: The origin of a change saved by another seat (another computer on the office server, or
#: another program on the same file), announced by :mod:`keidesk.gui.kit.live`.
ANOTHER_SEAT = "another seat"


def concerns(case_ids: CaseIds, case_id: int) -> bool:
    """Does a change of ``case_ids`` concern the view of ``case_id``?"""
    return case_ids is None or case_id in case_ids


class ChangeBus(QObject):
    """Carries ``cases_changed(case_ids, origin)``: ``case_ids`` is a :data:`CaseIds`, and
    ``origin`` the object that asked for the write (a view may treat its own change apart).
    Views connect a method of theirs, which Qt disconnects when the view is deleted."""

    cases_changed = Signal(object, object)  # CaseIds, origin

    def announce(self, case_ids: Iterable[int] | None, origin: object = None) -> None:
        """Tell every view; an empty set means no case changed, and nobody is told."""
        changed = None if case_ids is None else frozenset(case_ids)
        if changed is None or changed:
            self.cases_changed.emit(changed, origin)
