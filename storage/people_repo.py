"""People rows: employees, dependents, payees, with paged search for the lists."""

from __future__ import annotations

from dataclasses import dataclass

from storage.connection import Connection


@dataclass(frozen=True)
class PersonRecord:
    id: int
    kind: str
    name: str
    kana: str
    birth_date: str | None
    retired_at: str | None
    code: str | None  # employees only
    department: str | None  # an employee's, or for a dependent their employee's
    employee_id: int | None  # dependents only
    relation: str | None  # dependents only
    has_number: bool
    verification_pending: bool


_SELECT = """
SELECT p.id, p.kind, p.name, p.kana, p.birth_date, p.retired_at,
       e.code,
       COALESCE(d1.name, d2.name),
       dep.employee_id, dep.relation,
       n.person_id IS NOT NULL, COALESCE(n.verification_pending, 0)
FROM person p
LEFT JOIN employee e ON e.person_id = p.id
LEFT JOIN department d1 ON d1.id = e.department_id
LEFT JOIN dependent dep ON dep.person_id = p.id
LEFT JOIN employee owner ON owner.person_id = dep.employee_id
LEFT JOIN department d2 ON d2.id = owner.department_id
LEFT JOIN my_number n ON n.person_id = p.id
"""


def _record(row: tuple) -> PersonRecord:
    return PersonRecord(
        id=int(row[0]),
        kind=row[1],
        name=row[2],
        kana=row[3],
        birth_date=row[4],
        retired_at=row[5],
        code=row[6],
        department=row[7],
        employee_id=row[8],
        relation=row[9],
        has_number=bool(row[10]),
        verification_pending=bool(row[11]),
    )


def department_id(conn: Connection, name: str) -> int:
    conn.execute("INSERT OR IGNORE INTO department (name) VALUES (?)", (name,))
    return int(conn.execute("SELECT id FROM department WHERE name = ?", (name,)).fetchone()[0])


def insert_person(
    conn: Connection,
    *,
    kind: str,
    name: str,
    kana: str,
    kana_key: str,
    birth_date: str | None,
    now: str,
) -> int:
    cur = conn.execute(
        "INSERT INTO person (kind, name, kana, kana_key, birth_date, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (kind, name, kana, kana_key, birth_date, now, now),
    )
    return int(cur.lastrowid)


def insert_employee(
    conn: Connection, person_id: int, *, code: str, department: str | None, hire_date: str | None
) -> None:
    dept = department_id(conn, department) if department else None
    conn.execute(
        "INSERT INTO employee (person_id, code, department_id, hire_date) VALUES (?, ?, ?, ?)",
        (person_id, code, dept, hire_date),
    )


def insert_dependent(
    conn: Connection,
    person_id: int,
    *,
    employee_id: int,
    relation: str,
    pension_category3: bool,
    valid_from: str | None,
) -> None:
    conn.execute(
        "INSERT INTO dependent (person_id, employee_id, relation, pension_category3, valid_from)"
        " VALUES (?, ?, ?, ?, ?)",
        (person_id, employee_id, relation, int(pension_category3), valid_from),
    )


def insert_payee(
    conn: Connection,
    person_id: int,
    *,
    payment_kind: str,
    continuing: bool,
    contract_from: str | None,
    contract_to: str | None,
    corporate_number: str | None,
) -> None:
    conn.execute(
        "INSERT INTO payee (person_id, payment_kind, continuing, contract_from, contract_to,"
        " corporate_number) VALUES (?, ?, ?, ?, ?, ?)",
        (person_id, payment_kind, int(continuing), contract_from, contract_to, corporate_number),
    )


def employee_code_taken(conn: Connection, code: str) -> bool:
    return conn.execute("SELECT 1 FROM employee WHERE code = ?", (code,)).fetchone() is not None


def get(conn: Connection, person_id: int) -> PersonRecord | None:
    row = conn.execute(_SELECT + " WHERE p.id = ?", (person_id,)).fetchone()
    return None if row is None else _record(row)


def search(
    conn: Connection, text: str, kana_key: str, *, offset: int, limit: int
) -> tuple[int, list[PersonRecord]]:
    """Name, フリガナ (folded), employee code or department; ordered by フリガナ."""
    where, params = "", []
    if text:
        where = (
            " WHERE p.kana_key LIKE ? ESCAPE '\\' OR p.name LIKE ? ESCAPE '\\'"
            " OR e.code LIKE ? ESCAPE '\\' OR COALESCE(d1.name, d2.name) LIKE ? ESCAPE '\\'"
        )
        like = f"%{_escape(text)}%"
        params = [f"%{_escape(kana_key)}%" if kana_key else like, like, like, like]
    total = int(
        conn.execute("SELECT count(*) FROM (" + _SELECT + where + ")", params).fetchone()[0]
    )
    rows = conn.execute(
        _SELECT + where + " ORDER BY p.kana_key, p.id LIMIT ? OFFSET ?", [*params, limit, offset]
    ).fetchall()
    return total, [_record(row) for row in rows]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def employee_by_code(conn: Connection, code: str) -> tuple[int, str | None] | None:
    """(person id, department) of the employee with this code."""
    row = conn.execute(
        "SELECT e.person_id, d.name FROM employee e LEFT JOIN department d"
        " ON d.id = e.department_id WHERE e.code = ?",
        (code,),
    ).fetchone()
    return None if row is None else (int(row[0]), row[1])


