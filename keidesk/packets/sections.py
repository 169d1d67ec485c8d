"""The sections packets are made of. Each takes the :class:`Sheet` being built and returns
flowables; what a section cannot fill in is shown as a gap and recorded on the sheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

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

from keidesk.domain import cbp7501
from keidesk.domain.dates import PartialDate, japanese_era_text
from keidesk.domain.documents import DocumentKind
from keidesk.domain.money import DistanceUnit
from keidesk.domain.reference import PathKind
from keidesk.packets import facts, styles
from keidesk.packets.catalog import (
    BILL_OF_SALE,
    CHECKLISTS,
    NO_ROAD_PATHS,
    ODOMETER,
    STATE_GUIDE,
    TRANSLATION,
    Entry,
    PacketKind,
    Source,
    road_sentence,
)
from keidesk.packets.data import AttachedFile, PacketData
from keidesk.packets.enclosures import Enclosure, EnclosurePage, Prepared, Slot, prepare
from keidesk.packets.fonts import markup
from keidesk.packets.gaps import Gap, Gaps, GapStatus
from keidesk.packets.layout import (
    PageRef,
    QrCode,
    ScaledImage,
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
from keidesk.services.reference import cites_document, customer_summary
from keidesk.services.views import CaseDetail, StateRuleView


@dataclass
class ChecklistItem:
    """A checklist entry as resolved for one case: what it encloses and what went wrong."""

    entry: Entry
    enclosures: list[Enclosure] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (file, reason) left out

    @property
    def label(self) -> str:
        return self.entry.label

    @property
    def enclosed(self) -> bool:
        return self.entry.source is Source.GENERATED or bool(self.enclosures)

    @property
    def is_gap(self) -> bool:
        """A needed paper not enclosed, or an attached paper that could not be read."""
        if self.entry.source is not Source.ATTACHMENT:
            return False
        return bool(self.unreadable) or (self.entry.needed and not self.enclosures)


@dataclass
class Sheet:
    """One packet being built: its data, page width, and what was missing or went wrong."""

    data: PacketData
    width: float
    height: float
    gaps: Gaps = field(default_factory=Gaps)
    warnings: list[str] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    enclosure_count: int = 0
    _prepared: dict[int, Prepared] = field(default_factory=dict)

    def warn(self, text: str) -> None:
        if text not in self.warnings:
            self.warnings.append(text)

    def prepare(self, attached: AttachedFile, label: str) -> Prepared:
        """Read an attachment once per packet (a photo is shown and enclosed from one read);
        what cannot be read is warned about once, naming the file."""
        key = attached.document.id
        if key not in self._prepared:
            self._prepared[key] = prepared = prepare(attached, label)
            if prepared[1] is not None:
                self.warn(prepared[1].message)
        return self._prepared[key]

    @property
    def kind(self) -> PacketKind:
        return self.data.kind

    @property
    def no_road(self) -> bool:
        rule = self.case.state_rule
        return rule is not None and rule.path in NO_ROAD_PATHS

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
        lines.append(markup(f"Dealer license {profile.dealer_licence}"))
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
    """The first page. Call it after the rest of the packet is put together: it lists every
    gap the packet has (and then the gap list is frozen for the DRAFT mark)."""
    case = sheet.case
    story: list[Flowable] = [*letterhead(sheet), Spacer(1, 0.9 * 72)]
    heading_flowable = heading(title)
    heading_flowable.style = styles.TITLE
    story += [heading_flowable, Spacer(1, 4)]
    story.append(para(vehicle_headline(sheet), styles.COVER_LINE))
    story.append(para(audience, styles.SMALL))
    rule = case.state_rule
    sentence = road_sentence(rule.path, rule.name) if rule is not None else None
    if sentence:
        story += [Spacer(1, 8), note_box([sentence], sheet.width, kind="gap", style=styles.BODY)]
    elif rule is not None and rule.questions and sheet.kind is not PacketKind.CUSTOMS:
        story += [Spacer(1, 8), note_box([ask_sentence(rule)], sheet.width, style=styles.BODY)]
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
        [
            [QrCode(f"{case.number} {case.chassis}", qr_size)],
            [para("Case and chassis", styles.SMALL)],
        ],
        colWidths=[qr_size],
    )
    qr_block.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    layout = Table([[info, qr_block]], colWidths=[sheet.width - qr_size - 12, qr_size + 12])
    layout.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    story += [layout, Spacer(1, 0.3 * 72)]
    story += gap_list(sheet)
    story.append(note_box([facts.NOT_LEGAL_ADVICE], sheet.width))
    story.append(PageBreak())
    return story


def ask_sentence(rule: StateRuleView) -> str:
    """The cover's sentence for a state with no settled rule on file: whom to ask."""
    contact = ", ".join(p for p in (rule.agency_phone, rule.agency_web) if p)
    agency = rule.agency + (f" ({contact})" if contact else "")
    return (
        f"No settled {rule.name} rule for registering this truck is on file. Ask the {agency} "
        "whether and how it can be registered before relying on these papers; the state "
        "registration guide lists the questions to ask."
    )


