"""Colours that read well in the system's light and dark themes (the palette is the system's).

Meaning is never carried by colour alone: every coloured value also says it in words.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

GOOD = "good"
SOON = "soon"
BAD = "bad"
MUTED = "muted"

_LIGHT = {GOOD: "#1b7a2f", SOON: "#a05a00", BAD: "#b3261e", MUTED: "#6b6b6b"}
_DARK = {GOOD: "#7ed492", SOON: "#f5b35c", BAD: "#ff8a80", MUTED: "#a8a8a8"}


def is_dark() -> bool:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    scheme = app.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def colour(kind: str) -> QColor:
    return QColor((_DARK if is_dark() else _LIGHT)[kind])


def hex_colour(kind: str) -> str:
    return colour(kind).name()


def eligibility_kind(eligible_on: date, today: date) -> str:
    if eligible_on <= today:
        return GOOD
    if eligible_on <= today + timedelta(days=90):
        return SOON
    return BAD


def eligibility_colour(eligible_on: date, today: date) -> QColor:
    return colour(eligibility_kind(eligible_on, today))


#: Tried after the interface font for characters it lacks (kanji in chassis papers), so they
#: show in a regular sans-serif face of their own rather than whatever font the system finds
#: first (on some desktops a bold serif).
CJK_FAMILIES = ("Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP", "Yu Gothic", "Meiryo")


def use_fonts(app: QGuiApplication) -> None:
    font = app.font()
    families = [font.family(), *(f for f in CJK_FAMILIES if f != font.family())]
    font.setFamilies(families)
    app.setFont(font)
