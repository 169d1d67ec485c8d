"""The agenda tab: what needs doing, by day; each item opens its case, or is snoozed or
marked handled (remembered in the database)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keidesk.gui.kit import theme
from keidesk.gui.kit.i18n import tr, tr_message
from keidesk.gui.kit.shortcuts import key_text, sequences
from keidesk.services.agenda import MAX_DAYS, Agenda, AgendaItem, AgendaKind

#: The snooze choices: label and how many days.
SNOOZE_CHOICES = (("Until tomorrow", 1), ("For 3 days", 3), ("For a week", 7))
ITEM_ROLE = Qt.ItemDataRole.UserRole


def day_title(day: date, today: date) -> str:
    if day < today:
        return tr("Overdue and pending")
    if day == today:
        return tr("Today") + f" — {day.strftime('%A %d %B')}"
    if day == today + timedelta(days=1):
        return tr("Tomorrow") + f" — {day.strftime('%A %d %B')}"
    return day.strftime("%A %d %B %Y")


def kind_colour(item: AgendaItem, today: date) -> str | None:
    if item.date < today or item.kind is AgendaKind.BACKUP_DUE:
        return theme.BAD
    if item.date == today:
        return theme.SOON
    return None


class AgendaView(QWidget):
    """The tab. It shows what it is given (:meth:`show_agenda`) and asks for the rest: the
    feature reads, writes and opens (signals)."""

    activated = Signal(object)  # AgendaItem
    snooze_requested = Signal(object, int)  # AgendaItem, days
    handled_requested = Signal(object)  # AgendaItem
    days_changed = Signal(int)
    refresh_requested = Signal()
    export_requested = Signal()
    calendar_file_requested = Signal()
    calendar_file_stopped = Signal()

    def __init__(self, days: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agenda_view")
        self._after: str | None = None  # the item to select next (after snooze or handled)
        self.read_only = False
        title = QLabel(tr("Agenda"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.days = QSpinBox()
        self.days.setObjectName("agenda_days")
        self.days.setRange(1, MAX_DAYS)
        self.days.setValue(days)
        self.days.setSuffix(tr(" days"))
        self.days.setAccessibleName(tr("Days ahead"))
        self.days.valueChanged.connect(self.days_changed.emit)
        refresh = QPushButton(tr("Refresh"))
        refresh.clicked.connect(self.refresh_requested.emit)
        self.calendar_button = QToolButton()
        self.calendar_button.setText(tr("Calendar"))
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar_menu = QMenu(self.calendar_button)
        self.calendar_menu.addAction(
            tr("Export to a calendar file (.ics)…"), self.export_requested.emit
        )
        self.calendar_menu.addAction(
            tr("Keep a calendar file up to date…"), self.calendar_file_requested.emit
        )
        self.stop_action = self.calendar_menu.addAction(
            tr("Stop updating the calendar file"), self.calendar_file_stopped.emit
        )
        self.calendar_button.setMenu(self.calendar_menu)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(tr("Today and the next")))
        top.addWidget(self.days)
        top.addWidget(refresh)
        top.addWidget(self.calendar_button)

        self.tree = QTreeWidget()
        self.tree.setObjectName("agenda_tree")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([tr("Date"), tr("What"), tr("Case"), tr("Details")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._activated)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(
            lambda at: self.item_menu().exec(self.tree.viewport().mapToGlobal(at))
        )

        self.open_button = QPushButton(tr("&Open"))
        self.open_button.clicked.connect(self._open_current)
        self.snooze_button = QToolButton()
        self.snooze_button.setText(tr("&Snooze"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        snooze_menu = QMenu(self.snooze_button)
        for label, days_ in SNOOZE_CHOICES:
            snooze_menu.addAction(tr(label), partial(self._snooze, days_))
        self.snooze_button.setMenu(snooze_menu)
        self.handled_button = QPushButton(tr("&Handled"))
        self.handled_button.setToolTip(tr("Take this item off the agenda"))
        self.handled_button.clicked.connect(self._handled)
        self.status = QLabel()
        self.status.setObjectName("agenda_status")
        self.status.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.snooze_button)
        bottom.addWidget(self.handled_button)
        bottom.addWidget(self.status, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bottom)
        self.calendar_file_shown(None)
        self._enable()

    # --- what it shows ----------------------------------------------------------------------

    def show_agenda(self, agenda: Agenda) -> None:
        current = self.current_item()
        keep = None if current is None else current.id
        after, self._after = self._after, None
        following: QTreeWidgetItem | None = None
        self.tree.clear()
        today = agenda.today
        groups: dict[str, QTreeWidgetItem] = {}
        bold = QFont(self.tree.font())
        bold.setBold(True)
        select: QTreeWidgetItem | None = None
        for item in agenda.items:
            title = day_title(item.date, today)
            group = groups.get(title)
            if group is None:
                group = QTreeWidgetItem([title])
                group.setFont(0, bold)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(group)
                group.setFirstColumnSpanned(True)
                groups[title] = group
            row = QTreeWidgetItem(
                [
                    item.date.isoformat(),
                    tr(item.kind.label),
                    item.number or item.state or "",
                    tr_message(item.text),
                ]
            )
            row.setData(0, ITEM_ROLE, item)
            row.setToolTip(3, tr_message(item.text))
            colour = kind_colour(item, today)
            if colour is not None:
                row.setForeground(1, theme.colour(colour))
            group.addChild(row)
            if item.id == keep:
                select = row
            elif item.id == after:
                following = row
        self.tree.expandAll()
        if select is None:
            select = following
        if select is not None:
            self.tree.setCurrentItem(select)
        total = len(agenda.items)
        more = sum(agenda.more.values())
        if not agenda.has_cases:
            text = tr("No cases yet. Add the first truck with File → New case… ({keys}).").format(
                keys=key_text(sequences("action_new_case")[0])
            )
        elif not total:
            text = tr("Nothing on the agenda. Well done.")
        elif more:
            text = tr(
                "{shown} items shown; {more:,} more of the same kinds are not listed."
            ).format(shown=total, more=more)
        elif total == 1:
            text = tr("1 item.")
        else:
            text = tr("{count} items.").format(count=total)
        self.status.setText(text)
        self._enable()

    def calendar_file_shown(self, path: str | None) -> None:
        self.stop_action.setEnabled(bool(path))
        self.calendar_button.setToolTip(
            tr("Updating the calendar file {path}").format(path=path)
            if path
            else tr("Export due dates, ETAs and eligibility dates to a calendar")
        )

    def rows(self) -> list[QTreeWidgetItem]:
        """The item rows, in order (under their day headings)."""
        found: list[QTreeWidgetItem] = []
        root = self.tree.invisibleRootItem()
        for g in range(root.childCount()):
            group = root.child(g)
            if group is not None:
                found.extend(
                    row for i in range(group.childCount()) if (row := group.child(i)) is not None
                )
        return found

    def items(self) -> list[AgendaItem]:
        """The items as listed, in order."""
        return [row.data(0, ITEM_ROLE) for row in self.rows()]

    def select(self, item_id: str) -> bool:
        for row in self.rows():
            if row.data(0, ITEM_ROLE).id == item_id:
                self.tree.setCurrentItem(row)
                return True
        return False

    def current_item(self) -> AgendaItem | None:
        row = self.tree.currentItem()
        item = None if row is None else row.data(0, ITEM_ROLE)
        return item if isinstance(item, AgendaItem) else None

    def item_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.current_item() is not None:
            menu.addAction(tr("&Open"), self._open_current)
        if self.current_item() is not None and not self.read_only:
            for label, days in SNOOZE_CHOICES:
                menu.addAction(tr("Snooze: ") + tr(label), partial(self._snooze, days))
            menu.addAction(tr("&Handled"), self._handled)
        return menu

    # --- what it asks for -------------------------------------------------------------------

    def set_read_only(self, read_only: bool) -> None:
        """A read-only database: items open, but nothing can be snoozed or marked handled."""
        self.read_only = read_only
        self._enable()

    def _enable(self) -> None:
        chosen = self.current_item() is not None
        self.open_button.setEnabled(chosen)
        for button in (self.snooze_button, self.handled_button):
            button.setEnabled(chosen and not self.read_only)

    def _activated(self, row: QTreeWidgetItem | None, _column: int) -> None:
        item = None if row is None else row.data(0, ITEM_ROLE)
        if isinstance(item, AgendaItem):
            self.activated.emit(item)

    def _open_current(self) -> None:
        self._activated(self.tree.currentItem(), 0)

    def _remember_next(self) -> None:
        """The row after the current one is selected once the agenda comes back without it."""
        rows = self.rows()
        current = self.tree.currentItem()
        if current in rows:
            index = rows.index(current)
            following = rows[index + 1] if index + 1 < len(rows) else None
            if following is None and index > 0:
                following = rows[index - 1]
            self._after = None if following is None else following.data(0, ITEM_ROLE).id

    def _snooze(self, days: int) -> None:
        item = self.current_item()
        if item is not None:
            self._remember_next()
            self.snooze_requested.emit(item, days)

    def _handled(self) -> None:
        item = self.current_item()
        if item is not None:
            self._remember_next()
            self.handled_requested.emit(item)
