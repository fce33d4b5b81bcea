"""Import wizard: choose the file, map its columns, see every row's problem, then import all
rows or none, with progress and 「中止」; the source file is a number file and must be deleted."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget, QWizard

from app.domain.import_mapping import ImportOptions
from app.errors import AppError, ImportCancelled
from app.services import importing
from app.services.importing import ImportProgress, ImportReport, ImportStage
from app.session import Session
from ui.context import UiContext
from ui.errors import message_for
from ui.import_check_page import CheckPage, DonePage
from ui.import_pages import FilePage, MappingPage
from ui.window_state import fit_to_screen

log = logging.getLogger(__name__)

POLL_MS = 100  # how often the wizard reads the worker's progress


class ImportWizard(QWizard):
    """The check and the import run on the database thread with an ImportProgress that a
    timer here reads (the worker never touches a widget); 「中止」 and closing the window set
    its cancel flag, and the worker stops at its next report."""

    def __init__(
        self,
        context: UiContext,
        parent: QWidget | None = None,
        *,
        new_progress: Callable[[], ImportProgress] = ImportProgress,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.context = context
        self.setWindowTitle(self.tr("Import people"))
        self.setMinimumSize(720, 600)
        # Room for a mapping with split names and a table of changes, as far as the screen
        # allows (1366×768 leaves about 690 pixels below the title bar).
        fit_to_screen(self, 960, 720)
        self.file_page = FilePage()
        self.mapping_page = MappingPage()
        self.check_page = CheckPage()
        self.done_page = DonePage()
        for page in (self.file_page, self.mapping_page, self.check_page, self.done_page):
            self.addPage(page)
        self._headers_ready = False
        self.imported: ImportReport | None = None
        self._new_progress = new_progress  # tests pass a reporter that pauses the worker
        self._progress: ImportProgress | None = None  # set while a check or import runs
        self._job = ""  # "check" or "commit", while _progress is set
        self._closing = False  # the window was asked to close while working
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(POLL_MS)
        self._poll_timer.timeout.connect(self._poll)
        self.check_page.stop_button.clicked.connect(self._stop)
        self.check_page.recheck_button.clicked.connect(self._start_check)
        self.check_page.options_changed.connect(self._start_check)
        # Connected after addPage, so these run after QWizard's own button update.
        self.check_page.completeChanged.connect(self._hold_back_button)
        self.currentIdChanged.connect(self._hold_back_button)

    @property
    def working(self) -> bool:
        return self._progress is not None

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
            if not self.working:
                self._commit()
            return False
        return super().validateCurrentPage()

    def initializePage(self, page_id: int) -> None:
        super().initializePage(page_id)
        if self.page(page_id) is self.check_page:
            self._start_check()

    def reject(self) -> None:
        """Esc, ×, 「キャンセル」 and locking: while working, stop first and close once the
        worker has stopped (an import's rollback included); within a few rows normally."""
        if self.working:
            self._closing = True
            self._stop()
            return
        super().reject()

    def _hold_back_button(self) -> None:
        if self.currentPage() is self.check_page and self.check_page.busy:
            self.button(QWizard.WizardButton.BackButton).setEnabled(False)

    def _run(
        self,
        job: str,
        work: Callable[[Session, ImportProgress], object],
        on_done: Callable[[ImportProgress, Any], None],
        on_error: Callable[[ImportProgress, BaseException], None],
    ) -> None:
        if self.working or self.context.session is None:  # one at a time; nothing while locked
            return
        progress = self._new_progress()
        self._progress, self._job = progress, job
        self.check_page.start()
        self._poll()
        self._poll_timer.start()
        self.context.run(
            lambda session: work(session, progress),
            owner=self,
            on_done=lambda result: self._finished(progress, on_done, result),
            on_error=lambda error: self._finished(progress, on_error, error),
        )

    def _finished(
        self, progress: ImportProgress, handler: Callable[[ImportProgress, Any], None], value: Any
    ) -> None:
        if progress is not self._progress:
            return
        self._poll_timer.stop()
        self._progress, self._job = None, ""
        self.check_page.set_busy(False)
        handler(progress, value)

    def _poll(self) -> None:
        """Progress from the worker's reporter to the page (GUI thread, every POLL_MS)."""
        progress = self._progress
        if progress is None:
            return
        stage, done, total = progress.snapshot()
        if progress.cancelled:
            text = (
                self.tr("Stopping… This window closes as soon as it has stopped.")
                if self._closing
                else self.tr("Stopping…")
            )
        elif stage is ImportStage.READING:
            text = self.tr("Reading the file… %1 rows").replace("%1", f"{done:,}")
            total = 0
        elif stage is ImportStage.CHECKING:
            text = (
                self.tr("Checking every row… %1 of %2 rows")
                if self._job == "check"
                else self.tr("Checking again before importing… %1 of %2 rows")
            )
        elif done < total:
            text = self.tr("Importing… %1 of %2 rows. Stopping imports nothing.")
        else:
            text = self.tr("Saving the import…")
        self.check_page.show_progress(
            text.replace("%1", f"{done:,}").replace("%2", f"{total:,}"), done, total
        )

    def _stop(self) -> None:
        if self._progress is not None and not self._progress.cancelled:
            self._progress.cancel()
        self.check_page.stop_button.setEnabled(False)
        self._poll()

    def options(self) -> ImportOptions:
        """What the clerk chose for the whole file, on the mapping and the check pages."""
        return ImportOptions(
            kind=self.mapping_page.whole_file_kind(),
            restore_zero=self.check_page.restore_zero.isChecked(),
            accept_name_matches=self.check_page.accept_matches.isChecked(),
        )

    def _start_check(self) -> None:
        self.mapping_page.remember()
        path, mapping, options = self.path, self.mapping_page.mapping(), self.options()
        self._run(
            "check",
            lambda session, progress: importing.dry_run(
                session, path, mapping, progress=progress, options=options
            ),
            self._checked,
            self._check_failed,
        )

    def _checked(self, _progress: ImportProgress, report: ImportReport) -> None:
        self.check_page.show_report(report)
        if self._closing:
            super().reject()

    def _check_failed(self, _progress: ImportProgress, error: BaseException) -> None:
        if isinstance(error, ImportCancelled):
            self.check_page.show_summary(
                self.tr(
                    "The check was stopped. Nothing has been imported. "
                    "Check again, or close this window."
                ),
                notice=True,
            )
        else:
            self._show_failure(error)
        if self._closing:
            super().reject()

    def _show_failure(self, error: BaseException) -> None:
        if not isinstance(error, AppError):
            log.error("import step failed", exc_info=error)
        self.check_page.show_summary(message_for(error), notice=True)

    def _headers_read(self, headers: list[str]) -> None:
        self.file_page.error.clear()
        self.mapping_page.set_headers(headers)
        self._headers_ready = True
        self.next()
        self._headers_ready = False

    def _file_failed(self, error: BaseException) -> None:
        self.file_page.error.setText(message_for(error))

    def _commit(self) -> None:
        path, mapping, options = self.path, self.mapping_page.mapping(), self.options()
        self._run(
            "commit",
            lambda session, progress: importing.commit(
                session, path, mapping, progress=progress, options=options
            ),
            self._committed,
            self._commit_failed,
        )

    def _commit_failed(self, _progress: ImportProgress, error: BaseException) -> None:
        if isinstance(error, ImportCancelled):
            self.check_page.show_summary(
                self.tr(
                    "The import was stopped. Nothing has been imported: the rows already "
                    "written were all taken back. Check again to import, or close this window."
                ),
                notice=True,
            )
        else:
            self._show_failure(error)
        if self._closing:
            super().reject()

    def _committed(self, progress: ImportProgress, report: ImportReport) -> None:
        if report.blocked:  # the file changed between check and import
            self.check_page.show_report(report)
            if self._closing:
                super().reject()
            return
        # Imported, even if a stop came too late: the clerk must see it and the reminder.
        self._closing = False
        self.imported = report
        late = (
            self.tr("The import had already finished when it was stopped. ")
            if progress.cancelled
            else ""
        )
        self.done_page.result.setText(late + self._result_text(report))
        self.done_page.reminder.setVisible(bool(report.with_numbers))
        if report.with_numbers:
            self.done_page.reminder.setText(
                self.tr(
                    "The file %1 holds My Numbers: it is itself specific personal "
                    "information. Delete it now, including from the recycle bin and any "
                    "USB stick it came on."
                ).replace("%1", importing.file_label(self.path))
            )
        self.next()

    def _result_text(self, report: ImportReport) -> str:
        new = (
            self.tr(
                "Registered %1 new people: %2 employees, %3 dependents, %4 payees; "
                "%5 My Numbers (identity verification pending)."
            )
            .replace("%1", f"{report.new:,}")
            .replace("%2", str(report.employees))
            .replace("%3", str(report.dependents))
            .replace("%4", str(report.payees))
            .replace("%5", str(report.numbers))
        )
        if not report.changed and not report.unchanged:
            return new
        text = (
            self.tr(
                "Registered %1 new people (%5 My Numbers registered in all, identity "
                "verification pending). Updated %6 registered people (each change is kept as a "
                "correction with this import as its reason); %7 were unchanged. Nothing was "
                "deleted."
            )
            if report.new
            else self.tr(
                "No new people. Updated %6 registered people (each change is kept as a "
                "correction with this import as its reason; %5 My Numbers registered); %7 were "
                "unchanged. Nothing was deleted."
            )
        )
        return (
            text.replace("%1", f"{report.new:,}")
            .replace("%5", str(report.numbers))
            .replace("%6", f"{report.changed:,}")
            .replace("%7", f"{report.unchanged:,}")
        )
