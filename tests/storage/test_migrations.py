"""Migrations under PRAGMA user_version: one transaction per step, copy before upgrading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import errors
from app.services import auth
from storage import errors as storage_errors
from storage import keyslots, migrate
from storage.connection import open_database
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office

KEY = bytes(range(32))


def test_new_vault_is_at_the_head(office: Office) -> None:
    assert migrate.current_version(office.manager.vault.conn) == migrate.head_version()


def test_empty_database_is_brought_to_the_head(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "v.db", KEY, create=True)
    assert migrate.migrate(conn) == migrate.head_version()
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"staff", "audit_log", "setting", "office", "backup_record"} <= tables
    assert migrate.migrate(conn) == migrate.head_version()  # idempotent
    conn.close()


def test_a_failing_step_leaves_the_previous_version_and_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = open_database(tmp_path / "v.db", KEY, create=True)
    migrate.migrate(conn)
    conn.execute("INSERT INTO setting VALUES ('k', 'v', 'now')")
    released = migrate.migrations()
    broken = (len(released) + 1, "CREATE TABLE half_done (x);\nTHIS IS NOT SQL;")
    monkeypatch.setattr(migrate, "migrations", lambda: [*released, broken])
    copies: list[int] = []
    with pytest.raises(storage_errors.UpgradeFailed) as failed:
        migrate.migrate(conn, before_upgrade=copies.append)
    assert "syntax error" in str(failed.value.__cause__)
    assert failed.value.failed_step == len(released) + 1
    assert failed.value.current_version == len(released)
    assert copies == [len(released)]
    assert migrate.current_version(conn) == len(released)
    assert conn.execute("SELECT value FROM setting WHERE key = 'k'").fetchone() == ("v",)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in tables
    conn.close()


def test_upgrade_keeps_an_encrypted_copy_of_the_old_schema(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    office.manager.close()
    released = migrate.migrations()
    step = (len(released) + 1, "CREATE TABLE future_feature (x);")
    monkeypatch.setattr(migrate, "migrations", lambda: [*released, step])
    session = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    assert migrate.current_version(session.vault.conn) == len(released) + 1
    session.close()
    (copy,) = office.data.upgrade_backups.glob(f"vault-schema{len(released)}-*.db")
    assert not copy.read_bytes().startswith(b"SQLite format 3")


def test_database_from_a_newer_program_is_refused_untouched(office: Office) -> None:
    office.manager.vault.conn.execute("PRAGMA user_version = 99")
    office.manager.close()
    before = office.data.database.read_bytes()
    with pytest.raises(errors.SchemaTooNew):
        auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    assert office.data.database.read_bytes() == before


@pytest.mark.parametrize("released", range(1, migrate.head_version()))
def test_every_released_schema_upgrades_to_the_head_with_its_data(
    tmp_path: Path, released: int
) -> None:
    """A database left at each released schema (as an older program wrote it) comes to the
    head in place, with its rows intact and the derived tables (person_count) right."""
    conn = open_database(tmp_path / "v.db", KEY, create=True)
    for number, sql in migrate.migrations()[:released]:
        conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
    conn.execute("INSERT INTO setting VALUES ('kept', 'yes', 'then')")
    people = 0
    if released >= 2:  # people arrived with schema 2
        for index in range(3):
            conn.execute(
                "INSERT INTO person (kind, name, kana, kana_key, created_at, updated_at)"
                " VALUES ('employee', ?, 'ヤマダ', 'ヤマダ', 'then', 'then')",
                (f"山田 {index}",),
            )
        people = 3
    copies: list[int] = []
    assert migrate.migrate(conn, before_upgrade=copies.append) == migrate.head_version()
    assert copies == [released]
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT value FROM setting WHERE key = 'kept'").fetchone() == ("yes",)
    assert conn.execute("SELECT count(*) FROM person").fetchone() == (people,)
    assert conn.execute("SELECT n FROM person_count").fetchone() == (people,)
    assert conn.execute("SELECT count(*) FROM correction").fetchone() == (0,)
    conn.close()


def test_a_key_slot_file_from_a_newer_program_is_refused_as_such_untouched(
    office: Office,
) -> None:
    """A downgrade where the newer program changed the key slot file's format: the older one
    says the data is a newer version's, not that the file is damaged (which sends the office
    to an older backup), and changes neither file."""
    office.manager.close()
    slots = json.loads(office.data.slots.read_text(encoding="utf-8"))
    slots["version"] = keyslots.VERSION + 1
    office.data.slots.write_text(json.dumps(slots), encoding="utf-8")
    before = (office.data.database.read_bytes(), office.data.slots.read_bytes())
    with pytest.raises(errors.SchemaTooNew):
        auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    assert (office.data.database.read_bytes(), office.data.slots.read_bytes()) == before
