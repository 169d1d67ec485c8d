"""The paper choice for packets, shared by the preferences and both packet dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from keidesk.gui.kit.i18n import tr
from keidesk.preferences import load_preferences


def paper_box() -> QComboBox:
    """The paper choice for packets, set to the preferred paper ("letter" or "a4" as data)."""
    box = QComboBox()
    box.addItem(tr("US Letter"), "letter")
    box.addItem(tr("A4"), "a4")
    box.setCurrentIndex(max(0, box.findData(load_preferences().paper)))
    return box
