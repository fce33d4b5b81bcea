"""What happens to a rendered copy with numbers that is already in the outputs register
(規程第35条): made as a PDF it is saved encrypted at once; made on paper it is previewed, printed
from there or saved as an encrypted PDF (an export with an entry of its own). The register keeps
only what really left: a paper copy whose preview closes without a print that went to the
printer, or a PDF copy whose file was never written, is withdrawn (取消（出力せず）). The
per-person events of its rendering stay, since the numbers were on screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.domain.outputs import Method
from app.services import outputs
from ui.context import UiContext

Printer = Callable[[QWidget, bytes, str], bool]


def deliver_output(
    parent: QWidget,
    context: UiContext,
    output_id: int,
    pdf: bytes,
    *,
    title: str,
    file_name: str,
    order: outputs.Order,
    printer: Printer | None = None,
) -> None:
    from ui.dialogs.pdf_export import save_encrypted

    if order.method == Method.PDF.value:
        if not save_encrypted(parent, context, output_id, pdf, file_name):
            withdraw(parent, context, output_id)
        return
    preview_registered(
        parent,
        context,
        output_id,
        pdf,
        title=title,
        file_name=file_name,
        # Saving it is an export of its own (method PDF, entered by outputs.export_pdf).
        saver=lambda: save_encrypted(parent, context, output_id, pdf, file_name, order.destination),
        printer=printer,
    )


def preview_registered(
    parent: QWidget,
    context: UiContext,
    output_id: int,
    pdf: bytes,
    *,
    title: str,
    file_name: str,
    saver: Callable[[], object] | None = None,
    printer: Printer | None = None,
) -> None:
    """The preview of a paper entered as output `output_id`: never saved plain, never printed
    to a file; withdrawn when it closes without a print that went to the printer."""
    from ui.dialogs.pdf_preview import PdfPreviewDialog

    preview = PdfPreviewDialog(
        title, pdf, file_name, parent, allow_save=False, saver=saver, printer=printer
    )
    preview.exec()
    if not preview.printed:
        withdraw(parent, context, output_id)


def withdraw(parent: QWidget, context: UiContext, output_id: int) -> None:
    """Nothing of this entry left the program: 取消（出力せず）."""
    context.run(lambda session: outputs.withdraw(session, output_id), owner=parent)
