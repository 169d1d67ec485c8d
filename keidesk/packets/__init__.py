"""Document packets (PDF) built from a case: customer handover, customs broker and DMV.

Qt-free: the CLI, the GUI and batch workers all call :func:`build_packet` or
:func:`render_packet`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from keidesk.packets.catalog import PacketKind, Paper
from keidesk.packets.gaps import Gap, GapStatus

if TYPE_CHECKING:
    from keidesk.packets.build import (
        PacketResult,
        RenderedPacket,
        build_packet,
        packet_filename,
        record_packet,
        render_packet,
        write_atomically,
    )
    from keidesk.packets.customs import PacketRefused
    from keidesk.packets.data import PacketData, gather

#: Loaded on first use: reportlab and pypdf take a fifth of a second to import, and the
#: ``keidesk`` command (which also starts the app) needs only the packet kinds to list them.
_LAZY = {
    "PacketResult": "keidesk.packets.build",
    "RenderedPacket": "keidesk.packets.build",
    "build_packet": "keidesk.packets.build",
    "packet_filename": "keidesk.packets.build",
    "record_packet": "keidesk.packets.build",
    "render_packet": "keidesk.packets.build",
    "write_atomically": "keidesk.packets.build",
    "PacketRefused": "keidesk.packets.customs",
    "PacketData": "keidesk.packets.data",
    "gather": "keidesk.packets.data",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_LAZY[name]), name)


__all__ = [
    "Gap",
    "GapStatus",
    "PacketData",
    "PacketKind",
    "PacketRefused",
    "PacketResult",
    "Paper",
    "RenderedPacket",
    "build_packet",
    "gather",
    "packet_filename",
    "record_packet",
    "render_packet",
    "write_atomically",
]
