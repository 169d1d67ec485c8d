"""A report as an Excel workbook: a summary sheet (title, notes, each chart's figures), then
one sheet per table, money as numbers in dollars (exact decimals) with a dollar format.

Written a row at a time as the rows stream from the database, by keidesk's one XLSX writer
(:func:`keidesk.dataio.sheets.xlsx_book`): text cells are made safe the way every keidesk sheet
is (no formula runs when it is opened), each table's header is bold, frozen and filtered, and
its columns are as wide as their text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from keidesk.dataio.sheets import WIDTH_SAMPLE, XlsxBook, XlsxSheet, fitted_widths, xlsx_book
from keidesk.reports.model import BarChart, Column, Report, Table

USD_FORMAT = '"$"#,##0.00;-"$"#,##0.00'
PERCENT_FORMAT = '0.0"%"'
#: What a sheet's name may not hold (Excel's rule), and its longest length.
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def _dollars(value: Any) -> Any:
    """US cents as exact dollars (an int cent count; anything else as it is)."""
    return Decimal(value).scaleb(-2) if type(value) is int else value


def _as_is(value: Any) -> Any:
    return value


def _converter(column: Column) -> Callable[[Any], Any]:
    return _dollars if column.kind == "usd" else _as_is


def _number_format(column: Column) -> str | None:
    if column.kind == "usd":
        return USD_FORMAT
    if column.kind == "percent":
        return PERCENT_FORMAT
    return None


def _sheet_name(title: str, taken: set[str]) -> str:
    base = _SHEET_NAME_BAD.sub(" ", title)[:28].strip().strip("'").strip() or "Sheet"
    name, number = base, 2
    while name.lower() in taken:
        name = f"{base[:25]} {number}"
        number += 1
    taken.add(name.lower())
    return name


def _summary(book: XlsxBook, report: Report) -> None:
    sheet = book.add_sheet("Summary")
    bold = book.style(bold=True)
    sheet.append([report.title], [bold])
    sheet.append([report.subtitle])
    for note in report.notes:
        sheet.append([note])
    for chart in report.charts:
        _chart_figures(book, sheet, chart)


def _chart_figures(book: XlsxBook, sheet: XlsxSheet, chart: BarChart) -> None:
    sheet.append([])
    sheet.append([chart.title], [book.style(bold=True)])
    usd = chart.unit == "usd"
    styles = [None, book.style(USD_FORMAT if usd else None)]
    for label, value in zip(chart.labels, chart.values, strict=True):
        sheet.append([label, _dollars(value) if usd else value], styles)


def _table(book: XlsxBook, table: Table, taken: set[str]) -> int:
    sheet = book.add_sheet(_sheet_name(table.title, taken))
    columns: Sequence[Column] = table.columns
    converters = [_converter(column) for column in columns]
    styles = [book.style(_number_format(column)) for column in columns]
    titles = [column.title for column in columns]
    rows = iter(table.rows())
    sample = [
        [convert(value) for convert, value in zip(converters, row, strict=True)]
        for row in itertools.islice(rows, WIDTH_SAMPLE)
    ]
    sheet.set_widths(fitted_widths(titles, sample))
    sheet.header_row(titles)
    count = 0
    for values in sample:
        sheet.append(values, styles)
        count += 1
    if any(convert is _dollars for convert in converters):
        for row in rows:
            sheet.append([convert(v) for convert, v in zip(converters, row, strict=True)], styles)
            count += 1
    else:
        for row in rows:
            sheet.append(row, styles)
            count += 1
    sheet.filter(len(columns))
    if table.totals is not None:
        bold = [book.style(_number_format(column), bold=True) for column in columns]
        totals = [convert(v) for convert, v in zip(converters, table.totals, strict=True)]
        sheet.append(totals, bold)
    return count


def write_xlsx(report: Report, path: Path) -> None:
    """Write ``report`` to ``path`` (the caller makes it atomic)."""
    with xlsx_book(path, title=report.title) as book:
        _summary(book, report)
        taken = {"summary"}
        for table in report.tables:
            _table(book, table, taken)
