"""Payroll import wizard: choose the year-end export and the year, match its columns, see every
row's problem and what changes for each employee, then import all rows or none. The amounts
go to each employee's withholding slip (app.services.payroll_import)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QWidget, QWizard

from app.errors import AppError
from app.services import payroll_import
from app.services.payroll_import import PayrollOptions, PayrollReport
from ui.context import UiContext
from ui.errors import message_for
from ui.payroll_pages import (
    PayrollCheckPage,
    PayrollDonePage,
    PayrollFilePage,
    PayrollMappingPage,
)
from ui.window_state import fit_to_screen

log = logging.getLogger(__name__)


class PayrollWizard(QWizard):
    def __init__(self, context: UiContext, year: int, parent: QWidget | None = None) -> None:
        """`year`: the year the amounts are for, as chosen on the year-end page."""
        super().__init__(parent)
        self.setObjectName("payrollWizard")
        self.context = context
        self.setWindowTitle(self.tr("Import payroll data (withholding slips)"))
        self.setMinimumSize(720, 560)
        fit_to_screen(self, 960, 700)
        self.file_page = PayrollFilePage(year)
        self.mapping_page = PayrollMappingPage()
        self.check_page = PayrollCheckPage()
        self.done_page = PayrollDonePage()
        for page in (self.file_page, self.mapping_page, self.check_page, self.done_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self._headers_ready = False
        self.imported: PayrollReport | None = None
        self._working = False
        # Connected after addPage, so this runs after QWizard's own button update.
        self.check_page.completeChanged.connect(self._hold_back_button)
        self.currentIdChanged.connect(self._hold_back_button)

    def _hold_back_button(self) -> None:
        """No going back to another file or mapping while a check or the import runs."""
        if self.currentPage() is self.check_page and self.check_page.busy:
            self.button(QWizard.WizardButton.BackButton).setEnabled(False)

    @property
    def path(self) -> Path:
        return Path(self.file_page.path_edit.text().strip())

    @property
    def year(self) -> int:
        return self.file_page.year.value()

    def validateCurrentPage(self) -> bool:
        page = self.currentPage()
        if page is self.file_page and not self._headers_ready:
            path = self.path
            self.file_page.error.setText(self.tr("Reading…"))
            self.context.run(
                lambda _session: payroll_import.headers(path),
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
            self._start_check()

    def _headers_read(self, headers: list[str]) -> None:
        self.file_page.error.clear()
        self.mapping_page.set_headers(headers)
        self._headers_ready = True
        self.next()
        self._headers_ready = False

    def _file_failed(self, error: BaseException) -> None:
        self.file_page.error.setText(message_for(error))

    def _options(self) -> PayrollOptions:
        return PayrollOptions(accept_counts=self.check_page.accept_counts.isChecked())

    def _start_check(self) -> None:
        if self._working:
            return
        self.mapping_page.remember()
        path, year, mapping = self.path, self.year, self.mapping_page.mapping()
        self._working = True
        self.check_page.start()
        self.context.run(
            lambda session: payroll_import.dry_run(session, path, year, mapping),
            owner=self,
            on_done=self._checked,
            on_error=self._failed,
        )

    def _checked(self, report: PayrollReport) -> None:
        self._working = False
        self.check_page.show_report(report)

    def _failed(self, error: BaseException) -> None:
        self._working = False
        if not isinstance(error, AppError):
            log.error("payroll import step failed", exc_info=error)
        self.check_page.show_failure(message_for(error))

    def _commit(self) -> None:
        if self._working or not self.check_page.isComplete():
            return
        path, year, mapping = self.path, self.year, self.mapping_page.mapping()
        options = self._options()
        self._working = True
        self.check_page.busy = True
        self.check_page.completeChanged.emit()
        self.context.run(
            lambda session: payroll_import.commit(session, path, year, mapping, options),
            owner=self,
            on_done=self._committed,
            on_error=self._failed,
        )

    def _committed(self, report: PayrollReport) -> None:
        self._working = False
        if not report.committed:  # the data changed between the check and the import
            self.check_page.show_report(report)
            return
        self.imported = report
        self.done_page.result.setText(
            self.tr(
                "Imported the amounts of %1 for %2 employees: %3 new, %4 corrected, "
                "%5 unchanged. Each saved or corrected slip is kept in the access log."
            )
            .replace("%1", str(report.year))
            .replace("%2", f"{len(report.changes):,}")
            .replace("%3", f"{report.new:,}")
            .replace("%4", f"{report.changed:,}")
            .replace("%5", f"{report.unchanged:,}")
        )
        self.next()
