"""Paperwork that closes: documents in a trash, and the sale on the case.

``documents.removed_at``/``removed_by`` put a document in the trash instead of deleting it;
``cases.sale_price_cents``, ``sale_date`` and ``payment_terms`` record the sale the bill of sale
prints; ``workflow_steps.done_reason`` keeps why a step was marked done without the papers it
expects. Attachments recorded before typed documents carry ``doc_type = 'other'``; they stay so
until staff say what they are.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch_op:
        batch_op.add_column(sa.Column("removed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("removed_by", sa.String(length=80), nullable=True))
    with op.batch_alter_table("cases") as batch_op:
        batch_op.add_column(sa.Column("sale_price_cents", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("sale_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("payment_terms", sa.Text(), nullable=True))
    with op.batch_alter_table("workflow_steps") as batch_op:
        batch_op.add_column(sa.Column("done_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("workflow_steps") as batch_op:
        batch_op.drop_column("done_reason")
    with op.batch_alter_table("cases") as batch_op:
        batch_op.drop_column("payment_terms")
        batch_op.drop_column("sale_date")
        batch_op.drop_column("sale_price_cents")
    with op.batch_alter_table("documents") as batch_op:
        batch_op.drop_column("removed_by")
        batch_op.drop_column("removed_at")
