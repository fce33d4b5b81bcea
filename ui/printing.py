"""Previewing and printing documents from memory (no PDF is written to a temp folder)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPainter, QPixmap
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QMessageBox, QWidget

from app.services import printing
from ui import file_dialogs

# Printing renders one page at a time at no more than this: a 50-page ledger at 300 dpi
# would hold 1.7 GB of pixels if every page were rendered first.
PRINT_DPI_MAX = 300


def page_images(pdf: bytes, dpi: float, pages: Iterable[int] | None = None) -> list[QImage]:
    """Every page, or the pages whose indexes are given, as images at `dpi`."""
    images = []
    for page in printing.pages_of(pdf, dpi, pages):
        image = QImage(
            page.pixels, page.width, page.height, page.stride, QImage.Format.Format_RGB32
        )
        images.append(image.copy())  # detach from the Python buffer
    return images


def page_sizes(pdf: bytes) -> list[QSizeF]:
    """Each page's size in points (1/72 inch), known before any page is rendered."""
    return [QSizeF(width, height) for width, height in printing.sizes_of(pdf)]


def preview_pixmap(pdf: bytes, width: int) -> QPixmap:
    """The first page scaled to `width` pixels, for a preview in a dialog."""
    images = page_images(pdf, 110, [0]) if page_sizes(pdf) else []
    if not images:
        return QPixmap()
    return QPixmap.fromImage(images[0]).scaledToWidth(
        width, Qt.TransformationMode.SmoothTransformation
    )


def without_print_to_file(dialog: QPrintDialog, numbers: bool) -> None:
    """A paper with numbers is not offered the dialog's 「ファイルへ出力」: that would write it
    as a plain PDF, where saving one is an encrypted export (規程第35条)."""
    if numbers:
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)


def refused_file_output(parent: QWidget | None, printer: QPrinter, numbers: bool) -> bool:
    """Whether the print went to a file rather than a printer (Qt's own PDF output, or a file
    name the dialog set) for a paper with numbers: refused, and the clerk told how to save."""
    to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat or bool(
        printer.outputFileName()
    )
    if not (numbers and to_file):
        return False
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Printing", "Not printed"),
        QCoreApplication.translate(
            "Printing",
            "A paper carrying My Numbers is not printed to a file. Choose a printer, or save "
            'it with "Save as encrypted PDF…" in the preview.',
        ),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("printToFileRefusedBox")
    box.exec()
    return True


def print_pdf(parent: QWidget | None, pdf: bytes, title: str, *, numbers: bool = True) -> bool:
    """Ask for a printer and print every page; returns whether it was printed. `numbers`: the
    paper may carry My Numbers, so it is never printed to a file (see refused_file_output)."""
    sizes = page_sizes(pdf)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    if sizes and sizes[0].width() > sizes[0].height():
        # The deletion ledger is landscape: offered so, not shrunk onto a portrait sheet.
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    dialog = QPrintDialog(printer, parent)
    without_print_to_file(dialog, numbers)
    # Native on Windows (Qt has no other): a print chosen after the screen locked is dropped.
    if not file_dialogs.exec_unless_locked(dialog):
        return False
    if refused_file_output(parent, printer, numbers):
        return False
    dpi = min(printer.resolution(), PRINT_DPI_MAX)
    painter = QPainter(printer)
    try:
        for index in range(len(sizes)):
            if index:
                printer.newPage()
            image = page_images(pdf, dpi, [index])[0]
            target = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
            scaled = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(target.topLeft(), scaled.toSizeF()), image)
    finally:
        painter.end()
    return True
