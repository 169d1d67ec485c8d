"""``decode``, ``eligibility``, ``state`` and ``states``: what a truck is, when it may come in,
and what the buyer's state allows."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from keidesk.atomic import replacing
from keidesk.cli.context import CommandContext
from keidesk.cli.output import emit, emit_json, jsonable, table
from keidesk.domain.dates import parse_date
from keidesk.domain.eligibility import assess_eligibility
from keidesk.domain.errors import InvalidInput
from keidesk.services.reference import decode_chassis, get_state_rule, list_state_rules
from keidesk.services.rules_pack import export_pack, import_pack, pack_bytes
from keidesk.services.views import DecodedChassis, StateRuleView


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    decode = subparsers.add_parser(
        "decode", parents=[common], help="normalise a chassis number and decode its model code"
    )
    decode.add_argument("chassis", metavar="CHASSIS", help="frame number (DA52T-123456) or VIN")
    decode.add_argument("--built", metavar="DATE", help="build date, to check production years")
    decode.set_defaults(handler=cmd_decode)

    eligibility = subparsers.add_parser(
        "eligibility",
        parents=[common],
        help="FMVSS 25-year, EPA 21-year and Section 232 dates for a build date",
    )
    eligibility.add_argument(
        "date", metavar="DATE", help="date of manufacture: 1999-03, H11.3, 平成11年3月, ..."
    )
    eligibility.add_argument(
        "--first-registered",
        action="store_true",
        help="DATE is the first registration/inspection month, not manufacture",
    )
    eligibility.add_argument("--on", metavar="YYYY-MM-DD", help="the date to judge (default today)")
    eligibility.set_defaults(handler=cmd_eligibility)

    state = subparsers.add_parser(
        "state", parents=[common], help="a state's registration path for kei trucks"
    )
    state.add_argument("code", metavar="CODE", help="two-letter code, e.g. TX or DC")
    state.add_argument(
        "--on", metavar="YYYY-MM-DD", help="the rule in force on this date (default today)"
    )
    state.set_defaults(handler=cmd_state)

    states = subparsers.add_parser(
        "states", parents=[common], help="all 50 states and DC with their registration paths"
    )
    states.add_argument(
        "--on", metavar="YYYY-MM-DD", help="the rules in force on this date (default today)"
    )
    states.set_defaults(handler=cmd_states)

    rules = subparsers.add_parser(
        "rules", parents=[common], help="share state rules: export or import a rules pack"
    )
    rules_sub = rules.add_subparsers(dest="rules_command", required=True, metavar="ACTION")
    export = rules_sub.add_parser(
        "export", parents=[common], help="write every state's rule, all versions, to a pack"
    )
    export.add_argument("file", type=Path, metavar="FILE", help="the .json rules pack to write")
    export.add_argument("--issuer", metavar="NAME", help="who issues the pack (default: you)")
    export.set_defaults(handler=cmd_rules_export)
    imp = rules_sub.add_parser(
        "import", parents=[common], help="check a rules pack and take its changes"
    )
    imp.add_argument("file", type=Path, metavar="FILE", help="a .json rules pack")
    imp.add_argument(
        "--dry-run", action="store_true", help="show what would change; change nothing"
    )
    imp.add_argument(
        "--overwrite-newer",
        action="store_true",
        help="replace rules verified here more recently than the pack's copy",
    )
    imp.set_defaults(handler=cmd_rules_import)


def decoded_json(decoded: DecodedChassis) -> dict[str, Any]:
    chassis = decoded.chassis
    code = decoded.code
    return {
        "normalized": chassis.normalized,
        "kind": chassis.kind.value,
        "model_code": chassis.model_code,
        "serial": chassis.serial,
        "known": decoded.known,
        "make": code.make if code else None,
        "model": code.model if code else None,
        "body": code.body if code else None,
        "drive": code.drive if code else None,
        "engine": code.engine if code else None,
        "engine_cc": code.engine_cc if code else None,
        "production": code.production_text if code else None,
        "first_year": code.first_year if code else None,
        "last_year": code.last_year if code else None,
        "in_production": code.in_production if code else None,
        "confidence": code.confidence.value if code else None,
        "confidence_label": code.confidence.label if code else None,
        "source": code.source if code else None,
        "notes": code.notes if code else None,
        "warnings": list(decoded.warnings),
    }


def cmd_decode(ctx: CommandContext) -> int:
    built = parse_date(ctx.args.built) if ctx.args.built else None
    with ctx.database.reader() as session:
        decoded = decode_chassis(session, ctx.args.chassis, built=built)
    data = decoded_json(decoded)
    if ctx.json:
        emit_json(data)
        return 0
    emit(
        f"Chassis number  {data['normalized']} "
        f"({'VIN' if data['kind'] == 'vin' else 'frame number'})"
    )
    if decoded.code is not None:
        emit(
            f"Model code      {data['model_code']}: {data['make']} {data['model']}"
            f"{' ' + data['drive'] if data['drive'] else ''}"
        )
        emit(f"Production      {data['production']}")
        if data["engine"] or data["engine_cc"]:
            cc = f" {data['engine_cc']} cc" if data["engine_cc"] else ""
            emit(f"Engine          {data['engine'] or ''}{cc}".rstrip())
        emit(
            f"Confidence      {data['confidence']} ({data['confidence_label']}); "
            f"source: {data['source']}"
        )
    elif data["model_code"]:
        emit(f"Model code      {data['model_code']}: not in the chassis-code table")
    for warning in decoded.warnings:
        emit(f"warning: {warning}")
    return 0


def _on_date(text: str | None, today: date) -> date:
    if not text:
        return today
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"--on {text!r} is not a date; write it as YYYY-MM-DD.") from None


def cmd_eligibility(ctx: CommandContext) -> int:
    on = _on_date(ctx.args.on, ctx.today)
    given = parse_date(ctx.args.date, today=ctx.today, not_after_today=True)
    if ctx.args.first_registered:
        result = assess_eligibility(None, given, on)
    else:
        result = assess_eligibility(given, None, on)
    if ctx.json:
        emit_json(
            {
                "date": given.iso(),
                "precision": given.precision.value,
                "basis": result.basis.value,
                "on": on.isoformat(),
                **{
                    rule.rule.value: jsonable(rule)
                    for rule in (result.fmvss, result.epa, result.section232)
                },
            }
        )
        return 0
    emit(
        f"{'First registered' if ctx.args.first_registered else 'Built'} {given} "
        f"(judged on {on.isoformat()})"
    )
    for rule in (result.fmvss, result.epa, result.section232):
        status = "eligible" if rule.eligible else f"not yet, {rule.days_remaining} days to go"
        emit(f"  {rule.title}: from {rule.eligible_on.isoformat()}: {status}")
        emit(f"    {rule.explanation} [{rule.citation}]")
    return 0


def rule_json(rule: StateRuleView) -> dict[str, Any]:
    data: dict[str, Any] = jsonable(rule)
    data["path_label"] = rule.path.label
    data["verified_on"] = rule.verified_on.isoformat()
    data["confidence_label"] = rule.confidence.label
    if rule.next_change is not None:
        data["next_change"]["path_label"] = rule.next_change.path.label
        data["next_change"]["text"] = rule.next_change.text
    return data


def cmd_state(ctx: CommandContext) -> int:
    on = _on_date(ctx.args.on, ctx.today)
    with ctx.database.reader() as session:
        rule = get_state_rule(session, ctx.args.code, today=ctx.today, on=on)
    if ctx.json:
        emit_json(rule_json(rule))
        return 0
    emit(
        f"{rule.name} ({rule.code}): {rule.path.label}"
        f"{' (under review)' if rule.under_review else ''}"
    )
    start = rule.effective_from.isoformat() if rule.effective_from else "the beginning"
    end = rule.effective_to.isoformat() if rule.effective_to else "no end on file"
    emit(f"In force:     from {start} to {end} (asked for {on.isoformat()})")
    if rule.next_change is not None:
        emit(f"Next change:  {rule.next_change.text}")
    emit("For customers and clerks:")
    for paragraph in rule.summary:
        emit(f"  {paragraph}")
    emit("Research notes (staff):")
    emit(f"Road limits:  {rule.road_limits}")
    if rule.max_speed_mph:
        emit(f"Max posted speed: {rule.max_speed_mph} mph")
    if rule.interstate_allowed is not None:
        emit(f"Interstates:  {'allowed' if rule.interstate_allowed else 'not allowed'}")
    emit("Documents:")
    for doc in rule.documents:
        emit(f"  - {doc}")
    emit(f"Citation:     {rule.citation}")
    emit(f"Source:       {rule.source}")
    emit(f"As of:        {rule.as_of.isoformat()} ({rule.as_of_note})")
    emit(f"Confidence:   {rule.confidence.value} ({rule.confidence.label})")
    if rule.notes:
        emit(f"Notes:        {rule.notes}")
    for warning in rule.warnings:
        emit(f"warning: {warning}")
    return 0


def cmd_states(ctx: CommandContext) -> int:
    on = _on_date(ctx.args.on, ctx.today)
    with ctx.database.reader() as session:
        rules = list_state_rules(session, today=ctx.today, on=on)
    if ctx.json:
        emit_json([rule_json(rule) for rule in rules])
        return 0
    rows = [
        [
            r.code,
            r.name,
            r.path.label + (" *" if r.under_review else ""),
            f"{r.max_speed_mph} mph" if r.max_speed_mph else "",
            r.as_of.isoformat(),
            r.confidence.value,
            r.next_change.text if r.next_change else "",
        ]
        for r in rules
    ]
    emit(table(rows, ["code", "state", "path", "limit", "as of", "conf", "next change"]))
    emit(f"Rules in force on {on.isoformat()}. * under review.")
    emit("Confidence: P primary source, S secondary, U unverified.")
    return 0


def cmd_rules_export(ctx: CommandContext) -> int:
    target: Path = ctx.args.file
    with ctx.database.reader() as session:
        pack = export_pack(session, issuer=ctx.args.issuer or ctx.user)
    try:
        with replacing(target) as temp:
            temp.write_bytes(pack_bytes(pack))
    except OSError as exc:
        raise InvalidInput(f"Could not write {target}: {exc.strerror or exc}.") from None
    versions = sum(len(state["versions"]) for state in pack["states"])
    if ctx.json:
        emit_json(
            {
                "file": str(target),
                "states": len(pack["states"]),
                "versions": versions,
                "sha256": pack["sha256"],
            }
        )
    else:
        emit(
            f"Wrote {len(pack['states'])} states ({versions} rule versions) to {target}, "
            f"issued by {pack['issuer']}; SHA-256 {pack['sha256']}"
        )
    return 0


def cmd_rules_import(ctx: CommandContext) -> int:
    source: Path = ctx.args.file
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInput(f"There is no file {source}.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"Could not read {source}: {exc}.") from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{source} is not a rules pack (not JSON: {exc.msg}).") from None
    dry_run = bool(ctx.args.dry_run)
    if dry_run:
        with ctx.database.reader() as session:
            result = import_pack(session, data, user=ctx.user, today=ctx.today, dry_run=True)
    else:
        with ctx.database.transaction(ctx.user) as session:
            result = import_pack(
                session,
                data,
                user=ctx.user,
                today=ctx.today,
                overwrite_newer=bool(ctx.args.overwrite_newer),
            )
    if ctx.json:
        emit_json(
            {
                "issuer": result.issuer,
                "issued_at": result.issued_at,
                "dry_run": dry_run,
                "applied": result.applied,
                "changes": [
                    {"code": c.code, "field": c.field, "old": c.old, "new": c.new}
                    for c in result.changes
                ],
                "affected_cases": list(result.affected_cases),
                "newer_here": list(result.newer_here),
            }
        )
        return 0
    emit(f"Rules pack issued by {result.issuer} on {result.issued_at}.")
    if not result.changes:
        emit("No changes: every rule in the pack is already on file.")
        return 0
    current = None
    for change in result.changes:
        if change.code != current:
            current = change.code
            emit(f"{change.code}:")
        emit(f"  {change.field}: {_short(change.old)} -> {_short(change.new)}")
    if result.affected_cases:
        ids = ", ".join(str(i) for i in result.affected_cases)
        emit(f"Open cases whose registration path changes: {ids}")
    for line in result.newer_here:
        emit(f"warning: verified here more recently than the pack: {line}")
    codes = len({c.code for c in result.changes})
    if dry_run:
        emit(f"Dry run: {len(result.changes)} changes in {codes} states; nothing was changed.")
    else:
        emit(f"Imported {len(result.changes)} changes in {codes} states (recorded in the history).")
    return 0


def _short(value: str | None, limit: int = 70) -> str:
    if value is None:
        return "(none)"
    return value if len(value) <= limit else value[: limit - 1] + "…"
