"""``report KIND --out FILE.pdf|FILE.xlsx``: printable reports and spreadsheets."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from keidesk.cli.arguments import list_filter
from keidesk.cli.case_commands import _iso_date
from keidesk.cli.context import CommandContext
from keidesk.cli.output import emit, emit_json
from keidesk.domain.errors import InvalidInput
from keidesk.reports import check_target, write_report
from keidesk.reports.data import CASE_COLUMNS, CaseListShown, build_report
from keidesk.reports.model import PERIOD_KINDS, Period, ReportKind
from keidesk.services import cases


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    report = subparsers.add_parser(
        "report",
        parents=[common],
        help="write a report as PDF or XLSX: " + ", ".join(k.value for k in ReportKind),
        description="Reports: "
        + "; ".join(f"{k.value}: {k.label}" for k in ReportKind)
        + ". --from/--to apply to duty (the day paid) and margin (the sale date).",
    )
    report.add_argument("kind", metavar="KIND", help=", ".join(k.value for k in ReportKind))
    report.add_argument("--out", type=Path, required=True, metavar="FILE.pdf|FILE.xlsx")
    report.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day")
    report.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day")
    listing = report.add_argument_group("the cases report (the case list's filter and order)")
    listing.add_argument("--search", metavar="TEXT", default="")
    listing.add_argument("--stage", metavar="STEP", help="a step key, or 'complete'")
    listing.add_argument("--state", metavar="XX")
    listing.add_argument(
        "--sort",
        choices=list(cases.SORT_COLUMNS),
        default="number",
        metavar="COLUMN",
        help=", ".join(cases.SORT_COLUMNS) + " (default: number)",
    )
    listing.add_argument("--desc", action="store_true", help="in descending order")
    listing.add_argument(
        "--columns",
        metavar="A,B,...",
        help="the columns, in order (default: all): " + ", ".join(CASE_COLUMNS),
    )
    report.set_defaults(handler=cmd_report)


def cmd_report(ctx: CommandContext) -> int:
    args = ctx.args
    kind = ReportKind.parse(args.kind)
    period = Period(
        _iso_date(args.start, "--from") if args.start else None,
        _iso_date(args.end, "--to") if args.end else None,
    )
    if (args.start or args.end) and kind not in PERIOD_KINDS:
        raise InvalidInput(
            f"--from and --to apply to the duty and margin reports; the {kind.value} report "
            "shows today's cases."
        )
    columns = [c.strip() for c in args.columns.split(",") if c.strip()] if args.columns else None
    if kind is not ReportKind.CASES and (
        args.search or args.stage or args.state or args.columns or args.sort != "number"
    ):
        raise InvalidInput("--search, --stage, --state, --sort and --columns apply to 'cases'.")
    check_target(args.out)  # refused before the database is read
    with ctx.database.reader() as session:
        case_filter = list_filter(session, args)
        shown = [
            f"{name} {value!r}"
            for name, value in (
                ("search", args.search),
                ("stage", case_filter.stage),
                ("state", case_filter.state),
            )
            if value
        ]
        report = build_report(
            session,
            kind,
            today=ctx.today,
            period=period,
            shown=CaseListShown(
                case_filter,
                args.sort,
                args.desc,
                tuple(columns) if columns else None,
                "; ".join(shown) if shown else "all cases",
            ),
        )
        write_report(report, args.out)
    if ctx.json:
        emit_json({"kind": kind.value, "file": str(args.out)})
    else:
        emit(f"Wrote the {kind.label.lower()} report to {args.out}")
    return 0
