"""The vault: creating, unlocking and closing the encrypted database with its key slots."""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime

from storage import (
    anchors,
    crypto,
    key_rotation,
    migrate,
    number_cipher,
    number_key_repo,
    pc_counter,
    staff_repo,
    upgrade,
)
from storage.audit_chain import AuditChain, AuditEvent, ChainHead
from storage.connection import (
    Connection,
    DatabaseError,
    integrity_problems,
    open_database,
    raise_busy_from,
    raise_disk_full_from,
)
from storage.errors import (
    AuditAnchorMissing,
    CredentialsRejected,
    KeystoreUnavailable,
    MachineMismatch,
    NumberKeyStale,
    RoleKeyMissing,
    SlotFileInvalid,
    VaultExists,
    VaultMissing,
)
from storage.keyslots import (
    AUDITOR_KEY,
    MANAGER_KEY,
    NUMBER_KEY,
    ROLE_KEYS,
    MachineKeys,
    RecoveredKeys,
    SlotFile,
    ThrottleState,
    UnlockedSlot,
)
from storage.keystore import KIND_FILE, KIND_KEYRING, FileStore, KeyringStore, SecretStore
from storage.layout import VaultPaths
from storage.vault_slots import RECOVERY_SLOT, SlotKeeping

log = logging.getLogger(__name__)


def secret_store_for(paths: VaultPaths, kind: str) -> SecretStore:
    if kind == KIND_FILE:
        return FileStore(paths.insecure_secrets)
    if kind == KIND_KEYRING:
        return KeyringStore()
    raise SlotFileInvalid("unknown secret store kind")


def _machine_name(vault_id: str) -> str:
    return f"machine-secret:{vault_id}"


def _load_machine_secret(store: SecretStore, vault_id: str) -> bytearray:
    value = store.get(_machine_name(vault_id))
    if value is None:
        raise MachineMismatch("this PC holds no machine secret for this database")
    try:
        secret = bytearray(crypto.unb64(value))
    except ValueError as exc:
        raise MachineMismatch("machine secret unreadable") from exc
    if len(secret) != crypto.KEY_BYTES:
        raise MachineMismatch("machine secret has the wrong size")
    return secret


class Writer:
    """One write transaction; audit events appended here commit or roll back with the change."""

    def __init__(self, conn: Connection, chain: AuditChain) -> None:
        self.conn = conn
        self._chain = chain
        self.head: ChainHead | None = None

    def audit(self, event: AuditEvent, at: datetime) -> None:
        self.audit_all([event], at)

    def audit_all(self, events: list[AuditEvent], at: datetime) -> None:
        # Within one transaction on the one connection, the head is the last one appended.
        if events:
            self.head = self._chain.append_all(
                self.conn, at.isoformat(timespec="seconds"), events, previous=self.head
            )


