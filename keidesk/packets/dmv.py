"""The DMV packet: the title application checklist for the customer's state and what it lists.

For a state that does not register the truck for the road (no road registration, or off-road
use only) it is titled and introduced as such, and still gathers the ownership papers.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer

from keidesk.packets import facts
from keidesk.packets.catalog import packet_title
from keidesk.packets.layout import note_box
from keidesk.packets.sections import (
    Sheet,
    bill_of_sale,
    checklist,
    checklist_items,
    cover,
    enclosure_pages,
    enclosures_of,
    state_guide,
    state_rule_basis,
    translation_sheet,
)


def story(sheet: Sheet) -> list[Flowable]:
    items = checklist_items(sheet)
    rule = sheet.case.state_rule
    state = rule.name if rule is not None else "the customer's state"
    body: list[Flowable] = []
    title = "Papers checklist" if sheet.no_road else "Title application checklist"
    body += checklist(sheet, items, title=f"{title}: {state}")
    body.append(Spacer(1, 8))
    if rule is not None:
        basis = state_rule_basis(rule)
    else:
        basis = "No destination state is recorded: this is the list every state on file asks for."
    body.append(
        note_box(
            [
                basis,
                "Confirm the list with the state agency before the visit. "
                + facts.NOT_LEGAL_ADVICE,
            ],
            sheet.width,
        )
    )
    body.append(PageBreak())
    for section in (state_guide, bill_of_sale, translation_sheet):
        body += section(sheet)
        body.append(PageBreak())
    body.pop()
    body += enclosure_pages(sheet, enclosures_of(items))
    if sheet.no_road:
        audience = (
            f"For the motor vehicle agency in {state}: the ownership and import papers of this "
            "imported truck."
        )
    else:
        audience = (
            f"For the title and registration clerk in {state}: the documents for a title "
            "application for this imported truck."
        )
    front = cover(sheet, packet_title(sheet.kind, rule.path if rule else None), audience)
    return front + body
