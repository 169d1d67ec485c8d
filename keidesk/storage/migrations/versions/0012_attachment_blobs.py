"""Attachments kept in the database: ``attachment_blobs`` and their 1 MB ``attachment_chunks``.

On a server (PostgreSQL) every seat must reach every paper, so the bytes live in the database,
by SHA-256 (see :mod:`keidesk.services.documents`). The tables are created on SQLite too, where
they stay empty (a laptop keeps its files in the folder beside the database): one schema on both
engines, so the model, this migration and ``keidesk migrate-to`` (which copies a laptop's files
into them) never differ by engine.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attachment_blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("stored_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    op.create_table(
        "attachment_chunks",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("part", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["attachment_blobs.sha256"],
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("sha256", "part"),
    )


def downgrade() -> None:
    op.drop_table("attachment_chunks")
    op.drop_table("attachment_blobs")
