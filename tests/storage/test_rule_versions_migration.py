"""Schema 0006: each state's rule moves into versions; never-edited states take the shipped
2026-11-30 data, a rule staff corrected stays as they left it, and cases keep their state."""

from __future__ import annotations

import sqlite3
from datetime import date

from alembic import command
from sqlalchemy import create_engine

from keidesk.domain.reference import PathKind
from keidesk.services.reference import get_state_rule
from keidesk.storage.database import alembic_config, open_database
from keidesk.storage.models import StateRule

_OLD_RULE = (
    "INSERT INTO state_rules (code, name, path, under_review, max_speed_mph, interstate_allowed, "
    "road_limits, documents, citation, source, as_of, as_of_note, confidence, notes, "
    "locally_verified_on, updated_by, updated_at) VALUES "
    "(?, ?, ?, 0, ?, 0, ?, '[\"Bill of sale\"]', ?, 'old source', ?, 'old note', ?, 'old notes', "
    "?, ?, ?)"
)


def test_0006_moves_rules_into_versions_and_refreshes_only_unedited_states(tmp_path, today):
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    command.upgrade(alembic_config(engine), "0004")
    engine.dispose()
    with sqlite3.connect(path) as raw:
        raw.execute(
            _OLD_RULE,
            (
                "CO",
                "Colorado",
                "restricted",
                55,
                "old limits",
                "HB25-1281",
                "2025-05-09",
                "S",
                None,
                None,
                None,
            ),
        )
        raw.execute(
            _OLD_RULE,
            (
                "KS",
                "Kansas",
                "restricted",
                45,
                "carol's limits",
                "K.S.A. 8-1,111",
                "2026-11-01",
                "P",
                "2026-11-20",
                "carol",
                "2026-11-20 10:00:00",
            ),
        )
        raw.execute(
            "INSERT INTO vehicles (id, chassis_number, identifier_kind, body_type) "
            "VALUES (1, 'DA63T-123456', 'frame', 'truck')"
        )
        raw.execute(
            "INSERT INTO cases (id, uid, vehicle_id, destination_state, stage, stage_since, "
            "notes, search_text, created_at, updated_at) VALUES (1, 'u-1', 1, 'CO', 'intake', "
            "'2026-01-01', '', '', '2026-01-01', '2026-01-01')"
        )
    database = open_database(path)
    try:
        with database.reader() as session:
            colorado = session.get(StateRule, "CO")
            assert colorado is not None
            assert [v.effective_from for v in colorado.versions] == [None, date(2027, 7, 1)]
            assert colorado.rule_changed_at is not None  # the shipped copy replaced it
            assert colorado.agency == "Colorado Division of Motor Vehicles"
            kansas = get_state_rule(session, "KS", today=today)
            assert kansas.road_limits == "carol's limits"  # staff's correction kept
            assert kansas.max_speed_mph == 45
            assert kansas.updated_by == "carol"
            assert kansas.customer_text == ""
            assert get_state_rule(session, "TX", today=today).path is PathKind.STANDARD
            case_state = session.execute(
                StateRule.__table__.select().where(StateRule.code == "CO")
            ).first()
            assert case_state is not None
        with sqlite3.connect(path) as raw:
            assert raw.execute("SELECT destination_state FROM cases").fetchall() == [("CO",)]
            assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        database.close()
