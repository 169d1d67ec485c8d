"""Reading and writing spreadsheets (CSV and XLSX) as plain rows of text.

Importers' sheets come from Excel on Windows (Shift-JIS CSVs), from Numbers and Google Sheets
(UTF-8, sometimes with a byte-order mark) and as XLSX; all of them become rows of text here, so
the import rules see one shape. Writing neutralises cells a spreadsheet would run as a formula.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from keidesk.atomic import replacing
from keidesk.domain.errors import InvalidInput

#: A file bigger than this is not a case list (and reading it would stall the app).
MAX_FILE_BYTES = 64 * 1024 * 1024
#: More rows than any importer has trucks; a larger sheet is refused rather than half-read.
MAX_ROWS = 200_000
#: Encodings tried in order: UTF-8 (with or without BOM), then Shift-JIS as Windows writes it.
CSV_ENCODINGS = (("utf-8-sig", "UTF-8"), ("cp932", "Shift-JIS"))
#: What a spreadsheet runs as a formula when a cell starts with it (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class Sheet:
    """A spreadsheet's header and rows, all as text. ``widths`` keeps each row's real cell
    count so ragged rows can be reported, while ``rows`` are padded to the header's width."""

    name: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]
    encoding: str | None = None  # CSV only: "UTF-8" or "Shift-JIS"

    @property
    def first_data_line(self) -> int:
        """The line/row number of the first data row as the user sees it (header is 1)."""
        return 2


def read_sheet(path: Path) -> Sheet:
    """Read a CSV or XLSX file; a plain message for anything else."""
    if not path.is_file():
        raise InvalidInput(f"There is no file at {path}.")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InvalidInput(
            f"{path.name} is {size // (1024 * 1024)} MB; keidesk imports spreadsheets of up "
            f"to {MAX_FILE_BYTES // (1024 * 1024)} MB. Split it into smaller files."
        )
    suffix = path.suffix.lower()
    try:
        if suffix in {".csv", ".txt", ".tsv"}:
            return _read_csv(path)
        if suffix in {".xlsx", ".xlsm"}:
            return _read_xlsx(path)
    except PermissionError:
        raise InvalidInput(f"keidesk may not read {path}; check its permissions.") from None
    raise InvalidInput(
        f"{path.name} is not a spreadsheet keidesk can read; save it as CSV or Excel (.xlsx)."
    )


def _read_csv(path: Path) -> Sheet:
    data = path.read_bytes()
    text: str | None = None
    encoding_name = ""
    for codec, label in CSV_ENCODINGS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        encoding_name = label
        break
    if text is None:
        raise InvalidInput(
            f"{path.name} is neither UTF-8 nor Shift-JIS text. In Excel, save it as "
            "'CSV UTF-8 (Comma delimited)' and import that file."
        )
    if "\x00" in text:
        raise InvalidInput(f"{path.name} is not a text CSV file (it contains binary data).")
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        records = list(_limited(csv.reader(io.StringIO(text, newline=""), dialect), path.name))
    except csv.Error as exc:
        raise InvalidInput(f"{path.name} is not a well-formed CSV file ({exc}).") from None
    return _sheet(path.name, records, encoding_name)


def _limited(records: Iterable[list[str]], name: str) -> Iterable[list[str]]:
    for count, record in enumerate(records):
        if count > MAX_ROWS:
            raise InvalidInput(
                f"{name} has more than {MAX_ROWS:,} rows; split it into smaller files."
            )
        yield record


def _read_xlsx(path: Path) -> Sheet:
    # Loaded only when an Excel file is used; openpyxl ships no type information.
    import openpyxl  # type: ignore[import-untyped]  # noqa: PLC0415
    from openpyxl.utils.exceptions import (  # type: ignore[import-untyped]  # noqa: PLC0415
        InvalidFileException,
    )

    try:
        # data_only=False: a formula arrives as "=..." and is reported, not silently dropped.
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise InvalidInput(f"{path.name} is not a readable Excel (.xlsx) file.") from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise InvalidInput(f"{path.name} has no worksheet.")
        records = _limited(
            ([_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)),
            path.name,
        )
        return _sheet(path.name, list(records), None)
    finally:
        book.close()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _sheet(name: str, records: list[list[str]], encoding: str | None) -> Sheet:
    # Blank lines (and Excel's trailing empty rows) are not rows.
    records = [r for r in records if any(cell.strip() for cell in r)]
    if not records:
        raise InvalidInput(f"{name} is empty; the first row must name the columns.")
    headers = [h.strip() for h in records[0]]
    while headers and not headers[-1]:
        headers.pop()
    if not headers:
        raise InvalidInput(f"{name} has no column names in its first row.")
    width = len(headers)
    rows: list[tuple[str, ...]] = []
    widths: list[int] = []
    for record in records[1:]:
        cells = [c.strip() for c in record]
        real = len(cells)
        while real > width and not cells[real - 1]:
            real -= 1  # trailing empty cells are not extra data
        widths.append(real)
        rows.append(tuple((cells + [""] * width)[:width]))
    return Sheet(name, tuple(headers), tuple(rows), tuple(widths), encoding)


def neutralise(value: str) -> str:
    """A cell's text made safe to open in a spreadsheet: one that would run as a formula gets
    a leading apostrophe, which spreadsheets show as text."""
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_sheet(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write rows to ``path`` as CSV (UTF-8 with BOM, which Excel opens correctly) or XLSX,
    by the file's suffix; returns the number of rows."""
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".xlsx"}:
        raise InvalidInput(f"Export to a .csv or .xlsx file, not {path.name}.")
    if not path.parent.is_dir():
        raise InvalidInput(f"The folder {path.parent} does not exist.")
    try:
        with replacing(path) as tmp:
            if suffix == ".csv":
                return _write_csv(tmp, headers, rows)
            return _write_xlsx(tmp, headers, rows)
    except PermissionError:
        raise InvalidInput(f"keidesk may not write {path}; choose another place.") from None


def _safe(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    return value


def _write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([neutralise(h) for h in headers])
        for row in rows:
            writer.writerow([_safe(v if not isinstance(v, date) else v.isoformat()) for v in row])
            count += 1
    return count


def _write_xlsx(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    import openpyxl  # noqa: PLC0415

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Cases")
    sheet.append([neutralise(h) for h in headers])
    count = 0
    for row in rows:
        sheet.append([_safe(v) for v in row])
        count += 1
    book.save(path)
    return count
