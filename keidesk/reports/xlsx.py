"""A report as an Excel workbook: a summary sheet (title, notes, each chart's figures), then
one sheet per table, money as numbers in dollars (exact decimals) with a dollar format.

Written in openpyxl's write-only mode, a row at a time as the rows stream from the database.
Text cells are made safe the way every keidesk sheet is (no formula runs when it is opened).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from keidesk.dataio.sheets import neutralise, printable
from keidesk.reports.model import BarChart, Column, Report, Table

USD_FORMAT = '"$"#,##0.00;-"$"#,##0.00'
PERCENT_FORMAT = '0.0"%"'
#: What a sheet's name may not hold (Excel's rule), and its longest length.
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def _text(value: str) -> str:
    return neutralise(printable(value))


def _cell(sheet: Any, value: Any, column: Column | None, cell_type: Any) -> Any:
    if value is None or value == "":
        return None
    if column is not None and column.kind == "usd" and isinstance(value, int):
        cell = cell_type(sheet, value=Decimal(value).scaleb(-2))
        cell.number_format = USD_FORMAT
        return cell
    if column is not None and column.kind == "percent" and isinstance(value, Decimal):
        cell = cell_type(sheet, value=value)
        cell.number_format = PERCENT_FORMAT
        return cell
    if isinstance(value, date):
        return value  # openpyxl gives a date the format yyyy-mm-dd itself
    if isinstance(value, str):
        return _text(value)
    return value


def _sheet_name(title: str, taken: set[str]) -> str:
    base = _SHEET_NAME_BAD.sub(" ", title)[:28].strip() or "Sheet"
    name, number = base, 2
    while name.lower() in taken:
        name = f"{base[:25]} {number}"
        number += 1
    taken.add(name.lower())
    return name


def _summary(book: Any, report: Report, cell_type: Any, bold: Any) -> None:
    sheet = book.create_sheet("Summary")
    title = cell_type(sheet, value=_text(report.title))
    title.font = bold
    sheet.append([title])
    sheet.append([_text(report.subtitle)])
    for note in report.notes:
        sheet.append([_text(note)])
    for chart in report.charts:
        _chart_figures(sheet, chart, cell_type, bold)


def _chart_figures(sheet: Any, chart: BarChart, cell_type: Any, bold: Any) -> None:
    sheet.append([])
    heading = cell_type(sheet, value=_text(chart.title))
    heading.font = bold
    sheet.append([heading])
    column = Column("", "usd" if chart.unit == "usd" else "int")
    for label, value in zip(chart.labels, chart.values, strict=True):
        sheet.append([_text(label), _cell(sheet, value, column, cell_type)])


def _table(book: Any, table: Table, taken: set[str], cell_type: Any, bold: Any) -> int:
    sheet = book.create_sheet(_sheet_name(table.title, taken))
    columns: Sequence[Column] = table.columns
    header = []
    for column in columns:
        cell = cell_type(sheet, value=_text(column.title))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in table.rows():
        sheet.append([_cell(sheet, v, c, cell_type) for v, c in zip(row, columns, strict=True)])
        count += 1
    if table.totals is not None:
        cells = []
        for value, column in zip(table.totals, columns, strict=True):
            cell = _cell(sheet, value, column, cell_type)
            if cell is not None and not isinstance(cell, str | int):
                cell.font = bold
            cells.append(cell)
        sheet.append(cells)
    return count


def write_xlsx(report: Report, path: Path) -> None:
    """Write ``report`` to ``path`` (the caller makes it atomic)."""
    # openpyxl ships no type information.
    import openpyxl  # type: ignore[import-untyped]  # noqa: PLC0415
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]  # noqa: PLC0415
    from openpyxl.styles import Font  # type: ignore[import-untyped]  # noqa: PLC0415

    bold = Font(bold=True)
    book = openpyxl.Workbook(write_only=True)
    book.properties.title = report.title
    book.properties.creator = "keidesk"
    _summary(book, report, WriteOnlyCell, bold)
    taken = {"summary"}
    for table in report.tables:
        _table(book, table, taken, WriteOnlyCell, bold)
    # Zipped in memory, then written (as the case export does): a full disk fails our write.
    packed = io.BytesIO()
    book.save(packed)
    path.write_bytes(packed.getbuffer())
