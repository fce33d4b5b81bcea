"""Reading the access log (writing goes through the chain in audit_chain)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from storage.connection import Connection


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    ts: str
    actor_id: int | None
    actor_name: str
    action: str
    target: str
    detail: str


def entries(
    conn: Connection, *, since: str | None = None, until: str | None = None
) -> Iterator[AuditRecord]:
    clauses, params = [], []
    if since is not None:
        clauses.append("ts >= ?")
        params.append(since)
    if until is not None:
        clauses.append("ts < ?")
        params.append(until)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    cursor = conn.execute(
        "SELECT seq, ts, actor_id, actor_name, action, target, detail FROM audit_log"
        + where
        + " ORDER BY seq",
        params,
    )
    for row in cursor:
        yield AuditRecord(*row)
