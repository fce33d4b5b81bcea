"""A stand-in for the Win32 DLLs that checks what Windows and ctypes would check.

Its table of prototypes is written from Microsoft's documentation, apart from ui/win32.py: a
call through a function whose `argtypes`/`restype` differ from it fails, as does an argument
ctypes could not convert, a NULL or unknown window handle, an unknown power-setting GUID, a
constant the function does not take, or an unregistration of what was never registered.
Every call is recorded; failures set the last error as Windows does.
"""

from __future__ import annotations

import ctypes
import itertools
import os
from collections.abc import Callable
from ctypes import wintypes
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication

from ui.win32 import Win32

ERROR_INVALID_HANDLE = 6
ERROR_INVALID_PARAMETER = 87
ERROR_INVALID_WINDOW_HANDLE = 1400
RPC_S_INVALID_BINDING = 1702


class LastInputInfo(ctypes.Structure):  # LASTINPUTINFO: UINT cbSize; DWORD dwTime
    _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_ulong)]


class Guid(ctypes.Structure):  # GUID: unsigned long, unsigned short x2, unsigned char[8]
    _fields_ = [
        ("Data1", ctypes.c_ulong),
        ("Data2", ctypes.c_ushort),
        ("Data3", ctypes.c_ushort),
        ("Data4", ctypes.c_ubyte * 8),
    ]


class PowerBroadcastSetting(ctypes.Structure):  # GUID PowerSetting; DWORD DataLength; data
    _fields_ = [("PowerSetting", Guid), ("DataLength", ctypes.c_ulong), ("Data", ctypes.c_ulong)]


HWND = HANDLE = ctypes.c_void_p
BOOL = ctypes.c_long
DWORD = ctypes.c_ulong
DOCUMENTED: dict[tuple[str, str], tuple[Any, tuple[Any, ...]]] = {
    ("user32", "SetWindowDisplayAffinity"): (BOOL, (HWND, DWORD)),
    ("user32", "GetLastInputInfo"): (BOOL, (ctypes.POINTER(LastInputInfo),)),
    ("kernel32", "GetTickCount"): (DWORD, ()),
    ("user32", "GetKeyState"): (ctypes.c_short, (ctypes.c_int,)),
    ("user32", "GetForegroundWindow"): (HWND, ()),
    ("user32", "GetWindowThreadProcessId"): (DWORD, (HWND, ctypes.POINTER(DWORD))),
    ("wtsapi32", "WTSRegisterSessionNotification"): (BOOL, (HWND, DWORD)),
    ("wtsapi32", "WTSUnRegisterSessionNotification"): (BOOL, (HWND,)),
    ("user32", "RegisterPowerSettingNotification"): (HANDLE, (HANDLE, ctypes.POINTER(Guid), DWORD)),
    ("user32", "UnregisterPowerSettingNotification"): (BOOL, (HANDLE,)),
}
WDA_NONE, WDA_MONITOR, WDA_EXCLUDEFROMCAPTURE = 0x0, 0x1, 0x11
NOTIFY_FOR_THIS_SESSION, NOTIFY_FOR_ALL_SESSIONS = 0, 1
DEVICE_NOTIFY_WINDOW_HANDLE = 0
# WinNT.h
POWER_SETTINGS = {
    "GUID_CONSOLE_DISPLAY_STATE": (0x6FE69556, 0x704A, 0x47A0, "8F24C28D936FDA47"),
    "GUID_LIDSWITCH_STATE_CHANGE": (0xBA3E0F4D, 0xB817, 0x4094, "A2D1D56379E6A0F3"),
    "GUID_ACDC_POWER_SOURCE": (0x5D3E9A59, 0xE9D5, 0x4B00, "A6BDFF34FF516548"),
}
WM_WTSSESSION_CHANGE = 0x02B1
WM_POWERBROADCAST = 0x0218
WTS_SESSION_LOCK, WTS_SESSION_UNLOCK, WTS_REMOTE_DISCONNECT = 0x7, 0x8, 0x4
PBT_APMSUSPEND, PBT_APMRESUMEAUTOMATIC, PBT_POWERSETTINGCHANGE = 0x4, 0x12, 0x8013
PBT_APMPOWERSTATUSCHANGE = 0xA


