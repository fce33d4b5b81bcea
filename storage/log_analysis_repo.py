"""Aggregates of the access log for its analysis (counts per day and per member, the events the
anomaly rules look for), all computed in SQL, and the acknowledged flags (migration 0015_audit_flags)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from storage.connection import Connection


@dataclass(frozen=True)
class Kinds:
    """The actions each counted kind stands for."""

    reveals: tuple[str, ...]
    outputs: tuple[str, ...]
    failed: tuple[str, ...]


def _in(name: str, actions: Sequence[str], params: dict[str, object]) -> str:
    names = [f"{name}{i}" for i in range(len(actions))]
    params.update(zip(names, actions, strict=True))
    return "(" + ", ".join(":" + n for n in names) + ")" if names else "(NULL)"


def _kind_case(kinds: Kinds, params: dict[str, object]) -> tuple[str, str]:
    reveals = _in("r", kinds.reveals, params)
    outputs = _in("o", kinds.outputs, params)
    failed = _in("f", kinds.failed, params)
    # An action in both lists (a form with numbers) counts as a reveal and as an output.
    columns = f"sum(action IN {reveals}), sum(action IN {outputs}), sum(action IN {failed})"
    every = tuple(dict.fromkeys((*kinds.reveals, *kinds.outputs, *kinds.failed)))
    return columns, _in("a", every, params)


def counts(
    conn: Connection, kinds: Kinds, since: str, until: str, *, by: str
) -> list[tuple[str, int, int, int]]:
    """(day or actor, reveals, outputs, failed sign-ins) in [since, until), by 'day' or
    'actor', in that order."""
    params: dict[str, object] = {"since": since, "until": until}
    columns, every = _kind_case(kinds, params)
    key = "substr(ts, 1, 10)" if by == "day" else "actor_name"
    rows = conn.execute(
        f"SELECT {key} AS k, {columns} FROM audit_log"
        f" WHERE action IN {every} AND ts >= :since AND ts < :until GROUP BY k ORDER BY k",
        params,
    )
    return [(r[0], int(r[1]), int(r[2]), int(r[3])) for r in rows]


@dataclass(frozen=True)
class OffHours:
    day: str
    actor_name: str
    count: int
    first_ts: str
    last_ts: str


def off_hours(
    conn: Connection,
    actions: Sequence[str],
    since: str,
    until: str,
    *,
    start_hour: int,
    end_hour: int,
    workdays: Sequence[int],  # strftime('%w'): 0 Sunday … 6 Saturday
    holidays: Sequence[str],
) -> list[OffHours]:
    """Events of these actions outside working hours, per day and member."""
    params: dict[str, object] = {
        "since": since,
        "until": until,
        "start": start_hour,
        "end": end_hour,
        "workdays": json.dumps([str(d) for d in workdays]),
        "holidays": json.dumps(list(holidays)),
    }
    wanted = _in("a", actions, params)
    rows = conn.execute(
        "SELECT substr(ts, 1, 10) AS day, actor_name, count(*), min(ts), max(ts)"
        f" FROM audit_log WHERE action IN {wanted} AND ts >= :since AND ts < :until"
        " AND (CAST(substr(ts, 12, 2) AS INTEGER) < :start"
        " OR CAST(substr(ts, 12, 2) AS INTEGER) >= :end"
        " OR strftime('%w', substr(ts, 1, 10)) NOT IN (SELECT value FROM json_each(:workdays))"
        " OR substr(ts, 1, 10) IN (SELECT value FROM json_each(:holidays)))"
        " GROUP BY day, actor_name ORDER BY day, actor_name",
        params,
    )
    return [OffHours(*r) for r in rows]


def bursts(
    conn: Connection, actions: Sequence[str], since: str, until: str, *, count: int, minutes: int
) -> list[tuple[str, str, int]]:
    """(actor, ts, events in the `minutes` up to it) for each event that ends a window of at
    least `count` events of these actions by one member, in time order (a window function)."""
    params: dict[str, object] = {
        "since": since,
        "until": until,
        "secs": minutes * 60 - 1,
        "count": count,
    }
    wanted = _in("a", actions, params)
    rows = conn.execute(
        "SELECT actor_name, ts, n FROM (SELECT actor_name, ts, count(*) OVER ("
        " PARTITION BY actor_name ORDER BY unixepoch(ts)"
        " RANGE BETWEEN :secs PRECEDING AND CURRENT ROW) AS n"
        f" FROM audit_log WHERE action IN {wanted} AND ts >= :since AND ts < :until)"
        " WHERE n >= :count ORDER BY actor_name, unixepoch(ts)",
        params,
    )
    return [(r[0], r[1], int(r[2])) for r in rows]


# How far after a bulk output's last per-person event its outputs-register entry may be
# written: outputs.register appends it in the same transaction, right after them (entries
# apart) and a clock reading later (seconds apart, when a second turns in between).
REGISTER_GAP = 3
REGISTER_SECONDS = 2


def bulk_outputs(
    conn: Connection, actions: Sequence[str], since: str, until: str, *, persons: int
) -> list[tuple[str, str, str, int, str | None]]:
    """(actor, ts, action, persons, register target) of each output that named at least
    `persons` distinct targets in one moment (a bulk output is logged as one event per person
    at one time); the target is the outputs-register entry ("output:12") written with it, or
    None for an output the register does not hold (an export without numbers)."""
    params: dict[str, object] = {
        "since": since,
        "until": until,
        "persons": persons,
        "gap": REGISTER_GAP,
        "days": REGISTER_SECONDS / 86400,
    }
    wanted = _in("a", actions, params)
    rows = conn.execute(
        "SELECT g.actor_name, g.ts, g.action, g.n,"
        " (SELECT o.target FROM audit_log o WHERE o.action = 'output.registered'"
        "  AND o.actor_name = g.actor_name AND o.seq > g.last AND o.seq <= g.last + :gap"
        "  AND julianday(o.ts) - julianday(g.ts) BETWEEN 0 AND :days"
        "  ORDER BY o.seq LIMIT 1)"
        " FROM (SELECT actor_name, ts, action, count(DISTINCT target) AS n, max(seq) AS last"
        f"  FROM audit_log WHERE action IN {wanted} AND ts >= :since AND ts < :until"
        "  GROUP BY actor_name, ts, action HAVING n >= :persons) g ORDER BY g.ts",
        params,
    )
    return [(r[0], r[1], r[2], int(r[3]), r[4]) for r in rows]


@dataclass(frozen=True)
class Acknowledgement:
    key: str
    rule: str
    actor_name: str
    note: str
    acknowledged_at: str
    acknowledged_by_name: str


def acknowledgements(conn: Connection) -> dict[str, Acknowledgement]:
    rows = conn.execute(
        "SELECT key, rule, actor_name, note, acknowledged_at, acknowledged_by_name FROM audit_flag"
    )
    return {r[0]: Acknowledgement(*r) for r in rows}


def acknowledge(conn: Connection, ack: Acknowledgement) -> None:
    conn.execute(
        "INSERT INTO audit_flag (key, rule, actor_name, note, acknowledged_at,"
        " acknowledged_by_name) VALUES (?, ?, ?, ?, ?, ?)",
        (
            ack.key,
            ack.rule,
            ack.actor_name,
            ack.note,
            ack.acknowledged_at,
            ack.acknowledged_by_name,
        ),
    )
