"""The pages of the import wizard: the file, the column mapping (remembered per layout), the
check with its progress and problem list, and the result with the delete-the-file reminder."""

from __future__ import annotations

import hashlib
import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from app.domain.import_layout import FIELDS, REQUIRED, map_headers
from app.services.importing import ImportReport
from ui.application import ui_settings

_MAPPING_KEY = "import/mapping/"
PROBLEMS_SHOWN = 1_000
NOTICE_STYLE = "background: #fff4ce; padding: 8px; font-weight: bold;"


def _layout_key(headers: list[str]) -> str:
    return _MAPPING_KEY + hashlib.sha256("\x1f".join(headers).encode("utf-8")).hexdigest()[:16]


class FilePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("importFilePage")
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(
            self.tr(
                "A CSV (UTF-8 or Shift_JIS, as payroll software writes it) or "
                "an Excel .xlsx file with one person per row."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPathEdit")
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("Browse…"))
        browse.setObjectName("importBrowseButton")
        browse.clicked.connect(self._browse)
        self.error = QLabel()
        self.error.setObjectName("importFileError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        row = QHBoxLayout()
        row.addWidget(self.path_edit)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch()

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("File to import"), "", self.tr("CSV or Excel (*.csv *.txt *.xlsx)")
        )
        if name:
            self.path_edit.setText(name)

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())


class MappingPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("importMappingPage")
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr(
                "Which column of the file holds each item? Required items are "
                "marked with *. The choice is remembered for files of this layout."
            )
        )
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout(self)
        for key, label in FIELDS.items():
            combo = QComboBox()
            combo.setObjectName(f"map_{key}")
            combo.currentIndexChanged.connect(self.completeChanged)
            self.combos[key] = combo
            form.addRow(label + (" *" if key in REQUIRED else ""), combo)
        self.headers: list[str] = []

    def set_headers(self, headers: list[str]) -> None:
        self.headers = headers
        saved = ui_settings().value(_layout_key(headers), "")
        mapping = json.loads(saved) if isinstance(saved, str) and saved else map_headers(headers)
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not in this file)"), -1)
            for index, header in enumerate(headers):
                combo.addItem(f"{index + 1}: {header}", index)
            combo.setCurrentIndex(combo.findData(mapping.get(key, -1)))
            combo.blockSignals(False)
        self.completeChanged.emit()

    def mapping(self) -> dict[str, int]:
        chosen = {key: combo.currentData() for key, combo in self.combos.items()}
        return {
            key: int(index) for key, index in chosen.items() if index is not None and index >= 0
        }

    def remember(self) -> None:
        ui_settings().setValue(_layout_key(self.headers), json.dumps(self.mapping()))

    def isComplete(self) -> bool:
        return all(key in self.mapping() for key in REQUIRED)


class CheckPage(QWizardPage):
    """The check's result, and while the check or the import runs: progress and 「中止」."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("importCheckPage")
        self.setTitle(self.tr("Check"))
        self.setSubTitle(
            self.tr(
                "Every row is checked first. Nothing is imported while any row "
                "has a problem: correct the file and check again."
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
        self.problems = QTableWidget(0, 2)
        self.problems.setObjectName("importProblems")
        self.problems.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Problem")])
        self.problems.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.problems.verticalHeader().hide()
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
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
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.more)
        layout.addStretch()  # takes the room while the table is hidden (no problems to list)
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
        self.progress_bar.setVisible(self.busy)
        self.stop_button.setVisible(self.busy)
        self.problems.setVisible(self.problems.rowCount() > 0)
        clean = self.report is not None and not self.report.problems
        self.recheck_button.setVisible(not self.busy and not clean)
        self.completeChanged.emit()

    def start(self) -> None:
        self.report = None
        self.problems.setRowCount(0)
        self.more.hide()
        self.progress_bar.setRange(0, 0)  # busy until the first report gives a total
        self.set_busy(True)

    def show_summary(self, text: str, *, notice: bool = False) -> None:
        """`notice`: the outcome the clerk must not miss (stopped, failed), set off in a box."""
        self.summary.setText(text)
        self.summary.setStyleSheet(NOTICE_STYLE if notice else "")

    def show_progress(self, text: str, done: int, total: int) -> None:
        self.show_summary(text)
        if total:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
        else:
            self.progress_bar.setRange(0, 0)

    def show_report(self, report: ImportReport) -> None:
        self.report = report
        # Only the first PROBLEMS_SHOWN: 100,000 table items would take seconds to build and
        # nobody reads that far; the count of the rest is said under the table.
        shown = report.problems[:PROBLEMS_SHOWN]
        self.problems.setUpdatesEnabled(False)
        self.problems.setRowCount(len(shown))
        for row, (line, problem) in enumerate(shown):
            self.problems.setItem(row, 0, QTableWidgetItem(str(line)))
            self.problems.setItem(row, 1, QTableWidgetItem(problem))
        self.problems.setUpdatesEnabled(True)
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
            self.show_summary(
                self.tr("%1 rows checked: %2 problems. Nothing will be imported.")
                .replace("%1", f"{report.rows:,}")
                .replace("%2", f"{len(report.problems):,}")
            )
        else:
            self.show_summary(
                self.tr("%1 rows checked: no problems. Import them?").replace(
                    "%1", f"{report.rows:,}"
                )
            )
        self._sync()

    def isComplete(self) -> bool:
        return not self.busy and self.report is not None and not self.report.problems


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
        self.reminder.setStyleSheet("background: #fff4ce; padding: 8px; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.result)
        layout.addWidget(self.reminder)
        layout.addStretch()
