"""The DMV packet: the title application checklist for the customer's state and what it lists."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak

from keidesk.packets.catalog import PacketKind
from keidesk.packets.sections import (
    ChecklistItem,
    Sheet,
    bill_of_sale,
    checklist,
    cover,
    enclosure_pages,
    resolve_checklist,
    state_guide,
    state_items,
    translation_sheet,
)


def checklist_items(sheet: Sheet) -> list[ChecklistItem]:
    return state_items(sheet)


def story(sheet: Sheet) -> list[Flowable]:
    items = checklist_items(sheet)
    enclosures = resolve_checklist(sheet, items)
    rule = sheet.case.state_rule
    state = rule.name if rule is not None else "the customer's state"
    flowables: list[Flowable] = []
    flowables += cover(
        sheet,
        PacketKind.DMV.label,
        f"For the title and registration clerk in {state}: the documents for a title "
        "application for this imported truck.",
    )
    flowables += checklist(sheet, items, title=f"Title application checklist: {state}")
    flowables.append(PageBreak())
    for section in (state_guide, bill_of_sale, translation_sheet):
        flowables += section(sheet)
        flowables.append(PageBreak())
    flowables.pop()
    flowables += enclosure_pages(sheet, enclosures)
    return flowables
