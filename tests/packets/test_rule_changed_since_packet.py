"""A case shows "rule changed since packet was printed" after its state's rule changes, until
the packet is printed again (or the change is acknowledged)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from keidesk.packets import PacketKind, build_packet
from keidesk.services import cases
from keidesk.services.reference import update_state_rule
from keidesk.storage.database import Database
from tests.conftest import FROZEN_AT


def _flag(db: Database, case_id: int, today) -> bool:
    with db.reader() as s:
        return cases.case_detail(s, case_id, today=today).rule_changed_since_packet


def test_reprinting_clears_the_flag(
    db: Database, sparse_case: int, tmp_path: Path, today, clock_frozen
):
    with db.transaction("tester") as s:
        cases.update_case(s, sparse_case, {"destination_state": "TX"}, user="tester", today=today)
    build_packet(db, sparse_case, PacketKind.DMV, tmp_path / "one.pdf", user="tester", today=today)
    assert not _flag(db, sparse_case, today)
    clock_frozen.move_to(FROZEN_AT + timedelta(hours=1))
    with db.transaction("carol") as s:
        update_state_rule(
            s, "TX", {"customer_text": "Texas titles kei trucks."}, user="carol", today=today
        )
    assert _flag(db, sparse_case, today)
    with db.reader() as s:
        detail = cases.case_detail(s, sparse_case, today=today)
    assert any("changed since the packet was printed" in w for w in detail.warnings)
    clock_frozen.move_to(FROZEN_AT + timedelta(hours=2))
    build_packet(db, sparse_case, PacketKind.DMV, tmp_path / "two.pdf", user="tester", today=today)
    assert not _flag(db, sparse_case, today)
