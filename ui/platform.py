"""Everything that differs on Windows, behind one module with portable fallbacks.

Windows: screen-capture exclusion (SetWindowDisplayAffinity), the session's idle time while one
of our windows has the foreground (GetLastInputInfo), session lock / remote disconnect / sleep /
lid / display-off notifications, and the clipboard formats that keep a copied value out of
clipboard history and the cloud clipboard. Elsewhere each is a documented no-op, so the rest of
the program has no `if sys.platform`. The Win32 calls go through ui/win32.py, which declares
each function's prototype (tests replace its loader with a fake that checks them).
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from collections.abc import Callable
from ctypes import wintypes

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from ui.win32 import GUID, LASTINPUTINFO, POWERBROADCAST_SETTING, Win32

log = logging.getLogger(__name__)

IS_WINDOWS = sys.platform == "win32"
# SetWindowDisplayAffinity: left out of captures (Windows 10 2004+), else shown black in them.
WDA_MONITOR = 0x01
WDA_EXCLUDEFROMCAPTURE = 0x11
NOTIFY_FOR_THIS_SESSION = 0
DEVICE_NOTIFY_WINDOW_HANDLE = 0
WM_WTSSESSION_CHANGE = 0x02B1
WM_POWERBROADCAST = 0x0218
WTS_CONSOLE_DISCONNECT = 0x2
WTS_REMOTE_DISCONNECT = 0x4
WTS_SESSION_LOCK = 0x7
PBT_APMSUSPEND = 0x0004
PBT_APMRESUMESUSPEND = 0x0007
PBT_APMRESUMEAUTOMATIC = 0x0012
PBT_POWERSETTINGCHANGE = 0x8013
# Power settings whose value 0 locks: the display went off (0 off, 1 on, 2 dimmed), the lid was
# closed (0 closed, 1 opened). A Modern Standby laptop may never send PBT_APMSUSPEND; these
# come before it sleeps, and a resume locks too in case the suspend message was missed.
GUID_CONSOLE_DISPLAY_STATE = "6FE69556-704A-47A0-8F24-C28D936FDA47"
GUID_LIDSWITCH_STATE_CHANGE = "BA3E0F4D-B817-4094-A2D1-D56379E6A0F3"
WATCHED_POWER_SETTINGS = (GUID_CONSOLE_DISPLAY_STATE, GUID_LIDSWITCH_STATE_CHANGE)
_LOCKING_SESSION_EVENTS = frozenset(
    {WTS_CONSOLE_DISCONNECT, WTS_REMOTE_DISCONNECT, WTS_SESSION_LOCK}
)
_LOCKING_POWER_EVENTS = frozenset({PBT_APMSUSPEND, PBT_APMRESUMESUSPEND, PBT_APMRESUMEAUTOMATIC})
# Qt's names for a native event carrying a Windows MSG (window procedure, event dispatcher).
_MSG_EVENT_TYPES = frozenset({b"windows_generic_MSG", b"windows_dispatcher_MSG"})

AffinitySetter = Callable[[int], bool]

_win32: Win32 | None = None


def win32() -> Win32 | None:
    """The declared Win32 functions on Windows; None elsewhere (tests set a fake)."""
    global _win32
    if _win32 is None and IS_WINDOWS:
        _win32 = Win32()
    return _win32


def _windows_affinity_setter() -> AffinitySetter | None:
    api = win32()
    if api is None:
        return None

    def apply(hwnd: int) -> bool:
        if api.SetWindowDisplayAffinity(hwnd, WDA_EXCLUDEFROMCAPTURE):
            return True
        refused = api.last_error()
        # Before Windows 10 2004 the value may be refused: the window then shows black in a
        # capture instead of being left out, which still keeps the data out of it.
        if api.SetWindowDisplayAffinity(hwnd, WDA_MONITOR):
            log.info("capture exclusion refused (error %d); WDA_MONITOR applied", refused)
            return True
        log.warning("SetWindowDisplayAffinity failed (error %d)", api.last_error())
        return False

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
        # internalWinId, not winId: a window being destroyed has no handle any more (Qt sends
        # WinIdChange with 0), and winId() would create a new native window for it.
        hwnd = int(window.internalWinId())
        if not hwnd:
            return
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


def _foreground_is_ours(api: Win32) -> bool:
    hwnd = api.GetForegroundWindow()
    if not hwnd:
        return False
    process = wintypes.DWORD()
    if not api.GetWindowThreadProcessId(hwnd, ctypes.byref(process)):
        return False
    return process.value == os.getpid()


def system_idle_seconds() -> float | None:
    """Seconds since the last keyboard or mouse input in the Windows session, while a window
    of this program has the foreground: a native file dialog too, whose input Qt never sees.
    None elsewhere, and while another program has the foreground (its input is not work in
    this one, so only the input Qt sees counts then)."""
    api = win32()
    if api is None or not _foreground_is_ours(api):
        return None
    info = LASTINPUTINFO()
    info.cbSize = ctypes.sizeof(LASTINPUTINFO)
    if not api.GetLastInputInfo(ctypes.byref(info)):
        log.warning("GetLastInputInfo failed (error %d)", api.last_error())
        return None
    now = api.GetTickCount()
    # Both are milliseconds since boot in 32 bits: the difference survives the 49.7-day wrap.
    return ((now - info.dwTime) & 0xFFFFFFFF) / 1000.0


def _locks(msg: wintypes.MSG) -> bool:
    if msg.message == WM_WTSSESSION_CHANGE:
        return msg.wParam in _LOCKING_SESSION_EVENTS
    if msg.message != WM_POWERBROADCAST:
        return False
    if msg.wParam in _LOCKING_POWER_EVENTS:
        return True
    if msg.wParam != PBT_POWERSETTINGCHANGE or not msg.lParam:
        return False
    setting = POWERBROADCAST_SETTING.from_address(msg.lParam)
    watched = {GUID.parse(text).key() for text in WATCHED_POWER_SETTINGS}
    return setting.PowerSetting.key() in watched and setting.DataLength >= 4 and setting.Data == 0


class _SessionFilter(QAbstractNativeEventFilter):
    def __init__(self, hwnd: int, on_lock: Callable[[], None]) -> None:
        super().__init__()
        self._hwnd = hwnd
        self._on_lock = on_lock

    def nativeEventFilter(self, event_type: QByteArray | bytes, message: int) -> object:
        if bytes(event_type) not in _MSG_EVENT_TYPES or not message:
            return False, 0
        msg = wintypes.MSG.from_address(int(message))
        # Our registrations name this window; the broadcast suspend reaches every top-level
        # window, so it is taken once, from this one.
        if (msg.hWnd or 0) == self._hwnd and _locks(msg):
            self._on_lock()
        return False, 0


class SessionWatch:
    """One window registered for session-change and power-setting notifications, with the
    filter that turns them into a lock; `close()` undoes every registration (before the
    window is destroyed, as WTSUnRegisterSessionNotification's documentation asks)."""

    def __init__(
        self, app: QApplication, api: Win32, hwnd: int, on_lock: Callable[[], None]
    ) -> None:
        self._app = app
        self._api = api
        self.hwnd = hwnd
        self.filter = _SessionFilter(hwnd, on_lock)
        self.session_events = False
        self.power_handles: list[int] = []
        self.closed = False

    def start(self) -> None:
        api, hwnd = self._api, self.hwnd
        self.session_events = bool(
            api.WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION)
        )
        if not self.session_events:
            # Win+L then does not lock this window (Windows' own lock screen still hides it).
            log.warning("WTSRegisterSessionNotification failed (error %d)", api.last_error())
        for text in WATCHED_POWER_SETTINGS:
            guid = GUID.parse(text)
            handle = api.RegisterPowerSettingNotification(
                hwnd, ctypes.byref(guid), DEVICE_NOTIFY_WINDOW_HANDLE
            )
            if handle:
                self.power_handles.append(int(handle))
            else:
                log.warning("RegisterPowerSettingNotification failed (error %d)", api.last_error())
        self._app.installNativeEventFilter(self.filter)

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self._app.removeNativeEventFilter(self.filter)
        api = self._api
        if self.session_events and not api.WTSUnRegisterSessionNotification(self.hwnd):
            log.warning("WTSUnRegisterSessionNotification failed (error %d)", api.last_error())
        self.session_events = False
        for handle in self.power_handles:
            if not api.UnregisterPowerSettingNotification(handle):
                log.warning(
                    "UnregisterPowerSettingNotification failed (error %d)", api.last_error()
                )
        self.power_handles = []


def watch_session_lock(
    app: QApplication, window: QWidget, on_lock: Callable[[], None]
) -> SessionWatch | None:
    """Call `on_lock` on Win+L, a session disconnect, sleep, resume, lid close or display off;
    None elsewhere. The caller closes the watch when the window signs out or closes."""
    api = win32()
    if api is None:
        return None
    watch = SessionWatch(app, api, int(window.winId()), on_lock)
    watch.start()
    return watch


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
    api = win32()
    if api is None:
        return None
    return bool(api.GetKeyState(0x14) & 1)  # VK_CAPITAL; the low bit is the toggle
