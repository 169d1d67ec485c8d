"""A report as a printable PDF: landscape Letter, a title, notes, bar charts
(reportlab.graphics) and tables whose header repeats on every page, numbered "page N of M".

Tables are drawn straight onto the canvas a row at a time as the rows stream from the
database (platypus would hold and measure every row first): 100,000 cases in seconds. The
layout is run twice, once without drawing to count the pages, then for real.
"""

from __future__ import annotations

import contextlib
import functools
import math
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape, letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from keidesk import __version__
from keidesk.domain.costs import usd_text
from keidesk.packets.fonts import JAPANESE, LATIN, LATIN_BOLD, needs_japanese, register_fonts
from keidesk.reports.model import BarChart, Column, Report, Table

PAGE: tuple[float, float] = landscape(letter)
MARGIN = 36.0
FONT_SIZE = 7.5
ROW = 11.0
HEADER_ROW = 14.0
CHART_HEIGHT = 170.0
BAR = colors.HexColor("#3b6ea5")
NEGATIVE = colors.HexColor("#b5533c")
SHADE = colors.HexColor("#e8edf3")
RULE = colors.HexColor("#9aa5b1")


def cell_text(value: Any, column: Column) -> str:
    """A cell as printed: dollars for ``usd``, ISO dates, thousands separators."""
    if value is None or value == "":
        return ""
    if column.kind == "usd" and isinstance(value, int):
        return usd_text(value)
    if column.kind == "percent" and isinstance(value, Decimal):
        return f"{value}%"
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value).replace("\n", " ")


class _Pages:
    """The cursor down the pages; ``canvas`` None only counts them."""

    def __init__(self, canvas: Canvas | None, report: Report, total: int | None) -> None:
        self.canvas = canvas
        self.report = report
        self.total = total
        self.page = 0
        self.y = 0.0
        self.on_new_page: Callable[[], None] | None = None
        self._new_page(first=True)

    @property
    def width(self) -> float:
        return PAGE[0] - 2 * MARGIN

    def _new_page(self, *, first: bool = False) -> None:
        canvas = self.canvas
        if canvas is not None and not first:
            canvas.showPage()
        self.page += 1
        top = PAGE[1] - MARGIN
        if canvas is not None:
            self._furniture(canvas)
        if first:
            self.y = top - 40
        else:
            self.y = top - 14
        if self.on_new_page is not None:
            self.on_new_page()

    def _furniture(self, canvas: Canvas) -> None:
        """The title on the first page, a running head after it, the footer on each."""
        top = PAGE[1] - MARGIN
        report = self.report
        if self.page == 1:
            canvas.setFont(LATIN_BOLD, 15)
            _draw(canvas, MARGIN, top - 14, report.title, LATIN_BOLD, 15)
            _draw(canvas, MARGIN, top - 30, report.subtitle, LATIN, 9)
        else:
            _draw(canvas, MARGIN, top - 6, report.title, LATIN_BOLD, 8)
        footer = f"keidesk {__version__} · {report.title}"
        canvas.setFont(LATIN, 7)
        canvas.setFillColor(colors.grey)
        canvas.drawString(MARGIN, MARGIN - 18, footer)
        page = f"page {self.page}" + (f" of {self.total}" if self.total else "")
        canvas.drawRightString(PAGE[0] - MARGIN, MARGIN - 18, page)
        canvas.setFillColor(colors.black)

    def need(self, height: float) -> None:
        """Room for ``height`` points, or a new page."""
        if self.y - height < MARGIN:
            self._new_page()

    def advance(self, height: float) -> None:
        self.y -= height


