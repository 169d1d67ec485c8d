"""The regulatory wording packets print, each with its citation and the date it was verified.

Everything here comes from keidesk's regulatory reference (``shared/reference/regulatory.md``,
compiled 2026-11-21 from stored copies of public sources). A packet prints only a fact's text
and its citation: the statute, regulation, form or agency document it rests on
(:attr:`Fact.source_line`). The reference section and the confidence code are kept for staff
to trace a fact and are never printed. Packets quote these and never paraphrase a rule into new
legal text. keidesk supports decisions; it does not give legal advice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: The day the reference facts below were compiled and last checked.
REFERENCE_AS_OF = date(2026, 11, 21)


@dataclass(frozen=True, slots=True)
class Fact:
    text: str
    citation: str  # the law, regulation, form or agency document: what a packet cites
    section: str  # for staff: the regulatory reference section, e.g. "1.2"; never printed
    confidence: str  # for staff: P primary, S secondary, U uncertain; never printed

    @property
    def source_line(self) -> str:
        """How a packet cites the fact: the document it rests on and when it was verified."""
        return f"{self.citation}; verified {REFERENCE_AS_OF.isoformat()}"


HS7_BOX1 = Fact(
    "1. The vehicle is 25 or more years old or the equipment item was manufactured on a date "
    "when no applicable Federal Motor Vehicle Safety Standard or Theft Prevention Standard was "
    "in effect. Date of manufacture: ____ [591.5(i)]",
    "49 CFR 591.5(i); HS-7 form (OMB 2127-0002)",
    "1.2",
    "P",
)
FMVSS_STATUTE = Fact(
    'The import prohibition in 49 U.S.C. 30112(a) does not apply to "a motor vehicle that is '
    'at least 25 years old".',
    "49 U.S.C. 30112(b)(9)",
    "1.1",
    "S-quoting-P",
)
FMVSS_AGE_FROM_MANUFACTURE = Fact(
    '"You should note that the 25 year period runs from the date of the vehicle\'s manufacture."',
    "NHTSA Importation and Certification FAQ",
    "1.4",
    "S-quoting-P",
)
FMVSS_EVIDENCE = Fact(
    '"If the date of manufacture is not identified on a label permanently affixed to the '
    "vehicle by its original manufacturer, to establish the age of the vehicle, you should have "
    "documentation available such as an invoice showing the date the vehicle was first sold or "
    'a registration document showing that the vehicle was registered at least 25 years ago."',
    "NHTSA Importation and Certification FAQ",
    "1.5",
    "S-quoting-P",
)
HS7_FALSE_DECLARATION = Fact(
    '"Any person knowingly making a false declaration is subject to a fine of not more than '
    '$10,000 or imprisonment for not more than 5 years or both (18 U.S.C. 1001)."',
    "HS-7 form",
    "1.7",
    "S-quoting-P",
)
CBP_STAMPS_ONLY_7501 = Fact(
    "\"CBP will not stamp or sign any other U.S. Government agencies' forms (e.g., ... HS-7 ... "
    'or ... 3520-1)". The stamp "only means that the importer completed the CBP import '
    "processing and provided proof of ownership by presenting the original certificate of "
    'title, or a certified copy".',
    "CBP CSMS 16-000399 (2016-05-17)",
    "1.9",
    "P",
)
EPA_CODE_E = Fact(
    '"If the vehicle is at least 21 years old, there are no EPA compliance requirements upon '
    "importation. The age of the vehicle is determined by subtracting the calendar year of "
    "manufacture from the calendar year of importation. If the calendar year of manufacture is "
    "unavailable, the importer may substitute the model year or year of first registration. ... "
    'The vehicle must be in its original unmodified configuration."',
    "EPA Form 3520-1, code E; 19 CFR 12.73",
    "2.2",
    "S-quoting-P",
)
EPA_ORIGINAL_ENGINE = Fact(
    "Engine swaps (a non-original engine) break code E; EPA reads the equivalence requirement "
    "as the engine being identical to the one originally installed.",
    'EPA "Learn About Importing Vehicles and Engines"',
    "2.4",
    "S-quoting-P",
)
EPA_CITATION_TENSION = Fact(
    "40 CFR 85.1511(f)(2) is written as an exemption for importation by a certificate holder, "
    "while Form 3520-1 code E presents it to individual importers: confirm with the EPA Imports "
    "Hotline (734-214-4100).",
    "40 CFR 85.1511(f)(2); EPA-420-B-10-027",
    "2.5",
    "S-quoting-P",
)
EPA_FORM = Fact(
    "EPA Form 3520-1, current revision cited as August 2024 (OMB 2060-0717).",
    "EPA Form 3520-1",
    "2.1",
    "S",
)
CBP_DOCUMENTS = Fact(
    "\"the shipper's or carrier's original bill of lading, the bill of sale, foreign "
    'registration, and any other documents covering the vehicle"; importers must "complete '
    'EPA form 3520-1 and DOT form HS-7".',
    'CBP "Importing a Motor Vehicle"',
    "3.1",
    "S-quoting-P",
)
CBP_7501_PROOF = Fact(
    "CBP Form 7501 (Entry Summary) is the document DMVs use as proof of import; CBP stamps it "
    "on request.",
    "CBP CSMS 16-000399 (2016-05-17)",
    "3.2",
    "P",
)
SECTION_232_EXCEPTION = Fact(
    'Section 232 auto duty (9903.94.01) does not apply to vehicles "manufactured in a year at '
    'least 25 years prior to the year of the date of entry" (9903.94.04); the test counts '
    "calendar years.",
    "Proclamation 10908; HTSUS 9903.94.04; CBP Section 232 FAQ (2025)",
    "3.9",
    "P",
)
KEI_EXPORT_CERTIFICATE = Fact(
    "Kei vehicles are exported on the 輸出予定届出証明書 (Export Schedule Notification "
    "Certificate), issued by the Light Motor Vehicle Inspection Organization "
    "(軽自動車検査協会) on form 軽第4号様式の2.",
    "Light Motor Vehicle Inspection Organization (軽自動車検査協会), application for the "
    "輸出予定届出証明書 (form 軽第4号様式の2)",
    "4.2",
    "P",
)
FIRST_INSPECTION_DATE = Fact(
    "For kei vehicles the date field is 初度検査年月 (first inspection year/month); Japan records "
    "first registration or inspection, not the date of manufacture.",
    "Japan's vehicle inspection certificate (自動車検査証) under the Road Transport Vehicle Act "
    "(道路運送車両法)",
    "4.4",
    "S",
)
# For staff: the full field list of the kei certificate was not retrieved (reference 4.5, U);
# fields a state asks for beyond these are translated by hand on the sheet.
CERTIFICATE_FIELDS = Fact(
    "Fields used for US paperwork: 車台番号 (chassis/frame number), 型式 (model/type code, "
    "often with an emissions prefix), 原動機の型式 (engine model), 車名 (make).",
    "Japan's vehicle inspection certificate (自動車検査証) data, as carried on the export "
    "certificate",
    "4.5",
    "U",
)
NOTARIZED_TRANSLATION = Fact(
    'Louisiana may require "a notarized translation of a mini-truck title presented in a '
    "foreign language\" at the applicant's expense.",
    "La. R.S. 32:299.2(C)",
    "3.3",
    "P",
)

NOT_LEGAL_ADVICE = (
    "keidesk supports decisions; it does not give legal advice. Rules change: confirm every "
    "requirement with the agency concerned before relying on it."
)
