"""The timeline of numbers becoming deletable, by month (QtCharts): the first bar gathers every
number already due, so the office sees at once what must go now and what comes next."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

MONTHS_SHOWN = 24


def month_buckets(by_month: dict[str, int], as_of: date, months: int = MONTHS_SHOWN) -> list[int]:
    """Counts for as_of's month (everything due now falls there) and the next `months - 1`;
    later months are left out of the chart, not lost (the list below shows them)."""
    counts = []
    year, month = as_of.year, as_of.month
    for _ in range(months):
        counts.append(by_month.get(f"{year:04d}-{month:02d}", 0))
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return counts


def month_labels(as_of: date, now: str, months: int = MONTHS_SHOWN) -> list[str]:
    """`now` for the first bar (everything already due), then 1月…, with the year at each
    January."""
    labels = []
    year, month = as_of.year, as_of.month
    for index in range(months):
        labels.append(now if index == 0 else f"{year}/{month}" if month == 1 else f"{month}")
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return labels


class DeletionChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deletionChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(170)
        self.setMaximumHeight(220)
        self.counts: list[int] = []
        self.show_months({}, date.today())

    def show_months(self, by_month: dict[str, int], as_of: date) -> None:
        self.counts = month_buckets(by_month, as_of)
        bars = QBarSet(self.tr("Numbers that may be deleted"))
        bars.setColor(QColor("#2f6fb0"))
        for count in self.counts:
            bars.append(count)
        series = QBarSeries()
        series.append(bars)
        chart = QChart()
        chart.addSeries(series)
        chart.legend().setVisible(False)
        chart.setTitle(self.tr("Numbers becoming deletable by month (the first bar: due now)"))
        axis_x = QBarCategoryAxis()
        axis_x.append(month_labels(as_of, self.tr("Now")))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        axis_y.setRange(0, max([*self.counts, 1]))
        axis_y.applyNiceNumbers()
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
