"""Fonts: Helvetica for Latin text, and an embedded Japanese font for everything else.

reportlab's CID fonts (HeiseiKakuGo-W5) are not embedded and show as empty boxes in viewers
without Japanese fonts, so packets embed a subset of IPAexGothic (IPA Font License v1.0, in
``resources/fonts/``). Latin text stays in Helvetica, which every viewer has; any run of
characters Helvetica cannot show is switched to the Japanese font by :func:`markup`.
"""

from __future__ import annotations

import functools
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from keidesk import paths

LATIN = "Helvetica"
LATIN_BOLD = "Helvetica-Bold"
LATIN_ITALIC = "Helvetica-Oblique"
JAPANESE = "IPAexGothic"
JAPANESE_FILE = "ipaexg.ttf"

#: Characters neither font has, shown in a form both can.
_SUBSTITUTES = {"≤": "<=", "≥": ">=", "≠": "!=", "☐": "□", "☑": "■", "\u00a0": " "}


@functools.cache
def register_fonts() -> frozenset[int]:
    """Register the embedded Japanese font once per process; returns the code points it has."""
    font = TTFont(JAPANESE, str(paths.resource_dir() / "fonts" / JAPANESE_FILE))
    pdfmetrics.registerFont(font)
    return frozenset(font.face.charToGlyph)


def _latin_has(char: str) -> bool:
    """Whether the standard Helvetica (WinAnsi encoding) can show the character."""
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return char.isprintable() or char in "\t\n"


def markup(text: str) -> str:
    """Escape ``text`` for a reportlab Paragraph and put non-Latin runs in the Japanese font."""
    if text.isascii() and text.isprintable():
        return escape(text)  # the usual case, and much quicker than one character at a time
    japanese = register_fonts()
    out: list[str] = []
    run: list[str] = []
    for raw in text:
        char = _SUBSTITUTES.get(raw, raw)
        if len(char) > 1 or _latin_has(char):
            if run:
                out.append(f'<font name="{JAPANESE}">{escape("".join(run))}</font>')
                run = []
            out.append(escape(char))
        elif ord(char) in japanese:
            run.append(char)
        else:
            out.append("?")
    if run:
        out.append(f'<font name="{JAPANESE}">{escape("".join(run))}</font>')
    return "".join(out)


def needs_japanese(text: str) -> bool:
    return any(not _latin_has(_SUBSTITUTES.get(c, c)[0]) for c in text)