class Vault(SlotKeeping):
    """An unlocked vault. `close()` closes the connection and zeroes every key it holds."""

    def __init__(
        self,
        *,
        paths: VaultPaths,
        slot_file: SlotFile,
        store: SecretStore,
        machine_keys: MachineKeys,
        conn: Connection,
        data_key: bytearray,
        role_keys: dict[str, bytearray],
        slot_id: str,
        pin: bytes,
        slot_private: bytearray | None = None,
    ) -> None:
        self.paths = paths
        self._slot_file = slot_file
        self._store = store
        self._machine_keys = machine_keys
        self._conn: Connection | None = conn
        self._data_key = data_key
        self._role_keys = role_keys
        # The manager public key this session trusts: from the member's own password wrap
        # (SECURITY.md §6a), or from the manager key the recovery slot holds.
        self.pin = pin
        self._index_key: bytearray | None = None
        # Set when another program rotated the number key since this session opened: the key
        # held is dropped, and asking for it says so (NumberKeyStale), never seals with it.
        self._number_key_stale = False
        # The private key of the slot that opened this session (when known): a number key
        # replaced by another program's rotation is opened again from the slot file with it.
        self._slot_private = slot_private if slot_private else None
        self.slot_id = slot_id
        self._chain = AuditChain(data_key, slot_file.vault_id)
        self.anchor_stale = False
        self.rebound = False
        # Called after each commit that added to the access log (the daily checkpoint).
        self.on_commit: Callable[[], None] | None = None
        anchors.adopt_legacy(store, slot_file.vault_id, paths.data_dir)
        # A log cut back behind its anchor must stay detectable: the anchor is then frozen
        # instead of following the new head (only a restore resets it, and says so).
        self.anchor_consistent = self._chain.continues(conn, self.anchor())

    @property
    def secret_store_kind(self) -> str:
        return self._slot_file.secret_store

    @property
    def insecure_secret_store(self) -> bool:
        return self._slot_file.secret_store == KIND_FILE

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            raise VaultMissing("vault is closed")
        return self._conn

    @property
    def has_number_key(self) -> bool:
        return NUMBER_KEY in self._role_keys or self._number_key_stale

    def number_key(self) -> bytearray:
        return self.role_key(NUMBER_KEY)

    def role_key(self, name: str) -> bytearray:
        key = self._role_keys.get(name)
        if key is None:
            if name == NUMBER_KEY and self._number_key_stale:
                raise NumberKeyStale("the number key was replaced since this session opened")
            raise RoleKeyMissing(f"this slot holds no {name}")
        return key

    def number_key_current(self) -> bool:
        """Whether the number key this session holds is the one the data is under (another
        program may have rotated it); a replaced key is dropped from the session here."""
        key = self._role_keys.get(NUMBER_KEY)
        if key is None:
            return False
        stored = number_key_repo.key_check(self.conn)
        if stored is None or crypto.mac_equal(stored, number_cipher.key_check(key)):
            return True
        self.forget_role_keys(frozenset({NUMBER_KEY}))
        if self._reopen_number_key():
            return True
        log.warning("the number key was rotated and this slot holds the new one no more")
        self._number_key_stale = True
        return False

    def _reopen_number_key(self) -> bool:
        """After another program's rotation: the new key from this session's slot, if the
        slot still holds it (a member whose access was revoked meanwhile finds none)."""
        if self._slot_private is None:
            return False
        try:
            keys = self.current_slots().open_number_keys(self.slot_id, self._slot_private)
        except SlotFileInvalid:
            return False
        key_rotation.choose(keys, number_key_repo.key_check(self.conn))
        key = keys.get(NUMBER_KEY)
        if key is None:
            return False
        self.adopt_number_key(key)
        return True

    def adopt_number_key(self, key: bytearray) -> None:
        """The key a rotation this session made is now the one the data is under: it takes
        the old key's place, which is zeroed with the blind-index key derived from it."""
        self.forget_role_keys(frozenset({NUMBER_KEY}))
        self._role_keys[NUMBER_KEY] = key
        self._number_key_stale = False

    def number_key_rotation(self) -> AbstractContextManager[key_rotation.Rotation]:
        """A rotation of the number key, holding the slot file's lock throughout
        (storage/key_rotation.py)."""
        return key_rotation.rotation(self)

    def number_key_repair(self) -> AbstractContextManager[SlotFile]:
        """The slot file under its lock, to finish a rotation that was cut off."""
        return key_rotation.repair(self)

    def number_key_pending(self) -> bool:
        """Whether the slot file on disk still holds a pending number key."""
        return key_rotation.pending(self.current_slots())

    def has_role_key(self, name: str) -> bool:
        return name in self._role_keys

    def forget_role_keys(self, names: frozenset[str]) -> None:
        for name in names:
            crypto.zero(self._role_keys.pop(name, None))
        if NUMBER_KEY in names:
            crypto.zero(self._index_key)
            self._index_key = None

    def blind_index_key(self) -> bytearray:
        """Derived once per open vault (an import indexes every row twice)."""
        if self._index_key is None:
            self._index_key = number_cipher.index_key(self.number_key())
        return self._index_key

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        crypto.zero(self._data_key)
        for key in self._role_keys.values():
            crypto.zero(key)
        self._role_keys = {}
        crypto.zero(self._index_key)
        self._index_key = None
        crypto.zero(self._slot_private)
        self._slot_private = None
        self._chain.wipe()
        self._machine_keys.wipe()

    # --- transactions -------------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[Writer]:
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except DatabaseError as exc:
            raise_disk_full_from(exc)
            raise_busy_from(exc)
            raise
        writer = Writer(conn, self._chain)
        try:
            # Under the write lock no other program can rotate the key: checked once here, a
            # number sealed in this transaction is never sealed with a replaced key.
            if NUMBER_KEY in self._role_keys:
                self.number_key_current()
            yield writer
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise_disk_full_from(exc)
            raise_busy_from(exc)
            raise
        if writer.head is not None:
            self._store_anchor(writer.head)
            if self.on_commit is not None:
                self.on_commit()

    def _store_anchor(self, head: ChainHead) -> None:
        if not self.anchor_consistent:
            log.warning("audit anchor kept: the log does not continue it")
            return
        try:
            self._store.put(anchors.anchor_name(self.vault_id, self.paths.data_dir), head.to_json())
            self.anchor_stale = False
        except Exception as exc:
            # After COMMIT: the change is saved, and whatever the keyring raised (a refused
            # Credential Manager included) must not report it as failed. A lagging anchor only
            # weakens truncation detection; the next write tries again.
            self.anchor_stale = True
            log.warning(
                "audit anchor could not be stored outside the database (%s)", type(exc).__name__
            )

    def anchor(self) -> ChainHead | None:
        value = anchors.read(self._store, self.vault_id, self.paths.data_dir)
        if value is None:
            return None
        try:
            return ChainHead.from_json(value)
        except (ValueError, KeyError) as exc:
            raise SlotFileInvalid("audit anchor unreadable") from exc

    def accept_current_log(self) -> None:
        """After a restore the older log is the legitimate one; the caller audits the restore
        in the next write, which then moves the anchor to the restored chain."""
        self.anchor_consistent = True

    def verify_audit(self) -> ChainHead:
        anchor = self.anchor()
        head = self._chain.verify(self.conn, anchor)
        if anchor is None and head.seq > 0:
            raise AuditAnchorMissing("the anchor outside the database is missing")
        return head

    def audit_head(self) -> ChainHead:
        return self._chain.head(self.conn)

    def integrity_problems(self) -> list[str]:
        return integrity_problems(self.conn)

    def replace_recovery_key(self, recovery_secret: bytes, kdf: crypto.KdfParams) -> bytes:
        """A new recovery slot; the old key stops opening this data (old backup files keep
        the slot file they were made with, so it still opens those). Returns the slot's new
        public key, for the caller to sign into the roster in the same change."""
        # Every role key goes into the recovery slot: a session lacking one cannot reissue,
        # nor one whose number key another program has since replaced.
        self.number_key_current()
        role_keys = {name: bytearray(self.role_key(name)) for name in ROLE_KEYS}
        keys = RecoveredKeys(
            bytearray(self._data_key), _load_machine_secret(self._store, self.vault_id), role_keys
        )
        try:
            with self._edit_slots() as slots:
                slots.set_recovery_slot(recovery_secret, kdf, keys)
        finally:
            keys.wipe()
        public = slots.public_key(RECOVERY_SLOT)
        assert public is not None
        return public

    def check_password(self, login: str, password: str, now: datetime) -> None:
        """Re-authentication inside an open session: same throttling as signing in."""
        _slots, _store, keys, unlocked = _authenticate(self.paths, login, password, now)
        keys.wipe()
        unlocked.wipe()
        if unlocked.slot_id != self.slot_id:
            raise CredentialsRejected("password belongs to another slot")

    def backup_into(self, target: Connection) -> None:
        """Page copy into another connection keyed with the same data key (backup API)."""
        self.conn.backup(target)

    def data_key_copy(self) -> bytearray:
        return bytearray(self._data_key)


