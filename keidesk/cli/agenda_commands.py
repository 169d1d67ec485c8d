"""``agenda`` (what needs doing today and the next days; snooze, handled, reopen) and
``calendar`` (due dates, ETAs, releases and eligibility dates as an iCalendar file)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from keidesk.cli.arguments import bounded
from keidesk.cli.context import CommandContext
from keidesk.cli.output import emit, emit_json, emit_json_list, table
from keidesk.dataio import backup
from keidesk.dataio.calendar import DEFAULT_DAYS as CALENDAR_DAYS
from keidesk.dataio.calendar import export_calendar
from keidesk.domain.errors import InvalidInput
from keidesk.services import agenda
from keidesk.services.agenda import DEFAULT_DAYS, MAX_DAYS, AgendaItem, ItemRef


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    days = bounded(1, MAX_DAYS)
    parser = subparsers.add_parser(
        "agenda",
        parents=[common],
        help="what needs doing today and in the next days (snooze or mark items handled)",
        description="Overdue and due steps, arrivals, customs releases still pending, trucks "
        "becoming eligible within 90 days, state rules to re-verify and a due backup. Each "
        "item has an id (--json) to snooze it or mark it handled.",
    )
    parser.add_argument(
        "--days",
        type=days,
        default=DEFAULT_DAYS,
        metavar="N",
        help=f"today and the next N-1 days (default {DEFAULT_DAYS})",
    )
    parser.set_defaults(handler=cmd_agenda)
    actions = parser.add_subparsers(dest="agenda_action", metavar="ACTION")
    snooze = actions.add_parser(
        "snooze", parents=[common], help="hide an item until a day (it shows again that day)"
    )
    snooze.add_argument("item", metavar="ITEM", help="the item's id, as 'agenda --json' gives it")
    snooze.add_argument("--until", required=True, metavar="YYYY-MM-DD")
    snooze.set_defaults(handler=cmd_snooze)
    for name, handler, text in (
        ("handled", cmd_handled, "mark an item handled: it leaves the agenda"),
        ("reopen", cmd_reopen, "show a handled or snoozed item again"),
    ):
        action = actions.add_parser(name, parents=[common], help=text)
        action.add_argument(
            "item", metavar="ITEM", help="the item's id, as 'agenda --json' gives it"
        )
        action.set_defaults(handler=handler)

    calendar = subparsers.add_parser(
        "calendar",
        parents=[common],
        help="write due dates, ETAs, releases and eligibility dates as an iCalendar (.ics) file",
        description="An .ics file Outlook, Thunderbird or Google Calendar can import or "
        "subscribe to; each event keeps its UID, so writing it again updates the events.",
    )
    calendar.add_argument("--out", required=True, metavar="FILE.ics", type=Path)
    calendar.add_argument(
        "--days",
        type=days,
        default=CALENDAR_DAYS,
        metavar="N",
        help=f"how many days ahead (default {CALENDAR_DAYS}; the last month is always in)",
    )
    calendar.set_defaults(handler=cmd_calendar)


def item_json(item: AgendaItem) -> dict[str, Any]:
    """An agenda item's ``--json`` object (a contract)."""
    return {
        "date": item.date.isoformat(),
        "kind": item.kind.value,
        "case_id": item.case_id,
        "number": item.number,
        "text": item.text,
        "id": item.id,
        "state": item.state,
    }


def cmd_agenda(ctx: CommandContext) -> int:
    today = ctx.today
    with ctx.database.reader() as session:
        result = agenda.build_agenda(
            session, today=today, days=ctx.args.days, backup_reminder=backup.backup_reminder
        )
    if ctx.json:
        emit_json_list(item_json(item) for item in result.items)
        return 0
    if not result.items:
        emit("Nothing on the agenda.")
        return 0
    rows = [
        [
            "overdue" if item.date < today else "",
            item.date.isoformat(),
            item.kind.label,
            item.number or item.state or "",
            item.text,
            item.id,
        ]
        for item in result.items
    ]
    emit(table(rows, ["", "date", "what", "case", "details", "id"]))
    return 0


def _done(ctx: CommandContext, ref: ItemRef, what: str) -> int:
    if ctx.json:
        emit_json({"id": ref.id, "action": what})
    else:
        emit(f"{ref.id}: {what}")
    return 0


def _until(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"--until {text!r} is not a date; write it as YYYY-MM-DD.") from None


def cmd_snooze(ctx: CommandContext) -> int:
    until = _until(ctx.args.until)
    with ctx.database.transaction(ctx.user) as session:
        ref = agenda.snooze(session, ctx.args.item, until, today=ctx.today, user=ctx.user)
    return _done(ctx, ref, f"snoozed until {until.isoformat()}")


def cmd_handled(ctx: CommandContext) -> int:
    with ctx.database.transaction(ctx.user) as session:
        ref = agenda.mark_handled(session, ctx.args.item, today=ctx.today, user=ctx.user)
    return _done(ctx, ref, "handled")


def cmd_reopen(ctx: CommandContext) -> int:
    with ctx.database.transaction(ctx.user) as session:
        ref = agenda.reopen(session, ctx.args.item, today=ctx.today, user=ctx.user)
    return _done(ctx, ref, "reopened")


def cmd_calendar(ctx: CommandContext) -> int:
    with ctx.database.reader() as session:
        result = export_calendar(session, ctx.args.out, today=ctx.today, days=ctx.args.days)
    if ctx.json:
        emit_json({"path": str(result.path), "events": result.events})
    else:
        emit(f"Wrote {result.events} events to {result.path}")
    return 0
