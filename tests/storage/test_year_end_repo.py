"""Year-end content per person, year, form and slip (migration 0017)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest

from storage import migrate, year_end_repo
from storage.connection import open_database

KEY = bytes(range(32))


@pytest.fixture
def conn(tmp_path: Path):
    connection = open_database(tmp_path / "v.db", KEY, create=True)
    migrate.migrate(connection)
    connection.execute(
        "INSERT INTO person (id, kind, name, kana, kana_key, created_at, updated_at)"
        " VALUES (1, 'employee', '山田太郎', 'ヤマダタロウ', 'ヤマダタロウ', 'now', 'now')"
    )
    yield connection
    connection.close()


def test_put_replaces_the_same_slip_and_keeps_others(conn) -> None:
    common = {"person_id": 1, "year": 2026, "source": "typed", "updated_by_name": "佐藤"}
    first = year_end_repo.put(
        conn, form="gensen_choshu", amounts={"payment": 100}, facts={}, updated_at="t1", **common
    )
    again = year_end_repo.put(
        conn,
        form="gensen_choshu",
        amounts={"payment": 200},
        facts={"officer": "1"},
        updated_at="t2",
        **common,
    )
    year_end_repo.put(
        conn, form="hoshu", amounts={"payment": 5}, facts={}, updated_at="t3", slip=2, **common
    )
    assert again == first
    row = year_end_repo.get(conn, 1, 2026, "gensen_choshu")
    assert row is not None
    assert (row.amounts, row.facts, row.updated_at) == ({"payment": 200}, {"officer": "1"}, "t2")
    assert [(r.form, r.slip) for r in year_end_repo.for_year(conn, 2026)] == [
        ("gensen_choshu", 1),
        ("hoshu", 2),
    ]
    assert [r.form for r in year_end_repo.for_year(conn, 2026, "hoshu")] == ["hoshu"]
    assert year_end_repo.for_year(conn, 2025) == []
    assert year_end_repo.get(conn, 1, 2026, "hoshu") is None


def test_slip_numbers_start_at_one(conn) -> None:
    with pytest.raises(Exception, match="CHECK"):
        year_end_repo.put(
            conn,
            person_id=1,
            year=2026,
            form="hoshu",
            amounts={},
            facts={},
            source="typed",
            updated_at="t",
            updated_by_name="x",
            slip=0,
        )


def test_put_all_writes_the_json_put_writes_whatever_the_amounts(conn) -> None:
    for person_id in range(2, 9):
        conn.execute(
            "INSERT INTO person (id, kind, name, kana, kana_key, created_at, updated_at)"
            " VALUES (?, 'employee', '山田太郎', 'ヤマダタロウ', 'ヤマダタロウ', 'now', 'now')",
            (person_id,),
        )
    amounts: list[Mapping[str, Any]] = [
        {"tax": 80_000, "payment": 3_000_000},
        {"tax": 80_001, "payment": 3_001_000},  # the same names: the same layout
        {"payment": 0, "tax": True},  # a bool is JSON's true, never 1
        MappingProxyType({"b": 2, "a": 1}),
        {"50%": 5, 'say "x"': 6, "支払": 7},
        {"payment": 10**12, "tax": -1},
        {"payment": 1.5},
        {},
    ]
    year_end_repo.put_all(
        conn,
        [
            (person_id, 2026, "gensen_choshu", 1, given, {"officer": "1"}, "import:p.csv")
            for person_id, given in enumerate(amounts, start=1)
        ],
        updated_at="t",
        updated_by_name="佐藤",
    )
    stored = conn.execute("SELECT amounts, facts FROM year_end_entry ORDER BY person_id")
    assert [tuple(row) for row in stored] == [
        (json.dumps(dict(given), ensure_ascii=False, sort_keys=True), '{"officer": "1"}')
        for given in amounts
    ]
