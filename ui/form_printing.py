"""Printing statutory forms at true size (100 %, from the paper's corner, never "fit to page"),
and, onto pre-printed forms, moved by the offset the clerk measured for the chosen printer.

The printer chosen in the print dialog selects the offset (ui.print_offsets), so a form is
always printed with the calibration of the printer it goes to, the one read for a sheet of the
page's orientation. The preview shows the values
at their nominal place; only the print is moved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from app.domain.print_offset import PrintOffset
from ui import file_dialogs, print_offsets
from ui.printing import (
    PRINT_DPI_MAX,
    page_images,
    page_sizes,
    refused_file_output,
    without_print_to_file,
)

POINTS_PER_INCH = 72.0
NO_OFFSET = PrintOffset()


def target_rect(
    page_points: QSizeF, dpi_x: float, dpi_y: float, offset: PrintOffset = NO_OFFSET
) -> QRectF:
    """Where a page goes on a device whose origin is the paper's corner: at true size, moved
    by the offset (right and down positive)."""
    dx, dy = offset.device(dpi_x, dpi_y)
    return QRectF(
        dx,
        dy,
        page_points.width() / POINTS_PER_INCH * dpi_x,
        page_points.height() / POINTS_PER_INCH * dpi_y,
    )


def paint_page(
    painter: QPainter,
    image: QImage,
    page_points: QSizeF,
    dpi_x: float,
    dpi_y: float,
    offset: PrintOffset = NO_OFFSET,
) -> None:
    painter.drawImage(target_rect(page_points, dpi_x, dpi_y, offset), image)


def _prepare(printer: QPrinter, page_points: QSizeF) -> None:
    printer.setFullPage(True)  # coordinates from the paper's corner, no margin moved in
    landscape = page_points.width() > page_points.height()
    portrait = QSizeF(
        min(page_points.width(), page_points.height()),
        max(page_points.width(), page_points.height()),
    )
    printer.setPageSize(
        QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    )
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )


def print_form(
    parent: QWidget | None, pdf: bytes, title: str, *, preprinted: bool, numbers: bool = True
) -> bool:
    """Ask for a printer and print every page at true size; on pre-printed forms (preprinted)
    moved by that printer's offset. Returns whether it was printed. A copy with numbers
    (`numbers`) is never printed to a file (ui.printing.refused_file_output)."""
    sizes = page_sizes(pdf)
    if not sizes:
        return False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    _prepare(printer, sizes[0])
    dialog = QPrintDialog(printer, parent)
    without_print_to_file(dialog, numbers)
    if not file_dialogs.exec_unless_locked(dialog):
        return False
    if refused_file_output(parent, printer, numbers):
        return False
    # The offset read for a sheet turned this way (ui.print_offsets).
    portrait = sizes[0].height() > sizes[0].width()
    offset = (
        print_offsets.load(printer.printerName(), portrait=portrait) if preprinted else NO_OFFSET
    )
    render_dpi = min(printer.resolution(), PRINT_DPI_MAX)
    painter = QPainter(printer)
    try:
        for index, size in enumerate(sizes):
            if index:
                printer.newPage()
            image = page_images(pdf, render_dpi, [index])[0]
            paint_page(painter, image, size, printer.logicalDpiX(), printer.logicalDpiY(), offset)
    finally:
        painter.end()
    return True


def form_printer(*, preprinted: bool, numbers: bool) -> Callable[[QWidget, bytes, str], bool]:
    """What a preview's Print does for a statutory form (PdfPreviewDialog's `printer`):
    print_form at true size, on pre-printed forms moved by the chosen printer's offset."""

    def printer(parent: QWidget, pdf: bytes, title: str) -> bool:
        return print_form(parent, pdf, title, preprinted=preprinted, numbers=numbers)

    return printer
