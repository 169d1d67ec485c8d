"""What packets there are, the paper they print on, and the checklist of each.

A packet encloses the case's attached papers by their kind (:class:`DocumentKind`, stored as
the document's ``doc_type``), in the order of its checklist.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reportlab.lib.pagesizes import A4, LETTER

from keidesk.domain.documents import DocumentKind
from keidesk.domain.errors import InvalidInput
from keidesk.domain.reference import PathKind


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


class Source(StrEnum):
    """Where a checklist entry comes from."""

    GENERATED = "generated"  # a section of this packet
    ATTACHMENT = "attachment"  # papers of one kind attached to the case, enclosed
    SEPARATE = "separate"  # something keidesk cannot produce; the customer brings it


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of a packet's checklist.

    An attachment entry encloses every attached paper of its kind, in the order they were
    attached; when there is none, a needed entry is a gap (the packet is a draft) and an
    optional one is simply left out. A generated entry names the section of the packet
    (``section``, the key its heading carries) so the checklist can give its page.
    """

    label: str
    source: Source
    kind: DocumentKind | None = None
    optional: bool = False
    section: str | None = None

    @property
    def needed(self) -> bool:
        return not self.optional and self.source is not Source.SEPARATE


def enclose(kind: DocumentKind, *, optional: bool = False, label: str | None = None) -> Entry:
    return Entry(label or kind.label, Source.ATTACHMENT, kind, optional)


def section(label: str, key: str) -> Entry:
    return Entry(label, Source.GENERATED, section=key)


#: Keys of the generated sections a checklist can point at (the heading of each carries one).
STATE_GUIDE = "state_guide"
BILL_OF_SALE = "bill_of_sale"
ODOMETER = "odometer"
TRANSLATION = "translation"
BROKER_SHEET = "broker_sheet"

_TRANSLATION = section("English translation of the export certificate", TRANSLATION)

#: What each packet encloses, in order. The DMV packet (and the handover) add, after these,
#: the destination state's papers that keidesk cannot produce (to obtain separately).
CHECKLISTS: dict[PacketKind, tuple[Entry, ...]] = {
    PacketKind.HANDOVER: (
        section("State registration guide", STATE_GUIDE),
        section("Bill of sale", BILL_OF_SALE),
        section("Odometer disclosure statement", ODOMETER),
        _TRANSLATION,
        enclose(DocumentKind.EXPORT_CERTIFICATE),
        enclose(DocumentKind.EXPORT_CERTIFICATE_TRANSLATION, optional=True),
        enclose(DocumentKind.CBP_7501),
        enclose(DocumentKind.HS7),
        enclose(DocumentKind.EPA_3520_1),
        enclose(DocumentKind.LIEN_RELEASE, optional=True),
        enclose(DocumentKind.TITLE, optional=True),
        enclose(DocumentKind.INSPECTION, optional=True),
        enclose(DocumentKind.PHOTO, optional=True, label="Photos of the truck"),
    ),
    PacketKind.CUSTOMS: (
        section("Broker data sheet: HS-7, EPA 3520-1, CBP entry", BROKER_SHEET),
        enclose(DocumentKind.EXPORT_CERTIFICATE),
        _TRANSLATION,
        enclose(DocumentKind.EXPORT_CERTIFICATE_TRANSLATION, optional=True),
        enclose(DocumentKind.INVOICE),
        enclose(DocumentKind.BILL_OF_LADING),
        enclose(DocumentKind.HS7, optional=True),
        enclose(DocumentKind.EPA_3520_1, optional=True),
    ),
    PacketKind.DMV: (
        enclose(DocumentKind.CBP_7501),
        enclose(DocumentKind.HS7),
        enclose(DocumentKind.EPA_3520_1),
        enclose(DocumentKind.EXPORT_CERTIFICATE),
        _TRANSLATION,
        enclose(DocumentKind.EXPORT_CERTIFICATE_TRANSLATION, optional=True),
        section("Bill of sale", BILL_OF_SALE),
        section("State registration guide", STATE_GUIDE),
        enclose(DocumentKind.LIEN_RELEASE, optional=True),
        enclose(DocumentKind.INSPECTION, optional=True),
        enclose(DocumentKind.INSURANCE, optional=True),
        enclose(DocumentKind.ID_DOCUMENT, optional=True),
    ),
}


#: Paths on which a state does not register the truck for ordinary road use: the packets say
#: so on their cover and in their title.
NO_ROAD_PATHS = frozenset({PathKind.NONE, PathKind.OFFROAD_ONLY})


def packet_title(kind: PacketKind, path: PathKind | None) -> str:
    """The title a packet prints (cover, PDF title, footer) for the destination state's path."""
    if path is PathKind.OFFROAD_ONLY:
        if kind is PacketKind.DMV:
            return "Off-road use papers"
        if kind is PacketKind.HANDOVER:
            return f"{kind.label} (off-road use only)"
    if path is PathKind.NONE:
        if kind is PacketKind.DMV:
            return "Ownership papers (no road registration)"
        if kind is PacketKind.HANDOVER:
            return f"{kind.label} (no road registration)"
    return kind.label


def road_sentence(path: PathKind | None, state: str) -> str | None:
    """The one plain sentence a packet's cover gives when the state does not register the
    truck for the road; None when it may."""
    if path is PathKind.NONE:
        return (
            f"{state} does not register this truck for road use: these papers show who owns "
            "it and that it was lawfully imported, not that it may be driven on public roads."
        )
    if path is PathKind.OFFROAD_ONLY:
        return (
            f"{state} allows this truck off-road, farm or antique use only: it cannot be "
            "registered for ordinary driving on public roads."
        )
    return None
