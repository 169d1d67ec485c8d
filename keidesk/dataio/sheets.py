"""Reading and writing spreadsheets (CSV and XLSX) as plain rows of text.

Importers' sheets come from Excel on Windows (Shift-JIS CSVs), from Numbers and Google Sheets
(UTF-8, sometimes with a byte-order mark) and as XLSX; all of them become rows of text here, so
the import rules see one shape. Writing neutralises cells a spreadsheet would run as a formula.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import itertools
import re
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from keidesk import clock
from keidesk.atomic import replacing
from keidesk.dataio.archive import bomb_reason
from keidesk.domain.errors import InvalidInput

#: A file bigger than this is not a case list (and reading it would stall the app).
MAX_FILE_BYTES = 64 * 1024 * 1024
#: What an .xlsx may unpack to in all (a full 200,000-row sheet is far below this).
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
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
    #: Each row's cells beyond the header's width (mostly none), kept so that a problem file
    #: written from the sheet holds everything the row had.
    overflow: tuple[tuple[str, ...], ...] = ()

    def extra_cells(self, index: int) -> tuple[str, ...]:
        return self.overflow[index] if self.overflow else ()

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
    return _sheet(path.name, _csv_records(text, dialect, path.name), encoding_name)


def _csv_records(text: str, dialect: Any, name: str) -> list[list[str]]:
    """Every record of a CSV text. ``strict``: a quote that is never closed is refused, with
    the row it opened on, instead of swallowing every row after it into one cell."""
    reader = csv.reader(io.StringIO(text, newline=""), dialect, strict=True)
    records: list[list[str]] = []
    rows = 0  # rows as keidesk numbers them: blank lines are not rows
    while True:
        line = reader.line_num + 1  # where the next record starts
        try:
            record = next(reader)
        except StopIteration:
            return records
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                raise InvalidInput(
                    f'{name}: the quote (") that opens in row {rows + 1} (line {line} of the '
                    "file) is never closed, so every row after it would be read as one cell. "
                    "Close or remove that quote and import again."
                ) from None
            raise InvalidInput(
                f"{name} is not a well-formed CSV file: row {rows + 1} (line {line}): {exc}."
            ) from None
        if len(records) > MAX_ROWS:
            raise InvalidInput(
                f"{name} has more than {MAX_ROWS:,} rows; split it into smaller files."
            )
        if any(cell.strip() for cell in record):
            rows += 1
        records.append(record)


#: Excel's own last row: a sheet that claims rows beyond it is damaged or hostile.
EXCEL_MAX_ROWS = 1_048_576
#: Members of an .xlsx that hold XML (everything but pictures and embedded files).
_XML_MEMBER = (".xml", ".rels", ".vml")
_XML_DECLARATIONS = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def _check_xlsx_archive(path: Path) -> None:
    """Refuse an .xlsx that would unpack to far more than its size (the same check a case
    bundle gets) or whose XML declares a DTD or entities (which no spreadsheet program writes
    and which can expand without end), before any XML is parsed."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
                raise InvalidInput(
                    f"{name} would unpack to more than {MAX_UNPACKED_BYTES // 2**20:,} MB; "
                    "it is not a case list keidesk can import."
                )
            for info in infos:
                if (bomb := bomb_reason(info)) is not None:
                    raise InvalidInput(f"{name} was not imported: {bomb}.")
            for info in infos:
                if info.filename.lower().endswith(_XML_MEMBER) and _declares_entities(
                    archive, info
                ):
                    raise InvalidInput(
                        f"{name} was not imported: its part {info.filename!r} declares a "
                        "DTD or entities, which Excel never writes. Open it in Excel and "
                        "save it again."
                    )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError):
        # RuntimeError: an encrypted member
        raise InvalidInput(f"{name} is not a readable Excel (.xlsx) file.") from None


