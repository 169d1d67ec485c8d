"""What packets there are, the paper they print on, and the attachment types they enclose.

The attachment types are the ``doc_type`` values staff give scans when they attach them to a
case; a packet encloses attachments by type, in the order of its checklist.
"""

from __future__ import annotations

from enum import StrEnum

from reportlab.lib.pagesizes import A4, LETTER

from keidesk.domain.errors import InvalidInput


class PacketKind(StrEnum):
    HANDOVER = "handover"
    CUSTOMS = "customs"
    DMV = "dmv"

    @property
    def label(self) -> str:
        return {
            PacketKind.HANDOVER: "Customer handover packet",
            PacketKind.CUSTOMS: "Customs broker packet",
            PacketKind.DMV: "DMV title and registration packet",
        }[self]

    @classmethod
    def parse(cls, text: str) -> PacketKind:
        try:
            return cls(text.strip().lower())
        except ValueError:
            kinds = ", ".join(k.value for k in cls)
            raise InvalidInput(
                f"There is no packet kind {text!r}; the kinds are {kinds}."
            ) from None


class Paper(StrEnum):
    LETTER = "letter"
    A4 = "a4"

    @property
    def size(self) -> tuple[float, float]:
        size: tuple[float, float] = LETTER if self is Paper.LETTER else A4
        return size

    @classmethod
    def parse(cls, text: str) -> Paper:
        try:
            return cls(text.strip().lower())
        except ValueError:
            raise InvalidInput(f"Paper {text!r} is not known; use letter or a4.") from None


class AttachmentType(StrEnum):
    """The ``doc_type`` of an attached scan or photo that packets know how to enclose."""

    EXPORT_CERTIFICATE = "export_certificate"
    INVOICE = "invoice"
    BILL_OF_LADING = "bill_of_lading"
    CBP_7501 = "cbp_7501"
    HS7 = "hs7"
    EPA_3520_1 = "epa_3520_1"
    PHOTO = "photo"

    @property
    def label(self) -> str:
        return ATTACHMENT_LABELS[self]


ATTACHMENT_LABELS = {
    AttachmentType.EXPORT_CERTIFICATE: "Japanese export certificate (輸出予定届出証明書)",
    AttachmentType.INVOICE: "Commercial invoice / bill of sale from the exporter",
    AttachmentType.BILL_OF_LADING: "Bill of lading",
    AttachmentType.CBP_7501: "CBP Form 7501 entry summary, stamped by CBP",
    AttachmentType.HS7: "NHTSA HS-7 declaration",
    AttachmentType.EPA_3520_1: "EPA Form 3520-1 declaration",
    AttachmentType.PHOTO: "Photo of the truck",
}
