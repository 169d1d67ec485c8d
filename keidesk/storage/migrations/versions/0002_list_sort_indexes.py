"""Indexes for the case list: sorting by build date and days in stage, and the blocked flag.

The single-column status index made SQLite scan every blocked step for each listed case;
(status, case_id) answers "is this case blocked?" with one lookup.

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
    with op.batch_alter_table("workflow_steps") as batch_op:
        batch_op.drop_index("ix_workflow_steps_status")
        batch_op.create_index(
            "ix_workflow_steps_status_case_id", ["status", "case_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("workflow_steps") as batch_op:
        batch_op.drop_index("ix_workflow_steps_status_case_id")
        batch_op.create_index("ix_workflow_steps_status", ["status"], unique=False)
    with op.batch_alter_table("cases") as batch_op:
        batch_op.drop_index("ix_cases_stage_since")
    with op.batch_alter_table("vehicles") as batch_op:
        batch_op.drop_index("ix_vehicles_built")
