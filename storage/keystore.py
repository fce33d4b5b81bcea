"""Where the PC-bound secrets live: the OS keyring, or a 0600 file for demo/development folders."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Protocol

from storage.atomic import write_atomic
from storage.errors import KeystoreUnavailable

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
        cls = type(self._backend)
        return f"{cls.__module__}.{cls.__qualname__}"

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


def _select_backend():  # type: ignore[no-untyped-def]
    import keyring
    import keyring.backends.fail
    import keyring.core

    chosen = os.environ.get("PYTHON_KEYRING_BACKEND")
    if chosen:
        # Honoured as keyring itself does, but read at each open rather than cached at import.
        try:
            backend = keyring.core.load_keyring(chosen)
        except Exception as exc:  # keyring raises whatever the named module raises
            raise KeystoreUnavailable("configured keyring backend cannot be loaded") from exc
    elif sys.platform == "win32":
        # A frozen build loses keyring's entry points and would silently get the fail backend;
        # Credential Manager's default persistence roams with the profile (SECURITY.md §4).
        from keyring.backends.Windows import WinVaultKeyring

        backend = WinVaultKeyring()
        backend.persist = "local machine"
        keyring.set_keyring(backend)
        if type(keyring.get_keyring()) is not WinVaultKeyring:
            raise KeystoreUnavailable("WinVaultKeyring not active")
    else:
        backend = keyring.get_keyring()
    if isinstance(backend, keyring.backends.fail.Keyring) or _is_empty_chain(backend):
        raise KeystoreUnavailable(type(backend).__name__)
    return backend


def _is_empty_chain(backend: object) -> bool:
    from keyring.backends.chainer import ChainerBackend

    return isinstance(backend, ChainerBackend) and not backend.backends


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
