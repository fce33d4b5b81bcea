"""The masked password field every screen uses (sign-in, lock screen, password dialogs)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from ui import platform


class PasswordEdit(QLineEdit):
    """Masked input that tells whether Caps Lock seems to be on."""

    caps_lock_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self._caps = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        known = platform.caps_lock_on()
        if known is not None:
            caps = known
        elif text.isalpha() and text.isascii():
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            caps = text.isupper() != shift
        else:
            caps = self._caps
        if caps != self._caps:
            self._caps = caps
            self.caps_lock_changed.emit(caps)
        super().keyPressEvent(event)