def guid(name: str) -> Guid:
    data1, data2, data3, tail = POWER_SETTINGS[name]
    return Guid(data1, data2, data3, (ctypes.c_ubyte * 8)(*bytes.fromhex(tail)))


def _guid_name(value: Any) -> str | None:
    seen = (value.Data1, value.Data2, value.Data3, bytes(value.Data4))
    for name in POWER_SETTINGS:
        known = guid(name)
        if seen == (known.Data1, known.Data2, known.Data3, bytes(known.Data4)):
            return name
    return None


def _same_type(declared: Any, documented: Any) -> bool:
    if declared is documented:
        return True
    if isinstance(declared, type) and issubclass(declared, ctypes._Pointer):
        return issubclass(documented, ctypes._Pointer) and _same_layout(
            declared._type_, documented._type_
        )
    return False


def _same_layout(declared: Any, documented: Any) -> bool:
    if declared is documented:
        return True
    if issubclass(declared, ctypes.Structure) and issubclass(documented, ctypes.Structure):
        mine, theirs = declared._fields_, documented._fields_
        return len(mine) == len(theirs) and all(
            _same_layout(a[1], b[1]) for a, b in zip(mine, theirs, strict=True)
        )
    if issubclass(declared, ctypes.Array) and issubclass(documented, ctypes.Array):
        return declared._length_ == documented._length_ and _same_layout(
            declared._type_, documented._type_
        )
    return False


def _target(argument: Any) -> Any:
    """What a byref()/pointer() argument points at."""
    return argument._obj if hasattr(argument, "_obj") else argument.contents


class FakeFunction:
    def __init__(self, fake: FakeWindows, dll: str, name: str) -> None:
        self._fake, self._dll, self._name = fake, dll, name
        self.argtypes: list[Any] | None = None
        self.restype: Any = ctypes.c_int  # ctypes' default, as for an undeclared function

    def __call__(self, *args: Any) -> Any:
        restype, argtypes = DOCUMENTED[(self._dll, self._name)]
        declared = tuple(self.argtypes or ())
        if len(declared) != len(argtypes) or not all(
            _same_type(a, b) for a, b in zip(declared, argtypes, strict=True)
        ):
            raise AssertionError(f"{self._name}: argtypes {declared} are not {argtypes}")
        if not _same_type(self.restype, restype):
            raise AssertionError(f"{self._name}: restype {self.restype} is not {restype}")
        if len(args) != len(argtypes):
            raise TypeError(f"{self._name} takes {len(argtypes)} arguments")
        for kind, value in zip(declared, args, strict=True):
            kind.from_param(value)  # as ctypes converts it; a wrong value raises here
        self._fake.calls.append((self._name, args))
        return getattr(self._fake, self._name)(*args)


class FakeLibrary:
    def __init__(self, fake: FakeWindows, dll: str) -> None:
        self._fake, self._dll = fake, dll
        self._functions: dict[str, FakeFunction] = {}

    def __getattr__(self, name: str) -> FakeFunction:
        if (self._dll, name) not in DOCUMENTED:
            raise AttributeError(f"function '{name}' not found in {self._dll}.dll")
        return self._functions.setdefault(name, FakeFunction(self._fake, self._dll, name))


