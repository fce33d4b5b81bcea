"""Migration 0021 rebuilds the outputs register so that an entry can be withdrawn
(取消（出力せず）) and knows its maker by id: every row and person kept, the index and the
persons' table as 0016 made them, the maker taken from the entry's access-log event."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage import migrate, outputs_repo
from storage.connection import open_database

KEY = bytes(range(32))


def _schema_20(tmp_path: Path):
    conn = open_database(tmp_path / "v.db", KEY, create=True)
    for number, sql in migrate.migrations()[:20]:
        conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
    return conn


def _sql(conn, name: str) -> str:
    return conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]


def test_a_register_from_schema_20_keeps_every_row_and_gains_withdrawn(tmp_path: Path) -> None:
    conn = _schema_20(tmp_path)
    person_table = _sql(conn, "output_person")
    index = _sql(conn, "output_record_state")
    conn.execute(
        "INSERT INTO output_record (id, purpose, form, year, persons, destination, method, reason,"
        " made_at, made_by_name, saved_at, state, confirmed_at, confirmed_by_name) VALUES"
        " (1, '源泉徴収事務', 'gensen_choshu/tax_office', 2026, 2, '税務署', 'paper', '',"
        "  '2026-12-01T09:00:00', '担当 一郎', NULL, 'submitted', '2026-12-02T10:00:00', '担当 一郎'),"
        " (2, '源泉徴収事務', 'gensen_choshu/municipal', 2026, 1, '市区町村', 'pdf', '一括',"
        "  '2026-12-03T09:00:00', '管理 花子', '2026-12-03T09:01:00', 'out', NULL, '')"
    )
    conn.executemany(
        "INSERT INTO output_person (output_id, person_id) VALUES (?, ?)",
        [(1, 10), (1, 11), (2, 12)],
    )
    conn.execute(
        "INSERT INTO audit_log (ts, actor_id, actor_name, action, target, mac)"
        " VALUES ('2026-12-01T09:00:00', 7, 'tanto', 'output.registered', 'output:1', x'00')"
    )
    conn.execute("PRAGMA foreign_keys = ON")

    assert migrate.migrate(conn) == migrate.head_version() >= 21

    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    first, second = outputs_repo.all_rows(conn)
    assert (first.id, first.state, first.confirmed_by_name, first.made_by) == (
        1,
        "submitted",
        "担当 一郎",
        7,
    )
    assert first.confirmed_at == "2026-12-02T10:00:00" and first.made_by_name == "担当 一郎"
    assert (second.id, second.method, second.reason, second.saved_at, second.made_by) == (
        2,
        "pdf",
        "一括",
        "2026-12-03T09:01:00",
        None,  # no event to tell the maker: only the manager may withdraw it
    )
    assert outputs_repo.person_ids(conn, 1) == [10, 11]
    assert outputs_repo.person_ids(conn, 2) == [12]
    assert _sql(conn, "output_person") == person_table
    assert _sql(conn, "output_record_state") == index
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert not {"output_record_new", "output_person_kept"} & tables

    outputs_repo.confirm(conn, 2, "withdrawn", "2026-12-04T09:00:00", "管理 花子")
    assert outputs_repo.get(conn, 2).state == "withdrawn"  # type: ignore[union-attr]
    with pytest.raises(Exception, match="CHECK constraint failed"):
        conn.execute("UPDATE output_record SET state = 'lost' WHERE id = 1")
    with pytest.raises(Exception, match="FOREIGN KEY constraint failed"):
        conn.execute("INSERT INTO output_person (output_id, person_id) VALUES (99, 1)")
    new_id = outputs_repo.add(
        conn,
        purpose="源泉徴収事務",
        form="gensen_choshu/tax_office",
        year=2026,
        person_ids=[10],
        destination="税務署",
        method="paper",
        reason="",
        made_at="2026-12-05T09:00:00",
        made_by_name="担当 一郎",
        made_by=7,
    )
    assert new_id == 3 and outputs_repo.get(conn, 3).made_by == 7  # type: ignore[union-attr]
    conn.close()
