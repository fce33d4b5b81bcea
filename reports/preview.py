"""PDF pages as pixels, for an on-screen preview and for printing without a file on disk."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RasterPage:
    """One page as 8-bit BGRA (PDFium's native order), `stride` bytes per row."""

    width: int
    height: int
    stride: int
    pixels: bytes


def rasterize(pdf: bytes, dpi: float = 96.0) -> list[RasterPage]:
    """Render every page in memory; nothing is written to a temporary file."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    pages = []
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72.0, rev_byteorder=False, prefer_bgrx=True)
            pages.append(
                RasterPage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
            )
            bitmap.close()
            page.close()
    finally:
        document.close()
    return pages
