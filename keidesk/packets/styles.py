"""Paragraph styles and colours shared by every packet."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from keidesk.packets.fonts import LATIN, LATIN_BOLD, LATIN_ITALIC

INK = colors.HexColor("#1f2328")
MUTED = colors.HexColor("#5a6270")
RULE = colors.HexColor("#c9ced6")
HEADER_FILL = colors.HexColor("#eef1f5")
ACCENT = colors.HexColor("#1d4e89")
GAP_FILL = colors.HexColor("#fdecea")
GAP_INK = colors.HexColor("#a4262c")
WARN_FILL = colors.HexColor("#fff4d6")
WARN_RULE = colors.HexColor("#d9a400")

BODY = ParagraphStyle(
    "body", fontName=LATIN, fontSize=9.5, leading=12.5, textColor=INK, allowWidows=0, allowOrphans=0
)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10, textColor=MUTED)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9, leading=11.5)
CELL_LABEL = ParagraphStyle("cell_label", parent=CELL, fontName=LATIN_BOLD, textColor=INK)
CELL_SMALL = ParagraphStyle("cell_small", parent=CELL, fontSize=7.5, leading=9.5, textColor=MUTED)
QUOTE = ParagraphStyle(
    "quote",
    parent=BODY,
    fontName=LATIN_ITALIC,
    leftIndent=12,
    rightIndent=12,
    spaceBefore=2,
    spaceAfter=2,
)
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName=LATIN_BOLD, fontSize=24, leading=29, textColor=ACCENT
)
COVER_LINE = ParagraphStyle("cover_line", parent=BODY, fontSize=12, leading=16)
H1 = ParagraphStyle(
    "h1",
    parent=BODY,
    fontName=LATIN_BOLD,
    fontSize=15,
    leading=19,
    textColor=ACCENT,
    spaceAfter=8,
    keepWithNext=True,
)
H2 = ParagraphStyle(
    "h2",
    parent=BODY,
    fontName=LATIN_BOLD,
    fontSize=11,
    leading=14,
    spaceBefore=9,
    spaceAfter=4,
    keepWithNext=True,
)
CELL_RIGHT = ParagraphStyle("cell_right", parent=CELL, alignment=TA_RIGHT)
