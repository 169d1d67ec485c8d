"""The age gate's block stored as data: ``workflow_steps.blocked_by``.

A step blocked by the age gate was recognised by the start of its note ("Not FMVSS-eligible
until ..."), so a note typed by staff could be taken for the gate's. The gate now marks its
block; existing gate blocks (the age step, blocked, with the gate's note) are marked here.
The note staff see stays as it was.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: How the gate's note began in every release before this one.
_GATE_NOTE_PREFIX = "Not FMVSS-eligible until"


def upgrade() -> None:
    op.add_column(
        "workflow_steps",
        sa.Column(
            "blocked_by",
            sa.Enum("age_gate", name="blockedby", native_enum=False, length=24),
            nullable=True,
        ),
    )
    op.get_bind().execute(
        sa.text(
            "UPDATE workflow_steps SET blocked_by = 'age_gate' "
            "WHERE key = 'age' AND status = 'blocked' AND substr(note, 1, :length) = :prefix"
        ),
        {"length": len(_GATE_NOTE_PREFIX), "prefix": _GATE_NOTE_PREFIX},
    )


def downgrade() -> None:
    with op.batch_alter_table("workflow_steps") as batch_op:
        batch_op.drop_column("blocked_by")
