"""The case shows "rule changed since packet was printed" with a button to acknowledge it."""

from __future__ import annotations

from datetime import timedelta

from keidesk.services.cases import case_detail
from keidesk.services.documents import StoredFile, add_document
from keidesk.services.reference import update_state_rule
from tests.conftest import FROZEN_AT


def test_acknowledging_a_rule_change_in_the_workspace(
    window, make_case, db, qtbot, today, clock_frozen
):
    case_id = make_case(state="TX")
    with db.transaction("amy") as s:
        stored = StoredFile("0" * 64, 10, "packet.pdf", "application/pdf")
        add_document(s, case_id, stored, user="amy", kind="packet", doc_type="dmv")
    clock_frozen.move_to(FROZEN_AT + timedelta(hours=1))
    with db.transaction("carol") as s:
        update_state_rule(
            s, "TX", {"customer_text": "Texas titles kei trucks."}, user="carol", today=today
        )
    workspace = window.desk.open_case(case_id)
    qtbot.waitUntil(lambda: workspace.loaded, timeout=10_000)
    assert workspace.ack_rule_button.isVisibleTo(workspace)
    assert "changed since the packet was printed" in workspace.warnings.text()
    workspace.ack_rule_button.click()
    qtbot.waitUntil(lambda: not workspace.ack_rule_button.isVisibleTo(workspace), timeout=10_000)
    with db.reader() as s:
        assert not case_detail(s, case_id, today=today).rule_changed_since_packet
