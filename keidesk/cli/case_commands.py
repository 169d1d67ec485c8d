"""``case add|list|show|set|history`` and ``step``: recording trucks and moving them along."""

from __future__ import annotations

import argparse
import dataclasses
from datetime import date
from typing import Any

from keidesk import clock
from keidesk.cli.arguments import MAX_ID, bounded, list_filter, record_id
from keidesk.cli.context import CommandContext
from keidesk.cli.output import emit, emit_json, emit_json_list, jsonable, table
from keidesk.domain.dates import parse_date
from keidesk.domain.errors import InvalidInput
from keidesk.domain.money import Money
from keidesk.domain.workflow import StepKey, StepStatus
from keidesk.services import cases
from keidesk.services.case_fields import EDITABLE
from keidesk.services.reference import acknowledge_rule_change
from keidesk.services.views import CaseDetail, CaseSummary


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    case = subparsers.add_parser("case", parents=[common], help="record, list and show cases")
    case_sub = case.add_subparsers(
        dest="case_command", metavar="SUBCOMMAND", parser_class=type(case)
    )

    add = case_sub.add_parser("add", parents=[common], help="record a new truck")
    add.add_argument("--chassis", required=True, metavar="C", help="chassis number or VIN")
    add.add_argument("--built", metavar="DATE", help="date of manufacture (any accepted form)")
    add.add_argument(
        "--first-registered",
        metavar="DATE",
        help="first registration/inspection month (初度検査年月)",
    )
    add.add_argument("--customer", metavar="NAME", help="the buyer")
    add.add_argument("--state", metavar="XX", help="destination state (default: customer's)")
    add.add_argument("--eta", metavar="DATE", help="the shipment's ETA (YYYY-MM-DD)")
    add.add_argument("--notes", metavar="TEXT", default="")
    add.set_defaults(handler=cmd_add)

    listing = case_sub.add_parser("list", parents=[common], help="list cases")
    listing.add_argument(
        "--search",
        metavar="TEXT",
        default="",
        help="words that must all appear (any part of a chassis number, model, customer, phone, "
        "e-mail, state, notes, step notes or document titles; full-width and any case alike)",
    )
    listing.add_argument("--stage", metavar="STEP", help="a step key, or 'complete'")
    listing.add_argument("--state", metavar="XX")
    listing.add_argument("--eligibility", choices=[e.value for e in cases.EligibilityFilter])
    listing.add_argument("--blocked", action="store_true", help="only cases with a blocked step")
    listing.add_argument("--limit", type=bounded(0, MAX_ID), metavar="N", help="at most N cases")
    listing.add_argument(
        "--sort",
        choices=list(cases.SORT_COLUMNS),
        default="number",
        metavar="COLUMN",
        help="order as the app's list: " + ", ".join(cases.SORT_COLUMNS) + " (default: number)",
    )
    listing.add_argument("--desc", action="store_true", help="in descending order")
    listing.set_defaults(handler=cmd_list)

    show = case_sub.add_parser("show", parents=[common], help="everything about one case")
    show.add_argument("id", type=record_id, metavar="ID")
    show.set_defaults(handler=cmd_show)

    ack = case_sub.add_parser(
        "ack-rule",
        parents=[common],
        help="acknowledge that the state rule changed since the case's packet was printed",
    )
    ack.add_argument("id", type=int, metavar="ID")
    ack.set_defaults(handler=cmd_ack_rule)

    set_ = case_sub.add_parser(
        "set",
        parents=[common],
        help="change fields of a case",
        description="Fields: " + ", ".join(sorted(EDITABLE)),
    )
    set_.add_argument("id", type=record_id, metavar="ID")
    set_.add_argument(
        "assignments",
        nargs="+",
        metavar="FIELD=VALUE",
        help="e.g. eta=2026-12-20 odometer='48200 km' (empty value clears)",
    )
    set_.add_argument(
        "--if-version",
        type=int,
        metavar="N",
        help="save only if the case is still at version N (as 'case show --json' gave it); "
        "else refuse with exit 2",
    )
    set_.set_defaults(handler=cmd_set)

    history = case_sub.add_parser("history", parents=[common], help="every change to a case")
    history.add_argument("id", type=record_id, metavar="ID")
    history.set_defaults(handler=cmd_history)

    step = subparsers.add_parser(
        "step", parents=[common], help="set a workflow step's status (gates apply)"
    )
    step.add_argument("id", type=record_id, metavar="ID")
    step.add_argument("step", metavar="STEP", help=", ".join(k.value for k in StepKey))
    step.add_argument("status", metavar="STATUS", help=", ".join(s.value for s in StepStatus))
    step.add_argument("--note", metavar="TEXT")
    step.add_argument("--due", metavar="YYYY-MM-DD", help="due date ('' clears it)")
    step.add_argument(
        "--reason",
        metavar="TEXT",
        help="why the step is done although papers it expects are not on file (kept in history)",
    )
    step.set_defaults(handler=cmd_step)