def _declares_entities(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether an XML member has ``<!DOCTYPE`` or ``<!ENTITY``, read in chunks. Zero bytes are
    dropped before looking, so UTF-16 and UTF-32 text is searched as well."""
    tail = b""
    with archive.open(info) as handle:
        while chunk := handle.read(1 << 20):
            data = (tail + chunk).replace(b"\0", b"")
            if _XML_DECLARATIONS.search(data):
                return True
            tail = data[-32:]
    return False


def _read_xlsx(path: Path) -> Sheet:
    # Loaded only when an Excel file is used; openpyxl ships no type information.
    import openpyxl  # type: ignore[import-untyped]  # noqa: PLC0415

    _check_xlsx_archive(path)
    with path.open("rb") as handle:  # closed here, whatever openpyxl does on a damaged file
        return _read_workbook(openpyxl, handle, path.name)


def _read_workbook(openpyxl: Any, handle: Any, name: str) -> Sheet:
    unreadable = InvalidInput(f"{name} is not a readable Excel (.xlsx) file.")
    try:
        # data_only=False: a formula arrives as "=..." and is reported, not silently dropped.
        book = openpyxl.load_workbook(handle, read_only=True, data_only=False)
    except Exception:  # openpyxl parsing a file from outside: anything it raises is the file's
        raise unreadable from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise InvalidInput(f"{name} has no worksheet.")
        # Read every cell there is, not the rows and columns the sheet's <dimension> tag
        # declares: a sheet written by another program may declare fewer than it holds.
        sheet.reset_dimensions()
        records: list[list[str]] = []
        try:
            for count, row in enumerate(sheet.iter_rows(values_only=True), 1):
                if count > EXCEL_MAX_ROWS:
                    raise unreadable
                cells = [_cell_text(value) for value in row]
                if not any(cell.strip() for cell in cells):
                    continue
                if len(records) > MAX_ROWS:
                    raise InvalidInput(
                        f"{name} has more than {MAX_ROWS:,} rows; split it into smaller files."
                    )
                records.append(cells)
        except InvalidInput:
            raise
        except Exception:  # as above: damaged XML inside the file
            raise unreadable from None
        return _sheet(name, records, None)
    finally:
        book.close()


#: OOXML's escape of a character in a cell's text (``_x0041_`` is "A"; ``_x005F_`` is "_"),
#: which Excel and XlsxWriter write and openpyxl leaves as it is.
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape_ooxml(text: str) -> str:
    def character(match: re.Match[str]) -> str:
        code = int(match.group(1), 16)
        return match.group(0) if 0xD800 <= code <= 0xDFFF else chr(code)  # no lone surrogate

    return _OOXML_ESCAPE.sub(character, text) if "_x" in text else text


def _cell_text(value: Any) -> str:
    if isinstance(value, str):
        return _unescape_ooxml(value)
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
    seen: dict[str, int] = {}
    for number, header in enumerate(headers, 1):
        key = " ".join(header.casefold().split())
        if not key:
            continue
        if key in seen:
            raise InvalidInput(
                f"{name} has two columns named {header!r} (columns "
                f"{column_letters(seen[key])} and {column_letters(number)}); keidesk cannot "
                "tell which one to use. Rename or remove one of them."
            )
        seen[key] = number
    width = len(headers)
    rows: list[tuple[str, ...]] = []
    widths: list[int] = []
    overflow: list[tuple[str, ...]] = []
    for record in records[1:]:
        cells = [c.strip() for c in record]
        real = len(cells)
        while real > width and not cells[real - 1]:
            real -= 1  # trailing empty cells are not extra data
        widths.append(real)
        rows.append(tuple((cells + [""] * width)[:width]))
        overflow.append(tuple(cells[width:real]) if real > width else ())
    kept = tuple(overflow) if any(overflow) else ()
    return Sheet(name, tuple(headers), tuple(rows), tuple(widths), encoding, kept)


def column_letters(column: int) -> str:
    """A column's letters as a spreadsheet shows them (1 → A, 28 → AB)."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def neutralise(value: str) -> str:
    """A cell's text made safe to open in a spreadsheet: one that would run as a formula gets
    a leading apostrophe, which spreadsheets show as text."""
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_sheet(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    formats: Sequence[str | None] = (),
) -> int:
    """Write rows to ``path`` as CSV (UTF-8 with BOM, which Excel opens correctly) or XLSX,
    by the file's suffix; returns the number of rows. The XLSX has its header row frozen, a
    filter on it, columns as wide as their text, and ``formats``: each column's number format
    (None or missing: as the value is)."""
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".xlsx"}:
        raise InvalidInput(f"Export to a .csv or .xlsx file, not {path.name}.")
    if not path.parent.is_dir():
        raise InvalidInput(f"The folder {path.parent} does not exist.")
    try:
        with replacing(path) as tmp:
            if suffix == ".csv":
                return _write_csv(tmp, headers, rows)
            return _write_xlsx(tmp, headers, rows, formats)
    except OSError as exc:
        raise write_refused(path, exc) from None


