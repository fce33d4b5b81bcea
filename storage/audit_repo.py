"""Reading the access log (writing goes through the chain in audit_chain), with the names its
events refer to, looked up a page at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from storage.connection import Connection
from storage.people_repo import SearchScope, search_condition


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    ts: str
    actor_id: int | None
    actor_name: str
    action: str
    target: str
    detail: str


_SELECT = "SELECT seq, ts, actor_id, actor_name, action, target, detail FROM audit_log"


def entries(
    conn: Connection, *, since: str | None = None, until: str | None = None
) -> Iterator[AuditRecord]:
    where, params = _where(AuditFilter(since=since, until=until))
    for row in conn.execute(_SELECT + where + " ORDER BY seq", params):
        yield AuditRecord(*row)


SORTABLE = {
    "seq": "seq",
    "ts": "ts",
    "actor_name": "actor_name",
    "action": "action",
}


@dataclass(frozen=True)
class PersonFilter:
    """The events about the people a search finds (氏名, フリガナ folded, employee code or
    department, as the people list searches) and about their requests. With a scope (the
    reader handles numbers in some groups only) only people inside it are found; without one
    the names kept by deletion records and by requests about no registered person count too."""

    text: str
    kana_key: str
    scope: SearchScope | None = None


@dataclass(frozen=True)
class AuditFilter:
    actor_name: str | None = None
    action: str | None = None
    actions: tuple[str, ...] | None = None  # a group of actions (empty: none)
    person: PersonFilter | None = None
    since: str | None = None
    until: str | None = None


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _person_clause(person: PersonFilter, params: dict[str, object]) -> str:
    condition, found = search_condition(person.text, person.kana_key, person.scope)
    params.update(found)
    people = f"SELECT p.id FROM person p WHERE {condition}"
    parts = [
        f"SELECT 'person:' || id FROM ({people})",
        f"SELECT 'request:' || id FROM individual_request WHERE person_id IN ({people})",
    ]
    if person.scope is None:
        params["gone"] = f"%{_escape(person.text)}%"
        parts += [
            "SELECT 'person:' || person_id FROM deletion_record"
            " WHERE person_name LIKE :gone ESCAPE '\\'",
            "SELECT 'request:' || id FROM individual_request"
            " WHERE person_id IS NULL AND subject_name LIKE :gone ESCAPE '\\'",
        ]
    return "target IN (" + " UNION ".join(parts) + ")"


def _where(filters: AuditFilter) -> tuple[str, dict[str, object]]:
    clauses: list[str] = []
    params: dict[str, object] = {}
    if filters.actor_name:
        clauses.append("actor_name = :actor")
        params["actor"] = filters.actor_name
    if filters.action:
        clauses.append("action = :action")
        params["action"] = filters.action
    if filters.actions is not None:
        names = [f"a{index}" for index in range(len(filters.actions))]
        params.update(zip(names, filters.actions, strict=True))
        clauses.append(f"action IN ({', '.join(':' + n for n in names)})" if names else "0")
    if filters.person is not None and filters.person.text:
        clauses.append(_person_clause(filters.person, params))
    if filters.since:
        clauses.append("ts >= :since")
        params["since"] = filters.since
    if filters.until:
        clauses.append("ts < :until")
        params["until"] = filters.until
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
        _SELECT
        + where
        + f" ORDER BY {column} {direction}, seq {direction} LIMIT :limit OFFSET :offset",
        {**params, "limit": limit, "offset": offset},
    )
    return [AuditRecord(*row) for row in rows]


def actors(conn: Connection) -> list[tuple[str, str | None]]:
    """Each login in the log with the member's name (None: no such member, e.g. a failed
    sign-in under an unknown name)."""
    return [
        (r[0], r[1])
        for r in conn.execute(
            "SELECT a.actor_name, s.display_name"
            " FROM (SELECT DISTINCT actor_name FROM audit_log) a"
            " LEFT JOIN staff s ON s.login_name = a.actor_name ORDER BY 1"
        )
    ]


@dataclass(frozen=True)
class NamedPerson:
    id: int
    kind: str
    name: str
    department: str | None  # an employee's, or for a dependent their employee's


@dataclass(frozen=True)
class DeletedPerson:
    """What a deletion record keeps of a person (its kind as the Japanese label)."""

    id: int
    name: str
    kind_label: str


@dataclass(frozen=True)
class NamedRequest:
    id: int
    kind: str
    subject_name: str
    person_id: int | None


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def people(conn: Connection, ids: Iterable[int]) -> list[NamedPerson]:
    wanted = sorted(set(ids))
    if not wanted:
        return []
    rows = conn.execute(
        "SELECT p.id, p.kind, p.name, COALESCE(d.name, dd.name) FROM person p"
        " LEFT JOIN employee e ON e.person_id = p.id"
        " LEFT JOIN department d ON d.id = e.department_id"
        " LEFT JOIN dependent dp ON dp.person_id = p.id"
        " LEFT JOIN employee de ON de.person_id = dp.employee_id"
        " LEFT JOIN department dd ON dd.id = de.department_id"
        f" WHERE p.id IN ({_marks(len(wanted))})",
        wanted,
    )
    return [NamedPerson(*row) for row in rows]


def deleted_people(conn: Connection, ids: Iterable[int]) -> list[DeletedPerson]:
    """The latest deletion record of each of these people."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    rows = conn.execute(
        "SELECT person_id, person_name, person_kind FROM deletion_record"
        f" WHERE person_id IN ({_marks(len(wanted))}) ORDER BY id",
        wanted,
    )
    return list({row[0]: DeletedPerson(*row) for row in rows}.values())


def requests(conn: Connection, ids: Iterable[int]) -> list[NamedRequest]:
    wanted = sorted(set(ids))
    if not wanted:
        return []
    rows = conn.execute(
        "SELECT id, kind, subject_name, person_id FROM individual_request"
        f" WHERE id IN ({_marks(len(wanted))})",
        wanted,
    )
    return [NamedRequest(*row) for row in rows]


def staff_names(conn: Connection, logins: Iterable[str]) -> dict[str, str]:
    wanted = sorted(set(logins))
    if not wanted:
        return {}
    rows = conn.execute(
        f"SELECT login_name, display_name FROM staff WHERE login_name IN ({_marks(len(wanted))})",
        wanted,
    )
    return {row[0]: row[1] for row in rows}
