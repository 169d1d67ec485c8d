"""Costs per truck: a ledger of what each truck cost, in dollars or yen.

``costs`` holds one row per cost: its kind, the amount in integer minor units (cents, yen) and
its currency, for yen the exchange rate used on the day paid (yen per US dollar, exact decimal
text), the US-cent value worked out when recorded, the day paid and a note. Amounts are 64-bit
integers (a yen amount exceeds PostgreSQL's 32-bit INTEGER long before it is implausible).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "costs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("rate", sa.String(length=24), nullable=True),
        sa.Column("usd_cents", sa.BigInteger(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_costs_case_id", "costs", ["case_id"], unique=False)
    op.create_index("ix_costs_paid_on", "costs", ["paid_on"], unique=False)
    op.create_index("ix_costs_kind_paid_on", "costs", ["kind", "paid_on"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_costs_kind_paid_on", table_name="costs")
    op.drop_index("ix_costs_paid_on", table_name="costs")
    op.drop_index("ix_costs_case_id", table_name="costs")
    op.drop_table("costs")
