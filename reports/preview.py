"""PDF pages as pixels, for an on-screen preview and for printing without a file on disk."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class RasterPage:
    """One page as 8-bit BGRA (PDFium's native order), `stride` bytes per row."""

    width: int
    height: int
    stride: int
    pixels: bytes


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's width and height in points (1/72 inch), as shown (rotation applied),
    read without rendering anything."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return [tuple(document.get_page_size(index)) for index in range(len(document))]
    finally:
        document.close()


def rasterize(
    pdf: bytes, dpi: float = 96.0, pages: Iterable[int] | None = None
) -> list[RasterPage]:
    """Render every page, or only the pages whose indexes are given (a preview renders what is
    on screen, printing one page at a time), in memory; nothing is written to a file."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    rendered = []
    try:
        for index in range(len(document)) if pages is None else pages:
            page = document[index]
            bitmap = page.render(scale=dpi / 72.0, rev_byteorder=False, prefer_bgrx=True)
            rendered.append(
                RasterPage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
            )
            bitmap.close()
            page.close()
    finally:
        document.close()
    return rendered
