"""Each case carries a version, bumped by every write to the case, its vehicle, its customer's
fields, its steps and its documents: a save made from a case read at an older version is
refused (or merged field by field) instead of silently overwriting the newer one.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ALTER TABLE ADD COLUMN: batch mode would rebuild ``cases`` for a NOT NULL column,
    # and the rebuild drops the search index's triggers with the old table.
    op.add_column(
        "cases", sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
    )


def downgrade() -> None:
    op.drop_column("cases", "version")  # ALTER TABLE DROP COLUMN (SQLite 3.35+), no rebuild
