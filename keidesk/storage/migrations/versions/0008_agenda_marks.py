"""Agenda items marked handled or snoozed, remembered per item; indexes for the
agenda's due steps, arrivals and pending releases, and for the backup reminder it asks.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "agenda_marks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=16), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=16), nullable=False),
        sa.Column("item_date", sa.Date(), nullable=False),
        sa.Column("handled_at", sa.DateTime(), nullable=True),
        sa.Column("snoozed_until", sa.Date(), nullable=True),
        sa.Column("marked_by", sa.String(length=80), nullable=False),
        sa.Column("marked_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "topic", "case_id", "subject", "item_date", name="uq_agenda_marks_item"
        ),
    )
    op.create_index("ix_agenda_marks_case_id", "agenda_marks", ["case_id"], unique=False)
    # The agenda's arrivals and pending releases (no release yet, ETA in a range), and its
    # due and overdue steps (a due-date range), each answered from its index alone.
    op.create_index(
        "ix_cases_release_date_eta", "cases", ["release_date", "eta", "stage"], unique=False
    )
    op.create_index(
        "ix_workflow_steps_agenda",
        "workflow_steps",
        ["due_on", "case_id", "key", "status"],
        unique=False,
    )

    # The backup reminder's "when were the data first entered" (the agenda asks it each time).
    op.create_index("ix_history_at", "history", ["at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_history_at", table_name="history")
    op.drop_index("ix_workflow_steps_agenda", table_name="workflow_steps")
    op.drop_index("ix_cases_release_date_eta", table_name="cases")
    op.drop_index("ix_agenda_marks_case_id", table_name="agenda_marks")
    op.drop_table("agenda_marks")
