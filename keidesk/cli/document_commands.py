"""``doc add|list|set|remove|restore|export|empty-trash``: the papers kept with a case."""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from keidesk.cli.arguments import record_id
from keidesk.cli.context import CommandContext
from keidesk.cli.output import emit, emit_json, table
from keidesk.domain.documents import DocumentKind
from keidesk.domain.errors import InvalidInput, NotFound
from keidesk.domain.workflow import StepKey
from keidesk.services import documents
from keidesk.services.documents import attachment_store
from keidesk.services.views import DocumentView
from keidesk.storage.models import Document

_KINDS = ", ".join(k.value for k in DocumentKind)
_STEPS = ", ".join(k.value for k in StepKey)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    doc = subparsers.add_parser("doc", parents=[common], help="the papers kept with a case")
    doc_sub = doc.add_subparsers(dest="doc_command", metavar="SUBCOMMAND", parser_class=type(doc))

    add = doc_sub.add_parser("add", parents=[common], help="attach a scan or photo to a case")
    add.add_argument("case", type=record_id, metavar="CASE")
    add.add_argument("file", type=Path, metavar="FILE")
    add.add_argument(
        "--kind",
        metavar="KIND",
        help=f"what the paper is (default: guessed from its name): {_KINDS}",
    )
    add.add_argument(
        "--step", metavar="STEP", help=f"file it under a step (default: its kind's): {_STEPS}"
    )
    add.add_argument("--title", metavar="TEXT", help="default: the file's name")
    add.set_defaults(handler=cmd_add)

    listing = doc_sub.add_parser("list", parents=[common], help="a case's papers")
    listing.add_argument("case", type=record_id, metavar="CASE")
    listing.add_argument("--removed", action="store_true", help="the ones in the trash instead")
    listing.set_defaults(handler=cmd_list)

    set_ = doc_sub.add_parser("set", parents=[common], help="change a paper's kind, step or title")
    set_.add_argument("doc", type=record_id, metavar="DOC")
    set_.add_argument("--kind", metavar="KIND", help=_KINDS)
    set_.add_argument("--step", metavar="STEP", help=f"{_STEPS}, or '' for the case as a whole")
    set_.add_argument("--title", metavar="TEXT")
    set_.add_argument(
        "--case", type=record_id, metavar="CASE", help="refuse unless DOC is this case's"
    )
    set_.set_defaults(handler=cmd_set)

    for name, handler, what in (
        ("remove", cmd_remove, "put a paper in the trash (it can be restored)"),
        ("restore", cmd_restore, "take a paper back out of the trash"),
    ):
        sub = doc_sub.add_parser(name, parents=[common], help=what)
        sub.add_argument("doc", type=record_id, metavar="DOC")
        sub.add_argument(
            "--case", type=record_id, metavar="CASE", help="refuse unless DOC is this case's"
        )
        sub.set_defaults(handler=handler)

    export = doc_sub.add_parser("export", parents=[common], help="write a paper's file out")
    export.add_argument("doc", type=record_id, metavar="DOC")
    export.add_argument("--out", type=Path, required=True, metavar="FILE")
    export.set_defaults(handler=cmd_export)

    empty = doc_sub.add_parser(
        "empty-trash", parents=[common], help="delete the papers in the trash for good"
    )
    empty.add_argument(
        "--case", type=record_id, metavar="CASE", help="only this case's (default: all)"
    )
    empty.add_argument("--yes", action="store_true", help="confirm: they cannot be restored")
    empty.set_defaults(handler=cmd_empty_trash)


def _step(text: str | None) -> StepKey | None:
    return StepKey.parse(text) if text and text.strip() else None


def document_json(view: DocumentView) -> dict[str, Any]:
    """A document as ``doc list --json`` and ``doc set --json`` give it."""
    return {
        "id": view.id,
        "kind": view.doc_type,
        "step": view.step_key.value if view.step_key else None,
        "title": view.title,
        "file_name": view.original_name,
        "sha256": view.sha256,
        "size": view.size_bytes,
        "media_type": view.media_type,
        "added_at": view.added_at.isoformat(),
        "added_by": view.added_by,
        "removed_at": view.removed_at.isoformat() if view.removed_at else None,
        "removed_by": view.removed_by,
    }


