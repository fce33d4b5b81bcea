"""The key-slot sidecar: one slot per staff member and a recovery slot, LUKS-style.

A user slot holds an X25519 key pair. Its private key is wrapped twice: inside by Argon2id of the
password, outside by a key derived from this PC's machine secret. The data key (and the number
key, for roles that may see numbers) are sealed to the slot's public key, so a manager can grant
or revoke the number key without knowing the member's password, and a restore on a new PC can
rewrap the outer layers without anyone's password. The recovery slot wraps both keys and the
machine secret under the recovery key alone.

Failed sign-ins are counted here, not in the database, because the database cannot be opened
before a password is right; the counters carry a MAC keyed from the machine secret so that
editing the file does not reset them, and are kept on this PC too (storage/pc_counter.py) so
that copying an older file back does not either.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storage import crypto
from storage.atomic import write_atomic
from storage.errors import (
    CredentialsRejected,
    SlotDisabled,
    SlotFileInvalid,
    SlotFileOutdated,
    SlotFileTooNew,
    SlotValueInvalid,
)
from storage.file_lock import exclusive
from storage.machine_keys import MachineKeys
from storage.slot_throttle import ThrottlePolicy, ThrottleSection, ThrottleState

__all__ = ["MachineKeys", "SlotFile", "ThrottlePolicy", "ThrottleState"]

FORMAT = "mynumber-desk/keyslots"
# 2: signed rosters (pinned manager key in each password wrap, role keys, a recovery key pair).
VERSION = 2


# Keys sealed to a slot for a role: the number key for roles that may see numbers, the
# manager's and the auditor's signing keys for those roles (SECURITY.md §6a).
NUMBER_KEY = "number_key"
MANAGER_KEY = "manager_key"
AUDITOR_KEY = "auditor_key"
ROLE_KEYS = (NUMBER_KEY, MANAGER_KEY, AUDITOR_KEY)
# A new number key sealed ahead of the transaction that re-seals every number under it (a
# rotation, storage/key_rotation.py); the database's check value says which of the two is in use.
NUMBER_KEY_NEXT = "number_key_next"


@dataclass
class UnlockedSlot:
    slot_id: str
    data_key: bytearray
    keys: dict[str, bytearray]
    # The manager public key this member's own password wrap vouches for.
    pin: bytes
    # The slot's private key: the session keeps it, so a number key another program replaced
    # (a rotation) is opened from the slot file again without the password.
    private: bytearray = field(default_factory=bytearray)

    @property
    def number_key(self) -> bytearray | None:
        return self.keys.get(NUMBER_KEY)

    def wipe(self) -> None:
        crypto.zero(self.data_key)
        crypto.zero(self.private)
        for key in self.keys.values():
            crypto.zero(key)


@dataclass
class RecoveredKeys:
    data_key: bytearray
    machine_secret: bytearray
    keys: dict[str, bytearray]
    # The recovery slot's private key, when opened with the recovery key (as UnlockedSlot's).
    private: bytearray = field(default_factory=bytearray)

    @property
    def number_key(self) -> bytearray:
        return self.keys[NUMBER_KEY]

    def copy(self) -> RecoveredKeys:
        return RecoveredKeys(
            bytearray(self.data_key),
            bytearray(self.machine_secret),
            {name: bytearray(key) for name, key in self.keys.items()},
            bytearray(self.private),
        )

    def wipe(self) -> None:
        crypto.zero(self.data_key)
        crypto.zero(self.machine_secret)
        crypto.zero(self.private)
        for key in self.keys.values():
            crypto.zero(key)


class SlotFile(ThrottleSection):
    """The parsed sidecar; every change is saved atomically with the previous file kept."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    @classmethod
    def new(
        cls, path: Path, vault_id: str, secret_store: str, *, manager_public: bytes
    ) -> SlotFile:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": vault_id,
            "secret_store": secret_store,
            # Shown for comparison with the recovery sheet; trusted from each member's own
            # password wrap, never from here (anyone with the file can change this line).
            "manager_public": crypto.b64(manager_public),
            "generation": 0,
            "slots": {},
            "throttle": {"policy": vars(ThrottlePolicy()), "entries": {}, "events": [], "mac": ""},
        }
        return cls(path, data)

    @classmethod
    def load(cls, path: Path) -> SlotFile:
        try:
            raw = path.read_bytes()
        except FileNotFoundError as exc:
            raise SlotFileInvalid("key slot file missing") from exc
        except OSError as exc:
            raise SlotFileInvalid("key slot file unreadable") from exc
        return cls.parse(path, raw)

    @classmethod
    def parse(cls, path: Path, raw: bytes) -> SlotFile:
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise SlotFileInvalid("key slot file is not valid JSON") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise SlotFileInvalid("not a key slot file")
        if data.get("version") == 1:
            raise SlotFileOutdated("key slot file of the unreleased version 1")
        version = data.get("version")
        if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
            raise SlotFileTooNew("key slot file of a newer version of the program")
        if version != VERSION:
            raise SlotFileInvalid("unsupported key slot file version")
        if not isinstance(data.get("slots"), dict) or not isinstance(data.get("throttle"), dict):
            raise SlotFileInvalid("key slot file incomplete")
        try:
            uuid.UUID(str(data.get("vault_id")))
        except ValueError as exc:
            raise SlotFileInvalid("key slot file has no valid database id") from exc
        _check_slot_fields(data["slots"])
        _check_kdf_bounds(data["slots"])
        return cls(path, data)

    @classmethod
    @contextmanager
    def edit(cls, path: Path, vault_id: str) -> Iterator[SlotFile]:
        """Read-modify-write under the cross-process lock: the file on disk, not a copy held
        since sign-in, is what gets changed, so no other program's change is lost."""
        with exclusive(path), cls.edit_held(path, vault_id) as current:
            yield current

    @classmethod
    @contextmanager
    def edit_held(cls, path: Path, vault_id: str) -> Iterator[SlotFile]:
        """`edit` for a caller that already holds the lock (a number-key rotation holds it
        from its first write of the file to its last)."""
        discard_leftovers(path)
        current = cls.load(path)
        if current.vault_id != vault_id:
            raise SlotFileInvalid("key slot file belongs to another database")
        yield current
        current.save()

    def to_bytes(self) -> bytes:
        return json.dumps(self.data, indent=1, sort_keys=True).encode("utf-8")

    def save(self) -> None:
        """Write the file; the previous one becomes `.bak` unless this write takes a key away
        from a slot or seals it anew (a revocation, a disable, a removal, a new password): a
        `.bak` must never keep a grant that was revoked (SECURITY.md §6a), so then no `.bak`
        is left at all."""
        revokes = self._revokes_from(self.path)
        self.data["generation"] = int(self.data.get("generation", 0)) + 1
        if revokes:
            # The copy a killed earlier write left on its way to becoming the .bak as well.
            for leftover in (f"{self.path.name}.bak", f".{self.path.name}.bak.tmp"):
                self.path.with_name(leftover).unlink(missing_ok=True)
        write_atomic(self.path, self.to_bytes(), keep_previous=not revokes)

    def _revokes_from(self, path: Path) -> bool:
        """Whether any sealed key of the file on disk is missing from this one or sealed anew
        (a password change rewraps the private key: the old password must not open a copy)."""
        try:
            before = json.loads(path.read_bytes())["slots"]
        except (OSError, ValueError, KeyError, TypeError):
            return False
        for slot_id, slot in before.items():
            now = self.slots.get(slot_id, {})
            # A pending number key counts too: once the database is under it, it is the key.
            for name in (*_SEALED_KEYS, *_PENDING_KEYS):
                if isinstance(slot, dict) and name in slot and slot[name] != now.get(name):
                    return True
        return False

    @property
    def vault_id(self) -> str:
        return str(self.data["vault_id"])

    @property
    def secret_store(self) -> str:
        return str(self.data.get("secret_store", "keyring"))

    @property
    def slots(self) -> dict[str, dict[str, Any]]:
        return self.data["slots"]

    def _aad(self, slot_id: str, purpose: str, extra: dict[str, Any] | None = None) -> bytes:
        parts = [self.vault_id, slot_id, purpose]
        if extra is not None:
            parts.append(json.dumps(extra, sort_keys=True))
        return "|".join(parts).encode("utf-8")

    # --- user slots ---------------------------------------------------------------------

    def add_user_slot(
        self,
        keys: MachineKeys,
        *,
        login: str,
        password: str,
        kdf: crypto.KdfParams,
        data_key: bytes | bytearray,
        pin: bytes,
        keypair: tuple[bytearray, bytes] | None = None,
    ) -> tuple[str, bytes]:
        """A new slot holding the data key only (role keys are sealed once the roles that
        allow them are committed); returns its id and public key, which the caller puts in
        the signed roster. `pin` is the manager public key the slot's password wrap vouches
        for. With `keypair` the slot takes that key pair, whose private key the caller keeps
        (and zeroes); else a new one, zeroed here."""
        slot_id = uuid.uuid4().hex
        private, public = keypair or crypto.new_keypair()
        try:
            slot: dict[str, Any] = {
                "kind": "user",
                "login_id": keys.login_id(login),
                "public_key": crypto.b64(public),
            }
            slot["private_key"] = self._wrap_private(keys, slot_id, private, password, kdf, pin)
            self.slots[slot_id] = slot
            self.seal_key(slot_id, "data_key", data_key, public)
        finally:
            if keypair is None:
                crypto.zero(private)
        return slot_id, public

    def _wrap_private(
        self,
        keys: MachineKeys,
        slot_id: str,
        private: bytearray,
        password: str,
        kdf: crypto.KdfParams,
        pin: bytes,
    ) -> dict[str, Any]:
        salt = os.urandom(16)
        kdf_json = {**kdf.to_json(), "salt": crypto.b64(salt)}
        wrapped: dict[str, Any] = {"kdf": kdf_json, "pin": crypto.b64(pin)}
        password_key = crypto.argon2id(password.encode("utf-8"), salt, kdf)
        try:
            inner = crypto.seal(password_key, private, self._inner_aad(slot_id, wrapped))
        finally:
            crypto.zero(password_key)
        inner_bytes = json.dumps(inner, sort_keys=True).encode("ascii")
        wrapped["outer"] = crypto.seal(keys.outer, inner_bytes, self._aad(slot_id, "outer"))
        return wrapped

    def _inner_aad(self, slot_id: str, wrapped: dict[str, Any]) -> bytes:
        """The password layer authenticates the KDF parameters and the pinned manager key:
        only the member's password can put another pin there."""
        return self._aad(slot_id, "private", {**wrapped["kdf"], "pin": wrapped["pin"]})

    def _unwrap_private(
        self, keys: MachineKeys, slot_id: str, password: str
    ) -> tuple[bytearray, bytes]:
        wrapped = self.slots[slot_id]["private_key"]
        try:
            inner_bytes = crypto.open_sealed(
                keys.outer, wrapped["outer"], self._aad(slot_id, "outer")
            )
            inner = json.loads(bytes(inner_bytes).decode("ascii"))
            kdf_json = wrapped["kdf"]
            params = crypto.KdfParams.from_json(kdf_json)
            salt = crypto.unb64(kdf_json["salt"])
            pin = crypto.unb64(wrapped["pin"])
        except crypto.DecryptionFailed as exc:
            # The outer layer only fails with another machine secret or an altered file.
            raise SlotFileInvalid("slot outer layer does not authenticate") from exc
        except (KeyError, ValueError, TypeError) as exc:
            raise SlotFileInvalid("slot malformed") from exc
        password_key = crypto.argon2id(password.encode("utf-8"), salt, params)
        try:
            private = crypto.open_sealed(password_key, inner, self._inner_aad(slot_id, wrapped))
        finally:
            crypto.zero(password_key)
        return private, pin

    def seal_key(
        self, slot_id: str, name: str, key: bytes | bytearray, public: bytes | None = None
    ) -> None:
        """Seal a key to a slot: to `public` when given (the key the signed roster names for
        the member, so a public key planted in the file receives nothing it can open), else
        to the file's own public key (the recovery slot, a slot being made)."""
        slot = self.slots[slot_id]
        target = public if public is not None else crypto.unb64(slot["public_key"])
        slot[name] = crypto.seal_to_public(target, key, self._aad(slot_id, name))

    def drop_key(self, slot_id: str, name: str) -> None:
        self.slots[slot_id].pop(name, None)

    def has_key(self, slot_id: str, name: str) -> bool:
        return name in self.slots.get(slot_id, {})

    def public_key(self, slot_id: str) -> bytes | None:
        slot = self.slots.get(slot_id)
        try:
            return crypto.unb64(slot["public_key"]) if slot else None
        except (KeyError, ValueError, TypeError):
            return None

    def _open_key(self, slot_id: str, private: bytearray, name: str) -> bytearray | None:
        box = self.slots[slot_id].get(name)
        if box is None:
            return None
        try:
            return crypto.open_from_private(private, box, self._aad(slot_id, name))
        except crypto.DecryptionFailed as exc:
            raise SlotFileInvalid(f"slot {name} does not authenticate") from exc

    def open_number_keys(self, slot_id: str, private: bytearray) -> dict[str, bytearray]:
        """The number keys (current and pending) sealed to a slot, opened with its private key
        kept by a session; none when the slot is gone or disabled."""
        if slot_id not in self.slots or self.is_disabled(slot_id):
            return {}
        opened: dict[str, bytearray] = {}
        for name in (NUMBER_KEY, *_PENDING_KEYS):
            key = self._open_key(slot_id, private, name)
            if key is not None:
                opened[name] = key
        return opened

    def _typical_kdf(self) -> crypto.KdfParams:
        for slot in self.slots.values():
            if slot.get("kind") == "user":
                try:
                    return crypto.KdfParams.from_json(slot["private_key"]["kdf"])
                except (KeyError, ValueError, TypeError):
                    continue
        return crypto.DEFAULT_KDF

    def user_slots_for(self, keys: MachineKeys, login: str) -> list[str]:
        login_id = keys.login_id(login)
        return [
            slot_id
            for slot_id, slot in self.slots.items()
            if slot.get("kind") == "user" and slot.get("login_id") == login_id
        ]

    def unlock_user(self, keys: MachineKeys, login: str, password: str) -> UnlockedSlot:
        candidates = self.user_slots_for(keys, login)
        if not candidates:
            _burn_kdf_time(password, self._typical_kdf())
            raise CredentialsRejected("no slot opens with these credentials")
        for slot_id in candidates:
            try:
                private, pin = self._unwrap_private(keys, slot_id, password)
            except crypto.DecryptionFailed:
                continue
            if self.slots[slot_id].get("disabled"):
                crypto.zero(private)
                raise SlotDisabled("account disabled")
            opened: dict[str, bytearray] = {}
            try:
                data_key = self._open_key(slot_id, private, "data_key")
                if data_key is None:
                    raise SlotFileInvalid("slot has no data key")
                for name in (*ROLE_KEYS, *_PENDING_KEYS):
                    key = self._open_key(slot_id, private, name)
                    if key is not None:
                        opened[name] = key
            except BaseException:
                for key in opened.values():
                    crypto.zero(key)
                crypto.zero(private)
                raise
            return UnlockedSlot(slot_id, data_key, opened, pin, private)
        raise CredentialsRejected("no slot opens with these credentials")

    def change_password(
        self,
        keys: MachineKeys,
        slot_id: str,
        old_password: str,
        new_password: str,
        kdf: crypto.KdfParams,
    ) -> None:
        """Rewrap with a new password; the pinned manager key is carried over."""
        try:
            private, pin = self._unwrap_private(keys, slot_id, old_password)
        except crypto.DecryptionFailed as exc:
            raise CredentialsRejected("old password wrong") from exc
        try:
            self.slots[slot_id]["private_key"] = self._wrap_private(
                keys, slot_id, private, new_password, kdf, pin
            )
        finally:
            crypto.zero(private)

    def is_disabled(self, slot_id: str) -> bool:
        return bool(self.slots.get(slot_id, {}).get("disabled"))

    def disable_slot(self, slot_id: str) -> None:
        """Drop the sealed keys but keep the password wrap, so a disabled member who signs in
        is told the account is disabled, and can decrypt nothing."""
        slot = self.slots[slot_id]
        for name in (*_SEALED_KEYS, *_PENDING_KEYS):
            if name != "private_key":
                slot.pop(name, None)
        slot["disabled"] = True

    def remove_slot(self, slot_id: str) -> None:
        self.slots.pop(slot_id, None)

    def relabel_login(self, keys: MachineKeys, slot_id: str, login: str) -> None:
        self.slots[slot_id]["login_id"] = keys.login_id(login)

    # --- recovery slot ------------------------------------------------------------------

    def set_recovery_slot(
        self,
        recovery_secret: bytes,
        kdf: crypto.KdfParams,
        keys: RecoveredKeys,
    ) -> None:
        """The recovery slot has a key pair of its own, like a member's, so a new number key
        (a rotation) is sealed to it without the recovery key; the machine secret is wrapped
        under the recovery key alone."""
        salt = os.urandom(16)
        kdf_json = {**kdf.to_json(), "salt": crypto.b64(salt)}
        wrap = crypto.argon2id(recovery_secret, salt, kdf)
        private, public = crypto.new_keypair()
        try:
            slot: dict[str, Any] = {
                "kind": "recovery",
                "kdf": kdf_json,
                "public_key": crypto.b64(public),
                "private_key": crypto.seal(wrap, private, self._aad(RECOVERY, "private", kdf_json)),
                "machine_secret": crypto.seal(
                    wrap, keys.machine_secret, self._aad(RECOVERY, "machine_secret", kdf_json)
                ),
            }
        finally:
            crypto.zero(wrap)
            crypto.zero(private)
        self.slots[RECOVERY] = slot
        self.seal_key(RECOVERY, "data_key", keys.data_key)
        for name, key in keys.keys.items():
            self.seal_key(RECOVERY, name, key)

    def unlock_recovery(self, recovery_secret: bytes) -> RecoveredKeys:
        slot = self.slots.get(RECOVERY)
        if slot is None:
            raise SlotFileInvalid("no recovery slot")
        try:
            kdf_json = slot["kdf"]
            params = crypto.KdfParams.from_json(kdf_json)
            salt = crypto.unb64(kdf_json["salt"])
        except (KeyError, ValueError, TypeError) as exc:
            raise SlotFileInvalid("recovery slot malformed") from exc
        wrap = crypto.argon2id(recovery_secret, salt, params)
        try:
            private = crypto.open_sealed(
                wrap, slot["private_key"], self._aad(RECOVERY, "private", kdf_json)
            )
            machine_secret = crypto.open_sealed(
                wrap, slot["machine_secret"], self._aad(RECOVERY, "machine_secret", kdf_json)
            )
        except crypto.DecryptionFailed as exc:
            raise CredentialsRejected("recovery key does not open this database") from exc
        finally:
            crypto.zero(wrap)
        opened: dict[str, bytearray] = {}
        try:
            data_key = self._open_key(RECOVERY, private, "data_key")
            for name in (*ROLE_KEYS, *_PENDING_KEYS):
                key = self._open_key(RECOVERY, private, name)
                if key is not None:
                    opened[name] = key
            if data_key is None or any(name not in opened for name in ROLE_KEYS):
                raise SlotFileInvalid("recovery slot lacks a key")
        except BaseException:
            crypto.zero(machine_secret)
            for key in opened.values():
                crypto.zero(key)
            crypto.zero(private)
            raise
        return RecoveredKeys(data_key, machine_secret, opened, private)

    def replace_machine_secret(self, recovery_secret: bytes, machine_secret: bytes) -> None:
        """A rebind's new machine secret under the recovery key; the recovery key pair, which
        the signed roster names, stays."""
        slot = self.slots[RECOVERY]
        kdf_json = slot["kdf"]
        wrap = crypto.argon2id(
            recovery_secret, crypto.unb64(kdf_json["salt"]), crypto.KdfParams.from_json(kdf_json)
        )
        try:
            slot["machine_secret"] = crypto.seal(
                wrap, machine_secret, self._aad(RECOVERY, "machine_secret", kdf_json)
            )
        finally:
            crypto.zero(wrap)

    def rebind(
        self,
        old: MachineKeys,
        new: MachineKeys,
        logins: dict[str, str],
    ) -> list[str]:
        """Move every user slot's outer layer to a new machine secret; returns dropped slots.

        `logins` maps slot id → login name (from the database) so login ids can be recomputed;
        slots with no living account are dropped rather than carried over.
        """
        dropped = []
        for slot_id, slot in list(self.slots.items()):
            if slot.get("kind") != "user":
                continue
            if slot_id not in logins:
                dropped.append(slot_id)
                del self.slots[slot_id]
                continue
            wrapped = slot["private_key"]
            try:
                inner = crypto.open_sealed(old.outer, wrapped["outer"], self._aad(slot_id, "outer"))
            except crypto.DecryptionFailed as exc:
                raise SlotFileInvalid("slot outer layer does not authenticate") from exc
            wrapped["outer"] = crypto.seal(new.outer, inner, self._aad(slot_id, "outer"))
            slot["login_id"] = new.login_id(logins[slot_id])
        self.data["throttle"]["entries"] = {}
        self.data["throttle"]["events"] = []
        self.seal_throttle(new)
        return dropped


