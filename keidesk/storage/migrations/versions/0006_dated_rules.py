"""Rules with dates: each state's rule in versions, its agency, and the packet-changed flag.

``state_rule_versions`` holds every version of a state's rule (``effective_from`` NULL: from
the beginning); the rule columns of ``state_rules`` move there (each becomes the state's
undated version) and ``state_rules`` keeps the state's name, its agency and
``rule_changed_at``. ``cases.planned_registration`` picks the version in force for a case;
``cases.rule_change_acknowledged_at`` clears "rule changed since packet was printed".
The shipped 2026-11-30 data then replace versions staff never edited (``storage.seed``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_RULE_COLUMNS = (
    "path",
    "under_review",
    "max_speed_mph",
    "interstate_allowed",
    "road_limits",
    "documents",
    "citation",
    "source",
    "as_of",
    "as_of_note",
    "confidence",
    "notes",
    "locally_verified_on",
    "updated_by",
    "updated_at",
)


def upgrade() -> None:
    op.create_table(
        "state_rule_versions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "state_code", sa.String(length=2), sa.ForeignKey("state_rules.code"), nullable=False
        ),
        sa.Column("effective_from", sa.Date(), nullable=True),
        sa.Column("path", sa.String(length=24), nullable=False),
        sa.Column("under_review", sa.Boolean(), nullable=False),
        sa.Column("max_speed_mph", sa.Integer(), nullable=True),
        sa.Column("interstate_allowed", sa.Boolean(), nullable=True),
        sa.Column("road_limits", sa.Text(), nullable=False),
        sa.Column("customer_text", sa.Text(), nullable=False),
        sa.Column("documents", sa.JSON(), nullable=False),
        sa.Column("citation", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("as_of_note", sa.Text(), nullable=False),
        sa.Column("confidence", sa.String(length=24), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("locally_verified_on", sa.Date(), nullable=True),
        sa.Column("updated_by", sa.String(length=80), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.UniqueConstraint("state_code", "effective_from", name="uq_state_rule_versions_start"),
    )
    op.create_index(
        "ix_state_rule_versions_state_code", "state_rule_versions", ["state_code"], unique=False
    )
    columns = ", ".join(_RULE_COLUMNS)
    op.execute(
        f"INSERT INTO state_rule_versions (state_code, effective_from, customer_text, {columns}) "
        f"SELECT code, NULL, '', {columns} FROM state_rules"
    )
    with op.batch_alter_table("state_rules") as batch_op:
        batch_op.add_column(
            sa.Column("agency", sa.String(length=120), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("agency_phone", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("agency_web", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("rule_changed_at", sa.DateTime(), nullable=True))
    # Not in batch mode: rebuilding state_rules would drop a table cases refer to. SQLite
    # (3.35+) drops a plain column in place.
    for column in _RULE_COLUMNS:
        if op.get_bind().dialect.name == "sqlite":
            op.execute(f"ALTER TABLE state_rules DROP COLUMN {column}")
        else:
            op.drop_column("state_rules", column)
    with op.batch_alter_table("cases") as batch_op:
        batch_op.add_column(sa.Column("planned_registration", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("rule_change_acknowledged_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        batch_op.drop_column("rule_change_acknowledged_at")
        batch_op.drop_column("planned_registration")
    with op.batch_alter_table("state_rules") as batch_op:
        batch_op.add_column(
            sa.Column("path", sa.String(length=24), nullable=False, server_default="unknown")
        )
        batch_op.add_column(
            sa.Column("under_review", sa.Boolean(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("max_speed_mph", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("interstate_allowed", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("road_limits", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("documents", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("citation", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("source", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("as_of", sa.Date(), nullable=False, server_default="2026-11-21")
        )
        batch_op.add_column(sa.Column("as_of_note", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("confidence", sa.String(length=24), nullable=False, server_default="U")
        )
        batch_op.add_column(sa.Column("notes", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("locally_verified_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("updated_by", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(), nullable=True))
    for column in ("rule_changed_at", "agency_web", "agency_phone", "agency"):
        if op.get_bind().dialect.name == "sqlite":
            op.execute(f"ALTER TABLE state_rules DROP COLUMN {column}")
        else:
            op.drop_column("state_rules", column)
    # The undated version (the rule since the beginning) goes back into state_rules.
    for column in _RULE_COLUMNS:
        op.execute(
            f"UPDATE state_rules SET {column} = (SELECT v.{column} FROM state_rule_versions v "
            "WHERE v.state_code = state_rules.code AND v.effective_from IS NULL)"
        )
    op.drop_index("ix_state_rule_versions_state_code", table_name="state_rule_versions")
    op.drop_table("state_rule_versions")
