"""Initial schema: cases, vehicles, customers, steps, documents, rules, codes, history.

Also the SQLite-only parts that the ORM cannot describe: the trigram full-text index over
``cases.search_text`` (kept in step by triggers) and the triggers that make ``history``
append-only.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-21 08:47:20.599403
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "chassis_codes",
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("make", sa.String(length=60), nullable=False),
        sa.Column("model", sa.String(length=120), nullable=False),
        sa.Column("body", sa.String(length=20), nullable=False),
        sa.Column("drive", sa.String(length=8), nullable=True),
        sa.Column("first_year", sa.Integer(), nullable=True),
        sa.Column("first_month", sa.Integer(), nullable=True),
        sa.Column("last_year", sa.Integer(), nullable=True),
        sa.Column("last_month", sa.Integer(), nullable=True),
        sa.Column("in_production", sa.Boolean(), nullable=False),
        sa.Column("engine", sa.String(length=40), nullable=True),
        sa.Column("engine_cc", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column(
            "confidence",
            sa.Enum("P", "S", "U", name="confidence", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("updated_by", sa.String(length=80), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=60), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("state_code", sa.String(length=2), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_customers_name"), ["name"], unique=False)

    op.create_table(
        "history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(length=80), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("entity", sa.String(length=24), nullable=False),
        sa.Column("entity_key", sa.String(length=40), nullable=False),
        sa.Column("action", sa.String(length=8), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=True),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("history", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_history_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_history_entity", ["entity", "entity_key"], unique=False)

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "state_rules",
        sa.Column("code", sa.String(length=2), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column(
            "path",
            sa.Enum(
                "standard",
                "restricted",
                "offroad_only",
                "none",
                "under_review",
                "unknown",
                name="pathkind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("under_review", sa.Boolean(), nullable=False),
        sa.Column("max_speed_mph", sa.Integer(), nullable=True),
        sa.Column("interstate_allowed", sa.Boolean(), nullable=True),
        sa.Column("road_limits", sa.Text(), nullable=False),
        sa.Column("documents", sa.JSON(), nullable=False),
        sa.Column("citation", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("as_of_note", sa.Text(), nullable=False),
        sa.Column(
            "confidence",
            sa.Enum("P", "S", "U", name="confidence", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("locally_verified_on", sa.Date(), nullable=True),
        sa.Column("updated_by", sa.String(length=80), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "vehicles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chassis_number", sa.String(length=32), nullable=False),
        sa.Column("identifier_kind", sa.String(length=8), nullable=False),
        sa.Column("model_code", sa.String(length=12), nullable=True),
        sa.Column("make", sa.String(length=60), nullable=True),
        sa.Column("model", sa.String(length=120), nullable=True),
        sa.Column(
            "body_type",
            sa.Enum("truck", "van", name="bodytype", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("built", sa.String(length=10), nullable=True),
        sa.Column("first_registered", sa.String(length=10), nullable=True),
        sa.Column(
            "eligibility_basis",
            sa.Enum(
                "manufacture", "first_registration", name="basis", native_enum=False, length=24
            ),
            nullable=True,
        ),
        sa.Column("fmvss_eligible_on", sa.Date(), nullable=True),
        sa.Column("epa_eligible_on", sa.Date(), nullable=True),
        sa.Column("engine", sa.String(length=40), nullable=True),
        sa.Column("engine_cc", sa.Integer(), nullable=True),
        sa.Column("drive", sa.String(length=8), nullable=True),
        sa.Column("colour", sa.String(length=40), nullable=True),
        sa.Column("length_mm", sa.Integer(), nullable=True),
        sa.Column("width_mm", sa.Integer(), nullable=True),
        sa.Column("height_mm", sa.Integer(), nullable=True),
        sa.Column("odometer_value", sa.Integer(), nullable=True),
        sa.Column(
            "odometer_unit",
            sa.Enum("km", "mi", name="distanceunit", native_enum=False, length=24),
            nullable=True,
        ),
        sa.Column("purchase_price_minor", sa.Integer(), nullable=True),
        sa.Column("purchase_currency", sa.String(length=3), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("chassis_number"),
    )
    with op.batch_alter_table("vehicles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vehicles_fmvss_eligible_on"), ["fmvss_eligible_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_vehicles_model_code"), ["model_code"], unique=False)

    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("vehicle_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("destination_state", sa.String(length=2), nullable=True),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("stage_since", sa.DateTime(), nullable=False),
        sa.Column("vessel", sa.String(length=120), nullable=True),
        sa.Column("bill_of_lading", sa.String(length=60), nullable=True),
        sa.Column("port_of_loading", sa.String(length=80), nullable=True),
        sa.Column("port_of_entry", sa.String(length=80), nullable=True),
        sa.Column("etd", sa.Date(), nullable=True),
        sa.Column("eta", sa.Date(), nullable=True),
        sa.Column("entry_number", sa.String(length=40), nullable=True),
        sa.Column("release_date", sa.Date(), nullable=True),
        sa.Column("customs_value_cents", sa.Integer(), nullable=True),
        sa.Column("freight_cents", sa.Integer(), nullable=True),
        sa.Column("duty_paid_cents", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
        ),
        sa.ForeignKeyConstraint(
            ["destination_state"],
            ["state_rules.code"],
        ),
        sa.ForeignKeyConstraint(
            ["vehicle_id"],
            ["vehicles.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uid"),
        sa.UniqueConstraint("vehicle_id"),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cases_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_cases_destination_state"), ["destination_state"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_cases_eta"), ["eta"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_stage"), ["stage"], unique=False)

    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "step_key",
            sa.Enum(
                "intake",
                "age",
                "lien",
                "shipping",
                "customs",
                "emissions",
                "registration",
                "handover",
                name="stepkey",
                native_enum=False,
                length=24,
            ),
            nullable=True,
        ),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("doc_type", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("original_name", sa.String(length=260), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_sha256"), ["sha256"], unique=False)

    op.create_table(
        "workflow_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "key",
            sa.Enum(
                "intake",
                "age",
                "lien",
                "shipping",
                "customs",
                "emissions",
                "registration",
                "handover",
                name="stepkey",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "todo",
                "in_progress",
                "done",
                "blocked",
                "n/a",
                name="stepstatus",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("updated_by", sa.String(length=80), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("case_id", "key", name="uq_workflow_steps_case_key"),
    )
    with op.batch_alter_table("workflow_steps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_workflow_steps_due_on"), ["due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_workflow_steps_status"), ["status"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        for statement in _SQLITE_EXTRAS:
            op.execute(statement)


_SQLITE_EXTRAS = (
    # Substring search on any 3+ characters (chassis serial fragments, Japanese names).
    "CREATE VIRTUAL TABLE case_fts USING fts5("
    "search_text, content='cases', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN "
    "INSERT INTO case_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN "
    "INSERT INTO case_fts(case_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER cases_fts_update AFTER UPDATE OF search_text ON cases BEGIN "
    "INSERT INTO case_fts(case_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO case_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER history_append_only_update BEFORE UPDATE ON history BEGIN "
    "SELECT RAISE(ABORT, 'history is append-only'); END",
    "CREATE TRIGGER history_append_only_delete BEFORE DELETE ON history BEGIN "
    "SELECT RAISE(ABORT, 'history is append-only'); END",
)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in (
            "cases_fts_insert",
            "cases_fts_delete",
            "cases_fts_update",
            "history_append_only_update",
            "history_append_only_delete",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS case_fts")
    with op.batch_alter_table("workflow_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workflow_steps_status"))
        batch_op.drop_index(batch_op.f("ix_workflow_steps_due_on"))

    op.drop_table("workflow_steps")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_sha256"))
        batch_op.drop_index(batch_op.f("ix_documents_case_id"))

    op.drop_table("documents")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_stage"))
        batch_op.drop_index(batch_op.f("ix_cases_eta"))
        batch_op.drop_index(batch_op.f("ix_cases_destination_state"))
        batch_op.drop_index(batch_op.f("ix_cases_customer_id"))

    op.drop_table("cases")
    with op.batch_alter_table("vehicles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vehicles_model_code"))
        batch_op.drop_index(batch_op.f("ix_vehicles_fmvss_eligible_on"))

    op.drop_table("vehicles")
    op.drop_table("state_rules")
    op.drop_table("settings")
    with op.batch_alter_table("history", schema=None) as batch_op:
        batch_op.drop_index("ix_history_entity")
        batch_op.drop_index(batch_op.f("ix_history_case_id"))

    op.drop_table("history")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customers_name"))

    op.drop_table("customers")
    op.drop_table("chassis_codes")
