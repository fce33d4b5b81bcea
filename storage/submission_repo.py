"""The people a year's statutory forms concern: employees on the payroll at some time of the
year, and anyone with year-end content stored for it (migration 0017)."""

from __future__ import annotations

from dataclasses import dataclass

from storage.connection import Connection


@dataclass(frozen=True)
class YearPersonRow:
    id: int
    kind: str
    code: str | None
    name: str
    kana: str
    department: str | None
    leave_date: str | None
    # A payee recorded with a 法人番号 (a corporation: rent counts only 権利金・更新料等).
    corporate: bool


_QUERY = """
SELECT p.id, p.kind, e.code, p.name, p.kana, d.name, e.leave_date,
       py.corporate_number IS NOT NULL AND py.corporate_number != ''
FROM person p
LEFT JOIN employee e ON e.person_id = p.id
LEFT JOIN department d ON d.id = e.department_id
LEFT JOIN payee py ON py.person_id = p.id
WHERE (p.kind = 'employee'
       AND (e.hire_date IS NULL OR e.hire_date <= :last)
       AND (e.leave_date IS NULL OR e.leave_date >= :first))
   OR p.id IN (SELECT person_id FROM year_end_entry WHERE year = :year)
ORDER BY p.kind = 'payee', e.code IS NULL, e.code, p.kana_key, p.id
"""


def people_of_year(conn: Connection, year: int) -> list[YearPersonRow]:
    """Employees first in code order, then payees in フリガナ order."""
    rows = conn.execute(
        _QUERY, {"year": year, "first": f"{year:04d}-01-01", "last": f"{year:04d}-12-31"}
    ).fetchall()
    return [YearPersonRow(int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7])) for r in rows]
