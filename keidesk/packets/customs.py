"""The customs broker packet: the data to file HS-7, EPA 3520-1 and the CBP entry.

Unlike the other packets, a broker packet with gaps is refused: a broker files sworn
declarations from it, so every field it needs must be on the case first.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, TableStyle

from keidesk.domain import cbp7501
from keidesk.domain.errors import InvalidInput
from keidesk.domain.money import Money
from keidesk.packets import facts, styles
from keidesk.packets.catalog import BROKER_SHEET, packet_title
from keidesk.packets.fonts import markup
from keidesk.packets.layout import (
    cited,
    field_table,
    grid_table,
    heading,
    note_box,
    para,
    subheading,
)
from keidesk.packets.sections import (
    Sheet,
    checklist,
    checklist_items,
    cover,
    enclosure_pages,
    enclosures_of,
    translation_sheet,
    vehicle_headline,
)


class PacketRefused(InvalidInput):
    """A packet that cannot be built until the named case fields are recorded."""

    def __init__(self, message: str, missing: tuple[str, ...]) -> None:
        super().__init__(message)
        self.missing = missing


#: Case fields a broker needs, by the name ``keidesk case set`` uses, with what they mean.
REQUIRED_FIELDS: tuple[tuple[str, str], ...] = (
    ("built", "build date (or first_registered, 初度検査年月)"),
    ("make", "make"),
    ("bill_of_lading", "bill of lading"),
    ("vessel", "vessel"),
    ("port_of_loading", "port of loading"),
    ("port_of_entry", "port of entry"),
    ("eta", "arrival date (ETA)"),
    ("customs_value", "customs value (US$)"),
    ("importer profile", "importer's business name and address"),
)


def missing_fields(sheet: Sheet) -> tuple[str, ...]:
    case = sheet.case
    present = {
        "built": case.built is not None or case.first_registered is not None,
        "make": bool(case.make),
        "bill_of_lading": bool(case.bill_of_lading),
        "vessel": bool(case.vessel),
        "port_of_loading": bool(case.port_of_loading),
        "port_of_entry": bool(case.port_of_entry),
        "eta": case.eta is not None,
        "customs_value": case.customs_value is not None,
        "importer profile": sheet.data.profile.is_complete,
    }
    return tuple(name for name, _meaning in REQUIRED_FIELDS if not present[name])


def check_ready(sheet: Sheet) -> None:
    """Refuse, naming every missing field, when the broker could not file from this packet."""
    case = sheet.case
    missing = missing_fields(sheet)
    if missing:
        meanings = dict(REQUIRED_FIELDS)
        listed = "; ".join(f"{name} ({meanings[name]})" for name in missing)
        raise PacketRefused(
            f"The customs packet for {case.number} needs these fields first: {listed}.", missing
        )
    eligibility = case.eligibility
    if eligibility is not None and not eligibility.fmvss.eligible:
        raise PacketRefused(
            f"{case.number} is not 25 years old on its arrival date {eligibility.on.isoformat()} "
            f"(eligible from {eligibility.fmvss.eligible_on.isoformat()}): HS-7 box 1 cannot be "
            "declared.",
            (),
        )


def _shipment(sheet: Sheet) -> list[Flowable]:
    case = sheet.case
    profile = sheet.data.profile
    customer = case.customer
    return [
        heading("Importer and shipment", anchor=BROKER_SHEET),
        field_table(
            [
                ("Importer", f"{profile.business_name}\n{profile.address}"),
                (
                    "Importer phone / e-mail",
                    " · ".join(p for p in (profile.phone, profile.email) if p) or "—",
                ),
                ("Buyer (consignee after entry)", customer.name if customer else "—"),
                ("Vehicle", f"{vehicle_headline(sheet)}, body: {case.body_type.value}"),
                ("Chassis number (車台番号)", case.chassis),
                ("Bill of lading", case.bill_of_lading),
                ("Vessel", case.vessel),
                ("Port of loading", case.port_of_loading),
                ("Port of entry", case.port_of_entry),
                (
                    "ETD / ETA",
                    f"{case.etd.isoformat() if case.etd else '—'} / "
                    f"{case.eta.isoformat() if case.eta else '—'}",
                ),
            ],
            sheet.width,
            sheet.gaps,
        ),
    ]


def _hs7(sheet: Sheet) -> list[Flowable]:
    case = sheet.case
    eligibility = case.eligibility
    assert eligibility is not None
    if case.built is not None:
        manufacture = f"{case.built} (date of manufacture on the case)"
    else:
        manufacture = (
            f"Not known. First inspection (初度検査年月) {case.first_registered}: a registration "
            "document showing the truck was registered at least 25 years ago (see below)."
        )
    story: list[Flowable] = [heading("HS-7 (NHTSA): box 1")]
    story += cited(facts.HS7_BOX1.text, facts.HS7_BOX1.source_line)
    story.append(
        field_table(
            [
                ("Box to check", "Box 1 (25 or more years old)"),
                ("Date of manufacture", manufacture),
                (
                    "25 years old from",
                    f"{eligibility.fmvss.eligible_on.isoformat()}: {eligibility.fmvss.explanation}",
                ),
                ("Statute", facts.FMVSS_STATUTE.source_line),
            ],
            sheet.width,
            sheet.gaps,
        )
    )
    story.append(subheading("Evidence of age"))
    story += cited(
        facts.FMVSS_AGE_FROM_MANUFACTURE.text, facts.FMVSS_AGE_FROM_MANUFACTURE.source_line
    )
    story += cited(facts.FMVSS_EVIDENCE.text, facts.FMVSS_EVIDENCE.source_line)
    story.append(
        note_box(
            [
                facts.HS7_FALSE_DECLARATION.text + f" ({facts.HS7_FALSE_DECLARATION.source_line})",
                facts.CBP_STAMPS_ONLY_7501.text + f" ({facts.CBP_STAMPS_ONLY_7501.source_line})",
            ],
            sheet.width,
        )
    )
    return story


def _epa(sheet: Sheet) -> list[Flowable]:
    case = sheet.case
    eligibility = case.eligibility
    assert eligibility is not None and case.eta is not None
    year = eligibility.basis_date.year
    basis = "year of manufacture" if case.built else "year of first registration (substituted)"
    story: list[Flowable] = [heading("EPA 3520-1: code E")]
    story.append(
        field_table(
            [
                ("Code", "E — vehicle at least 21 years old"),
                (
                    "Age",
                    f"{case.eta.year} (import year) − {year} ({basis}) "
                    f"= {case.eta.year - year} years",
                ),
                ("Result", eligibility.epa.explanation),
                ("Engine model (原動機の型式)", case.engine or "—"),
                ("Form", facts.EPA_FORM.source_line),
            ],
            sheet.width,
            sheet.gaps,
        )
    )
    story.append(Spacer(1, 4))
    story += cited(facts.EPA_CODE_E.text, facts.EPA_CODE_E.source_line)
    story.append(
        note_box(
            [
                "Original engine: "
                + facts.EPA_ORIGINAL_ENGINE.text
                + f" ({facts.EPA_ORIGINAL_ENGINE.source_line})",
                facts.EPA_CITATION_TENSION.text + f" ({facts.EPA_CITATION_TENSION.source_line})",
            ],
            sheet.width,
        )
    )
    return story


def _percent(rate: Decimal) -> str:
    return f"{format((rate * 100).normalize(), 'f')}%"


def _money(cents: int) -> str:
    return str(Money(cents, "USD"))


def _form_7501(sheet: Sheet) -> list[Flowable]:
    """The entry summary's blocks this case fills, by their numbers on the 2024 form."""
    case = sheet.case
    estimate = case.duty_estimate
    assert estimate is not None and case.customs_value is not None
    japan = "Japan (JP)"
    values: list[tuple[str, str | None]] = [
        (cbp7501.ENTRY_NUMBER, case.entry_number or "not yet filed"),
        (cbp7501.IMPORTING_CARRIER, case.vessel),
        (cbp7501.COUNTRY_OF_ORIGIN, f"{japan}, where the truck was built"),
        (cbp7501.IMPORT_DATE, case.eta.isoformat() if case.eta else None),
        (cbp7501.BILL_OF_LADING, case.bill_of_lading),
        (cbp7501.EXPORTING_COUNTRY, japan),
        (cbp7501.FOREIGN_PORT_OF_LADING, case.port_of_loading),
        (cbp7501.US_PORT_OF_UNLADING, case.port_of_entry),
        (cbp7501.DESCRIPTION, f"{vehicle_headline(sheet)}, chassis {case.chassis}"),
        (cbp7501.HTSUS_NUMBER, estimate.tariff.hts),
        (cbp7501.ENTERED_VALUE, str(case.customs_value)),
        (cbp7501.HTSUS_RATE, _percent(estimate.tariff.rate)),
        (
            cbp7501.OTHER_FEES,
            f"MPF {_money(estimate.mpf_cents)}, HMF {_money(estimate.hmf_cents)} (estimated)",
        ),
        (cbp7501.DUTY, f"{_money(estimate.duty_cents + estimate.section232_cents)} (estimated)"),
        (cbp7501.TOTAL, f"{_money(estimate.total_cents)} (estimated)"),
    ]
    rows = [(cbp7501.block_label(number), value) for number, value in values]
    return [
        subheading(f"{cbp7501.FORM}: blocks from this case"),
        field_table(rows, sheet.width, sheet.gaps, label_share=0.42),
        para(f"Block numbers as printed on {cbp7501.CITATION}.", styles.SMALL),
    ]


