"""The year's amounts and facts of one employee's 給与所得の源泉徴収票, as the clerk types them
(or corrects what a payroll import stored): whole yen in two columns, then 役員 and 弁護士・税理士等
(each its own submission range), the reason the year-end adjustment was not done, and the day
the employee left during the year."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.domain.year_end import (
    LEFT_ON,
    NO_ADJUSTMENT,
    OFFICER,
    PROFESSIONAL,
    SALARY,
    YearEndEntry,
)
from ui.widgets.yen_edit import YenEdit, read_amounts

# The reasons the form knows (app.domain.year_end.NO_ADJUSTMENT_REASONS), in its order.
REASONS = ("left", "disaster", "over_20m", "otsu")


class YearEndFields(QWidget):
    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = year
        labels = {
            "payment": self.tr("Payments"),
            "income_after_deduction": self.tr("Income after employment income deduction"),
            "deductions_total": self.tr("Total income deductions"),
            "tax": self.tr("Tax withheld"),
            "spouse_deduction": self.tr("Spouse (special) deduction"),
            "specified_relative_deduction": self.tr("Specified relative special deduction"),
            "social_insurance": self.tr("Social insurance premiums"),
            "life_insurance": self.tr("Life insurance deduction"),
            "earthquake_insurance": self.tr("Earthquake insurance deduction"),
            "housing_loan": self.tr("Housing loan credit"),
            "basic_deduction": self.tr("Basic deduction"),
            "income_adjustment": self.tr("Income adjustment deduction"),
        }
        self.amounts: dict[str, YenEdit] = {}
        grid = QGridLayout()
        half = (len(labels) + 1) // 2
        for index, (key, label) in enumerate(labels.items()):
            edit = YenEdit(f"amount_{key}", label)
            self.amounts[key] = edit
            row, column = index % half, (index // half) * 2
            grid.addWidget(QLabel(label), row, column)
            grid.addWidget(edit, row, column + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        amounts_box = QGroupBox(self.tr("Amounts (yen)"))
        amounts_box.setLayout(grid)

        self.officer = QCheckBox(self.tr("Company officer during the year"))
        self.officer.setObjectName("slipOfficer")
        # 弁護士・司法書士・税理士等 paid a salary: their own submission range (250万円超).
        self.professional = QCheckBox(
            self.tr("Lawyer, judicial scrivener, tax accountant or similar")
        )
        self.professional.setObjectName("slipProfessional")
        self.reason = QComboBox()
        self.reason.setObjectName("slipNoAdjustment")
        self.reason.addItem(self.tr("(adjusted at year end)"), "")
        for code, text in zip(
            REASONS,
            (
                self.tr("Left during the year"),
                self.tr("Tax deferred for a disaster"),
                self.tr("Main salary over 20 million yen"),
                self.tr("No dependants declaration (column B)"),
            ),
            strict=True,
        ):
            self.reason.addItem(text, code)
        self.left = QCheckBox(self.tr("Left on"))
        self.left.setObjectName("slipLeft")
        self.left_on = QDateEdit()
        self.left_on.setObjectName("slipLeftOn")
        self.left_on.setCalendarPopup(True)
        self.left_on.setDisplayFormat("yyyy/MM/dd")
        self.left_on.setDateRange(QDate(year, 1, 1), QDate(year, 12, 31))
        self.left_on.setDate(QDate(year, 12, 31))
        self.left_on.setEnabled(False)
        self.left.toggled.connect(self.left_on.setEnabled)
        left_row = QHBoxLayout()
        left_row.addWidget(self.left)
        left_row.addWidget(self.left_on, 1)
        facts = QFormLayout()
        flags = QHBoxLayout()
        flags.addWidget(self.officer)
        flags.addWidget(self.professional)
        flags.addStretch(1)
        facts.addRow(flags)
        facts.addRow(self.tr("Year-end adjustment not done"), self.reason)
        facts.addRow(left_row)
        facts_box = QGroupBox(self.tr("Facts of the year"))
        facts_box.setLayout(facts)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(amounts_box)
        layout.addWidget(facts_box)
        # What is stored but not shown here (the premium breakdowns a payroll import gives):
        # kept as it is when the clerk saves.
        self._kept_amounts: dict[str, int] = {}
        self._kept_facts: dict[str, str] = {}

    def set_year(self, year: int) -> None:
        """Another year (its stored entry is shown next with show_entry)."""
        self.year = year
        self.left_on.setDateRange(QDate(year, 1, 1), QDate(year, 12, 31))
        self.left_on.setDate(QDate(year, 12, 31))

    def show_entry(self, entry: YearEndEntry | None) -> None:
        amounts: Mapping[str, int] = entry.amounts if entry else {}
        facts: Mapping[str, str] = entry.facts if entry else {}
        for key, edit in self.amounts.items():
            edit.set_value(amounts.get(key))
        self._kept_amounts = {k: v for k, v in amounts.items() if k not in self.amounts}
        shown = (OFFICER, PROFESSIONAL, NO_ADJUSTMENT, LEFT_ON)
        self._kept_facts = {k: v for k, v in facts.items() if k not in shown}
        self.officer.setChecked(facts.get(OFFICER) == "1")
        self.professional.setChecked(facts.get(PROFESSIONAL) == "1")
        self.reason.setCurrentIndex(max(self.reason.findData(facts.get(NO_ADJUSTMENT, "")), 0))
        left = facts.get(LEFT_ON, "")
        self.left.setChecked(bool(left))
        if left:
            day = date.fromisoformat(left)
            self.left_on.setDate(QDate(day.year, day.month, day.day))

    def amounts_typed(self) -> dict[str, int]:
        """The amounts typed and those kept; AmountError (the first bad field marked and
        focused) when a field holds no whole yen."""
        return {**self._kept_amounts, **read_amounts(self.amounts)}

    def entry(self, person_id: int) -> YearEndEntry:
        facts = dict(self._kept_facts)
        if self.officer.isChecked():
            facts[OFFICER] = "1"
        if self.professional.isChecked():
            facts[PROFESSIONAL] = "1"
        if self.reason.currentData():
            facts[NO_ADJUSTMENT] = self.reason.currentData()
        if self.left.isChecked():
            facts[LEFT_ON] = self.left_on.date().toPython().isoformat()
        return YearEndEntry(person_id, self.year, SALARY, self.amounts_typed(), facts)
