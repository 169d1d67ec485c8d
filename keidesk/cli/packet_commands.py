"""``packet``: build a customer handover, customs broker or DMV packet as PDF.

One case: ``keidesk packet 42 --kind handover --out packet.pdf [--paper a4]``.
Many: ``keidesk packet --stage handover --kind handover --out-dir DIR [--workers N]``, in
parallel processes with a progress bar on stderr. Exit 2 when a packet is refused (the
customs packet names the missing fields) or an output path cannot be written; in the batch
form, exit 2 when any case was refused; the others are still built and listed.

A packet with a gap (a needed paper missing or unreadable, a field not recorded) is built,
marked DRAFT on every page: ``--json`` gives ``draft`` and ``gaps`` (each ``{what, status,
detail, text}``, as the packet's cover lists them); the plain form says "draft: N gaps".
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from keidesk.cli.arguments import bounded, record_id
from keidesk.cli.context import CommandContext
from keidesk.cli.output import emit, emit_json
from keidesk.domain.errors import InvalidInput
from keidesk.domain.workflow import parse_stage
from keidesk.packets import PacketKind, Paper
from keidesk.services import cases

if TYPE_CHECKING:
    from keidesk.packets import Gap
    from keidesk.packets.batch import BatchItem


def _gaps_json(gaps: tuple[Gap, ...]) -> list[dict[str, str]]:
    return [
        {"what": g.what, "status": g.status.value, "detail": g.detail, "text": g.text} for g in gaps
    ]


def _draft_note(gaps: tuple[Gap, ...]) -> str:
    return f" (draft: {len(gaps)} gap{'s' if len(gaps) != 1 else ''})" if gaps else ""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    packet = subparsers.add_parser(
        "packet",
        parents=[common],
        help="build a handover, customs or DMV packet (PDF)",
        description="Build one case's packet with CASE_ID --out FILE, or every case in a "
        "stage with --stage STEP --out-dir DIR.",
    )
    packet.add_argument("id", type=record_id, nargs="?", metavar="CASE_ID")
    packet.add_argument(
        "--kind", required=True, choices=[k.value for k in PacketKind], help="which packet"
    )
    packet.add_argument("--out", metavar="FILE.pdf", help="where to write one case's packet")
    packet.add_argument(
        "--paper", default=Paper.LETTER.value, choices=[p.value for p in Paper], help="paper size"
    )
    packet.add_argument("--stage", metavar="STEP", help="batch: every case in this stage")
    packet.add_argument("--out-dir", metavar="DIR", help="batch: folder for the packets")
    packet.add_argument(
        "--workers",
        type=bounded(1, 1024),
        metavar="N",
        help="batch: processes to use (default: all cores)",
    )
    packet.set_defaults(handler=cmd_packet)


def cmd_packet(ctx: CommandContext) -> int:
    args = ctx.args
    kind = PacketKind.parse(args.kind)
    paper = Paper.parse(args.paper)
    if args.stage is not None or args.out_dir is not None:
        if args.id is not None or args.out is not None:
            raise InvalidInput("Give either CASE_ID with --out, or --stage with --out-dir.")
        if args.stage is None or args.out_dir is None:
            raise InvalidInput("The batch form needs both --stage STEP and --out-dir DIR.")
        return _batch(ctx, kind, paper)
    if args.id is None or args.out is None:
        raise InvalidInput("Give CASE_ID and --out FILE.pdf (or --stage and --out-dir).")
    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise InvalidInput(
            f"The packet is a PDF; name the output file with .pdf, not {out.name!r}."
        )
    from keidesk.packets import build_packet  # noqa: PLC0415 - reportlab only when used

    result = build_packet(
        ctx.database, args.id, kind, out, user=ctx.user, today=ctx.today, paper=paper
    )
    if ctx.json:
        emit_json(
            {
                "case_id": result.case_id,
                "number": result.number,
                "kind": result.kind,
                "paper": result.paper,
                "path": str(result.path),
                "pages": result.pages,
                "sha256": result.sha256,
                "document_id": result.document_id,
                "warnings": list(result.warnings),
                "missing": list(result.missing),
                "missing_documents": list(result.missing_documents),
                "draft": result.draft,
                "gaps": _gaps_json(result.gaps),
            }
        )
    else:
        emit(
            f"{result.path} ({result.pages} pages) recorded on {result.number}"
            + _draft_note(result.gaps)
        )
        for warning in result.warnings:
            sys.stderr.write(f"warning: {warning}\n")
    return 0


class _ProgressBar:
    """A plain-text bar on stderr; one line per tenth when stderr is not a terminal."""

    WIDTH = 30

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        if self.tty:
            filled = self.WIDTH * done // max(total, 1)
            bar = "#" * filled + "." * (self.WIDTH - filled)
            sys.stderr.write(f"\r[{bar}] {done}/{total} packets")
            if done == total:
                sys.stderr.write("\n")
        else:
            tenth = 10 * done // max(total, 1)
            if tenth != self.last_tenth:
                self.last_tenth = tenth
                sys.stderr.write(f"{done}/{total} packets\n")
        sys.stderr.flush()


def _item_json(item: BatchItem) -> dict[str, Any]:
    return {
        "case_id": item.case_id,
        "number": item.number,
        "path": str(item.path) if item.path else None,
        "pages": item.pages,
        "sha256": item.sha256,
        "document_id": item.document_id,
        "warnings": list(item.warnings),
        "missing": list(item.missing),
        "missing_documents": list(item.missing_documents),
        "draft": item.draft,
        "gaps": _gaps_json(item.gaps),
        "error": item.error,
    }


def _batch(ctx: CommandContext, kind: PacketKind, paper: Paper) -> int:
    args = ctx.args
    stage = parse_stage(args.stage)
    from keidesk.packets.batch import build_batch  # noqa: PLC0415 - reportlab only when used

    with ctx.database.reader() as session:
        case_ids = cases.case_ids_in_stage(session, stage)
    result = build_batch(
        ctx.database,
        case_ids,
        kind,
        Path(args.out_dir),
        user=ctx.user,
        today=ctx.today,
        paper=paper,
        workers=args.workers,
        progress=_ProgressBar(),
    )
    if ctx.json:
        emit_json(
            {
                "kind": kind,
                "paper": paper,
                "stage": stage,
                "out_dir": str(Path(args.out_dir).expanduser().resolve()),
                "built": len(result.built),
                "failed": len(result.failed),
                "packets": [_item_json(item) for item in result.items],
            }
        )
    else:
        emit(
            f"{len(result.built)} of {len(case_ids)} {kind.value} packets written to {args.out_dir}"
        )
        for item in result.failed:
            emit(f"not built: {item.number}: {item.error}")
    if result.failed:
        sys.stderr.write(
            f"error: {len(result.failed)} of {len(case_ids)} packets were not built "
            f"(first: {result.failed[0].number}: {result.failed[0].error})\n"
        )
        return 2
    return 0
