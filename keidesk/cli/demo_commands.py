"""``demo``: fill a database with realistic sample cases."""

from __future__ import annotations

import argparse
from typing import Any

from keidesk.cli.arguments import MAX_ID, bounded
from keidesk.cli.context import CommandContext
from keidesk.cli.output import emit, emit_json
from keidesk.domain.errors import InvalidInput
from keidesk.services.demo import build_demo
from keidesk.storage.bulk import journal_for_a_new_file


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    demo = subparsers.add_parser(
        "demo", parents=[common], help="add N realistic sample cases (use a separate --db)"
    )
    demo.add_argument("--cases", type=int, default=200, metavar="N")
    demo.add_argument(
        "--seed",
        type=bounded(-MAX_ID, MAX_ID),
        default=2026,
        help="random seed (same seed, same data)",
    )
    demo.set_defaults(handler=cmd_demo)


def cmd_demo(ctx: CommandContext) -> int:
    if not 1 <= ctx.args.cases <= 1_000_000:
        raise InvalidInput("--cases must be between 1 and 1,000,000.")
    with (
        journal_for_a_new_file(ctx.database.engine),
        ctx.database.transaction(ctx.user) as session,
    ):
        result = build_demo(
            session, cases=ctx.args.cases, today=ctx.today, user=ctx.user, seed=ctx.args.seed
        )
    if ctx.json:
        emit_json(
            {
                "cases": result.cases,
                "customers": result.customers,
                "database": ctx.database.location.label,
            }
        )
    else:
        emit(
            f"Added {result.cases} demo cases for {result.customers} customers "
            f"to {ctx.database.location.label}"
        )
    return 0
