"""Rotating the number key (SECURITY.md §6a): after a revocation or a deletion run, a new key,
every number and scan re-sealed under it in one transaction, and the old key gone from every
file the program keeps. Any copy taken earlier (a `.bak`, a rollback journal's disk blocks, an
SSD's spare area, a slot file copied by a member whose access was then revoked) holds only
ciphertext under a key no slot opens any more.

Three steps, each leaving a state the next sign-in can finish:

(a) the slot file: the new key is sealed as `number_key_next` to every slot the signed roster
    allows it, and to the recovery slot, all to the public keys the roster names;
(b) the database, one transaction: every number, blind index and scan re-sealed, the key's
    check value (`number_key.key_check`) set to the new key's;
(c) the slot file: `number_key` becomes the new key in those slots, every other slot loses
    it, no `number_key_next` is left, and no `.bak` either.

The slot file's lock is held from (a) to (c), so no other program's rotation or sign-in can
replace or remove the pending key while the database moves to it. A sign-in picks, of the keys
its slot holds, the one whose check the database keeps (`choose`); a sign-in that holds it then
finishes (c), or undoes (a) when (b) never committed.

Backups made before a rotation carry their own slot file (and the database as it was): they
stay readable to whoever could read them then, until they are destroyed. The office makes a new
backup after a revocation and destroys older media by its own rules.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol

from storage import crypto, number_cipher
from storage.errors import NumberKeyStale, RecoverySlotMismatch
from storage.file_lock import exclusive
from storage.keyslots import NUMBER_KEY, NUMBER_KEY_NEXT, RECOVERY, SlotFile
from storage.layout import VaultPaths

log = logging.getLogger(__name__)


class _Vault(Protocol):
    paths: VaultPaths

    @property
    def vault_id(self) -> str: ...

    def number_key(self) -> bytearray: ...

    def number_key_current(self) -> bool: ...

    def adopt_number_key(self, key: bytearray) -> None: ...


def choose(role_keys: dict[str, bytearray], check: bytes | None) -> None:
    """Keep, as `number_key`, the one key of the slot the data is under: the one whose check
    the database keeps; with no check kept yet (a database from before rotations), the slot's
    `number_key`. The other is zeroed. A slot whose keys match neither holds none."""
    current = role_keys.pop(NUMBER_KEY, None)
    pending = role_keys.pop(NUMBER_KEY_NEXT, None)
    chosen = None
    if check is None:
        chosen, current = current, None
    else:
        for candidate in (current, pending):
            if candidate is not None and crypto.mac_equal(
                number_cipher.key_check(candidate), check
            ):
                chosen = candidate
                break
        if chosen is None and (current is not None or pending is not None):
            log.warning("the number key of this slot is not the one the data is under")
    for other in (current, pending):
        if other is not None and other is not chosen:
            crypto.zero(other)
    if chosen is not None:
        role_keys[NUMBER_KEY] = chosen


def pending(slots: SlotFile) -> bool:
    """Whether any slot still holds a pending number key (a rotation cut before (c))."""
    return any(NUMBER_KEY_NEXT in slot for slot in slots.slots.values())


def _sealable(slots: SlotFile, targets: dict[str, bytes]) -> dict[str, bytes]:
    """The slots of `targets` the file has as enabled user slots."""
    return {
        slot_id: public
        for slot_id, public in targets.items()
        if slots.slots.get(slot_id, {}).get("kind") == "user" and not slots.is_disabled(slot_id)
    }


def _check_recovery(slots: SlotFile, recovery_public: bytes) -> None:
    if slots.public_key(RECOVERY) != recovery_public:
        raise RecoverySlotMismatch(
            "the recovery slot's public key is not the one the signed roster names"
        )


def stage(
    slots: SlotFile, key: bytes | bytearray, targets: dict[str, bytes], recovery_public: bytes
) -> None:
    """(a): the new key as `number_key_next`, only to the slots `targets` names (slot id →
    the public key the signed roster names) and to the roster's recovery key; any pending key
    left by an earlier, unfinished rotation goes."""
    _check_recovery(slots, recovery_public)
    for slot in slots.slots.values():
        slot.pop(NUMBER_KEY_NEXT, None)
    for slot_id, public in _sealable(slots, targets).items():
        slots.seal_key(slot_id, NUMBER_KEY_NEXT, key, public)
    slots.seal_key(RECOVERY, NUMBER_KEY_NEXT, key, recovery_public)


def install(
    slots: SlotFile, key: bytes | bytearray, targets: dict[str, bytes], recovery_public: bytes
) -> None:
    """(c), or the repair of a cut rotation: `key` (the one the data is under) as the
    `number_key` of exactly the slots `targets` names and of the recovery slot; every other
    slot loses it; no pending key is left. Sealed anew, so the save leaves no `.bak`."""
    sealable = _sealable(slots, targets)
    for slot_id, slot in slots.slots.items():
        slot.pop(NUMBER_KEY_NEXT, None)
        if slot_id == RECOVERY:
            slots.seal_key(RECOVERY, NUMBER_KEY, key, recovery_public)
        elif slot_id in sealable:
            slots.seal_key(slot_id, NUMBER_KEY, key, sealable[slot_id])
        else:
            slot.pop(NUMBER_KEY, None)


class Rotation:
    """One rotation, while the slot file's lock is held: the new key, and the two writes of
    the file around the caller's transaction."""

    def __init__(self, vault: _Vault) -> None:
        self._vault = vault
        self.old_key = vault.number_key()
        self.new_key = crypto.random_key()
        self.adopted = False

    def _edit(self) -> AbstractContextManager[SlotFile]:
        return SlotFile.edit_held(self._vault.paths.slots, self._vault.vault_id)

    def stage(self, targets: dict[str, bytes], recovery_public: bytes) -> None:
        with self._edit() as slots:
            stage(slots, self.new_key, targets, recovery_public)

    def adopt(self) -> None:
        """After (b) committed: the session works with the new key; the old one is zeroed."""
        self._vault.adopt_number_key(self.new_key)
        self.adopted = True

    def install(self, targets: dict[str, bytes], recovery_public: bytes) -> None:
        with self._edit() as slots:
            install(slots, self.new_key, targets, recovery_public)


@contextmanager
def rotation(vault: _Vault) -> Iterator[Rotation]:
    """Hold the slot file's lock for the whole rotation. A rotation cut before (b) committed
    leaves a pending key nothing is sealed under (the next sign-in or rotation drops it)."""
    with exclusive(vault.paths.slots):
        # Another program may have rotated before this one took the lock.
        if not vault.number_key_current():
            raise NumberKeyStale("the number key was replaced since this session opened")
        change = Rotation(vault)
        try:
            yield change
        finally:
            if not change.adopted:
                crypto.zero(change.new_key)


@contextmanager
def repair(vault: _Vault) -> Iterator[SlotFile]:
    """The slot file under its lock, for finishing a cut rotation at sign-in."""
    with exclusive(vault.paths.slots), SlotFile.edit_held(vault.paths.slots, vault.vault_id) as s:
        yield s
