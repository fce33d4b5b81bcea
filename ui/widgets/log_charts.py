"""The access-log analysis' charts (QtCharts): reveals, outputs and failed sign-ins per day as
lines, and per member as bars."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QPointF, Qt, QTime
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from app.services.log_analysis import Counts

COLOURS = ("#2f6fb0", "#c77c02", "#b03a2e")  # reveals, outputs, failed sign-ins
MEMBERS_SHOWN = 12


def count_axis(top: int, most_ticks: int = 6) -> QValueAxis:
    """A vertical axis for counts whose every label is a whole number: a step of 1, 2 or 5
    times a power of ten, the range a whole number of steps (Qt's own nice numbers split 0–1
    into fifths, which "%d" printed as 0, 0, 0, 0, 0, 1)."""
    top = max(1, top)
    scale = 1
    while True:
        step = next((m * scale for m in (1, 2, 5) if -(-top // (m * scale)) < most_ticks), None)
        if step is not None:
            break
        scale *= 10
    steps = -(-top // step)
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, steps * step)
    axis.setTickCount(steps + 1)
    return axis


def _msecs(day: str) -> int:
    d = date.fromisoformat(day)
    return QDateTime(d, QTime(12, 0)).toMSecsSinceEpoch()


class _Chart(QChartView):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(180)

    def _set(self, chart: QChart) -> None:
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(chart.margins() * 0)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

    def labels(self) -> list[str]:
        return [self.tr("Reveals"), self.tr("Outputs"), self.tr("Failed sign-ins")]


class DailyChart(_Chart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("dailyChart", parent)
        self.points = 0
        self.show_days([], date.today(), date.today())

    def show_days(self, days: list[Counts], first: date, last: date) -> None:
        chart = QChart()
        chart.setTitle(self.tr("Per day"))
        axis_x = QDateTimeAxis()
        axis_x.setFormat("M/d")
        axis_x.setRange(QDateTime(first, QTime(0, 0)), QDateTime(last, QTime(23, 59)))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        axis_y = count_axis(max([1, *(max(c.reveals, c.outputs, c.failed) for c in days)]))
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        # Every day of the period, those without events at 0, so a line never bridges a gap.
        by_day = {c.key: (c.reveals, c.outputs, c.failed) for c in days}
        keys = [
            date.fromordinal(n).isoformat() for n in range(first.toordinal(), last.toordinal() + 1)
        ]
        stamps = [_msecs(key) for key in keys]
        self.points = sum(1 for key in keys if key in by_day)
        for index, label in enumerate(self.labels()):
            series = QLineSeries()
            series.setName(label)
            series.setColor(QColor(COLOURS[index]))
            series.append(
                [
                    QPointF(stamp, by_day.get(key, (0, 0, 0))[index])
                    for key, stamp in zip(keys, stamps, strict=True)
                ]
            )
            chart.addSeries(series)
            series.attachAxis(axis_x)
            series.attachAxis(axis_y)
        self._set(chart)


class MemberChart(_Chart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("memberChart", parent)
        self.members: list[str] = []
        self.show_members([], {})

    def show_members(self, members: list[Counts], names: dict[str, str]) -> None:
        shown = sorted(members, key=lambda c: (-c.reveals, -c.outputs, c.key))[:MEMBERS_SHOWN]
        self.members = [names.get(c.key, c.key) for c in shown]
        chart = QChart()
        chart.setTitle(self.tr("Per member"))
        series = QBarSeries()
        for index, label in enumerate(self.labels()):
            bars = QBarSet(label)
            bars.setColor(QColor(COLOURS[index]))
            for counts in shown:
                bars.append((counts.reveals, counts.outputs, counts.failed)[index])
            series.append(bars)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(self.members or [""])
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = count_axis(max([1, *(max(c.reveals, c.outputs, c.failed) for c in shown)]))
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        self._set(chart)