def gap_list(sheet: Sheet) -> list[Flowable]:
    """The cover's list of what the packet lacks; freezes the gap list the DRAFT mark reads."""
    gaps = sheet.gaps.freeze()
    if not gaps:
        return []
    count = f"{len(gaps)} gap{'s' if len(gaps) != 1 else ''}"
    intro = Paragraph(
        f'<font color="{styles.GAP_INK.hexval()}"><b>DRAFT: {count}.</b></font> '
        + markup(
            "This packet is not complete. Record or attach what is listed below, then build "
            "the packet again."
        ),
        styles.CELL,
    )
    half = (len(gaps) + 1) // 2
    columns = [_gap_column(gaps[:half]), _gap_column(gaps[half:])]
    width = sheet.width
    table = Table([[intro, ""], columns], colWidths=[width / 2, width / 2], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (-1, 0)),
                ("BACKGROUND", (0, 0), (-1, -1), styles.GAP_FILL),
                ("LINEBEFORE", (0, 0), (0, -1), 3, styles.GAP_INK),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, 0), 5),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 2),
                ("TOPPADDING", (0, 1), (-1, 1), 0),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 6),
            ]
        )
    )
    return [table, Spacer(1, 8)]


def _gap_column(gaps: tuple[Gap, ...]) -> Paragraph:
    """Gaps one under the other, in one paragraph (a cell each costs more to lay out)."""
    box = markup("□")
    lines = []
    for gap in gaps:
        status = gap.status.value + (f": {gap.detail}" if gap.detail else "")
        lines.append(f"{box} <b>{markup(gap.what)}</b> <font size=7.5>{markup(status)}</font>")
    return Paragraph("<br/>".join(lines), styles.CELL_SMALL)


# --- vehicle --------------------------------------------------------------------------------


def _photo(sheet: Sheet) -> Flowable | None:
    """The first readable photo of the truck (all of them are enclosed where a checklist
    asks for photos; an unreadable one is reported there)."""
    for attached in sheet.data.attached(DocumentKind.PHOTO):
        enclosure, _problem = sheet.prepare(attached, DocumentKind.PHOTO.label)
        if enclosure is None or enclosure.image is None:
            continue
        width, height = enclosure.image.getSize()
        scale = min(sheet.width / width, 3.0 * 72 / height)
        image = ScaledImage(enclosure.image, width * scale, height * scale)
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
        ("Engine model (原動機の型式)", case.engine),
        ("Displacement", f"{case.engine_cc} cc" if case.engine_cc else None),
        ("Drive", case.drive),
        ("Color", case.colour),
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
            field_table(
                [("Build date or first registration", None, "Built (date of manufacture)")],
                sheet.width,
                sheet.gaps,
            )
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
                (f"Entry number (CBP 7501, block {cbp7501.ENTRY_NUMBER})", case.entry_number),
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


#: How :func:`keidesk.services.reference.customer_summary` opens the paragraphs a packet lays
#: out itself (as a list, or in the note box); any other paragraph is printed as it is.
_BRING = "What to bring: "
_QUESTIONS = "Questions to ask the agency: "
_CONFIRM = "Confirm with the "
#: A state's list of papers may end with this reminder: printed under the list, not in it.
_CONFIRM_LIST = "confirm the list"


def state_guide(sheet: Sheet, *, title: str = "State registration guide") -> list[Flowable]:
    case = sheet.case
    rule = case.state_rule
    story: list[Flowable] = [heading(title, anchor=STATE_GUIDE)]
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
    story += state_rule_explanation(sheet, rule)
    # For staff: they go with the build's warnings, never onto the page.
    for warning in rule.warnings:
        sheet.warn(f"{rule.name} rule: {warning}")
    if rule.path in {PathKind.NONE, PathKind.UNKNOWN, PathKind.UNDER_REVIEW}:
        sheet.warn(f"{rule.name}: {rule.path.label.lower()}; see the state registration guide.")
    return story