def cmd_add(ctx: CommandContext) -> int:
    args = ctx.args
    kind = DocumentKind.parse(args.kind) if args.kind else None
    filed: dict[str, Any] = {} if args.step is None else {"step_key": _step(args.step)}
    source: Path = args.file
    store = attachment_store(ctx.database)
    with ctx.database.reader() as session:
        documents.require_case(session, args.case)  # refused before any file is copied
    stored = store.put(source)  # outside the transaction
    kind = kind or documents.guessed_kind(stored)
    with ctx.database.transaction(ctx.user) as session:
        view = documents.add_document(
            session,
            args.case,
            stored,
            user=ctx.user,
            doc_type=kind.value,
            title=args.title,
            **filed,
        )
    if ctx.json:
        emit_json({"id": view.id})
    else:
        emit(str(view.id))
    return 0


def cmd_list(ctx: CommandContext) -> int:
    with ctx.database.reader() as session:
        views = documents.list_documents(session, ctx.args.case, removed=ctx.args.removed)
    if ctx.json:
        emit_json([document_json(v) for v in views])
        return 0
    if not views:
        emit("In the trash: nothing." if ctx.args.removed else "No papers attached.")
        return 0
    emit(
        table(
            [
                [
                    str(v.id),
                    v.doc_type,
                    v.step_key.value if v.step_key else "",
                    v.title,
                    f"{v.size_bytes:,}",
                    v.added_by,
                ]
                for v in views
            ],
            ["id", "kind", "step", "title", "bytes", "added by"],
        )
    )
    return 0


def cmd_set(ctx: CommandContext) -> int:
    args = ctx.args
    if args.kind is None and args.step is None and args.title is None:
        raise InvalidInput("Say what to change: --kind, --step or --title.")
    changes: dict[str, Any] = {}
    if args.kind is not None:
        changes["kind"] = DocumentKind.parse(args.kind)
    if args.step is not None:
        changes["step_key"] = _step(args.step)
    if args.title is not None:
        changes["title"] = args.title
    with ctx.database.transaction(ctx.user) as session:
        view = documents.update_document(
            session, args.doc, user=ctx.user, case_id=args.case, **changes
        )
    if ctx.json:
        emit_json(document_json(view))
    else:
        emit(f"Document {view.id}: {view.doc_type}, {view.title}")
    return 0


def cmd_remove(ctx: CommandContext) -> int:
    return _trash_move(
        ctx, documents.remove_document, "is in the trash; 'keidesk doc restore {id}' brings it back"
    )


def cmd_restore(ctx: CommandContext) -> int:
    return _trash_move(ctx, documents.restore_document, "is restored")


def _trash_move(ctx: CommandContext, move: Callable[..., DocumentView], said: str) -> int:
    """Put a paper in the trash or take it out, and say so."""
    with ctx.database.transaction(ctx.user) as session:
        view = move(session, ctx.args.doc, user=ctx.user, case_id=ctx.args.case)
    if ctx.json:
        emit_json(document_json(view))
    else:
        emit(f"Document {view.id} ({view.title}) " + said.format(id=view.id) + ".")
    return 0


def cmd_export(ctx: CommandContext) -> int:
    args = ctx.args
    out: Path = args.out
    if out.is_dir():
        raise InvalidInput(f"{out} is a folder; give the file to write, e.g. {out / 'scan.pdf'}.")
    with ctx.database.reader() as session:
        row = session.get(Document, args.doc)
        if row is None:
            raise NotFound(f"There is no document {args.doc}.")
        sha256, name = row.sha256, row.original_name
    source = attachment_store(ctx.database).path_for(sha256)
    if not source.is_file():
        raise InvalidInput(
            f"The file of document {args.doc} ({name}) is missing from the attachment folder; "
            "'keidesk check' lists what is missing."
        )
    if not out.parent.is_dir():
        raise InvalidInput(f"There is no folder {out.parent}.")
    try:
        fd, tmp_name = tempfile.mkstemp(dir=out.parent, prefix=".keidesk-")
        try:
            with os.fdopen(fd, "wb") as target, source.open("rb") as src:
                shutil.copyfileobj(src, target)
            Path(tmp_name).replace(out)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise InvalidInput(f"Could not write {out}: {exc.strerror or exc}.") from None
    if ctx.json:
        emit_json({"id": args.doc, "out": str(out)})
    else:
        emit(f"Wrote {out}")
    return 0


def cmd_empty_trash(ctx: CommandContext) -> int:
    args = ctx.args
    if not args.yes:
        raise InvalidInput("Emptying the trash deletes its papers for good; add --yes to confirm.")
    with ctx.database.transaction(ctx.user) as session:
        if args.case is not None:
            documents.require_case(session, args.case)
        deleted, unused = documents.empty_trash(session, case_id=args.case)
    files = attachment_store(ctx.database).discard(unused)
    if ctx.json:
        emit_json({"deleted": deleted, "files_deleted": files})
    else:
        emit(f"Deleted {deleted} document(s) from the trash.")
    return 0
