"""The DMV packet: the title application checklist for the customer's state and what it lists."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer

from keidesk.packets import facts
from keidesk.packets.catalog import PacketKind
from keidesk.packets.layout import note_box
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
    flowables.append(Spacer(1, 8))
    if rule is not None:
        basis = (
            f"This list is keidesk's reference for {rule.name} ({rule.citation}; rule as of "
            f"{rule.as_of.isoformat()}, last verified {rule.verified_on.isoformat()})."
        )
    else:
        basis = "No destination state is recorded: this is the list every state on file asks for."
    flowables.append(
        note_box(
            [
                basis,
                "Confirm the list with the state agency before the visit. "
                + facts.NOT_LEGAL_ADVICE,
            ],
            sheet.width,
        )
    )
    flowables.append(PageBreak())
    for section in (state_guide, bill_of_sale, translation_sheet):
        flowables += section(sheet)
        flowables.append(PageBreak())
    flowables.pop()
    flowables += enclosure_pages(sheet, enclosures)
    return flowables
