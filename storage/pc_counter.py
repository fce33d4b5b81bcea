"""This PC's count of wrong passwords: a second copy of the sign-in counter, beside the secret.

Every wrong password, given to sign in (storage/vault.py `_authenticate`, re-authentication
included) or to `restore` (storage/restore.py), is counted in two places:

- the data folder's slot file (its throttle section, MACed with a key from the machine secret;
  storage/keyslots.py);
- this PC's counter for the database, an entry of this PC's secret store beside the machine
  secret (the same throttle section with the same MAC and the same code, never saved as a
  file of its own).

A try is refused while either place is locked, before any password is derived, and the tries
left are the fewer of the two. So rolling ONE of them back, whether by copying keyslots.json
aside and back, restoring a backup (which brings the backup's older slot file), or putting back
an old keyring entry (or deleting it), gives no fresh tries. A sign-in clears both; so does a
manager's unlock. A restore that proves a password clears neither: the slot in the backup may
hold an old password, and the sign-in that opens the restored data clears them.

A restore into a folder that does not hold this database has only this PC's counter: the
folder holds no slot file to count in (it is empty, or another database's). Rolling the keyring
entry back resets that count.

Each wrong password is one event for the access log, kept in both places under one id: the
next sign-in logs it once (vault.pending_auth_events merges the two copies) and drops it from
both, so rolling one place back loses no event either.

Not kept: a high-water mark of the slot file's `generation`. It would let a sign-in notice that
the file went back, but nothing could be done with that: legitimate restores take the file back
too, so a sign-in must not be refused; the counters above already survive the rollback of one
place; a rolled-back grant of the number key is answered by rotating that key (#14 item 1); and
whoever rolls back the keyring entry rolls back the mark with it. A log line that every restore
also writes tells a manager nothing.

What remains: a member who controls BOTH the slot file and the keyring entry (and so knows the
machine secret, as everyone signed in to the same Windows account does) can still reset the
counters, by rolling each back. The counters stop guessing through the program; guessing on a
copy of keyslots.json outside it is bounded only by each slot's Argon2id cost (SECURITY.md §5).
"""

from __future__ import annotations

import errno
import json
import logging
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from storage.errors import (
    AccountLocked,
    CredentialsRejected,
    DiskFull,
    KeystoreUnavailable,
    SlotFileInvalid,
    StorageError,
)
from storage.keyslots import MachineKeys, SlotFile, ThrottleState, UnlockedSlot
from storage.keystore import SecretStore
from storage.layout import VaultPaths

log = logging.getLogger(__name__)

SIGNIN_FAILED = "signin.failed"
RESTORE_FAILED = "restore.failed"


def entry_name(vault_id: str) -> str:
    return f"signin-counter:{vault_id}"


def _holder(vault_id: str, throttle: dict[str, Any]) -> SlotFile:
    """A slot file holding only a throttle section, so this PC's counter is counted, locked
    and MACed by the same code as the slot file's; it is never saved as a file."""
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
        # Whoever can alter the entry can delete it too (the slot file still counts); start
        # again rather than refuse every sign-in for good.
        log.warning("sign-in counter of this PC unreadable; started again")
        return None
    return counter


def _counter(store: SecretStore, policy_from: SlotFile, keys: MachineKeys) -> SlotFile:
    """This PC's counter for the database, under the policy of `policy_from`."""
    policy = dict(policy_from.data["throttle"]["policy"])
    counter = _stored(store, policy_from.vault_id, keys)
    if counter is None:
        counter = _holder(
            policy_from.vault_id, {"policy": policy, "entries": {}, "events": [], "mac": ""}
        )
    counter.data["throttle"]["policy"] = policy
    counter.seal_throttle(keys)
    return counter


def _save(store: SecretStore, counter: SlotFile) -> None:
    value = json.dumps(counter.data["throttle"], sort_keys=True)
    try:
        store.put(entry_name(counter.vault_id), value)
    except OSError as exc:
        # The demo folders' secret file sits on the data folder's disk.
        if exc.errno == errno.ENOSPC:
            raise DiskFull("this PC's sign-in counter could not be written") from None
        raise KeystoreUnavailable("this PC's sign-in counter could not be written") from None


def stricter(first: ThrottleState, second: ThrottleState) -> ThrottleState:
    """The state that refuses sooner: a manager's lock, then the later lock, then fewer tries."""
    for state in (first, second):
        if state.manual_lock:
            return state
    locks = [s for s in (first, second) if s.locked_until is not None]
    if locks:
        return max(locks, key=lambda s: s.locked_until or datetime.min)
    return first if first.remaining <= second.remaining else second


