"""Deletion runs, their people, the deletion records that remain, and the facts retention needs
for every stored number, read in one pass."""

from __future__ import annotations

import json
import operator
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from storage.connection import Connection


class RetentionRow(NamedTuple):
    """What the retention rules need of one stored number, with the person's list fields. A
    named tuple, not a frozen dataclass: the due list makes one per stored number (200,000),
    and a frozen dataclass's field-by-field __init__ cost as much as the rules."""

    person_id: int
    kind: str
    name: str
    kana: str
    code: str | None
    department: str | None
    retired_at: str | None
    registered_at: str
    purposes: frozenset[str]
    hire_date: str | None
    leave_date: str | None
    status: str | None
    employee_id: int | None
    valid_to: str | None
    pension_category3: bool
    continuing: bool
    contract_to: str | None


# Every stored number, with its person and (for a dependent) the employee's employment; the
# purposes are folded in so one pass over my_number answers the due list.
_FACTS = """
SELECT p.id, p.kind, p.name, p.kana, e.code, COALESCE(d1.name, d2.name), p.retired_at,
       n.registered_at,
       (SELECT group_concat(purpose, ',') FROM my_number_purpose mp WHERE mp.person_id = p.id),
       COALESCE(e.hire_date, owner.hire_date), COALESCE(e.leave_date, owner.leave_date),
       COALESCE(e.status, owner.status),
       dep.employee_id, dep.valid_to, COALESCE(dep.pension_category3, 0),
       COALESCE(pay.continuing, 0), pay.contract_to
FROM my_number n
JOIN person p ON p.id = n.person_id
LEFT JOIN employee e ON e.person_id = p.id
LEFT JOIN department d1 ON d1.id = e.department_id
LEFT JOIN dependent dep ON dep.person_id = p.id
LEFT JOIN employee owner ON owner.person_id = dep.employee_id
LEFT JOIN department d2 ON d2.id = owner.department_id
LEFT JOIN payee pay ON pay.person_id = p.id
"""


def _facts(rows: Iterable[tuple]) -> Iterator[RetentionRow]:
    # An office has a handful of purpose combinations: one frozenset each, shared (immutable).
    purpose_sets: dict[str | None, frozenset[str]] = {}
    for row in rows:
        text = row[8]
        purposes = purpose_sets.get(text)
        if purposes is None:
            purposes = frozenset(text.split(",")) if text else frozenset()
            purpose_sets[text] = purposes
        yield RetentionRow(
            int(row[0]),  # person_id
            row[1],  # kind
            row[2],  # name
            row[3],  # kana
            row[4],  # code
            row[5],  # department
            row[6],  # retired_at
            row[7],  # registered_at
            purposes,
            row[9],  # hire_date
            row[10],  # leave_date
            row[11],  # status
            row[12],  # employee_id
            row[13],  # valid_to
            bool(row[14]),  # pension_category3
            bool(row[15]),  # continuing
            row[16],  # contract_to
        )


def retention_facts(conn: Connection, person_ids: list[int] | None = None) -> list[RetentionRow]:
    """For every stored number (or those of `person_ids`), in person id order."""
    if person_ids is None:
        return list(each_retention_fact(conn))
    marks = ", ".join("?" for _ in person_ids)
    rows = conn.execute(_FACTS + f" WHERE p.id IN ({marks}) ORDER BY p.id", person_ids)
    return list(_facts(rows.fetchall()))


def run_facts(conn: Connection, run_id: int) -> list[RetentionRow]:
    """retention_facts for the people of a run that still have a number, read through the
    run's own items (a run of 10,000 would otherwise bind 10,000 parameters)."""
    rows = conn.execute(
        _FACTS + " WHERE p.id IN (SELECT person_id FROM deletion_run_item WHERE run_id = ?)"
        " ORDER BY p.id",
        (run_id,),
    )
    return list(_facts(rows.fetchall()))


def each_retention_fact(conn: Connection) -> Iterator[RetentionRow]:
    """retention_facts for every stored number, one at a time from the cursor, so a caller that
    keeps few of them (the due list: most numbers are still needed) never holds them all.
    The connection must not be used for anything else until the iteration ends."""
    yield from _facts(conn.execute(_FACTS + " ORDER BY p.id"))


