"""Keys derived from this PC's machine secret for one database: the outer layer of every
slot, the login ids (so the file names no login), and the sign-in counters' MAC."""

from __future__ import annotations

from dataclasses import dataclass

from storage import crypto


@dataclass
class MachineKeys:
    """Keys derived from the machine secret; zeroed with `wipe`."""

    outer: bytearray
    login: bytearray
    throttle: bytearray

    @classmethod
    def derive(cls, machine_secret: bytes | bytearray, vault_id: str) -> MachineKeys:
        salt = vault_id.encode()
        return cls(
            outer=crypto.hkdf(machine_secret, salt=salt, info=b"slot-outer v1"),
            login=crypto.hkdf(machine_secret, salt=salt, info=b"login-id v1"),
            throttle=crypto.hkdf(machine_secret, salt=salt, info=b"throttle v1"),
        )

    def login_id(self, login: str) -> str:
        return crypto.mac(self.login, login.encode("utf-8")).hex()

    def wipe(self) -> None:
        for key in (self.outer, self.login, self.throttle):
            crypto.zero(key)
