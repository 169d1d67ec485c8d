"""Alembic environment: migrations run on the engine that ``open_database`` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from keidesk.storage.models import Base

config = context.config
engine = config.attributes.get("engine")
if not isinstance(engine, Engine):
    raise RuntimeError("keidesk migrations run through keidesk.storage.database.open_database")

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
        compare_type=True,
    )
    context.run_migrations()
