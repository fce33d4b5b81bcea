"""Previewing and printing documents from memory (no PDF is written to a temp folder)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

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


def print_pdf(parent: QWidget | None, pdf: bytes, title: str) -> bool:
    """Ask for a printer and print every page; returns whether it was printed."""
    sizes = page_sizes(pdf)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    if sizes and sizes[0].width() > sizes[0].height():
        # The deletion ledger is landscape: offered so, not shrunk onto a portrait sheet.
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    dialog = QPrintDialog(printer, parent)
    # Native on Windows (Qt has no other): a print chosen after the screen locked is dropped.
    if not file_dialogs.exec_unless_locked(dialog):
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
