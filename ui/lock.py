"""Auto-lock: idle time inside the app and system-wide, and the lock screen that asks the same
member's password again."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import SignInFailed
from ui import platform
from ui.errors import message_for
from ui.password_edit import PasswordEdit
from ui.styles import make_primary, set_role

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Counts idle seconds from the input Qt sees and, on Windows while a window of this
    program has the foreground, from the session's last input: typing in a native dialog (the
    Windows print dialog) is work in this program that Qt never sees, and must not lock it
    under the member's hands.
    With another program in front only Qt's count runs, so a window left behind still locks."""

    expired = Signal()
    tick = Signal(int)  # seconds left

    def __init__(
        self,
        timeout_seconds: int,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        system_idle: Callable[[], float | None] = platform.system_idle_seconds,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.timeout_seconds = timeout_seconds
        self._monotonic = monotonic
        self._system_idle = system_idle
        self._last_input = monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.check)
        self.active = False

    def start(self) -> None:
        self._last_input = self._monotonic()
        self.active = True
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    def touch(self) -> None:
        """Count from now, as after input (used when the timeout itself changes)."""
        self._last_input = self._monotonic()

    def stop(self) -> None:
        self.active = False
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last_input = self._monotonic()
        return False

    def seconds_left(self) -> int:
        app_idle = self._monotonic() - self._last_input
        system = self._system_idle()
        # Any input to this program counts: what Qt saw, or what the session saw while our
        # window (or our native dialog) was in front. The session count is never more than
        # Qt's, so taking the larger (as before) made it count for nothing.
        idle = app_idle if system is None else min(app_idle, system)
        return max(int(self.timeout_seconds - idle + 0.999), 0)

    def check(self) -> None:
        if not self.active:
            return
        left = self.seconds_left()
        self.tick.emit(left)
        if left <= 0:
            self.stop()
            self.expired.emit()


class LockScreen(QWidget):
    """Shown instead of every page while locked; nothing personal is on it but the name of the
    member who may unlock."""

    unlock_requested = Signal(str)
    sign_out_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.title = QLabel(self.tr("Screen locked"))
        self.title.setObjectName("lockTitle")
        set_role(self.title, "heading")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = QLabel()
        self.who.setObjectName("lockedUserLabel")
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who.setWordWrap(True)
        self.password_edit = PasswordEdit()
        self.password_edit.setObjectName("unlockPasswordEdit")
        self.password_edit.setMaximumWidth(320)
        self.password_edit.returnPressed.connect(self._submit)
        self.message = QLabel()
        self.message.setObjectName("unlockMessageLabel")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.message, "error")
        self.unlock_button = QPushButton(self.tr("Unlock the screen"))
        self.unlock_button.setObjectName("unlockButton")
        make_primary(self.unlock_button)
        self.unlock_button.clicked.connect(self._submit)
        self.sign_out_button = QPushButton(self.tr("Sign out (another member)"))
        self.sign_out_button.setObjectName("lockSignOutButton")
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch()
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.password_edit)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(self.title)
        layout.addWidget(self.who)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addStretch()

    def prepare(self, display_name: str, login: str) -> None:
        self.who.setText(
            self.tr(
                "The screen was locked to protect personal data. %1 (%2) can unlock it with "
                "their password."
            )
            .replace("%1", display_name)
            .replace("%2", login)
        )
        self.password_edit.clear()
        self.message.clear()
        self.set_busy(False)
        self.password_edit.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.unlock_button.setEnabled(not busy)
        self.password_edit.setEnabled(not busy)

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.password_edit.clear()
        self.message.setText(text)
        self.password_edit.setFocus()

    def show_failure(self, error: BaseException) -> None:
        """Why the screen stayed locked. The member is known here, so a wrong password is
        called just that (the sign-in's wording also names the user name); an account lockout
        and every other failure keep their own text."""
        if isinstance(error, SignInFailed):
            self.show_error(self.tr("Wrong password."))
        else:
            self.show_error(message_for(error))

    def _submit(self) -> None:
        password = self.password_edit.text()
        if not password:
            self.message.setText(self.tr("Enter your password."))
            return
        self.set_busy(True)
        self.unlock_requested.emit(password)
