"""Checking a data folder: the files without a key, then pages, b-trees and the audit chain."""

from __future__ import annotations

from dataclasses import dataclass

from app import errors
from app.clock import Clock
from app.domain.access import Permission
from app.services import audit, auth
from app.services.guard import storage_errors
from storage import vault


@dataclass(frozen=True)
class FileCheck:
    vault_id: str
    insecure_secret_store: bool
    user_slots: int


@dataclass(frozen=True)
class VaultCheck:
    files: FileCheck
    audit_entries: int
    audit_fingerprint: str
    anchor_seq: int | None


def check_files(data: vault.VaultPaths) -> FileCheck:
    """What can be checked with no password: the slot file, this PC's secret, the counters'
    MAC, and that the database file has whole pages."""
    with storage_errors():
        slot_file = vault.describe(data)
        vault.machine_keys_for(
            slot_file, vault.secret_store_for(data, slot_file.secret_store)
        ).wipe()
    size = data.database.stat().st_size
    if size == 0 or size % 4096:
        raise errors.VaultDamaged()
    users = sum(1 for s in slot_file.slots.values() if s.get("kind") == "user")
    return FileCheck(slot_file.vault_id, slot_file.secret_store == "file", users)


def verify_vault(data: vault.VaultPaths, login: str, password: str, clock: Clock) -> VaultCheck:
    """The full check. Nothing is written before the pages and b-trees pass, so a damaged
    database is left exactly as it was found."""
    files = check_files(data)
    session = auth.sign_in(data, login, password, clock, record=False)
    if session.user.must_change_password:
        session.close()
        raise errors.PasswordChangeRequired(
            "パスワードの変更が必要です。先に「mynumber-desk passwd」で新しいパスワードを設定してください。"
        )
    try:
        with storage_errors():
            if session.vault.integrity_problems():
                raise errors.VaultDamaged()
        audit.require(session, Permission.VERIFY_VAULT)
        with storage_errors():
            # A broken chain is reported without writing: a new entry would bury the evidence.
            head = session.vault.verify_audit()
            anchor = session.vault.anchor()
            with session.vault.write() as writer:
                audit.record(
                    writer, session, "vault.verified", detail={"result": "ok", "entries": head.seq}
                )
    finally:
        session.close()
    return VaultCheck(files, head.seq, head.fingerprint, anchor.seq if anchor else None)
