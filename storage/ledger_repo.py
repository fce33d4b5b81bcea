"""Counts for the management ledger (特定個人情報管理台帳): how many of each file are held and
were deleted. Counts only: the ledger holds no personal data."""

from __future__ import annotations

from storage.connection import Connection


def deleted_by_kind(conn: Connection) -> dict[str, int]:
    """Deletion records by the kind of person, as it was when the number was deleted."""
    rows = conn.execute(
        "SELECT person_kind, count(*) FROM deletion_record GROUP BY person_kind"
    ).fetchall()
    return {str(kind): int(n) for kind, n in rows}


def scans_held(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM verification_scan").fetchone()[0])


def backups(conn: Connection) -> tuple[int, int]:
    """(kept, destroyed) backup files the office has recorded."""
    row = conn.execute(
        "SELECT count(*) - count(destroyed_at), count(destroyed_at) FROM backup_record"
    ).fetchone()
    return int(row[0]), int(row[1])
