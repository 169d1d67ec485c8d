"""Small lookups by a case's natural key, for forms that check as the user types."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from keidesk.storage.models import Case, Vehicle, case_number


@dataclass(frozen=True, slots=True)
class ExistingCase:
    id: int
    number: str


def case_with_chassis(session: Session, normalized: str) -> ExistingCase | None:
    """The case already recorded for this chassis number (as normalised), if any: one row by
    a unique index."""
    case_id = session.scalar(
        select(Case.id).join(Case.vehicle).where(Vehicle.chassis_number == normalized)
    )
    return None if case_id is None else ExistingCase(case_id, case_number(case_id))
