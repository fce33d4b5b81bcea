"""The number key's row (which key the data is under, and whether a new one is due) and the
sealed rows a rotation re-seals: every number with its blind index, every document scan."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from storage.connection import Connection

BATCH = 5000


@dataclass(frozen=True)
class KeyState:
    key_check: bytes | None
    rotated_at: str | None
    rotation_due: str | None
    reason: str


def state(conn: Connection) -> KeyState:
    row = conn.execute(
        "SELECT key_check, rotated_at, rotation_due, reason FROM number_key WHERE id = 1"
    ).fetchone()
    if row is None:
        return KeyState(None, None, None, "")
    check, rotated_at, due, reason = row
    return KeyState(bytes(check) if check is not None else None, rotated_at, due, reason or "")


def key_check(conn: Connection) -> bytes | None:
    row = conn.execute("SELECT key_check FROM number_key WHERE id = 1").fetchone()
    return bytes(row[0]) if row is not None and row[0] is not None else None


def set_check(conn: Connection, check: bytes) -> None:
    """The check of the key the data is under (a new vault, or an older one adopting it)."""
    conn.execute(
        "INSERT INTO number_key (id, key_check) VALUES (1, ?)"
        " ON CONFLICT (id) DO UPDATE SET key_check = excluded.key_check",
        (check,),
    )


def mark_due(conn: Connection, reason: str, now: str) -> None:
    """A rotation is needed (in the transaction of the change that needs it); the first time
    it was asked for is kept, and every distinct reason."""
    current = state(conn)
    reasons = [r for r in current.reason.split(",") if r] if current.rotation_due else []
    if reason not in reasons:
        reasons.append(reason)
    conn.execute(
        "INSERT INTO number_key (id, rotation_due, reason) VALUES (1, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET rotation_due = coalesce(rotation_due, excluded"
        ".rotation_due), reason = excluded.reason",
        (now, ",".join(reasons)),
    )


def rotated(conn: Connection, check: bytes, now: str) -> None:
    conn.execute(
        "UPDATE number_key SET key_check = ?, rotated_at = ?, rotation_due = NULL, reason = ''"
        " WHERE id = 1",
        (check, now),
    )


def number_batches(conn: Connection) -> Iterator[list[tuple[int, bytes]]]:
    """Every (person id, sealed number), a batch at a time in person order (keyset paging: the
    caller updates each batch before the next is read)."""
    last = -1
    while True:
        rows = conn.execute(
            "SELECT person_id, sealed FROM my_number WHERE person_id > ? ORDER BY person_id"
            " LIMIT ?",
            (last, BATCH),
        ).fetchall()
        if not rows:
            return
        yield [(int(pid), bytes(sealed)) for pid, sealed in rows]
        last = int(rows[-1][0])


def update_numbers(conn: Connection, rows: list[tuple[bytes, bytes, int]]) -> None:
    """(sealed, blind index, person id) for each number."""
    conn.executemany("UPDATE my_number SET sealed = ?, blind_index = ? WHERE person_id = ?", rows)


def scan_ids(conn: Connection) -> list[tuple[int, int]]:
    """(scan id, verification id) of every document scan; each is read alone (up to 10 MiB)."""
    return [
        (int(a), int(b))
        for a, b in conn.execute("SELECT id, verification_id FROM verification_scan ORDER BY id")
    ]


def scan_sealed(conn: Connection, scan_id: int) -> bytes:
    return bytes(
        conn.execute("SELECT sealed FROM verification_scan WHERE id = ?", (scan_id,)).fetchone()[0]
    )


def update_scan(conn: Connection, scan_id: int, sealed: bytes) -> None:
    conn.execute("UPDATE verification_scan SET sealed = ? WHERE id = ?", (sealed, scan_id))


def first_number(conn: Connection) -> tuple[int, bytes] | None:
    """One sealed number, to tell whether a key opens the data when no check is kept yet."""
    row = conn.execute("SELECT person_id, sealed FROM my_number ORDER BY person_id").fetchone()
    return (int(row[0]), bytes(row[1])) if row else None


def sample_numbers(conn: Connection, count: int) -> list[tuple[int, bytes]]:
    """Up to `count` sealed numbers picked at random (one index probe each, not a scan)."""
    found: dict[int, bytes] = {}
    top = conn.execute("SELECT max(person_id) FROM my_number").fetchone()[0]
    if top is None:
        return []
    for _ in range(count):
        row = conn.execute(
            "SELECT person_id, sealed FROM my_number WHERE person_id >= abs(random()) % ? + 1"
            " ORDER BY person_id LIMIT 1",
            (int(top),),
        ).fetchone()
        if row is not None:
            found[int(row[0])] = bytes(row[1])
    return list(found.items())
