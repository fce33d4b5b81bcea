"""Correction records of people's data (規程第47条); they hold labels and shown values only."""

from __future__ import annotations

import json
from dataclasses import dataclass

from storage.connection import Connection


@dataclass(frozen=True)
class CorrectionRecord:
    id: int
    person_id: int
    changed_at: str
    changed_by_name: str
    reason: str
    changes: list[dict[str, str]]  # {"field", "label", "before", "after"}
    keep_until: str


def insert(
    conn: Connection,
    *,
    person_id: int,
    changed_at: str,
    changed_by: int | None,
    changed_by_name: str,
    reason: str,
    changes: list[dict[str, str]],
    keep_until: str,
) -> int:
    cur = conn.execute(
        "INSERT INTO correction (person_id, changed_at, changed_by, changed_by_name, reason,"
        " changes, keep_until) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            person_id,
            changed_at,
            changed_by,
            changed_by_name,
            reason,
            json.dumps(changes, ensure_ascii=False),
            keep_until,
        ),
    )
    return int(cur.lastrowid)


def for_person(conn: Connection, person_id: int) -> list[CorrectionRecord]:
    rows = conn.execute(
        "SELECT id, person_id, changed_at, changed_by_name, reason, changes, keep_until"
        " FROM correction WHERE person_id = ? ORDER BY changed_at DESC, id DESC",
        (person_id,),
    ).fetchall()
    return [
        CorrectionRecord(int(r[0]), int(r[1]), r[2], r[3], r[4], json.loads(r[5]), r[6])
        for r in rows
    ]


def count_for(conn: Connection, person_id: int) -> int:
    return int(
        conn.execute(
            "SELECT count(*) FROM correction WHERE person_id = ?", (person_id,)
        ).fetchone()[0]
    )