def _entry(sheet: Sheet) -> list[Flowable]:
    case = sheet.case
    estimate = case.duty_estimate
    assert estimate is not None and case.customs_value is not None
    tariff = estimate.tariff
    story: list[Flowable] = [heading("CBP entry")]
    story.append(
        field_table(
            [
                ("Tariff line", f"HTSUS {tariff.hts}: {tariff.description}"),
                ("Duty rate", f"{_percent(tariff.rate)} ad valorem"),
                (
                    "Tariff citation",
                    f"{tariff.citation} (verified {facts.REFERENCE_AS_OF.isoformat()})",
                ),
                ("Section 232", estimate.section232_note),
                ("Customs value", str(case.customs_value)),
                (
                    "Release date",
                    case.release_date.isoformat() if case.release_date else "not yet released",
                ),
            ],
            sheet.width,
            sheet.gaps,
        )
    )
    story += _form_7501(sheet)
    story.append(subheading("Estimated duty and fees"))
    width = sheet.width
    rows: list[list[Any]] = [
        [
            "Duty",
            f"{_percent(tariff.rate)} of {_money(estimate.customs_value_cents)}",
            _money(estimate.duty_cents),
        ],
        ["Section 232 duty", "9903.94.01 / 9903.94.04", _money(estimate.section232_cents)],
        [
            "Merchandise processing fee",
            f"{estimate.mpf_schedule.name}: {estimate.mpf_schedule.citation}",
            _money(estimate.mpf_cents),
        ],
        [
            "Harbor maintenance fee",
            "0.125% of value, by vessel: 19 CFR 24.24",
            _money(estimate.hmf_cents),
        ],
        [
            Paragraph("<b>Estimated total</b>", styles.CELL),
            "",
            Paragraph(f"<b>{_money(estimate.total_cents)}</b>", styles.CELL_RIGHT),
        ],
    ]
    table = grid_table(["Item", "Basis", "Amount"], rows, [width * 0.3, width * 0.5, width * 0.2])
    table.setStyle(TableStyle([("ALIGN", (2, 0), (2, -1), "RIGHT")]))
    story.append(table)
    for note in estimate.notes:
        story.append(para(f"Note: {note}", styles.SMALL))
    story.append(para("An estimate for the broker to check, not a CBP calculation.", styles.SMALL))
    story.append(subheading("Documents CBP asks for"))
    story += cited(facts.CBP_DOCUMENTS.text, facts.CBP_DOCUMENTS.source_line)
    story += cited(facts.SECTION_232_EXCEPTION.text, facts.SECTION_232_EXCEPTION.source_line)
    story.append(
        Paragraph(
            markup(
                "Please ask CBP to stamp the 7501: "
                + facts.CBP_7501_PROOF.text
                + f" ({facts.CBP_7501_PROOF.source_line})"
            ),
            styles.BODY,
        )
    )
    return story


def story(sheet: Sheet) -> list[Flowable]:
    check_ready(sheet)
    items = checklist_items(sheet)
    body: list[Flowable] = []
    for section in (_shipment, _hs7, _epa, _entry, translation_sheet):
        body += section(sheet)
        body.append(PageBreak())
    body += checklist(sheet, items, title="Checklist of enclosed documents")
    body += enclosure_pages(sheet, enclosures_of(items))
    front = cover(
        sheet,
        packet_title(sheet.kind, None),
        "For the customs broker: the data to "
        "file the HS-7, the EPA 3520-1 and the CBP entry for this truck.",
    )
    return front + body
