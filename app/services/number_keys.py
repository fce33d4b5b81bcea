"""Rotating the number key (SECURITY.md §6a; #14 items 1 and 13).

A revocation (roles that no longer allow numbers, a disabled account, a reset password whose
old slot held the key) and a deletion run that deleted numbers each mark a rotation due in
their own transaction, and rotate right after it: a new number key, every number, blind index
and document scan re-sealed in one transaction, the old key gone from every file the program
keeps (storage/key_rotation.py has the three steps and why each is crash-safe). A slot file a
member copied before losing access, a `.bak`, or the rollback journal's disk blocks then hold
only ciphertext under a key no slot opens.

The new key is sealed only to the public keys the newest signed roster names, for the active
members whose roles allow numbers, and to the recovery key the roster names; never to a key
read from the slot file. If the file's recovery slot is not the roster's, nothing changes and
the rotation stays due (a new key sealed there could not be recovered).

A session without the number key cannot rotate: the rotation stays due and is done at the next
sign-in of a member whose session holds the key, before anything else, and logged.

Backups made before a rotation carry their own slot file and the database as it was: they stay
readable to whoever could read them then, until destroyed. The manager is told so after each
revocation: make a new backup and destroy older media by the office's rules.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from app import errors
from app.services import audit, authority, numbers, verification_scans
from app.services.guard import storage_errors
from app.session import Session
from storage import deletion_repo, key_rotation, number_cipher, number_key_repo, roster
from storage.connection import Connection
from storage.crypto import DecryptionFailed
from storage.errors import StorageError
from storage.keyslots import NUMBER_KEY
from storage.vault import Vault

log = logging.getLogger(__name__)

REVOCATION = "revocation"
DELETION = "deletion"

# What a deletion record says of the method (規程: 容易に復元できない手段): the row is deleted
# and its space zeroed at once (secure_delete); the copies the rollback journal or the disk may
# still hold become undecryptable when the key is replaced. Until then the record says so.
DELETION_METHOD = (
    "暗号化された個人番号を削除し、その領域をゼロで上書きした上で、暗号鍵を更新して旧鍵を消去"
    "（一時ファイル等に残った暗号文も復号できない）"
)
DELETION_METHOD_PENDING = (
    "暗号化された個人番号を削除し、その領域をゼロで上書き（暗号鍵の更新は未了）"
)

_BACKUPS = (
    "これより前に作成したバックアップは、当時個人番号を扱えた職員なら今も開けます。"
    "新しいバックアップを作成し、古いバックアップの媒体は事業所の規程に従って廃棄してください。"
)
ROTATED_NOTICE = "個人番号の暗号鍵を更新しました。" + _BACKUPS
DEFERRED_NOTICE = (
    "個人番号の暗号鍵は、個人番号を扱う職員が次にサインインしたときに更新されます。" + _BACKUPS
)
REFUSED_NOTICE = (
    "鍵スロットのファイルの回復キーの情報が署名された記録と一致しないため、個人番号の暗号鍵を"
    "更新できませんでした。回復キーを再発行すると、次のサインインで更新されます。" + _BACKUPS
)


@dataclass(frozen=True)
class Outcome:
    """What became of a due rotation: done now, left for a session holding the key, or
    refused (the recovery slot is not the roster's); `due` False: none was due."""

    due: bool
    rotated: bool = False
    refused: bool = False
    numbers: int = 0
    scans: int = 0

    @property
    def notice(self) -> str:
        if not self.due:
            return ""
        if self.rotated:
            return ROTATED_NOTICE
        return REFUSED_NOTICE if self.refused else DEFERRED_NOTICE


def mark_due(conn: Connection, reason: str, now: str) -> None:
    """In the transaction of the change that needs a new key."""
    number_key_repo.mark_due(conn, reason, now)


def _now(session: Session) -> str:
    return session.clock.now().isoformat(timespec="seconds")


def _authorised(opened: Vault) -> tuple[dict[str, bytes], bytes]:
    """(slot id → public key) of every active member the newest signed roster allows the
    number key, and the roster's recovery public key."""
    state = roster.state(opened.conn, opened.pin, opened.vault_id)
    if state.newest is None:
        raise errors.AuthorityInvalid()
    signed = state.newest.roster
    targets = {
        entry.slot_id: entry.public_bytes
        for entry in signed.members
        if entry.slot_id and entry.public_bytes and NUMBER_KEY in authority.entry_keys(entry)
    }
    return targets, signed.recovery_public_bytes


def _reseal(conn: Connection, resealer: number_cipher.Resealer) -> tuple[int, int, int]:
    """Every number (with its blind index) and scan under the new key; (numbers, scans,
    unreadable). A value the old key does not open is unreadable already: left as it is."""
    done = scans = unreadable = 0
    for batch in number_key_repo.number_batches(conn):
        rows = []
        for person_id, sealed in batch:
            try:
                new, index = resealer.number(sealed, numbers.record_id(person_id))
            except DecryptionFailed:
                unreadable += 1
                continue
            rows.append((new, index, person_id))
        number_key_repo.update_numbers(conn, rows)
        done += len(rows)
    for scan_id, verification_id in number_key_repo.scan_ids(conn):
        sealed = number_key_repo.scan_sealed(conn, scan_id)
        try:
            new = resealer.document(sealed, verification_scans.record_id(scan_id, verification_id))
        except DecryptionFailed:
            unreadable += 1
            continue
        number_key_repo.update_scan(conn, scan_id, new)
        scans += 1
    return done, scans, unreadable


def rotate(session: Session, *, at_sign_in: bool = False) -> Outcome:
    """Rotate now (whether due or not). Raises NumberKeyRotationRefused, with nothing changed,
    when the slot file's recovery slot is not the one the signed roster names."""
    opened = session.vault
    with storage_errors():
        if number_key_repo.key_check(opened.conn) is None:
            # Never re-seal under a key not shown to open the numbers (a database from before
            # rotations, whose check no sign-in has written yet).
            _adopt_check(session)
            if number_key_repo.key_check(opened.conn) is None:
                return Outcome(True)
        targets, recovery_public = _authorised(opened)
        with opened.number_key_rotation() as change:
            change.stage(targets, recovery_public)  # (a)
            resealer = number_cipher.Resealer(change.old_key, change.new_key)
            try:
                with opened.write() as writer:  # (b)
                    reason = number_key_repo.state(writer.conn).reason
                    done, scans, unreadable = _reseal(writer.conn, resealer)
                    number_key_repo.rotated(
                        writer.conn, number_cipher.key_check(change.new_key), _now(session)
                    )
                    records = deletion_repo.settle_method(
                        writer.conn, DELETION_METHOD_PENDING, DELETION_METHOD
                    )
                    detail: dict[str, object] = {
                        "reasons": [r for r in reason.split(",") if r],
                        "numbers": done,
                        "scans": scans,
                        "records": records,
                    }
                    if unreadable:
                        detail["unreadable"] = unreadable
                    if at_sign_in:
                        detail["finished_at_sign_in"] = True
                    audit.record(writer, session, "vault.number_key_rotated", detail=detail)
            finally:
                resealer.wipe()
            change.adopt()
            try:
                change.install(targets, recovery_public)  # (c)
            except (OSError, StorageError):
                # Committed: the data is under the new key, which the pending entries hold;
                # the next sign-in finishes the slot file.
                log.warning("number key rotated; the slot file is finished at the next sign-in")
    return Outcome(True, rotated=True, numbers=done, scans=scans)


def rotate_if_due(session: Session) -> Outcome:
    """After the commit of a change that marked a rotation due: rotate if this session holds
    the number key, else leave it for the next sign-in of one that does."""
    with storage_errors():
        due = number_key_repo.state(session.vault.conn).rotation_due is not None
    if not due:
        return Outcome(False)
    if not session.vault.has_role_key(NUMBER_KEY):
        return Outcome(True)
    try:
        return rotate(session)
    except errors.NumberKeyRotationRefused:
        log.warning("number key rotation refused: the recovery slot is not the roster's")
        return Outcome(True, refused=True)
    except errors.AppError as exc:
        # The change before it is committed and must not read as failed (a busy database,
        # a full disk): the rotation stays due for the next sign-in holding the key.
        log.warning("number key rotation postponed: %s", exc.code)
        return Outcome(True)


def at_sign_in(session: Session) -> None:
    """Before anything else at a sign-in whose session holds the number key: a database from
    before rotations gets its key check; a rotation cut off is finished (or its pending key
    dropped when the database never moved to it); a due rotation is done. A failure is
    logged and left for the next sign-in: it never stops the member from signing in."""
    opened = session.vault
    if not opened.has_role_key(NUMBER_KEY):
        return
    try:
        with storage_errors():
            if not _opens_stored_numbers(session):
                return
            _adopt_check(session)
            if opened.number_key_pending():
                _finish(opened)
            due = number_key_repo.state(opened.conn).rotation_due is not None
        if due:
            rotate(session, at_sign_in=True)
    except errors.AppError as exc:
        log.warning("number key rotation postponed at sign-in: %s", exc.code)


PROOF_SAMPLE = 5


def _opens_stored_numbers(session: Session) -> bool:
    """The key the slot gave must open numbers stored before this sign-in. Anyone can seal a
    key to a member's public key and write its check into the database; nobody without the
    real key can seal the office's numbers under theirs. A key that opens none of a few
    numbers picked at random is dropped from the session (the member then works without the
    numbers) and the access log says so, so no new number is ever sealed under a key planted
    by someone else."""
    opened = session.vault
    key = opened.number_key()
    for person_id, sealed in number_key_repo.sample_numbers(opened.conn, PROOF_SAMPLE):
        try:
            number_cipher.open_number(key, sealed, numbers.record_id(person_id))
        except DecryptionFailed:
            opened.forget_role_keys(frozenset({NUMBER_KEY}))
            with opened.write() as writer:
                audit.record(writer, session, "vault.number_key_refused")
            log.warning("the number key of this slot does not open the stored numbers")
            return False
    return True


def _adopt_check(session: Session) -> None:
    """A database made before rotations keeps no check: written once a session holding a key
    that opens its numbers signs in."""
    conn = session.vault.conn
    if number_key_repo.key_check(conn) is not None:
        return
    key = session.vault.number_key()
    first = number_key_repo.first_number(conn)
    if first is not None:
        try:
            number_cipher.open_number(key, first[1], numbers.record_id(first[0]))
        except DecryptionFailed:
            log.warning("this slot's number key does not open the numbers; no check written")
            return
    with session.vault.write() as writer:
        number_key_repo.set_check(writer.conn, number_cipher.key_check(key))


def _finish(opened: Vault) -> None:
    """A rotation cut between its writes: the key the data is under (the session's, chosen
    at unlock by the database's check) goes to exactly the authorised slots and the recovery
    slot, and no pending key is left; under the slot file's lock, so a rotation running in
    another program is never undone half-way."""
    targets, recovery_public = _authorised(opened)
    with opened.number_key_repair() as slots:
        if key_rotation.pending(slots) and opened.number_key_current():
            key_rotation.install(slots, opened.number_key(), targets, recovery_public)
