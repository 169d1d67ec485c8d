"""Building a packet: render it from the case's data, write it safely, record it on the case."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable

from keidesk import __version__
from keidesk.atomic import replacing
from keidesk.domain.errors import InvalidInput
from keidesk.packets import customs, dmv, handover
from keidesk.packets.catalog import PacketKind, Paper, packet_title
from keidesk.packets.data import PacketData, gather
from keidesk.packets.enclosures import merge_slots
from keidesk.packets.fonts import register_fonts
from keidesk.packets.gaps import Gap
from keidesk.packets.layout import FooterText, PacketDocument, canvas_maker
from keidesk.packets.sections import Sheet
from keidesk.services.documents import AttachmentStore, StoredFile, add_document, attachment_store
from keidesk.storage.database import Database

STORIES: dict[PacketKind, Callable[[Sheet], list[Flowable]]] = {
    PacketKind.HANDOVER: handover.story,
    PacketKind.CUSTOMS: customs.story,
    PacketKind.DMV: dmv.story,
}


@dataclass(frozen=True, slots=True)
class RenderedPacket:
    pdf: bytes
    pages: int
    title: str  # as in the PDF's metadata: the packet's title and the case number
    label: str  # the packet's title as printed on its cover (catalog.packet_title)
    warnings: tuple[str, ...]
    missing: tuple[str, ...]  # case fields the packet shows as gaps
    missing_documents: tuple[str, ...]  # required scans not attached to the case
    gaps: tuple[Gap, ...] = ()  # everything the packet lacks, as its cover lists it

    @property
    def draft(self) -> bool:
        """Marked DRAFT on every page: the packet has a gap."""
        return bool(self.gaps)


@dataclass(frozen=True, slots=True)
class PacketResult:
    """A built and recorded packet, as the CLI's ``--json`` and the GUI report it."""

    case_id: int
    number: str
    kind: PacketKind
    paper: Paper
    path: Path
    pages: int
    sha256: str
    document_id: int
    warnings: tuple[str, ...]
    missing: tuple[str, ...]
    missing_documents: tuple[str, ...]
    gaps: tuple[Gap, ...] = ()

    @property
    def draft(self) -> bool:
        return bool(self.gaps)


def packet_filename(number: str, kind: PacketKind) -> str:
    return f"{number}-{kind.value}.pdf"


def render_packet(data: PacketData, paper: Paper = Paper.LETTER) -> RenderedPacket:
    """Lay the packet out in memory; raises :class:`customs.PacketRefused` for a customs
    packet the broker could not file from."""
    register_fonts()
    case = data.case
    rule = case.state_rule
    label = packet_title(data.kind, rule.path if rule is not None else None)
    title = f"{label} — {case.number}"
    author = data.profile.business_name.strip() or "keidesk"
    customer = f" for {case.customer.name}" if case.customer else ""
    subject = f"{case.chassis} {case.make or ''} {case.model or ''}".strip() + customer
    buffer = io.BytesIO()
    document = PacketDocument(
        buffer,
        pagesize=paper.size,
        title=title,
        author=author,
        subject=subject,
        creator=f"keidesk {__version__}",
        keywords=f"{case.number}, {case.chassis}, {data.kind.value}",
        lang="en-US",
    )
    sheet = Sheet(data, document.width, document.height)
    story = STORIES[data.kind](sheet)
    gaps = sheet.gaps.freeze()  # the cover has listed them; the DRAFT mark reads the same
    footer = FooterText(
        left=f"{case.number} · {case.chassis} · {label}",
        middle=f"Generated {data.generated_on.isoformat()}",
    )
    document.build(story, canvasmaker=canvas_maker(footer, sheet.gaps))
    pdf = merge_slots(buffer.getvalue(), sheet.slots)
    warnings = list(sheet.warnings)
    if sheet.gaps.missing:
        warnings.insert(
            0,
            "Not recorded on the case (shown as gaps in the packet): "
            + ", ".join(sheet.gaps.missing)
            + ".",
        )
    return RenderedPacket(
        pdf=pdf,
        pages=document.page,
        title=title,
        label=label,
        warnings=tuple(warnings),
        missing=tuple(sheet.gaps.missing),
        missing_documents=tuple(sheet.gaps.missing_documents),
        gaps=gaps,
    )


def check_writable_folder(folder: Path) -> None:
    """Refuse early, with a plain message, a folder a packet cannot be written to."""
    if not folder.exists():
        raise InvalidInput(f"Cannot write the packet: the folder {folder} does not exist.")
    if not folder.is_dir():
        raise InvalidInput(f"Cannot write the packet: {folder} is a file, not a folder.")


def write_atomically(content: bytes, target: Path) -> None:
    """Write through a temporary file beside ``target``: never a half-written file."""
    check_writable_folder(target.parent)
    try:
        with replacing(target) as temp:
            temp.write_bytes(content)
    except IsADirectoryError:
        raise InvalidInput(f"Cannot write the packet: {target} is a folder.") from None
    except PermissionError:
        raise InvalidInput(f"keidesk may not write {target}; choose another place.") from None
    except OSError as exc:
        raise InvalidInput(f"Cannot write {target}: {exc.strerror or exc}.") from None


def record_packet(
    database: Database,
    store: AttachmentStore,
    case_id: int,
    path: Path,
    *,
    kind: PacketKind,
    title: str,
    paper: Paper,
    user: str,
) -> tuple[int, str]:
    """Keep a copy of the built packet with the case (by content hash), titled with the
    packet's title as printed (``RenderedPacket.label``: "Off-road use papers" for a DMV
    packet to a state that allows off-road use only); the history records it. Returns the
    document id and the hash. The copy is made before the transaction that records it, so no
    write is held open while the file is copied."""
    return record_stored_packet(
        database, case_id, store.put(path), kind=kind, title=title, paper=paper, user=user
    )


def record_stored_packet(
    database: Database,
    case_id: int,
    stored: StoredFile,
    *,
    kind: PacketKind,
    title: str,
    paper: Paper,
    user: str,
) -> tuple[int, str]:
    """Record a packet already copied into the store (:meth:`AttachmentStore.put`, which a
    batch worker does) on its case, in one short transaction."""
    with database.transaction(user) as session:
        document = add_document(
            session,
            case_id,
            stored,
            user=user,
            kind="packet",
            doc_type=kind.value,
            title=f"{title} ({paper.value})",
        )
    return document.id, document.sha256


def build_packet(
    database: Database,
    case_id: int,
    kind: PacketKind,
    out: Path,
    *,
    user: str,
    today: date,
    paper: Paper = Paper.LETTER,
) -> PacketResult:
    """Build one packet to ``out`` and record it on the case."""
    out = out.expanduser()
    check_writable_folder(out.parent)
    store = attachment_store(database)
    with database.reader() as session:
        data = gather(session, store, case_id, kind, today=today)
    rendered = render_packet(data, paper)
    write_atomically(rendered.pdf, out)
    document_id, sha256 = record_packet(
        database, store, case_id, out, kind=kind, title=rendered.label, paper=paper, user=user
    )
    return PacketResult(
        case_id=case_id,
        number=data.case.number,
        kind=kind,
        paper=paper,
        path=out.resolve(),
        pages=rendered.pages,
        sha256=sha256,
        document_id=document_id,
        warnings=rendered.warnings,
        missing=rendered.missing,
        missing_documents=rendered.missing_documents,
        gaps=rendered.gaps,
    )
