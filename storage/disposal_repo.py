"""What else the 削除・廃棄記録簿 lists besides deleted numbers: the backups destroyed and the
request files discarded in a period, with who did it, as the backup list and the access log
keep them (the request file itself is gone; its event remains)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from storage.connection import Connection


@dataclass(frozen=True)
class DestroyedBackupRow:
    created_at: str
    file_name: str
    folder: str
    destroyed_at: str
    by_hand: bool  # confirmed destroyed by a member (out of the program's reach)
    actor_login: str | None  # None when no event names it


@dataclass(frozen=True)
class DiscardedRequestRow:
    discarded_at: str
    actor_login: str
    kind: str
    notice_no: str
    kept_until: str


def destroyed_backups(conn: Connection, since: str, until: str) -> list[DestroyedBackupRow]:
    """Backups destroyed from `since` to before `until` (ISO text), oldest first; the event
    that destroyed each says how and by whom."""
    rows = conn.execute(
        "SELECT b.created_at, b.file_name, b.folder, b.destroyed_at, a.action, a.actor_name"
        " FROM backup_record b LEFT JOIN audit_log a ON a.seq = ("
        "   SELECT e.seq FROM audit_log e"
        "   WHERE (e.action = 'backup.destroyed' AND e.target = b.file_name)"
        "      OR (e.action = 'backup.destroyed_by_hand'"
        "          AND json_extract(e.detail, '$.backup') = b.id)"
        "   ORDER BY e.seq DESC LIMIT 1)"
        " WHERE b.destroyed_at >= ? AND b.destroyed_at < ?"
        " ORDER BY b.destroyed_at, b.id",
        (since, until),
    ).fetchall()
    return [
        DestroyedBackupRow(made, name, folder, gone, action == "backup.destroyed_by_hand", actor)
        for made, name, folder, gone, action, actor in rows
    ]


def discarded_requests(conn: Connection, since: str, until: str) -> list[DiscardedRequestRow]:
    """Request files discarded from `since` to before `until` (ISO text), in the order
    discarded: one access-log event each (the file and its history are gone)."""
    rows = conn.execute(
        "SELECT ts, actor_name, detail FROM audit_log"
        " WHERE action = 'request.discarded' AND ts >= ? AND ts < ? ORDER BY seq",
        (since, until),
    ).fetchall()
    found = []
    for at, actor, text in rows:
        detail = json.loads(text)
        found.append(
            DiscardedRequestRow(
                at,
                actor,
                str(detail.get("kind", "")),
                str(detail.get("notice_no", "")),
                str(detail.get("kept_until", "")),
            )
        )
    return found
