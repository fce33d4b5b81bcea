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
    # False for a row listed outside the member's scope: everything but id and kind is blanked
    # in SQL (name is a placeholder), so the screen never receives that person's data.
    in_scope: bool = True
    employee_name: str | None = None  # dependents only: whose dependent they are
    # With no number on file: the last deletion record of one (its id and when it was done).
    deletion_record: int | None = None
    deleted_at: str | None = None


# in_scope is 1 here, 0 in the masked rows (_MASKED). The last three are subqueries, so they
# run for the rows of the page only: the employee's name, and for a person with no number the
# last deletion record of one (the index deletion_record_person finds it).
_COLUMNS = """
p.id, p.kind, p.name, p.kana, p.birth_date, p.retired_at,
e.code,
COALESCE(d1.name, d2.name),
dep.employee_id, dep.relation,
n.person_id IS NOT NULL, COALESCE(n.verification_pending, 0),
1,
(SELECT name FROM person WHERE id = dep.employee_id),
CASE WHEN n.person_id IS NULL THEN
 (SELECT max(id) FROM deletion_record WHERE person_id = p.id) END,
CASE WHEN n.person_id IS NULL THEN
 (SELECT deleted_at FROM deletion_record WHERE person_id = p.id ORDER BY id DESC LIMIT 1) END
"""
_JOINS = """
LEFT JOIN employee e ON e.person_id = p.id
LEFT JOIN department d1 ON d1.id = e.department_id
LEFT JOIN dependent dep ON dep.person_id = p.id
LEFT JOIN employee owner ON owner.person_id = dep.employee_id
LEFT JOIN department d2 ON d2.id = owner.department_id
LEFT JOIN my_number n ON n.person_id = p.id
"""
_SELECT = "SELECT" + _COLUMNS + "FROM person p" + _JOINS


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
        in_scope=bool(row[12]),
        employee_name=row[13],
        deletion_record=row[14],
        deleted_at=row[15],
    )


def department_id(conn: Connection, name: str) -> int:
    """The department's id, added on first use."""
    row = conn.execute("SELECT id FROM department WHERE name = ?", (name,)).fetchone()
    if row is not None:
        return int(row[0])
    return int(conn.execute("INSERT INTO department (name) VALUES (?)", (name,)).lastrowid)


def insert_person(
    conn: Connection,
    *,
    kind: str,
    name: str,
    kana: str,
    kana_key: str,
    birth_date: str | None,
    now: str,
    retired_at: str | None = None,
) -> int:
    cur = conn.execute(
        "INSERT INTO person (kind, name, kana, kana_key, birth_date, retired_at, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (kind, name, kana, kana_key, birth_date, retired_at, now, now),
    )
    return int(cur.lastrowid)


def next_person_id(conn: Connection) -> int:
    """The id AUTOINCREMENT would give the next person row: one past the largest ever used
    (sqlite_sequence) or present. Inside a write transaction nobody else can take it, so a bulk
    write numbers its rows from here and inserts many in one statement (`insert_people`)."""
    row = conn.execute(
        "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'person'), 0),"
        " coalesce((SELECT max(id) FROM person), 0))"
    ).fetchone()
    return int(row[0]) + 1


def insert_people(
    conn: Connection, rows: list[tuple[int, str, str, str, str, str | None, str, str]]
) -> None:
    """(id, kind, name, kana, kana key, birth date, created at, updated at) per person, the ids
    counted on from `next_person_id` (AUTOINCREMENT then goes on after the last of them)."""
    conn.executemany(
        "INSERT INTO person (id, kind, name, kana, kana_key, birth_date, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


_INSERT_EMPLOYEE = (
    "INSERT INTO employee (person_id, code, department_id, hire_date) VALUES (?, ?, ?, ?)"
)
_INSERT_DEPENDENT = (
    "INSERT INTO dependent (person_id, employee_id, relation, pension_category3, valid_from)"
    " VALUES (?, ?, ?, ?, ?)"
)
_INSERT_PAYEE = (
    "INSERT INTO payee (person_id, payment_kind, continuing, contract_from, contract_to,"
    " corporate_number) VALUES (?, ?, ?, ?, ?, ?)"
)


def insert_employee(
    conn: Connection,
    person_id: int,
    *,
    code: str,
    department: str | None,
    hire_date: str | None,
    known: dict[str, int] | None = None,
) -> None:
    """`known` caches department ids across the rows of one transaction."""
    dept = None
    if department and known is not None:
        dept = known.get(department)
        if dept is None:
            dept = known[department] = department_id(conn, department)
    elif department:
        dept = department_id(conn, department)
    conn.execute(_INSERT_EMPLOYEE, (person_id, code, dept, hire_date))


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
        _INSERT_DEPENDENT, (person_id, employee_id, relation, int(pension_category3), valid_from)
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
        _INSERT_PAYEE,
        (person_id, payment_kind, int(continuing), contract_from, contract_to, corporate_number),
    )


