"""Page layout shared by every packet: the document template, the footer with "page X of Y",
bookmarks per section, and the flowables packets are made of (label/value tables, gaps shown
plainly, notes, check boxes, signature lines, and pages reserved for enclosed scans).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from keidesk.packets import styles
from keidesk.packets.fonts import LATIN, LATIN_BOLD, markup
from keidesk.packets.gaps import Gaps

MARGIN = 0.75 * inch
FOOTER_SPACE = 0.85 * inch


@dataclass(frozen=True, slots=True)
class FooterText:
    left: str  # case number and packet title
    middle: str  # generation date


class PageRef(Flowable):
    """A line that names the page another part of the packet starts on ("Enclosed, page 12").

    That page is known only once the whole packet is laid out, so the line is laid out with
    room for a three-digit number and written by the canvas at the end, like the footer.
    """

    def __init__(self, before: str, key: str, after: str = "", style: Any = None) -> None:
        super().__init__()
        self.key = key
        self.before, self.after = markup(before), markup(after)
        self.style = style or styles.CELL
        self._available = 0.0

    def _paragraph(self, page: str) -> Paragraph:
        return Paragraph(self.before + page + self.after, self.style)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self._available = available_width
        self.width, self.height = self._paragraph("999").wrap(available_width, available_height)
        return self.width, self.height

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        refs: list[tuple[PageRef, float, float]] | None = getattr(self.canv, "page_refs", None)
        if refs is not None:
            refs.append((self, x, y))

    def draw_resolved(self, canvas: Canvas, x: float, y: float, page: int | None) -> None:
        paragraph = self._paragraph(str(page) if page else "?")
        _width, height = paragraph.wrap(self._available, self.height + 100)
        paragraph.drawOn(canvas, x, y + self.height - height)


class _PacketCanvas(Canvas):
    """Holds pages back until the end so each footer can say "page X of Y".

    Bookmarks and outline entries are recorded with their page and replayed as the pages are
    written, so they point at the right page.
    """

    def __init__(self, *args: Any, footer: FooterText, gaps: Gaps, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._gaps = gaps
        self._held_pages: list[dict[str, Any]] = []
        self._marks: list[tuple[str, str, int]] = []
        self.page_refs: list[tuple[PageRef, float, float]] = []
        self.anchors: dict[str, int] = {}

    def anchor(self, key: str) -> None:
        """Remember the page a part of the packet starts on, for :class:`PageRef`."""
        self.anchors.setdefault(key, self.getPageNumber())

    def bookmarkPage(self, key: str, *args: Any, **kwargs: Any) -> None:
        self._marks.append(("", key, 0))

    def addOutlineEntry(
        self, title: str, key: str, level: int = 0, closed: bool | None = None
    ) -> None:
        self._marks.append((title, key, level))

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()
        self._marks = []
        self.page_refs = []

    def save(self) -> None:
        total = len(self._held_pages)
        anchors = self.anchors
        draft = self._gaps.draft
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            for ref, x, y in state["page_refs"]:
                ref.draw_resolved(self, x, y, anchors.get(ref.key))
            if draft:
                self._draw_draft_mark(len(self._gaps.items))
            for title, key, level in state["_marks"]:
                if title:
                    Canvas.addOutlineEntry(self, title, key, level)
                else:
                    Canvas.bookmarkPage(self, key, fit="XYZ", top=self._pagesize[1])
            Canvas.showPage(self)
        Canvas.save(self)

    def _draw_footer(self, number: int, total: int) -> None:
        width, _height = self._pagesize
        y = FOOTER_SPACE * 0.45
        self.saveState()
        self.setStrokeColor(styles.RULE)
        self.setLineWidth(0.6)
        self.line(MARGIN, y + 11, width - MARGIN, y + 11)
        self.setFillColor(styles.MUTED)
        self.setFont(LATIN, 7.5)
        self.drawString(MARGIN, y, self._footer.left)
        page_text = f"Page {number} of {total}"
        self.setFont(LATIN_BOLD, 7.5)
        self.drawRightString(width - MARGIN, y, page_text)
        self.setFont(LATIN, 7.5)
        self.drawRightString(
            width - MARGIN - self.stringWidth(page_text, LATIN_BOLD, 7.5) - 12,
            y,
            self._footer.middle,
        )
        self.restoreState()

    def _draw_draft_mark(self, count: int) -> None:
        """DRAFT across the page, faint, and a red band in the top margin that a scan laid
        on an enclosure page cannot cover."""
        width, height = self._pagesize
        self.saveState()
        self.setFillColor(styles.GAP_INK)
        band = 16.0
        top = height - MARGIN * 0.35
        self.rect(MARGIN, top - band, width - 2 * MARGIN, band, stroke=0, fill=1)
        self.setFillColor(colors.white)
        self.setFont(LATIN_BOLD, 9)
        gaps = f"{count} gap{'s' if count != 1 else ''}"
        self.drawCentredString(
            width / 2,
            top - band + 4.8,
            f"DRAFT — not complete: {gaps}, listed on the cover. Do not file or hand over.",
        )
        self.setFillColor(styles.GAP_INK)
        self.setFillAlpha(0.09)
        self.translate(width / 2, height / 2)
        self.rotate(52)
        self.setFont(LATIN_BOLD, min(width, height) * 0.27)
        self.drawCentredString(0, -min(width, height) * 0.09, "DRAFT")
        self.restoreState()


class PacketDocument(BaseDocTemplate):
    """One frame per page; headings become bookmarks."""

    def __init__(self, target: Any, *, pagesize: tuple[float, float], **kwargs: Any) -> None:
        super().__init__(
            target,
            pagesize=pagesize,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=FOOTER_SPACE,
            **kwargs,
        )
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])

    def afterFlowable(self, flowable: Flowable) -> None:
        anchor = getattr(flowable, "anchor_key", None)
        if anchor and isinstance(self.canv, _PacketCanvas):
            self.canv.anchor(anchor)
        title = getattr(flowable, "outline_title", None)
        if title:
            key = f"s{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, getattr(flowable, "outline_level", 0))


def canvas_maker(footer: FooterText, gaps: Gaps) -> Any:
    """The canvas of a packet: footers, page references and, when ``gaps`` (read once the
    whole packet is laid out) has any, the DRAFT mark on every page."""

    def make(*args: Any, **kwargs: Any) -> _PacketCanvas:
        return _PacketCanvas(*args, footer=footer, gaps=gaps, **kwargs)

    return make


# --- flowables ------------------------------------------------------------------------------


def lines(text: str) -> str:
    """Paragraph markup of plain text that keeps its line breaks (a two-line address prints
    on two lines)."""
    return "<br/>".join(markup(line.strip()) for line in text.splitlines() if line.strip())


def para(text: str, style: Any = styles.BODY) -> Paragraph:
    """A paragraph of plain text (escaped; Japanese in the embedded font; lines kept)."""
    return Paragraph(lines(text), style)


def rich(fragments: Iterable[tuple[str, str]], style: Any = styles.BODY) -> Paragraph:
    """A paragraph of (tag, text) runs: tag "b" is bold, "i" italic, "" plain."""
    parts = []
    for tag, text in fragments:
        body = markup(text)
        parts.append(f"<{tag}>{body}</{tag}>" if tag else body)
    return Paragraph("".join(parts), style)


def heading(
    text: str, *, level: int = 0, outline: str | None = None, anchor: str | None = None
) -> Paragraph:
    """A section heading that is also a PDF bookmark (and, with ``anchor``, a place a
    checklist gives the page of)."""
    flowable = Paragraph(markup(text), styles.H1 if level == 0 else styles.H2)
    flowable.outline_title = outline or text
    flowable.outline_level = level
    flowable.anchor_key = anchor
    return flowable


def subheading(text: str) -> Paragraph:
    return Paragraph(markup(text), styles.H2)


GAP_TEXT = "NOT RECORDED"


def gap_cell(what: str, gaps: Gaps, hint: str = "") -> Paragraph:
    gaps.note(what)
    hint_text = f" <font size=7.5>{markup(hint)}</font>" if hint else ""
    return Paragraph(
        f'<font color="{styles.GAP_INK.hexval()}"><b>{GAP_TEXT}</b>{hint_text}</font>',
        styles.CELL,
    )


#: label, value (str, Paragraph, or None for a gap) and, optionally, the name of the gap
#: (when the label alone would name it differently than other pages do).
Row = tuple[str, Any] | tuple[str, Any, str]


def field_table(
    rows: Sequence[Row],
    width: float,
    gaps: Gaps,
    *,
    label_share: float = 0.34,
    context: str = "",
) -> Table:
    """Label/value rows; a ``None`` value shows a plain gap and is recorded as missing
    (named "context label" when the label alone would be unclear, like "Buyer name")."""
    data: list[list[Any]] = []
    gap_rows: list[int] = []
    for index, row in enumerate(rows):
        label, value = row[0], row[1]
        if value is None:
            what = row[2] if len(row) == 3 else f"{context} {label.lower()}" if context else label
            cell: Any = gap_cell(what, gaps)
            gap_rows.append(index)
        elif isinstance(value, str):
            cell = Paragraph(lines(value), styles.CELL)
        else:
            cell = value
        data.append([Paragraph(markup(label), styles.CELL_LABEL), cell])
    table = Table(
        data,
        colWidths=[width * label_share, width * (1 - label_share)],
        hAlign="LEFT",
        repeatRows=0,
    )
    commands: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, styles.RULE),
        ("BACKGROUND", (0, 0), (0, -1), styles.HEADER_FILL),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    commands.extend(("BACKGROUND", (1, r), (1, r), styles.GAP_FILL) for r in gap_rows)
    table.setStyle(TableStyle(commands))
    return table


def grid_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    highlight: dict[int, colors.Color] | None = None,
) -> Table:
    """A table with a header row that repeats across pages; cells are text or flowables."""
    data: list[list[Any]] = [[Paragraph(markup(h), styles.CELL_LABEL) for h in header]]
    for row in rows:
        data.append([Paragraph(lines(c), styles.CELL) if isinstance(c, str) else c for c in row])
    table = Table(data, colWidths=list(widths), hAlign="LEFT", repeatRows=1)
    commands: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), styles.HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, styles.RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    for row_index, colour in (highlight or {}).items():
        commands.append(("BACKGROUND", (0, row_index + 1), (-1, row_index + 1), colour))
    table.setStyle(TableStyle(commands))
    return table


def note_box(
    lines: Sequence[str], width: float, *, kind: str = "warning", style: Any = styles.CELL
) -> Table:
    """A tinted box: "warning" (amber) for things to confirm, "gap" (red) for missing data."""
    fill, rule = (
        (styles.WARN_FILL, styles.WARN_RULE)
        if kind == "warning"
        else (styles.GAP_FILL, styles.GAP_INK)
    )
    cells = [[Paragraph(markup(line), style)] for line in lines]
    table = Table(cells, colWidths=[width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), fill),
                ("LINEBEFORE", (0, 0), (0, -1), 3, rule),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, 0), 5),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
            ]
        )
    )
    return table


def cited(text: str, source: str) -> list[Flowable]:
    """A quotation and, beneath it, where it comes from."""
    return [para(text, styles.QUOTE), para(f"Source: {source}", styles.SMALL), Spacer(1, 5)]


class ScaledImage(Flowable):
    """An image already read (and scaled down) for the packet, drawn at the given size."""

    def __init__(self, image: ImageReader, width: float, height: float) -> None:
        super().__init__()
        self.image, self.width, self.height = image, width, height
        self.hAlign = "LEFT"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.image, 0, 0, self.width, self.height)


class QrCode(Flowable):
    """A QR code drawn as one path: encoded once (reportlab's widget encodes it again each
    time it is measured or drawn, which made it a tenth of a packet's time)."""

    BORDER = 4  # modules of quiet zone around the code

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(payload)
        code.make()
        self.modules: list[list[bool | None]] = code.modules
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        box = self.width / (len(self.modules) + 2 * self.BORDER)
        path = self.canv.beginPath()
        for row_index, row in enumerate(self.modules):
            column = 0
            for dark, run in itertools.groupby(bool(m) for m in row):
                count = len(list(run))
                if dark:
                    x = (column + self.BORDER) * box
                    y = self.height - (row_index + self.BORDER + 1) * box
                    path.rect(x, y, count * box, box)
                column += count
        self.canv.setFillColor(colors.black)
        self.canv.drawPath(path, stroke=0, fill=1)


class CheckBox(Flowable):
    """An empty (or ticked) square drawn in line with a label, for choices signed on paper."""

    SIZE = 9.0

    def __init__(self, ticked: bool = False) -> None:
        super().__init__()
        self.ticked = ticked

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.SIZE, self.SIZE

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(styles.INK)
        canvas.setLineWidth(0.8)
        canvas.rect(0, 0, self.SIZE, self.SIZE)
        if self.ticked:
            canvas.line(1.5, 4.5, 3.8, 1.8)
            canvas.line(3.8, 1.8, 7.8, 7.6)


def choices(options: Sequence[tuple[str, bool]], width: float) -> Table:
    rows = [[CheckBox(ticked), Paragraph(markup(text), styles.CELL)] for text, ticked in options]
    table = Table(rows, colWidths=[18, width - 18], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (0, -1), 2),
                ("TOPPADDING", (0, 0), (0, -1), 6),
            ]
        )
    )
    return table


