"""What an attached paper is: its kind, the workflow step it belongs to, and which papers each
step expects before it is done.

A kind is a stable key stored with the document (``documents.doc_type``); packets enclose by
kind, steps count their evidence by kind, and the file name of a scan is enough to guess the
kind of the usual papers (``BL_…``, ``7501…``, ``輸出…``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from enum import StrEnum

from keidesk.domain.errors import InvalidInput
from keidesk.domain.workflow import StepKey


class DocumentKind(StrEnum):
    """Stable keys of the papers a case collects."""

    EXPORT_CERTIFICATE = "export_certificate"
    EXPORT_CERTIFICATE_TRANSLATION = "export_certificate_translation"
    INVOICE = "invoice"
    BILL_OF_LADING = "bill_of_lading"
    CBP_7501 = "cbp_7501"
    CBP_3461 = "cbp_3461"
    HS7 = "hs7"
    EPA_3520_1 = "epa_3520_1"
    LIEN_RELEASE = "lien_release"
    BILL_OF_SALE = "bill_of_sale"
    TITLE = "title"
    INSPECTION = "inspection"
    INSURANCE = "insurance"
    ID_DOCUMENT = "id_document"
    PHOTO = "photo"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def default_step(self) -> StepKey | None:
        """The step a paper of this kind is filed under when attached (None: the case)."""
        return _DEFAULT_STEPS.get(self)

    @classmethod
    def parse(cls, text: str) -> DocumentKind:
        key = text.strip().lower().replace("-", "_").replace(" ", "_")
        try:
            return cls(key)
        except ValueError:
            kinds = ", ".join(k.value for k in cls)
            raise InvalidInput(
                f"There is no document kind {text!r}; the kinds are {kinds}."
            ) from None


_LABELS: Mapping[DocumentKind, str] = {
    DocumentKind.EXPORT_CERTIFICATE: "Japanese export certificate (輸出予定届出証明書)",
    DocumentKind.EXPORT_CERTIFICATE_TRANSLATION: "Export certificate translation",
    DocumentKind.INVOICE: "Auction or exporter invoice",
    DocumentKind.BILL_OF_LADING: "Bill of lading",
    DocumentKind.CBP_7501: "CBP Form 7501 entry summary",
    DocumentKind.CBP_3461: "CBP Form 3461 entry / immediate delivery",
    DocumentKind.HS7: "NHTSA HS-7 declaration",
    DocumentKind.EPA_3520_1: "EPA Form 3520-1 declaration",
    DocumentKind.LIEN_RELEASE: "Lien release",
    DocumentKind.BILL_OF_SALE: "Bill of sale",
    DocumentKind.TITLE: "US title",
    DocumentKind.INSPECTION: "State safety or emissions inspection",
    DocumentKind.INSURANCE: "Insurance",
    DocumentKind.ID_DOCUMENT: "Customer's ID",
    DocumentKind.PHOTO: "Photo of the truck",
    DocumentKind.OTHER: "Other paper",
}

_DEFAULT_STEPS: Mapping[DocumentKind, StepKey] = {
    DocumentKind.EXPORT_CERTIFICATE: StepKey.LIEN,
    DocumentKind.EXPORT_CERTIFICATE_TRANSLATION: StepKey.LIEN,
    DocumentKind.INVOICE: StepKey.INTAKE,
    DocumentKind.BILL_OF_LADING: StepKey.SHIPPING,
    DocumentKind.CBP_7501: StepKey.CUSTOMS,
    DocumentKind.CBP_3461: StepKey.CUSTOMS,
    DocumentKind.HS7: StepKey.CUSTOMS,
    DocumentKind.EPA_3520_1: StepKey.CUSTOMS,
    DocumentKind.LIEN_RELEASE: StepKey.LIEN,
    DocumentKind.BILL_OF_SALE: StepKey.HANDOVER,
    DocumentKind.TITLE: StepKey.REGISTRATION,
    DocumentKind.INSPECTION: StepKey.REGISTRATION,
    DocumentKind.INSURANCE: StepKey.REGISTRATION,
    DocumentKind.ID_DOCUMENT: StepKey.REGISTRATION,
    DocumentKind.PHOTO: StepKey.INTAKE,
}

#: The papers a step expects on file before it is marked done. A step missing one may still be
#: marked done, but only with a reason the history keeps.
STEP_EVIDENCE: Mapping[StepKey, tuple[DocumentKind, ...]] = {
    StepKey.LIEN: (DocumentKind.EXPORT_CERTIFICATE, DocumentKind.EXPORT_CERTIFICATE_TRANSLATION),
    StepKey.SHIPPING: (DocumentKind.BILL_OF_LADING,),
    StepKey.CUSTOMS: (DocumentKind.CBP_7501, DocumentKind.HS7, DocumentKind.EPA_3520_1),
    StepKey.REGISTRATION: (DocumentKind.TITLE,),
    StepKey.HANDOVER: (DocumentKind.BILL_OF_SALE,),
}


def expected_papers(step: StepKey) -> tuple[DocumentKind, ...]:
    return STEP_EVIDENCE.get(step, ())


# File-name words that say what a scan is, tried in order (a narrower word first: a
# translation of an export certificate is a translation). Matched on the NFKC-folded,
# lower-cased name, so full-width ＢＬ and 7501 are read as well.
_NAME_HINTS: tuple[tuple[str, DocumentKind], ...] = (
    (r"transl|翻訳|和訳|英訳", DocumentKind.EXPORT_CERTIFICATE_TRANSLATION),
    (r"輸出|抹消|export[ _-]?cert|\bexport\b|\bdereg", DocumentKind.EXPORT_CERTIFICATE),
    (
        r"(^|[^a-z])b[ _-]?/?l([^a-z]|$)|bill[ _-]?of[ _-]?lading|lading|船荷",
        DocumentKind.BILL_OF_LADING,
    ),
    (r"7501|entry[ _-]?summary", DocumentKind.CBP_7501),
    (r"3461", DocumentKind.CBP_3461),
    (r"(^|[^a-z0-9])hs[ _-]?7([^0-9]|$)", DocumentKind.HS7),
    (r"3520", DocumentKind.EPA_3520_1),
    (r"lien|release[ _-]?of[ _-]?lien|所有権", DocumentKind.LIEN_RELEASE),
    (r"bill[ _-]?of[ _-]?sale|\bbos\b", DocumentKind.BILL_OF_SALE),
    (r"invoice|inv[ _-]?\d|請求|インボイス|auction|オークション", DocumentKind.INVOICE),
    (r"title", DocumentKind.TITLE),
    (r"inspect|smog|safety", DocumentKind.INSPECTION),
    (r"insur|保険", DocumentKind.INSURANCE),
    (r"licen[cs]e|passport|\bid\b|driver", DocumentKind.ID_DOCUMENT),
    (r"photo|picture|img|写真|dsc|pxl", DocumentKind.PHOTO),
)


def guess_kind(file_name: str, media_type: str | None = None) -> DocumentKind:
    """The kind a file's name points at; an image with no telling name is a photo."""
    folded = unicodedata.normalize("NFKC", file_name).lower()
    for pattern, kind in _NAME_HINTS:
        if re.search(pattern, folded):
            return kind
    if media_type is not None and media_type.startswith("image/"):
        return DocumentKind.PHOTO
    return DocumentKind.OTHER
