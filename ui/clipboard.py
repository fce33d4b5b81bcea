"""Copying a number: kept out of clipboard history, cleared after a timeout, on lock and on
exit, and only if the clipboard still holds what we put there (KeePassXC's rule)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QGuiApplication

from ui import platform


class SecureClipboard(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_if_ours)

    def copy(self, text: str, seconds: int) -> None:
        data = QMimeData()
        data.setText(text)
        for mime_type, value in platform.private_clipboard_formats().items():
            data.setData(mime_type, value)
        QGuiApplication.clipboard().setMimeData(data)
        self._ours = text
        self._timer.start(seconds * 1000)

    @property
    def holding(self) -> bool:
        return self._ours is not None

    def clear_if_ours(self) -> None:
        """Clear only our own copy: what the user copied since then is left alone."""
        self._timer.stop()
        if self._ours is None:
            return
        clipboard = QGuiApplication.clipboard()
        if clipboard.text() == self._ours:
            clipboard.clear()
        self._ours = None


_shared: SecureClipboard | None = None


def shared_clipboard() -> SecureClipboard:
    """One per application, so lock and exit can clear whatever any page copied."""
    global _shared
    if _shared is None:
        _shared = SecureClipboard(QGuiApplication.instance())
    return _shared
