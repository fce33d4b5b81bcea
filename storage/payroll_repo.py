"""What a payroll import checks each employee's counts against: the dependants registered for
a batch of employees (not retired), by relation and birth date. Never a number."""

from __future__ import annotations

from collections.abc import Iterable

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
