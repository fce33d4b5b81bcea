"""Window sizes, positions and splitters remembered between starts (QSettings: layout only,
never personal data), and windows kept within the screen they open on."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QSplitter, QWidget

from ui.application import ui_settings

_PREFIX = "layout/"


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The usable part of the screen the widget is on (task bar excluded)."""
    screen: QScreen | None = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


# The title bar and borders the window manager adds around a window not yet shown (Windows 11
# at 100 %: about 31 px of title and 8 px of border); a shown window reports its own.
_FRAME_ESTIMATE = (16, 40)


def _frame_extra(widget: QWidget) -> tuple[int, int]:
    frame, inner = widget.frameGeometry(), widget.geometry()
    if widget.isVisible() and frame.height() > inner.height():
        return frame.width() - inner.width(), frame.height() - inner.height()
    return _FRAME_ESTIMATE


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to the wanted size, or to what the screen offers (title bar included), whichever
    is smaller, and centre it there."""
    area = available_geometry(widget)
    extra_w, extra_h = _frame_extra(widget)
    w = min(width, area.width() - extra_w)
    h = min(height, area.height() - extra_h)
    widget.resize(w, h)
    widget.move(
        area.x() + (area.width() - w - extra_w) // 2, area.y() + (area.height() - h - extra_h) // 2
    )


def save_geometry(widget: QWidget, key: str) -> None:
    ui_settings().setValue(_PREFIX + key + "/geometry", widget.saveGeometry())


def restore_geometry(widget: QWidget, key: str, default: tuple[int, int]) -> None:
    """The size and place it had last time, if that still lies on a screen; otherwise the
    default size fitted to the screen."""
    value = ui_settings().value(_PREFIX + key + "/geometry")
    if isinstance(value, QByteArray) and not value.isEmpty() and widget.restoreGeometry(value):
        area = available_geometry(widget)
        if area.intersects(widget.frameGeometry()) and widget.width() <= area.width():
            return
    fit_to_screen(widget, *default)


def save_splitter(splitter: QSplitter, key: str) -> None:
    ui_settings().setValue(_PREFIX + key + "/splitter", splitter.saveState())


def restore_splitter(splitter: QSplitter, key: str) -> bool:
    value = ui_settings().value(_PREFIX + key + "/splitter")
    return isinstance(value, QByteArray) and not value.isEmpty() and splitter.restoreState(value)


def remember_splitter(splitter: QSplitter, key: str) -> None:
    """Restore the splitter now and save it every time the user moves it."""
    restore_splitter(splitter, key)
    splitter.splitterMoved.connect(lambda _pos, _index: save_splitter(splitter, key))
