"""The audit anchor belongs to one data folder (issue 14 item 7).

A restore drill into another folder on the same PC holds the same database (same id, same
machine secret). With one anchor per database id, the drill's writes moved the live data's
anchor, so the live data reported a broken access log forever after.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.services import audit, auth, backup, settings, verify
from storage import anchors
from storage.errors import AuditChainBroken
from storage.vault import VaultPaths
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office


def _keyring(path: Path) -> dict[str, str]:
    return json.loads(path.read_text(encoding="utf-8"))


def _anchor_keys(keyring_file: Path) -> list[str]:
    return sorted(k.split("\n")[-1] for k in _keyring(keyring_file) if "audit-anchor" in k)


def test_a_restore_drill_in_another_folder_leaves_the_live_anchor_alone(
    office: Office, tmp_path: Path
) -> None:
    live = office.data
    settings.change(office.manager, "reveal_seconds", "40")
    done = backup.make_backup(office.manager, tmp_path / "usb")
    settings.change(office.manager, "reveal_seconds", "41")
    office.manager.close()

    drill = VaultPaths(tmp_path / "drill")
    session = backup.restore_backup(
        drill, done.path, office.clock, login=MANAGER_LOGIN, password=MANAGER_PASSWORD
    )
    session.close()
    # The drill is used for a while: its own log grows from the backup's older head.
    session = auth.sign_in(drill, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    settings.change(session, "reveal_seconds", "55")
    auth.sign_out(session)

    # The live data still verifies clean, and so does the drill, each against its anchor.
    for paths in (live, drill):
        checked = verify.verify_vault(paths, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
        assert checked.anchor_seq == checked.audit_entries
    session = auth.sign_in(live, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    assert session.vault.anchor_consistent
    assert audit.verify_chain(session).entries > 0
    auth.sign_out(session)


def test_each_folder_has_its_own_anchor_name(tmp_path: Path) -> None:
    vault_id = "0b7c6a6e-2f55-4a4b-9f55-7b8f0d3c1e11"
    first = anchors.anchor_name(vault_id, tmp_path / "a")
    assert first != anchors.anchor_name(vault_id, tmp_path / "b")
    # The same folder, however it is written, is one anchor.
    assert first == anchors.anchor_name(vault_id, tmp_path / "x" / ".." / "a")
    assert vault_id in first


def _to_legacy_name(keyring_file: Path, vault_id: str) -> str:
    """Rename the folder's anchor to the name the program used before (the vault id alone)."""
    data = _keyring(keyring_file)
    (key,) = [k for k in data if f"audit-anchor:{vault_id}:" in k]
    service = key.split("\n")[0]
    legacy = f"{service}\naudit-anchor:{vault_id}"
    data[legacy] = data.pop(key)
    keyring_file.write_text(json.dumps(data), encoding="utf-8")
    return legacy


def test_an_anchor_under_the_old_name_is_moved_once_and_still_guards_the_log(
    office: Office, keyring_file: Path
) -> None:
    vault_id = office.manager.vault.vault_id
    settings.change(office.manager, "reveal_seconds", "40")
    office.manager.close()
    old_copy = office.data.database.read_bytes()
    session = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    settings.change(session, "reveal_seconds", "41")
    session.close()
    legacy = _to_legacy_name(keyring_file, vault_id)

    # An older copy of the database put back: the anchor under the old name still finds it.
    newer = office.data.database.read_bytes()
    office.data.database.write_bytes(old_copy)
    session = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    assert legacy not in _keyring(keyring_file)
    assert _anchor_keys(keyring_file) == [anchors.anchor_name(vault_id, office.data.data_dir)]
    with pytest.raises(AuditChainBroken):
        session.vault.verify_audit()
    session.close()

    # The right database back: the moved anchor verifies it.
    office.data.database.write_bytes(newer)
    checked = verify.verify_vault(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    assert checked.anchor_seq == checked.audit_entries


def test_a_moved_anchor_survives_a_keyring_that_refuses_the_move(
    office: Office, keyring_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the new name cannot be written, the old one is still read (nothing is lost)."""
    from storage.errors import KeystoreUnavailable
    from storage.keystore import KeyringStore

    vault_id = office.manager.vault.vault_id
    office.manager.close()
    _to_legacy_name(keyring_file, vault_id)

    def refuse(self: KeyringStore, name: str, value: str) -> None:
        raise KeystoreUnavailable("read only")

    monkeypatch.setattr(KeyringStore, "put", refuse)
    session = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock, record=False)
    anchor = session.vault.anchor()
    assert anchor is not None and anchor.seq == session.vault.audit_head().seq
    session.close()
