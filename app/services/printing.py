"""Turning a document the program made into pages the GUI can preview or print."""

from __future__ import annotations

from collections.abc import Iterable

from reports.preview import RasterPage, page_sizes, rasterize


def pages_of(pdf: bytes, dpi: float = 96.0, pages: Iterable[int] | None = None) -> list[RasterPage]:
    return rasterize(pdf, dpi, pages)


def sizes_of(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's width and height in points, for laying out a preview before rendering."""
    return page_sizes(pdf)
