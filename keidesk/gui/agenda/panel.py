"""The agenda's panel on the dashboard: what is late or due today, a click from its case."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from keidesk.gui.agenda.view import ITEM_ROLE, kind_colour
from keidesk.gui.kit import theme
from keidesk.gui.kit.i18n import tr, tr_message
from keidesk.services.agenda import Agenda, AgendaItem, reminder_text

#: How many of today's items the panel lists (the agenda tab has them all).
PANEL_ITEMS = 6


class AgendaPanel(QWidget):
    activated = Signal(object)  # AgendaItem
    show_all = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agenda_panel")
        heading = QLabel("<b>{}</b>".format(tr("Today")))
        self.summary = QLabel(tr("Reading the agenda…"))
        self.summary.setObjectName("agenda_summary")
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("agenda_panel_list")
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.list.setMaximumHeight(170)
        self.all_button = QPushButton(tr("Open the agenda"))
        self.all_button.setObjectName("agenda_open_all")
        self.all_button.clicked.connect(self.show_all.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        layout.addWidget(self.all_button)

    def show_agenda(self, agenda: Agenda) -> None:
        self.list.clear()
        said = reminder_text(agenda)
        text = tr_message(said) if said else None
        self.summary.setText(
            text[0].upper() + text[1:] if text else tr("Nothing late or due today.")
        )
        today_items = [item for item in agenda.items if item.date <= agenda.today]
        for item in today_items[:PANEL_ITEMS]:
            who = item.number or item.state or ""
            said = tr_message(item.text)
            row = QListWidgetItem(f"{who}  {said}" if who else said)
            row.setData(ITEM_ROLE, item)
            row.setToolTip(tr("Open"))
            colour = kind_colour(item, agenda.today)
            if colour is not None:
                row.setForeground(theme.colour(colour))
            self.list.addItem(row)
        self.list.setVisible(bool(today_items))
        rest = len(agenda.items) - min(len(today_items), PANEL_ITEMS) + sum(agenda.more.values())
        self.all_button.setText(
            tr("Open the agenda ({count:,} more)").format(count=rest)
            if rest
            else tr("Open the agenda")
        )

    def _activated(self, row: QListWidgetItem) -> None:
        item = row.data(ITEM_ROLE)
        if isinstance(item, AgendaItem):
            self.activated.emit(item)
