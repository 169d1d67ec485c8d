"""The sections packets are made of. Each takes the :class:`Sheet` being built and returns
flowables; what a section cannot fill in is shown as a gap and recorded on the sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from keidesk.domain.dates import PartialDate, japanese_era_text
from keidesk.domain.money import DistanceUnit
from keidesk.domain.reference import PathKind
from keidesk.packets import facts, styles
from keidesk.packets.catalog import AttachmentType
from keidesk.packets.data import AttachedFile, PacketData
from keidesk.packets.enclosures import Enclosure, EnclosurePage, Slot, prepare
from keidesk.packets.fonts import markup
from keidesk.packets.layout import (
    Gaps,
    choices,
    field_table,
    gap_cell,
    grid_table,
    heading,
    note_box,
    para,
    rich,
    signature_block,
    subheading,
)
from keidesk.services.views import CaseDetail


class Source(StrEnum):
    GENERATED = "generated"  # a section of this packet
    ATTACHMENT = "attachment"  # a scan attached to the case
    SEPARATE = "separate"  # something keidesk cannot produce; the customer brings it


@dataclass
class ChecklistItem:
    label: str
    source: Source
    attachment: AttachmentType | None = None
    required: bool = True
    status: str = ""
    enclosed: bool = False


@dataclass
class Sheet:
    """One packet being built: its data, page width, and what was missing or went wrong."""

    data: PacketData
    width: float
    height: float
    gaps: Gaps = field(default_factory=Gaps)
    warnings: list[str] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    missing_documents: list[str] = field(default_factory=list)
    enclosure_count: int = 0

    def warn(self, text: str) -> None:
        if text not in self.warnings:
            self.warnings.append(text)

    @property
    def case(self) -> CaseDetail:
        return self.data.case


# --- small formatting helpers ---------------------------------------------------------------


def _date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _partial(value: PartialDate | None) -> str | None:
    return str(value) if value else None


def vehicle_headline(sheet: Sheet) -> str:
    case = sheet.case
    year = f"{case.built.year} " if case.built else ""
    name = " ".join(p for p in (case.make, case.model) if p) or "Kei truck"
    code = f" ({case.model_code})" if case.model_code else ""
    return f"{year}{name}{code}"


def odometer_text(sheet: Sheet) -> str | None:
    odometer = sheet.case.odometer
    if odometer is None:
        return None
    if odometer.unit is DistanceUnit.KM:
        return (
            f"{odometer.miles:,} miles ({odometer.kilometres:,} km as shown on the dial, which "
            "reads in kilometres)"
        )
    return f"{odometer.miles:,} miles ({odometer.kilometres:,} km)"


def _engine_text(sheet: Sheet) -> str | None:
    case = sheet.case
    parts = [case.engine, f"{case.engine_cc} cc" if case.engine_cc else None]
    text = ", ".join(p for p in parts if p)
    return text or None


def _dimensions(sheet: Sheet) -> str | None:
    case = sheet.case
    if not (case.length_mm or case.width_mm or case.height_mm):
        return None

    def mm(value: int | None) -> str:
        return f"{value:,} mm" if value else "?"

    return f"L {mm(case.length_mm)} × W {mm(case.width_mm)} × H {mm(case.height_mm)}"


def _customer_name(sheet: Sheet) -> str | None:
    customer = sheet.case.customer
    return customer.name if customer else None


def _state_name(sheet: Sheet) -> str | None:
    rule = sheet.case.state_rule
    if rule is not None:
        return f"{rule.name} ({rule.code})"
    return sheet.case.destination_state


# --- cover ----------------------------------------------------------------------------------


def _qr(payload: str, size: float) -> Drawing:
    widget = QrCodeWidget(payload, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def _logo(sheet: Sheet, max_w: float, max_h: float) -> Flowable | None:
    logo = sheet.data.logo
    if logo is None:
        return None
    if not logo.is_file():
        sheet.warn("The importer's logo is missing from the attachment folder; set it again.")
        return None
    try:
        reader = ImageReader(str(logo))
        width, height = reader.getSize()
    except (OSError, ValueError) as exc:
        sheet.warn(f"The importer's logo could not be read ({type(exc).__name__}); set it again.")
        return None
    scale = min(max_w / width, max_h / height, 1.0)
    return Image(str(logo), width * scale, height * scale, hAlign="LEFT")


def letterhead(sheet: Sheet) -> list[Flowable]:
    profile = sheet.data.profile
    lines: list[str] = []
    if profile.business_name.strip():
        lines.append(f"<b>{markup(profile.business_name)}</b>")
    else:
        sheet.gaps.note("Importer business name")
        sheet.warn(
            "The importer profile has no business name; set it in the importer profile so it "
            "is printed on packets."
        )
        lines.append(f'<font color="{styles.GAP_INK.hexval()}"><b>Importer name not set</b></font>')
    if profile.address.strip():
        lines.extend(markup(line) for line in profile.address.splitlines() if line.strip())
    else:
        sheet.gaps.note("Importer address")
        lines.append(f'<font color="{styles.GAP_INK.hexval()}">Importer address not set</font>')
    contact = " · ".join(p for p in (profile.phone, profile.email) if p)
    if contact:
        lines.append(markup(contact))
    if profile.dealer_licence:
        lines.append(markup(f"Dealer licence {profile.dealer_licence}"))
    text = Paragraph("<br/>".join(lines), styles.BODY)
    logo = _logo(sheet, 1.6 * 72, 0.9 * 72)
    if logo is None:
        return [text]
    table = Table([[logo, text]], colWidths=[1.8 * 72, sheet.width - 1.8 * 72], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [table]


def cover(sheet: Sheet, title: str, audience: str) -> list[Flowable]:
    case = sheet.case
    story: list[Flowable] = [*letterhead(sheet), Spacer(1, 0.9 * 72)]
    heading_flowable = heading(title)
    heading_flowable.style = styles.TITLE
    story += [heading_flowable, Spacer(1, 4)]
    story.append(para(vehicle_headline(sheet), styles.COVER_LINE))
    story.append(para(audience, styles.SMALL))
    story.append(Spacer(1, 0.35 * 72))
    rows = [
        ("Case", case.number),
        ("Chassis number (車台番号)", case.chassis),
        ("Customer", _customer_name(sheet)),
        ("Destination state", _state_name(sheet)),
        ("Date of this packet", sheet.data.generated_on.isoformat()),
    ]
    qr_size = 1.45 * 72
    info = field_table(rows, sheet.width - qr_size - 18, sheet.gaps, label_share=0.38)
    qr_block = Table(
        [[_qr(f"{case.number} {case.chassis}", qr_size)], [para("Case and chassis", styles.SMALL)]],
        colWidths=[qr_size],
    )
    qr_block.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    layout = Table([[info, qr_block]], colWidths=[sheet.width - qr_size - 12, qr_size + 12])
    layout.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    story += [layout, Spacer(1, 0.4 * 72)]
    story.append(note_box([facts.NOT_LEGAL_ADVICE], sheet.width))
    story.append(PageBreak())
    return story


# --- vehicle --------------------------------------------------------------------------------


def _photo(sheet: Sheet) -> Flowable | None:
    for attached in sheet.data.attached(AttachmentType.PHOTO):
        enclosure, problem = prepare(attached, AttachmentType.PHOTO.label)
        if enclosure is None or enclosure.image is None:
            if problem:
                sheet.warn(problem)
            continue
        width, height = enclosure.image.getSize()
        scale = min(sheet.width / width, 3.0 * 72 / height)
        image = Image(str(attached.path), width * scale, height * scale, hAlign="LEFT")
        return KeepTogether([subheading("Photo"), image])
    return None


def vehicle_summary(sheet: Sheet) -> list[Flowable]:
    case = sheet.case
    story: list[Flowable] = [heading("Vehicle summary")]
    rows = [
        ("Chassis number (車台番号)", case.chassis),
        ("Make and model", " ".join(p for p in (case.make, case.model) if p) or None),
        ("Model code (型式)", case.model_code),
        ("Body", case.body_type.value),
        (
            "Built (date of manufacture)",
            _partial(case.built)
            or ("not known; the first registration stands in" if case.first_registered else None),
        ),
        (
            "First registered (初度検査年月)",
            f"{case.first_registered} ({japanese_era_text(case.first_registered)})"
            if case.first_registered
            else None,
        ),
        ("Engine (原動機の型式)", _engine_text(sheet)),
        ("Drive", case.drive),
        ("Colour", case.colour),
        ("Dimensions", _dimensions(sheet)),
        ("Odometer", odometer_text(sheet)),
    ]
    story.append(field_table(rows, sheet.width, sheet.gaps))
    story.append(Spacer(1, 6))
    story.append(rich([("b", "Kei class: "), ("", case.kei_class.summary)], styles.BODY))
    story.append(para(f"Source: {case.kei_class.source}", styles.SMALL))
    photo = _photo(sheet)
    if photo is not None:
        story += [Spacer(1, 6), photo]
    return story


# --- compliance -----------------------------------------------------------------------------


def compliance_summary(sheet: Sheet) -> list[Flowable]:
    case = sheet.case
    story: list[Flowable] = [heading("Compliance summary")]
    eligibility = case.eligibility
    if eligibility is None:
        story.append(
            field_table([("Build date or first registration", None)], sheet.width, sheet.gaps)
        )
        sheet.warn("No build date or first registration date: the age rules cannot be shown.")
    else:
        rows = []
        when = "the arrival date" if case.eta == eligibility.on else "today"
        for result in eligibility.results:
            verdict = "Met" if result.eligible else "NOT met"
            rows.append(
                [
                    Paragraph(f"<b>{markup(result.title)}</b>", styles.CELL),
                    Paragraph(
                        markup(
                            f"{verdict} on {eligibility.on.isoformat()} ({when}). "
                            f"{result.explanation}"
                        ),
                        styles.CELL,
                    ),
                    Paragraph(
                        markup(f"{result.citation}; verified {facts.REFERENCE_AS_OF.isoformat()}"),
                        styles.CELL_SMALL,
                    ),
                ]
            )
        width = sheet.width
        story.append(
            grid_table(
                ["Rule", "Basis and date", "Citation"],
                rows,
                [width * 0.24, width * 0.48, width * 0.28],
                highlight={
                    i: styles.GAP_FILL
                    for i, result in enumerate(eligibility.results)
                    if not result.eligible
                },
            )
        )
        basis = (
            "date of manufacture"
            if eligibility.basis.value == "manufacture"
            else "first registration (初度検査年月), the build date being unknown"
        )
        story.append(
            para(f"Ages counted from the {basis}: {eligibility.basis_date}.", styles.SMALL)
        )
        if not eligibility.fmvss.eligible:
            sheet.warn(
                f"The truck is not 25 years old on {eligibility.on.isoformat()} "
                f"(eligible from {eligibility.fmvss.eligible_on.isoformat()})."
            )
    story.append(subheading("Customs entry"))
    duty_paid = str(case.duty_paid) if case.duty_paid else None
    story.append(
        field_table(
            [
                ("Entry number (CBP 7501)", case.entry_number),
                ("Release date", _date(case.release_date)),
                ("Port of entry", case.port_of_entry),
                ("Duty paid", duty_paid),
            ],
            sheet.width,
            sheet.gaps,
        )
    )
    return story


# --- state registration guide ---------------------------------------------------------------


def _yes_no(value: bool | None) -> str:
    return {True: "allowed", False: "not allowed", None: "not stated in the rule on file"}[value]


def state_guide(sheet: Sheet, *, title: str = "State registration guide") -> list[Flowable]:
    case = sheet.case
    rule = case.state_rule
    story: list[Flowable] = [heading(title)]
    if rule is None:
        story.append(field_table([("Destination state", None)], sheet.width, sheet.gaps))
        story.append(Spacer(1, 6))
        story.append(
            note_box(
                [
                    "No destination state is recorded on this case, so no state rule can be "
                    "shown. Record the customer's state and build the packet again.",
                    facts.NOT_LEGAL_ADVICE,
                ],
                sheet.width,
                kind="gap",
            )
        )
        sheet.warn("No destination state on the case: the state registration guide is empty.")
        return story
    speed = f"{rule.max_speed_mph} mph" if rule.max_speed_mph else "not stated in the rule on file"
    verified = rule.verified_on.isoformat()
    rows: list[tuple[str, Any]] = [
        ("State", f"{rule.name} ({rule.code})"),
        ("Registration path", rule.path.label + (" (under review)" if rule.under_review else "")),
        ("Road limits", rule.road_limits),
        ("Maximum posted speed", speed),
        ("Interstate highways", _yes_no(rule.interstate_allowed)),
        ("Citation", rule.citation),
        ("Source", rule.source),
        ("Rule as of", f"{rule.as_of.isoformat()} ({rule.as_of_note})"),
        (
            "Last verified",
            verified
            + (f" by {rule.updated_by}" if rule.locally_verified_on and rule.updated_by else ""),
        ),
        ("Confidence", f"{rule.confidence.value}: {rule.confidence.label}"),
    ]
    story.append(field_table(rows, sheet.width, sheet.gaps, label_share=0.26))
    story.append(subheading("Documents to bring"))
    items = [ListItem(para(doc), leftIndent=12, value="square") for doc in rule.documents]
    story.append(
        ListFlowable(items, bulletType="bullet", start="square", bulletFontSize=6, leftIndent=12)
    )
    if rule.notes:
        story.append(subheading("Notes on this rule"))
        story.append(para(rule.notes))
    for warning in rule.warnings:
        sheet.warn(f"{rule.name} rule: {warning}")
    warnings = [
        *rule.warnings,
        f"Confirm this rule with the {rule.name} motor vehicle agency before relying on it: it "
        f"was last verified on {verified}. {facts.NOT_LEGAL_ADVICE}",
    ]
    story += [Spacer(1, 8), KeepTogether([note_box(warnings, sheet.width)])]
    if rule.path in {PathKind.NONE, PathKind.UNKNOWN, PathKind.UNDER_REVIEW}:
        sheet.warn(f"{rule.name}: {rule.path.label.lower()}; see the state registration guide.")
    return story


# --- bill of sale and odometer --------------------------------------------------------------


def bill_of_sale(sheet: Sheet) -> list[Flowable]:
    case = sheet.case
    profile = sheet.data.profile
    customer = case.customer
    story: list[Flowable] = [heading("Bill of sale")]
    story.append(subheading("Seller"))
    story.append(
        field_table(
            [
                ("Name", profile.business_name or None),
                ("Address", profile.address.replace("\n", ", ") or None),
                ("Dealer licence", profile.dealer_licence or "none recorded"),
            ],
            sheet.width,
            sheet.gaps,
            context="Seller",
        )
    )
    story.append(subheading("Buyer"))
    story.append(
        field_table(
            [
                ("Name", customer.name if customer else None),
                ("Address", (customer.address if customer else None)),
                ("Phone", (customer.phone if customer and customer.phone else "—")),
            ],
            sheet.width,
            sheet.gaps,
            context="Buyer",
        )
    )
    story.append(subheading("Vehicle"))
    story.append(
        field_table(
            [
                ("Chassis number (車台番号)", case.chassis),
                ("Year, make and model", vehicle_headline(sheet)),
                ("Odometer", odometer_text(sheet)),
            ],
            sheet.width,
            sheet.gaps,
        )
    )
    story.append(subheading("Sale"))
    lines = Table(
        [
            [para("Sale price (US$)"), ""],
            [para("Date of sale"), ""],
        ],
        colWidths=[sheet.width * 0.34, sheet.width * 0.4],
        hAlign="LEFT",
    )
    lines.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (1, 0), (1, -1), 0.8, styles.INK),
                ("TOPPADDING", (0, 0), (-1, -1), 10),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    story.append(lines)
    story.append(Spacer(1, 8))
    story.append(
        para(
            "The seller sells the vehicle described above to the buyer for the price stated, and "
            "states that it has the right to sell it. The vehicle is sold as is.",
        )
    )
    story.append(
        signature_block(
            [("Seller", profile.business_name), ("Buyer", customer.name if customer else "")],
            sheet.width,
        )
    )
    return story


def odometer_statement(sheet: Sheet) -> list[Flowable]:
    case = sheet.case
    odometer = case.odometer
    story: list[Flowable] = [heading("Odometer disclosure statement")]
    km_dial = odometer is not None and odometer.unit is DistanceUnit.KM
    reading = (
        f"{odometer.value:,} {'km' if km_dial else 'miles'} on the dial"
        + (f" = {odometer.miles:,} miles" if km_dial else "")
        if odometer
        else None
    )
    story.append(
        field_table(
            [
                ("Vehicle", f"{vehicle_headline(sheet)}, chassis {case.chassis}"),
                ("Odometer", reading),
            ],
            sheet.width,
            sheet.gaps,
        )
    )
    story.append(Spacer(1, 8))
    story.append(para("The seller states, to the best of its knowledge, that the reading:"))
    suggestion = "  (suggested for this truck: its dial reads kilometres)" if km_dial else ""
    story.append(
        choices(
            [
                ("reflects the actual mileage of the vehicle.", False),
                ("exceeds the odometer's mechanical limits.", False),
                (
                    "is NOT the actual mileage: actual mileage unknown (for example, the dial was "
                    "converted from kilometres or the history in Japan is not known)." + suggestion,
                    False,
                ),
            ],
            sheet.width,
        )
    )
    story.append(Spacer(1, 4))
    story.append(
        para(
            "Many states require this disclosure on their own form or on the title application; "
            "use the state's form where it asks for one (confirm with the state agency).",
            styles.SMALL,
        )
    )
    story.append(
        signature_block(
            [
                ("Seller (transferor)", sheet.data.profile.business_name),
                ("Buyer (transferee)", _customer_name(sheet) or ""),
            ],
            sheet.width,
        )
    )
    return story


# --- translation sheet ----------------------------------------------------------------------


def translation_sheet(sheet: Sheet) -> list[Flowable]:
    case = sheet.case
    story: list[Flowable] = [
        heading(
            "Translation of the Japanese export certificate",
            outline="Translation: export certificate (輸出予定届出証明書)",
        )
    ]
    story.append(
        rich(
            [
                ("b", "Document: 輸出予定届出証明書"),
                (
                    "",
                    " — Export Schedule Notification Certificate, the kei vehicle export "
                    "certificate issued by the Light Motor Vehicle Inspection Organization "
                    "(軽自動車検査協会).",
                ),
            ]
        )
    )
    story.append(para(f"Source: {facts.KEI_EXPORT_CERTIFICATE.source_line}", styles.SMALL))
    story.append(Spacer(1, 6))
    first = case.first_registered
    rows: list[list[Any]] = []

    def row(japanese: str, english: str, value: str | None, what: str) -> None:
        cell: Any = Paragraph(markup(value), styles.CELL) if value else gap_cell(what, sheet.gaps)
        rows.append(
            [
                Paragraph(markup(japanese), styles.CELL),
                Paragraph(markup(english), styles.CELL),
                cell,
            ]
        )

    row("車名", "Make", case.make, "Make")
    row(
        "型式",
        "Model / type code (may carry an emissions prefix, e.g. GD-)",
        case.model_code,
        "Model code",
    )
    row(
        "車台番号",
        'Chassis (frame) number; in English on some certificates "Maker\'s serial number"',
        case.chassis,
        "Chassis number",
    )
    row("原動機の型式", "Engine model", case.engine, "Engine model")
    row(
        "初度検査年月",
        "First inspection year and month (kei vehicles; not the date of manufacture)",
        f"{japanese_era_text(first)} = {first}" if first else None,
        "First inspection date (初度検査年月)",
    )
    width = sheet.width
    table = grid_table(
        ["Japanese label", "English", "On this certificate"],
        rows,
        [width * 0.22, width * 0.46, width * 0.32],
    )
    story.append(table)
    story.append(Spacer(1, 6))
    story += [
        para(
            f"Field list: {facts.CERTIFICATE_FIELDS.source_line}. "
            f"{facts.FIRST_INSPECTION_DATE.text} ({facts.FIRST_INSPECTION_DATE.citation}, "
            f"reference §{facts.FIRST_INSPECTION_DATE.section}).",
            styles.SMALL,
        ),
        para(
            "Fields the certificate shows that are not listed here (owner 所有者, user 使用者, "
            "remarks 備考, body shape 車体の形状) are translated by hand below if a state asks.",
            styles.SMALL,
        ),
        Spacer(1, 6),
    ]
    extra = Table(
        [["", ""], ["", ""], ["", ""]],
        colWidths=[width * 0.3, width * 0.7],
        rowHeights=[20, 20, 20],
        hAlign="LEFT",
    )
    extra.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, styles.RULE)]))
    story.append(extra)
    story.append(Spacer(1, 8))
    story.append(
        para(
            "I certify that this is a true and accurate translation of the fields shown from the "
            "Japanese export certificate for the vehicle above.",
        )
    )
    story.append(signature_block([("Translator", "")], sheet.width))
    story.append(Spacer(1, 8))
    story.append(
        para(
            "Some states ask for a notarized translation. For example, "
            + facts.NOTARIZED_TRANSLATION.text
            + f" Source: {facts.NOTARIZED_TRANSLATION.source_line}.",
            styles.SMALL,
        )
    )
    return story


# --- checklist, enclosures and signature ----------------------------------------------------


def resolve_checklist(sheet: Sheet, items: list[ChecklistItem]) -> list[Enclosure]:
    """Decide each item's status and read the attachments to enclose, in checklist order."""
    enclosures: list[Enclosure] = []
    for item in items:
        if item.source is Source.GENERATED:
            item.status, item.enclosed = "In this packet", True
            continue
        if item.source is Source.SEPARATE:
            item.status = "Not produced by keidesk: obtain and bring separately"
            continue
        assert item.attachment is not None
        files: list[AttachedFile] = sheet.data.attached(item.attachment)
        readable = 0
        problems = 0
        for attached in files:
            enclosure, problem = prepare(attached, item.label)
            if enclosure is None:
                problems += 1
                sheet.warn(problem or f"'{attached.document.original_name}' was left out.")
                continue
            readable += 1
            enclosures.append(enclosure)
        if readable:
            names = ", ".join(e.attached.document.original_name for e in enclosures[-readable:])
            item.status, item.enclosed = f"Enclosed: {names}", True
        elif problems:
            item.status = "UNREADABLE: the attached file could not be read; bring the original"
        elif item.required:
            item.status = "MISSING: not attached to the case"
            sheet.missing_documents.append(item.label)
            sheet.warn(f"Missing document: {item.label} is not attached to the case.")
        else:
            item.status = "Not attached (optional)"
    return enclosures