def insert_employees(conn: Connection, rows: list[tuple[int, str, int | None, str | None]]) -> None:
    """(person id, code, department id, hire date) per employee, for a bulk write: one
    statement stepped over every row, after their person rows (so for the next two)."""
    conn.executemany(_INSERT_EMPLOYEE, rows)


def insert_dependents(conn: Connection, rows: list[tuple[int, int, str, bool, str | None]]) -> None:
    """(person id, employee id, relation, pension category 3, valid from) per dependent."""
    conn.executemany(
        _INSERT_DEPENDENT,
        [
            (person, employee, relation, int(p3), since)
            for person, employee, relation, p3, since in rows
        ],
    )


def insert_payees(
    conn: Connection,
    rows: list[tuple[int, str, bool, str | None, str | None, str | None]],
) -> None:
    """(person id, payment kind, continuing, contract from, contract to, corporate number)."""
    conn.executemany(_INSERT_PAYEE, [(row[0], row[1], int(row[2]), *row[3:]) for row in rows])


def set_ends(conn: Connection, rows: list[tuple[int, str, str]]) -> None:
    """(person id, kind, end date) for a bulk write: 退職 (status left), 扶養終了 or 契約終了,
    and the person's retired_at that retention counts from."""
    ends = {"employee": [], "dependent": [], "payee": []}
    for person_id, kind, day in rows:
        ends[kind].append((day, person_id))
    conn.executemany(
        "UPDATE employee SET leave_date = ?, status = 'left' WHERE person_id = ?", ends["employee"]
    )
    conn.executemany("UPDATE dependent SET valid_to = ? WHERE person_id = ?", ends["dependent"])
    conn.executemany("UPDATE payee SET contract_to = ? WHERE person_id = ?", ends["payee"])
    conn.executemany("UPDATE person SET retired_at = ? WHERE id = ?", [(d, p) for p, _k, d in rows])


def employee_code_taken(conn: Connection, code: str) -> bool:
    return conn.execute("SELECT 1 FROM employee WHERE code = ?", (code,)).fetchone() is not None


def get(conn: Connection, person_id: int) -> PersonRecord | None:
    row = conn.execute(_SELECT + " WHERE p.id = ?", (person_id,)).fetchone()
    return None if row is None else _record(row)


@dataclass(frozen=True)
class SearchScope:
    """Whom a member sees in full: people of these kinds, and the employees of these
    departments with their dependents. Everyone else is listed with only id and kind and
    `masked_name` (`others_listed`), or left out."""

    kinds: frozenset[str] = frozenset()
    departments: frozenset[str] = frozenset()
    others_listed: bool = True
    masked_name: str = ""


# The rows of the one pass over the matching people: one page of them in フリガナ order and,
# with the total, how many there are (an exact count of a substring search needs that pass
# anyway, so counting in it costs nothing extra; a separate count would be a second pass).
_HITS = """
WITH hit(id, kana_key) AS MATERIALIZED (SELECT p.id, p.kana_key FROM person p WHERE {where})
SELECT {total}{columns}
FROM (SELECT id, kana_key FROM hit ORDER BY kana_key, id LIMIT :limit OFFSET :offset) pg
JOIN person p ON p.id = pg.id{joins}
ORDER BY pg.kana_key, pg.id
"""
# Kept by triggers (migration 0005), so the whole list's total is one row, not a count of
# every person.
_COUNT_ALL = "SELECT n FROM person_count WHERE id = 1"
# Outside the scope only id and kind leave the database; listed after the member's own
# people in id order, since their place in フリガナ order would hint at their names.
_MASKED = """
SELECT p.id, p.kind, :masked, '', NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, 0, NULL, NULL, NULL
FROM person p WHERE NOT {inside} ORDER BY p.id LIMIT :limit OFFSET :offset
"""


def _people_of_departments(name_test: str) -> str:
    """Ids of the employees of the departments passing `name_test` and of their dependents
    (a dependent's department is the employee's)."""
    departments = f"SELECT id FROM department WHERE {name_test}"
    return (
        f"SELECT person_id FROM employee WHERE department_id IN ({departments})"
        " UNION ALL SELECT person_id FROM dependent WHERE employee_id IN"
        f" (SELECT person_id FROM employee WHERE department_id IN ({departments}))"
    )


def _text_condition(text: str, kana_key: str, params: dict[str, object]) -> str:
    """Substring of 氏名, folded フリガナ, employee code or department. Each part is its own
    narrow scan (the フリガナ and 氏名 one over the covering index person_search), not a
    test per row of the six-way join."""
    like = f"%{_escape(text)}%"
    params["like"] = like
    params["kana"] = f"%{_escape(kana_key)}%" if kana_key else like
    test = "LIKE :like ESCAPE '\\'"
    return (
        f"(p.kana_key LIKE :kana ESCAPE '\\' OR p.name {test} OR p.id IN"
        f" (SELECT person_id FROM employee WHERE code {test}"
        f" UNION ALL {_people_of_departments('name ' + test)}))"
    )


