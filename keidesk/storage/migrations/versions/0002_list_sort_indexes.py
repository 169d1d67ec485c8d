"""Indexes for sorting the case list by build date and by days in stage.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("vehicles") as batch_op:
        batch_op.create_index("ix_vehicles_built", ["built"], unique=False)
    with op.batch_alter_table("cases") as batch_op:
        batch_op.create_index("ix_cases_stage_since", ["stage_since"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        batch_op.drop_index("ix_cases_stage_since")
    with op.batch_alter_table("vehicles") as batch_op:
        batch_op.drop_index("ix_vehicles_built")
