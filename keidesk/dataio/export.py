"""Exporting the case list (as currently filtered) to CSV or XLSX.

The columns are the ones the import recognises, so an exported file can be imported again
(into another database, or after editing). Every text cell is neutralised against formula
injection: a customer called ``=HYPERLINK(...)`` stays text in Excel.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from keidesk.dataio.sheets import write_sheet
from keidesk.services import cases
from keidesk.services.views import CaseSummary

HEADERS = (
    "Case",
    "Chassis No.",
    "Make",
    "Model",
    "Built",
    "FMVSS eligible",
    "Customer",
    "State",
    "Stage",
    "Blocked",
    "ETA",
)
#: Rows fetched per query, so a 100,000-case export keeps memory flat.
PAGE = 5_000


def _row(summary: CaseSummary) -> list[Any]:
    return [
        summary.number,
        summary.chassis,
        summary.make,
        summary.model,
        summary.built.iso() if summary.built else None,
        summary.fmvss_eligible_on,
        summary.customer,
        summary.state,
        summary.stage,
        "yes" if summary.blocked else "",
        summary.eta,
    ]


def _rows(session: Session, case_filter: cases.CaseFilter, today: date) -> Iterator[list[Any]]:
    offset = 0
    while True:
        page = cases.list_cases(session, case_filter, today=today, offset=offset, limit=PAGE)
        for summary in page:
            yield _row(summary)
        if len(page) < PAGE:
            return
        offset += PAGE


def export_cases(
    session: Session, case_filter: cases.CaseFilter, path: Path, *, today: date
) -> int:
    """Write the filtered case list to ``path`` (.csv or .xlsx); returns the number of cases."""
    return write_sheet(path, HEADERS, _rows(session, case_filter, today))