def _rule_date(sheet: Sheet, rule: StateRuleView) -> str:
    """Which day the rule shown is the one in force on, and why that day."""
    if sheet.case.planned_registration is not None and rule.on == sheet.case.planned_registration:
        return f"{rule.on.isoformat()}, the planned registration date"
    if rule.on == sheet.data.generated_on:
        return f"{rule.on.isoformat()}, the date of this packet"
    return rule.on.isoformat()


def _in_force(rule: StateRuleView) -> str:
    start = (
        rule.effective_from.isoformat()
        if rule.effective_from is not None
        else "already in force (no start date on file)"
    )
    if rule.effective_to is not None:
        return f"{start}, until {rule.effective_to.isoformat()}"
    return start


def _next_change(rule: StateRuleView) -> str | None:
    change = rule.next_change
    if change is None:
        return None
    review = " (under review)" if change.under_review else ""
    return (
        f"From {change.effective_from.isoformat()} the rule on file becomes: "
        f"{change.path.label}{review}."
    )


def _bullets(texts: list[str], *, numbered: bool = False) -> ListFlowable:
    if numbered:
        items = [ListItem(para(text), leftIndent=16) for text in texts]
        return ListFlowable(
            items,
            bulletType="1",
            bulletFormat="%s.",
            bulletFontName=styles.BODY.fontName,
            bulletFontSize=styles.BODY.fontSize,
            leftIndent=16,
            spaceBefore=2,
        )
    items = [ListItem(para(text), leftIndent=12, value="square") for text in texts]
    return ListFlowable(items, bulletType="bullet", start="square", bulletFontSize=6, leftIndent=12)


def _papers(rule: StateRuleView) -> list[Flowable]:
    """The papers to bring as a list; the state's "confirm the list" reminder beneath it."""
    papers = [d for d in rule.documents if not d.lower().startswith(_CONFIRM_LIST)]
    reminders = [d for d in rule.documents if d.lower().startswith(_CONFIRM_LIST)]
    story: list[Flowable] = [subheading("What to bring"), _bullets(papers), Spacer(1, 3)]
    story += [para(f"{text.rstrip('.')}.") for text in reminders]
    return [*story, Spacer(1, 6)]


def _ask_the_agency(rule: StateRuleView) -> list[Flowable]:
    """For a state with no settled rule on file: whom to ask and what."""
    contact = [f"<b>{markup(rule.agency)}</b>"]
    if rule.agency_phone:
        contact.append(markup(f"Phone: {rule.agency_phone}"))
    if rule.agency_web:
        contact.append(markup(f"Web: {rule.agency_web}"))
    return [
        subheading("Questions for the agency"),
        para(
            f"No settled rule for registering this truck in {rule.name} is on file. Contact the "
            "agency, ask these questions and bring the papers listed above."
        ),
        Spacer(1, 4),
        Paragraph("<br/>".join(contact), styles.BODY),
        Spacer(1, 2),
        _bullets(list(rule.questions), numbered=True),
    ]


def _opening(rule: StateRuleView, paragraph: str) -> str:
    """The summary's first paragraph without the state and path the table above shows."""
    review = " (under review)" if rule.under_review else ""
    shown = f"{rule.name}: {rule.path.label}{review}."
    return paragraph.removeprefix(shown).strip()


