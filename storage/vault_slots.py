"""The key slots of an open vault: adding, disabling and removing members' slots, giving and
taking role keys, the sign-in lock, and comparing the slot file with the signed roster. A part
of `storage.vault.Vault` (the attributes below are set by its constructor)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from storage import crypto, keyslots, pc_counter
from storage.errors import SlotFileInvalid
from storage.keyslots import (
    NUMBER_KEY,
    NUMBER_KEY_NEXT,
    ROLE_KEYS,
    MachineKeys,
    SlotFile,
    ThrottlePolicy,
    ThrottleState,
)
from storage.keystore import SecretStore
from storage.layout import VaultPaths

RECOVERY_SLOT = "recovery"


@dataclass(frozen=True)
class SlotExpectation:
    """What the signed roster says one member's slot must be."""

    login: str
    slot_id: str | None
    active: bool
    keys: frozenset[str]
    public_key: bytes | None


class SlotKeeping:
    """The slot-file side of an open vault."""

    paths: VaultPaths
    pin: bytes
    slot_id: str
    _slot_file: SlotFile
    _store: SecretStore
    _machine_keys: MachineKeys
    _data_key: bytearray
    _role_keys: dict[str, bytearray]
    _slot_private: bytearray | None

    @property
    def vault_id(self) -> str:
        return self._slot_file.vault_id

    def current_slots(self) -> SlotFile:
        """The slot file as it is on disk now (another program may have changed it since)."""
        return SlotFile.load(self.paths.slots)

    def number_key_current(self) -> bool:
        """Whether the number key held is the one the data is under (Vault's, which may drop
        a replaced key)."""
        raise NotImplementedError

    def login_id(self, login: str) -> str:
        return self._machine_keys.login_id(login)

    @contextmanager
    def _edit_slots(self) -> Iterator[SlotFile]:
        with SlotFile.edit(self.paths.slots, self.vault_id) as current:
            yield current
        self._slot_file = current

    def add_user_slot(
        self, login: str, password: str, kdf: crypto.KdfParams, *, own: bool = False
    ) -> tuple[str, bytes]:
        """Create a slot with the data key only, its password wrap pinned to this session's
        manager key, and save the file; returns its id and public key. The caller commits the
        account row and the signed roster naming it, then grants the role keys. `own`: the
        slot this session continues as (the first account), whose private key it keeps."""
        keypair = crypto.new_keypair() if own else None
        try:
            with self._edit_slots() as slots:
                made = slots.add_user_slot(
                    self._machine_keys,
                    login=login,
                    password=password,
                    kdf=kdf,
                    data_key=self._data_key,
                    pin=self.pin,
                    keypair=keypair,
                )
        except BaseException:
            if keypair is not None:
                crypto.zero(keypair[0])
            raise
        if keypair is not None:
            crypto.zero(self._slot_private)
            self._slot_private = keypair[0]
        return made

    def disable_slot(self, slot_id: str) -> None:
        with self._edit_slots() as slots:
            slots.disable_slot(slot_id)

    def remove_slot(self, slot_id: str) -> None:
        if slot_id == RECOVERY_SLOT:
            raise SlotFileInvalid("the recovery slot is never removed this way")
        with self._edit_slots() as slots:
            slots.remove_slot(slot_id)

    def remove_orphan_slots(self, login: str, owned: set[str]) -> int:
        """Remove the login's user slots that no account owns (`owned`: every slot id the
        staff table names): what a create or a reset cut before its commit leaves behind, so
        the same temporary password used again opens the new slot. Returns how many."""
        orphans = [
            slot_id
            for slot_id in self.current_slots().user_slots_for(self._machine_keys, login)
            if slot_id not in owned
        ]
        if orphans:
            with self._edit_slots() as slots:
                for slot_id in orphans:
                    slots.remove_slot(slot_id)
        return len(orphans)

    def remove_unowned_slots(self, owned: set[str]) -> int:
        """Remove every user slot `owned` does not name (the slots the signed roster and the
        staff rows name): the old slot of a reset cut after its commit, the new slot of a
        create or reset cut before it. Returns how many."""
        unowned = [
            slot_id
            for slot_id, slot in self.current_slots().slots.items()
            if slot.get("kind") == "user" and slot_id not in owned
        ]
        if unowned:
            with self._edit_slots() as slots:
                for slot_id in unowned:
                    slots.remove_slot(slot_id)
        return len(unowned)

    def revoke_role_keys(self, slot_id: str, names: frozenset[str]) -> None:
        """Take role keys from a slot (before the roles that allowed them are committed away).
        With nothing to take, a copy a killed earlier write left is still removed."""
        # A pending number key goes with the number key (it is the key once a rotation ends).
        if NUMBER_KEY in names:
            names = names | {NUMBER_KEY_NEXT}
        if not any(self.current_slots().has_key(slot_id, name) for name in names):
            with keyslots.tidy(self.paths.slots):
                return
        with self._edit_slots() as slots:
            for name in names:
                slots.drop_key(slot_id, name)

    def grant_role_keys(self, slot_id: str, names: frozenset[str], public: bytes) -> frozenset[str]:
        """Seal role keys to a slot, to `public`: the key the signed roster names for the
        member, never the one the file holds (which anyone with the file could have replaced).
        Returns the names this session could not give because it does not hold them."""
        if NUMBER_KEY in names and NUMBER_KEY in self._role_keys:
            # A key another program has since replaced is never handed on.
            self.number_key_current()
        missing = frozenset(name for name in names if name not in self._role_keys)
        wanted = [name for name in names if name in self._role_keys]
        current = self.current_slots()
        if all(current.has_key(slot_id, name) for name in wanted):
            return missing
        with self._edit_slots() as slots:
            for name in wanted:
                if not slots.has_key(slot_id, name):
                    slots.seal_key(slot_id, name, self._role_keys[name], public)
        return missing

    def change_password(
        self,
        slot_id: str,
        old_password: str,
        new_password: str,
        kdf: crypto.KdfParams,
        *,
        login: str,
        now: datetime,
    ) -> dict[str, str]:
        """Rewrap the slot and, in the same write of the file, keep the change as a pending
        event: if the database write that logs it is lost, the next sign-in logs it from
        here. Returns the event, to be dropped once the access log holds it."""
        with self._edit_slots() as slots:
            slots.change_password(self._machine_keys, slot_id, old_password, new_password, kdf)
            return slots.add_auth_event(self._machine_keys, login, now, "staff.password_changed")

    def slot_problems(self, members: list[SlotExpectation], recovery_public: bytes) -> list[str]:
        """What in the slot file on disk disagrees with the signed roster: a slot missing, of
        another login, with another public key, disabled for an active member or open for a
        disabled one, a role key its member's roles do not allow, a user slot nobody owns, or
        a recovery slot missing or not the one signed. Codes, not text: the caller words
        them."""
        slots = self.current_slots()
        problems: list[str] = []
        owned: set[str] = set()
        for member in members:
            slot = slots.slots.get(member.slot_id) if member.slot_id else None
            if member.slot_id:
                owned.add(member.slot_id)
            if slot is None:
                if member.active:
                    problems.append(f"missing:{member.login}")
                continue
            if slot.get("kind") != "user" or slot.get("login_id") != self.login_id(member.login):
                problems.append(f"other_login:{member.login}")
            if slots.public_key(member.slot_id or "") != member.public_key:
                problems.append(f"public_key:{member.login}")
            if member.active == bool(slot.get("disabled")):
                problems.append(f"state:{member.login}")
            for name in ROLE_KEYS:
                if name in slot and name not in member.keys:
                    problems.append(f"{name}:{member.login}")
            if NUMBER_KEY_NEXT in slot and NUMBER_KEY not in member.keys:
                problems.append(f"{NUMBER_KEY}:{member.login}")
        for slot_id, slot in slots.slots.items():
            if slot.get("kind") == "user" and slot_id not in owned:
                problems.append("orphan")
        if slots.public_key(RECOVERY_SLOT) != recovery_public:
            problems.append("recovery")
        return problems

    def disabled_slots(self, slot_ids: list[str]) -> set[str]:
        """Which of these slots the slot file marks disabled (read from the file on disk)."""
        slots = self.current_slots()
        return {slot_id for slot_id in slot_ids if slots.is_disabled(slot_id)}

    def clear_lock(self, login: str) -> None:
        with self._edit_slots() as slots:
            slots.clear_lock(self._machine_keys, login)
        pc_counter.clear(self._store, self.vault_id, self._machine_keys, login)

    def throttle_states(self, logins: list[str], now: datetime) -> dict[str, ThrottleState]:
        """Each login's sign-in lock as the slot file on disk (a failed sign-in in another
        program counts too) and this PC's counter say now, the stricter of the two."""
        slots = self.current_slots()
        slots.check_throttle_mac(self._machine_keys)
        return pc_counter.states(self._store, slots, self._machine_keys, logins, now)

    def set_throttle_policy(self, policy: ThrottlePolicy) -> None:
        with self._edit_slots() as slots:
            slots.set_policy(self._machine_keys, policy)

    def pending_auth_events(self) -> list[dict[str, str]]:
        """Failed sign-ins and restores kept in the slot file or counted on this PC (each
        once), not yet in the access log."""
        events = SlotFile.load(self.paths.slots).data["throttle"]["events"]
        return pc_counter.pending_events(self._store, self.vault_id, self._machine_keys, events)

    def clear_auth_events(self, written: list[dict[str, str]]) -> None:
        """Remove the events that were written into the log (new ones may have arrived)."""
        with self._edit_slots() as slots:
            slots.drop_auth_events(self._machine_keys, written)
        pc_counter.drop_events(self._store, self.vault_id, self._machine_keys, written)
