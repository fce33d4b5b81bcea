"""Where the PC-bound secrets live: the OS keyring, or a 0600 file for demo/development folders."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Protocol

from storage.atomic import write_atomic
from storage.errors import KeystoreUnavailable

log = logging.getLogger(__name__)

SERVICE = "MyNumber Desk"
KIND_KEYRING = "keyring"
KIND_FILE = "file"


class SecretStore(Protocol):
    kind: str

    def get(self, name: str) -> str | None: ...

    def put(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


class KeyringStore:
    """The OS keyring via `keyring`; fails closed, never falls back to plaintext. Every error
    the backend raises for an unusable store becomes KeystoreUnavailable (on Windows that
    includes pywintypes.error, which is no OSError: a Credential Manager blocked by policy or
    unavailable in an SSH or WinRM session)."""

    kind = KIND_KEYRING

    def __init__(self) -> None:
        import keyring.errors

        self._errors = keyring.errors
        self._backend, backend_errors = _select_backend()
        self._refusals: tuple[type[BaseException], ...] = (
            keyring.errors.KeyringError,
            OSError,
            *backend_errors,
        )

    @property
    def backend_name(self) -> str:
        return backend_name(self._backend)

    def get(self, name: str) -> str | None:
        try:
            return self._backend.get_password(SERVICE, name)
        except self._refusals as exc:
            raise _unavailable(exc) from exc

    def put(self, name: str, value: str) -> None:
        try:
            self._backend.set_password(SERVICE, name, value)
        except self._refusals as exc:
            raise _unavailable(exc) from exc

    def delete(self, name: str) -> None:
        try:
            self._backend.delete_password(SERVICE, name)
        except self._errors.PasswordDeleteError:
            return
        except self._refusals as exc:
            raise _unavailable(exc) from exc


def _unavailable(exc: BaseException) -> KeystoreUnavailable:
    """The error's type and Windows error code only: its text may name the credential."""
    code = getattr(exc, "winerror", None)
    reason = type(exc).__name__ + (f" (winerror {code})" if code is not None else "")
    log.warning("keyring refused: %s", reason)
    return KeystoreUnavailable(reason)


WINDOWS_BACKEND = "keyring.backends.Windows.WinVaultKeyring"
# The backends that keep a secret encrypted by the OS for this user, per platform; any other
# (keyrings.alt's PlaintextKeyring, an encrypted file whose password sits beside it, a null or
# fail backend, whatever PYTHON_KEYRING_BACKEND or keyringrc.cfg names) is refused.
ALLOWED_BACKENDS = {
    "win32": frozenset({WINDOWS_BACKEND}),
    "darwin": frozenset({"keyring.backends.macOS.Keyring"}),
    "linux": frozenset(
        {
            "keyring.backends.SecretService.Keyring",
            "keyring.backends.kwallet.DBusKeyring",
            "keyring.backends.kwallet.DBusKeyringKWallet4",
        }
    ),
}
# The test suite's keyring (a JSON file, this machine having no OS keyring): accepted only
# while the suite's own switch names its file, and never in an installed build.
ENV_TEST_KEYRING = "MYNUMBER_DESK_TEST_KEYRING_FILE"
TEST_BACKENDS = frozenset(
    {"tests.support.file_keyring.FileKeyring", "tests.support.crash_child.AtomicFileKeyring"}
)


def backend_name(backend: object) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _platform() -> str:
    return "linux" if sys.platform.startswith(("linux", "freebsd")) else sys.platform


def allowed_backends() -> frozenset[str]:
    allowed = ALLOWED_BACKENDS.get(_platform(), frozenset())
    if os.environ.get(ENV_TEST_KEYRING) and not getattr(sys, "frozen", False):
        allowed |= TEST_BACKENDS
    return allowed


