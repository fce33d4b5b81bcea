"""What a payroll import looks up, a batch at a time: the employees its rows name by code, and
the dependants registered for them (not retired), by relation and birth date. Never a number."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from storage.connection import Connection

_BATCH = 500  # bound parameters per IN (...) query, well under SQLite's limit


def families(
    conn: Connection, employee_ids: Iterable[int]
) -> dict[int, list[tuple[str, str | None]]]:
    """Employee id -> (relation, ISO birth date or None) of each current dependant."""
    found: dict[int, list[tuple[str, str | None]]] = {}
    ids = list(dict.fromkeys(employee_ids))
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        marks = ", ".join("?" * len(chunk))
        for employee_id, relation, birth_date in conn.execute(
            "SELECT dep.employee_id, dep.relation, p.birth_date FROM dependent dep"
            " JOIN person p ON p.id = dep.person_id"
            f" WHERE p.retired_at IS NULL AND dep.employee_id IN ({marks}) ORDER BY p.id",
            chunk,
        ):
            found.setdefault(int(employee_id), []).append((relation or "", birth_date))
    return found


class Employee(NamedTuple):
    """What a payroll row is matched with: the employee of a code, never their number."""

    id: int
    name: str
    department: str | None


def employees_by_code(conn: Connection, codes: Iterable[str]) -> dict[str, Employee]:
    """Registered employees by code, a batch at a time (one lean join, no number); the few
    departments' names read once rather than joined to every row."""
    found: dict[str, Employee] = {}
    unique = list(dict.fromkeys(codes))
    if not unique:
        return found
    departments = dict(conn.execute("SELECT id, name FROM department").fetchall())
    for start in range(0, len(unique), _BATCH):
        chunk = unique[start : start + _BATCH]
        marks = ", ".join("?" * len(chunk))
        for code, person_id, name, department_id in conn.execute(
            "SELECT e.code, p.id, p.name, e.department_id FROM employee e"
            f" JOIN person p ON p.id = e.person_id WHERE e.code IN ({marks})",
            chunk,
        ):
            found[code] = Employee(int(person_id), name, departments.get(department_id))
    return found
