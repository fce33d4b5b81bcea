"""Sealed numbers, their blind index and the purposes each was collected for."""

from __future__ import annotations

from storage.connection import Connection


def index_in_use(conn: Connection, blind_index: bytes) -> bool:
    return owner_of_index(conn, blind_index) is not None


def insert(
    conn: Connection,
    person_id: int,
    *,
    sealed: bytes,
    blind_index: bytes,
    purposes: frozenset[str],
    registered_by: int | None,
    now: str,
) -> None:
    insert_many(
        conn, [(person_id, sealed, blind_index, purposes)], registered_by=registered_by, now=now
    )


def insert_many(
    conn: Connection,
    numbers: list[tuple[int, bytes, bytes, frozenset[str]]],
    *,
    registered_by: int | None,
    now: str,
) -> None:
    """(person id, sealed, blind index, purposes) per number, registered by one member at
    one moment (a bulk write): one statement for the numbers, then one for their purposes."""
    conn.executemany(
        "INSERT INTO my_number (person_id, sealed, blind_index, registered_at, registered_by)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (person_id, sealed, index, now, registered_by)
            for person_id, sealed, index, _p in numbers
        ],
    )
    conn.executemany(
        "INSERT INTO my_number_purpose (person_id, purpose) VALUES (?, ?)",
        [
            (person_id, purpose)
            for person_id, _s, _i, purposes in numbers
            for purpose in sorted(purposes)
        ],
    )


def sealed(conn: Connection, person_id: int) -> bytes | None:
    row = conn.execute("SELECT sealed FROM my_number WHERE person_id = ?", (person_id,)).fetchone()
    return None if row is None else bytes(row[0])


def purposes(conn: Connection, person_id: int) -> frozenset[str]:
    return frozenset(
        r[0]
        for r in conn.execute(
            "SELECT purpose FROM my_number_purpose WHERE person_id = ?", (person_id,)
        )
    )


def owner_of_index(conn: Connection, blind_index: bytes) -> int | None:
    row = conn.execute(
        "SELECT person_id FROM my_number WHERE blind_index = ?", (blind_index,)
    ).fetchone()
    return None if row is None else int(row[0])


def delete(conn: Connection, person_id: int) -> None:
    """The sealed number, its index and purposes; secure_delete (always on) zeroes the freed
    space in the same transaction."""
    conn.execute("DELETE FROM my_number_purpose WHERE person_id = ?", (person_id,))
    conn.execute("DELETE FROM my_number WHERE person_id = ?", (person_id,))


def indexes_in_use(conn: Connection, indexes: list[bytes]) -> set[bytes]:
    """Which of these blind indexes belong to a stored number (one query per 500)."""
    found: set[bytes] = set()
    for start in range(0, len(indexes), 500):
        chunk = indexes[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        found.update(
            bytes(r[0])
            for r in conn.execute(
                f"SELECT blind_index FROM my_number WHERE blind_index IN ({marks})", chunk
            )
        )
    return found


def last_deletion(conn: Connection, person_id: int) -> int | None:
    """The id of the last deletion record of a number of this person (a deletion run wrote
    it), or None when none was ever deleted."""
    row = conn.execute(
        "SELECT max(id) FROM deletion_record WHERE person_id = ?", (person_id,)
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])
