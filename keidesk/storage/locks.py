"""Row locks on an office server: a case is locked by the seat that is changing it.

On SQLite a write transaction holds the whole file's write lock from its start (``BEGIN
IMMEDIATE``), so what it reads to decide cannot change before it is saved. On PostgreSQL
several seats write at once; a write reads a case it is about to change with ``SELECT ... FOR
UPDATE`` (:func:`lock_case`), so a workflow gate, a version check or a version bump is decided
on the case as it is, and another seat changing the same case waits, for at most the
connection's ``lock_timeout``, then hears who holds it.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from keidesk.domain.messages import msg
from keidesk.storage.errors import CaseBusy
from keidesk.storage.models import Case

#: ``session.info`` key: set (to True) in the session of a write transaction.
WRITING_KEY = "keidesk_writing"
#: ``session.info`` key: the ids of the cases this transaction has locked.
_LOCKED_KEY = "keidesk_locked_cases"
_LOCK_NOT_AVAILABLE = "55P03"


def locks_rows(session: Session) -> bool:
    """Whether ``session`` is a write transaction on a server (where rows are locked)."""
    return bool(session.info.get(WRITING_KEY)) and session.get_bind().dialect.name == "postgresql"


def lock_case(session: Session, case_id: int) -> bool:
    """Lock the case's row for this transaction (on a server, in a write; elsewhere nothing).
    Returns True when it was locked now (its data read before may be stale: read it again).
    Waits for another seat's save for at most ``lock_timeout``, then raises :class:`CaseBusy`
    naming the seat."""
    if not locks_rows(session):
        return False
    locked: set[int] = session.info.setdefault(_LOCKED_KEY, set())
    if case_id in locked:
        return False
    # Who holds it now, read without waiting (the row's locker, from its xmax), so the
    # message can name the seat if the wait below runs out.
    holder = case_holder(session, case_id)
    try:
        session.execute(select(Case.id).where(Case.id == case_id).with_for_update())
    except OperationalError as exc:
        if getattr(exc.orig, "sqlstate", None) != _LOCK_NOT_AVAILABLE:
            raise
        who = f" ({holder})" if holder else ""
        raise CaseBusy(
            msg("Another seat{who} is saving this case; try again in a moment.", who=who)
        ) from None
    locked.add(case_id)
    return True


def case_holder(session: Session, case_id: int) -> str | None:
    """The signed-in name of the seat whose transaction holds the case's row, if one does."""
    return session.execute(
        text(
            "SELECT a.usename FROM cases c JOIN pg_stat_activity a"
            " ON a.backend_xid = c.xmax WHERE c.id = :id AND a.pid <> pg_backend_pid()"
        ),
        {"id": case_id},
    ).scalar()


def forget_locks(session: Session) -> None:
    """The transaction ended: its locks went with it."""
    session.info.pop(_LOCKED_KEY, None)


def lock_names(session: Session, kind: str, names: Iterable[str]) -> None:
    """On a server, in a write: hold ``kind`` names (lower-cased customer names) for this
    transaction, so two seats finding-or-creating the same customer at once make one: the
    second waits for the first's save, then finds its customer. Elsewhere nothing (SQLite's
    write lock already lets one writer at a time look and create)."""
    if not locks_rows(session):
        return
    keys = sorted({f"{kind}:{name.strip().lower()}" for name in names})  # one order: no deadlock
    for key in keys:
        session.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": key}
        )