def checklist(sheet: Sheet, items: list[ChecklistItem], *, title: str) -> list[Flowable]:
    story: list[Flowable] = [heading(title)]
    rows = []
    missing_rows: dict[int, Any] = {}
    for index, item in enumerate(items):
        mark = "■" if item.enclosed else "□"
        if not item.enclosed and item.source is not Source.SEPARATE and item.required:
            missing_rows[index] = styles.GAP_FILL
        rows.append([mark, item.label, item.status])
    width = sheet.width
    story.append(
        grid_table(
            ["", "Document", "Status"],
            rows,
            [width * 0.06, width * 0.5, width * 0.44],
            highlight=missing_rows,
        )
    )
    story.append(Spacer(1, 4))
    story.append(
        para(
            "■ enclosed or part of this packet   □ not enclosed. Enclosed scans follow the "
            "signature page in the order of this list.",
            styles.SMALL,
        )
    )
    return story


def enclosure_pages(sheet: Sheet, enclosures: list[Enclosure]) -> list[Flowable]:
    story: list[Flowable] = []
    for enclosure in enclosures:
        sheet.enclosure_count += 1
        for index in range(enclosure.page_count):
            story.append(PageBreak())
            story.append(EnclosurePage(enclosure, index, sheet.slots, number=sheet.enclosure_count))
    return story


