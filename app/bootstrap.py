"""The composition root: one data folder and one clock, from which the GUI reaches services."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.clock import Clock
from storage import keystore, vault
from storage.errors import StorageError


@dataclass(frozen=True)
class Workspace:
    data_dir: Path
    clock: Clock

    @property
    def paths(self) -> vault.VaultPaths:
        return vault.VaultPaths(self.data_dir)

    def has_data(self) -> bool:
        return self.paths.exists()

    def is_demo(self) -> bool:
        """A folder whose machine secret sits in a file (demo or development), shown as such."""
        try:
            return vault.describe(self.paths).secret_store == keystore.KIND_FILE
        except StorageError:
            return False
