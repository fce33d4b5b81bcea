"""Requests from individuals and their history (migration 0008); no number is stored."""

from __future__ import annotations

import json
from dataclasses import dataclass

from storage.connection import Connection


@dataclass(frozen=True)
class RequestRow:
    id: int
    kind: str
    state: str
    person_id: int | None
    subject_name: str
    requester_name: str
    provider: str
    contact: str
    received_on: str
    received_by: str
    channel: str
    requested: str
    method: str
    fee: str
    own_number_requested: bool
    target_days: int
    identity: dict | None
    decision: str | None
    grounds: list[str]
    reason: str
    withheld: str
    notice_no: str | None
    own_number_disclosed_at: str | None
    keep_until: str | None
    # The outputs register's entry of that notice (migration 0022; None before it).
    own_number_output_id: int | None = None


@dataclass(frozen=True)
class EventRow:
    at: str
    by_name: str
    state: str
    note: str


_COLUMNS = (
    "id, kind, state, person_id, subject_name, requester_name, provider, contact, received_on,"
    " received_by, channel, requested, method, fee, own_number_requested, target_days, identity,"
    " decision, grounds, reason, withheld, notice_no, own_number_disclosed_at, keep_until,"
    " own_number_output_id"
)


def _row(r: tuple) -> RequestRow:
    values = list(r)
    values[14] = bool(values[14])
    values[16] = json.loads(values[16]) if values[16] else None
    values[18] = json.loads(values[18])
    return RequestRow(*values)


def insert(
    conn: Connection,
    *,
    kind: str,
    state: str,
    person_id: int | None,
    subject_name: str,
    requester_name: str,
    provider: str,
    contact: str,
    received_on: str,
    received_by: str,
    channel: str,
    requested: str,
    method: str,
    fee: str,
    own_number_requested: bool,
    target_days: int,
) -> int:
    cur = conn.execute(
        "INSERT INTO individual_request (kind, state, person_id, subject_name, requester_name,"
        " provider, contact, received_on, received_by, channel, requested, method, fee,"
        " own_number_requested, target_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            kind,
            state,
            person_id,
            subject_name,
            requester_name,
            provider,
            contact,
            received_on,
            received_by,
            channel,
            requested,
            method,
            fee,
            int(own_number_requested),
            target_days,
        ),
    )
    return int(cur.lastrowid)


def get(conn: Connection, request_id: int) -> RequestRow | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM individual_request WHERE id = ?", (request_id,)
    ).fetchone()
    return None if row is None else _row(row)


def all_requests(conn: Connection, *, open_only: bool = False) -> list[RequestRow]:
    where = " WHERE state NOT IN ('closed', 'withdrawn')" if open_only else ""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM individual_request{where} ORDER BY received_on, id"
    ).fetchall()
    return [_row(row) for row in rows]


def update(conn: Connection, request_id: int, values: dict[str, object]) -> None:
    """Named columns only (callers pass literal names); JSON columns encoded here."""
    encoded = {
        key: json.dumps(value, ensure_ascii=False) if key in ("identity", "grounds") else value
        for key, value in values.items()
    }
    assignments = ", ".join(f"{key} = ?" for key in encoded)
    conn.execute(
        f"UPDATE individual_request SET {assignments} WHERE id = ?",
        (*encoded.values(), request_id),
    )


def add_event(
    conn: Connection, request_id: int, *, at: str, by_name: str, state: str, note: str = ""
) -> None:
    conn.execute(
        "INSERT INTO individual_request_event (request_id, at, by_name, state, note)"
        " VALUES (?, ?, ?, ?, ?)",
        (request_id, at, by_name, state, note),
    )


def events(conn: Connection, request_id: int) -> list[EventRow]:
    rows = conn.execute(
        "SELECT at, by_name, state, note FROM individual_request_event WHERE request_id = ?"
        " ORDER BY id",
        (request_id,),
    ).fetchall()
    return [EventRow(*row) for row in rows]


def next_notice_no(conn: Connection, year: int) -> int:
    """The next number of the year's notices (「第2026-3号」)."""
    prefix = f"{year}-"
    rows = conn.execute(
        "SELECT notice_no FROM individual_request WHERE notice_no LIKE ?", (prefix + "%",)
    ).fetchall()
    numbers = [int(r[0].split("-", 1)[1]) for r in rows if r[0].split("-", 1)[1].isdigit()]
    return max(numbers, default=0) + 1


def expired(conn: Connection, today: str) -> list[RequestRow]:
    """Closed or withdrawn requests kept past their `keep_until` (ISO day, the last one kept)."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM individual_request WHERE state IN ('closed', 'withdrawn')"
        " AND keep_until IS NOT NULL AND keep_until < ? ORDER BY keep_until, id",
        (today,),
    ).fetchall()
    return [_row(row) for row in rows]


def delete(conn: Connection, request_ids: list[int]) -> None:
    """The requests and their history (secure_delete zeroes the freed space)."""
    rows = [(request_id,) for request_id in request_ids]
    conn.executemany("DELETE FROM individual_request_event WHERE request_id = ?", rows)
    conn.executemany("DELETE FROM individual_request WHERE id = ?", rows)


def undo_disclosure_of(conn: Connection, output_id: int) -> int:
    """The notice of that outputs-register entry was withdrawn unprinted: its request has not
    disclosed the person's own number after all. Returns the requests changed (0 or 1)."""
    return conn.execute(
        "UPDATE individual_request SET own_number_disclosed_at = NULL"
        " WHERE own_number_output_id = ?",
        (output_id,),
    ).rowcount
