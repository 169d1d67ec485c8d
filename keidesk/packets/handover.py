"""The customer handover packet: what the customer takes home with the truck."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from keidesk.packets.catalog import AttachmentType, PacketKind
from keidesk.packets.sections import (
    ChecklistItem,
    Sheet,
    Source,
    bill_of_sale,
    checklist,
    compliance_summary,
    cover,
    enclosure_pages,
    odometer_statement,
    resolve_checklist,
    signature_page,
    state_guide,
    state_items,
    translation_sheet,
    vehicle_summary,
)


def checklist_items(sheet: Sheet) -> list[ChecklistItem]:
    items = [
        ChecklistItem("State registration guide", Source.GENERATED),
        ChecklistItem("Bill of sale", Source.GENERATED),
        ChecklistItem("Odometer disclosure statement", Source.GENERATED),
        ChecklistItem("English translation of the export certificate", Source.GENERATED),
        ChecklistItem(
            AttachmentType.EXPORT_CERTIFICATE.label,
            Source.ATTACHMENT,
            AttachmentType.EXPORT_CERTIFICATE,
        ),
        ChecklistItem(AttachmentType.CBP_7501.label, Source.ATTACHMENT, AttachmentType.CBP_7501),
        ChecklistItem(AttachmentType.HS7.label, Source.ATTACHMENT, AttachmentType.HS7),
        ChecklistItem(
            AttachmentType.EPA_3520_1.label, Source.ATTACHMENT, AttachmentType.EPA_3520_1
        ),
    ]
    items += [item for item in state_items(sheet) if item.source is Source.SEPARATE]
    return items


def story(sheet: Sheet) -> list[Flowable]:
    items = checklist_items(sheet)
    enclosures = resolve_checklist(sheet, items)
    flowables: list[Flowable] = []
    flowables += cover(
        sheet,
        PacketKind.HANDOVER.label,
        "For the customer: keep these papers "
        "with the truck and bring them to the motor vehicle agency.",
    )
    for section in (
        vehicle_summary,
        compliance_summary,
        state_guide,
        bill_of_sale,
        odometer_statement,
        translation_sheet,
    ):
        flowables += section(sheet)
        flowables.append(PageBreak())
    flowables += checklist(sheet, items, title="Checklist of enclosed documents")
    flowables.append(PageBreak())
    flowables += signature_page(
        sheet,
        "The customer received the truck described in this packet and the documents marked as "
        "enclosed on the checklist.",
    )
    flowables += enclosure_pages(sheet, enclosures)
    return flowables
