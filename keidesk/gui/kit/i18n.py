"""Every string shown in the GUI goes through :func:`tr` so it can be translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str, context: str = "keidesk") -> str:
    return QCoreApplication.translate(context, text)