def _iso_date(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"{what} {text!r} is not a date; write it as YYYY-MM-DD.") from None


def summary_json(summary: CaseSummary) -> dict[str, Any]:
    """A case list row's ``--json`` object (a contract: the fields of ``CaseSummary`` in
    order, as :func:`jsonable` would give them), built directly: the list is long."""
    built = summary.built
    eligible = summary.fmvss_eligible_on
    eta = summary.eta
    return {
        "id": summary.id,
        "number": summary.number,
        "chassis": summary.chassis,
        "make": summary.make,
        "model": summary.model,
        "built": None if built is None else built.iso(),
        "fmvss_eligible_on": None if eligible is None else eligible.isoformat(),
        "customer": summary.customer,
        "state": summary.state,
        "stage": summary.stage,
        "stage_since": summary.stage_since.isoformat(),
        "blocked": summary.blocked,
        "eta": None if eta is None else eta.isoformat(),
    }


def detail_json(detail: CaseDetail) -> dict[str, Any]:
    data: dict[str, Any] = jsonable(detail)
    data["customer_name"] = detail.customer.name if detail.customer else None
    data["state"] = detail.destination_state
    return data


def cmd_add(ctx: CommandContext) -> int:
    args = ctx.args
    today = ctx.today
    built = parse_date(args.built, today=today, not_after_today=True) if args.built else None
    first = (
        parse_date(args.first_registered, today=today, not_after_today=True)
        if args.first_registered
        else None
    )
    eta = _iso_date(args.eta, "--eta") if args.eta else None
    with ctx.database.transaction(ctx.user) as session:
        case_id = cases.create_case(
            session,
            chassis=args.chassis,
            built=built,
            first_registered=first,
            customer=args.customer,
            state=args.state,
            eta=eta,
            notes=args.notes,
            today=today,
        )
        detail = cases.case_detail(session, case_id, today=today)
    if ctx.json:
        emit_json(
            {
                "id": case_id,
                "number": detail.number,
                "chassis": detail.chassis,
                "stage": detail.stage,
                "warnings": list(detail.warnings),
            }
        )
    else:
        emit(str(case_id))
    return 0


def _open_age_gates(ctx: CommandContext) -> None:
    """Move on the cases whose age gate opened with time, before showing them; the write
    lock is taken only when a gate is due (asked in a read first)."""
    with ctx.database.reader() as session:
        due = cases.age_gates_due(session, today=ctx.today)
    if due and not ctx.database.read_only:
        with ctx.database.transaction(ctx.user) as session:
            cases.refresh_age_gates(session, today=ctx.today)


def cmd_list(ctx: CommandContext) -> int:
    args = ctx.args
    _open_age_gates(ctx)
    with ctx.database.reader() as session:
        case_filter = dataclasses.replace(
            list_filter(session, args),
            eligibility=cases.EligibilityFilter(args.eligibility) if args.eligibility else None,
            blocked=True if args.blocked else None,
        )
        if ctx.json:
            # Streamed: each keyset page is written as it is read, in large chunks.
            emit_json_list(
                summary_json(row)
                for row in cases.iter_cases(
                    session,
                    case_filter,
                    today=ctx.today,
                    order_by=args.sort,
                    descending=args.desc,
                    limit=args.limit,
                )
            )
            return 0
        rows = cases.list_cases(
            session,
            case_filter,
            today=ctx.today,
            order_by=args.sort,
            descending=args.desc,
            limit=args.limit,
        )
    emit(
        table(
            [
                [
                    r.number,
                    r.chassis,
                    f"{r.make or ''} {r.model or ''}".strip(),
                    str(r.built or ""),
                    str(r.fmvss_eligible_on or ""),
                    r.customer or "",
                    r.state or "",
                    r.stage + (" (blocked)" if r.blocked else ""),
                ]
                for r in rows
            ],
            ["case", "chassis", "make/model", "built", "FMVSS from", "customer", "state", "stage"],
        )
    )
    return 0


