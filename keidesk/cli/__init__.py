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
from typing import TYPE_CHECKING, NoReturn

from keidesk import __version__, clock, crashlog
from keidesk.domain.errors import KeideskError

if TYPE_CHECKING:
    from keidesk.cli.context import CommandContext

EXIT_OK = 0
EXIT_BUG = 1
EXIT_BAD_INPUT = 2


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


def command_modules() -> tuple[ModuleType, ...]:
    """The modules that add the subcommands, each with ``register(subparsers, common)``.

    Imported only when a command is given: they load the services and SQLAlchemy, which the
    desktop app loads after its window is shown.
    """
    from keidesk.cli import (  # noqa: PLC0415 - see the docstring
        agenda_commands,
        case_commands,
        cost_commands,
        data_commands,
        demo_commands,
        document_commands,
        packet_commands,
        reference_commands,
        report_commands,
        server_commands,
    )

    return (
        reference_commands,
        case_commands,
        document_commands,
        demo_commands,
        packet_commands,
        data_commands,
        server_commands,
        agenda_commands,
        cost_commands,
        report_commands,
    )


def _top_parser(*, add_help: bool = True) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="keidesk",
        description="Import-case manager for Japanese kei trucks. "
        "Without a command, opens the desktop app.",
        parents=[common_options()],
        add_help=add_help,
    )
    parser.add_argument("--version", action="version", version=f"keidesk {__version__}")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _top_parser()
    common = common_options()
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in command_modules():
        module.register(subparsers, common)
    return parser


def _app_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options when ``argv`` names no command (the desktop app opens), else None.

    Only the options every command shares are parsed here, so that starting the app (and
    ``--version``) loads none of the commands.
    """
    args, rest = _top_parser(add_help=False).parse_known_args(argv)
    return None if rest else args


def _open_app(args: argparse.Namespace) -> int:
    """No command: the desktop app when it is installed, else a short help."""
    try:
        gui = importlib.import_module("keidesk.gui.launch")  # Qt is loaded only for the app
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith(("keidesk.gui", "PySide6")):
            raise
        build_parser().print_help()
        return EXIT_OK
    return int(gui.run_app(getattr(args, "db", None), getattr(args, "user", None)))


def one_line(text: str) -> str:
    """``text`` as one printable line: control characters (a newline in a customer's name, an
    escape sequence) and text that is not valid UTF-8 are written as escapes, so an echoed
    value can never start a line of its own or change the terminal."""
    out: list[str] = []
    for char in text:
        code = ord(char)
        if char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif code < 0x20 or 0x7F <= code < 0xA0 or code in (0x2028, 0x2029):
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")  # a byte that was not UTF-8 (surrogateescape)
        else:
            out.append(char)
    return "".join(out)


def _check_text(argv: Sequence[str]) -> None:
    """Refuse an argument that is not valid UTF-8 text (the shell hands Python its bytes as
    lone surrogates, which no database or file can store) or that holds a NUL character
    (which no file name can)."""
    for argument in argv:
        if "\x00" in argument:  # no shell can pass one; a caller of main() can
            raise UsageError(f"the argument {argument!r} contains a NUL character")
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            raise UsageError(
                f"the argument {argument!r} is not valid UTF-8 text; type it again or "
                "check the terminal's character set"
            ) from None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    context: CommandContext | None = None
    try:
        if (problem := clock.setting_problem()) is not None:
            raise UsageError(problem)
        _check_text(argv)
        app_args = _app_arguments(argv)
        if app_args is not None:
            return _open_app(app_args)
        from keidesk.cli.context import CommandContext  # noqa: PLC0415 - commands only

        args = build_parser().parse_args(argv)
        context = CommandContext(args)
        handler = getattr(args, "handler", None)
        if handler is None:
            # "case" and the other groups without their subcommand (no command at all never
            # gets here: the app opened above)
            raise UsageError(
                f"'{args.command}' needs a subcommand (see 'keidesk {args.command} --help')"
            )
        return int(handler(context))
    except KeideskError as exc:
        # The one place a refusal is printed: always one line, whatever it echoes.
        sys.stderr.write(f"error: {one_line(str(exc))}\n")
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
