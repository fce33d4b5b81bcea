"""Staff accounts, their roles and scopes."""

from __future__ import annotations

from dataclasses import dataclass

from storage.connection import Connection


@dataclass(frozen=True)
class StaffRecord:
    id: int
    login_name: str
    display_name: str
    active: bool
    slot_id: str | None
    must_change_password: bool
    roles: frozenset[str]
    scopes: frozenset[tuple[str, str]]
    created_at: str
    updated_at: str


_COLUMNS = (
    "id, login_name, display_name, active, slot_id, must_change_password, created_at, updated_at"
)


def _record(conn: Connection, row: tuple) -> StaffRecord:
    staff_id = int(row[0])
    roles = frozenset(
        r[0] for r in conn.execute("SELECT role FROM staff_role WHERE staff_id = ?", (staff_id,))
    )
    scopes = frozenset(
        (str(k), str(v))
        for k, v in conn.execute(
            "SELECT kind, value FROM staff_scope WHERE staff_id = ?", (staff_id,)
        )
    )
    return StaffRecord(
        id=staff_id,
        login_name=row[1],
        display_name=row[2],
        active=bool(row[3]),
        slot_id=row[4],
        must_change_password=bool(row[5]),
        roles=roles,
        scopes=scopes,
        created_at=row[6],
        updated_at=row[7],
    )


def insert(
    conn: Connection,
    *,
    login_name: str,
    display_name: str,
    slot_id: str,
    now: str,
    must_change_password: bool,
) -> int:
    cur = conn.execute(
        "INSERT INTO staff (login_name, display_name, slot_id, must_change_password,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        (login_name, display_name, slot_id, int(must_change_password), now, now),
    )
    return int(cur.lastrowid)


def get(conn: Connection, staff_id: int) -> StaffRecord | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM staff WHERE id = ?", (staff_id,)).fetchone()
    return None if row is None else _record(conn, row)


def by_login(conn: Connection, login_name: str) -> StaffRecord | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM staff WHERE login_name = ?", (login_name,)
    ).fetchone()
    return None if row is None else _record(conn, row)


def by_slot(conn: Connection, slot_id: str) -> StaffRecord | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM staff WHERE slot_id = ?", (slot_id,)).fetchone()
    return None if row is None else _record(conn, row)


def all_staff(conn: Connection) -> list[StaffRecord]:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM staff ORDER BY login_name").fetchall()
    return [_record(conn, row) for row in rows]


def count_active_with_role(conn: Connection, role: str) -> int:
    row = conn.execute(
        "SELECT count(*) FROM staff JOIN staff_role ON staff_role.staff_id = staff.id"
        " WHERE staff.active = 1 AND staff_role.role = ?",
        (role,),
    ).fetchone()
    return int(row[0])


def set_roles(conn: Connection, staff_id: int, roles: frozenset[str], now: str) -> None:
    conn.execute("DELETE FROM staff_role WHERE staff_id = ?", (staff_id,))
    conn.executemany(
        "INSERT INTO staff_role (staff_id, role) VALUES (?, ?)",
        [(staff_id, role) for role in sorted(roles)],
    )
    _touch(conn, staff_id, now)


def set_scopes(
    conn: Connection, staff_id: int, scopes: frozenset[tuple[str, str]], now: str
) -> None:
    conn.execute("DELETE FROM staff_scope WHERE staff_id = ?", (staff_id,))
    conn.executemany(
        "INSERT INTO staff_scope (staff_id, kind, value) VALUES (?, ?, ?)",
        [(staff_id, kind, value) for kind, value in sorted(scopes)],
    )
    _touch(conn, staff_id, now)


def mark_disabled(conn: Connection, staff_id: int, now: str) -> None:
    """Inactive; the slot id stays so the disabled member is told so at sign-in."""
    conn.execute("UPDATE staff SET active = 0, updated_at = ? WHERE id = ?", (now, staff_id))


def set_slot(
    conn: Connection, staff_id: int, slot_id: str, *, must_change_password: bool, now: str
) -> None:
    conn.execute(
        "UPDATE staff SET slot_id = ?, must_change_password = ?, active = 1, updated_at = ?"
        " WHERE id = ?",
        (slot_id, int(must_change_password), now, staff_id),
    )


def _touch(conn: Connection, staff_id: int, now: str) -> None:
    conn.execute("UPDATE staff SET updated_at = ? WHERE id = ?", (now, staff_id))


def clear_must_change(conn: Connection, staff_id: int, now: str) -> None:
    conn.execute(
        "UPDATE staff SET must_change_password = 0, updated_at = ? WHERE id = ?", (now, staff_id)
    )


def apply_authorization(
    conn: Connection,
    staff_id: int,
    *,
    login_name: str,
    active: bool,
    slot_id: str | None,
    roles: frozenset[str],
    scopes: frozenset[tuple[str, str]],
    now: str,
) -> None:
    """Put an account's authorisation back as the signed roster has it."""
    conn.execute(
        "UPDATE staff SET login_name = ?, active = ?, slot_id = ?, updated_at = ? WHERE id = ?",
        (login_name, int(active), slot_id, now, staff_id),
    )
    set_roles(conn, staff_id, roles, now)
    set_scopes(conn, staff_id, scopes, now)


def neutralize(conn: Connection, staff_id: int, now: str) -> None:
    """An account no signed roster knows (put in by hand): disabled, without slot or role,
    renamed so its login cannot take a signed account's."""
    conn.execute(
        "UPDATE staff SET login_name = 'unsigned-' || id, active = 0, slot_id = NULL,"
        " updated_at = ? WHERE id = ?",
        (now, staff_id),
    )
    set_roles(conn, staff_id, frozenset(), now)
    set_scopes(conn, staff_id, frozenset(), now)


def release_identity(conn: Connection, staff_ids: list[int]) -> None:
    """Free the unique login and slot of accounts about to be rewritten (a swap between two
    accounts would otherwise collide half-way); the caller sets them again."""
    conn.executemany(
        "UPDATE staff SET login_name = 'restoring-' || id, slot_id = NULL WHERE id = ?",
        [(staff_id,) for staff_id in staff_ids],
    )
