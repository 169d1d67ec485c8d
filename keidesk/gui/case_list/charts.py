"""The dashboard's charts, drawn with QPainter: cases per stage, arrivals in the coming weeks,
margin by month. The figures come from :func:`keidesk.reports.data.dashboard_charts` (the same
the reports print), read off the GUI thread after each change."""

from __future__ import annotations

import math

import shiboken6
from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from keidesk.domain.costs import usd_text
from keidesk.domain.messages import Message
from keidesk.gui.kit.changes import CaseIds
from keidesk.gui.kit.context import AppContext
from keidesk.gui.kit.i18n import tr, tr_message
from keidesk.reports.data import dashboard_charts
from keidesk.reports.model import BarChart

BAR = QColor("#3b6ea5")
NEGATIVE = QColor("#b5533c")
#: Changes arriving within this time are charted once.
REFRESH_DELAY_MS = 500


def _short(value: int, usd: bool) -> str:
    """A bar's value in few characters: ``12``, ``9.9k``, ``$4.3k``, ``-$717``."""
    if not usd:
        return f"{value / 1000:.1f}k" if abs(value) >= 1000 else str(value)
    dollars = abs(value) / 100
    sign = "-" if value < 0 else ""
    if dollars >= 10_000:
        return f"{sign}${dollars / 1000:.0f}k"
    if dollars >= 1_000:
        return f"{sign}${dollars / 1000:.1f}k"
    return f"{sign}${dollars:.0f}"


class BarChartView(QWidget):
    """One bar chart: the title, the bars with their values, the labels under them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: BarChart | None = None
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(240, 140)

    def show_chart(self, chart: BarChart) -> None:
        self.chart = chart
        self.setToolTip(
            _shown(chart.title)
            + "\n"
            + "\n".join(
                f"{_shown(label)}: {usd_text(value) if chart.unit == 'usd' else f'{value:,}'}"
                for label, value in zip(chart.labels, chart.values, strict=True)
            )
        )
        self.setAccessibleName(_shown(chart.title))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        chart = self.chart
        if chart is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.windowText().color()
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        painter.setPen(text_colour)
        painter.drawText(
            QRectF(0, 0, self.width(), metrics.height()),
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(_shown(chart.title), Qt.TextElideMode.ElideRight, self.width()),
        )
        small = painter.font()
        small.setBold(False)
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.75))
        painter.setFont(small)
        small_metrics = QFontMetrics(small)
        top = metrics.height() + small_metrics.height() + 2
        label_height = small_metrics.height() + 2
        bottom = self.height() - label_height
        count = max(1, len(chart.values))
        slot = self.width() / count
        usd = chart.unit == "usd"
        high = max(0, *chart.values) if chart.values else 0
        low = min(0, *chart.values) if chart.values else 0
        span = max(high - low, 1)
        zero = top + (bottom - top) * high / span
        painter.setPen(QPen(palette.mid().color()))
        painter.drawLine(0, round(zero), self.width(), round(zero))
        step = max(1, math.ceil(count / max(1, self.width() // 34)))  # labels that fit
        for index, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
            x = index * slot + slot * 0.15
            width = slot * 0.7
            height = (bottom - top) * abs(value) / span
            y = zero - height if value >= 0 else zero
            painter.fillRect(QRectF(x, y, width, height), NEGATIVE if value < 0 else BAR)
            painter.setPen(text_colour)
            text = _short(value, usd)
            if small_metrics.horizontalAdvance(text) <= slot - 2:  # else in the tooltip only
                value_y = y - small_metrics.height() if value >= 0 else y + height
                painter.drawText(
                    QRectF(index * slot - 1, value_y, slot + 2, small_metrics.height()),
                    Qt.AlignmentFlag.AlignHCenter,
                    text,
                )
            if index % step == 0:
                shown = small_metrics.elidedText(
                    _shown(label), Qt.TextElideMode.ElideRight, int(slot * step)
                )
                painter.drawText(
                    QRectF(index * slot, bottom + 2, slot * step, label_height),
                    Qt.AlignmentFlag.AlignLeft,
                    shown,
                )
        painter.end()


class DashboardCharts(QWidget):
    """The dashboard's three charts, read again (once) after changes."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard_charts")
        self.context = context
        self.views = [BarChartView(self) for _ in range(3)]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        for view in self.views:
            layout.addWidget(view)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.refresh()
        context.changes.cases_changed.connect(self._cases_changed)

    def _cases_changed(self, _case_ids: CaseIds, _origin: object) -> None:
        self._timer.start()

    def refresh(self) -> None:
        today = self.context.today
        self.context.read_task(
            lambda s: dashboard_charts(s, today=today), self._show, title=tr("Charting…")
        )

    def _show(self, charts: tuple[BarChart, ...]) -> None:
        if not shiboken6.isValid(self):
            return
        for view, chart in zip(self.views, charts, strict=True):
            view.show_chart(chart)


def _shown(text: str) -> str:
    """A chart's title or label in the app's language: the core's sentences (Messages) are
    rendered, its words (stage titles) translated."""
    return tr_message(text) if isinstance(text, Message) else tr(text)