# --- creating and unlocking ------------------------------------------------------------


def create_vault(
    paths: VaultPaths,
    *,
    secret_store: str,
    recovery_secret: bytes,
    recovery_kdf: crypto.KdfParams,
) -> Vault:
    """A new, empty vault with its recovery slot; no user slot yet."""
    if paths.exists():
        raise VaultExists(str(paths.data_dir))
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(paths.data_dir, 0o700)
    store = secret_store_for(paths, secret_store)
    vault_id = str(uuid.uuid4())
    data_key, machine_secret = crypto.random_key(), crypto.random_key()
    role_keys = {
        NUMBER_KEY: crypto.random_key(),
        MANAGER_KEY: crypto.new_signing_key(),
        AUDITOR_KEY: crypto.new_signing_key(),
    }
    pin = crypto.signing_public(role_keys[MANAGER_KEY])
    created_store_entry = False
    conn: Connection | None = None
    try:
        store.put(_machine_name(vault_id), crypto.b64(machine_secret))
        created_store_entry = True
        slot_file = SlotFile.new(paths.slots, vault_id, secret_store, manager_public=pin)
        keys = MachineKeys.derive(machine_secret, vault_id)
        slot_file.set_recovery_slot(
            recovery_secret,
            recovery_kdf,
            RecoveredKeys(data_key, bytearray(machine_secret), role_keys),
        )
        slot_file.seal_throttle(keys)
        slot_file.save()
        conn = open_database(paths.database, data_key, create=True)
        migrate.migrate(conn)
        number_key_repo.set_check(conn, number_cipher.key_check(role_keys[NUMBER_KEY]))
    except BaseException:
        if conn is not None:
            # Windows refuses to delete a file that is still open.
            conn.close()
        paths.database.unlink(missing_ok=True)
        paths.slots.unlink(missing_ok=True)
        paths.slots.with_name(paths.slots.name + ".bak").unlink(missing_ok=True)
        if created_store_entry:
            store.delete(_machine_name(vault_id))
        raise
    finally:
        crypto.zero(machine_secret)
    return Vault(
        paths=paths,
        slot_file=slot_file,
        store=store,
        machine_keys=keys,
        conn=conn,
        data_key=data_key,
        role_keys=role_keys,
        slot_id=RECOVERY_SLOT,
        pin=pin,
    )


