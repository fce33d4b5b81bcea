"""pywin32-ctypes' `win32ctypes.pywin32` (win32cred and pywintypes) as a fake Credential Manager,
so keyring's own Windows backend runs unchanged on any system.

Constants and the error type are those of pywin32-ctypes 0.2.3; CredWrite checks the fields
keyring passes as the real CredWriteW would (type, persistence, flags), keeps what it wrote,
and can be told to refuse with a Windows error code, as a policy or a session without a logon
(SSH, WinRM: ERROR_NO_SUCH_LOGON_SESSION) makes it.
"""

from __future__ import annotations

import importlib
import sys
import types
from dataclasses import dataclass, field
from typing import Any

import pytest

CRED_TYPE_GENERIC = 0x1
CRED_PERSIST_SESSION = 0x1
CRED_PERSIST_LOCAL_MACHINE = 0x2
CRED_PERSIST_ENTERPRISE = 0x3
ERROR_NOT_FOUND = 1168
ERROR_NO_SUCH_LOGON_SESSION = 1312


class error(Exception):  # pywintypes.error, as pywin32-ctypes defines it
    def __init__(self, *args: Any) -> None:
        self.winerror = args[0] if len(args) > 0 else None
        self.funcname = args[1] if len(args) > 1 else None
        self.strerror = args[2] if len(args) > 2 else None
        Exception.__init__(self, *args)


@dataclass
class CredentialManager:
    stored: dict[str, dict[str, Any]] = field(default_factory=dict)
    writes: list[dict[str, Any]] = field(default_factory=list)
    refuse_writes: int = 0
    refuse_reads: int = 0

    def CredWrite(self, Credential: dict[str, Any], Flags: int = 0) -> None:
        if self.refuse_writes:
            raise error(self.refuse_writes, "CredWrite", "refused")
        if Credential["Type"] != CRED_TYPE_GENERIC or Flags != 0:
            raise error(87, "CredWrite", "The parameter is incorrect.")
        if Credential["Persist"] not in (
            CRED_PERSIST_SESSION,
            CRED_PERSIST_LOCAL_MACHINE,
            CRED_PERSIST_ENTERPRISE,
        ):
            raise error(87, "CredWrite", "The parameter is incorrect.")
        self.writes.append(dict(Credential))
        self.stored[Credential["TargetName"]] = {
            "UserName": Credential["UserName"],
            "CredentialBlob": Credential["CredentialBlob"].encode("utf-16-le"),
            "Persist": Credential["Persist"],
        }

    def CredRead(self, TargetName: str, Type: int, Flags: int = 0) -> dict[str, Any]:
        if self.refuse_reads:
            raise error(self.refuse_reads, "CredRead", "refused")
        if TargetName not in self.stored:
            raise error(ERROR_NOT_FOUND, "CredRead", "Element not found.")
        return dict(self.stored[TargetName])

    def CredDelete(self, TargetName: str, Type: int, Flags: int = 0) -> None:
        if TargetName not in self.stored:
            raise error(ERROR_NOT_FOUND, "CredDelete", "Element not found.")
        del self.stored[TargetName]


def install(monkeypatch: pytest.MonkeyPatch, manager: CredentialManager) -> types.ModuleType:
    """`win32ctypes.pywin32` in sys.modules, keyring's Windows backend imported afresh on it,
    `storage.keystore` told it runs on Windows; all undone by the monkeypatch."""
    import keyring.backends
    from keyring.backend import KeyringBackend

    from storage import keystore

    pywintypes = types.ModuleType("win32ctypes.pywin32.pywintypes")
    pywintypes.error = error  # type: ignore[attr-defined]
    win32cred = types.ModuleType("win32ctypes.pywin32.win32cred")
    for name, value in globals().items():
        if name.startswith("CRED_"):
            setattr(win32cred, name, value)
    for name in ("CredWrite", "CredRead", "CredDelete"):
        setattr(win32cred, name, getattr(manager, name))
    package = types.ModuleType("win32ctypes")
    pywin32 = types.ModuleType("win32ctypes.pywin32")
    pywin32.pywintypes, pywin32.win32cred = pywintypes, win32cred  # type: ignore[attr-defined]
    package.pywin32 = pywin32  # type: ignore[attr-defined]
    for name, module in (
        ("win32ctypes", package),
        ("win32ctypes.pywin32", pywin32),
        ("win32ctypes.pywin32.pywintypes", pywintypes),
        ("win32ctypes.pywin32.win32cred", win32cred),
    ):
        monkeypatch.setitem(sys.modules, name, module)
    # Both the module and the package's attribute for it come back as they were (or go).
    monkeypatch.setattr(
        keyring.backends, "Windows", getattr(keyring.backends, "Windows", None), raising=False
    )
    name = "keyring.backends.Windows"
    monkeypatch.setitem(sys.modules, name, sys.modules.get(name))  # remembered for the undo
    del sys.modules[name]
    backend_module = importlib.import_module(name)
    # Its class registered itself with keyring; it must not be a candidate in later tests.
    KeyringBackend._classes.discard(backend_module.WinVaultKeyring)
    monkeypatch.setattr(keystore, "_platform", lambda: "win32")
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    return backend_module