def cmd_show(ctx: CommandContext) -> int:
    _open_age_gates(ctx)
    with ctx.database.reader() as session:
        detail = cases.case_detail(session, ctx.args.id, today=ctx.today)
    if ctx.json:
        emit_json(detail_json(detail))
        return 0
    d = detail
    emit(f"{d.number}  {d.chassis}  {d.make or '?'} {d.model or ''}".rstrip())
    emit(f"Built {d.built or 'unknown'}; first registered {d.first_registered or 'unknown'}")
    if d.eligibility:
        e = d.eligibility
        emit(
            f"FMVSS 25-year: {e.fmvss.eligible_on} "
            f"({'eligible' if e.fmvss.eligible else 'not yet'});"
            f" EPA code E: {e.epa.eligible_on}; basis: {e.basis.value.replace('_', ' ')}"
        )
    emit(
        f"Customer: {d.customer.name if d.customer else '-'}; "
        f"destination: {d.destination_state or '-'}"
    )
    if d.state_rule:
        emit(
            f"Registration path: {d.state_rule.path.label} [{d.state_rule.citation}; "
            f"as of {d.state_rule.as_of}]"
        )
    emit(f"Kei class: {d.kei_class.summary}")
    if d.odometer:
        emit(f"Odometer: {d.odometer}")
    if d.duty_estimate and d.landed_cost_estimate:
        emit(
            f"Duty estimate: {d.duty_estimate.tariff.hts}, total duty and fees "
            f"{Money(d.duty_estimate.total_cents, 'USD')}; landed cost {d.landed_cost_estimate}"
        )
    emit(f"Stage: {d.stage}")
    emit(
        table(
            [[s.key.value, s.status.value, str(s.due_on or ""), s.note] for s in d.steps],
            ["step", "status", "due", "note"],
        )
    )
    for warning in d.warnings:
        emit(f"warning: {warning}")
    return 0


def cmd_ack_rule(ctx: CommandContext) -> int:
    with ctx.database.transaction(ctx.user) as session:
        was_up = acknowledge_rule_change(session, ctx.args.id)
    if ctx.json:
        emit_json({"id": ctx.args.id, "acknowledged": was_up})
    elif was_up:
        emit(f"Acknowledged: the state rule changed since the packet of case {ctx.args.id}.")
    else:
        emit(f"Case {ctx.args.id} has no rule change to acknowledge.")
    return 0


def cmd_set(ctx: CommandContext) -> int:
    changes: dict[str, Any] = {}
    for assignment in ctx.args.assignments:
        name, sep, value = assignment.partition("=")
        name = name.strip().replace("-", "_")
        if not sep:
            raise InvalidInput(f"{assignment!r} is not FIELD=VALUE.")
        spec = EDITABLE.get(name)
        if spec is None:
            raise InvalidInput(
                f"A case has no field {name!r}; fields: {', '.join(sorted(EDITABLE))}."
            )
        changes[name] = spec.read(value, called=name)
    with ctx.database.transaction(ctx.user) as session:
        cases.update_case(
            session,
            ctx.args.id,
            changes,
            user=ctx.user,
            today=ctx.today,
            if_version=ctx.args.if_version,
        )
        detail = cases.case_detail(session, ctx.args.id, today=ctx.today)
    if ctx.json:
        emit_json(detail_json(detail))
    else:
        emit(f"{detail.number} updated ({', '.join(changes)}); stage {detail.stage}")
    return 0


def cmd_history(ctx: CommandContext) -> int:
    with ctx.database.reader() as session:
        entries = cases.case_history(session, ctx.args.id)
    if ctx.json:
        emit_json(entries)
        return 0
    emit(
        table(
            [
                [
                    clock.local_time(e.at).strftime("%Y-%m-%d %H:%M"),
                    e.by,
                    e.what,
                    e.old_text,
                    e.new_text,
                ]
                for e in entries
            ],
            ["when", "who", "what", "old", "new"],
        )
    )
    return 0


def cmd_step(ctx: CommandContext) -> int:
    args = ctx.args
    key = StepKey.parse(args.step)
    status = StepStatus.parse(args.status)
    extra: dict[str, Any] = {}
    if args.due is not None:
        extra["due_on"] = _iso_date(args.due, "--due") if args.due.strip() else None
    with ctx.database.transaction(ctx.user) as session:
        step = cases.set_step(
            session,
            args.id,
            key,
            status,
            note=args.note,
            reason=args.reason,
            user=ctx.user,
            today=ctx.today,
            **extra,
        )
        detail = cases.case_detail(session, args.id, today=ctx.today)
    if ctx.json:
        emit_json({"id": detail.id, "step": jsonable(step), "stage": detail.stage})
    else:
        emit(f"{detail.number}: {step.title} is {step.status.value}; stage {detail.stage}")
    return 0
