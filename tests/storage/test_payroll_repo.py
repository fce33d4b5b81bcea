"""What a payroll import looks up: employees by code with their department's name."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage import migrate, payroll_repo
from storage.connection import open_database
from storage.payroll_repo import Employee

KEY = bytes(range(32))


@pytest.fixture
def conn(tmp_path: Path):
    connection = open_database(tmp_path / "v.db", KEY, create=True)
    migrate.migrate(connection)
    connection.executemany(
        "INSERT INTO department (id, name) VALUES (?, ?)", [(1, "総務部"), (2, "営業部")]
    )
    for person_id, code, department in [(1, "E001", 2), (2, "E002", None), (3, "E003", 1)]:
        connection.execute(
            "INSERT INTO person (id, kind, name, kana, kana_key, created_at, updated_at)"
            " VALUES (?, 'employee', ?, 'ヤマダ', 'ヤマダ', 'now', 'now')",
            (person_id, f"山田{person_id}"),
        )
        connection.execute(
            "INSERT INTO employee (person_id, code, department_id) VALUES (?, ?, ?)",
            (person_id, code, department),
        )
    yield connection
    connection.close()


def test_employees_by_code_with_their_department_or_none(conn) -> None:
    codes = ["E001", "E002", "E404", "E001", *(f"X{i}" for i in range(600)), "E003"]
    assert payroll_repo.employees_by_code(conn, codes) == {
        "E001": Employee(1, "山田1", "営業部"),
        "E002": Employee(2, "山田2", None),
        "E003": Employee(3, "山田3", "総務部"),  # in the second batch of codes
    }
    assert payroll_repo.employees_by_code(conn, []) == {}