RECOVERY = "recovery"


def discard_leftovers(path: Path) -> None:
    """Remove what a write killed half-way left beside the file (its temporary copy, or the
    previous file on its way to `.bak`): either may hold a key taken away since. Only ever
    written under the file's lock, so under the lock they are garbage."""
    for name in (f".{path.name}.tmp", f".{path.name}.bak.tmp"):
        path.with_name(name).unlink(missing_ok=True)


@contextmanager
def tidy(path: Path) -> Iterator[None]:
    """The file's lock, with the leftovers of a killed write removed (for a change that finds
    nothing to write)."""
    with exclusive(path):
        discard_leftovers(path)
        yield


# The keys a slot can hold sealed; losing one is a revocation.
_SEALED_KEYS = ("data_key", *ROLE_KEYS, "private_key")
# Keys sealed ahead of a change that has not committed yet (a number-key rotation).
_PENDING_KEYS: tuple[str, ...] = (NUMBER_KEY_NEXT,)


def _check_slot_fields(slots: dict[str, Any]) -> None:
    """Every field the program reads from a slot is there, with the right JSON type, before
    any is read: a missing one is a damaged file (SlotFileInvalid), never a KeyError."""
    for slot in slots.values():
        if not isinstance(slot, dict):
            raise SlotFileInvalid("slot is not an object")
        kind = slot.get("kind")
        if kind == "user":
            wrapped = slot.get("private_key")
            if (
                not isinstance(slot.get("login_id"), str)
                or not isinstance(slot.get("public_key"), str)
                or not isinstance(wrapped, dict)
                or not isinstance(wrapped.get("kdf"), dict)
                or not isinstance(wrapped.get("pin"), str)
                or "outer" not in wrapped
            ):
                raise SlotFileInvalid("user slot lacks a field")
        elif kind == "recovery" and (
            not isinstance(slot.get("kdf"), dict)
            or any(
                name not in slot
                for name in (
                    "public_key",
                    "private_key",
                    "data_key",
                    "number_key",
                    "machine_secret",
                )
            )
        ):
            raise SlotFileInvalid("recovery slot lacks a field")


def _check_kdf_bounds(slots: dict[str, Any]) -> None:
    """Every slot's Argon2id cost within bounds, checked when the file is read, before any
    password is derived with it (an edited cost could hang or crash a sign-in). A slot whose
    parameters are missing or of an unknown kind is left to the code that uses it."""
    for slot in slots.values():
        if not isinstance(slot, dict):
            continue
        wrapped = slot.get("private_key")
        kdf = slot.get("kdf") if slot.get("kind") == "recovery" else None
        if kdf is None and isinstance(wrapped, dict):
            kdf = wrapped.get("kdf")
        if not isinstance(kdf, dict):
            continue
        try:
            crypto.KdfParams.from_json(kdf)
        except crypto.KdfParamsOutOfRange as exc:
            raise SlotValueInvalid("a key slot's KDF parameters are out of range") from exc
        except (KeyError, ValueError, TypeError):
            continue


def _burn_kdf_time(password: str, params: crypto.KdfParams) -> None:
    # An unknown user name costs the same as a wrong password, so timing tells nothing.
    crypto.zero(crypto.argon2id(password.encode("utf-8"), b"\0" * 16, params))
