"""Search that finds: the search text folded as a typed query is, over more of the case.

``cases.search_text`` held the chassis, model, customer's name and notes, lower-cased: a
full-width ``ＤＡ７１Ｔ－４７７５`` found nothing, nor did a phone, an e-mail, the state, a step's
note or a document's title. Each case's text is made again here by
:func:`keidesk.storage.events.compose_search_text` (the one place that says what is searched,
folded by :func:`keidesk.domain.chassis.fold_for_search`), in chunks. SQLite's trigram index
(``case_fts``) is rebuilt once at the end rather than row by row; PostgreSQL gets ``pg_trgm``
and a GIN trigram index on the text, which serves the ILIKE each searched word becomes.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from keidesk.storage.events import compose_search_text

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHUNK = 20_000
PG_INDEX = "ix_cases_search_text_trgm"


def recompute_search_text(connection: sa.Connection) -> None:
    """Every case's search text, from its rows, a chunk of cases at a time."""
    read = sa.text(
        "SELECT cases.id, vehicles.chassis_number, vehicles.model_code, vehicles.make,"
        " vehicles.model, customers.name, customers.phone, customers.email,"
        " cases.destination_state, cases.notes"
        " FROM cases JOIN vehicles ON vehicles.id = cases.vehicle_id"
        " LEFT JOIN customers ON customers.id = cases.customer_id"
        " WHERE cases.id > :after ORDER BY cases.id LIMIT :chunk"
    )
    steps = sa.text(
        "SELECT case_id, note FROM workflow_steps WHERE case_id > :after AND case_id <= :last"
        " AND note != '' ORDER BY case_id, position"
    )
    documents = sa.text(
        "SELECT case_id, title FROM documents WHERE case_id > :after AND case_id <= :last"
        " AND removed_at IS NULL ORDER BY case_id, id"
    )
    write = sa.text("UPDATE cases SET search_text = :text WHERE id = :case_id")
    after = 0
    while True:
        rows = connection.execute(read, {"after": after, "chunk": CHUNK}).all()
        if not rows:
            break
        bounds = {"after": after, "last": rows[-1].id}
        notes: dict[int, list[str]] = defaultdict(list)
        for case_id, note in connection.execute(steps, bounds):
            notes[case_id].append(note)
        titles: dict[int, list[str]] = defaultdict(list)
        for case_id, title in connection.execute(documents, bounds):
            titles[case_id].append(title)
        connection.execute(
            write,
            [
                {
                    "case_id": row.id,
                    "text": compose_search_text(
                        chassis=row.chassis_number,
                        model_code=row.model_code,
                        make=row.make,
                        model=row.model,
                        customer=row.name,
                        phone=row.phone,
                        email=row.email,
                        state=row.destination_state,
                        notes=row.notes,
                        step_notes=notes.get(row.id, ()),
                        document_titles=titles.get(row.id, ()),
                    ),
                }
                for row in rows
            ],
        )
        after = rows[-1].id


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name != "sqlite":
        recompute_search_text(connection)
        if connection.dialect.name == "postgresql":
            op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            op.execute(
                f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON cases"
                " USING gin (search_text gin_trgm_ops)"
            )
        return
    # SQLite: the index is made again once at the end, not one row at a time by the trigger.
    trigger = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'cases_fts_update'"
    ).scalar()
    if trigger:
        connection.exec_driver_sql("DROP TRIGGER cases_fts_update")
    recompute_search_text(connection)
    if trigger:
        connection.exec_driver_sql(str(trigger))
        connection.exec_driver_sql("INSERT INTO case_fts(case_fts) VALUES ('rebuild')")


def downgrade() -> None:
    # The richer text is a superset of the old one: the older search still finds with it.
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
