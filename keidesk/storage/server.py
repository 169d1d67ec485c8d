"""The office server: one PostgreSQL database, several seats, each person their own role.

``prepare_server`` (``keidesk server init URL``) makes a database ready: the schema through
the migrations, the extensions, and two group roles, :data:`STAFF_ROLE` (who work cases) and
:data:`MANAGER_ROLE` (who may also edit state rules, empty the trash and restore). ``add_user``
(``keidesk server add-user``) adds a person: a login role in one of the groups. The grants are
the database's own guard: a staff role cannot change history or state rules even with a SQL
client. The app checks the same membership first (:func:`require_manager`), so a refusal is a
plain sentence, not a permission error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

from keidesk.domain.errors import InvalidInput
from keidesk.domain.messages import msg
from keidesk.storage.errors import NotPermitted

STAFF_ROLE = "keidesk_staff"
MANAGER_ROLE = "keidesk_manager"
Role = Literal["staff", "manager"]
#: The group role of each role a person may be given.
GROUPS: dict[str, str] = {"staff": STAFF_ROLE, "manager": MANAGER_ROLE}
#: Tables only managers (and the owner) may change: the state rules.
MANAGER_TABLES = ("state_rules", "state_rule_versions")
#: Tables nobody changes after writing: the history (its triggers refuse even the owner).
APPEND_ONLY_TABLES = ("history",)
#: Tables the app reads only (the schema's revision).
READ_ONLY_TABLES = ("alembic_version",)
EXTENSIONS = ("pg_trgm",)

_ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def is_server(engine: Engine | Connection) -> bool:
    return engine.dialect.name == "postgresql"


def check_role_name(name: str) -> str:
    """A person's sign-in name as a database role: lower-case letters, digits and ``_``."""
    if not _ROLE_NAME.fullmatch(name) or name.startswith("pg_") or name in GROUPS.values():
        raise InvalidInput(
            f"{name!r} cannot be a sign-in name: use lower-case letters, digits and _ "
            "(starting with a letter, at most 63), e.g. maria or ken_port."
        )
    return name


def _quote(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote_identifier(name)


def create_extensions(connection: Connection) -> None:
    for name in EXTENSIONS:
        connection.exec_driver_sql(f"CREATE EXTENSION IF NOT EXISTS {name}")


def _role_exists(connection: Connection, name: str) -> bool:
    return bool(
        connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name})
    )