def signature_page(sheet: Sheet, statement: str) -> list[Flowable]:
    story: list[Flowable] = [heading("Signatures"), para(statement), Spacer(1, 6)]
    story.append(
        signature_block(
            [
                ("For the importer", sheet.data.profile.business_name),
                ("Customer", _customer_name(sheet) or ""),
            ],
            sheet.width,
        )
    )
    return story


def state_items(sheet: Sheet) -> list[ChecklistItem]:
    """The destination state's document list as checklist items, matched to what keidesk
    encloses; without a state, the documents every state on file asks for."""
    rule = sheet.case.state_rule
    documents = rule.documents if rule is not None else DEFAULT_STATE_DOCUMENTS
    items: list[ChecklistItem] = []
    for document in documents:
        lowered = document.lower()
        if lowered.startswith("confirm the list"):
            continue
        match = next((t for keys, t in _STATE_DOC_MATCHES if any(k in lowered for k in keys)), None)
        if match is None and "bill of sale" in lowered:
            items.append(ChecklistItem(document, Source.GENERATED))
        elif match is None:
            items.append(ChecklistItem(document, Source.SEPARATE, required=False))
        else:
            items.append(ChecklistItem(document, Source.ATTACHMENT, match))
            if match is AttachmentType.EXPORT_CERTIFICATE:
                items.append(
                    ChecklistItem("English translation of the export certificate", Source.GENERATED)
                )
    return items


#: Documents every researched state lists (resources/state_rules.csv).
DEFAULT_STATE_DOCUMENTS = (
    "CBP Form 7501 entry summary, stamped by CBP",
    "NHTSA HS-7 declaration (box 1)",
    "EPA Form 3520-1 declaration (code E)",
    "Japanese export certificate (輸出予定届出証明書) with English translation",
    "Bill of sale",
)

_STATE_DOC_MATCHES: tuple[tuple[tuple[str, ...], AttachmentType], ...] = (
    (("7501",), AttachmentType.CBP_7501),
    (("hs-7",), AttachmentType.HS7),
    (("3520-1",), AttachmentType.EPA_3520_1),
    (("export certificate",), AttachmentType.EXPORT_CERTIFICATE),
)
