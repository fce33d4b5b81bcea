"""Checking a data folder: the files without a key, then pages, b-trees and the audit chain;
deep, also every page of the file decrypted and its HMAC checked outside SQLite."""

from __future__ import annotations

from dataclasses import dataclass

from app import errors
from app.clock import Clock
from app.domain.access import Permission
from app.services import audit, auth, authority, checkpoints, maintenance, number_keys
from app.services.guard import storage_errors
from app.session import Session
from storage import crypto, page_scan, vault


@dataclass(frozen=True)
class FileCheck:
    vault_id: str
    insecure_secret_store: bool
    user_slots: int


@dataclass(frozen=True)
class PageCheck:
    """Every page of the file read and decrypted with the data key, independently of SQLite
    (free pages included), each page's HMAC-SHA512 recomputed and compared."""

    pages: int
    journal_pages: int
    # Pages past the database's page count, left by a rebuild cut off before it shrank the
    # file: their HMACs check, SQLite never reads them, and the rebuild is finished afterwards.
    leftover_pages: int = 0


@dataclass(frozen=True)
class VaultCheck:
    files: FileCheck
    audit_entries: int
    audit_fingerprint: str
    anchor_seq: int | None
    deep: PageCheck | None = None
    sealed: checkpoints.Sealed | None = None
    # Whether this check signed a new checkpoint (the verifying member holds a signing key).
    signed_now: bool = False
    # The manager key the verifying member's password wrap trusts, as the recovery sheet
    # prints it: the same on both, or the trust was planted.
    manager_key_fingerprint: str = ""


def _check_pages(data: vault.VaultPaths, session: Session) -> PageCheck:
    key = session.vault.data_key_copy()
    try:
        report = page_scan.scan_held(session.vault.conn, data.database, key)
    finally:
        crypto.zero(key)
    if not report.ok:
        raise errors.VaultDamaged()
    return PageCheck(report.pages, report.journal_pages, report.leftover_pages)


def _check_authority(session: Session) -> None:
    """The staff rows and the whole slot file against the newest signed roster (SECURITY.md
    §6a): a row edited outside the program (a role, a scope, a state), a version whose
    signature does not verify, another member's slot or public key, swapped login ids, a
    role key without the role for it, and the recovery slot."""
    with storage_errors():
        problems = authority.problems(session.vault)
    if problems:
        raise errors.SlotFileMismatch(problems)


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


def verify_vault(
    data: vault.VaultPaths, login: str, password: str, clock: Clock, *, deep: bool = False
) -> VaultCheck:
    """The full check. Nothing is written before the pages and b-trees pass, so a damaged
    database is left exactly as it was found. `deep` also decrypts every page of the file
    itself (SQLCipher's own check reads only the pages of the main file it knows)."""
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
        _check_authority(session)
        with storage_errors():
            pages = _check_pages(data, session) if deep else None
            # A broken chain is reported without writing: a new entry would bury the evidence.
            head = session.vault.verify_audit()
            anchor = session.vault.anchor()
        sealed = checkpoints.check(session)
        with storage_errors():
            detail: dict[str, object] = {"result": "ok", "entries": head.seq}
            if pages is not None:
                detail["pages"] = pages.pages
                if pages.leftover_pages:
                    detail["leftover_pages"] = pages.leftover_pages
            with session.vault.write() as writer:
                audit.record(writer, session, "vault.verified", detail=detail)
        # Checked and sound: a number-key rotation left due or cut off, and a rebuild a kill
        # cut off (its flag, or the old tail of the file that may still hold deleted
        # numbers), are finished now, as a sign-in would; then the log is signed.
        number_keys.at_sign_in(session)
        signed_now = checkpoints.can_sign(session.vault)
        fingerprint = crypto.fingerprint(session.vault.pin)
        checkpoints.make(session)
        maintenance.rebuild_if_pending(session)
    finally:
        session.close()
    return VaultCheck(
        files,
        head.seq,
        head.fingerprint,
        anchor.seq if anchor else None,
        pages,
        checkpoints.Sealed.of(sealed),
        signed_now,
        fingerprint,
    )
