"""A signed-in member: the open vault, who they are, and the clock every service uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.clock import Clock
from app.domain.settings import SettingKey
from app.domain.staff import StaffMember

if TYPE_CHECKING:  # the vault stack loads with sign-in, not with the first window
    from storage.vault import Vault


@dataclass
class Session:
    vault: Vault
    user: StaffMember
    clock: Clock
    settings: dict[SettingKey, int | bool] = field(default_factory=dict)

    @property
    def is_open(self) -> bool:
        return self.vault.is_open

    def close(self) -> None:
        """Sign-out and lock: close the connection and zero every key."""
        self.vault.close()
