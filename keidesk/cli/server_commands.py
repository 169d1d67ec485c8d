"""``server``: prepare an office database on PostgreSQL and add the people who sign in to it."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from keidesk import paths
from keidesk.cli.context import CommandContext
from keidesk.cli.output import emit, emit_json
from keidesk.domain.errors import InvalidInput
from keidesk.storage.database import locate
from keidesk.storage.server import GROUPS, add_user, check_role_name, prepare_server


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    server = subparsers.add_parser(
        "server", parents=[common], help="the office server: prepare it, add people"
    )
    commands = server.add_subparsers(dest="server_command", metavar="COMMAND")
    init = commands.add_parser(
        "init",
        parents=[common],
        help="prepare a PostgreSQL database for keidesk (schema, extensions, staff and "
        "manager roles); again after installing a newer keidesk, to upgrade it",
        description="Sign in as the database's owner, e.g. "
        "postgresql+psycopg://keidesk_owner@server/keidesk (the password from .pgpass, or "
        "in the URL). Running it again changes nothing but what a newer keidesk needs.",
    )
    init.add_argument("url", metavar="URL", help="the database, as a SQLAlchemy URL")
    init.set_defaults(handler=cmd_server_init)
    add = commands.add_parser(
        "add-user",
        parents=[common],
        help="add a person who signs in with their own name (a database role)",
        description="The database is --db URL (or $KEIDESK_DB), signed in as its owner. "
        "Staff work cases; managers may also edit state rules, empty the trash and restore. "
        "Giving an existing name changes that person's role (and, given, their password).",
    )
    add.add_argument("name", metavar="NAME", help="the sign-in name: lower-case letters, digits, _")
    add.add_argument("--role", choices=sorted(GROUPS), required=True)
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the person's password from the first line of standard input "
        "(otherwise it is asked for twice, without showing it)",
    )
    add.set_defaults(handler=cmd_server_add_user)


def cmd_server_init(ctx: CommandContext) -> int:
    url = str(ctx.args.url)
    label = locate(url).label if "://" in url else url
    if "://" not in url:
        raise InvalidInput(
            f"{label!r} is not a database URL: give one such as "
            "postgresql+psycopg://owner@server/keidesk."
        )
    prepared = prepare_server(url)
    if ctx.json:
        emit_json(
            {
                "database": label,
                "schema": prepared.revision,
                "extensions": list(prepared.extensions),
                "roles": list(prepared.roles),
            }
        )
    else:
        emit(
            f"Prepared {label} for keidesk (schema {prepared.revision}; extensions "
            f"{', '.join(prepared.extensions)}; roles {', '.join(prepared.roles)}). "
            "Add people with: keidesk server add-user NAME --role staff|manager --db URL"
        )
    return 0


def cmd_server_add_user(ctx: CommandContext) -> int:
    target = getattr(ctx.args, "db", None) or os.environ.get(paths.DB_ENV_VAR) or None
    if target is None or "://" not in str(target):
        raise InvalidInput(
            "Give the office database with --db URL (or KEIDESK_DB), e.g. "
            "--db postgresql+psycopg://owner@server/keidesk."
        )
    check_role_name(ctx.args.name)  # before asking for a password
    password = _password(ctx.args.password_stdin)
    add_user(str(target), ctx.args.name, ctx.args.role, password)
    label = locate(str(target)).label
    if ctx.json:
        emit_json({"name": ctx.args.name, "role": ctx.args.role, "database": label})
    else:
        emit(f"{ctx.args.name} signs in to {label} as {ctx.args.role}.")
    return 0


def _password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise InvalidInput("No password on standard input (--password-stdin).")
        return line
    if not sys.stdin.isatty():
        raise InvalidInput(
            "Give the person's password with --password-stdin (standard input is not a "
            "terminal to ask on)."
        )
    first = getpass.getpass("Password for the new sign-in: ")
    if not first:
        raise InvalidInput("A sign-in needs a password; nothing was changed.")
    if getpass.getpass("The same password again: ") != first:
        raise InvalidInput("The two passwords differ; nothing was changed.")
    return first