def discard_new(opened: Vault) -> None:
    """Undo a creation that failed before it was handed to anyone: files and PC secrets go."""
    paths, vault_id, store = opened.paths, opened.vault_id, opened._store
    opened.close()
    for path in (paths.database, paths.slots, paths.slots.with_name(paths.slots.name + ".bak")):
        path.unlink(missing_ok=True)
    store.delete(_machine_name(vault_id))
    anchors.forget(store, vault_id, paths.data_dir)


def _load(paths: VaultPaths) -> tuple[SlotFile, SecretStore]:
    if not paths.database.exists():
        raise VaultMissing(str(paths.data_dir))
    slot_file = SlotFile.load(paths.slots)
    return slot_file, secret_store_for(paths, slot_file.secret_store)


def machine_keys_for(slot_file: SlotFile, store: SecretStore) -> MachineKeys:
    secret = _load_machine_secret(store, slot_file.vault_id)
    try:
        keys = MachineKeys.derive(secret, slot_file.vault_id)
    finally:
        crypto.zero(secret)
    try:
        slot_file.check_throttle_mac(keys)
    except SlotFileInvalid:
        keys.wipe()
        raise
    return keys


def describe(paths: VaultPaths) -> SlotFile:
    """The sidecar alone, for checks that need no key."""
    return _load(paths)[0]


def throttle_state(paths: VaultPaths, login: str, now: datetime) -> ThrottleState:
    slot_file, store = _load(paths)
    keys = machine_keys_for(slot_file, store)
    try:
        return pc_counter.states(store, slot_file, keys, [login], now)[login]
    finally:
        keys.wipe()


