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
from keidesk.domain.dates import PartialDate
from keidesk.services import cases
from keidesk.services.case_fields import FIELDS
from keidesk.services.views import CaseSummary

_EXPORTED = [spec for spec in FIELDS.values() if spec.exported]
HEADERS = tuple(str(spec.export_header) for spec in _EXPORTED)
#: Rows fetched per query (keyset pages: each costs the same however deep the export is),
#: so a 1,000,000-case export keeps memory flat and its time linear.
PAGE = 5_000


def _cell(value: Any) -> Any:
    """A list value as a sheet cell: dates stay dates, a partial date its ISO text."""
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, bool):
        return "yes" if value else ""
    return value


def _row(summary: CaseSummary) -> list[Any]:
    return [_cell(getattr(summary, spec.summary or spec.name)) for spec in _EXPORTED]


def _rows(session: Session, case_filter: cases.CaseFilter, today: date) -> Iterator[list[Any]]:
    for summary in cases.iter_cases(session, case_filter, today=today, batch=PAGE):
        yield _row(summary)


def export_cases(
    session: Session, case_filter: cases.CaseFilter, path: Path, *, today: date
) -> int:
    """Write the filtered case list to ``path`` (.csv or .xlsx); returns the number of cases."""
    return write_sheet(path, HEADERS, _rows(session, case_filter, today))
