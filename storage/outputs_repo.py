"""The outputs register and the persons of each output (migrations 0016, 0021)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from storage.connection import Connection


@dataclass(frozen=True)
class OutputRow:
    id: int
    purpose: str
    form: str
    year: int | None
    persons: int
    destination: str
    method: str
    reason: str
    made_at: str
    made_by_name: str
    saved_at: str | None
    state: str
    confirmed_at: str | None
    confirmed_by_name: str
    made_by: int | None = None  # the staff id of the maker; None for some made before 0021


_COLUMNS = (
    "id, purpose, form, year, persons, destination, method, reason, made_at, made_by_name,"
    " saved_at, state, confirmed_at, confirmed_by_name, made_by"
)


def add(
    conn: Connection,
    *,
    purpose: str,
    form: str,
    year: int | None,
    person_ids: Iterable[int],
    destination: str,
    method: str,
    reason: str,
    made_at: str,
    made_by_name: str,
    made_by: int | None = None,
) -> int:
    ids = sorted(set(person_ids))
    cursor = conn.execute(
        "INSERT INTO output_record (purpose, form, year, persons, destination, method, reason,"
        " made_at, made_by_name, made_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            purpose,
            form,
            year,
            len(ids),
            destination,
            method,
            reason,
            made_at,
            made_by_name,
            made_by,
        ),
    )
    output_id = int(cursor.lastrowid)
    conn.executemany(
        "INSERT INTO output_person (output_id, person_id) VALUES (?, ?)",
        [(output_id, pid) for pid in ids],
    )
    return output_id


def get(conn: Connection, output_id: int) -> OutputRow | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM output_record WHERE id = ?", (output_id,)
    ).fetchone()
    return OutputRow(*row) if row else None


def all_rows(conn: Connection, *, open_only: bool = False) -> list[OutputRow]:
    where = "WHERE state = 'out'" if open_only else ""
    return [
        OutputRow(*row)
        for row in conn.execute(f"SELECT {_COLUMNS} FROM output_record {where} ORDER BY id")
    ]


def person_ids(conn: Connection, output_id: int) -> list[int]:
    return [
        int(pid)
        for (pid,) in conn.execute(
            "SELECT person_id FROM output_person WHERE output_id = ? ORDER BY person_id",
            (output_id,),
        )
    ]


def confirm(conn: Connection, output_id: int, state: str, at: str, by_name: str) -> None:
    """Confirmed as `state`, or withdrawn ('withdrawn'): only while still out."""
    conn.execute(
        "UPDATE output_record SET state = ?, confirmed_at = ?, confirmed_by_name = ?"
        " WHERE id = ? AND state = 'out'",
        (state, at, by_name, output_id),
    )


def mark_saved(conn: Connection, output_id: int, at: str) -> None:
    conn.execute("UPDATE output_record SET saved_at = ? WHERE id = ?", (at, output_id))