def _scope_condition(scope: SearchScope, params: dict[str, object]) -> str:
    parts = []
    if scope.kinds:
        names = _bind(params, "kind", sorted(scope.kinds))
        parts.append(f"p.kind IN ({names})")
    if scope.departments:
        names = _bind(params, "dept", sorted(scope.departments))
        parts.append(f"p.id IN ({_people_of_departments(f'name IN ({names})')})")
    return "(" + " OR ".join(parts) + ")" if parts else "0"


def _bind(params: dict[str, object], prefix: str, values: list[str]) -> str:
    names = [f"{prefix}{index}" for index in range(len(values))]
    params.update(zip(names, values, strict=True))
    return ", ".join(f":{name}" for name in names)


def search_condition(
    text: str, kana_key: str, scope: SearchScope | None = None
) -> tuple[str, dict[str, object]]:
    """The WHERE on `person p` for the people a search finds (empty: everyone) and its
    parameters. The text is tested only on people inside the scope, so a search never tells
    that someone outside it has a matching name."""
    params: dict[str, object] = {}
    parts = []
    if text:
        parts.append(_text_condition(text, kana_key, params))
    if scope is not None and (text or not scope.others_listed):
        parts.append(_scope_condition(scope, params))
    return " AND ".join(parts), params


def page_statement(where: str, *, with_total: bool = True) -> str:
    """One page (:limit, :offset) of the people passing `where` (empty: everyone) in フリガナ
    order, each row led by the total; without the total it is the bare query the benchmark
    measures the search against."""
    if not where:
        total = f"({_COUNT_ALL}), " if with_total else ""
        # The planner would walk person_kana_key and fetch each row; person_list covers them.
        return (
            f"SELECT {total}{_COLUMNS.strip()} FROM person p INDEXED BY person_list"
            f"{_JOINS.rstrip()} ORDER BY p.kana_key, p.id LIMIT :limit OFFSET :offset"
        )
    return _HITS.format(
        where=where,
        total="(SELECT count(*) FROM hit), " if with_total else "",
        columns=_COLUMNS.strip(),
        joins=_JOINS.rstrip(),
    )


def search(
    conn: Connection,
    text: str,
    kana_key: str,
    *,
    offset: int,
    limit: int,
    scope: SearchScope | None = None,
) -> tuple[int, list[PersonRecord]]:
    """Name, フリガナ (folded), employee code or department; ordered by フリガナ. With a scope
    (None: everyone in full), people outside it are listed masked after the member's own, or
    not at all; a text search finds only people inside it. Returns (total, page)."""
    where, params = search_condition(text, kana_key, scope)
    if scope is not None and not where:
        total = int(conn.execute(_COUNT_ALL).fetchone()[0])
        return total, _inside_then_masked(conn, scope, offset=offset, limit=limit)
    return _page(conn, where, params, offset=offset, limit=limit)


def _page(
    conn: Connection, where: str, params: dict[str, object], *, offset: int, limit: int
) -> tuple[int, list[PersonRecord]]:
    found = conn.execute(
        page_statement(where), {**params, "limit": limit, "offset": offset}
    ).fetchall()
    if found:
        return int(found[0][0]), [_record(row[1:]) for row in found]
    if offset == 0:
        return 0, []
    # Past the end: no row carried the total.
    count = f"SELECT count(*) FROM person p WHERE {where}" if where else _COUNT_ALL
    return int(conn.execute(count, params).fetchone()[0]), []


def _inside_then_masked(
    conn: Connection, scope: SearchScope, *, offset: int, limit: int
) -> list[PersonRecord]:
    """Everyone listed: the member's own people in フリガナ order, then the others masked."""
    params: dict[str, object] = {}
    inside = _scope_condition(scope, params)
    inside_total, rows = _page(conn, inside, params, offset=offset, limit=limit)
    if len(rows) == limit:
        return rows
    masked = conn.execute(
        _MASKED.format(inside=inside),
        {
            **params,
            "masked": scope.masked_name,
            "limit": limit - len(rows),
            "offset": max(offset - inside_total, 0),
        },
    ).fetchall()
    return rows + [_record(row) for row in masked]


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
    """Names of the departments that have employees."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM department WHERE id IN (SELECT department_id FROM employee)"
            " ORDER BY name"
        )
    ]


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


_BATCH = 500  # bound parameters per IN (...) query, well under SQLite's limit


def codes_taken(conn: Connection, codes: list[str]) -> set[str]:
    """Which of these employee codes are already in use (one query per 500)."""
    found: set[str] = set()
    for start in range(0, len(codes), _BATCH):
        chunk = codes[start : start + _BATCH]
        marks = ", ".join("?" * len(chunk))
        found.update(
            r[0] for r in conn.execute(f"SELECT code FROM employee WHERE code IN ({marks})", chunk)
        )
    return found
