"""Is the office server there, does it let this person in, and is it a keidesk database? In
plain words for the person at the desk. Called off the GUI thread (a server that does not
answer takes seconds to say so)."""

from __future__ import annotations

import socket

from sqlalchemy import URL, create_engine, inspect, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from keidesk.domain.errors import KeideskError
from keidesk.gui.kit.i18n import tr, tr_error
from keidesk.gui.shell.server_login import OfficeServer, server_of
from keidesk.storage.errors import ServerUnreachable, SignInRefused, StorageError

#: How long a server may take to answer before it counts as unreachable.
CONNECT_TIMEOUT_S = 5
#: PostgreSQL's codes for a refused sign-in and for a database that does not exist.
_SIGN_IN_REFUSED_CODE = "28P01"
_SIGN_IN_REFUSED = frozenset({_SIGN_IN_REFUSED_CODE, "28000"})
_UNREACHABLE = "08001"  # sqlclient_unable_to_establish_sqlconnection
_NO_DATABASE = "3D000"
_NOT_ALLOWED = "42501"


def reachable(server: OfficeServer) -> bool:
    """Does anything answer at the server's address (before any sign-in)?"""
    try:
        with socket.create_connection((server.host, server.port), timeout=CONNECT_TIMEOUT_S):
            return True
    except OSError:
        return False


def describe(exc: BaseException, target: str) -> str:
    """What went wrong opening ``target``, for the user (a refusal's own words when keidesk
    has them already)."""
    server = server_of(target)
    if server is None:
        return tr_error(exc)
    # What storage already told apart (keidesk.storage.errors), said here in the GUI's words.
    code: str | None
    if isinstance(exc, SignInRefused):
        code = _SIGN_IN_REFUSED_CODE
    elif isinstance(exc, ServerUnreachable):
        code = _UNREACHABLE
    elif isinstance(exc, KeideskError):
        return tr_error(exc)
    else:
        code = getattr(getattr(exc, "orig", exc), "sqlstate", None)
    if code is None:
        # Refused before any SQL ran: the driver gives no code, so ask the server step by
        # step (never reading its words, which follow the server's language).
        if not reachable(server):
            code = _UNREACHABLE
        elif _signs_in_elsewhere(make_url(target)):
            code = _NO_DATABASE  # the sign-in works: it is the database
        else:
            code = _SIGN_IN_REFUSED_CODE
    if code == _UNREACHABLE:
        return tr(
            "keidesk cannot reach the office server at {host}, port {port}. Check that this "
            "computer is connected to the office network (or its VPN) and that the server is "
            "switched on."
        ).format(host=server.host, port=server.port)
    if code in _SIGN_IN_REFUSED:
        if make_url(target).password is None:
            return tr(
                "The office server at {host} did not let {user} sign in: no password is kept "
                "for it on this computer, or the one kept is no longer right. Type it in "
                "Connect to office server…"
            ).format(host=server.host, user=server.user)
        return tr(
            "The office server at {host} did not let {user} sign in: the password is wrong, "
            "there is no such user, or this computer may not connect to it. Type them again "
            "(Connect to office server…), or ask whoever looks after the server."
        ).format(host=server.host, user=server.user)
    if code == _NO_DATABASE:
        return tr(
            "The office server at {host} has no database named {database} that {user} may "
            "use. Check the name, or ask whoever looks after the server."
        ).format(host=server.host, database=server.database, user=server.user)
    if code == _NOT_ALLOWED:
        return tr(
            "{user} may not use the keidesk database {database} on {host}. Ask whoever looks "
            "after the server to add you (keidesk server add-user)."
        ).format(user=server.user, database=server.database, host=server.host)
    return str(getattr(exc, "orig", exc)).strip() or type(exc).__name__


def _signs_in_elsewhere(url: URL) -> bool:
    """Does the same sign-in work for the server's own ``postgres`` database?"""
    import psycopg  # noqa: PLC0415 - only on a server database

    conninfo = url.set(drivername="postgresql", database="postgres").render_as_string(
        hide_password=False
    )
    try:
        psycopg.connect(conninfo, connect_timeout=CONNECT_TIMEOUT_S).close()
    except psycopg.Error:
        return False
    return True


def check_server(target: str) -> str | None:
    """Sign in to ``target`` (a URL with its password) and look for keidesk's tables: None
    when all is well, else what is wrong in plain words. Changes nothing on the server."""
    engine = create_engine(
        make_url(target), connect_args={"connect_timeout": CONNECT_TIMEOUT_S}, poolclass=NullPool
    )
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
    except (DBAPIError, StorageError) as exc:
        return describe(exc, target)
    finally:
        engine.dispose()
    if "alembic_version" not in tables or "cases" not in tables:
        server = server_of(target)
        where = server.label if server is not None else target
        return tr(
            "{where} is not a keidesk database (it is empty or holds other tables). Whoever "
            "set up the server prepares it with: keidesk server init."
        ).format(where=where)
    return None
