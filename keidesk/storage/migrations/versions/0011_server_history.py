"""History append-only on PostgreSQL too, enforced by the database, and recorded as the
signed-in database role.

SQLite has had two triggers refusing UPDATE and DELETE on ``history`` since 0001. On PostgreSQL
a trigger function refuses UPDATE, DELETE and TRUNCATE whoever asks (even the tables' owner;
only dropping the trigger, which takes the owner, lifts it), and a BEFORE INSERT trigger writes
the signed-in role (``session_user``) into ``history.by`` for every person signed in with their
own role: the name in the history is the one the server checked the password of, not one anyone
can type. The owner (who runs ``keidesk server init`` and moves a laptop's data in) keeps the
names it writes, so history brought over from a laptop keeps who did what there.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_POSTGRESQL = (
    """
    CREATE OR REPLACE FUNCTION keidesk_history_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'history is append-only'
            USING ERRCODE = 'insufficient_privilege';
    END
    $$
    """,
    """
    CREATE OR REPLACE FUNCTION keidesk_history_signed_in() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF NOT pg_has_role(
            session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER'
        ) THEN
            NEW.by := session_user;
        END IF;
        RETURN NEW;
    END
    $$
    """,
    "CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE ON history"
    " FOR EACH ROW EXECUTE FUNCTION keidesk_history_append_only()",
    "CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON history"
    " FOR EACH STATEMENT EXECUTE FUNCTION keidesk_history_append_only()",
    "CREATE TRIGGER history_signed_in BEFORE INSERT ON history"
    " FOR EACH ROW EXECUTE FUNCTION keidesk_history_signed_in()",
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _POSTGRESQL:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for trigger in ("history_append_only", "history_no_truncate", "history_signed_in"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON history")
        op.execute("DROP FUNCTION IF EXISTS keidesk_history_append_only()")
        op.execute("DROP FUNCTION IF EXISTS keidesk_history_signed_in()")
