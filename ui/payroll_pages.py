"""The pages of the payroll import wizard: the file and the year (the people import's file page
with a year), the column mapping (remembered per layout, as the people import remembers its
own), the check with every problem and what changes per employee, and the result."""

from __future__ import annotations

import hashlib
import json

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.domain import payroll_fields
from app.domain.payroll_fields import FIELDS, REQUIRED
from app.services.payroll_import import CHANGED, NEW, PayrollReport
from ui.application import ui_settings
from ui.import_pages import FilePage
from ui.styles import set_role

_MAPPING_KEY = "payroll/mapping/"
ROWS_SHOWN = 1_000


def layout_key(headers: list[str]) -> str:
    return _MAPPING_KEY + hashlib.sha256("\x1f".join(headers).encode("utf-8")).hexdigest()[:16]


class PayrollFilePage(FilePage):
    """The people import's file page, with the year the amounts are for."""

    def __init__(self, year: int) -> None:
        super().__init__()
        self.setObjectName("payrollFilePage")
        self.setSubTitle(
            self.tr(
                "The year-end export of your payroll software (CSV in UTF-8 or Shift_JIS, or "
                "Excel .xlsx), one employee per row, with the employee code. A file with a "
                "My Number column is refused: the numbers come from this program only."
            )
        )
        self.year = QSpinBox()
        self.year.setObjectName("payrollYear")
        self.year.setRange(2016, 2100)
        self.year.setValue(year)
        self.year.setSuffix(self.tr(" (year)"))
        form = QFormLayout()
        form.addRow(self.tr("Amounts for the year"), self.year)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(0, form)


class PayrollMappingPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("payrollMappingPage")
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr(
                "Which column of the file holds each item? Required items are marked with *. "
                "Items not in the file keep what is saved (typed or imported before). "
                "The choice is remembered for files of this layout."
            )
        )
        self.combos: dict[str, QComboBox] = {}
        grid = QGridLayout()
        half = (len(FIELDS) + 1) // 2
        for index, (key, label) in enumerate(FIELDS.items()):
            combo = QComboBox()
            combo.setObjectName(f"payroll_map_{key}")
            combo.currentIndexChanged.connect(self.completeChanged)
            self.combos[key] = combo
            row, column = index % half, (index // half) * 2
            grid.addWidget(QLabel(label + (" *" if key in REQUIRED else "")), row, column)
            grid.addWidget(combo, row, column + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(grid)
        inner_layout.addStretch()
        scroll = QScrollArea()
        scroll.setObjectName("payrollMappingScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        self.headers: list[str] = []

    def set_headers(self, headers: list[str]) -> None:
        self.headers = headers
        saved = _saved(ui_settings().value(layout_key(headers), ""), len(headers))
        chosen = saved if saved is not None else payroll_fields.map_headers(headers)
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not in this file)"), -1)
            for index, header in enumerate(headers):
                combo.addItem(f"{index + 1}: {header}", index)
            combo.setCurrentIndex(combo.findData(chosen.get(key, -1)))
            combo.blockSignals(False)
        self.completeChanged.emit()

    def mapping(self) -> dict[str, int]:
        return {
            key: int(combo.currentData())
            for key, combo in self.combos.items()
            if combo.currentData() is not None and combo.currentData() >= 0
        }

    def remember(self) -> None:
        ui_settings().setValue(
            layout_key(self.headers), json.dumps(payroll_fields.to_json(self.mapping()))
        )

    def isComplete(self) -> bool:
        return not payroll_fields.missing(self.mapping())


def _saved(value: object, width: int) -> dict[str, int] | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return payroll_fields.from_json(json.loads(value), width)
    except ValueError:
        return None


def _table(name: str, headers: list[str], widths: tuple[int, ...]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    return table


def _fill(table: QTableWidget, rows: list[tuple[object, ...]]) -> None:
    table.setUpdatesEnabled(False)
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(str(value)))
    table.setUpdatesEnabled(True)


class PayrollCheckPage(QWizardPage):
    """The check's result: every problem, the dependant counts that differ from the register
    (to look at and accept), and what the import does to each employee's slip."""

    accept_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("payrollCheckPage")
        self.setTitle(self.tr("Check"))
        self.setSubTitle(
            self.tr("Every row is checked against the register before anything is saved.")
        )
        self.setCommitPage(True)  # the wizard names its button 「取り込む」
        self.summary = QLabel()
        self.summary.setObjectName("payrollSummary")
        self.summary.setWordWrap(True)
        self.accept_counts = QCheckBox(
            self.tr(
                "I have looked at the dependant counts that differ from the register and "
                "import them as they are (the slip names the registered dependants)"
            )
        )
        self.accept_counts.setObjectName("payrollAcceptCounts")
        self.accept_counts.toggled.connect(self.completeChanged)
        self.problems = _table("payrollProblems", [self.tr("Row"), self.tr("Problem")], (60,))
        self.differences = _table(
            "payrollDifferences", [self.tr("Row"), self.tr("Difference")], (60,)
        )
        self.changes = _table(
            "payrollChanges",
            [self.tr("Row"), self.tr("Code"), self.tr("Name"), self.tr("Result"), self.tr("Items")],
            (60, 90, 140, 90),
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("payrollTabs")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.accept_counts)
        layout.addWidget(self.tabs, 1)
        self.report: PayrollReport | None = None
        self.busy = False

    def start(self) -> None:
        self.busy = True
        self.report = None
        self.summary.setText(self.tr("Checking every row…"))
        set_role(self.summary, "note")
        self.accept_counts.hide()
        self.tabs.hide()
        self.completeChanged.emit()

    def show_failure(self, text: str) -> None:
        self.busy = False
        self.summary.setText(text)
        set_role(self.summary, "banner-error")
        self.completeChanged.emit()

    def show_report(self, report: PayrollReport) -> None:
        self.busy = False
        self.report = report
        self.tabs.clear()
        if report.problems:
            self.summary.setText(
                self.tr(
                    "%1 problems in %2 rows. Nothing can be imported until every problem is "
                    "corrected in the file (all rows or none)."
                )
                .replace("%1", f"{len(report.problems):,}")
                .replace("%2", f"{report.rows:,}")
            )
            set_role(self.summary, "banner-error")
        else:
            self.summary.setText(
                self.tr(
                    "%1 rows of %2 checked, no problems: %3 new, %4 corrected, %5 unchanged. "
                    "Import saves them all in one step; a corrected amount is kept as a "
                    "correction in the access log."
                )
                .replace("%1", f"{report.rows:,}")
                .replace("%2", str(report.year))
                .replace("%3", f"{report.new:,}")
                .replace("%4", f"{report.changed:,}")
                .replace("%5", f"{report.unchanged:,}")
            )
            set_role(self.summary, "banner-info")
            if report.count_differences:
                self.summary.setText(
                    self.summary.text()
                    + "\n"
                    + self.tr(
                        "The dependant counts of %1 rows differ from the dependants registered. "
                        "Look at them below; to import, tick the box."
                    ).replace("%1", f"{len(report.count_differences):,}")
                )
                set_role(self.summary, "banner-warning")
        if report.problems:
            _fill(self.problems, list(report.problems[:ROWS_SHOWN]))
            self.tabs.addTab(
                self.problems, self.tr("Problems (%1)").replace("%1", str(len(report.problems)))
            )
        if report.count_differences:
            _fill(self.differences, list(report.count_differences[:ROWS_SHOWN]))
            self.tabs.addTab(
                self.differences,
                self.tr("Dependant counts (%1)").replace("%1", str(len(report.count_differences))),
            )
        states = {NEW: self.tr("New"), CHANGED: self.tr("Corrected")}
        _fill(
            self.changes,
            [
                (
                    c.line,
                    c.code,
                    c.name,
                    states.get(c.state, self.tr("Unchanged")),
                    "、".join(c.fields),
                )
                for c in report.changes[:ROWS_SHOWN]
            ],
        )
        if report.changes:
            self.tabs.addTab(
                self.changes, self.tr("Employees (%1)").replace("%1", str(len(report.changes)))
            )
        self.accept_counts.setVisible(bool(report.count_differences) and not report.problems)
        self.tabs.setVisible(self.tabs.count() > 0)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        report = self.report
        if self.busy or report is None or report.problems:
            return False
        return not report.count_differences or self.accept_counts.isChecked()


class PayrollDonePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("payrollDonePage")
        self.setTitle(self.tr("Imported"))
        self.result = QLabel()
        self.result.setObjectName("payrollResult")
        self.result.setWordWrap(True)
        note = QLabel(
            self.tr(
                "Open an employee's withholding slip from the People page to see or correct "
                "the amounts and to print the slip."
            )
        )
        note.setWordWrap(True)
        set_role(note, "note")
        layout = QVBoxLayout(self)
        layout.addWidget(self.result)
        layout.addWidget(note)
        layout.addStretch()
