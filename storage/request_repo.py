"""Requests for a person's number and the answers given (the refusal record)."""

from __future__ import annotations

from dataclasses import dataclass

from storage.connection import Connection


@dataclass(frozen=True)
class RequestRecord:
    id: int
    person_id: int
    requested_on: str
    method: str
    answer: str
    reason: str
    recorded_by: str
    recorded_at: str


def insert(
    conn: Connection,
    *,
    person_id: int,
    requested_on: str,
    method: str,
    answer: str,
    reason: str,
    recorded_by: str,
    recorded_at: str,
) -> int:
    cur = conn.execute(
        "INSERT INTO number_request (person_id, requested_on, method, answer, reason,"
        " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (person_id, requested_on, method, answer, reason, recorded_by, recorded_at),
    )
    return int(cur.lastrowid)


def for_person(conn: Connection, person_id: int) -> list[RequestRecord]:
    rows = conn.execute(
        "SELECT id, person_id, requested_on, method, answer, reason, recorded_by, recorded_at"
        " FROM number_request WHERE person_id = ? ORDER BY requested_on, id",
        (person_id,),
    ).fetchall()
    return [RequestRecord(*row) for row in rows]
