"""Icons of the program: Microsoft's Fluent UI System Icons (resources/icons/fluent, MIT),
tinted to the palette of resources/styles/app.qss."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from app.paths import resources_dir

# The palette's text colours: normal, on the primary (selected) background, and disabled.
TEXT = "#1f2937"
ON_PRIMARY = "#ffffff"
DISABLED = "#9ca3af"
PRIMARY = "#0f5cad"
WARNING = "#b45309"
ERROR = "#b00020"

_SIZES = (16, 20, 24, 32, 48)


def _svg(name: str) -> str:
    return (resources_dir() / "icons" / "fluent" / f"{name}.svg").read_text(encoding="utf-8")


def _pixmap(svg: str, color: str, size: int) -> QPixmap:
    # Fluent paths carry no fill (black by default): a fill on the root colours every path.
    renderer = QSvgRenderer(QByteArray(svg.replace("<svg ", f'<svg fill="{color}" ', 1).encode()))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


@cache
def icon(name: str, color: str = TEXT, selected: str = ON_PRIMARY) -> QIcon:
    """A named icon (the file name without .svg), in `color`, white when selected, grey
    when disabled. Cached: the same QIcon serves every button that shows it."""
    svg = _svg(name)
    result = QIcon()
    for size in _SIZES:
        result.addPixmap(_pixmap(svg, color, size), QIcon.Mode.Normal)
        result.addPixmap(_pixmap(svg, selected, size), QIcon.Mode.Selected)
        result.addPixmap(_pixmap(svg, DISABLED, size), QIcon.Mode.Disabled)
    return result


def names() -> list[str]:
    return sorted(p.stem for p in (resources_dir() / "icons" / "fluent").glob("*.svg"))