def state_rule_explanation(sheet: Sheet, rule: StateRuleView) -> list[Flowable]:
    """What a packet prints to explain the destination state's rule: the plain-language
    summary for customers and clerks (:func:`customer_summary`), laid out for the page. The
    one place that words a state rule for the reader; never the research notes."""
    rows: list[tuple[str, Any]] = [
        ("State", f"{rule.name} ({rule.code})"),
        ("Registration path", rule.path.label + (" (under review)" if rule.under_review else "")),
        ("In force from", _in_force(rule)),
        ("Rule shown for", _rule_date(sheet, rule)),
    ]
    change = _next_change(rule)
    if change is not None:
        rows.append(("Next change on file", change))
    story: list[Flowable] = [field_table(rows, sheet.width, sheet.gaps, label_share=0.26)]
    story.append(Spacer(1, 8))
    shown_in_table = {rule.next_change.text if rule.next_change else None}
    if rule.effective_from is not None:
        shown_in_table.add(f"This rule applies from {rule.effective_from.isoformat()}.")
    confirm: list[str] = []
    opening, *rest = customer_summary(rule)
    if _opening(rule, opening):
        story += [para(_opening(rule, opening)), Spacer(1, 3)]
    for paragraph in rest:
        if paragraph in shown_in_table:
            continue
        if paragraph.startswith(_BRING) and rule.documents:
            story += _papers(rule)
        elif paragraph.startswith(_QUESTIONS) and rule.questions:
            story += _ask_the_agency(rule)
        elif paragraph.startswith(_CONFIRM):
            confirm.append(paragraph)
        else:
            story += [para(paragraph), Spacer(1, 3)]
    story += [Spacer(1, 8), KeepTogether([note_box(confirm, sheet.width)])]
    return story


def state_rule_basis(rule: StateRuleView) -> str:
    """The one line that says what a state's list of papers rests on."""
    verified = rule.verified_on.isoformat()
    if cites_document(rule):
        return f"This list rests on {rule.citation}; last verified {verified}."
    return (
        f"No {rule.name} statute or agency document listing these papers is on file: this is "
        f"the list usually asked for an imported kei truck; last verified {verified}."
    )


# --- bill of sale and odometer --------------------------------------------------------------


