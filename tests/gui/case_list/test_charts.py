"""The dashboard's charts: drawn with QPainter from the same figures the reports print."""

from __future__ import annotations

from datetime import date

from keidesk.gui.case_list.charts import BarChartView, DashboardCharts, _short
from keidesk.reports.model import BarChart


def _values(charts: DashboardCharts, index: int) -> tuple[int, ...]:
    chart = charts.views[index].chart
    return () if chart is None else chart.values


def test_charts_follow_the_data(context, make_case, qtbot):
    charts = DashboardCharts(context)
    qtbot.addWidget(charts)
    per_stage = charts.views[0].chart
    assert per_stage is not None and sum(per_stage.values) == 0
    make_case(eta=date(2026, 11, 30))
    context.changes.announce(None, None)
    qtbot.waitUntil(lambda: sum(_values(charts, 0)) == 1, timeout=3_000)
    assert sum(_values(charts, 1)) == 1
    assert charts.views[2].chart is not None and charts.views[2].chart.unit == "usd"


def test_a_chart_paints_bars_of_both_signs(qtbot):
    view = BarChartView()
    qtbot.addWidget(view)
    view.resize(260, 140)
    view.show_chart(
        BarChart("Margin by month", ("Sep", "Oct", "Nov"), (315_170, -158_333, 0), "usd")
    )
    image = view.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, 260, 2) for y in range(0, 140, 2)}
    assert "#3b6ea5" in colours and "#b5533c" in colours
    assert "Oct: -$1,583.33" in view.toolTip()
    assert _short(315_170, usd=True) == "$3.2k" and _short(-158_333, usd=True) == "-$1.6k"
    view.grab().save("/tmp/costs/gui_chart.png")
