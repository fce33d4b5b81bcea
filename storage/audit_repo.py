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


SORTABLE = {
    "seq": "seq",
    "ts": "ts",
    "actor_name": "actor_name",
    "action": "action",
    "target": "target",
}


@dataclass(frozen=True)
class AuditFilter:
    actor_name: str | None = None
    action: str | None = None
    since: str | None = None
    until: str | None = None


def _where(filters: AuditFilter) -> tuple[str, list[object]]:
    clauses, params = [], []
    if filters.actor_name:
        clauses.append("actor_name = ?")
        params.append(filters.actor_name)
    if filters.action:
        clauses.append("action = ?")
        params.append(filters.action)
    if filters.since:
        clauses.append("ts >= ?")
        params.append(filters.since)
    if filters.until:
        clauses.append("ts < ?")
        params.append(filters.until)
    return ((" WHERE " + " AND ".join(clauses)) if clauses else ""), params


def count(conn: Connection, filters: AuditFilter) -> int:
    where, params = _where(filters)
    return int(conn.execute("SELECT count(*) FROM audit_log" + where, params).fetchone()[0])


def page(
    conn: Connection,
    filters: AuditFilter,
    *,
    offset: int,
    limit: int,
    order_by: str = "seq",
    descending: bool = True,
) -> list[AuditRecord]:
    """One page, filtered and sorted in SQL (indexes on ts, actor, action)."""
    column = SORTABLE.get(order_by, "seq")
    where, params = _where(filters)
    direction = "DESC" if descending else "ASC"
    rows = conn.execute(
        "SELECT seq, ts, actor_id, actor_name, action, target, detail FROM audit_log"
        + where
        + f" ORDER BY {column} {direction}, seq {direction} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return [AuditRecord(*row) for row in rows]


def actors(conn: Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT actor_name FROM audit_log ORDER BY 1")]
