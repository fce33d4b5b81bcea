"""The Win32 functions the program calls, each declared with the prototype of its documentation.

ctypes calls a function it was told nothing about with C ints: a 64-bit handle comes back cut
to 32 bits and a pointer argument is passed as whatever it happens to be. So every function is
reached through `Win32`, which sets `argtypes` and `restype` from the table below before the
first call, and loads its DLL with `use_last_error` so that a failure can be logged with its
reason (GetLastError, read through ctypes' own copy). Tests give `Win32` a fake loader that
compares these declarations with its own copy of the documented prototypes.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from ctypes import wintypes
from typing import Any, NamedTuple


class LASTINPUTINFO(ctypes.Structure):
    _fields_ = [("cbSize", wintypes.UINT), ("dwTime", wintypes.DWORD)]


class GUID(ctypes.Structure):
    _fields_ = [
        ("Data1", wintypes.DWORD),
        ("Data2", wintypes.WORD),
        ("Data3", wintypes.WORD),
        ("Data4", ctypes.c_ubyte * 8),  # unsigned char, which wintypes.BYTE (signed) is not
    ]

    @classmethod
    def parse(cls, text: str) -> GUID:
        """From the registry form, 6FE69556-704A-47A0-8F24-C28D936FDA47."""
        parts = text.split("-")
        tail = bytes.fromhex(parts[3] + parts[4])
        return cls(
            int(parts[0], 16),
            int(parts[1], 16),
            int(parts[2], 16),
            (ctypes.c_ubyte * 8)(*tail),
        )

    def key(self) -> tuple[int, int, int, bytes]:
        return (self.Data1, self.Data2, self.Data3, bytes(self.Data4))


class POWERBROADCAST_SETTING(ctypes.Structure):
    """The head of the structure WM_POWERBROADCAST/PBT_POWERSETTINGCHANGE points at; the
    settings we watch carry one DWORD of data."""

    _fields_ = [("PowerSetting", GUID), ("DataLength", wintypes.DWORD), ("Data", wintypes.DWORD)]


class Prototype(NamedTuple):
    dll: str
    restype: Any
    argtypes: tuple[Any, ...]


# winuser.h, wtsapi32.h and sysinfoapi.h as Microsoft documents them.
PROTOTYPES: dict[str, Prototype] = {
    # BOOL SetWindowDisplayAffinity(HWND hWnd, DWORD dwAffinity)
    "SetWindowDisplayAffinity": Prototype("user32", wintypes.BOOL, (wintypes.HWND, wintypes.DWORD)),
    # BOOL GetLastInputInfo(PLASTINPUTINFO plii)
    "GetLastInputInfo": Prototype("user32", wintypes.BOOL, (ctypes.POINTER(LASTINPUTINFO),)),
    # DWORD GetTickCount(void)
    "GetTickCount": Prototype("kernel32", wintypes.DWORD, ()),
    # SHORT GetKeyState(int nVirtKey)
    "GetKeyState": Prototype("user32", wintypes.SHORT, (ctypes.c_int,)),
    # HWND GetForegroundWindow(void)
    "GetForegroundWindow": Prototype("user32", wintypes.HWND, ()),
    # DWORD GetWindowThreadProcessId(HWND hWnd, LPDWORD lpdwProcessId)
    "GetWindowThreadProcessId": Prototype(
        "user32", wintypes.DWORD, (wintypes.HWND, ctypes.POINTER(wintypes.DWORD))
    ),
    # BOOL WTSRegisterSessionNotification(HWND hWnd, DWORD dwFlags)
    "WTSRegisterSessionNotification": Prototype(
        "wtsapi32", wintypes.BOOL, (wintypes.HWND, wintypes.DWORD)
    ),
    # BOOL WTSUnRegisterSessionNotification(HWND hWnd)
    "WTSUnRegisterSessionNotification": Prototype("wtsapi32", wintypes.BOOL, (wintypes.HWND,)),
    # HPOWERNOTIFY RegisterPowerSettingNotification(HANDLE hRecipient, LPCGUID PowerSettingGuid,
    #                                               DWORD Flags)
    "RegisterPowerSettingNotification": Prototype(
        "user32", wintypes.HANDLE, (wintypes.HANDLE, ctypes.POINTER(GUID), wintypes.DWORD)
    ),
    # BOOL UnregisterPowerSettingNotification(HPOWERNOTIFY Handle)
    "UnregisterPowerSettingNotification": Prototype("user32", wintypes.BOOL, (wintypes.HANDLE,)),
}

Loader = Callable[[str], Any]


def _load_windows(dll: str) -> Any:
    return ctypes.WinDLL(dll, use_last_error=True)  # type: ignore[attr-defined]


def _last_error_windows() -> int:
    return int(ctypes.get_last_error())  # type: ignore[attr-defined]


class Win32:
    """`win32.SetWindowDisplayAffinity(hwnd, 0x11)`: the function, declared, from its DLL."""

    def __init__(
        self,
        load: Loader = _load_windows,
        last_error: Callable[[], int] = _last_error_windows,
    ) -> None:
        self._load = load
        self._libraries: dict[str, Any] = {}
        self._functions: dict[str, Any] = {}
        self.last_error = last_error

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in PROTOTYPES:
            raise AttributeError(name)
        function = self._functions.get(name)
        if function is None:
            prototype = PROTOTYPES[name]
            library = self._libraries.get(prototype.dll)
            if library is None:
                library = self._libraries[prototype.dll] = self._load(prototype.dll)
            function = getattr(library, name)
            function.argtypes = list(prototype.argtypes)
            function.restype = prototype.restype
            self._functions[name] = function
        return function