def signature_block(parties: Sequence[tuple[str, str]], width: float) -> Flowable:
    """Signature, printed name and date lines for each (role, printed name) pair."""
    gutter = 14.0
    widths = [width * 0.44, gutter, width * 0.34, gutter, width * 0.22 - 2 * gutter]
    rows: list[list[Any]] = []
    commands: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
    for block, (role, name) in enumerate(parties):
        top = block * 3
        rows.append([Paragraph(f"<b>{markup(role)}</b>", styles.CELL), "", "", "", ""])
        rows.append(["", "", Paragraph(markup(name), styles.CELL) if name else "", "", ""])
        rows.append(
            [
                Paragraph("Signature", styles.CELL_SMALL),
                "",
                Paragraph("Printed name", styles.CELL_SMALL),
                "",
                Paragraph("Date", styles.CELL_SMALL),
            ]
        )
        commands += [
            ("TOPPADDING", (0, top), (-1, top), 16 if block else 4),
            ("TOPPADDING", (0, top + 1), (-1, top + 1), 22),
            ("TOPPADDING", (0, top + 2), (-1, top + 2), 1),
        ]
        commands += [
            ("LINEBELOW", (column, top + 1), (column, top + 1), 0.8, styles.INK)
            for column in (0, 2, 4)
        ]
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return KeepTogether([table])
