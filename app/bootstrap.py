"""The composition root: one data folder and one clock, from which the GUI reaches services.

Imports only the light layout module, so the first window shows before the crypto stack loads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.clock import Clock
from storage.layout import VaultPaths, peek_secret_store

if TYPE_CHECKING:
    from storage.file_lock import InUse

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

    def hold_in_use(self) -> InUse | None:
        """Mark the folder as open in the GUI until the returned mark is released (or the
        process ends): a restore refuses to swap files under a running program."""
        from storage.file_lock import hold_in_use

        return hold_in_use(self.data_dir)

    def is_demo(self) -> bool:
        """A folder whose machine secret sits in a file (demo or development), shown as such."""
        return peek_secret_store(self.paths) == _FILE_STORE


def warm_up() -> None:
    """Import the sign-in stack (crypto, SQLCipher) in the background while the user types."""
    import app.services.auth  # noqa: F401