def bill_of_sale(sheet: Sheet) -> list[Flowable]:
    case = sheet.case
    profile = sheet.data.profile
    customer = case.customer
    story: list[Flowable] = [heading("Bill of sale", anchor=BILL_OF_SALE)]
    story.append(subheading("Seller"))
    story.append(
        field_table(
            [
                ("Name", profile.business_name or None),
                ("Address", profile.address.strip() or None),
                ("Dealer license", profile.dealer_licence or "none recorded"),
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
                ("Name", customer.name if customer else None, "Customer"),
                ("Address", (customer.address if customer else None), "Customer address"),
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
    story.append(
        field_table(
            [
                ("Sale price", str(case.sale_price) if case.sale_price is not None else None),
                ("Date of sale", _date(case.sale_date)),
                ("Payment terms", case.payment_terms),
            ],
            sheet.width,
            sheet.gaps,
        )
    )
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
    story: list[Flowable] = [heading("Odometer disclosure statement", anchor=ODOMETER)]
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
            anchor=TRANSLATION,
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
        "Model code (型式)",
    )
    row(
        "車台番号",
        'Chassis (frame) number; in English on some certificates "Maker\'s serial number"',
        case.chassis,
        "Chassis number",
    )
    row("原動機の型式", "Engine model", case.engine, "Engine model (原動機の型式)")
    row(
        "初度検査年月",
        "First inspection year and month (kei vehicles; not the date of manufacture)",
        f"{japanese_era_text(first)} = {first}" if first else None,
        "First registered (初度検査年月)",
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
            f"Field labels: {facts.CERTIFICATE_FIELDS.source_line}. "
            f"{facts.FIRST_INSPECTION_DATE.text} Source: "
            f"{facts.FIRST_INSPECTION_DATE.source_line}.",
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


def checklist_items(sheet: Sheet) -> list[ChecklistItem]:
    """The packet's checklist (:data:`CHECKLISTS`), then the destination state's papers that
    keidesk cannot produce, each resolved: the attached papers are read, and what is missing
    or unreadable is noted as a gap. The enclosures follow in this order."""
    entries = list(CHECKLISTS[sheet.kind])
    if sheet.kind is not PacketKind.CUSTOMS:
        entries += state_entries(sheet, entries)
    items = [_resolve(sheet, entry) for entry in entries]
    # An optional paper (enclose if present) is listed only when one is attached.
    return [i for i in items if i.entry.needed or i.enclosures or i.unreadable or _separate(i)]


def _separate(item: ChecklistItem) -> bool:
    return item.entry.source is Source.SEPARATE


def _resolve(sheet: Sheet, entry: Entry) -> ChecklistItem:
    item = ChecklistItem(entry)
    if entry.source is not Source.ATTACHMENT:
        return item
    assert entry.kind is not None
    for attached in sheet.data.attached(entry.kind):
        enclosure, problem = sheet.prepare(attached, entry.label)
        if problem is not None:
            item.unreadable.append((attached.document.original_name, problem.reason))
        elif enclosure is not None:
            item.enclosures.append(enclosure)
    if item.unreadable:
        sheet.gaps.document(
            entry.label,
            GapStatus.UNREADABLE,
            ", ".join(f"'{name}': {reason}" for name, reason in item.unreadable),
        )
    elif entry.needed and not item.enclosures:
        sheet.gaps.document(entry.label, GapStatus.MISSING)
        sheet.warn(f"Missing document: {entry.label} is not attached to the case.")
    return item


def enclosures_of(items: list[ChecklistItem]) -> list[Enclosure]:
    return [enclosure for item in items for enclosure in item.enclosures]


def _status(item: ChecklistItem) -> Any:
    """The status cell: "In this packet, page N", "Enclosed, page N: file", "Missing", …"""
    entry = item.entry
    if entry.source is Source.GENERATED:
        if entry.section:
            return PageRef("In this packet, page ", entry.section)
        return Paragraph("In this packet", styles.CELL)
    if entry.source is Source.SEPARATE:
        return Paragraph("Not produced by keidesk: obtain and bring separately", styles.CELL)
    cell: list[Flowable] = [
        PageRef(
            "Enclosed, page ",
            enclosure.anchor,
            f": {enclosure.attached.document.original_name}",
        )
        for enclosure in item.enclosures
    ]
    cell += [
        Paragraph(
            f"<b>Unreadable:</b> {markup(name)} ({markup(reason)}), left out; attach a good copy",
            styles.CELL,
        )
        for name, reason in item.unreadable
    ]
    if not cell:
        cell.append(Paragraph("<b>Missing:</b> not attached to the case", styles.CELL))
    return cell


def checklist(sheet: Sheet, items: list[ChecklistItem], *, title: str) -> list[Flowable]:
    story: list[Flowable] = [heading(title)]
    rows = []
    gap_rows: dict[int, Any] = {}
    for index, item in enumerate(items):
        mark = "■" if item.enclosed else "□"
        if item.is_gap:
            gap_rows[index] = styles.GAP_FILL
        label = item.label + ("" if item.entry.needed else " (if any)")
        if item.entry.source is Source.SEPARATE:
            label = item.label
        rows.append([mark, label, _status(item)])
    width = sheet.width
    story.append(
        grid_table(
            ["", "Document", "Status"],
            rows,
            [width * 0.06, width * 0.46, width * 0.48],
            highlight=gap_rows,
        )
    )
    story.append(Spacer(1, 4))
    story.append(
        para(
            "■ enclosed or part of this packet   □ not enclosed. Enclosed papers are at the end "
            "of the packet in the order of this list; each starts on the page given.",
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


def state_entries(sheet: Sheet, entries: list[Entry]) -> list[Entry]:
    """The destination state's papers (without a state, those every state on file asks for)
    that the packet's own checklist does not already cover: to obtain separately."""
    rule = sheet.case.state_rule
    documents = rule.documents if rule is not None else DEFAULT_STATE_DOCUMENTS
    kinds = {entry.kind for entry in entries if entry.kind is not None}
    extra: list[Entry] = []
    for document in documents:
        lowered = document.lower()
        if lowered.startswith("confirm the list") or "bill of sale" in lowered:
            continue
        named = {kind for keys, kind in _STATE_DOC_MATCHES if any(k in lowered for k in keys)}
        if named & kinds:
            continue
        extra.append(Entry(document, Source.SEPARATE))
    return extra


#: Documents every researched state lists (resources/state_rules.csv).
DEFAULT_STATE_DOCUMENTS = (
    "CBP Form 7501 entry summary, stamped by CBP",
    "NHTSA HS-7 declaration (box 1)",
    "EPA Form 3520-1 declaration (code E)",
    "Japanese export certificate (輸出予定届出証明書) with English translation",
    "Bill of sale",
)

#: Words in a state's list that name a paper keidesk encloses by kind.
_STATE_DOC_MATCHES: tuple[tuple[tuple[str, ...], DocumentKind], ...] = (
    (("7501",), DocumentKind.CBP_7501),
    (("hs-7",), DocumentKind.HS7),
    (("3520-1",), DocumentKind.EPA_3520_1),
    (("export certificate",), DocumentKind.EXPORT_CERTIFICATE),
)
