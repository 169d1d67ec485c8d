"""``import``, ``export``, ``backup``, ``restore``, ``check`` and ``bundle``: data in and out."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from keidesk.cli.arguments import list_filter, record_id
from keidesk.cli.context import CommandContext
from keidesk.cli.output import emit, emit_json, jsonable, table
from keidesk.dataio import backup, bundle, integrity, migrate
from keidesk.dataio.export import export_cases
from keidesk.dataio.importer import (
    DuplicatePolicy,
    ImportFailed,
    ImportReport,
    RowOutcome,
    check_import,
    problem_file_path,
    run_import,
)
from keidesk.dataio.mapping import FIELDS, apply_overrides, mapping_for
from keidesk.dataio.sheets import read_sheet
from keidesk.domain.errors import InvalidInput
from keidesk.services import cases
from keidesk.services.documents import attachment_store
from keidesk.storage.database import open_database
from keidesk.storage.errors import DatabaseReadOnly


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    imp = subparsers.add_parser(
        "import",
        parents=[common],
        help="import cases from a CSV or XLSX file (all rows or none; or --problems-to)",
        description="Columns are matched to fields by their headers (and remembered per "
        f"layout). Fields: {', '.join(FIELDS)}.",
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help="check and report; write nothing")
    imp.add_argument(
        "--duplicates",
        choices=[p.value for p in DuplicatePolicy],
        default=DuplicatePolicy.SKIP.value,
        help="a truck already on file: skip its row (default) or merge the row into it",
    )
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="correct the column mapping (FIELD '-' ignores the column); repeatable",
    )
    imp.add_argument(
        "--problems-to",
        type=Path,
        metavar="FILE",
        help="import the rows without problems and save the rows with problems to FILE "
        "(.csv or .xlsx: their columns plus one saying what is wrong), to fix and import again",
    )
    imp.set_defaults(handler=cmd_import)

    exp = subparsers.add_parser(
        "export", parents=[common], help="export the (filtered) case list to CSV or XLSX"
    )
    exp.add_argument("file", type=Path, metavar="FILE", help="a .csv or .xlsx file")
    exp.add_argument("--search", metavar="TEXT", default="")
    exp.add_argument("--stage", metavar="STEP", help="a step key, or 'complete'")
    exp.add_argument("--state", metavar="XX")
    exp.add_argument(
        "--sort",
        choices=list(cases.SORT_COLUMNS),
        default="number",
        metavar="COLUMN",
        help="rows in the order of a list column, as `case list --sort`: "
        + ", ".join(cases.SORT_COLUMNS)
        + " (default: number)",
    )
    exp.add_argument("--desc", action="store_true", help="in descending order")
    exp.set_defaults(handler=cmd_export)

    bak = subparsers.add_parser(
        "backup", parents=[common], help="back up the database and attachments now"
    )
    where = bak.add_mutually_exclusive_group()
    where.add_argument(
        "--to", type=Path, metavar="PATH", help="a folder to put the backup in (a USB stick)"
    )
    where.add_argument(
        "--file",
        type=Path,
        metavar="FILE",
        help="write the backup as one .keidesk-backup file (a folder gets a file named by "
        "the time); 'keidesk restore FILE' restores it",
    )
    bak.set_defaults(handler=cmd_backup)

    res = subparsers.add_parser(
        "restore",
        parents=[common],
        help="replace the database with a verified backup (the current one is kept aside)",
    )
    res.add_argument(
        "path",
        type=Path,
        metavar="PATH",
        help="a backup folder, a .keidesk-backup file or a database file",
    )
    res.set_defaults(handler=cmd_restore)

    mig = subparsers.add_parser(
        "migrate-to",
        parents=[common],
        help="copy this database file (cases, history, documents and their files, rules, "
        "settings) into a new, empty office server database, verified; the file is unchanged",
    )
    mig.add_argument(
        "url", metavar="URL", help="the new server database, e.g. postgresql+psycopg://me@host/db"
    )
    mig.set_defaults(handler=cmd_migrate_to)

    chk = subparsers.add_parser(
        "check", parents=[common], help="check the database and every attachment's hash"
    )
    chk.set_defaults(handler=cmd_check)

    bun = subparsers.add_parser("bundle", parents=[common], help="case bundles (.zip)")
    bun_sub = bun.add_subparsers(
        dest="bundle_command", metavar="SUBCOMMAND", parser_class=type(bun)
    )
    bexp = bun_sub.add_parser("export", parents=[common], help="export cases as one .zip")
    bexp.add_argument("ids", type=record_id, nargs="+", metavar="ID")
    bexp.add_argument("--out", type=Path, required=True, metavar="FILE.zip")
    bexp.set_defaults(handler=cmd_bundle_export)
    bimp = bun_sub.add_parser("import", parents=[common], help="import a case bundle")
    bimp.add_argument("file", type=Path, metavar="FILE.zip")
    bimp.add_argument(
        "--prefer",
        choices=[c.value for c in bundle.Choice],
        help="for a case already here that differs: keep mine, take theirs, or keep both",
    )
    bimp.add_argument("--dry-run", action="store_true", help="show what would change")
    bimp.set_defaults(handler=cmd_bundle_import)


# --- import and export ----------------------------------------------------------------------


def _report_json(report: ImportReport, mapping: dict[str, str | None]) -> dict[str, Any]:
    return {
        "file": report.file,
        "committed": report.committed,
        "dry_run": report.dry_run,
        "counts": dict(report.counts),
        "mapping": mapping,
        "unmapped": list(report.unmapped),
        "problems_file": report.problems_file,
        "rows": [jsonable(r) for r in report.rows],
    }


def _emit_report(ctx: CommandContext, report: ImportReport, mapping: dict[str, str | None]) -> None:
    if ctx.json:
        emit_json(_report_json(report, mapping))
        return
    emit(
        table(
            [
                [
                    str(r.line),
                    r.outcome.value,
                    r.chassis or "",
                    str(r.case_id or ""),
                    r.message,
                ]
                for r in report.rows
            ],
            ["row", "result", "chassis", "case", "details"],
        )
    )
    counts = ", ".join(f"{n} {name}" for name, n in report.counts.items() if n)
    emit(
        f"{report.file}: {counts or 'no rows'}"
        + (" (dry run, nothing written)" if report.dry_run else "")
    )
    if report.unmapped:
        emit(
            "Not imported from any row: the column(s) "
            + ", ".join(repr(c) for c in report.unmapped)
            + " (no keidesk field takes them; --map COLUMN=FIELD uses one)"
        )
    if report.problems_file:
        set_aside = report.counts.get(RowOutcome.SET_ASIDE.value, 0)
        emit(f"{set_aside} row(s) with problems saved to {report.problems_file}: fix them there")


def cmd_import(ctx: CommandContext) -> int:
    args = ctx.args
    problems_to = problem_file_path(args.file, args.problems_to) if args.problems_to else None
    sheet = read_sheet(args.file)
    database = ctx.database
    session_scope = database.reader() if args.dry_run else database.transaction(ctx.user)
    mapping_shown: dict[str, str | None] = {}
    try:
        with session_scope as session:
            mapping, _remembered = mapping_for(session, sheet.headers)
            mapping = apply_overrides(sheet.headers, mapping, args.map)
            mapping_shown = dict(zip(sheet.headers, mapping, strict=True))
            check = check_import(session, sheet, mapping, today=ctx.today)
            report = run_import(
                session,
                check,
                duplicates=DuplicatePolicy(args.duplicates),
                user=ctx.user,
                today=ctx.today,
                dry_run=args.dry_run,
                problems_to=problems_to,
            )
    except ImportFailed as failed:
        _emit_report(ctx, failed.report, mapping_shown)
        raise
    _emit_report(ctx, report, mapping_shown)
    return 0


def cmd_export(ctx: CommandContext) -> int:
    args = ctx.args
    with ctx.database.reader() as session:
        case_filter = list_filter(session, args)
        count = export_cases(
            session,
            case_filter,
            args.file,
            today=ctx.today,
            order_by=args.sort,
            descending=args.desc,
        )
    if ctx.json:
        emit_json({"file": str(args.file), "cases": count})
    else:
        emit(f"Exported {count} cases to {args.file}")
    return 0


# --- backups and checks ---------------------------------------------------------------------


def cmd_backup(ctx: CommandContext) -> int:
    if ctx.args.file is not None:
        result = backup.make_backup_file(ctx.database, ctx.args.file, user=ctx.user)
    else:
        result = backup.make_backup(
            ctx.database, kind=backup.BackupKind.MANUAL, user=ctx.user, to=ctx.args.to
        )
    if ctx.json:
        emit_json(result)
    else:
        emit(f"Backed up to {result.path} ({result.cases} cases, {result.attachments} attachments)")
    return 0


def cmd_restore(ctx: CommandContext) -> int:
    target = getattr(ctx.args, "db", None)
    if target is not None and backup.is_server_target(target):
        # Not opened first: opening creates the schema, and the target must stay empty.
        # Nor signed in through it for ctx.user: the restore's own transaction records the
        # signed-in role.
        into = backup.restore_server_backup(target, ctx.args.path, user=ctx.typed_user)
        if ctx.json:
            emit_json(into)
        else:
            emit(
                f"Restored {into.restored_from} ({into.cases} cases, "
                f"{into.attachments_checked} attachments) into {into.database}; "
                "row counts and attachment hashes checked."
            )
        return 0
    result = backup.restore_backup(ctx.database, ctx.args.path, user=ctx.user)
    if ctx.json:
        emit_json(result)
    else:
        emit(
            f"Restored {result.restored_from} ({result.cases} cases). The database it replaced "
            f"is kept at {result.kept_aside}; 'keidesk restore {result.kept_aside}' undoes this."
        )
    return 0


def cmd_check(ctx: CommandContext) -> int:
    report = integrity.check(ctx.database)
    if ctx.json:
        emit_json(report)
    else:
        emit(
            f"Database: {'ok' if report.database_ok else 'DAMAGED'}; "
            f"{report.documents_checked} attachments checked"
        )
        for problem in report.problems:
            emit(f"problem: {problem}")
    if not report.ok:
        raise InvalidInput(
            f"The check found {len(report.problems)} problem(s); restore a backup "
            "or re-attach the missing files."
        )
    return 0


def cmd_migrate_to(ctx: CommandContext) -> int:
    # Read-only: the laptop's file is left exactly as it is.
    try:
        source = open_database(getattr(ctx.args, "db", None), read_only=True)
    except DatabaseReadOnly as exc:  # an older keidesk's file: upgrading it is a write
        raise DatabaseReadOnly(
            f"{exc} Open it once with this version of keidesk (which upgrades it), then move it."
        ) from None
    try:
        result = migrate.migrate_to(source, ctx.args.url, user=ctx.typed_user)
    finally:
        source.close()
    if ctx.json:
        emit_json(result)
    else:
        emit(
            f"Moved {result.cases} cases ({sum(result.rows.values())} rows) and "
            f"{result.attachments} file(s) into {result.target}; counts and hashes checked. "
            "This computer's file is unchanged; open the server with --db URL from now on."
        )
    return 0


# --- bundles --------------------------------------------------------------------------------


def cmd_bundle_export(ctx: CommandContext) -> int:
    args = ctx.args
    database = ctx.database
    with database.reader() as session:
        result = bundle.export_bundle(
            session, attachment_store(database), args.ids, args.out, user=ctx.user
        )
    if ctx.json:
        emit_json(result)
    else:
        emit(f"Wrote {result.cases} cases and {result.files} files to {result.path}")
    return 0


def cmd_bundle_import(ctx: CommandContext) -> int:
    args = ctx.args
    database = ctx.database
    choice = bundle.Choice(args.prefer) if args.prefer else None
    contents = bundle.open_bundle(args.file)
    store = attachment_store(database)
    try:
        if args.dry_run:
            with database.reader() as session:
                result = bundle.import_bundle(
                    session,
                    store,
                    contents,
                    user=ctx.user,
                    today=ctx.today,
                    default_choice=choice,
                    dry_run=True,
                )
        else:
            result = bundle.import_files_and_cases(
                database, store, contents, user=ctx.user, today=ctx.today, default_choice=choice
            )
    except bundle.BundleConflict as conflict:
        _emit_bundle_result(ctx, conflict.result)
        raise
    _emit_bundle_result(ctx, result)
    return 0


def _emit_bundle_result(ctx: CommandContext, result: bundle.BundleImport) -> None:
    if ctx.json:
        emit_json(result)
        return
    for case in result.cases:
        emit(f"{case.number or '(new)'} {case.chassis}: {case.outcome}")
        for difference in case.differences:
            emit(
                f"  {difference.item} {difference.field}: mine {difference.mine!r}, "
                f"theirs {difference.theirs!r}"
            )
    if result.dry_run:
        emit("(dry run, nothing written)")