class FakeWindows:
    """The state Windows keeps for these calls, and knobs to make them fail."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.error = 0
        self.exclude_from_capture_supported = True
        self.session_registration_error = 0
        self.affinity: dict[int, int] = {}
        self.session_windows: set[int] = set()
        self.power: dict[int, tuple[int, str]] = {}
        self._handles = itertools.count(0x7FF6_1234_0000)  # above 32 bits, as on x64
        self.foreground = (0x10_0000, os.getpid())
        self.tick = 1_000_000
        self.last_input = 1_000_000
        self.caps_lock = False

    def win32(self) -> Win32:
        return Win32(lambda dll: FakeLibrary(self, dll), lambda: self.error)

    def called(self, name: str) -> list[tuple[Any, ...]]:
        return [args for called, args in self.calls if called == name]

    def _fail(self, error: int, result: Any = 0) -> Any:
        self.error = error
        return result

    # --- the functions --------------------------------------------------------------------

    def SetWindowDisplayAffinity(self, hwnd: int | None, affinity: int) -> int:
        if not hwnd:
            return self._fail(ERROR_INVALID_WINDOW_HANDLE)
        if affinity not in (WDA_NONE, WDA_MONITOR, WDA_EXCLUDEFROMCAPTURE):
            return self._fail(ERROR_INVALID_PARAMETER)
        if affinity == WDA_EXCLUDEFROMCAPTURE and not self.exclude_from_capture_supported:
            return self._fail(ERROR_INVALID_PARAMETER)
        self.affinity[hwnd] = affinity
        return 1

    def GetLastInputInfo(self, info: Any) -> int:
        target = _target(info)
        if target.cbSize != ctypes.sizeof(LastInputInfo):
            return self._fail(ERROR_INVALID_PARAMETER)
        target.dwTime = self.last_input & 0xFFFFFFFF
        return 1

    def GetTickCount(self) -> int:
        return self.tick & 0xFFFFFFFF

    def GetKeyState(self, key: int) -> int:
        return 1 if key == 0x14 and self.caps_lock else 0

    def GetForegroundWindow(self) -> int | None:
        return self.foreground[0] or None

    def GetWindowThreadProcessId(self, hwnd: int | None, process: Any) -> int:
        if not hwnd:
            return self._fail(ERROR_INVALID_WINDOW_HANDLE)
        _target(process).value = self.foreground[1]
        return 4242

    def WTSRegisterSessionNotification(self, hwnd: int | None, flags: int) -> int:
        if not hwnd:
            return self._fail(ERROR_INVALID_WINDOW_HANDLE)
        if flags not in (NOTIFY_FOR_THIS_SESSION, NOTIFY_FOR_ALL_SESSIONS):
            return self._fail(ERROR_INVALID_PARAMETER)
        if self.session_registration_error:
            return self._fail(self.session_registration_error)
        self.session_windows.add(hwnd)
        return 1

    def WTSUnRegisterSessionNotification(self, hwnd: int | None) -> int:
        if hwnd not in self.session_windows:
            return self._fail(ERROR_INVALID_PARAMETER)
        self.session_windows.discard(hwnd)
        return 1

    def RegisterPowerSettingNotification(self, hwnd: int | None, setting: Any, flags: int) -> Any:
        if not hwnd:
            return self._fail(ERROR_INVALID_HANDLE, None)
        name = _guid_name(_target(setting))
        if flags != DEVICE_NOTIFY_WINDOW_HANDLE or name is None:
            return self._fail(ERROR_INVALID_PARAMETER, None)
        handle = next(self._handles)
        self.power[handle] = (hwnd, name)
        return handle

    def UnregisterPowerSettingNotification(self, handle: int | None) -> int:
        if handle not in self.power:
            return self._fail(ERROR_INVALID_HANDLE)
        del self.power[handle]
        return 1


class NativeEvents:
    """The native event filters installed on the application, and a way to deliver a
    window message to them as Qt does on Windows (a pointer to an MSG)."""

    def __init__(self) -> None:
        self.filters: list[Any] = []

    def install(self, patch: Callable[[Any, str, Any], None]) -> None:
        patch(QCoreApplication, "installNativeEventFilter", lambda _app, f: self.filters.append(f))
        patch(
            QCoreApplication,
            "removeNativeEventFilter",
            lambda _app, f: self.filters.remove(f) if f in self.filters else None,
        )

    def send(self, hwnd: int, message: int, wparam: int, lparam: int = 0) -> None:
        msg = wintypes.MSG()
        msg.hWnd, msg.message, msg.wParam, msg.lParam = hwnd, message, wparam, lparam
        for native_filter in list(self.filters):
            native_filter.nativeEventFilter(
                QByteArray(b"windows_generic_MSG"), ctypes.addressof(msg)
            )

    def send_power_setting(self, hwnd: int, name: str, value: int) -> None:
        setting = PowerBroadcastSetting(guid(name), 4, value)
        self.send(hwnd, WM_POWERBROADCAST, PBT_POWERSETTINGCHANGE, ctypes.addressof(setting))