def _draw(canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> None:  # noqa: PLR0917
    canvas.setFont(JAPANESE if needs_japanese(text) else font, size)
    canvas.drawString(x, y, text)


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut (with an ellipsis) to ``width`` points."""
    if len(text) * size * 0.62 <= width or stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` in lines of at most ``width`` points, broken between words."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and stringWidth(candidate, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


# --- fast table text ------------------------------------------------------------------------
# A table cell is written as raw PDF text operators: reportlab's text objects cost ~100 µs a
# cell (its accelerator is not built for every platform), which made 100,000 rows take a
# minute. Helvetica's cells are WinAnsi (cp1252) bytes, measured with the font's own widths.


@functools.cache
def _widths(font: str) -> tuple[float, ...]:
    """Each WinAnsi byte's width in ``font`` at FONT_SIZE points."""
    table = []
    for code in range(256):
        try:
            char = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            char = "?"
        table.append(stringWidth(char, font, FONT_SIZE))
    return tuple(table)


def _width(encoded: bytes, font: str) -> float:
    widths = _widths(font)
    return sum(widths[code] for code in encoded)


def _latin_bytes(text: str) -> bytes | None:
    """``text`` as WinAnsi bytes, or None when Helvetica cannot show it."""
    if text.isascii() and text.isprintable():
        return text.encode("ascii")
    if needs_japanese(text):
        return None
    try:
        return text.encode("cp1252")
    except UnicodeEncodeError:
        return text.encode("cp1252", errors="replace")


def _fit_bytes(encoded: bytes, font: str, width: float) -> bytes:
    if len(encoded) * FONT_SIZE * 0.62 <= width or _width(encoded, font) <= width:
        return encoded
    ellipsis = "…".encode("cp1252")
    while encoded and _width(encoded + ellipsis, font) > width:
        encoded = encoded[:-1]
    return encoded + ellipsis


def _literal(encoded: bytes) -> str:
    """Bytes as the inside of a PDF literal string."""
    if encoded.isascii():
        text = encoded.decode("ascii")
        if "(" not in text and ")" not in text and "\\" not in text:
            return text
    out = []
    for code in encoded:
        if code in (0x28, 0x29, 0x5C):  # ( ) \
            out.append("\\" + chr(code))
        elif 0x20 <= code < 0x7F:
            out.append(chr(code))
        else:
            out.append(f"\\{code:03o}")
    return "".join(out)


def _font_ref(canvas: Canvas, font: str) -> str:
    """The page's name for a standard font (``/F1``), used by the raw operators."""
    return str(canvas._doc.getInternalFontName(font))


#: A cell's text operators before and after its baseline, or None: Japanese text.
Placed = tuple[str, str] | None
_EMPTY: Placed = ("", "")
_MISSING: Any = object()
#: The values whose placing is remembered (hashable, and equal only when shown alike), and
#: how many per column.
_MEMO_TYPES = frozenset({str, int, date})
_MEMO_SIZE = 4_096


def _notes(pages: _Pages, notes: Sequence[str]) -> None:
    for note in notes:
        font = JAPANESE if needs_japanese(note) else LATIN
        for line in wrap(note, font, 8, pages.width):
            pages.need(11)
            if pages.canvas is not None:
                pages.canvas.setFillColor(colors.HexColor("#444444"))
                _draw(pages.canvas, MARGIN, pages.y - 9, line, LATIN, 8)
                pages.canvas.setFillColor(colors.black)
            pages.advance(11)
    if notes:
        pages.advance(6)


def nice_step(low: float, high: float) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving at most six gridlines."""
    span = max(high - low, 1)
    power = 10.0 ** math.floor(math.log10(span / 5))
    for factor in (1, 2, 5, 10):
        if span / (factor * power) <= 6:
            return max(1.0, factor * power)
    return max(1.0, 10 * power)


def chart_drawing(chart: BarChart, width: float, height: float) -> Drawing:
    """A bar chart as a reportlab drawing: bars, value axis, labels and the title."""
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 11, chart.title, fontName=LATIN_BOLD, fontSize=9))
    bars = VerticalBarChart()
    bars.x, bars.y = 46, 34
    bars.width, bars.height = width - 56, height - 58
    usd = chart.unit == "usd"
    values = [v / 100 if usd else v for v in chart.values] or [0]
    bars.data = [values]
    bars.categoryAxis.categoryNames = list(chart.labels) or [""]
    bars.categoryAxis.labels.fontName = LATIN
    bars.categoryAxis.labels.fontSize = 6.5
    bars.categoryAxis.labels.angle = 30 if len(chart.labels) > 6 else 0
    bars.categoryAxis.labels.boxAnchor = "ne" if len(chart.labels) > 6 else "n"
    bars.valueAxis.labels.fontName = LATIN
    bars.valueAxis.labels.fontSize = 6.5
    step = nice_step(min(0, *values), max(0, *values))
    bars.valueAxis.valueMin = math.floor(min(0, *values) / step) * step
    bars.valueAxis.valueMax = max(math.ceil(max(0, *values) / step) * step, step)
    bars.valueAxis.valueStep = step
    bars.valueAxis.labelTextFormat = (lambda v: f"${v:,.0f}") if usd else (lambda v: f"{v:,.0f}")
    bars.categoryAxis.labelAxisMode = "low"  # below the lowest bar, clear of negative ones
    bars.bars[0].fillColor = BAR
    bars.bars[0].strokeColor = None
    for index, value in enumerate(values):
        if value < 0:
            bars.bars[(0, index)].fillColor = NEGATIVE
    bars.barLabelFormat = (lambda v: f"${v:,.0f}") if usd else (lambda v: f"{v:,.0f}")
    bars.barLabels.fontName = LATIN
    bars.barLabels.fontSize = 6
    bars.barLabels.nudge = 6
    drawing.add(bars)
    return drawing


def _charts(pages: _Pages, charts: Sequence[BarChart]) -> None:
    """Charts two to a row."""
    width = (pages.width - 24) / 2
    for start in range(0, len(charts), 2):
        pages.need(CHART_HEIGHT + 8)
        if pages.canvas is not None:
            for offset, chart in enumerate(charts[start : start + 2]):
                drawing = chart_drawing(chart, width, CHART_HEIGHT)
                renderPDF.draw(
                    drawing, pages.canvas, MARGIN + offset * (width + 24), pages.y - CHART_HEIGHT
                )
        pages.advance(CHART_HEIGHT + 14)


def _table(pages: _Pages, table: Table) -> None:
    total_width = sum(c.width for c in table.columns)
    widths = [pages.width * c.width / total_width for c in table.columns]
    lefts = [MARGIN + sum(widths[:i]) for i in range(len(widths))]
    starts = {left: f"1 0 0 1 {left + 3:.2f}" for left in lefts}  # a left cell's text matrix
    canvas = pages.canvas

    def header() -> None:
        if canvas is not None:
            canvas.setFillColor(SHADE)
            canvas.rect(MARGIN, pages.y - HEADER_ROW, pages.width, HEADER_ROW, stroke=0, fill=1)
            canvas.setFillColor(colors.black)
            canvas.setFont(LATIN_BOLD, FONT_SIZE)
            for column, left, width in zip(table.columns, lefts, widths, strict=True):
                title = _fit(column.title, LATIN_BOLD, FONT_SIZE, width - 6)
                if column.kind in {"text", "date"}:
                    canvas.drawString(left + 3, pages.y - HEADER_ROW + 4, title)
                else:
                    canvas.drawRightString(left + width - 3, pages.y - HEADER_ROW + 4, title)
        pages.advance(HEADER_ROW)

    pages.need(24 + HEADER_ROW + ROW)
    if canvas is not None:
        canvas.setFont(LATIN_BOLD, 10)
        _draw(canvas, MARGIN, pages.y - 12, table.title, LATIN_BOLD, 10)
    pages.advance(18)
    header()
    pages.on_new_page = header

    def placed(value: Any, column: Column, left: float, width: float, font: str) -> Placed:
        """A cell's text operators around its baseline: ("", "") for an empty cell, None for
        Japanese text (drawn by reportlab with the embedded font)."""
        shown = cell_text(value, column)
        if not shown:
            return _EMPTY
        encoded = _latin_bytes(shown)
        if encoded is None:
            return None
        encoded = _fit_bytes(encoded, font, width - 6)
        if column.kind in ("text", "date"):
            x = starts[left]
        else:
            x = f"1 0 0 1 {left + width - 3 - _width(encoded, font):.2f}"
        return x, f"Tm ({_literal(encoded)}) Tj"

    # Each column's cells as placed, by value: most columns repeat a few values (a stage, a
    # state, a make), which are then measured and encoded once, not once a row.
    memos: dict[str, list[dict[Any, Placed]]] = {
        font: [{} for _ in table.columns] for font in (LATIN, LATIN_BOLD)
    }
    cells = list(zip(table.columns, lefts, widths, strict=True))

    def row(values: Sequence[Any], *, bold: bool = False) -> None:
        pages.need(ROW)
        if canvas is None:
            pages.advance(ROW)
            return
        baseline = pages.y - ROW + 3
        y = f"{baseline:.2f}"
        font = LATIN_BOLD if bold else LATIN
        operators = [f"BT {_font_ref(canvas, font)} {FONT_SIZE} Tf"]
        for value, (column, left, width), memo in zip(values, cells, memos[font], strict=True):
            if type(value) in _MEMO_TYPES:
                where = memo.get(value, _MISSING)
                if where is _MISSING:
                    where = placed(value, column, left, width, font)
                    if len(memo) < _MEMO_SIZE:
                        memo[value] = where
            else:
                where = placed(value, column, left, width, font)
            if where is None:  # Japanese (rare): reportlab's own text, with the embedded font
                shown = _fit(cell_text(value, column), JAPANESE, FONT_SIZE, width - 6)
                canvas.setFont(JAPANESE, FONT_SIZE)
                if column.kind in ("text", "date"):
                    canvas.drawString(left + 3, baseline, shown)
                else:
                    canvas.drawRightString(left + width - 3, baseline, shown)
            elif where is not _EMPTY:
                operators.append(f"{where[0]} {y} {where[1]}")
        operators.append("ET")
        canvas.addLiteral(" ".join(operators))
        pages.advance(ROW)

    if canvas is None:
        for _ in range(table.count):
            row(())
    else:
        for values in table.rows():
            row(values)
    if table.totals is not None:
        if canvas is not None:
            canvas.setStrokeColor(RULE)
            canvas.line(MARGIN, pages.y, MARGIN + pages.width, pages.y)
        row(table.totals, bold=True)
    if not table.count and canvas is not None:
        pages.need(ROW)
        _draw(canvas, MARGIN + 3, pages.y - ROW + 3, "Nothing to show.", LATIN, FONT_SIZE)
        pages.advance(ROW)
    elif not table.count:
        pages.need(ROW)
        pages.advance(ROW)
    pages.on_new_page = None
    pages.advance(16)


def _lay_out(pages: _Pages, report: Report) -> None:
    _notes(pages, report.notes)
    _charts(pages, report.charts)
    for table in report.tables:
        _table(pages, table)


def write_pdf(report: Report, path: Path) -> int:
    """Write ``report`` to ``path`` (the caller makes it atomic); returns the page count."""
    register_fonts()
    counting = _Pages(None, report, None)
    _lay_out(counting, report)
    total = counting.page
    canvas = Canvas(str(path), pagesize=PAGE, pageCompression=1)
    canvas.setTitle(report.title)
    canvas.setAuthor("keidesk")
    canvas.setSubject(report.subtitle)
    pages = _Pages(canvas, report, total)
    _lay_out(pages, report)
    canvas.showPage()
    with _binary_streams():
        canvas.save()
    return total


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    """Page streams compressed but not also ASCII85-encoded (reportlab's default): the
    encoding is pure Python without reportlab's optional accelerator, a third of the time of a
    100,000-row report, and it makes the file a quarter larger. reportlab reads the setting when
    it writes the file."""
    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = before