def states(
    store: SecretStore, slots: SlotFile, keys: MachineKeys, logins: list[str], now: datetime
) -> dict[str, ThrottleState]:
    """Each login's lock, the stricter of the slot file's (MAC already checked) and this PC's."""
    counter = _counter(store, slots, keys)
    return {
        login: stricter(
            slots.throttle_state(keys, login, now), counter.throttle_state(keys, login, now)
        )
        for login in logins
    }


def _refuse_if_locked(state: ThrottleState) -> None:
    if state.manual_lock or state.locked_until is not None:
        raise AccountLocked("account locked", state.locked_until)


def unlock_user(
    store: SecretStore,
    keys: MachineKeys,
    opening: SlotFile,
    live: SlotFile | None,
    login: str,
    password: str,
    now: datetime,
    *,
    event: str,
) -> UnlockedSlot:
    """`login`'s slot in `opening`, opened with `password`; refused while this PC's counter or
    `live` (the data folder's slot file of this database, if any) is locked, and a wrong
    password counted in both, with `event` for the access log."""
    policy_from = live or opening
    state = _counter(store, policy_from, keys).throttle_state(keys, login, now)
    if live is not None:
        state = stricter(state, live.throttle_state(keys, login, now))
    _refuse_if_locked(state)
    try:
        return opening.unlock_user(keys, login, password)
    except CredentialsRejected:
        live_path = None if live is None else live.path
        after = _count_failure(store, policy_from, live_path, keys, login, now, event)
        _refuse_if_locked(after)
        raise CredentialsRejected("wrong credentials", after.remaining) from None


def _count_failure(
    store: SecretStore,
    policy_from: SlotFile,
    live_path: Path | None,
    keys: MachineKeys,
    login: str,
    now: datetime,
    event: str,
) -> ThrottleState:
    """Count on this PC, then in the slot file, each even if the other cannot be written (a
    failure not counted there is still counted here); the error of either is raised after."""
    event_id = uuid.uuid4().hex
    counter = _counter(store, policy_from, keys)
    state = counter.record_failure(keys, login, now, event=event, event_id=event_id)
    problem: StorageError | None = None
    try:
        _save(store, counter)
    except StorageError as exc:
        problem = exc
    if live_path is not None:
        try:
            with SlotFile.edit(live_path, counter.vault_id) as live:
                live_state = live.record_failure(keys, login, now, event=event, event_id=event_id)
            state = stricter(state, live_state)
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                problem = DiskFull("the failed try could not be counted in the slot file")
            else:
                problem = SlotFileInvalid("key slot file cannot be written")
    if problem is not None:
        raise problem
    return state


def live_slots(paths: VaultPaths, vault_id: str, keys: MachineKeys) -> SlotFile | None:
    """A restore's target folder's slot file when it belongs to the same database."""
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


def clear(store: SecretStore, vault_id: str, keys: MachineKeys, login: str) -> None:
    """Clear this PC's count for `login` (a manager's unlock, with the slot file's)."""
    counter = _stored(store, vault_id, keys)
    if counter is not None and counter.has_throttle_entry(keys, login):
        counter.clear_lock(keys, login)
        _save(store, counter)


def signed_in(store: SecretStore, vault_id: str, keys: MachineKeys, login: str) -> None:
    """A right password clears this PC's count too; if it cannot be written the count stays,
    which only refuses sooner, so the sign-in goes on."""
    try:
        clear(store, vault_id, keys, login)
    except StorageError:
        log.warning("sign-in counter of this PC not cleared")


def pending_events(
    store: SecretStore, vault_id: str, keys: MachineKeys, in_slot_file: list[dict[str, str]]
) -> list[dict[str, str]]:
    """The events of the slot file, then those counted on this PC and not in it (a restore
    into another folder, or a slot file rolled back), not yet written into the access log."""
    counter = _stored(store, vault_id, keys)
    events = [dict(e) for e in in_slot_file]
    if counter is not None:
        events += [dict(e) for e in counter.data["throttle"]["events"] if e not in events]
    return events


def drop_events(
    store: SecretStore, vault_id: str, keys: MachineKeys, written: list[dict[str, str]]
) -> None:
    """Remove the events already written into the access log."""
    counter = _stored(store, vault_id, keys)
    if counter is None:
        return
    before = len(counter.data["throttle"]["events"])
    counter.drop_auth_events(keys, written)
    if len(counter.data["throttle"]["events"]) != before:
        _save(store, counter)
