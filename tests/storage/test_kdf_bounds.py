"""Argon2id costs read from the slot file have ceilings (issue 14 item 9).

keyslots.json is plain JSON that anyone with the folder can edit; iterations=2^31 used to
hang a sign-in and memory_kib=2^31 to crash it. The values are now checked when the file is
read, before any password is derived, and refused with their own message.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app import errors
from app.services import auth, backup, verify
from storage import crypto
from storage.backup import MAGIC
from storage.vault import VaultPaths
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office

HUGE = 2**31


@pytest.fixture
def no_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any derivation fails the test: the refusal must come before one is started."""

    def refused(*_args: object) -> bytearray:
        raise AssertionError("a password was derived with the edited parameters")

    monkeypatch.setattr(crypto, "argon2id", refused)


def _edit_slots(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _user_kdfs(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [slot["private_key"]["kdf"] for slot in data["slots"].values() if slot["kind"] == "user"]


def test_params_have_ceilings() -> None:
    crypto.KdfParams(crypto.CEILING_MEMORY_KIB, crypto.CEILING_ITERATIONS, crypto.CEILING_LANES)
    for too_much in (
        {"memory_kib": crypto.CEILING_MEMORY_KIB + 1},
        {"iterations": crypto.CEILING_ITERATIONS + 1},
        {"lanes": crypto.CEILING_LANES + 1},
        {"iterations": 3.5},
        {"iterations": True},
        {"memory_kib": "65536"},
    ):
        with pytest.raises(crypto.KdfParamsOutOfRange):
            crypto.KdfParams(**{**vars(crypto.DEFAULT_KDF), **too_much})  # type: ignore[arg-type]
    # What calibration may choose stays inside them.
    assert crypto.DEFAULT_KDF.memory_kib <= crypto.CEILING_MEMORY_KIB


@pytest.mark.parametrize(
    "field",
    ["iterations", "memory_kib", "lanes"],
)
def test_a_huge_cost_in_a_user_slot_is_refused_before_any_derivation(
    office: Office, no_kdf: None, field: str
) -> None:
    office.manager.close()

    def huge(data: dict[str, Any]) -> None:
        for kdf in _user_kdfs(data):
            kdf[field] = HUGE

    _edit_slots(office.data.slots, huge)
    with pytest.raises(errors.KeyFileInvalidValue) as refused:
        auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    assert "鍵スロットのファイル" in refused.value.message
    assert "不正な値" in refused.value.message
    # The password-free check reads the same file and says the same.
    with pytest.raises(errors.KeyFileInvalidValue):
        verify.check_files(office.data)


def test_a_huge_cost_in_the_recovery_slot_is_refused(office: Office, no_kdf: None) -> None:
    office.manager.close()

    def huge(data: dict[str, Any]) -> None:
        data["slots"]["recovery"]["kdf"]["iterations"] = HUGE

    _edit_slots(office.data.slots, huge)
    with pytest.raises(errors.KeyFileInvalidValue):
        auth.open_with_recovery(office.data, office.recovery_key_text, office.clock)


def test_a_huge_cost_inside_a_backup_is_refused_as_a_bad_backup(
    office: Office, tmp_path: Path, no_kdf: None
) -> None:
    done = backup.make_backup(office.manager, tmp_path / "usb")
    office.manager.close()
    raw = done.path.read_bytes()
    size = int.from_bytes(raw[len(MAGIC) : len(MAGIC) + 4], "big")
    start = len(MAGIC) + 4
    header = json.loads(raw[start : start + size])
    for kdf in _user_kdfs(header["keyslots"]):
        kdf["memory_kib"] = HUGE
    edited = json.dumps(header, sort_keys=True).encode("utf-8")
    altered = tmp_path / "altered.mndbackup"
    altered.write_bytes(MAGIC + len(edited).to_bytes(4, "big") + edited + raw[start + size :])
    with pytest.raises(errors.BackupRejected):
        backup.restore_backup(
            VaultPaths(tmp_path / "scratch"),
            altered,
            office.clock,
            login=MANAGER_LOGIN,
            password=MANAGER_PASSWORD,
        )
