"""Consignees, their sub-consignees, hearings and deletion certificates (migration 0018)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from storage.connection import Connection


@dataclass(frozen=True)
class ConsigneeRow:
    id: int
    name: str
    corporate_number: str | None
    address: str
    contact: str
    purposes: list[str]
    work: str
    state: str
    selection: dict[str, bool]
    selection_note: str
    selection_on: str | None
    selection_by_name: str
    contract_on: str | None
    contract_term: str
    clauses: dict[str, bool]
    contract_by_name: str
    approved_on: str | None
    approved_by_name: str
    ended_on: str | None
    end_note: str
    registered_at: str
    registered_by_name: str
    updated_at: str


@dataclass(frozen=True)
class SubRow:
    id: int
    consignee_id: int
    name: str
    scope: str
    clauses_confirmed: bool
    approved_on: str
    approved_by_name: str
    withdrawn_on: str | None


@dataclass(frozen=True)
class HearingRow:
    id: int
    consignee_id: int
    year: int
    kind: str
    held_on: str
    held_by: str
    result: str
    note: str
    follow_up: str
    recorded_at: str
    recorded_by_name: str


@dataclass(frozen=True)
class CertificateRow:
    """A certificate's facts; the file's bytes are read alone, by `certificate_content`."""

    id: int
    consignee_id: int
    received_on: str
    description: str
    media_type: str
    byte_size: int
    added_at: str
    added_by_name: str


_COLUMNS = (
    "id, name, corporate_number, address, contact, purposes, work, state, selection,"
    " selection_note, selection_on, selection_by_name, contract_on, contract_term, clauses,"
    " contract_by_name, approved_on, approved_by_name, ended_on, end_note, registered_at,"
    " registered_by_name, updated_at"
)
_SUB_COLUMNS = (
    "id, consignee_id, name, scope, clauses_confirmed, approved_on, approved_by_name, withdrawn_on"
)
_HEARING_COLUMNS = (
    "id, consignee_id, year, kind, held_on, held_by, result, note, follow_up, recorded_at,"
    " recorded_by_name"
)
_CERTIFICATE_COLUMNS = (
    "id, consignee_id, received_on, description, media_type, byte_size, added_at, added_by_name"
)
# Columns a service may set through `update` (names are never taken from input).
EDITABLE = frozenset(
    {
        "name",
        "corporate_number",
        "address",
        "contact",
        "purposes",
        "work",
        "state",
        "selection",
        "selection_note",
        "selection_on",
        "selection_by_name",
        "contract_on",
        "contract_term",
        "clauses",
        "contract_by_name",
        "approved_on",
        "approved_by_name",
        "ended_on",
        "end_note",
    }
)
_JSON = frozenset({"purposes", "selection", "clauses"})


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _row(values: tuple) -> ConsigneeRow:
    row = list(values)
    for index in (5, 8, 14):
        row[index] = json.loads(row[index])
    return ConsigneeRow(*row)


def insert(
    conn: Connection,
    *,
    name: str,
    corporate_number: str | None,
    address: str,
    contact: str,
    purposes: list[str],
    work: str,
    now: str,
    by_name: str,
) -> int:
    cursor = conn.execute(
        "INSERT INTO consignee (name, corporate_number, address, contact, purposes, work,"
        " registered_at, registered_by_name, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (name, corporate_number, address, contact, _json(purposes), work, now, by_name, now),
    )
    return int(cursor.lastrowid)


def update(conn: Connection, consignee_id: int, now: str, **values: object) -> None:
    unknown = set(values) - EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    names = sorted(values)
    assignments = ", ".join(f"{name} = ?" for name in names)
    parameters = [_json(values[n]) if n in _JSON else values[n] for n in names]
    conn.execute(
        f"UPDATE consignee SET {assignments}, updated_at = ? WHERE id = ?",
        (*parameters, now, consignee_id),
    )


def get(conn: Connection, consignee_id: int) -> ConsigneeRow | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM consignee WHERE id = ?", (consignee_id,)).fetchone()
    return None if row is None else _row(row)


def all_consignees(conn: Connection) -> list[ConsigneeRow]:
    """Active first, then under selection, then ended; by name within each."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM consignee ORDER BY"
        " CASE state WHEN 'active' THEN 0 WHEN 'selecting' THEN 1 ELSE 2 END, name, id"
    )
    return [_row(r) for r in rows.fetchall()]


