"""``cost add|list|remove``: what each truck cost, landed cost and margin."""

from __future__ import annotations

import argparse
from typing import Any

from keidesk.cli.arguments import record_id
from keidesk.cli.case_commands import _iso_date
from keidesk.cli.context import CommandContext
from keidesk.cli.output import emit, emit_json, table
from keidesk.domain.costs import CostKind, NewCost, rate_text, usd_text
from keidesk.domain.errors import InvalidInput
from keidesk.services import costs
from keidesk.services.costs import CaseCosts, CostView

_KINDS = ", ".join(k.value for k in CostKind)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    cost = subparsers.add_parser(
        "cost", parents=[common], help="what each truck cost: landed cost and margin"
    )
    cost_sub = cost.add_subparsers(
        dest="cost_command", metavar="SUBCOMMAND", parser_class=type(cost)
    )

    add = cost_sub.add_parser(
        "add",
        parents=[common],
        help="record a cost of a case (or take over its duty estimate)",
        description="Amounts are exact: dollars to the cent, yen whole. A yen cost needs the "
        "exchange rate used on the day it was paid, in yen per US dollar (--rate 151.37); its "
        "dollar value is the yen divided by the rate, rounded half up to the cent.",
    )
    add.add_argument("case", type=record_id, metavar="CASE")
    add.add_argument("--kind", metavar="KIND", help=f"what the cost was for: {_KINDS}")
    add.add_argument("--amount", metavar="AMOUNT", help="e.g. 1250.00, '$1,250', '¥185,000'")
    add.add_argument(
        "--currency", metavar="USD|JPY", help="default: JPY when the amount has ¥, else USD"
    )
    add.add_argument("--rate", metavar="RATE", help="yen per US dollar on the day paid (yen)")
    add.add_argument("--date", metavar="YYYY-MM-DD", help="the day paid (default: today)")
    add.add_argument("--note", metavar="TEXT", default="")
    add.add_argument(
        "--from-duty-estimate",
        action="store_true",
        help="record the case's duty estimate (duty with Section 232, MPF, HMF) as costs",
    )
    add.set_defaults(handler=cmd_add)

    listing = cost_sub.add_parser(
        "list", parents=[common], help="a case's costs, landed cost and margin"
    )
    listing.add_argument("case", type=record_id, metavar="CASE")
    listing.set_defaults(handler=cmd_list)

    remove = cost_sub.add_parser("remove", parents=[common], help="delete a cost")
    remove.add_argument("cost", type=record_id, metavar="COST")
    remove.add_argument(
        "--case", type=record_id, metavar="CASE", help="refuse unless COST is this case's"
    )
    remove.set_defaults(handler=cmd_remove)


def cost_json(view: CostView) -> dict[str, Any]:
    """A cost as ``cost list --json`` gives it (amounts in minor units: cents, yen)."""
    return {
        "id": view.id,
        "case_id": view.case_id,
        "kind": view.kind.value,
        "amount_minor": view.amount.minor,
        "currency": view.amount.currency,
        "amount": str(view.amount),
        "rate": rate_text(view.rate) if view.rate is not None else None,
        "usd_cents": view.usd_cents,
        "usd": str(view.usd),
        "paid_on": view.paid_on.isoformat(),
        "note": view.note,
        "created_at": view.created_at.isoformat(),
        "created_by": view.created_by,
    }


def costs_json(summary: CaseCosts) -> dict[str, Any]:
    return {
        "case_id": summary.case_id,
        "number": summary.number,
        "costs": [cost_json(v) for v in summary.costs],
        "totals": {
            "landed_usd_cents": summary.landed_cents,
            "sale_price_usd_cents": summary.sale_price_cents,
            "margin_usd_cents": summary.margin_cents,
            "margin_percent": None
            if summary.margin_percent is None
            else str(summary.margin_percent),
        },
    }


def cmd_add(ctx: CommandContext) -> int:
    args = ctx.args
    paid_on = _iso_date(args.date, "--date") if args.date else ctx.today
    if args.from_duty_estimate:
        if args.kind or args.amount or args.currency or args.rate:
            raise InvalidInput(
                "--from-duty-estimate takes the kinds and amounts from the estimate; "
                "give no --kind, --amount, --currency or --rate with it."
            )
        with ctx.database.transaction(ctx.user) as session:
            added = costs.add_duty_estimate(
                session, args.case, paid_on=paid_on, user=ctx.user, today=ctx.today
            )
    else:
        if not args.kind or not args.amount:
            raise InvalidInput("A cost needs --kind and --amount (or --from-duty-estimate).")
        cost = NewCost.parse(
            kind=args.kind,
            amount=args.amount,
            currency=args.currency,
            rate=args.rate,
            paid_on=paid_on,
            note=args.note,
        )
        with ctx.database.transaction(ctx.user) as session:
            added = [costs.add_cost(session, args.case, cost, user=ctx.user)]
    if ctx.json:
        emit_json([cost_json(v) for v in added])
    else:
        emit("\n".join(str(v.id) for v in added))
    return 0


def _money(cents: int | None) -> str:
    return "-" if cents is None else usd_text(cents)


def cmd_list(ctx: CommandContext) -> int:
    with ctx.database.reader() as session:
        summary = costs.case_costs(session, ctx.args.case)
    if ctx.json:
        emit_json(costs_json(summary))
        return 0
    if summary.costs:
        emit(
            table(
                [
                    [
                        str(v.id),
                        v.paid_on.isoformat(),
                        v.kind.label,
                        str(v.amount),
                        rate_text(v.rate) if v.rate is not None else "",
                        str(v.usd),
                        v.note,
                    ]
                    for v in summary.costs
                ],
                ["id", "paid", "kind", "amount", "rate (¥/$)", "USD", "note"],
            )
        )
    else:
        emit(f"{summary.number}: no costs recorded.")
    emit(f"Landed cost: {_money(summary.landed_cents)}")
    if summary.sale_price_cents is None:
        emit("Sale price: not recorded (case set ID sale_price=...)")
    else:
        emit(f"Sale price: {_money(summary.sale_price_cents)}")
        emit(f"Margin: {_money(summary.margin_cents)} ({summary.margin_percent}%)")
    return 0


def cmd_remove(ctx: CommandContext) -> int:
    with ctx.database.transaction(ctx.user) as session:
        view = costs.remove_cost(session, ctx.args.cost, case_id=ctx.args.case)
    if ctx.json:
        emit_json(cost_json(view))
    else:
        emit(f"Removed cost {view.id} ({view.kind.label}, {view.amount}) from case {view.case_id}")
    return 0
