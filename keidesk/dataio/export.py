"""Exporting the case list (as currently filtered and sorted) to CSV or XLSX.

Every field of the registry (:data:`~keidesk.services.case_fields.FIELDS`) is a column: first
the case list's own columns (their headers and order are what scripts reading the CSV rely on),
then every other field under its label, in form order. The headers are the ones the import
recognises, so an exported file can be imported again (into another database, or after
editing). Rows come in the list's order (``order_by``, ``descending``: the app's sort, or
``keidesk export --sort``).

The XLSX is made for people: step names rather than stage codes, amounts as numbers in their
currency's format, dates as dates, a frozen header row with a filter, widths fitted to the
text. The CSV keeps its values as before (stage codes), new columns in the form's text.
Every text cell is neutralised against formula injection: a customer called
``=HYPERLINK(...)`` stays text in Excel.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from keidesk.dataio.sheets import write_sheet
from keidesk.domain.dates import PartialDate
from keidesk.domain.errors import InvalidInput
from keidesk.domain.money import Money
from keidesk.domain.workflow import STEP_TITLES, StepKey
from keidesk.services import cases
from keidesk.services.case_fields import DAY, DOLLARS, FIELDS, WHOLE, YEN, FieldSpec, Owner
from keidesk.services.views import CaseSummary
from keidesk.storage.models import Case, Customer, Vehicle

#: The case list's columns (read from :class:`CaseSummary`), then every other stored field.
_LISTED = [spec for spec in FIELDS.values() if spec.exported]
_MORE = [spec for spec in FIELDS.values() if spec.editable and not spec.exported and spec.owner]
HEADERS = (
    *(str(spec.export_header) for spec in _LISTED),
    *(spec.label for spec in _MORE),
)
#: Rows fetched per query (keyset pages: each costs the same however deep the export is),
#: so a 1,000,000-case export keeps memory flat and its time linear.
PAGE = 5_000

_MONEY_FORMATS = {"USD": '"$"#,##0.00', "JPY": '"¥"#,##0'}
_DATE_FORMAT = "yyyy-mm-dd"


def _formats() -> tuple[str | None, ...]:
    """Each column's XLSX number format (None: as the value is)."""
    formats: list[str | None] = []
    for spec in (*_LISTED, *_MORE):
        if spec.kind is DOLLARS:
            formats.append(_MONEY_FORMATS["USD"])
        elif spec.kind is YEN:
            formats.append(_MONEY_FORMATS["JPY"])
        elif spec.kind is DAY:
            formats.append(_DATE_FORMAT)
        elif spec.kind is WHOLE:
            formats.append("#,##0")
        else:
            formats.append(None)
    return tuple(formats)


FORMATS = _formats()


def stage_name(stage: str) -> str:
    """A stage as staff call it: the step's title ("Customs"), or "Complete"."""
    try:
        return STEP_TITLES[StepKey(stage)]
    except ValueError:
        return stage.replace("_", " ").capitalize()


def _listed_cell(summary: CaseSummary, spec: FieldSpec, for_people: bool) -> Any:
    """A case list value as a sheet cell: dates stay dates, a partial date its ISO text."""
    value = getattr(summary, spec.summary or spec.name)
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, bool):
        return "yes" if value else ""
    if spec.name == "stage" and for_people:
        return stage_name(value)
    return value


def _stored_attrs(spec: FieldSpec) -> tuple[str, ...]:
    """The mapped columns a field is stored in (the cents of an amount, an odometer's value
    and unit), read with plain Core: no ORM object per case."""
    return tuple(column.attr for column in spec.bundled) or (spec.attr,)


_TABLES = {Owner.VEHICLE: Vehicle, Owner.CUSTOMER: Customer, Owner.CASE: Case}
#: (owner, attribute) of every column the extra fields need, in one select per page.
_NEEDED = sorted(
    {(spec.owner, attr) for spec in _MORE if spec.owner for attr in _stored_attrs(spec)}
)


def _getter(spec: FieldSpec) -> Callable[[Any], Any] | None:
    """How a field's typed value is read from its columns: the model's own property where the
    field is a value object over columns (``Case.customs_value``, ``Vehicle.odometer``), or
    None: the column's value as it is."""
    assert spec.owner is not None
    attribute = inspect.getattr_static(_TABLES[spec.owner], spec.attr, None)
    if isinstance(attribute, property) and attribute.fget is not None:
        return attribute.fget
    return None


