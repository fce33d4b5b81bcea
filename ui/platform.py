"""Everything that differs on Windows, behind one module with portable fallbacks.

Windows: screen-capture exclusion (SetWindowDisplayAffinity), system-wide idle time
(GetLastInputInfo), session lock / remote disconnect / suspend notifications, and the clipboard
formats that keep a copied value out of clipboard history and the cloud clipboard. Elsewhere
each is a documented no-op, so the rest of the program has no `if sys.platform`.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

IS_WINDOWS = sys.platform == "win32"
WDA_EXCLUDEFROMCAPTURE = 0x11
_WM_WTSSESSION_CHANGE = 0x02B1
_WM_POWERBROADCAST = 0x0218
_PBT_APMSUSPEND = 0x0004
_LOCKING_SESSION_EVENTS = {0x2, 0x4, 0x7}  # console disconnect, remote disconnect, session lock

AffinitySetter = Callable[[int], bool]


def _windows_affinity_setter() -> AffinitySetter | None:
    if not IS_WINDOWS:
        return None
    user32 = ctypes.windll.user32  # type: ignore[attr-defined]

    def apply(hwnd: int) -> bool:
        return bool(user32.SetWindowDisplayAffinity(ctypes.c_void_p(hwnd), WDA_EXCLUDEFROMCAPTURE))

    return apply


class CaptureGuard(QObject):
    """Applies capture exclusion to every top-level window (dialogs and message boxes too),
    again whenever Qt recreates the native window; reports failures once."""

    def __init__(self, setter: AffinitySetter, on_failure: Callable[[], None]) -> None:
        super().__init__()
        self._setter = setter
        self._on_failure = on_failure
        self.failed = False
        self.applied: list[int] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in (QEvent.Type.Show, QEvent.Type.WinIdChange)
            and isinstance(watched, QWidget)
            and watched.isWindow()
        ):
            self.protect(watched)
        return False

    def protect(self, window: QWidget) -> None:
        hwnd = int(window.winId())
        if self._setter(hwnd):
            self.applied.append(hwnd)
        elif not self.failed:
            self.failed = True
            log.warning("screen-capture exclusion failed")
            self._on_failure()


def install_capture_guard(
    app: QApplication, on_failure: Callable[[], None], setter: AffinitySetter | None = None
) -> CaptureGuard | None:
    """Install the guard; None where the platform has no capture exclusion (not an error)."""
    chosen = setter or _windows_affinity_setter()
    if chosen is None:
        return None
    guard = CaptureGuard(chosen, on_failure)
    app.installEventFilter(guard)
    return guard


def system_idle_seconds() -> float | None:
    """Seconds since the last keyboard or mouse input anywhere in the session (Windows)."""
    if not IS_WINDOWS:
        return None

    class _LastInputInfo(ctypes.Structure):
        _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint)]

    info = _LastInputInfo()
    info.cbSize = ctypes.sizeof(info)
    if not ctypes.windll.user32.GetLastInputInfo(ctypes.byref(info)):  # type: ignore[attr-defined]
        return None
    now = ctypes.windll.kernel32.GetTickCount()  # type: ignore[attr-defined]
    return ((now - info.dwTime) & 0xFFFFFFFF) / 1000.0


class _SessionFilter(QAbstractNativeEventFilter):
    def __init__(self, on_lock: Callable[[], None]) -> None:
        super().__init__()
        self._on_lock = on_lock

    def nativeEventFilter(self, event_type: QByteArray | bytes, message: int) -> object:
        from ctypes import wintypes

        msg = wintypes.MSG.from_address(int(message))
        if (msg.message == _WM_WTSSESSION_CHANGE and msg.wParam in _LOCKING_SESSION_EVENTS) or (
            msg.message == _WM_POWERBROADCAST and msg.wParam == _PBT_APMSUSPEND
        ):
            self._on_lock()
        return False, 0


def watch_session_lock(app: QApplication, window: QWidget, on_lock: Callable[[], None]) -> object:
    """Call `on_lock` on Win+L, a remote-session disconnect or suspend; no-op elsewhere.
    Returns the filter, which the caller keeps alive."""
    if not IS_WINDOWS:
        return None
    ctypes.windll.wtsapi32.WTSRegisterSessionNotification(  # type: ignore[attr-defined]
        ctypes.c_void_p(int(window.winId())), 0
    )
    session_filter = _SessionFilter(on_lock)
    app.installNativeEventFilter(session_filter)
    return session_filter


def private_clipboard_formats() -> dict[str, bytes]:
    """Extra clipboard formats that keep a copied number out of history (KeePassXC's set)."""
    if IS_WINDOWS:
        return {
            "ExcludeClipboardContentFromMonitorProcessing": b"1",
            "CanIncludeInClipboardHistory": b"\x00\x00\x00\x00",
            "CanUploadToCloudClipboard": b"\x00\x00\x00\x00",
        }
    return {"x-kde-passwordManagerHint": b"secret"}


def caps_lock_on() -> bool | None:
    """Caps Lock state where the OS tells it (Windows); None means 'guess from typing'."""
    if not IS_WINDOWS:
        return None
    return bool(ctypes.windll.user32.GetKeyState(0x14) & 1)  # type: ignore[attr-defined]
