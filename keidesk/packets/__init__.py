"""Document packets (PDF) built from a case: customer handover, customs broker and DMV.

Qt-free: the CLI, the GUI and batch workers all call :func:`build_packet` or
:func:`render_packet`.
"""

from keidesk.packets.build import (
    PacketResult,
    RenderedPacket,
    build_packet,
    packet_filename,
    record_packet,
    render_packet,
    write_atomically,
)
from keidesk.packets.catalog import AttachmentType, PacketKind, Paper
from keidesk.packets.customs import PacketRefused
from keidesk.packets.data import PacketData, gather

__all__ = [
    "AttachmentType",
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
