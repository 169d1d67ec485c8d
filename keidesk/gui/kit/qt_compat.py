"""Work-arounds for bugs in the Qt bindings, each behind a probe so it switches itself off.

PySide6 6.12.0's abi3 wheels, on Python 3.11, return ``None`` from every void Qt call (and from
every invalid ``QVariant``) without taking a reference to it. Python 3.12+ does not mind (``None``
is immortal there), but on 3.11 each such call costs ``None`` one reference, and after some
tens of thousands of calls (a second of painting) the interpreter aborts with "deallocating
None". :func:`keep_none_alive` gives ``None`` what Python 3.12 gives it: a reference count that
cannot reach zero. It runs once, when ``keidesk.gui`` is imported, and only when the probe sees
the bug.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject

#: Far more references than any process can lose, far below overflow.
_IMMORTAL_BOOST = 1 << 40


def none_is_over_released() -> bool:
    """Do void Qt calls release ``None`` without having taken it?"""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setObjectName("probe")
    lost = before - sys.getrefcount(None)
    for _ in range(max(0, lost)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))  # give back what the probe cost
    return lost >= 8


def keep_none_alive() -> bool:
    """Make ``None`` immortal when the bindings over-release it; returns whether it did."""
    if sys.version_info >= (3, 12) or not none_is_over_released():
        return False
    # ob_refcnt is the first field of every object in a release build of CPython.
    refcount = ctypes.c_ssize_t.from_address(id(None))
    refcount.value += _IMMORTAL_BOOST
    return True