@dataclass(frozen=True)
class RunRow:
    id: int
    state: str
    trigger: str
    reason: str
    proposed_at: str
    proposed_by: int | None
    proposed_by_name: str
    approved_at: str | None
    approved_by: int | None
    approved_by_name: str | None
    single_person_reason: str
    closed_at: str | None
    closed_by_name: str | None
    people: int


_RUN = (
    "SELECT r.id, r.state, r.trigger, r.reason, r.proposed_at, r.proposed_by, r.proposed_by_name,"
    " r.approved_at, r.approved_by, r.approved_by_name, r.single_person_reason, r.closed_at,"
    " r.closed_by_name, (SELECT count(*) FROM deletion_run_item i WHERE i.run_id = r.id)"
    " FROM deletion_run r"
)


def insert_run(
    conn: Connection,
    *,
    trigger: str,
    reason: str,
    proposed_at: str,
    proposed_by: int | None,
    proposed_by_name: str,
    items: list[tuple[int, str | None]],
) -> int:
    run_id = int(
        conn.execute(
            "INSERT INTO deletion_run (state, trigger, reason, proposed_at, proposed_by,"
            " proposed_by_name) VALUES ('proposed', ?, ?, ?, ?, ?)",
            (trigger, reason, proposed_at, proposed_by, proposed_by_name),
        ).lastrowid
    )
    conn.executemany(
        "INSERT INTO deletion_run_item (run_id, person_id, may_delete_from) VALUES (?, ?, ?)",
        [(run_id, person_id, day) for person_id, day in items],
    )
    return run_id


def run(conn: Connection, run_id: int) -> RunRow | None:
    row = conn.execute(_RUN + " WHERE r.id = ?", (run_id,)).fetchone()
    return None if row is None else RunRow(*row)


def runs(conn: Connection, states: tuple[str, ...] | None = None) -> list[RunRow]:
    if states:
        marks = ", ".join("?" for _ in states)
        rows = conn.execute(_RUN + f" WHERE r.state IN ({marks}) ORDER BY r.id DESC", states)
    else:
        rows = conn.execute(_RUN + " ORDER BY r.id DESC")
    return [RunRow(*row) for row in rows.fetchall()]


def run_items(conn: Connection, run_id: int) -> list[tuple[int, str | None]]:
    return [
        (int(r[0]), r[1])
        for r in conn.execute(
            "SELECT person_id, may_delete_from FROM deletion_run_item WHERE run_id = ?"
            " ORDER BY person_id",
            (run_id,),
        )
    ]


def people_in_open_runs(conn: Connection) -> set[int]:
    """People already in a run that is proposed or approved (not yet executed)."""
    return {
        int(r[0])
        for r in conn.execute(
            "SELECT i.person_id FROM deletion_run_item i JOIN deletion_run r ON r.id = i.run_id"
            " WHERE r.state IN ('proposed', 'approved')"
        )
    }


def approve(
    conn: Connection,
    run_id: int,
    *,
    approved_at: str,
    approved_by: int | None,
    approved_by_name: str,
    single_person_reason: str,
) -> None:
    conn.execute(
        "UPDATE deletion_run SET state = 'approved', approved_at = ?, approved_by = ?,"
        " approved_by_name = ?, single_person_reason = ? WHERE id = ? AND state = 'proposed'",
        (approved_at, approved_by, approved_by_name, single_person_reason, run_id),
    )


def close(conn: Connection, run_id: int, *, state: str, at: str, by_name: str) -> None:
    conn.execute(
        "UPDATE deletion_run SET state = ?, closed_at = ?, closed_by_name = ? WHERE id = ?",
        (state, at, by_name, run_id),
    )


