"""The customer handover packet: what the customer takes home with the truck."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from keidesk.packets.catalog import packet_title
from keidesk.packets.sections import (
    Sheet,
    bill_of_sale,
    checklist,
    checklist_items,
    compliance_summary,
    cover,
    enclosure_pages,
    enclosures_of,
    odometer_statement,
    signature_page,
    state_guide,
    translation_sheet,
    vehicle_summary,
)


def story(sheet: Sheet) -> list[Flowable]:
    items = checklist_items(sheet)
    body: list[Flowable] = []
    for section in (
        vehicle_summary,
        compliance_summary,
        state_guide,
        bill_of_sale,
        odometer_statement,
        translation_sheet,
    ):
        body += section(sheet)
        body.append(PageBreak())
    body += checklist(sheet, items, title="Checklist of enclosed documents")
    body.append(PageBreak())
    body += signature_page(
        sheet,
        "The customer received the truck described in this packet and the documents marked as "
        "enclosed on the checklist.",
    )
    body += enclosure_pages(sheet, enclosures_of(items))
    rule = sheet.case.state_rule
    audience = (
        "For the customer: keep these papers with the truck."
        if sheet.no_road
        else "For the customer: keep these papers "
        "with the truck and bring them to the motor vehicle agency."
    )
    front = cover(sheet, packet_title(sheet.kind, rule.path if rule else None), audience)
    return front + body