def _select_backend() -> tuple[object, tuple[type[BaseException], ...]]:
    """The backend, and the errors it raises for a store it cannot use beyond keyring's."""
    import keyring.core

    allowed = allowed_backends()
    chosen = os.environ.get("PYTHON_KEYRING_BACKEND")
    if _platform() == "win32" and chosen in (None, "", WINDOWS_BACKEND):
        return _credential_manager()
    if chosen:
        # Honoured as keyring itself does (read at each open rather than cached at import),
        # but only for a backend on the list, on Windows too; another is not even imported.
        if chosen not in allowed:
            log.warning("keyring backend %s refused: not on the allow-list", chosen)
            raise KeystoreUnavailable("configured keyring backend not allowed")
        try:
            backend = keyring.core.load_keyring(chosen)
        except Exception as exc:  # keyring raises whatever the named module raises
            raise KeystoreUnavailable("configured keyring backend cannot be loaded") from exc
    else:
        backend = _first_allowed(keyring.get_keyring(), allowed)
    name = backend_name(backend)
    if name not in allowed:
        log.warning("keyring backend %s refused: not on the allow-list", name)
        raise KeystoreUnavailable(f"keyring backend not allowed: {name}")
    return backend, ()


def _credential_manager() -> tuple[object, tuple[type[BaseException], ...]]:
    """Windows: Credential Manager with CRED_PERSIST_LOCAL_MACHINE, or nothing. Built here
    rather than found through keyring's entry points (a frozen build loses them and would get
    the fail backend); keyring's default persistence, ENTERPRISE, roams with the profile to
    other PCs (SECURITY.md §4), and KEYRING_PROPERTY_PERSIST in the environment must not bring
    it back."""
    from keyring.backends import Windows

    if not Windows.WinVaultKeyring.viable:
        # Without pywin32-ctypes (or pywin32) the backend imports but dies at its first call.
        log.warning("Credential Manager unusable: pywin32-ctypes is missing")
        raise KeystoreUnavailable("WinVaultKeyring not viable: pywin32-ctypes missing")
    local_machine = Windows.win32cred.CRED_PERSIST_LOCAL_MACHINE
    try:
        backend = Windows.WinVaultKeyring()  # applies KEYRING_PROPERTY_* from the environment
        backend.persist = local_machine
    except Exception as exc:  # a bad KEYRING_PROPERTY_PERSIST raises from the backend
        raise KeystoreUnavailable("WinVaultKeyring cannot be configured") from exc
    if backend.persist != local_machine:
        raise KeystoreUnavailable("Credential Manager persistence is not local machine")
    return backend, (Windows.pywintypes.error,)


def _first_allowed(backend: object, allowed: frozenset[str]) -> object:
    """keyring's chain tries every viable backend in turn, a plaintext one included, and
    stores in the first that works: only its best allowed member is used, alone."""
    from keyring.backends.chainer import ChainerBackend

    if isinstance(backend, ChainerBackend):
        for member in backend.backends:
            if backend_name(member) in allowed:
                return member
    return backend


class FileStore:
    """Demo and development only: secrets in a 0600 JSON file beside the database."""

    kind = KIND_FILE

    def __init__(self, path: Path) -> None:
        self.path = path

    def _load(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise KeystoreUnavailable("insecure secret file unreadable") from exc
        if not isinstance(data, dict):
            raise KeystoreUnavailable("insecure secret file malformed")
        return {str(k): str(v) for k, v in data.items()}

    def get(self, name: str) -> str | None:
        return self._load().get(name)

    def put(self, name: str, value: str) -> None:
        data = self._load()
        data[name] = value
        write_atomic(self.path, json.dumps(data, indent=1).encode("utf-8"), mode=0o600)

    def delete(self, name: str) -> None:
        data = self._load()
        if data.pop(name, None) is not None:
            write_atomic(self.path, json.dumps(data, indent=1).encode("utf-8"), mode=0o600)


def keyring_backend_in_use() -> tuple[str | None, str]:
    """The backend KeyringStore would use here and "", or None and why none would be (for
    --version and the About dialog); nothing is read from or written to the store."""
    try:
        return KeyringStore().backend_name, ""
    except KeystoreUnavailable as exc:
        return None, str(exc)
    except Exception as exc:  # keyring's own discovery failing is a fact to show, not a crash
        return None, type(exc).__name__
