"""Signed checkpoints of the access log (SECURITY.md §6a, #14 item 5).

The chain's MAC key comes from the data key, which every member holds: a member with the files
can rebuild the whole chain, and the anchor in this PC's keyring is theirs to rewrite too. A
checkpoint is the chain's head (sequence number and MAC) at a moment, with the version of the
signed roster then in force, signed with the manager key or the auditor key, which a clerk or
a supervisor never holds. History up to the newest valid checkpoint cannot be changed without
`verify` noticing; what comes after it can still be cut off, and `verify` says how much that is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from storage import crypto
from storage.audit_chain import ChainHead
from storage.connection import Connection

MANAGER = "manager"
AUDITOR = "auditor"


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    mac: bytes
    roster_seq: int
    signer: str
    made_at: str
    signature: bytes


def _body(vault_id: str, seq: int, mac: bytes, roster_seq: int, signer: str, made_at: str) -> bytes:
    return json.dumps(
        {
            "format": "mynumber-desk/audit-checkpoint v1",
            "vault_id": vault_id,
            "seq": seq,
            "mac": mac.hex(),
            "roster_seq": roster_seq,
            "signer": signer,
            "made_at": made_at,
        },
        sort_keys=True,
    ).encode("ascii")


def make(
    conn: Connection,
    vault_id: str,
    head: ChainHead,
    *,
    roster_seq: int,
    signer: str,
    key: bytes | bytearray,
    made_at: str,
) -> Checkpoint:
    """Sign the head and store it, inside the caller's transaction."""
    signature = crypto.sign(key, _body(vault_id, head.seq, head.mac, roster_seq, signer, made_at))
    conn.execute(
        "INSERT INTO audit_checkpoint (seq, head, roster_seq, signer, made_at, signature)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (head.seq, head.mac.hex(), roster_seq, signer, made_at, signature),
    )
    return Checkpoint(head.seq, head.mac, roster_seq, signer, made_at, signature)


def last_made_at(conn: Connection) -> str | None:
    row = conn.execute("SELECT max(made_at) FROM audit_checkpoint").fetchone()
    return None if row is None else row[0]


@dataclass(frozen=True)
class CheckpointReport:
    """The newest checkpoint that verifies and matches the log, how many entries follow it,
    and what does not hold (codes: `forged`, `rewritten`, `truncated`, `roster`)."""

    last: Checkpoint | None
    after: int
    problems: tuple[str, ...]


def check(
    conn: Connection,
    vault_id: str,
    head: ChainHead,
    publics: dict[str, bytes],
    roster_seq: int,
) -> CheckpointReport:
    """Every stored checkpoint against the log as it is (whose links the caller has checked):
    its signature under the signer's public key, the entry it names still there with the same
    MAC, and the roster then in force not newer than the one now."""
    problems: list[str] = []
    last: Checkpoint | None = None
    rows = conn.execute(
        "SELECT seq, head, roster_seq, signer, made_at, signature FROM audit_checkpoint ORDER BY id"
    ).fetchall()
    for seq, mac_hex, cp_roster, signer, made_at, signature in rows:
        try:
            mac = bytes.fromhex(str(mac_hex))
        except ValueError:
            problems.append("forged")
            continue
        point = Checkpoint(
            int(seq), mac, int(cp_roster), str(signer), str(made_at), bytes(signature)
        )
        public = publics.get(point.signer)
        body = _body(vault_id, point.seq, mac, point.roster_seq, point.signer, point.made_at)
        if public is None or not crypto.signature_valid(public, body, point.signature):
            problems.append("forged")
            continue
        if point.seq > head.seq:
            problems.append("truncated")
            continue
        entry = conn.execute("SELECT mac FROM audit_log WHERE seq = ?", (point.seq,)).fetchone()
        stored = bytes(entry[0]) if entry is not None else None
        if point.seq > 0 and (stored is None or not crypto.mac_equal(stored, mac)):
            problems.append("rewritten")
            continue
        if point.roster_seq > roster_seq:
            problems.append("roster")
        if last is None or point.seq >= last.seq:
            last = point
    after = head.seq - (last.seq if last else 0)
    return CheckpointReport(last, after, tuple(dict.fromkeys(problems)))