@dataclass(frozen=True)
class PersonDetails:
    """Every stored field of one person, for the person page and the edit dialog."""

    id: int
    kind: str
    name: str
    kana: str
    birth_date: str | None
    retired_at: str | None
    updated_at: str
    code: str | None = None
    department: str | None = None
    hire_date: str | None = None
    leave_date: str | None = None
    status: str | None = None
    employee_id: int | None = None
    relation: str | None = None
    pension_category3: bool = False
    valid_from: str | None = None
    valid_to: str | None = None
    payment_kind: str | None = None
    continuing: bool = False
    contract_from: str | None = None
    contract_to: str | None = None
    corporate_number: str | None = None


def details(conn: Connection, person_id: int) -> PersonDetails | None:
    row = conn.execute(
        "SELECT p.id, p.kind, p.name, p.kana, p.birth_date, p.retired_at, p.updated_at,"
        " e.code, COALESCE(d1.name, d2.name), e.hire_date, e.leave_date, e.status,"
        " dep.employee_id, dep.relation, COALESCE(dep.pension_category3, 0), dep.valid_from,"
        " dep.valid_to, pay.payment_kind, COALESCE(pay.continuing, 0), pay.contract_from,"
        " pay.contract_to, pay.corporate_number"
        " FROM person p"
        " LEFT JOIN employee e ON e.person_id = p.id"
        " LEFT JOIN department d1 ON d1.id = e.department_id"
        " LEFT JOIN dependent dep ON dep.person_id = p.id"
        " LEFT JOIN employee owner ON owner.person_id = dep.employee_id"
        " LEFT JOIN department d2 ON d2.id = owner.department_id"
        " LEFT JOIN payee pay ON pay.person_id = p.id"
        " WHERE p.id = ?",
        (person_id,),
    ).fetchone()
    if row is None:
        return None
    return PersonDetails(
        *row[:14],
        pension_category3=bool(row[14]),
        valid_from=row[15],
        valid_to=row[16],
        payment_kind=row[17],
        continuing=bool(row[18]),
        contract_from=row[19],
        contract_to=row[20],
        corporate_number=row[21],
    )


def dependents_of(conn: Connection, employee_id: int) -> list[PersonRecord]:
    rows = conn.execute(
        _SELECT + " WHERE dep.employee_id = ? ORDER BY p.id", (employee_id,)
    ).fetchall()
    return [_record(row) for row in rows]


def departments(conn: Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM department ORDER BY name")]


_PERSON_COLUMNS = frozenset({"name", "kana", "kana_key", "birth_date", "retired_at"})
_KIND_COLUMNS = {
    "employee": frozenset({"code", "department_id", "hire_date", "leave_date", "status"}),
    "dependent": frozenset({"relation", "pension_category3", "valid_from", "valid_to"}),
    "payee": frozenset(
        {"payment_kind", "continuing", "contract_from", "contract_to", "corporate_number"}
    ),
}


def update_person(
    conn: Connection, person_id: int, kind: str, values: dict[str, object], *, now: str
) -> None:
    """Write the changed columns of the person row and of its kind's row. Column names come
    from the fixed sets above, never from input."""
    values = dict(values)
    if "department" in values:
        name = values.pop("department")
        values["department_id"] = department_id(conn, str(name)) if name else None
    person = {k: v for k, v in values.items() if k in _PERSON_COLUMNS}
    own = {k: v for k, v in values.items() if k in _KIND_COLUMNS[kind]}
    unknown = set(values) - set(person) - set(own)
    if unknown:
        raise ValueError(f"not a column of {kind}: {sorted(unknown)}")
    person["updated_at"] = now
    _update(conn, "person", "id", person_id, person)
    if own:
        _update(conn, kind, "person_id", person_id, own)


def _update(conn: Connection, table: str, key: str, person_id: int, values: dict) -> None:
    assignments = ", ".join(f"{column} = ?" for column in values)
    conn.execute(f"UPDATE {table} SET {assignments} WHERE {key} = ?", [*values.values(), person_id])
