"""Wrong passwords given to `restore`: counted, locked and logged like failed sign-ins.

A restore with a staff password checks it against the slots inside the backup, on this PC (the
machine secret in this PC's store opens their outer layer). Without a count that is a password
oracle with no lock and no record. Two counters apply, with the backup's throttle policy:

- when the target folder holds the same database, its slot file's sign-in counter: a wrong
  password there counts (and locks) exactly as a failed sign-in, and is written into the
  access log at the next sign-in;
- always, a restore counter of this PC for the database, kept in this PC's secret store
  beside the machine secret, so a restore into a scratch folder counts as well. Its failures
  are written into the access log at the next sign-in into the database on this PC.

A restore is refused while either counter is locked, before any password is derived.

Rolling a file back (the slot file, or the keyring entry) still resets a counter; that needs
the signed slot file integrity designed separately.
"""

from __future__ import annotations

import errno
import json
import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from storage.errors import (
    AccountLocked,
    CredentialsRejected,
    DiskFull,
    SlotFileInvalid,
)
from storage.keyslots import MachineKeys, SlotFile, ThrottleState, UnlockedSlot
from storage.keystore import SecretStore
from storage.layout import VaultPaths

log = logging.getLogger(__name__)

RESTORE_FAILED = "restore.failed"


def entry_name(vault_id: str) -> str:
    return f"restore-throttle:{vault_id}"


def _holder(vault_id: str, throttle: dict[str, Any]) -> SlotFile:
    """A slot file holding only a throttle section, so this PC's counter is counted, locked
    and MACed by the same code as sign-ins; it is never saved as a file."""
    return SlotFile(Path(entry_name(vault_id)), {"vault_id": vault_id, "throttle": throttle})


def _stored(store: SecretStore, vault_id: str, keys: MachineKeys) -> SlotFile | None:
    """This PC's counter as stored, if it is there and its MAC checks."""
    value = store.get(entry_name(vault_id))
    if value is None:
        return None
    try:
        throttle = json.loads(value)
        if not isinstance(throttle, dict) or not isinstance(throttle.get("entries"), dict):
            raise ValueError("not a counter")
        if not isinstance(throttle.get("events"), list):
            raise ValueError("not a counter")
        counter = _holder(vault_id, throttle)
        counter.check_throttle_mac(keys)
    except (ValueError, SlotFileInvalid):
        # Whoever can alter the entry can delete it too; start again rather than refuse
        # every restore for good.
        log.warning("restore counter of this PC unreadable; started again")
        return None
    return counter


def _pc_counter(store: SecretStore, backup_slots: SlotFile, keys: MachineKeys) -> SlotFile:
    """This PC's restore counter for the database, under the backup's policy."""
    policy = dict(backup_slots.data["throttle"]["policy"])
    counter = _stored(store, backup_slots.vault_id, keys)
    if counter is None:
        counter = _holder(
            backup_slots.vault_id, {"policy": policy, "entries": {}, "events": [], "mac": ""}
        )
    counter.data["throttle"]["policy"] = policy
    counter.seal_throttle(keys)
    return counter


def _save_pc_counter(store: SecretStore, counter: SlotFile) -> None:
    store.put(entry_name(counter.vault_id), json.dumps(counter.data["throttle"], sort_keys=True))


def _live_slots(paths: VaultPaths, vault_id: str, keys: MachineKeys) -> SlotFile | None:
    """The target folder's slot file when it belongs to the same database."""
    if not paths.slots.exists():
        return None
    try:
        live = SlotFile.load(paths.slots)
        if live.vault_id != vault_id:
            return None
        live.check_throttle_mac(keys)
    except SlotFileInvalid:
        # A damaged slot file is a reason to restore, not to refuse it; the restore replaces
        # the file whole, and this PC's counter still counts.
        return None
    return live


def _refuse_if_locked(state: ThrottleState) -> None:
    if state.manual_lock or state.locked_until is not None:
        raise AccountLocked("account locked", state.locked_until)


def unlock_user(
    paths: VaultPaths,
    backup_slots: SlotFile,
    store: SecretStore,
    keys: MachineKeys,
    login: str,
    password: str,
    now: datetime,
) -> UnlockedSlot:
    """The backup's slot for `login`, opened with `password`, counted as described above."""
    live = _live_slots(paths, backup_slots.vault_id, keys)
    counter = _pc_counter(store, backup_slots, keys)
    for holder in (live, counter):
        if holder is not None:
            _refuse_if_locked(holder.throttle_state(keys, login, now))
    try:
        unlocked = backup_slots.unlock_user(keys, login, password)
    except CredentialsRejected:
        after = _count_failure(paths, store, counter, live is not None, keys, login, now)
        _refuse_if_locked(after)
        raise CredentialsRejected("wrong credentials", after.remaining) from None
    if counter.record_success(keys, login):
        try:
            _save_pc_counter(store, counter)
        except BaseException:
            unlocked.wipe()
            raise
    return unlocked


def _count_failure(
    paths: VaultPaths,
    store: SecretStore,
    counter: SlotFile,
    in_live_folder: bool,
    keys: MachineKeys,
    login: str,
    now: datetime,
) -> ThrottleState:
    """Count on this PC first (the secret store, not the data folder's disk), then in the
    target's slot file; the event is kept in one of them, for the next sign-in to log."""
    state = counter.record_failure(
        keys, login, now, event=None if in_live_folder else RESTORE_FAILED
    )
    _save_pc_counter(store, counter)
    if not in_live_folder:
        return state
    try:
        with SlotFile.edit(paths.slots, counter.vault_id) as live:
            live_state = live.record_failure(keys, login, now, event=RESTORE_FAILED)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DiskFull("the failed try was counted on this PC only") from exc
        raise SlotFileInvalid("key slot file cannot be written") from exc
    # The stricter of the two: a lock in either refuses the next try.
    if live_state.manual_lock or live_state.locked_until is not None:
        return live_state
    if state.manual_lock or state.locked_until is not None:
        return state
    return live_state if live_state.remaining < state.remaining else state


def pending_events(store: SecretStore, vault_id: str, keys: MachineKeys) -> list[dict[str, str]]:
    """Failed restores counted on this PC and not yet written into the access log."""
    counter = _stored(store, vault_id, keys)
    return [] if counter is None else [dict(e) for e in counter.data["throttle"]["events"]]


def drop_events(
    store: SecretStore, vault_id: str, keys: MachineKeys, written: list[dict[str, str]]
) -> None:
    """Remove the failed restores already written into the access log."""
    counter = _stored(store, vault_id, keys)
    if counter is None:
        return
    before = len(counter.data["throttle"]["events"])
    counter.drop_auth_events(keys, written)
    if len(counter.data["throttle"]["events"]) != before:
        _save_pc_counter(store, counter)


def clear_lock(store: SecretStore, vault_id: str, keys: MachineKeys, login: str) -> None:
    """A manager's unlock of a member clears this PC's restore counter for them as well."""
    counter = _stored(store, vault_id, keys)
    if counter is not None and counter.has_throttle_entry(keys, login):
        counter.clear_lock(keys, login)
        _save_pc_counter(store, counter)