def grant_roles(connection: Connection) -> None:
    """Create the two group roles if needed and grant them what they may do in this database
    (again after a migration added tables: running it twice changes nothing)."""
    for group in (STAFF_ROLE, MANAGER_ROLE):
        if not _role_exists(connection, group):
            connection.exec_driver_sql(f"CREATE ROLE {group} NOLOGIN")
    connection.exec_driver_sql(f"GRANT {STAFF_ROLE} TO {MANAGER_ROLE}")
    database = _quote(connection, str(connection.scalar(text("SELECT current_database()"))))
    connection.exec_driver_sql(f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {STAFF_ROLE}")
    connection.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {STAFF_ROLE}")
    tables = [
        str(name)
        for name in connection.scalars(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        )
    ]
    for table in tables:
        quoted = _quote(connection, table)
        connection.exec_driver_sql(f"REVOKE ALL ON {quoted} FROM {STAFF_ROLE}, {MANAGER_ROLE}")
        if table in READ_ONLY_TABLES:
            connection.exec_driver_sql(f"GRANT SELECT ON {quoted} TO {STAFF_ROLE}")
        elif table in APPEND_ONLY_TABLES:
            connection.exec_driver_sql(f"GRANT SELECT, INSERT ON {quoted} TO {STAFF_ROLE}")
        elif table in MANAGER_TABLES:
            connection.exec_driver_sql(f"GRANT SELECT ON {quoted} TO {STAFF_ROLE}")
            connection.exec_driver_sql(
                f"GRANT SELECT, INSERT, UPDATE, DELETE ON {quoted} TO {MANAGER_ROLE}"
            )
        else:
            connection.exec_driver_sql(
                f"GRANT SELECT, INSERT, UPDATE, DELETE ON {quoted} TO {STAFF_ROLE}"
            )
    connection.exec_driver_sql(
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {STAFF_ROLE}"
    )


@dataclass(frozen=True, slots=True)
class PreparedServer:
    database: str
    revision: str
    extensions: tuple[str, ...]
    roles: tuple[str, ...]


def prepare_server(target: str) -> PreparedServer:
    """Make the (empty, or older keidesk) database at ``target`` an office database, signed
    in as its owner: the extensions, the schema (migrated and seeded), the roles and grants."""
    from keidesk.storage.database import (  # noqa: PLC0415 - database imports this module
        locate,
        open_database,
        schema_revision,
    )

    location = locate(target)
    if location.url.get_backend_name() != "postgresql":
        raise InvalidInput(
            "keidesk server init prepares a PostgreSQL database: give a URL such as "
            "postgresql+psycopg://owner@server/keidesk (a laptop's file needs no preparing)."
        )
    from sqlalchemy import create_engine  # noqa: PLC0415

    engine = create_engine(location.url, hide_parameters=True)
    try:
        from keidesk.storage.database import guarded  # noqa: PLC0415

        with guarded(location.label), engine.begin() as connection:
            create_extensions(connection)
    finally:
        engine.dispose()
    database = open_database(target)
    try:
        with database.guard(), database.engine.begin() as connection:
            grant_roles(connection)
        revision = schema_revision(database.engine) or ""
        name = database.location.url.database or ""
    finally:
        database.close()
    return PreparedServer(name, revision, EXTENSIONS, (STAFF_ROLE, MANAGER_ROLE))


def add_user(target: str, name: str, role: str, password: str | None) -> None:
    """Add a person: a login role ``name`` in the group of ``role`` (a person already there
    moves to that group and, with a password, gets the new one)."""
    from keidesk.storage.database import open_database  # noqa: PLC0415

    check_role_name(name)
    if role not in GROUPS:
        raise InvalidInput(f"The role is staff or manager, not {role!r}.")
    database = open_database(target)
    try:
        if not is_server(database.engine):
            raise InvalidInput(
                "People sign in with their own names on an office server (PostgreSQL) only; "
                "on a laptop's file the name comes from --user or the preferences."
            )
        with database.guard(), database.engine.begin() as connection:
            if not _role_exists(connection, GROUPS[role]):
                raise InvalidInput(
                    "This server is not prepared yet: run keidesk server init URL first."
                )
            quoted = _quote(connection, name)
            if not _role_exists(connection, name):
                connection.exec_driver_sql(f"CREATE ROLE {quoted} LOGIN")
            if password is not None:
                verifier = _password_verifier(connection, name, password)
                connection.exec_driver_sql(
                    f"ALTER ROLE {quoted} PASSWORD {_literal(connection, verifier)}"
                )
            for group in GROUPS.values():
                if group != GROUPS[role]:
                    connection.exec_driver_sql(f"REVOKE {group} FROM {quoted}")
            connection.exec_driver_sql(f"GRANT {GROUPS[role]} TO {quoted}")
    finally:
        database.close()


def _password_verifier(connection: Connection, name: str, password: str) -> str:
    """The SCRAM verifier of ``password``, made here: the password itself never travels in a
    statement (nor reaches the server's log)."""
    raw: Any = connection.connection.dbapi_connection
    encrypted: bytes = raw.pgconn.encrypt_password(
        password.encode("utf-8"), name.encode("utf-8"), b"scram-sha-256"
    )
    return encrypted.decode("ascii")


def _literal(connection: Connection, value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def role_of(session: Session) -> str | None:
    """On a server, what the signed-in role may do: "owner" (owns the tables: the person who
    set the server up), "manager", "staff", or None (none of them); on SQLite, "owner"."""
    if not is_server(session.get_bind()):
        return "owner"
    info = session.info.get(_ROLE_KEY)
    if info is None:
        row = session.execute(
            text(
                "SELECT pg_has_role(session_user, relowner, 'MEMBER') AS owner,"
                # By the roles' oids: on a database never prepared by ``server init`` the
                # roles do not exist, and naming them would be an error.
                " COALESCE((SELECT pg_has_role(session_user, oid, 'MEMBER') FROM pg_roles"
                "  WHERE rolname = :manager), false) AS manager,"
                " COALESCE((SELECT pg_has_role(session_user, oid, 'MEMBER') FROM pg_roles"
                "  WHERE rolname = :staff), false) AS staff"
                " FROM pg_class WHERE oid = 'history'::regclass"
            ),
            {"manager": MANAGER_ROLE, "staff": STAFF_ROLE},
        ).one()
        info = "owner" if row.owner else "manager" if row.manager else "staff" if row.staff else ""
        session.info[_ROLE_KEY] = info
    return str(info) or None


_ROLE_KEY = "keidesk_role"


def history_name(session: Session) -> str | None:
    """The name the database writes into every history line this session adds, whatever name
    is given: on a server, the signed-in person's (migration 0011); None where the name given
    is kept (SQLite, and the server's owner, who moves a laptop's data in)."""
    if role_of(session) == "owner":
        return None
    return str(session.scalar(text("SELECT session_user")))


def require_manager(session: Session, action: str) -> None:
    """Refuse ``action`` (e.g. "edit state rules") to a staff member signed in on a server."""
    if role_of(session) in ("owner", "manager"):
        return
    who = str(session.scalar(text("SELECT session_user")))
    raise NotPermitted(
        msg(
            "Only a manager may {action}; you are signed in as {who} (staff). "
            "Ask a manager, or the person who set up the server.",
            action=action,
            who=who,
        )
    )
