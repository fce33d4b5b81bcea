"""The signed roster: who may do what, as the manager signed it (SECURITY.md §6a).

Every member holds the data key, so every member can rewrite the staff tables with a raw
SQLCipher connection. What they cannot do is sign: each version of the roster (every account,
its state, roles, scopes, slot and the slot's public key, and the auditor's public key) is
signed with the manager key, which only manager slots and the recovery slot hold. A sign-in
checks the staff rows against the newest version that verifies under the manager key pinned in
the member's own password wrap; role keys are sealed only to the public keys a roster names.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from storage import crypto
from storage.connection import Connection
from storage.staff_repo import StaffRecord

FORMAT = "mynumber-desk/roster v1"


@dataclass(frozen=True)
class RosterEntry:
    staff_id: int
    login: str
    active: bool
    roles: tuple[str, ...]
    scopes: tuple[str, ...]
    slot_id: str | None
    public_key: str | None

    @classmethod
    def of(cls, record: StaffRecord, public_key: str | None) -> RosterEntry:
        return cls(
            staff_id=record.id,
            login=record.login_name,
            active=record.active,
            roles=tuple(sorted(record.roles)),
            scopes=tuple(sorted(f"{kind}:{value}" for kind, value in record.scopes)),
            slot_id=record.slot_id,
            public_key=public_key,
        )

    @property
    def public_bytes(self) -> bytes | None:
        return crypto.unb64(self.public_key) if self.public_key else None

    def scope_pairs(self) -> frozenset[tuple[str, str]]:
        return frozenset(tuple(text.split(":", 1)) for text in self.scopes)  # type: ignore[misc]


@dataclass(frozen=True)
class Roster:
    seq: int
    vault_id: str
    members: tuple[RosterEntry, ...]
    auditor_public: str
    # The recovery slot's public key: a new number key (a rotation) is sealed to it.
    recovery_public: str

    def body(self) -> bytes:
        return json.dumps(
            {
                "format": FORMAT,
                "seq": self.seq,
                "vault_id": self.vault_id,
                "auditor_public": self.auditor_public,
                "recovery_public": self.recovery_public,
                "members": [vars(m) for m in sorted(self.members, key=lambda m: m.staff_id)],
            },
            sort_keys=True,
            ensure_ascii=False,
        ).encode("utf-8")

    @classmethod
    def parse(cls, body: bytes) -> Roster:
        data = json.loads(body.decode("utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError("not a roster")
        members = tuple(
            RosterEntry(
                staff_id=int(m["staff_id"]),
                login=str(m["login"]),
                active=bool(m["active"]),
                roles=tuple(m["roles"]),
                scopes=tuple(m["scopes"]),
                slot_id=m["slot_id"],
                public_key=m["public_key"],
            )
            for m in data["members"]
        )
        return cls(
            int(data["seq"]),
            str(data["vault_id"]),
            members,
            str(data["auditor_public"]),
            str(data["recovery_public"]),
        )

    def member(self, staff_id: int) -> RosterEntry | None:
        return next((m for m in self.members if m.staff_id == staff_id), None)

    def by_slot(self, slot_id: str) -> RosterEntry | None:
        return next((m for m in self.members if m.slot_id == slot_id), None)

    @property
    def auditor_public_bytes(self) -> bytes:
        return crypto.unb64(self.auditor_public)

    @property
    def recovery_public_bytes(self) -> bytes:
        return crypto.unb64(self.recovery_public)


@dataclass(frozen=True)
class SignedRoster:
    roster: Roster
    signature: bytes


def build(
    vault_id: str,
    seq: int,
    records: Iterable[StaffRecord],
    public_keys: dict[str, str],
    auditor_public: bytes,
    recovery_public: bytes,
) -> Roster:
    """A roster of the staff rows as they are; `public_keys` maps slot id → public key, taken
    from the previous signed roster or from a slot this session just made, never from the
    slot file (a key planted there must not be signed)."""
    members = tuple(
        RosterEntry.of(r, public_keys.get(r.slot_id) if r.slot_id else None) for r in records
    )
    return Roster(seq, vault_id, members, crypto.b64(auditor_public), crypto.b64(recovery_public))


def sign(roster: Roster, manager_key: bytes | bytearray) -> SignedRoster:
    return SignedRoster(roster, crypto.sign(manager_key, roster.body()))


def insert(conn: Connection, signed: SignedRoster, at: str) -> None:
    conn.execute(
        "INSERT INTO roster (seq, body, signature, signed_at) VALUES (?, ?, ?, ?)",
        (signed.roster.seq, signed.roster.body(), signed.signature, at),
    )


@dataclass(frozen=True)
class RosterState:
    """The newest version that verifies under the pin, and how many stored versions after it
    (or without it) do not: a forged or altered version."""

    newest: SignedRoster | None
    invalid: int
    # The highest version number stored or recorded by a checkpoint, forged ones included
    # (the next one goes after it).
    last_seq: int = 0

    @property
    def next_seq(self) -> int:
        return self.last_seq + 1


def state(conn: Connection, pin: bytes, vault_id: str) -> RosterState:
    newest: SignedRoster | None = None
    invalid = 0
    last_seq = 0
    rows = conn.execute("SELECT seq, body, signature FROM roster ORDER BY seq").fetchall()
    for seq, body, signature in rows:
        last_seq = int(seq)
        body, signature = bytes(body), bytes(signature)
        parsed = _verified(body, signature, pin, vault_id, int(seq))
        if parsed is None:
            invalid += 1
        else:
            newest = SignedRoster(parsed, signature)
            invalid = 0
    # A version signed again after the table was emptied must not look older than the one a
    # signed checkpoint of the log recorded.
    recorded = conn.execute("SELECT max(roster_seq) FROM audit_checkpoint").fetchone()[0]
    return RosterState(newest, invalid, max(last_seq, int(recorded or 0)))


def _verified(body: bytes, signature: bytes, pin: bytes, vault_id: str, seq: int) -> Roster | None:
    if not crypto.signature_valid(pin, body, signature):
        return None
    try:
        parsed = Roster.parse(body)
    except (ValueError, KeyError, TypeError):
        return None
    if parsed.vault_id != vault_id or parsed.seq != seq:
        return None
    return parsed


def differences(roster: Roster, records: Iterable[StaffRecord]) -> list[str]:
    """Logins whose staff rows differ from the roster (roles, scopes, state, slot), and rows
    the roster does not know; sorted, for the access log and `verify`."""
    found: set[str] = set()
    seen: set[int] = set()
    for record in records:
        seen.add(record.id)
        entry = roster.member(record.id)
        if entry is None:
            # An account no version names counts unless it can do nothing (one put back so).
            if record.active or record.slot_id or record.roles or record.scopes:
                found.add(record.login_name)
        elif RosterEntry.of(record, entry.public_key) != entry:
            found.add(record.login_name)
    for entry in roster.members:
        if entry.staff_id not in seen:
            found.add(entry.login)
    return sorted(found)
