"""Previewing and printing documents from memory (no PDF is written to a temp folder)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from app.services import printing


def page_images(pdf: bytes, dpi: float) -> list[QImage]:
    images = []
    for page in printing.pages_of(pdf, dpi):
        image = QImage(
            page.pixels, page.width, page.height, page.stride, QImage.Format.Format_RGB32
        )
        images.append(image.copy())  # detach from the Python buffer
    return images


def preview_pixmap(pdf: bytes, width: int) -> QPixmap:
    """The first page scaled to `width` pixels, for a preview in a dialog."""
    images = page_images(pdf, 110)
    if not images:
        return QPixmap()
    return QPixmap.fromImage(images[0]).scaledToWidth(
        width, Qt.TransformationMode.SmoothTransformation
    )


def print_pdf(parent: QWidget | None, pdf: bytes, title: str) -> bool:
    """Ask for a printer and print every page; returns whether it was printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    images = page_images(pdf, min(printer.resolution(), 300))
    painter = QPainter(printer)
    try:
        for index, image in enumerate(images):
            if index:
                printer.newPage()
            target = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
            scaled = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(target.topLeft(), scaled.toSizeF()), image)
    finally:
        painter.end()
    return True
