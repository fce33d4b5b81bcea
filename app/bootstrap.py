"""The composition root: one data folder and one clock, from which the GUI reaches services.

Imports only the light layout module, so the first window shows before the crypto stack loads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.clock import Clock
from storage.layout import VaultPaths, peek_secret_store

_FILE_STORE = "file"  # storage.keystore.KIND_FILE, without importing the keyring stack


@dataclass(frozen=True)
class Workspace:
    data_dir: Path
    clock: Clock

    @property
    def paths(self) -> VaultPaths:
        return VaultPaths(self.data_dir)

    def has_data(self) -> bool:
        return self.paths.exists()

    def is_demo(self) -> bool:
        """A folder whose machine secret sits in a file (demo or development), shown as such."""
        return peek_secret_store(self.paths) == _FILE_STORE


def warm_up() -> None:
    """Import the sign-in stack (crypto, SQLCipher) in the background while the user types."""
    import app.services.auth  # noqa: F401
