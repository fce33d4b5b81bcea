"""Training sessions, account reviews and dated tasks (migration 0019)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from storage.connection import Connection


@dataclass(frozen=True)
class AttendeeRow:
    staff_id: int | None
    name: str


@dataclass(frozen=True)
class TrainingRow:
    id: int
    held_on: str
    title: str
    content: str
    trainer: str
    materials: str
    recorded_at: str
    recorded_by_name: str
    attendees: tuple[AttendeeRow, ...]


@dataclass(frozen=True)
class ReviewItemRow:
    staff_id: int
    login_name: str
    display_name: str
    active: bool
    roles: tuple[str, ...]
    scopes: tuple[tuple[str, str], ...]
    matches_roster: bool
    verdict: str
    note: str


@dataclass(frozen=True)
class ReviewRow:
    id: int
    reviewed_on: str
    reviewer_name: str
    result_note: str
    roster_seq: int | None
    recorded_at: str
    items: tuple[ReviewItemRow, ...]


@dataclass(frozen=True)
class TaskRow:
    id: int
    kind: str
    title: str
    due_on: str
    source: str
    created_at: str
    done_on: str | None
    done_by_name: str


def add_training(
    conn: Connection,
    *,
    held_on: str,
    title: str,
    content: str,
    trainer: str,
    materials: str,
    attendees: Iterable[AttendeeRow],
    recorded_at: str,
    recorded_by_name: str,
) -> int:
    cursor = conn.execute(
        "INSERT INTO training_session (held_on, title, content, trainer, materials,"
        " recorded_at, recorded_by_name) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (held_on, title, content, trainer, materials, recorded_at, recorded_by_name),
    )
    training_id = int(cursor.lastrowid)
    conn.executemany(
        "INSERT INTO training_attendee (training_id, position, staff_id, name) VALUES (?, ?, ?, ?)",
        [(training_id, index, a.staff_id, a.name) for index, a in enumerate(attendees)],
    )
    return training_id


def _attendees(conn: Connection, training_id: int) -> tuple[AttendeeRow, ...]:
    return tuple(
        AttendeeRow(None if staff_id is None else int(staff_id), name)
        for staff_id, name in conn.execute(
            "SELECT staff_id, name FROM training_attendee WHERE training_id = ? ORDER BY position",
            (training_id,),
        )
    )


def trainings(conn: Connection, *, year: int | None = None) -> list[TrainingRow]:
    """Newest first; of one calendar year when `year` is given."""
    where, args = "", ()
    if year is not None:
        where, args = "WHERE held_on BETWEEN ? AND ?", (f"{year}-01-01", f"{year}-12-31")
    rows = conn.execute(
        "SELECT id, held_on, title, content, trainer, materials, recorded_at, recorded_by_name"
        f" FROM training_session {where} ORDER BY held_on DESC, id DESC",
        args,
    ).fetchall()
    return [TrainingRow(*row, attendees=_attendees(conn, int(row[0]))) for row in rows]


def add_review(
    conn: Connection,
    *,
    reviewed_on: str,
    reviewer_name: str,
    result_note: str,
    roster_seq: int | None,
    items: Iterable[ReviewItemRow],
    recorded_at: str,
) -> int:
    cursor = conn.execute(
        "INSERT INTO account_review (reviewed_on, reviewer_name, result_note, roster_seq,"
        " recorded_at) VALUES (?, ?, ?, ?, ?)",
        (reviewed_on, reviewer_name, result_note, roster_seq, recorded_at),
    )
    review_id = int(cursor.lastrowid)
    conn.executemany(
        "INSERT INTO account_review_item (review_id, staff_id, login_name, display_name,"
        " active, roles, scopes, matches_roster, verdict, note)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                review_id,
                item.staff_id,
                item.login_name,
                item.display_name,
                int(item.active),
                json.dumps(list(item.roles)),
                json.dumps([list(pair) for pair in item.scopes]),
                int(item.matches_roster),
                item.verdict,
                item.note,
            )
            for item in items
        ],
    )
    return review_id


def _items(conn: Connection, review_id: int) -> tuple[ReviewItemRow, ...]:
    return tuple(
        ReviewItemRow(
            int(staff_id),
            login,
            name,
            bool(active),
            tuple(json.loads(roles)),
            tuple((str(k), str(v)) for k, v in json.loads(scopes)),
            bool(matches),
            verdict,
            note,
        )
        for staff_id, login, name, active, roles, scopes, matches, verdict, note in conn.execute(
            "SELECT staff_id, login_name, display_name, active, roles, scopes, matches_roster,"
            " verdict, note FROM account_review_item WHERE review_id = ? ORDER BY staff_id",
            (review_id,),
        )
    )


def reviews(conn: Connection, *, year: int | None = None) -> list[ReviewRow]:
    """Newest first; of one calendar year when `year` is given."""
    where, args = "", ()
    if year is not None:
        where, args = "WHERE reviewed_on BETWEEN ? AND ?", (f"{year}-01-01", f"{year}-12-31")
    rows = conn.execute(
        "SELECT id, reviewed_on, reviewer_name, result_note, roster_seq, recorded_at"
        f" FROM account_review {where} ORDER BY reviewed_on DESC, id DESC",
        args,
    ).fetchall()
    return [ReviewRow(*row, items=_items(conn, int(row[0]))) for row in rows]


_TASK_COLUMNS = "id, kind, title, due_on, source, created_at, done_on, done_by_name"


def add_task(
    conn: Connection, *, kind: str, title: str, due_on: str, source: str, created_at: str
) -> int:
    cursor = conn.execute(
        "INSERT INTO task (kind, title, due_on, source, created_at) VALUES (?, ?, ?, ?, ?)",
        (kind, title, due_on, source, created_at),
    )
    return int(cursor.lastrowid)


def open_tasks(conn: Connection, *, kind: str | None = None) -> list[TaskRow]:
    where, args = "WHERE done_on IS NULL", ()
    if kind is not None:
        where, args = where + " AND kind = ?", (kind,)
    return [
        TaskRow(*row)
        for row in conn.execute(
            f"SELECT {_TASK_COLUMNS} FROM task {where} ORDER BY due_on, id", args
        )
    ]


def all_tasks(conn: Connection) -> list[TaskRow]:
    return [
        TaskRow(*row)
        for row in conn.execute(f"SELECT {_TASK_COLUMNS} FROM task ORDER BY due_on, id")
    ]


def finish_tasks(conn: Connection, *, kind: str, done_on: str, done_by_name: str) -> int:
    """Mark every open task of a kind done (a training held settles the one that asked)."""
    cursor = conn.execute(
        "UPDATE task SET done_on = ?, done_by_name = ? WHERE kind = ? AND done_on IS NULL",
        (done_on, done_by_name, kind),
    )
    return int(cursor.rowcount)
