"""The dashboard: counts per stage and what needs attention, each a click from its list."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from keidesk.gui.case_list.charts import DashboardCharts
from keidesk.gui.kit import theme
from keidesk.gui.kit.changes import CaseIds
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.i18n import tr
from keidesk.services.cases import CaseFilter
from keidesk.services.dashboard import Dashboard, DashboardItem, build_dashboard


class CountButton(QPushButton):
    """A title and its count; clicking shows those cases."""

    def __init__(self, item: DashboardItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setObjectName(f"count_{item.key}")
        self.setToolTip(tr("Show these cases in the list"))
        self.setAccessibleName(f"{item.title}: {item.count}")
        self.setStyleSheet("text-align: left; padding: 3px 6px;")
        self.update_item(item)

    def update_item(self, item: DashboardItem) -> None:
        self.item = item
        self.setText(f"{tr(item.title)}  ·  {item.count:,}")


class DashboardPanel(QWidget):
    filter_chosen = Signal(object, str)  # CaseFilter, title

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.buttons: dict[str, CountButton] = {}
        self.charts = DashboardCharts(context)
        self.total_label = QLabel()
        self.total_label.setObjectName("dashboard_total")
        font = self.total_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.total_label.setFont(font)
        self._body = QWidget()
        self._grid = QVBoxLayout(self._body)
        self._grid.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._body)
        all_button = QPushButton(tr("Show all cases"))
        all_button.clicked.connect(lambda: self.filter_chosen.emit(CaseFilter(), tr("All cases")))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.total_label)
        layout.addWidget(all_button)
        layout.addWidget(scroll, 1)
        self.refresh()
        context.changes.cases_changed.connect(self._cases_changed)

    def _cases_changed(self, _case_ids: CaseIds, _origin: object) -> None:
        """Every count may change with any case."""
        self.refresh()

    def refresh(self) -> None:
        """Count again, off the GUI thread on the read lane (half a second at 100,000 cases)."""
        today = self.context.today
        self.context.read_task(
            lambda s: build_dashboard(s, today=today), self._counted, title=tr("Counting cases…")
        )

    def _counted(self, dashboard: Dashboard) -> None:
        if shiboken6.isValid(self):  # the window may have closed while counting
            self._show(dashboard)

    def _show(self, dashboard: Dashboard) -> None:
        self.total_label.setText(
            (tr("{count} case") if dashboard.total == 1 else tr("{count} cases")).format(
                count=f"{dashboard.total:,}"
            )
        )
        if self.buttons:
            for item in (*dashboard.stages, *dashboard.attention, *dashboard.shipments):
                self.buttons[item.key].update_item(item)
            return
        for title, items, kinds in (
            (tr("Needs attention"), dashboard.attention, (theme.BAD, theme.BAD, theme.SOON)),
            (tr("Cases by stage"), dashboard.stages, ()),
            (tr("Shipments"), dashboard.shipments, ()),
        ):
            heading = QLabel(f"<b>{title}</b>")
            heading.setContentsMargins(0, 10, 0, 2)
            self._grid.addWidget(heading)
            box = QGridLayout()
            box.setContentsMargins(0, 0, 0, 0)
            box.setVerticalSpacing(0)
            for row, item in enumerate(items):
                button = CountButton(item)
                if kinds:
                    button.setStyleSheet(
                        button.styleSheet() + f"color: {theme.hex_colour(kinds[row])};"
                    )
                button.clicked.connect(
                    lambda _checked=False, b=button: self.filter_chosen.emit(
                        b.item.case_filter, tr(b.item.title)
                    )
                )
                self.buttons[item.key] = button
                box.addWidget(button, row, 0)
            self._grid.addLayout(box)
        self._grid.addWidget(self.charts)
        self._grid.addStretch(1)
