"""Printing the year-end page's chosen copy for the selected people: drawn on the database
thread from the stored content (app.services.forms_print), a bulk output asked for its reason
first (保有規程第28条), then the in-program preview; a copy with numbers is in the outputs
register already and is saved only as an encrypted PDF (as the slip dialog does)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog

from app.domain.year_end import SALARY
from app.services import forms, forms_print, outputs

if TYPE_CHECKING:
    from ui.pages.year_end_page import YearEndPage


def print_copy(page: YearEndPage, reason: str = "") -> None:
    person_ids = page.selected_ids()
    if not person_ids:
        return
    year, copy = page.year, page.copy_box.currentData()
    title = page.copy_box.currentText()
    order = outputs.Order(page.destination_box.currentData(), page.method_box.currentData(), reason)

    def work(session):
        try:
            return forms_print.print_copy(session, year, SALARY, copy, person_ids, order)
        except outputs.BulkReasonRequired as refused:
            return refused

    names = page.selected_names()
    page.context.run(work, owner=page, on_done=lambda done: _done(page, title, names, done, order))


def _done(
    page: YearEndPage,
    title: str,
    names: list[str],
    done: forms.Rendered | outputs.BulkReasonRequired,
    order: outputs.Order,
) -> None:
    if isinstance(done, outputs.BulkReasonRequired):
        reason, ok = QInputDialog.getText(
            page, page.tr("Bulk output of My Numbers"), str(done) + "\n" + page.tr("Reason:")
        )
        if ok and reason.strip():
            print_copy(page, reason.strip())
        return
    from ui.dialogs.output_preview import deliver_output
    from ui.dialogs.pdf_preview import PdfPreviewDialog
    from ui.file_names import pdf_name

    who = names[0] if len(names) == 1 else page.tr("%1 people").replace("%1", str(len(names)))
    file_name = pdf_name(title, who, page.context.workspace.clock.now())
    if done.output_id is None:
        PdfPreviewDialog(title, done.pdf, file_name, page).exec()
        return
    # Printed from the preview or saved encrypted; withdrawn when nothing left.
    deliver_output(
        page, page.context, done.output_id, done.pdf, title=title, file_name=file_name, order=order
    )
