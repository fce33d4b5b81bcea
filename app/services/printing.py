"""Turning a document the program made into pages the GUI can preview or print."""

from __future__ import annotations

from reports.preview import RasterPage, rasterize


def pages_of(pdf: bytes, dpi: float = 96.0) -> list[RasterPage]:
    return rasterize(pdf, dpi)
