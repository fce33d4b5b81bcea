"""年末調整・法定調書: the year's people with the forms due, whether each must go to the tax
office and why, what is still not entered, the counts for the 合計表, the deadline and the
e-filing warning; and the chosen copy printed for the selected people through the in-program
preview and the outputs register (ui/pages/year_end_print.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.display_dates import japanese_day
from app.domain.outputs import DESTINATIONS, Method
from app.domain.withholding_slip import MUNICIPAL, RECIPIENT, TAX_OFFICE
from app.domain.year_end import FORMS, SALARY
from app.services import forms, forms_due
from app.services.forms_due import PersonDue, YearDue
from ui import icons
from ui.context import UiContext
from ui.models.year_end_table_model import Column, YearEndTableModel
from ui.pages.base import Page
from ui.pages.year_end_print import print_copy
from ui.styles import heading, make_primary, set_role
from ui.widgets.tables import Extended, make_read_only

YEARS_SHOWN = 3


def default_year(today: date) -> int:
    """This year's forms from November (the year-end adjustment is being prepared), last
    year's until their due date and through the rest of the year as the latest made."""
    if today.month >= 11:
        return today.year
    return forms_due.season_year(today) or today.year - 1


class YearEndPage(Page):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("yearEndPage")
        self.due: YearDue | None = None
        today = context.workspace.clock.now().date()

        title = heading(self.tr("Year-end adjustment and statutory forms"))
        self.year_box = QComboBox()
        self.year_box.setObjectName("yearEndYear")
        for year in range(today.year, today.year - YEARS_SHOWN, -1):
            self.year_box.addItem(self.tr("%1 forms").replace("%1", str(year)), year)
        self.year_box.setCurrentIndex(self.year_box.findData(default_year(today)))
        self.year_box.currentIndexChanged.connect(self.load)
        # The toolbar: the year, then the import and entry buttons of the year-end content.
        self.toolbar = QHBoxLayout()
        self.toolbar.setObjectName("yearEndToolbar")
        self.toolbar.addWidget(self.year_box)
        self.toolbar.addStretch()
        self.payroll_button = QPushButton(icons.icon("money_calculator"), self.tr("Payroll data…"))
        self.payroll_button.setObjectName("payrollImportButton")
        self.payroll_button.setToolTip(
            self.tr("Import the year's amounts for the withholding slips from payroll software")
        )
        self.payroll_button.clicked.connect(self._import_payroll)
        self.toolbar.addWidget(self.payroll_button)
        self.summary_button = QPushButton(self.tr("Summary table…"))
        self.summary_button.setObjectName("yearEndSummaryButton")
        self.summary_button.setToolTip(
            self.tr(
                "The summary table of the statutory records of the year, from what was saved for it"
            )
        )
        self.summary_button.clicked.connect(self._summary)
        self.toolbar.addWidget(self.summary_button)

        self.banner = QLabel()
        self.banner.setObjectName("yearEndBanner")
        self.banner.setWordWrap(True)
        set_role(self.banner, "banner-info")
        self.counts = QLabel()
        self.counts.setObjectName("yearEndCounts")
        self.counts.setWordWrap(True)
        set_role(self.counts, "note")

        self.model = YearEndTableModel()
        self.table = QTableView()
        self.table.setObjectName("yearEndTable")
        self.table.setModel(self.model)
        make_read_only(
            self.table,
            stretch=Column.REASON,
            widths=(
                (Column.CODE, 80),
                (Column.NAME, 130),
                (Column.FORMS, 170),
                (Column.TAX_OFFICE, 90),
                (Column.MUNICIPAL, 90),
                (Column.STATE, 70),
            ),
            selection=Extended,
        )
        self.table.setWordWrap(False)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.copy_box = QComboBox()
        self.copy_box.setObjectName("yearEndCopy")
        self.copy_box.addItem(self.tr("For the tax office"), TAX_OFFICE)
        self.copy_box.addItem(self.tr("Salary payment report for the municipality"), MUNICIPAL)
        self.copy_box.addItem(self.tr("For the employee (no numbers)"), RECIPIENT)
        self.copy_box.currentIndexChanged.connect(self._copy_changed)
        self.destination_box = QComboBox()
        self.destination_box.setObjectName("yearEndDestination")
        for destination in DESTINATIONS:
            self.destination_box.addItem(destination, destination)
        self.method_box = QComboBox()
        self.method_box.setObjectName("yearEndMethod")
        self.method_box.addItem(self.tr("Paper (print)"), Method.PAPER.value)
        self.method_box.addItem(
            self.tr("PDF (encrypted, password sent separately)"), Method.PDF.value
        )
        self.required_button = QPushButton(self.tr("Select those to submit"))
        self.required_button.setObjectName("yearEndSelectRequired")
        self.required_button.clicked.connect(self.select_required)
        self.print_button = QPushButton(self.tr("Print the selected…"))
        self.print_button.setObjectName("yearEndPrintButton")
        make_primary(self.print_button)
        self.print_button.clicked.connect(lambda: print_copy(self))
        self.selected_label = QLabel()
        self.selected_label.setObjectName("yearEndSelected")
        self.entry_button = QPushButton(self.tr("Enter amounts…"))
        self.entry_button.setObjectName("yearEndEntryButton")
        self.entry_button.setToolTip(
            self.tr("Type or correct the selected employee's amounts (or double-click the row)")
        )
        self.entry_button.clicked.connect(self.enter_amounts)
        self.table.doubleClicked.connect(lambda _index: self.enter_amounts())

        # Two rows, so the page fits a 1366 px screen beside the navigation: what is selected,
        # then how it is printed.
        selection = QHBoxLayout()
        selection.addWidget(self.required_button)
        selection.addWidget(self.selected_label)
        selection.addStretch()
        selection.addWidget(self.entry_button)
        actions = QHBoxLayout()
        for text, box in (
            (self.tr("Copy to print"), self.copy_box),
            (self.tr("Submitted to"), self.destination_box),
            (self.tr("Output as"), self.method_box),
        ):
            # Long choices may be cut on a narrow window rather than widen it.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(8)
            actions.addWidget(QLabel(text))
            actions.addWidget(box, 1)
        actions.addWidget(self.print_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.banner)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addLayout(selection)
        layout.addLayout(actions)
        self._copy_changed()
        self._selection_changed()

    @property
    def year(self) -> int:
        return int(self.year_box.currentData())

    def load(self) -> None:
        year = self.year
        self.context.run(
            lambda session: forms_due.for_year(session, year), owner=self, on_done=self._show
        )

    def clear(self) -> None:
        self.due = None
        self.model.set_people([])
        self.banner.clear()
        self.counts.clear()

    def _show(self, due: YearDue) -> None:
        if due.year != self.year:
            return  # an answer for a year no longer chosen
        self.due = due
        self.model.set_people(due.people)
        self._show_banner(due)
        self._show_counts(due)
        self._selection_changed()

    def _show_banner(self, due: YearDue) -> None:
        lines = [
            self.tr("The %1 forms are due by %2. Slips to submit to the tax office: %3.")
            .replace("%1", str(due.year))
            .replace("%2", japanese_day(due.due_on))
            .replace("%3", str(due.tax_office_slips))
        ]
        warn = False
        for check in due.efiling:
            if check.required:
                warn = True
                lines.append(
                    self.tr(
                        "%1 must be filed electronically (e-Tax, optical disc or certified "
                        "cloud): %2 slips were due for %3, the threshold is %4."
                    )
                    .replace("%1", FORMS[check.form])
                    .replace("%2", str(check.basis_count))
                    .replace("%3", str(check.basis_year))
                    .replace("%4", str(check.threshold))
                )
            elif check.coming:
                warn = True
                lines.append(
                    self.tr(
                        "%1: %2 slips this year. From the %3 forms they must be filed "
                        "electronically (30 or more)."
                    )
                    .replace("%1", FORMS[check.form])
                    .replace("%2", str(check.count))
                    .replace("%3", str(due.year + 2))
                )
        if due.not_entered:
            warn = True
            lines.append(
                self.tr("Employees whose year-end content is not entered yet: %1.").replace(
                    "%1", str(due.not_entered)
                )
            )
        self.banner.setText("\n".join(lines))
        set_role(self.banner, "banner-warning" if warn else "banner-info")

    def _show_counts(self, due: YearDue) -> None:
        parts = []
        for count in due.counts:
            if not count.slips:
                continue
            text = (
                self.tr("%1: %2 slips, %3 to the tax office")
                .replace("%1", FORMS[count.form])
                .replace("%2", str(count.slips))
                .replace("%3", str(count.tax_office))
            )
            if count.form == SALARY:
                text += self.tr(", %1 salary payment reports").replace("%1", str(count.municipal))
            parts.append(text)
        self.counts.setText(
            self.tr("For the summary table: %1").replace("%1", self.tr("; ").join(parts))
            if parts
            else self.tr("No year-end content is entered for this year yet.")
        )

    def _selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def selected_ids(self) -> list[int]:
        return [self.model.people[row].person_id for row in self._selected_rows()]

    def selected_names(self) -> list[str]:
        return [self.model.people[row].name for row in self._selected_rows()]

    def select_required(self) -> None:
        """Select the people the chosen copy must be made for."""
        if self.due is None:
            return
        copy = self.copy_box.currentData()
        wanted_rows = QItemSelection()
        last = self.model.columnCount() - 1
        for row, person in enumerate(self.due.people):
            salary = [slip for slip in person.slips if slip.form == SALARY]
            if copy == TAX_OFFICE:
                wanted = any(slip.tax_office.required for slip in salary)
            elif copy == MUNICIPAL:
                wanted = any(slip.municipal and slip.municipal.required for slip in salary)
            else:
                wanted = bool(salary)
            if wanted:
                wanted_rows.select(self.model.index(row, 0), self.model.index(row, last))
        # One selection change for all rows (selectRow one by one costs a signal a row).
        self.table.selectionModel().select(
            wanted_rows, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _selection_changed(self) -> None:
        count = len(self.selected_ids())
        self.selected_label.setText(self.tr("%1 selected").replace("%1", str(count)))
        self.print_button.setEnabled(count > 0)
        self.entry_button.setEnabled(self._one_employee() is not None)

    def _one_employee(self) -> PersonDue | None:
        rows = self._selected_rows()
        if len(rows) != 1:
            return None
        person = self.model.people[rows[0]]
        return person if person.kind == "employee" else None

    def enter_amounts(self) -> None:
        """The 源泉徴収票 dialog of the one selected employee, for typing or correcting the
        year's amounts; the list is read again when it closes."""
        from ui.dialogs.withholding_slip_dialog import WithholdingSlipDialog

        person = self._one_employee()
        if person is None:
            return
        WithholdingSlipDialog(
            self.context, person.person_id, person.name, self, year=self.year
        ).exec()
        self.load()

    def _import_payroll(self) -> None:
        from ui.payroll_wizard import PayrollWizard

        PayrollWizard(self.context, self.year, self).exec()
        self.load()

    def _summary(self) -> None:
        from ui.dialogs.summary_table_dialog import SummaryTableDialog

        SummaryTableDialog(self.context, self.year, self).exec()

    def _copy_changed(self) -> None:
        """The destination and method are asked only for a copy that carries numbers."""
        copy = self.copy_box.currentData()
        numbered = copy != RECIPIENT
        self.destination_box.setEnabled(numbered)
        self.method_box.setEnabled(numbered)
        default = forms.DEFAULT_DESTINATION.get(copy, "本人")
        self.destination_box.setCurrentIndex(self.destination_box.findData(default))
