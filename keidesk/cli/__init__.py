"""The ``keidesk`` command line: a contract other tools call.

Commands, ``--json`` fields and exit codes change only by adding. Exit codes:
0 success; 1 an unexpected problem (logged, with a one-line message); 2 bad input or a refused
action (one line on stderr starting ``error:``, nothing written).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import NoReturn

from keidesk import __version__, crashlog
from keidesk.cli import (
    case_commands,
    data_commands,
    demo_commands,
    packet_commands,
    reference_commands,
)
from keidesk.cli.context import CommandContext
from keidesk.domain.errors import KeideskError

EXIT_OK = 0
EXIT_BUG = 1
EXIT_BAD_INPUT = 2

#: Each module adds its subcommands with ``register(subparsers, common)``.
COMMAND_MODULES: tuple[ModuleType, ...] = (
    reference_commands,
    case_commands,
    demo_commands,
    packet_commands,
    data_commands,
)


class UsageError(KeideskError):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one ``error:`` line (exit 2), like every bad input."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def common_options() -> argparse.ArgumentParser:
    """Options every command accepts, before or after its name."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH|URL",
        default=argparse.SUPPRESS,
        help="database file or SQLAlchemy URL (default: $KEIDESK_DB, then the user data folder)",
    )
    common.add_argument(
        "--user",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="staff name recorded in the history (default: $KEIDESK_USER or login)",
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output"
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = _Parser(
        prog="keidesk",
        description="Import-case manager for Japanese kei trucks. "
        "Without a command, opens the desktop app.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"keidesk {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(subparsers, common)
    return parser


def _open_app(context: CommandContext) -> int:
    """No command: the desktop app when it is installed, else a short help."""
    try:
        gui = importlib.import_module("keidesk.gui.app")  # Qt is loaded only for the app
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith(("keidesk.gui", "PySide6")):
            raise
        build_parser().print_help()
        return EXIT_OK
    return int(gui.run_app(getattr(context.args, "db", None), getattr(context.args, "user", None)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    context: CommandContext | None = None
    try:
        args = parser.parse_args(argv)
        context = CommandContext(args)
        handler = getattr(args, "handler", None)
        if handler is None:
            if args.command is not None:  # a group such as "case" without its subcommand
                raise UsageError(
                    f"'{args.command}' needs a subcommand (see 'keidesk {args.command} --help')"
                )
            return _open_app(context)
        return int(handler(context))
    except KeideskError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (``keidesk states | head``): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        log_file = crashlog.record(exc)
        sys.stderr.write(
            f"error: an unexpected problem stopped keidesk ({type(exc).__name__}); "
            f"details are in {log_file}\n"
        )
        logging.getLogger(__name__).debug("unexpected", exc_info=exc)
        return EXIT_BUG
    finally:
        if context is not None:
            context.close()


def entry_point() -> NoReturn:
    sys.exit(main())
