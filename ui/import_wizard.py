"""Import wizard: choose the file, map its columns (remembered per layout), see every row's
problem, then import all rows or none; the source file is a number file and must be deleted."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.domain.import_layout import FIELDS, REQUIRED, map_headers
from app.services import importing
from app.services.importing import ImportReport
from ui.application import ui_settings
from ui.context import UiContext
from ui.errors import message_for

_MAPPING_KEY = "import/mapping/"


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
        self.summary = QLabel(self.tr("Checking…"))
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.problems = QTableWidget(0, 2)
        self.problems.setObjectName("importProblems")
        self.problems.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Problem")])
        self.problems.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.problems.verticalHeader().hide()
        self.report: ImportReport | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))

    def show_report(self, report: ImportReport) -> None:
        self.report = report
        self.problems.setRowCount(len(report.problems))
        for row, (line, problem) in enumerate(report.problems):
            self.problems.setItem(row, 0, QTableWidgetItem(str(line)))
            self.problems.setItem(row, 1, QTableWidgetItem(problem))
        if report.problems:
            self.summary.setText(
                self.tr("%1 rows checked: %2 problems. Nothing will be imported.")
                .replace("%1", f"{report.rows:,}")
                .replace("%2", f"{len(report.problems):,}")
            )
        else:
            self.summary.setText(
                self.tr("%1 rows checked: no problems. Import them?").replace(
                    "%1", f"{report.rows:,}"
                )
            )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.report is not None and not self.report.problems


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


class ImportWizard(QWizard):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.context = context
        self.setWindowTitle(self.tr("Import people"))
        self.setMinimumSize(720, 600)
        self.file_page = FilePage()
        self.mapping_page = MappingPage()
        self.check_page = CheckPage()
        self.done_page = DonePage()
        for page in (self.file_page, self.mapping_page, self.check_page, self.done_page):
            self.addPage(page)
        self._headers_ready = False
        self.imported: ImportReport | None = None

    @property
    def path(self) -> Path:
        return Path(self.file_page.path_edit.text().strip())

    def validateCurrentPage(self) -> bool:
        page = self.currentPage()
        if page is self.file_page and not self._headers_ready:
            path = self.path
            self.file_page.error.setText(self.tr("Reading…"))
            self.context.db.run_task(
                lambda: importing.headers(path),
                owner=self,
                on_done=self._headers_read,
                on_error=self._file_failed,
            )
            return False
        if page is self.check_page and self.imported is None:
            self._commit()
            return False
        return super().validateCurrentPage()

    def initializePage(self, page_id: int) -> None:
        super().initializePage(page_id)
        if self.page(page_id) is self.check_page:
            self.mapping_page.remember()
            self.check_page.report = None
            self.check_page.summary.setText(self.tr("Checking…"))
            path, mapping = self.path, self.mapping_page.mapping()
            self.context.run(
                lambda s: importing.dry_run(s, path, mapping),
                owner=self,
                on_done=self.check_page.show_report,
                on_error=lambda e: self.check_page.summary.setText(message_for(e)),
            )

    def _headers_read(self, headers: list[str]) -> None:
        self.file_page.error.clear()
        self.mapping_page.set_headers(headers)
        self._headers_ready = True
        self.next()
        self._headers_ready = False

    def _file_failed(self, error: BaseException) -> None:
        self.file_page.error.setText(message_for(error))

    def _commit(self) -> None:
        path, mapping = self.path, self.mapping_page.mapping()
        self.button(QWizard.WizardButton.CommitButton).setEnabled(False)
        self.check_page.summary.setText(self.tr("Importing…"))
        self.context.run(
            lambda s: importing.commit(s, path, mapping),
            owner=self,
            on_done=self._committed,
            on_error=lambda e: self.check_page.summary.setText(message_for(e)),
        )

    def _committed(self, report: ImportReport) -> None:
        if report.problems:  # the file changed between check and import
            self.check_page.show_report(report)
            return
        self.imported = report
        self.done_page.result.setText(
            self.tr(
                "Imported %1 rows: %2 employees, %3 dependents, %4 payees, %5 My Numbers "
                "(identity verification pending)."
            )
            .replace("%1", f"{report.rows:,}")
            .replace("%2", str(report.employees))
            .replace("%3", str(report.dependents))
            .replace("%4", str(report.payees))
            .replace("%5", str(report.numbers))
        )
        if report.numbers:
            self.done_page.reminder.setText(
                self.tr(
                    "The file %1 holds My Numbers: it is itself specific personal "
                    "information. Delete it now, including from the recycle bin and any "
                    "USB stick it came on."
                ).replace("%1", self.path.name)
            )
        self.next()