def _reader(spec: FieldSpec) -> tuple[FieldSpec, Owner, int, Callable[[Any], Any] | None]:
    """An extra field: its spec, its owner, and either its column's place in a page's row
    (after the case id) or the property that reads it from its owner's columns."""
    assert spec.owner is not None
    getter = _getter(spec)
    place = 1 + _NEEDED.index((spec.owner, spec.attr)) if getter is None else -1
    return spec, spec.owner, place, getter


_READERS = [_reader(spec) for spec in _MORE]
#: The columns the properties read, per owner: (attribute, place in a page's row).
_PROPERTY_COLUMNS = {
    owner: [
        (attr, 1 + _NEEDED.index((owner, attr)))
        for attr in sorted(
            {
                attr
                for spec, of, _place, getter in _READERS
                if getter is not None and of is owner
                for attr in _stored_attrs(spec)
            }
        )
    ]
    for owner in _TABLES
}


def _more_cell(value: Any, spec: FieldSpec, for_people: bool) -> Any:
    """A stored field as a sheet cell: in the XLSX an amount is a number, a day a date; else
    (and always in the CSV) the text the case's form shows, which the import reads back."""
    if value is None or value == "":
        return None
    if for_people:
        if isinstance(value, Money):
            return value.major
        if isinstance(value, date | int) and not isinstance(value, bool):
            return value
    return spec.show(value)


def _more_cells(stored: Sequence[Any] | None, for_people: bool) -> list[Any]:
    """The extra fields of one case from its row of stored columns (None: none read)."""
    if stored is None:
        return [None] * len(_READERS)
    owners = {
        owner: SimpleNamespace(**{attr: stored[place] for attr, place in columns})
        for owner, columns in _PROPERTY_COLUMNS.items()
        if columns
    }
    cells: list[Any] = []
    for spec, owner, place, getter in _READERS:
        value = stored[place] if getter is None else getter(owners[owner])
        if type(value) is str and spec.kind.show is str:  # text, shown as it is (most fields)
            cells.append(value or None)
        else:
            cells.append(_more_cell(value, spec, for_people))
    return cells


def _rows(
    session: Session,
    case_filter: cases.CaseFilter,
    today: date,
    *,
    order_by: str,
    descending: bool,
    for_people: bool,
) -> Iterator[list[Any]]:
    page: list[CaseSummary] = []
    summaries = cases.iter_cases(
        session, case_filter, today=today, order_by=order_by, descending=descending, batch=PAGE
    )
    for summary in summaries:
        page.append(summary)
        if len(page) >= PAGE:
            yield from _page_rows(session, page, for_people)
            page = []
    yield from _page_rows(session, page, for_people)


def _page_rows(
    session: Session, page: Sequence[CaseSummary], for_people: bool
) -> Iterator[list[Any]]:
    if not page:
        return
    query = (
        select(Case.id, *(getattr(_TABLES[owner], attr) for owner, attr in _NEEDED))
        .join(Vehicle, Case.vehicle_id == Vehicle.id)
        .outerjoin(Customer, Case.customer_id == Customer.id)
        .where(Case.id.in_([summary.id for summary in page]))
    )
    loaded = {row[0]: row for row in session.connection().execute(query)}
    for summary in page:
        yield [
            *(_listed_cell(summary, spec, for_people) for spec in _LISTED),
            *_more_cells(loaded.get(summary.id), for_people),
        ]


def export_cases(
    session: Session,
    case_filter: cases.CaseFilter,
    path: Path,
    *,
    today: date,
    order_by: str = "number",
    descending: bool = False,
) -> int:
    """Write the filtered case list, in the list's order, to ``path`` (.csv or .xlsx);
    returns the number of cases."""
    if order_by not in cases.SORT_COLUMNS:
        raise InvalidInput(
            f"Cannot sort by {order_by!r}; columns: {', '.join(cases.SORT_COLUMNS)}."
        )
    for_people = path.suffix.lower() == ".xlsx"
    rows = _rows(
        session,
        case_filter,
        today,
        order_by=order_by,
        descending=descending,
        for_people=for_people,
    )
    return write_sheet(path, HEADERS, rows, formats=FORMATS)
