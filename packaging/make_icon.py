"""Draw resources/icons/mynumber-desk.svg into a Windows .ico (16 to 256 px), with Qt's SVG
renderer and Pillow (both in the build venv): `python packaging/make_icon.py OUT.ico`."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int) -> Image.Image:
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "mynumber-desk.svg"))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data())))


def main(out: Path) -> None:
    _app = QGuiApplication([])
    largest = render(256)
    largest.save(out, format="ICO", sizes=[(s, s) for s in SIZES])


if __name__ == "__main__":
    main(Path(sys.argv[1]))
