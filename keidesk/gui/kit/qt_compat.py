"""Work-arounds for bugs in the Qt bindings, each behind a probe so it switches itself off.

PySide6 6.12.0's abi3 wheels, on Python 3.11, give back objects they never took a reference
to:

- every void Qt call (and every invalid ``QVariant``) returns ``None`` so;
- every ``Signal.emit()`` and ``Signal.connect()`` returns ``True`` so.

Python 3.12+ does not mind (``None`` and ``True`` are immortal there), but on 3.11 each such call
costs the object one reference. ``None`` runs out after some tens of thousands of void calls (a
second of painting); ``True`` after about 3,000 background tasks (each emits three signals):
seen here, the app aborted with "Fatal Python error: bool_dealloc: deallocating True or False"
after 2,100 searches, and a GUI test run aborted at exit. :func:`keep_constants_alive` gives
each object the probes see over-released what Python 3.12 gives it: a reference count that
cannot reach zero. It runs once, when ``keidesk.gui`` is imported, before any window exists.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

#: Far more references than any process can lose, far below overflow.
_IMMORTAL_BOOST = 1 << 40
#: Calls per probe; a probe that loses at least half of them has found the bug.
_PROBE_CALLS = 16


class _Probe(QObject):
    fired = Signal()


def _over_released(constant: object, call: Callable[[], object]) -> bool:
    """Does ``call`` release ``constant`` without having taken it? What the probe cost is
    given back."""
    before = sys.getrefcount(constant)
    for _ in range(_PROBE_CALLS):
        call()
    lost = before - sys.getrefcount(constant)
    for _ in range(max(0, lost)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(constant))
    return lost >= _PROBE_CALLS // 2


def over_released_constants() -> list[object]:
    """The constants (``None``, ``True``) that these bindings over-release."""
    probe = _Probe()
    found: list[object] = []
    if _over_released(None, lambda: probe.setObjectName("probe")):
        found.append(None)
    if _over_released(True, probe.fired.emit):
        found.append(True)
    return found


def keep_constants_alive() -> list[object]:
    """Make each constant the bindings over-release immortal; returns those it did."""
    if sys.version_info >= (3, 12):
        return []  # immortal already (PEP 683)
    found = over_released_constants()
    for constant in found:
        # ob_refcnt is the first field of every object in a release build of CPython.
        ctypes.c_ssize_t.from_address(id(constant)).value += _IMMORTAL_BOOST
    return found