@dataclass(frozen=True)
class DeletionRecordRow:
    id: int
    run_id: int | None
    person_id: int
    person_name: str
    person_kind: str
    department: str
    file_name: str
    reasons: list[dict[str, str]]
    trigger: str
    legal_basis: str
    may_delete_from: str | None
    method: str
    responsible_name: str
    executed_by_name: str
    approved_by_name: str
    approved_at: str
    deleted_at: str
    backups: list[dict[str, str]]
    paper: str
    paper_disposed_at: str | None
    paper_disposed_by_name: str | None
    # Who proposed the run, and when: kept once in the run (never changed after the proposal),
    # read with each of its records. Empty for a record without a run.
    proposed_by_name: str = ""
    proposed_at: str | None = None


# Read with the reason set and the run's proposal joined in, in DeletionRecordRow's order.
_RECORD_SELECT = (
    "SELECT r.id, r.run_id, r.person_id, r.person_name, r.person_kind, r.department,"
    " r.file_name, s.reasons, r.trigger, r.legal_basis, r.may_delete_from, r.method,"
    " r.responsible_name, r.executed_by_name, r.approved_by_name, r.approved_at, r.deleted_at,"
    " r.backups, s.paper, r.paper_disposed_at, r.paper_disposed_by_name,"
    " COALESCE(u.proposed_by_name, ''), u.proposed_at"
    " FROM deletion_record r JOIN deletion_reason_set s ON s.id = r.reason_set_id"
    " LEFT JOIN deletion_run u ON u.id = r.run_id"
)
# Written per record; reasons and paper go to the reason set.
RECORD_COLUMNS = (
    "run_id",
    "person_id",
    "person_name",
    "person_kind",
    "department",
    "file_name",
    "trigger",
    "legal_basis",
    "may_delete_from",
    "method",
    "responsible_name",
    "executed_by_name",
    "approved_by_name",
    "approved_at",
    "deleted_at",
    # Last, as insert_records appends them to what it takes from each record.
    "reason_set_id",
    "backups",
)
_TAKEN = operator.itemgetter(*RECORD_COLUMNS[:-2])


def _record(row: tuple) -> DeletionRecordRow:
    values = list(row)
    values[7] = json.loads(values[7])
    values[17] = json.loads(values[17])
    return DeletionRecordRow(*values)


def reason_set(conn: Connection, reasons: str, paper: str) -> int:
    """The id of this reasons text and paper list, stored once."""
    conn.execute(
        "INSERT INTO deletion_reason_set (reasons, paper) VALUES (?, ?)"
        " ON CONFLICT (reasons, paper) DO NOTHING",
        (reasons, paper),
    )
    row = conn.execute(
        "SELECT id FROM deletion_reason_set WHERE reasons = ? AND paper = ?", (reasons, paper)
    ).fetchone()
    return int(row[0])


def insert_records(conn: Connection, records: list[dict[str, object]]) -> None:
    """One statement for a run's records. `reasons` (a list) and `paper` go to the reason set,
    each distinct pair once; `backups` is JSON-encoded here. The paper is confirmed later
    (confirm_paper), never at insert."""
    # A run's records mostly share their reasons and backups as the same objects: each is
    # encoded (and its reason set found) once. Keyed by id(), which `records` keeps alive.
    sets: dict[tuple[int, str], int] = {}
    encoded: dict[int, str] = {}

    def text(value: object) -> str:
        found = encoded.get(id(value))
        if found is None:
            found = encoded[id(value)] = json.dumps(value, ensure_ascii=False)
        return found

    rows = []
    for record in records:
        paper = str(record.get("paper", ""))
        key = (id(record["reasons"]), paper)
        set_id = sets.get(key)
        if set_id is None:
            set_id = sets[key] = reason_set(conn, text(record["reasons"]), paper)
        rows.append((*_TAKEN(record), set_id, text(record["backups"])))
    marks = ", ".join("?" for _ in RECORD_COLUMNS)
    conn.executemany(
        f"INSERT INTO deletion_record ({', '.join(RECORD_COLUMNS)}) VALUES ({marks})", rows
    )


