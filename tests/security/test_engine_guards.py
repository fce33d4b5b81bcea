"""DB-02: the engine and the guards on a real vault connection (SECURITY.md §2, §10, §11)."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
import sqlcipher3

from storage import connection
from storage.connection import ALLOWED_CIPHER_VERSIONS, check_engine, open_database
from storage.errors import UnsafeEngine
from tests.conftest import Office


@pytest.fixture
def conn(office: Office) -> sqlcipher3.Connection:
    return office.manager.vault.conn


def _one(conn: sqlcipher3.Connection, sql: str) -> object:
    return conn.execute(sql).fetchone()[0]


def test_engine_is_the_measured_build(conn: sqlcipher3.Connection) -> None:
    assert _one(conn, "PRAGMA temp_store") != 1
    options = {row[0] for row in conn.execute("PRAGMA compile_options")}
    assert {"TEMP_STORE=2", "THREADSAFE=1"} <= options
    assert _one(conn, "PRAGMA cipher_version") in ALLOWED_CIPHER_VERSIONS
    check_engine(conn)  # the startup guard accepts the vault's own connection


def test_safety_pragmas_are_in_force(conn: sqlcipher3.Connection) -> None:
    assert _one(conn, "PRAGMA journal_mode") == "delete"
    assert _one(conn, "PRAGMA synchronous") == 2  # FULL
    assert _one(conn, "PRAGMA secure_delete") == 1
    assert _one(conn, "PRAGMA foreign_keys") == 1
    assert _one(conn, "PRAGMA trusted_schema") == 0


def test_attach_with_an_empty_key_is_denied(conn: sqlcipher3.Connection, tmp_path: Path) -> None:
    """ATTACH … KEY '' plus sqlcipher_export would write a plaintext copy (§11.6)."""
    plain = tmp_path / "plain.db"
    with pytest.raises(sqlcipher3.DatabaseError, match="not authorized"):
        conn.execute(f"ATTACH DATABASE '{plain}' AS plain KEY ''")
    assert not plain.exists()
    # Nothing attached: only the vault (and SQLite's own "temp", which a migration's ALTER
    # TABLE … RENAME opens on the connection that ran it).
    assert {row[1] for row in conn.execute("PRAGMA database_list")} <= {"main", "temp"}


def test_detach_is_denied(conn: sqlcipher3.Connection) -> None:
    with pytest.raises(sqlcipher3.DatabaseError, match="not authorized"):
        conn.execute("DETACH DATABASE temp")


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT load_extension('x')",
        "SELECT LOAD_EXTENSION('x', 'entry')",
        "SELECT sqlcipher_export('x')",
        "SELECT sqlcipher_export('main')",
        "SELECT fts3_tokenizer('simple')",
    ],
)
def test_dangerous_functions_are_denied(conn: sqlcipher3.Connection, sql: str) -> None:
    with pytest.raises(sqlcipher3.DatabaseError, match="not authorized"):
        conn.execute(sql).fetchall()


@pytest.mark.parametrize(
    "sql",
    [
        "PRAGMA temp_store = FILE",
        "PRAGMA temp_store = 1",
        "pragma TEMP_STORE=file",
        "PRAGMA main.temp_store = FILE",
        "PRAGMA temp_store_directory = '/tmp'",
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = OFF",
        "PRAGMA secure_delete = OFF",
        "PRAGMA writable_schema = ON",
        "PRAGMA trusted_schema = ON",
        "PRAGMA cipher_log_level = DEBUG",
        "PRAGMA cipher_memory_security = ON",
    ],
)
def test_safety_pragmas_cannot_be_changed_after_open(conn: sqlcipher3.Connection, sql: str) -> None:
    with pytest.raises(sqlcipher3.DatabaseError, match="not authorized"):
        conn.execute(sql).fetchall()
    assert _one(conn, "PRAGMA temp_store") != 1
    assert _one(conn, "PRAGMA journal_mode") == "delete"
    assert _one(conn, "PRAGMA synchronous") == 2
    assert _one(conn, "PRAGMA secure_delete") == 1


@pytest.mark.parametrize(
    "sql",
    [
        "PRAGMA key = \"x'{hex}'\"",
        "PRAGMA rekey = \"x'{hex}'\"",
        "PRAGMA hexkey = '{hex}'",
        "PRAGMA hexrekey = '{hex}'",
        "PRAGMA key",
    ],
)
def test_keys_cannot_be_set_or_read_after_open(conn: sqlcipher3.Connection, sql: str) -> None:
    with pytest.raises(sqlcipher3.DatabaseError, match="not authorized"):
        conn.execute(sql.format(hex=secrets.token_hex(32))).fetchall()
    # Still the same database, still readable.
    assert _one(conn, "SELECT count(*) FROM staff") >= 1


def test_ordinary_schema_work_is_still_allowed(conn: sqlcipher3.Connection) -> None:
    """The authorizer is narrow: migrations and tests may create tables."""
    conn.execute("CREATE TABLE scratch_guard (x TEXT)")
    conn.execute("INSERT INTO scratch_guard VALUES ('a')")
    assert _one(conn, "SELECT count(*) FROM scratch_guard") == 1
    conn.execute("DROP TABLE scratch_guard")


def _raw_connection(path: Path) -> sqlcipher3.Connection:
    raw = sqlcipher3.connect(str(path), isolation_level=None)
    raw.execute("PRAGMA cipher_log_level = NONE")
    raw.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
    raw.execute("CREATE TABLE t (x)")
    return raw


def test_check_engine_refuses_temp_store_file(tmp_path: Path) -> None:
    raw = _raw_connection(tmp_path / "raw.db")
    try:
        check_engine(raw)  # the same build, unchanged: accepted
        raw.execute("PRAGMA temp_store = FILE")
        assert _one(raw, "PRAGMA temp_store") == 1
        with pytest.raises(UnsafeEngine, match="temp_store"):
            check_engine(raw)
    finally:
        raw.close()


def test_check_engine_refuses_an_unmeasured_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection, "ALLOWED_CIPHER_VERSIONS", frozenset({"4.0.0 community"}))
    raw = _raw_connection(tmp_path / "raw.db")
    try:
        with pytest.raises(UnsafeEngine, match="version"):
            check_engine(raw)
    finally:
        raw.close()


def test_check_engine_refuses_a_build_without_required_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        connection,
        "REQUIRED_COMPILE_OPTIONS",
        connection.REQUIRED_COMPILE_OPTIONS | {"SOME_OPTION_THIS_BUILD_LACKS"},
    )
    raw = _raw_connection(tmp_path / "raw.db")
    try:
        with pytest.raises(UnsafeEngine, match="built without"):
            check_engine(raw)
    finally:
        raw.close()


def test_open_database_guards_a_fresh_connection(tmp_path: Path) -> None:
    """Every connection the product opens gets the same pragmas and authorizer."""
    fresh = open_database(tmp_path / "fresh.db", secrets.token_bytes(32), create=True)
    try:
        assert _one(fresh, "PRAGMA journal_mode") == "delete"
        assert _one(fresh, "PRAGMA secure_delete") == 1
        with pytest.raises(sqlcipher3.DatabaseError, match="not authorized"):
            fresh.execute(f"ATTACH DATABASE '{tmp_path / 'p.db'}' AS p KEY ''")
        with pytest.raises(sqlcipher3.DatabaseError, match="not authorized"):
            fresh.execute("PRAGMA temp_store = FILE")
    finally:
        fresh.close()
