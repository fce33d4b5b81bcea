"""The last pages of the import wizard: the check, with its progress, every row's problem,
what a re-import changes (field by field) and what the clerk must look at; then the result
with the reminder to delete the file."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from app.services.importing import ImportReport
from ui.styles import set_role

PROBLEMS_SHOWN = 1_000


def _table(name: str, headers: list[str], widths: tuple[int, ...]) -> QTableWidget:
    """Fixed widths for all but the last column, which takes the rest (sizing to contents
    would read every row)."""
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


class CheckPage(QWizardPage):
    """The check's result, and while the check or the import runs: progress and 「中止」."""

    # The clerk changed a choice for the whole file that the check depends on.
    options_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("importCheckPage")
        self.setTitle(self.tr("Check"))
        self.setSubTitle(
            self.tr(
                "Every row is checked first. Nothing is imported while any row has a problem: "
                "correct the file and check again. People already registered are updated, "
                "never deleted."
            )
        )
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("importProgress")
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setObjectName("importStopButton")
        self.recheck_button = QPushButton(self.tr("Check again"))
        self.recheck_button.setObjectName("importRecheckButton")
        self.restore_zero = QCheckBox(
            self.tr(
                "Put back the leading 0 of 11-digit My Numbers (only where the check digit "
                "then agrees)"
            )
        )
        self.restore_zero.setObjectName("importRestoreZero")
        self.restore_zero.toggled.connect(self.options_changed)
        self.accept_matches = QCheckBox(
            self.tr("The people found by name and birth date are the registered ones")
        )
        self.accept_matches.setObjectName("importAcceptMatches")
        self.accept_matches.toggled.connect(self.completeChanged)
        self.problems = _table("importProblems", [self.tr("Row"), self.tr("Problem")], (64,))
        self.changes = _table(
            "importChanges",
            [
                self.tr("Row"),
                self.tr("Person"),
                self.tr("Item"),
                self.tr("Before"),
                self.tr("After"),
            ],
            (64, 240, 110, 200),
        )
        self.attention = _table(
            "importAttention",
            [self.tr("Row"), self.tr("Person"), self.tr("To look at")],
            (64, 260),
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("importTabs")
        self.more = QLabel()
        self.more.setObjectName("importProblemsMore")
        self.more.setWordWrap(True)
        self.more.hide()
        self.report: ImportReport | None = None
        self.busy = False
        working = QHBoxLayout()
        working.addWidget(self.progress_bar, 1)
        working.addWidget(self.stop_button)
        working.addWidget(self.recheck_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(working)
        layout.addWidget(self.restore_zero)
        layout.addWidget(self.accept_matches)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.more)
        layout.addStretch()  # takes the room while the tabs are hidden (nothing to list)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.stop_button.setEnabled(busy)
        self._sync()

    def _sync(self) -> None:
        """While working: the bar and 「中止」. Afterwards 「もう一度確認」, unless the file
        checked clean (then the next step is 「取り込む」)."""
        report = self.report
        self.progress_bar.setVisible(self.busy)
        self.stop_button.setVisible(self.busy)
        self.tabs.setVisible(self.tabs.count() > 0)
        clean = report is not None and not report.problems
        self.recheck_button.setVisible(not self.busy and not clean)
        self.restore_zero.setVisible(
            self.restore_zero.isChecked() or (report is not None and report.zero_dropped > 0)
        )
        self.accept_matches.setVisible(report is not None and bool(report.name_matches))
        self.restore_zero.setEnabled(not self.busy)
        self.accept_matches.setEnabled(not self.busy)
        self.completeChanged.emit()

    def start(self) -> None:
        self.report = None
        self.tabs.clear()
        self.more.hide()
        self.progress_bar.setRange(0, 0)  # busy until the first report gives a total
        self.set_busy(True)

    def show_summary(self, text: str, *, notice: bool = False) -> None:
        """`notice`: the outcome the clerk must not miss (stopped, failed), set off in a box."""
        self.summary.setText(text)
        if notice:
            set_role(self.summary, "banner-warning")
        else:
            self.summary.setProperty("role", None)
            self.summary.style().unpolish(self.summary)
            self.summary.style().polish(self.summary)

    def show_progress(self, text: str, done: int, total: int) -> None:
        self.show_summary(text)
        if total:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
        else:
            self.progress_bar.setRange(0, 0)

    def show_report(self, report: ImportReport) -> None:
        self.report = report
        self.tabs.clear()
        # Only the first PROBLEMS_SHOWN: 100,000 table items would take seconds to build and
        # nobody reads that far; the count of the rest is said under the table.
        shown = report.problems[:PROBLEMS_SHOWN]
        _fill(self.problems, shown)
        hidden = len(report.problems) - len(shown)
        self.more.setVisible(hidden > 0)
        if hidden > 0:
            self.more.setText(
                self.tr(
                    "Only the first %1 problems are listed; %2 more are not shown. "
                    "Correct these first, then check again."
                )
                .replace("%1", f"{len(shown):,}")
                .replace("%2", f"{hidden:,}")
            )
        if report.problems:
            self.tabs.addTab(
                self.problems, self.tr("Problems (%1)").replace("%1", f"{len(report.problems):,}")
            )
        attention = [
            (line, who, self.tr("Found by name and birth date: confirm it is the same person"))
            for line, who in report.name_matches
        ] + [
            (line, who, self.tr("My Number differs: correct it by hand"))
            for line, who in report.notices
        ]
        _fill(self.attention, attention[:PROBLEMS_SHOWN])
        if attention:
            self.tabs.addTab(
                self.attention, self.tr("To look at (%1)").replace("%1", f"{len(attention):,}")
            )
        changes = [(c.line, c.who, c.field, c.before, c.after) for c in report.changes]
        _fill(self.changes, changes[:PROBLEMS_SHOWN])
        if changes:
            self.tabs.addTab(
                self.changes, self.tr("Changes (%1)").replace("%1", f"{len(changes):,}")
            )
        if report.problems:
            self.show_summary(
                self.tr("%1 rows checked: %2 problems. Nothing will be imported.")
                .replace("%1", f"{report.lines:,}")
                .replace("%2", f"{len(report.problems):,}")
            )
        else:
            text = (
                self.tr(
                    "%1 rows checked: no problems. People: %2 new, %3 to update, %4 unchanged. "
                    "Confirm the people found by name and birth date, then import."
                )
                if report.name_matches
                else self.tr(
                    "%1 rows checked: no problems. People: %2 new, %3 to update, %4 unchanged. "
                    "Import them?"
                )
            )
            self.show_summary(
                text.replace("%1", f"{report.lines:,}")
                .replace("%2", f"{report.new:,}")
                .replace("%3", f"{report.changed:,}")
                .replace("%4", f"{report.unchanged:,}")
            )
        self._sync()

    def isComplete(self) -> bool:
        report = self.report
        return (
            not self.busy
            and report is not None
            and not report.problems
            and (not report.name_matches or self.accept_matches.isChecked())
        )


class DonePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("importDonePage")
        self.setTitle(self.tr("Imported"))
        self.result = QLabel()
        self.result.setObjectName("importResult")
        self.result.setWordWrap(True)
        self.reminder = QLabel()
        self.reminder.setObjectName("importReminder")
        self.reminder.setWordWrap(True)
        set_role(self.reminder, "banner-warning")
        layout = QVBoxLayout(self)
        layout.addWidget(self.result)
        layout.addWidget(self.reminder)
        layout.addStretch()
