"""The list of backups the program has written (retention needs to know which still exist)."""

from __future__ import annotations

from dataclasses import dataclass

from storage.connection import Connection


@dataclass(frozen=True)
class BackupRow:
    id: int
    created_at: str
    file_name: str
    folder: str
    size: int
    sha256: str
    destroyed_at: str | None


def insert(
    conn: Connection, *, created_at: str, file_name: str, folder: str, size: int, sha256: str
) -> int:
    cur = conn.execute(
        "INSERT INTO backup_record (created_at, file_name, folder, size, sha256)"
        " VALUES (?, ?, ?, ?, ?)",
        (created_at, file_name, folder, size, sha256),
    )
    return int(cur.lastrowid)


def last_backup_at(conn: Connection) -> str | None:
    row = conn.execute(
        "SELECT created_at FROM backup_record WHERE destroyed_at IS NULL"
        " ORDER BY created_at DESC LIMIT 1"
    ).fetchone()
    return None if row is None else str(row[0])


def all_backups(conn: Connection) -> list[BackupRow]:
    """Every backup the program wrote, newest first."""
    rows = conn.execute(
        "SELECT id, created_at, file_name, folder, size, sha256, destroyed_at FROM backup_record"
        " ORDER BY created_at DESC, id DESC"
    ).fetchall()
    return [BackupRow(*row) for row in rows]


def mark_destroyed(conn: Connection, backup_id: int, at: str) -> None:
    conn.execute(
        "UPDATE backup_record SET destroyed_at = ? WHERE id = ? AND destroyed_at IS NULL",
        (at, backup_id),
    )