def write_refused(path: Path, exc: OSError) -> InvalidInput:
    """A file keidesk could not write (no permission, a full disk, a removed drive), worded
    for staff; the file is left as it was (see :func:`keidesk.atomic.replacing`)."""
    if isinstance(exc, PermissionError):
        return InvalidInput(f"keidesk may not write {path}; choose another place.")
    if exc.errno in {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}:
        why = "the disk is full" if exc.errno != errno.EFBIG else "the file grew too large"
        return InvalidInput(
            f"keidesk could not write {path}: {why}. Free some space or choose another "
            "place; nothing was written."
        )
    return InvalidInput(
        f"keidesk could not write {path} ({exc.strerror or exc}); nothing was written."
    )


#: What no sheet can hold: control characters (XML 1.0 forbids them, and a CSV reader takes
#: them for binary data), text that is not Unicode (lone surrogates) and XML's non-characters.
_UNSAFE_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    # A control character becomes its visible picture (U+0007 → ␇): nothing is lost silently,
    # and the cell still shows that something odd was there.
    return chr(0x2400 + code) if code < 0x20 else "\ufffd"


def printable(text: str) -> str:
    """``text`` as any spreadsheet can store it."""
    return _UNSAFE_CHARACTERS.sub(_visible, text)


def _safe(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        return sheet_text(value)
    return value


def _write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([_safe(h) for h in headers])
        for row in rows:
            writer.writerow([_safe(v if not isinstance(v, date) else v.isoformat()) for v in row])
            count += 1
    return count


#: Rows whose text sets the XLSX's column widths (written before the first row, so read first).
WIDTH_SAMPLE = 1_000
_MIN_WIDTH, _MAX_WIDTH = 6, 60


def _width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return len(f"{value:,.2f}") + 1
    lines = str(value).splitlines() or [""]
    # East Asian wide characters take two columns.
    return max(_columns(line) for line in lines)


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)


def fitted_widths(headers: Sequence[str], sample: Sequence[Sequence[Any]]) -> list[int]:
    """Each column's width in characters: as wide as its header (and the filter's button) or
    the widest text of the sample rows, within bounds."""
    widths = []
    for column, header in enumerate(headers):
        texts = (_width(row[column]) for row in sample if column < len(row))
        widest = max((_width(header) + 2, *texts))  # + 2: the filter's button
        widths.append(min(max(widest + 1, _MIN_WIDTH), _MAX_WIDTH))
    return widths


# --- writing XLSX -----------------------------------------------------------------------------
# XlsxWriter writes every workbook keidesk makes (openpyxl only reads them): in constant-memory
# mode each row goes to a scratch file as it is written, so 100,000 rows cost no more memory
# than ten, and it writes several times faster than openpyxl's pure-Python XML.

#: How a date is shown in every workbook keidesk writes.
DATE_FORMAT = "yyyy-mm-dd"


def sheet_text(value: str) -> str:
    """A text cell as a sheet holds it: control characters made visible, and formula-like text
    neutralised (no formula runs when the file is opened)."""
    if not (value.isascii() and value.isprintable()):
        value = printable(value)
    return neutralise(value)


#: The most text an Excel cell holds (UTF-16 code units), and what ends text cut to it.
EXCEL_CELL_CHARACTERS = 32_767
CUT_MARK = " … [cut: an Excel cell holds at most 32,767 characters]"


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _fitted_to_a_cell(text: str) -> str:
    """``text`` as one cell holds it: longer text cut, with a mark saying so (never silently,
    as XlsxWriter would)."""
    if _utf16_length(text) <= EXCEL_CELL_CHARACTERS:
        return text
    room = EXCEL_CELL_CHARACTERS - len(CUT_MARK)
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1  # outside the BMP: two UTF-16 units
        if units > room:
            return text[:index] + CUT_MARK
    return text + CUT_MARK  # not reached: the text is longer than the room


