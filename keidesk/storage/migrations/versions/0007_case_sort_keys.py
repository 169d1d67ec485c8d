"""The case list's sort keys stored on the case, one index each.

Sorting the list by make, model, customer (columns of joined tables) sorted every row for every
page: 2–5 s at 1,000,000 cases. ``cases.sort_*`` hold each column's key normalised (lower-cased,
"" for none), so an index on the key (SQLite adds the row id) serves ``ORDER BY key, id`` and the
keyset paging after any row, both ways. Existing cases get their keys here, in chunks.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Each key column and its length.
KEYS = (
    ("sort_chassis", 32),
    ("sort_vehicle", 200),
    ("sort_model", 120),
    ("sort_built", 10),
    ("sort_eligible_on", 10),
    ("sort_customer", 200),
    ("sort_state", 2),
)
CHUNK = 20_000


def _keys(row: Any) -> dict[str, Any]:
    # The same keys as keidesk.storage.events.sort_keys_for, from the stored columns.
    make, model = row.make or "", row.model or ""
    eligible = row.fmvss_eligible_on
    if isinstance(eligible, date):
        eligible = eligible.isoformat()
    return {
        "case_id": row.id,
        "sort_chassis": (row.chassis_number or "").lower(),
        "sort_vehicle": " ".join(p for p in (make, model) if p).lower(),
        "sort_model": model.lower(),
        "sort_built": row.built or "",
        "sort_eligible_on": eligible or "",
        "sort_customer": (row.name or "").lower(),
        "sort_state": row.destination_state or "",
    }


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        for name, length in KEYS:
            batch_op.add_column(
                sa.Column(name, sa.String(length=length), server_default="", nullable=False)
            )
    connection = op.get_bind()
    read = sa.text(
        "SELECT cases.id, vehicles.chassis_number, vehicles.make, vehicles.model,"
        " vehicles.built, vehicles.fmvss_eligible_on, customers.name, cases.destination_state"
        " FROM cases JOIN vehicles ON vehicles.id = cases.vehicle_id"
        " LEFT JOIN customers ON customers.id = cases.customer_id"
        " WHERE cases.id > :after ORDER BY cases.id LIMIT :chunk"
    )
    write = sa.text(
        "UPDATE cases SET "
        + ", ".join(f"{name} = :{name}" for name, _length in KEYS)
        + " WHERE id = :case_id"
    )
    after = 0
    while True:
        rows = connection.execute(read, {"after": after, "chunk": CHUNK}).all()
        if not rows:
            break
        connection.execute(write, [_keys(row) for row in rows])
        after = rows[-1].id
    with op.batch_alter_table("cases") as batch_op:
        for name, _length in KEYS:
            batch_op.create_index(f"ix_cases_{name}", [name], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        for name, _length in KEYS:
            batch_op.drop_index(f"ix_cases_{name}")
        for name, _length in reversed(KEYS):
            batch_op.drop_column(name)