def records(
    conn: Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    run_id: int | None = None,
) -> list[DeletionRecordRow]:
    """By deletion time (ISO text, `until` exclusive), or of one run; oldest first."""
    where, params = [], []
    if since is not None:
        where.append("r.deleted_at >= ?")
        params.append(since)
    if until is not None:
        where.append("r.deleted_at < ?")
        params.append(until)
    if run_id is not None:
        where.append("r.run_id = ?")
        params.append(run_id)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    rows = conn.execute(f"{_RECORD_SELECT}{clause} ORDER BY r.deleted_at, r.id", params).fetchall()
    return [_record(row) for row in rows]


def record(conn: Connection, record_id: int) -> DeletionRecordRow | None:
    row = conn.execute(f"{_RECORD_SELECT} WHERE r.id = ?", (record_id,)).fetchone()
    return None if row is None else _record(row)


def records_for_person(conn: Connection, person_id: int) -> list[DeletionRecordRow]:
    rows = conn.execute(
        f"{_RECORD_SELECT} WHERE r.person_id = ? ORDER BY r.id", (person_id,)
    ).fetchall()
    return [_record(row) for row in rows]


def confirm_paper(conn: Connection, record_ids: list[int], *, at: str, by_name: str) -> None:
    conn.executemany(
        "UPDATE deletion_record SET paper_disposed_at = ?, paper_disposed_by_name = ?"
        " WHERE id = ? AND paper_disposed_at IS NULL",
        [(at, by_name, record_id) for record_id in record_ids],
    )


def delete_numbers(conn: Connection, person_ids: list[int]) -> None:
    """Numbers, their purposes, their blind index (a column of the row) and any copies of the
    documents; secure_delete (always on) zeroes the freed space in the same transaction. The
    verification records stay: they hold no number."""
    rows = [(person_id,) for person_id in person_ids]
    conn.executemany("DELETE FROM verification_scan WHERE person_id = ?", rows)
    conn.executemany("DELETE FROM my_number_purpose WHERE person_id = ?", rows)
    conn.executemany("DELETE FROM my_number WHERE person_id = ?", rows)


def backups_since(conn: Connection, since: str) -> list[dict[str, str]]:
    """Backups made at or after `since` that the program has not destroyed: they hold a
    number registered then."""
    return [
        {"file_name": r[0], "created_at": r[1]}
        for r in conn.execute(
            "SELECT file_name, created_at FROM backup_record WHERE destroyed_at IS NULL"
            " AND created_at >= ? ORDER BY created_at",
            (since,),
        )
    ]


def backups_since_each(conn: Connection, sinces: list[str]) -> list[list[dict[str, str]]]:
    """`backups_since` for each of `sinces`, from one read of the backups (a run asks it for
    every number): the same rows in the same order. Equal `sinces` get the same list (numbers
    registered in one import share it, and insert_records encodes it once): read, not change."""
    if not sinces:
        return []
    found = conn.execute(
        "SELECT file_name, created_at FROM backup_record WHERE destroyed_at IS NULL"
        " AND created_at >= ? ORDER BY created_at",
        (min(sinces),),
    ).fetchall()
    lists: dict[str, list[dict[str, str]]] = {}
    for since in sinces:
        if since not in lists:
            lists[since] = [
                {"file_name": name, "created_at": made} for name, made in found if made >= since
            ]
    return [lists[since] for since in sinces]


REBUILD = "rebuild"


def mark_rebuild(conn: Connection, now: str) -> None:
    conn.execute(
        "INSERT INTO maintenance (name, since) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
        (REBUILD, now),
    )


def rebuild_pending(conn: Connection) -> bool:
    return (
        conn.execute("SELECT 1 FROM maintenance WHERE name = ?", (REBUILD,)).fetchone() is not None
    )


def clear_rebuild(conn: Connection) -> None:
    conn.execute("DELETE FROM maintenance WHERE name = ?", (REBUILD,))


def settle_method(conn: Connection, pending: str, done: str) -> int:
    """The records whose method was still pending (their numbers' leftover copies awaited a
    new number key) say what is now done, in the rotation's own transaction. Returns how many."""
    return conn.execute(
        "UPDATE deletion_record SET method = ? WHERE method = ?", (done, pending)
    ).rowcount
