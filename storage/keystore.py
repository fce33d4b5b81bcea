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
    """The OS keyring via `keyring`; fails closed, never falls back to plaintext."""

    kind = KIND_KEYRING

    def __init__(self) -> None:
        import keyring
        import keyring.errors

        self._keyring = keyring
        self._errors = keyring.errors
        self._backend = _select_backend()

    @property
    def backend_name(self) -> str:
        return backend_name(self._backend)

    def get(self, name: str) -> str | None:
        try:
            return self._backend.get_password(SERVICE, name)
        except (self._errors.KeyringError, OSError) as exc:
            raise KeystoreUnavailable(str(type(exc).__name__)) from exc

    def put(self, name: str, value: str) -> None:
        try:
            self._backend.set_password(SERVICE, name, value)
        except (self._errors.KeyringError, OSError) as exc:
            raise KeystoreUnavailable(str(type(exc).__name__)) from exc

    def delete(self, name: str) -> None:
        try:
            self._backend.delete_password(SERVICE, name)
        except self._errors.PasswordDeleteError:
            return
        except (self._errors.KeyringError, OSError) as exc:
            raise KeystoreUnavailable(str(type(exc).__name__)) from exc


# The backends that keep a secret encrypted by the OS for this user, per platform; any other
# (keyrings.alt's PlaintextKeyring, an encrypted file whose password sits beside it, a null or
# fail backend, whatever PYTHON_KEYRING_BACKEND or keyringrc.cfg names) is refused.
ALLOWED_BACKENDS = {
    "win32": frozenset({"keyring.backends.Windows.WinVaultKeyring"}),
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


def allowed_backends() -> frozenset[str]:
    platform = "linux" if sys.platform.startswith(("linux", "freebsd")) else sys.platform
    allowed = ALLOWED_BACKENDS.get(platform, frozenset())
    if os.environ.get(ENV_TEST_KEYRING) and not getattr(sys, "frozen", False):
        allowed |= TEST_BACKENDS
    return allowed


def _select_backend():  # type: ignore[no-untyped-def]
    import keyring
    import keyring.core

    allowed = allowed_backends()
    chosen = os.environ.get("PYTHON_KEYRING_BACKEND")
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
    elif sys.platform == "win32":
        # A frozen build loses keyring's entry points and would silently get the fail backend;
        # Credential Manager's default persistence roams with the profile (SECURITY.md §4).
        from keyring.backends.Windows import WinVaultKeyring

        backend = WinVaultKeyring()
        keyring.set_keyring(backend)
        if type(keyring.get_keyring()) is not WinVaultKeyring:
            raise KeystoreUnavailable("WinVaultKeyring not active")
    else:
        backend = _first_allowed(keyring.get_keyring(), allowed)
    name = backend_name(backend)
    if name not in allowed:
        log.warning("keyring backend %s refused: not on the allow-list", name)
        raise KeystoreUnavailable(f"keyring backend not allowed: {name}")
    if name == "keyring.backends.Windows.WinVaultKeyring":
        backend.persist = "local machine"
    return backend


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
