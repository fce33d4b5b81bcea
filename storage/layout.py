"""The files of a data folder; importable without the crypto stack, so start-up stays light."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class VaultPaths:
    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "vault.db"

    @property
    def slots(self) -> Path:
        return self.data_dir / "keyslots.json"

    @property
    def insecure_secrets(self) -> Path:
        return self.data_dir / "insecure-machine-secret.json"

    @property
    def upgrade_backups(self) -> Path:
        return self.data_dir / "pre-upgrade"

    def exists(self) -> bool:
        return self.database.exists() or self.slots.exists()


def peek_secret_store(paths: VaultPaths) -> str | None:
    """Where the machine secret lives ("keyring" or "file"), read without any key; None when
    the slot file is missing or unreadable (opening will report that properly)."""
    try:
        data = json.loads(paths.slots.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get("secret_store") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None