def _authenticate(
    paths: VaultPaths, login: str, password: str, now: datetime
) -> tuple[SlotFile, SecretStore, MachineKeys, UnlockedSlot]:
    """Check a password against the slots, counting failures in the slot file and on this PC
    (storage/pc_counter.py) and clearing both on success."""
    slot_file, store = _load(paths)
    keys = machine_keys_for(slot_file, store)
    try:
        unlocked = pc_counter.unlock_user(
            store, keys, slot_file, slot_file, login, password, now, event=pc_counter.SIGNIN_FAILED
        )
        if slot_file.has_throttle_entry(keys, login):
            with SlotFile.edit(paths.slots, slot_file.vault_id) as current:
                current.record_success(keys, login)
            slot_file = current
        pc_counter.signed_in(store, slot_file.vault_id, keys, login)
    except BaseException:
        keys.wipe()
        raise
    return slot_file, store, keys, unlocked


def unlock_with_password(paths: VaultPaths, login: str, password: str, now: datetime) -> Vault:
    slot_file, store, keys, unlocked = _authenticate(paths, login, password, now)
    return _open(
        paths,
        slot_file,
        store,
        keys,
        unlocked.data_key,
        unlocked.keys,
        unlocked.slot_id,
        unlocked.pin,
        unlocked.private,
    )


def unlock_with_recovery(paths: VaultPaths, recovery_secret: bytes) -> Vault:
    """Open with the recovery key; on a PC without this database's machine secret, rebind."""
    slot_file, store = _load(paths)
    recovered = slot_file.unlock_recovery(recovery_secret)
    try:
        current = store.get(_machine_name(slot_file.vault_id))
    except KeystoreUnavailable:
        recovered.wipe()
        raise
    old_keys = MachineKeys.derive(recovered.machine_secret, slot_file.vault_id)
    mine = recovered.copy()
    pin = crypto.signing_public(mine.keys[MANAGER_KEY])
    crypto.zero(mine.machine_secret)
    try:
        vault = _open(
            paths,
            slot_file,
            store,
            old_keys,
            mine.data_key,
            mine.keys,
            RECOVERY_SLOT,
            pin,
            mine.private,
        )
        if current != crypto.b64(recovered.machine_secret):
            try:
                _rebind(vault, recovery_secret)
            except BaseException:
                vault.close()
                raise
    finally:
        recovered.wipe()
    return vault


def _rebind(vault: Vault, recovery_secret: bytes) -> None:
    """Bind the vault to this PC: a new machine secret, every slot's outer layer rewrapped."""
    vault_id = vault.vault_id
    logins = {r.slot_id: r.login_name for r in staff_repo.all_staff(vault.conn) if r.slot_id}
    new_secret = crypto.random_key()
    try:
        new_keys = MachineKeys.derive(new_secret, vault_id)
        # Keyring first: a crash before the slot file is saved leaves the old file, which the
        # recovery key opens again and rebinds again; never a file no secret opens.
        vault._store.put(_machine_name(vault_id), crypto.b64(new_secret))
        with SlotFile.edit(vault.paths.slots, vault_id) as slot_file:
            slot_file.rebind(vault._machine_keys, new_keys, logins)
            slot_file.replace_machine_secret(recovery_secret, new_secret)
        vault._slot_file = slot_file
    finally:
        crypto.zero(new_secret)
    vault._machine_keys.wipe()
    vault._machine_keys = new_keys
    vault.rebound = True


def _open(
    paths: VaultPaths,
    slot_file: SlotFile,
    store: SecretStore,
    keys: MachineKeys,
    data_key: bytearray,
    role_keys: dict[str, bytearray],
    slot_id: str,
    pin: bytes,
    slot_private: bytearray | None = None,
) -> Vault:
    try:
        conn = open_database(paths.database, data_key)
        upgrade.upgrade(conn, paths.upgrade_backups, data_key)
        # Of the number keys the slot holds (one, or two while a rotation was cut off), the
        # one the data is under.
        key_rotation.choose(role_keys, number_key_repo.key_check(conn))
    except BaseException:
        crypto.zero(data_key)
        crypto.zero(slot_private)
        for key in role_keys.values():
            crypto.zero(key)
        keys.wipe()
        raise
    return Vault(
        paths=paths,
        slot_file=slot_file,
        store=store,
        machine_keys=keys,
        conn=conn,
        data_key=data_key,
        role_keys=role_keys,
        slot_id=slot_id,
        pin=pin,
        slot_private=slot_private,
    )