def insert_sub(
    conn: Connection,
    *,
    consignee_id: int,
    name: str,
    scope: str,
    clauses_confirmed: bool,
    approved_on: str,
    by_name: str,
) -> int:
    cursor = conn.execute(
        "INSERT INTO consignee_sub (consignee_id, name, scope, clauses_confirmed, approved_on,"
        " approved_by_name) VALUES (?, ?, ?, ?, ?, ?)",
        (consignee_id, name, scope, int(clauses_confirmed), approved_on, by_name),
    )
    return int(cursor.lastrowid)


def withdraw_sub(conn: Connection, sub_id: int, on: str) -> None:
    conn.execute("UPDATE consignee_sub SET withdrawn_on = ? WHERE id = ?", (on, sub_id))


def subs(conn: Connection, consignee_id: int) -> list[SubRow]:
    rows = conn.execute(
        f"SELECT {_SUB_COLUMNS} FROM consignee_sub WHERE consignee_id = ? ORDER BY id",
        (consignee_id,),
    )
    return [SubRow(*r[:4], bool(r[4]), *r[5:]) for r in rows.fetchall()]


def get_sub(conn: Connection, sub_id: int) -> SubRow | None:
    r = conn.execute(f"SELECT {_SUB_COLUMNS} FROM consignee_sub WHERE id = ?", (sub_id,)).fetchone()
    return None if r is None else SubRow(*r[:4], bool(r[4]), *r[5:])


def insert_hearing(
    conn: Connection,
    *,
    consignee_id: int,
    year: int,
    kind: str,
    held_on: str,
    held_by: str,
    result: str,
    note: str,
    follow_up: str,
    now: str,
    by_name: str,
) -> int:
    cursor = conn.execute(
        "INSERT INTO consignee_hearing (consignee_id, year, kind, held_on, held_by, result, note,"
        " follow_up, recorded_at, recorded_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (consignee_id, year, kind, held_on, held_by, result, note, follow_up, now, by_name),
    )
    return int(cursor.lastrowid)


def hearings(conn: Connection, consignee_id: int) -> list[HearingRow]:
    """Newest first."""
    rows = conn.execute(
        f"SELECT {_HEARING_COLUMNS} FROM consignee_hearing WHERE consignee_id = ?"
        " ORDER BY held_on DESC, id DESC",
        (consignee_id,),
    )
    return [HearingRow(*r) for r in rows.fetchall()]


def april_hearing_years(conn: Connection) -> dict[int, frozenset[int]]:
    """{consignee id: the years whose April hearing was held}."""
    found: dict[int, set[int]] = {}
    rows = conn.execute("SELECT consignee_id, year FROM consignee_hearing WHERE kind = 'april'")
    for consignee_id, year in rows.fetchall():
        found.setdefault(int(consignee_id), set()).add(int(year))
    return {key: frozenset(years) for key, years in found.items()}


def hearings_in(conn: Connection, year: int) -> list[HearingRow]:
    rows = conn.execute(
        f"SELECT {_HEARING_COLUMNS} FROM consignee_hearing WHERE year = ? ORDER BY id", (year,)
    )
    return [HearingRow(*r) for r in rows.fetchall()]


def insert_certificate(
    conn: Connection,
    *,
    consignee_id: int,
    received_on: str,
    description: str,
    media_type: str,
    content: bytes,
    now: str,
    by_name: str,
) -> int:
    cursor = conn.execute(
        "INSERT INTO consignee_certificate (consignee_id, received_on, description, media_type,"
        " byte_size, content, added_at, added_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (consignee_id, received_on, description, media_type, len(content), content, now, by_name),
    )
    return int(cursor.lastrowid)


def certificates(conn: Connection, consignee_id: int) -> list[CertificateRow]:
    rows = conn.execute(
        f"SELECT {_CERTIFICATE_COLUMNS} FROM consignee_certificate WHERE consignee_id = ?"
        " ORDER BY received_on DESC, id DESC",
        (consignee_id,),
    )
    return [CertificateRow(*r) for r in rows.fetchall()]


def certificate(conn: Connection, certificate_id: int) -> CertificateRow | None:
    r = conn.execute(
        f"SELECT {_CERTIFICATE_COLUMNS} FROM consignee_certificate WHERE id = ?", (certificate_id,)
    ).fetchone()
    return None if r is None else CertificateRow(*r)


def certificate_content(conn: Connection, certificate_id: int) -> bytes | None:
    r = conn.execute(
        "SELECT content FROM consignee_certificate WHERE id = ?", (certificate_id,)
    ).fetchone()
    return None if r is None else bytes(r[0])


def certificates_received_in(conn: Connection, year: int) -> int:
    r = conn.execute(
        "SELECT count(*) FROM consignee_certificate WHERE substr(received_on, 1, 4) = ?",
        (f"{year:04d}",),
    ).fetchone()
    return int(r[0])
