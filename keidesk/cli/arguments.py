"""Argument types shared by the commands: a value argparse cannot hold safely is refused as
one usage line (exit 2), never reaching the database as a number SQLite cannot store."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from sqlalchemy.orm import Session

from keidesk.domain.workflow import parse_stage
from keidesk.services import cases
from keidesk.services.reference import normalize_state_code

#: The largest id SQLite stores (a signed 64-bit integer).
MAX_ID = 2**63 - 1


def _whole(text: str, what: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None


def record_id(text: str) -> int:
    """A case (or other record) id: a whole number from 1 up."""
    value = _whole(text, "an id (a whole number)")
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id (a whole number from 1 up)")
    return value


def bounded(low: int, high: int) -> Callable[[str], int]:
    """A whole number from ``low`` to ``high``."""

    def parse(text: str) -> int:
        value = _whole(text, "a whole number")
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number from {low:,} to {high:,}")
        return value

    parse.__name__ = "number"
    return parse


def list_filter(session: Session, args: argparse.Namespace) -> cases.CaseFilter:
    """The case list's filter from the options ``case list``, ``export`` and ``report cases``
    share (``--search``, ``--stage``, ``--state``): one reading of them for all three."""
    return cases.CaseFilter(
        search=args.search,
        stage=parse_stage(args.stage) if args.stage else None,
        state=normalize_state_code(session, args.state) if args.state else None,
    )
