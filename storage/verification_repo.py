"""Identity verification records (本人確認記録), the link from a number to the record it rests
on, and the people whose number still waits for one."""

from __future__ import annotations

import json
from dataclasses import dataclass

from storage.connection import Connection
from storage.people_repo import SearchScope, search_condition


@dataclass(frozen=True)
class VerificationRow:
    id: int
    person_id: int
    verified_on: str
    subject: str
    provider: str
    channel: str
    agent_name: str
    agent_relation: str
    # {"code", "holder", "form"}, and since 0012 "expires_on" / "issued_on" (ISO dates, "" when
    # the document has none) and "details" (通知カード: "unchanged" / "endorsed").
    documents: list[dict[str, str]]
    checks: dict[str, list[str]]  # check -> codes that satisfied it
    fields_compared: list[str]
    flags: dict[str, bool]
    outcome: str
    employee_verification_id: int | None
    note: str
    recorded_by_name: str
    recorded_at: str
    # Since 0012 (see the migration): purposes, comparison, photos, fallback_reasons,
    # employee_form. Empty for older records.
    facts: dict[str, object]


_COLUMNS = (
    "id, person_id, verified_on, subject, provider, channel, agent_name, agent_relation,"
    " documents, checks, fields_compared, flags, outcome, employee_verification_id, note,"
    " recorded_by_name, recorded_at, facts"
)


def _row(r: tuple) -> VerificationRow:
    return VerificationRow(
        id=int(r[0]),
        person_id=int(r[1]),
        verified_on=r[2],
        subject=r[3],
        provider=r[4],
        channel=r[5],
        agent_name=r[6],
        agent_relation=r[7],
        documents=json.loads(r[8]),
        checks=json.loads(r[9]),
        fields_compared=json.loads(r[10]),
        flags=json.loads(r[11]),
        outcome=r[12],
        employee_verification_id=None if r[13] is None else int(r[13]),
        note=r[14],
        recorded_by_name=r[15],
        recorded_at=r[16],
        facts=json.loads(r[17]),
    )


def insert(
    conn: Connection,
    *,
    person_id: int,
    verified_on: str,
    subject: str,
    provider: str,
    channel: str,
    agent_name: str,
    agent_relation: str,
    documents: list[dict[str, str]],
    checks: dict[str, list[str]],
    fields_compared: list[str],
    flags: dict[str, bool],
    outcome: str,
    employee_verification_id: int | None,
    note: str,
    recorded_by: int | None,
    recorded_by_name: str,
    recorded_at: str,
    facts: dict[str, object],
) -> int:
    cur = conn.execute(
        "INSERT INTO verification (person_id, verified_on, subject, provider, channel,"
        " agent_name, agent_relation, documents, checks, fields_compared, flags, outcome,"
        " employee_verification_id, note, recorded_by, recorded_by_name, recorded_at, facts)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            person_id,
            verified_on,
            subject,
            provider,
            channel,
            agent_name,
            agent_relation,
            json.dumps(documents, ensure_ascii=False),
            json.dumps(checks, ensure_ascii=False),
            json.dumps(fields_compared),
            json.dumps(flags),
            outcome,
            employee_verification_id,
            note,
            recorded_by,
            recorded_by_name,
            recorded_at,
            json.dumps(facts, ensure_ascii=False),
        ),
    )
    return int(cur.lastrowid)


def get(conn: Connection, verification_id: int) -> VerificationRow | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM verification WHERE id = ?", (verification_id,)
    ).fetchone()
    return None if row is None else _row(row)


def for_person(conn: Connection, person_id: int) -> list[VerificationRow]:
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM verification WHERE person_id = ?"
        " ORDER BY verified_on DESC, id DESC",
        (person_id,),
    ).fetchall()
    return [_row(r) for r in rows]


def link_number(conn: Connection, person_id: int, verification_id: int) -> None:
    """The number on file now rests on this verification; it no longer waits for one."""
    conn.execute(
        "UPDATE my_number SET verification_id = ?, verification_pending = 0 WHERE person_id = ?",
        (verification_id, person_id),
    )


def number_verification(conn: Connection, person_id: int) -> int | None:
    """The verification the number on file rests on; None when there is no number or it is
    still waiting for one."""
    row = conn.execute(
        "SELECT verification_id FROM my_number WHERE person_id = ? AND verification_pending = 0",
        (person_id,),
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def _pending_where(scope: SearchScope | None) -> tuple[str, dict[str, object]]:
    where, params = search_condition("", "", scope)
    pending = "p.id IN (SELECT person_id FROM my_number WHERE verification_pending = 1)"
    return (f"{pending} AND {where}" if where else pending), params


def pending_count(conn: Connection, scope: SearchScope | None) -> int:
    where, params = _pending_where(scope)
    return int(conn.execute(f"SELECT count(*) FROM person p WHERE {where}", params).fetchone()[0])


def pending_people(conn: Connection, scope: SearchScope | None, *, limit: int) -> list[int]:
    """Ids of the people whose number waits for 本人確認, the longest waiting first."""
    where, params = _pending_where(scope)
    rows = conn.execute(
        f"SELECT p.id FROM person p JOIN my_number n ON n.person_id = p.id WHERE {where}"
        " ORDER BY n.registered_at, p.id LIMIT :limit",
        {**params, "limit": limit},
    ).fetchall()
    return [int(r[0]) for r in rows]


@dataclass(frozen=True)
class ScanInfo:
    """A stored copy of a document, without its content."""

    id: int
    verification_id: int
    person_id: int
    media_type: str
    byte_size: int
    added_at: str
    added_by_name: str


_SCAN_COLUMNS = "id, verification_id, person_id, media_type, byte_size, added_at, added_by_name"


def next_scan_id(conn: Connection) -> int:
    """The id the next scan will get, inside the write that inserts it (the ciphertext is
    bound to it)."""
    return int(conn.execute("SELECT COALESCE(max(id), 0) + 1 FROM verification_scan").fetchone()[0])


def insert_scan(
    conn: Connection,
    *,
    scan_id: int,
    verification_id: int,
    person_id: int,
    media_type: str,
    byte_size: int,
    sealed: bytes,
    added_at: str,
    added_by_name: str,
) -> None:
    conn.execute(
        "INSERT INTO verification_scan (id, verification_id, person_id, media_type, byte_size,"
        " sealed, added_at, added_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            scan_id,
            verification_id,
            person_id,
            media_type,
            byte_size,
            sealed,
            added_at,
            added_by_name,
        ),
    )


def scans_for(conn: Connection, verification_id: int) -> list[ScanInfo]:
    rows = conn.execute(
        f"SELECT {_SCAN_COLUMNS} FROM verification_scan WHERE verification_id = ? ORDER BY id",
        (verification_id,),
    ).fetchall()
    return [ScanInfo(*r) for r in rows]


def scan(conn: Connection, scan_id: int) -> tuple[ScanInfo, bytes] | None:
    row = conn.execute(
        f"SELECT {_SCAN_COLUMNS}, sealed FROM verification_scan WHERE id = ?", (scan_id,)
    ).fetchone()
    return None if row is None else (ScanInfo(*row[:7]), bytes(row[7]))


def delete_scan(conn: Connection, scan_id: int) -> None:
    """secure_delete (always on) zeroes the freed pages in the same transaction."""
    conn.execute("DELETE FROM verification_scan WHERE id = ?", (scan_id,))
