"""Help → Keyboard shortcuts: the keyboard scheme's table (:mod:`keidesk.gui.kit.shortcuts`),
grouped by where the keys work."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keidesk.gui.kit.i18n import tr
from keidesk.gui.kit.screen_fit import FittedDialog
from keidesk.gui.kit.shortcuts import SHORTCUTS, Shortcut, shown_keys


def rows() -> list[tuple[str, str, str]]:
    """(keys, what they do, where they work) for each entry, in the table's order."""

    def row(s: Shortcut) -> tuple[str, str, str]:
        return (shown_keys(s), tr(s.what), tr(s.scope))

    return [row(s) for s in SHORTCUTS]


class KeyboardHelpDialog(FittedDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        intro = QLabel(
            tr(
                "Every action has a key. Alt and the underlined letter presses a button or "
                "opens a tab; Esc closes a dialog or pop-up, never a case."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("shortcut_table")
        self.table.setHorizontalHeaderLabels([tr("Keys"), tr("What it does"), tr("Where")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for keys, what, where in rows():
            at = self.table.rowCount()
            self.table.insertRow(at)
            for column, text in enumerate((keys, what, where)):
                self.table.setItem(at, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 560)

    def shown_rows(self) -> list[tuple[str, str, str]]:
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1), text(r, 2)) for r in range(self.table.rowCount())]
