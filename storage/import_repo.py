"""The registered people an import file may name again, looked up a batch at a time (by
employee code, by number's blind index, as an employee's dependants, as payees by name)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from storage.connection import Connection

_BATCH = 500  # bound parameters per IN (...) query, well under SQLite's limit


@dataclass(frozen=True)
class StoredPerson:
    """What a re-import compares a row with; never the number, only its blind index."""

    id: int
    kind: str
    name: str
    kana: str
    birth_date: str | None
    code: str | None
    department: str | None  # an employee's, or for a dependent their employee's
    hire_date: str | None
    leave_date: str | None
    status: str | None
    employee_id: int | None  # dependents only
    relation: str | None
    valid_to: str | None
    contract_to: str | None
    blind_index: bytes | None  # None: no number on file
    number_deleted: bool  # a number of this person was deleted (a deletion record says so)


_SELECT = """
SELECT p.id, p.kind, p.name, p.kana, p.birth_date, e.code, COALESCE(d1.name, d2.name),
 e.hire_date, e.leave_date, e.status, dep.employee_id, dep.relation, dep.valid_to,
 pay.contract_to, n.blind_index,
 EXISTS (SELECT 1 FROM deletion_record r WHERE r.person_id = p.id)
FROM person p
LEFT JOIN employee e ON e.person_id = p.id
LEFT JOIN department d1 ON d1.id = e.department_id
LEFT JOIN dependent dep ON dep.person_id = p.id
LEFT JOIN employee owner ON owner.person_id = dep.employee_id
LEFT JOIN department d2 ON d2.id = owner.department_id
LEFT JOIN payee pay ON pay.person_id = p.id
LEFT JOIN my_number n ON n.person_id = p.id
"""


def _stored(row: tuple) -> StoredPerson:
    return StoredPerson(
        *row[:14],
        blind_index=None if row[14] is None else bytes(row[14]),
        number_deleted=bool(row[15]),
    )


def _chunks(values: Iterable[object]) -> Iterable[list[object]]:
    unique = list(dict.fromkeys(values))
    for start in range(0, len(unique), _BATCH):
        yield unique[start : start + _BATCH]


def _select(conn: Connection, where: str, values: Iterable[object]) -> list[StoredPerson]:
    found: list[StoredPerson] = []
    for chunk in _chunks(values):
        marks = ", ".join("?" * len(chunk))
        found.extend(
            _stored(row) for row in conn.execute(f"{_SELECT} WHERE {where} IN ({marks})", chunk)
        )
    return found


def employees_by_code(conn: Connection, codes: Iterable[str]) -> dict[str, StoredPerson]:
    return {p.code: p for p in _select(conn, "e.code", codes) if p.code is not None}


def people_by_index(conn: Connection, indexes: Iterable[bytes]) -> dict[bytes, StoredPerson]:
    return {p.blind_index: p for p in _select(conn, "n.blind_index", indexes) if p.blind_index}


def dependents_of(conn: Connection, employee_ids: Iterable[int]) -> dict[int, list[StoredPerson]]:
    """Each employee's dependents, in the order they were registered."""
    found: dict[int, list[StoredPerson]] = {}
    for person in sorted(_select(conn, "dep.employee_id", employee_ids), key=lambda p: p.id):
        assert person.employee_id is not None
        found.setdefault(person.employee_id, []).append(person)
    return found


def payees_named(conn: Connection, names: Iterable[str]) -> dict[str, list[StoredPerson]]:
    """Payees by their name as stored."""
    found: dict[str, list[StoredPerson]] = {}
    for person in _select(conn, "p.kind = 'payee' AND p.name", names):
        found.setdefault(person.name, []).append(person)
    return found