class XlsxSheet:
    """A worksheet written a row at a time, top to bottom."""

    def __init__(self, book: XlsxBook, sheet: Any) -> None:
        self._book = book
        self._sheet = sheet
        #: The next row to write (0: the first).
        self.row = 0

    def set_widths(self, widths: Sequence[float]) -> None:
        """Each column's width in characters."""
        for column, width in enumerate(widths):
            self._sheet.set_column(column, column, width)

    def header_row(self, titles: Sequence[str]) -> None:
        """The header: bold, frozen (it stays in view when scrolling)."""
        bold = self._book.style(bold=True)
        self.append(titles, [bold] * len(titles))
        self._sheet.freeze_panes(self.row, 0)

    def filter(self, columns: int) -> None:
        """A filter on the header row over every row written (call it last)."""
        self._sheet.autofilter(0, 0, max(self.row - 1, 0), max(columns - 1, 0))

    def append(self, values: Sequence[Any], styles: Sequence[Any] = ()) -> None:
        """One row: text (made safe), numbers (int, float, Decimal), dates and booleans as
        what they are; None and empty text leave the cell empty. ``styles``: each column's
        :meth:`XlsxBook.style` (None or missing: as the value is; dates as dates)."""
        sheet, row = self._sheet, self.row
        count = len(styles)
        for column, value in enumerate(values):
            if value is None:
                continue
            style = styles[column] if column < count else None
            kind = type(value)
            if kind is str:
                if value:
                    self._text(row, column, sheet_text(value), style)
            elif kind is int or kind is Decimal or kind is float:
                sheet.write_number(row, column, value, style)
            elif kind is bool:
                sheet.write_boolean(row, column, value, style)
            elif isinstance(value, date):  # a datetime too
                sheet.write_datetime(row, column, value, style)
            elif isinstance(value, int | float | Decimal):
                sheet.write_number(row, column, value, style)
            else:
                self._text(row, column, sheet_text(str(value)), style)
        self.row = row + 1

    def _text(self, row: int, column: int, text: str, style: Any) -> None:
        if len(text) > EXCEL_CELL_CHARACTERS // 2:
            text = _fitted_to_a_cell(text)
        if text.startswith("<r>") and text.endswith("</r>"):
            # XlsxWriter takes such text for its own rich-text XML and writes it unescaped
            # (a customer named "<r>&</r>" would break the file): as three plain runs it is
            # escaped and shows as typed.
            runs = (text[:1], text[1:2], text[2:])
            self._sheet.write_rich_string(row, column, *runs, *([style] if style else []))
        else:
            self._sheet.write_string(row, column, text, style)


class XlsxBook:
    """A workbook being written; see :func:`xlsx_book`."""

    def __init__(self, book: Any) -> None:
        self._book = book
        self._styles: dict[tuple[str | None, bool], Any] = {}

    def style(self, number_format: str | None = None, *, bold: bool = False) -> Any:
        """A cell style (made once, shared by every cell that uses it); None: the default."""
        key = (number_format, bold)
        if key not in self._styles:
            properties: dict[str, Any] = {}
            if number_format:
                properties["num_format"] = number_format
            if bold:
                properties["bold"] = True
            self._styles[key] = self._book.add_format(properties) if properties else None
        return self._styles[key]

    def add_sheet(self, name: str) -> XlsxSheet:
        return XlsxSheet(self, self._book.add_worksheet(name))


@contextlib.contextmanager
def xlsx_book(path: Path, *, title: str | None = None) -> Iterator[XlsxBook]:
    """A workbook written to ``path`` when the block ends without an error (the caller makes
    that atomic). XlsxWriter's scratch files live in a folder of their own that goes with
    the block, whatever happens; a failed write (a full disk) is the OSError it was."""
    import xlsxwriter  # type: ignore[import-untyped]  # noqa: PLC0415 - loaded on use
    from xlsxwriter.exceptions import FileCreateError  # type: ignore[import-untyped]  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="keidesk-xlsx-", ignore_cleanup_errors=True) as scratch:
        book = xlsxwriter.Workbook(
            str(path),
            {
                "constant_memory": True,
                "tmpdir": scratch,
                "default_date_format": DATE_FORMAT,
                "remove_timezone": True,
            },
        )
        properties: dict[str, Any] = {"author": "keidesk", "created": clock.now()}
        if title:
            properties["title"] = title
        book.set_properties(properties)
        try:
            yield XlsxBook(book)
        except BaseException:
            _discard(book)
            raise
        try:
            book.close()
        except FileCreateError as exc:
            cause = exc.args[0] if exc.args else None
            if isinstance(cause, OSError):
                raise cause from None
            raise OSError(str(exc)) from None


def _discard(book: Any) -> None:
    """After a failed write, close the scratch files XlsxWriter keeps open (their folder is
    removed next, which Windows refuses for open files)."""
    for sheet in book.worksheets():
        handle = getattr(sheet, "row_data_fh", None)
        if handle is not None:
            with contextlib.suppress(Exception):
                handle.close()


def _write_xlsx(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    formats: Sequence[str | None] = (),
) -> int:
    rows = iter(rows)
    sample = [list(row) for row in itertools.islice(rows, WIDTH_SAMPLE)]
    with xlsx_book(path) as book:
        sheet = book.add_sheet("Cases")
        sheet.set_widths(
            fitted_widths([_safe(h) for h in headers], [[_safe(v) for v in row] for row in sample])
        )
        sheet.header_row(headers)
        styles = [book.style(number_format) for number_format in formats]
        count = 0
        for row in itertools.chain(sample, rows):
            sheet.append(row, styles)
            count += 1
        sheet.filter(max(len(headers), 1))
    return count
