"""Fixtures shared by the security tests: a backup holding a clerk's slot, and a count of
Argon2id derivations (each one a password tried against a slot)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services import backup
from storage import crypto
from tests.conftest import CLERK_PASSWORD, Office, add_member


@pytest.fixture
def backup_file(office: Office, tmp_path: Path) -> Path:
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD, ["kind:employee"])
    done = backup.make_backup(office.manager, tmp_path / "usb")
    office.manager.close()
    return done.path


@pytest.fixture
def kdf_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per Argon2id derivation (a password tried against a slot)."""
    calls: list[int] = []
    derive = crypto.argon2id

    def counted(secret: bytes, salt: bytes, params: crypto.KdfParams) -> bytearray:
        calls.append(1)
        return derive(secret, salt, params)

    monkeypatch.setattr(crypto, "argon2id", counted)
    return calls
