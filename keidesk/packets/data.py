"""Everything a packet prints, read from the database in one session and then left alone.

A packet is rendered from a :class:`PacketData`: plain values and file paths, no session, so
the rendering can run in another thread or process.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from keidesk.domain.documents import DocumentKind
from keidesk.packets.catalog import PacketKind
from keidesk.services import cases
from keidesk.services.documents import AttachmentStore
from keidesk.services.profile import ImporterProfile, load_profile
from keidesk.services.views import CaseDetail, DocumentView


@dataclass(frozen=True, slots=True)
class AttachedFile:
    """An attachment of the case and where its bytes are in the attachment store."""

    document: DocumentView
    path: Path

    @property
    def kind(self) -> DocumentKind | None:
        try:
            return DocumentKind(self.document.doc_type)
        except ValueError:
            return None

    @property
    def is_pdf(self) -> bool:
        return (
            self.document.media_type == "application/pdf"
            or self.document.original_name.lower().endswith(".pdf")
        )

    @property
    def is_image(self) -> bool:
        return self.document.media_type in {"image/png", "image/jpeg"}


@dataclass(frozen=True, slots=True)
class PacketData:
    kind: PacketKind
    case: CaseDetail
    profile: ImporterProfile
    logo: Path | None
    attachments: tuple[AttachedFile, ...]
    generated_on: date

    def attached(self, kind: DocumentKind) -> list[AttachedFile]:
        """The case's papers of one kind, in the order they were attached."""
        return [a for a in self.attachments if a.kind is kind]


def gather(
    session: Session, store: AttachmentStore, case_id: int, kind: PacketKind, *, today: date
) -> PacketData:
    """Read one case, the importer profile and the attachments' locations (papers in the
    trash are left out)."""
    detail = cases.case_detail(session, case_id, today=today)
    profile = load_profile(session)
    attachments = tuple(
        AttachedFile(doc, store.path_for(doc.sha256))
        for doc in detail.documents
        if doc.kind == "attachment" and not doc.removed
    )
    logo = store.path_for(profile.logo_sha256) if profile.logo_sha256 else None
    return PacketData(
        kind=kind,
        case=detail,
        profile=profile,
        logo=logo,
        attachments=attachments,
        generated_on=today,
    )
