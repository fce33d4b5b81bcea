"""Leak incidents, their persons to notify and their recurrence measures (migration 0014)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from storage.connection import Connection


@dataclass(frozen=True)
class IncidentRow:
    id: int
    title: str
    kind: str
    occurred_at: str | None
    discovered_at: str
    known_at: str
    discovered_by: str
    checklist: dict[str, object]
    report_items: dict[str, str]
    state: str
    preliminary_on: str | None
    final_on: str | None
    closed_at: str | None
    registered_at: str
    registered_by_name: str
    updated_at: str


@dataclass(frozen=True)
class PersonRow:
    person_id: int
    state: str
    method: str
    notified_on: str | None


@dataclass(frozen=True)
class MeasureRow:
    id: int
    text: str
    state: str
    due_on: str | None
    done_on: str | None


_COLUMNS = (
    "id, title, kind, occurred_at, discovered_at, known_at, discovered_by, checklist,"
    " report_items, state, preliminary_on, final_on, closed_at, registered_at,"
    " registered_by_name, updated_at"
)


def _row(row: tuple) -> IncidentRow:
    values = list(row)
    values[7] = json.loads(values[7])
    values[8] = json.loads(values[8])
    return IncidentRow(*values)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def insert(
    conn: Connection,
    *,
    title: str,
    kind: str,
    occurred_at: str | None,
    discovered_at: str,
    known_at: str,
    discovered_by: str,
    checklist: dict[str, object],
    now: str,
    by_name: str,
) -> int:
    cursor = conn.execute(
        "INSERT INTO incident (title, kind, occurred_at, discovered_at, known_at, discovered_by,"
        " checklist, registered_at, registered_by_name, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            title,
            kind,
            occurred_at,
            discovered_at,
            known_at,
            discovered_by,
            _json(checklist),
            now,
            by_name,
            now,
        ),
    )
    return int(cursor.lastrowid)


def get(conn: Connection, incident_id: int) -> IncidentRow | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM incident WHERE id = ?", (incident_id,)).fetchone()
    return None if row is None else _row(row)


def all_incidents(conn: Connection) -> list[IncidentRow]:
    """Newest known first."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM incident ORDER BY known_at DESC, id DESC")
    return [_row(r) for r in rows.fetchall()]


def set_checklist(
    conn: Connection, incident_id: int, checklist: dict[str, object], now: str
) -> None:
    conn.execute(
        "UPDATE incident SET checklist = ?, updated_at = ? WHERE id = ?",
        (_json(checklist), now, incident_id),
    )


def set_report_items(conn: Connection, incident_id: int, items: dict[str, str], now: str) -> None:
    conn.execute(
        "UPDATE incident SET report_items = ?, updated_at = ? WHERE id = ?",
        (_json(items), now, incident_id),
    )


def set_state(
    conn: Connection,
    incident_id: int,
    state: str,
    now: str,
    *,
    preliminary_on: str | None = None,
    final_on: str | None = None,
) -> None:
    conn.execute(
        "UPDATE incident SET state = ?, updated_at = ?,"
        " preliminary_on = COALESCE(?, preliminary_on), final_on = COALESCE(?, final_on),"
        " closed_at = CASE WHEN ? = 'closed' THEN ? ELSE closed_at END WHERE id = ?",
        (state, now, preliminary_on, final_on, state, now, incident_id),
    )


def add_persons(conn: Connection, incident_id: int, person_ids: list[int]) -> int:
    """Adds those not yet listed; returns how many were added."""
    listed = {
        int(r[0])
        for r in conn.execute(
            "SELECT person_id FROM incident_person WHERE incident_id = ?", (incident_id,)
        )
    }
    new = sorted(set(person_ids) - listed)
    conn.executemany(
        "INSERT INTO incident_person (incident_id, person_id) VALUES (?, ?)",
        [(incident_id, p) for p in new],
    )
    return len(new)


def persons(conn: Connection, incident_id: int) -> list[PersonRow]:
    rows = conn.execute(
        "SELECT person_id, state, method, notified_on FROM incident_person"
        " WHERE incident_id = ? ORDER BY person_id",
        (incident_id,),
    )
    return [PersonRow(*r) for r in rows.fetchall()]


def set_person_state(
    conn: Connection,
    incident_id: int,
    person_ids: list[int],
    state: str,
    method: str,
    notified_on: str | None,
) -> None:
    conn.executemany(
        "UPDATE incident_person SET state = ?, method = ?, notified_on = ?"
        " WHERE incident_id = ? AND person_id = ?",
        [(state, method, notified_on, incident_id, p) for p in person_ids],
    )


def add_measure(conn: Connection, incident_id: int, text: str, due_on: str | None) -> int:
    cursor = conn.execute(
        "INSERT INTO incident_measure (incident_id, text, due_on) VALUES (?, ?, ?)",
        (incident_id, text, due_on),
    )
    return int(cursor.lastrowid)


def measures(conn: Connection, incident_id: int) -> list[MeasureRow]:
    rows = conn.execute(
        "SELECT id, text, state, due_on, done_on FROM incident_measure"
        " WHERE incident_id = ? ORDER BY id",
        (incident_id,),
    )
    return [MeasureRow(*r) for r in rows.fetchall()]


def mark_measure_done(conn: Connection, incident_id: int, measure_id: int, done_on: str) -> bool:
    cursor = conn.execute(
        "UPDATE incident_measure SET state = 'done', done_on = ?"
        " WHERE id = ? AND incident_id = ? AND state = 'planned'",
        (done_on, measure_id, incident_id),
    )
    return cursor.rowcount == 1
