"""The first start after an upgrade (#18 item 6): a verified copy, named by schema and time,
before the first migration; a failed migration puts the database back and names the copy; the
next start tries again; only a few copies are kept."""

from __future__ import annotations

import errno
import json
import os
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from app import errors
from app.domain.my_number import LOOSE_NUMBER_LIKE, NUMBER_LIKE
from app.redaction import redact
from app.services import auth
from storage import errors as storage_errors
from storage import file_lock, keyslots, migrate, upgrade
from storage.connection import Connection, open_database
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office

KEY = bytes(range(32))
RELEASED = migrate.migrations()
HEAD = len(RELEASED)
STEP_ONE = "CREATE TABLE future_one (x);\nINSERT INTO future_one VALUES (1);"
STEP_TWO = "CREATE TABLE future_two (x);"
STEP_TWO_BROKEN = "CREATE TABLE future_two (x);\nTHIS IS NOT SQL;"
STEP_THREE = "CREATE TABLE future_three (x);"


def _release(monkeypatch: pytest.MonkeyPatch, *steps: str) -> None:
    """This version's migrations: the released ones and `steps` after them."""
    extra = [(HEAD + index, sql) for index, sql in enumerate(steps, start=1)]
    monkeypatch.setattr(migrate, "migrations", lambda: [*RELEASED, *extra])


def _tables(conn: Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _copy_versions(office: Office) -> list[int]:
    names = [p.name for p in upgrade.copies(office.data.upgrade_backups)]
    return [int(re.match(r"vault-schema(\d+)-", name).group(1)) for name in names]  # type: ignore[union-attr]


def _sign_in(office: Office) -> auth.Session:
    return auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)


def test_the_copy_is_complete_verified_and_named_by_schema_and_time(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = office.manager.vault.conn
    audit_rows = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    staff_rows = conn.execute("SELECT count(*) FROM staff").fetchone()[0]
    key = office.manager.vault.data_key_copy()
    office.manager.close()
    _release(monkeypatch, STEP_ONE)
    session = _sign_in(office)
    assert migrate.current_version(session.vault.conn) == HEAD + 1
    session.close()
    (copy,) = office.data.upgrade_backups.iterdir()
    assert re.fullmatch(rf"vault-schema{HEAD}-on-\d{{8}}T\d{{6}}\.db", copy.name)
    assert not copy.read_bytes().startswith(b"SQLite format 3")
    opened = open_database(copy, key)  # the database's own key
    assert opened.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert migrate.current_version(opened) == HEAD
    assert "future_one" not in _tables(opened)
    assert opened.execute("SELECT count(*) FROM audit_log").fetchone() == (audit_rows,)
    assert opened.execute("SELECT count(*) FROM staff").fetchone() == (staff_rows,)
    opened.close()


def test_an_upgrade_opens_with_a_slot_file_of_this_version(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    office.manager.close()
    slots = json.loads(office.data.slots.read_text(encoding="utf-8"))
    assert slots["version"] == keyslots.VERSION == 2
    _release(monkeypatch, STEP_ONE, STEP_TWO)
    session = _sign_in(office)
    assert migrate.current_version(session.vault.conn) == HEAD + 2
    assert session.vault.has_number_key
    session.close()


def test_a_copy_that_cannot_be_made_stops_before_any_migration(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    office.manager.close()
    office.data.upgrade_backups.write_text("not a folder", encoding="utf-8")
    before = office.data.database.read_bytes()
    _release(monkeypatch, STEP_ONE)
    with pytest.raises(errors.UpgradeBackupFailed, match="データは変更していません"):
        _sign_in(office)
    assert office.data.database.read_bytes() == before


def test_an_incomplete_copy_is_refused(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "v.db", KEY, create=True)
    migrate.migrate(conn)
    conn.execute("INSERT INTO setting VALUES ('k', 'v', 'now')")
    copy = upgrade.pre_upgrade_copy(tmp_path / "copies", conn, bytearray(KEY), HEAD)
    counts = upgrade._table_counts(conn)
    with pytest.raises(storage_errors.UpgradeCopyFailed, match="incomplete"):
        upgrade._verify(copy, bytearray(KEY), HEAD, {**counts, "setting": 2})
    with pytest.raises(storage_errors.UpgradeCopyFailed, match="schema version"):
        upgrade._verify(copy, bytearray(KEY), HEAD - 1, counts)
    conn.close()


def test_step_two_of_three_failing_leaves_step_one_committed_and_a_retry_finishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Real migration fixtures: a database at schema HEAD-3 (as the program three releases
    ago left it), upgraded with the real steps where the second one breaks half-way."""
    start = HEAD - 3
    conn = open_database(tmp_path / "v.db", KEY, create=True)
    for number, sql in RELEASED[:start]:
        conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
    conn.execute("INSERT INTO setting VALUES ('kept', 'yes', 'then')")
    reference = open_database(tmp_path / "ref.db", KEY, create=True)
    for number, sql in RELEASED[: start + 1]:
        reference.executescript(
            f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;"
        )
    broken = [*RELEASED[: start + 1], (start + 2, RELEASED[start + 1][1] + "\nNOT SQL;")]
    monkeypatch.setattr(migrate, "migrations", lambda: [*broken, *RELEASED[start + 2 :]])
    with pytest.raises(storage_errors.UpgradeFailed) as failed:
        migrate.migrate(conn)
    assert (failed.value.from_version, failed.value.failed_step) == (start, start + 2)
    assert failed.value.current_version == start + 1 == migrate.current_version(conn)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert _tables(conn) == _tables(reference)  # step 1 whole, nothing of step 2
    assert conn.execute("SELECT value FROM setting WHERE key = 'kept'").fetchone() == ("yes",)
    monkeypatch.setattr(migrate, "migrations", lambda: RELEASED)  # the next start
    assert migrate.migrate(conn) == HEAD
    assert conn.execute("SELECT value FROM setting WHERE key = 'kept'").fetchone() == ("yes",)
    conn.close()
    reference.close()


def test_a_failed_upgrade_restores_the_database_names_the_copy_and_retries(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff_rows = office.manager.vault.conn.execute("SELECT count(*) FROM staff").fetchone()
    office.manager.close()
    _release(monkeypatch, STEP_ONE, STEP_TWO_BROKEN, STEP_THREE)
    with pytest.raises(errors.UpgradeFailed) as failed:
        _sign_in(office)
    (copy,) = upgrade.copies(office.data.upgrade_backups)
    assert failed.value.restored
    assert failed.value.copy_name == copy.name
    assert copy.name in failed.value.message
    # The folder in full: at sign-in no About dialog can say where the data folder is.
    assert f"「{office.data.upgrade_backups}」フォルダーに「{copy.name}」" in failed.value.message
    assert "サポート" not in failed.value.message  # the database is never sent away
    assert "失われたデータはありません" in failed.value.message
    assert "次回の起動時に更新をやり直します" in failed.value.message
    assert not re.search(r"\d{12}", failed.value.message)
    assert redact(failed.value.message) == failed.value.message  # the name is shown whole

    _release(monkeypatch, STEP_ONE, STEP_TWO, STEP_THREE)  # the next start, fixed
    session = _sign_in(office)
    conn = session.vault.conn
    assert migrate.current_version(conn) == HEAD + 3
    # Put back to schema HEAD: the retry copied HEAD again and ran step one once more.
    assert _copy_versions(office) == [HEAD, HEAD]
    assert conn.execute("SELECT count(*) FROM future_one").fetchone() == (1,)
    assert conn.execute("SELECT count(*) FROM staff").fetchone() == staff_rows
    session.close()


def test_a_crash_mid_step_is_rolled_back_and_the_next_start_finishes(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = office.manager.vault.data_key_copy()
    office.manager.close()
    crashed = open_database(office.data.database, key)
    crashed.executescript(
        f"BEGIN IMMEDIATE;\n{STEP_ONE}\nPRAGMA user_version = {HEAD + 1};\nCOMMIT;"
    )
    crashed.executescript(f"BEGIN IMMEDIATE;\n{STEP_TWO}\nPRAGMA user_version = {HEAD + 2};")
    crashed.close()  # the process ends inside step two: never committed
    _release(monkeypatch, STEP_ONE, STEP_TWO, STEP_THREE)
    session = _sign_in(office)
    conn = session.vault.conn
    assert migrate.current_version(conn) == HEAD + 3
    assert conn.execute("SELECT count(*) FROM future_one").fetchone() == (1,)
    assert _copy_versions(office) == [HEAD + 1]
    session.close()


def test_three_copies_are_kept_and_a_failed_copy_deletes_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = open_database(tmp_path / "v.db", KEY, create=True)
    migrate.migrate(conn)
    folder = tmp_path / "pre-upgrade"
    folder.mkdir()
    legacy = folder / f"vault-schema{HEAD - 1}.db"  # named as the previous version named it
    legacy.write_bytes(b"old copy")
    os.utime(legacy, ns=(1, 1))
    made = []
    for index in range(4):
        made.append(upgrade.pre_upgrade_copy(folder, conn, bytearray(KEY), HEAD))
        os.utime(made[-1], ns=(10**18 + index, 10**18 + index))
    assert upgrade.copies(folder) == made[-3:]
    assert len(upgrade.copies(folder)) == upgrade.KEEP == 3

    def incomplete(*_args: object) -> None:
        raise storage_errors.UpgradeCopyFailed("the pre-upgrade copy is incomplete")

    monkeypatch.setattr(upgrade, "_verify", incomplete)
    with pytest.raises(storage_errors.UpgradeCopyFailed):
        upgrade.pre_upgrade_copy(folder, conn, bytearray(KEY), HEAD)
    assert upgrade.copies(folder) == made[-3:]
    assert not list(folder.glob("*.partial"))
    conn.close()


def test_a_new_database_that_fails_to_build_is_not_called_an_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(migrate, "migrations", lambda: [(1, "NOT SQL;")])
    conn = open_database(tmp_path / "v.db", KEY, create=True)
    with pytest.raises(Exception, match="syntax error") as failed:
        migrate.migrate(conn)
    assert not isinstance(failed.value, storage_errors.UpgradeFailed)
    assert migrate.current_version(conn) == 0
    conn.close()


@pytest.mark.parametrize("version", [1, 19, 99, 120, 999])
def test_a_copy_name_never_looks_like_a_number(tmp_path: Path, version: int) -> None:
    """The failure message names the copy and the command line redacts whatever looks like a
    My Number: a name like vault-schema19-20261207-120000 came out as [REDACTED]."""
    at = datetime(2026, 12, 7, 12, 0, 0)
    first = upgrade.copy_name(version, at, tmp_path)
    first.write_bytes(b"")
    second = upgrade.copy_name(version, at, tmp_path)  # the same second: a serial
    assert first != second
    for path in (first, second):
        assert not NUMBER_LIKE.search(path.name)
        assert not LOOSE_NUMBER_LIKE.search(path.name)
        assert redact(errors.UpgradeFailed(path.name, True).message).count(path.name) == 1
        assert path.match(upgrade.PATTERN)


def test_the_upgrade_holds_a_lock_from_the_copy_to_the_last_step(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two programs started at once after an upgrade: the second must not read the old schema
    while the first migrates, or the loser of the race restores its copy over the winner's."""
    office.manager.close()
    lock = office.data.upgrade_backups.with_name(office.data.upgrade_backups.name + ".lock")
    seen: list[bool] = []
    real_copy = upgrade.pre_upgrade_copy

    def copy_and_look(*args: object, **kwargs: object) -> Path:
        seen.append(file_lock._try_lock(lock) is None)  # another program would wait here
        return real_copy(*args, **kwargs)  # type: ignore[arg-type]

    def step_and_look(conn: Connection) -> None:
        seen.append(file_lock._try_lock(lock) is None)

    monkeypatch.setattr(upgrade, "pre_upgrade_copy", copy_and_look)
    _release(monkeypatch, STEP_ONE, STEP_TWO)
    real_migrate = migrate.migrate

    def migrate_and_look(conn: Connection, **kwargs: object) -> int:
        result = real_migrate(conn, **kwargs)  # type: ignore[arg-type]
        step_and_look(conn)
        return result

    monkeypatch.setattr(migrate, "migrate", migrate_and_look)
    session = _sign_in(office)
    assert migrate.current_version(session.vault.conn) == HEAD + 2
    session.close()
    assert seen == [True, True]
    fd = file_lock._try_lock(lock)  # released once the upgrade is over
    assert fd is not None
    os.close(fd)


def test_the_program_that_waited_finds_the_upgrade_done(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both programs had the old schema open; the one that waited for the lock reads the
    version again and neither copies nor migrates (nor restores over the other's work)."""
    key = office.manager.vault.data_key_copy()
    office.manager.close()
    _release(monkeypatch, STEP_ONE)
    first = open_database(office.data.database, key)
    second = open_database(office.data.database, key)
    assert migrate.current_version(second) == HEAD  # opened before the first upgraded
    folder = office.data.upgrade_backups
    assert upgrade.upgrade(first, folder, bytearray(key)) == HEAD + 1
    first.execute("INSERT INTO setting VALUES ('after', 'upgrade', 'now')")
    assert upgrade.upgrade(second, folder, bytearray(key)) == HEAD + 1
    assert len(upgrade.copies(folder)) == 1
    assert second.execute("SELECT value FROM setting WHERE key = 'after'").fetchone() == (
        "upgrade",
    )
    first.close()
    second.close()


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (OSError(errno.EDEADLK, "Resource deadlock avoided"), errors.Busy),
        (PermissionError(errno.EACCES, "Permission denied"), errors.UpgradeBackupFailed),
    ],
)
def test_a_lock_that_cannot_be_taken_stops_before_any_migration(
    office: Office, monkeypatch: pytest.MonkeyPatch, failure: OSError, expected: type
) -> None:
    """Windows gives up waiting for another program's upgrade after about 10 s (in use: try
    again); a folder where the lock cannot even be created is no place to upgrade in."""
    office.manager.close()
    before = office.data.database.read_bytes()

    def refused(_path: Path) -> Iterator[None]:
        raise failure

    monkeypatch.setattr(file_lock, "exclusive", refused)
    _release(monkeypatch, STEP_ONE)
    with pytest.raises(expected):
        _sign_in(office)
    assert office.data.database.read_bytes() == before
    assert upgrade.copies(office.data.upgrade_backups) == []


def _contents(conn: Connection) -> list[object]:
    """Every schema entry, every row of every table and the schema version."""
    found: list[object] = [conn.execute("PRAGMA user_version").fetchone()]
    for name, sql in conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall():
        found.append(sql)
        if sql and sql.startswith("CREATE TABLE"):
            found.append(sorted(map(repr, conn.execute(f'SELECT * FROM "{name}"'))))
    return found


# The disk fills in the middle of the newest step: SQLite may not grow the file by another page.
NEWEST = RELEASED[-1][0]
FULL_IN_NEWEST = (
    "PRAGMA max_page_count = 1;\n"
    + RELEASED[-1][1]
    + "\nCREATE TABLE filler (x);\nINSERT INTO filler SELECT zeroblob(200000);"
)


@pytest.mark.parametrize("start", range(1, HEAD))
def test_a_disk_full_in_the_newest_step_puts_every_older_schema_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, start: int
) -> None:
    conn = open_database(tmp_path / "v.db", KEY, create=True)
    for number, sql in RELEASED[:start]:
        conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
    conn.execute("INSERT INTO setting VALUES ('kept', 'yes', 'then')")
    before = _contents(conn)
    monkeypatch.setattr(migrate, "migrations", lambda: [*RELEASED[:-1], (NEWEST, FULL_IN_NEWEST)])
    with pytest.raises(storage_errors.UpgradeFailed) as failed:
        upgrade.upgrade(conn, tmp_path / "pre-upgrade", bytearray(KEY))
    assert "full" in str(failed.value.__cause__)
    assert failed.value.restored
    assert _contents(conn) == before  # as the older program left it
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    (copy,) = upgrade.copies(tmp_path / "pre-upgrade")
    assert copy.name == failed.value.copy_name
    assert copy.name.startswith(f"vault-schema{start}-on-")
    message = errors.from_storage(failed.value).message
    assert copy.name in redact(message)
    conn.close()


def test_a_folder_that_looks_like_a_number_is_not_named() -> None:
    folder = "C:\\Users\\1234 5678 9012\\AppData\\Local\\MyNumberDesk\\pre-upgrade"
    message = errors.UpgradeFailed("vault-schema19-on-20261207T120000.db", True, folder).message
    assert not NUMBER_LIKE.search(message)
    assert "データフォルダーの「pre-upgrade」フォルダーに「vault-schema19-on-" in message


# How the previous release's database differed from the newest step's result (one entry per
# newest migration; a new migration adds its own, and the test below says so when it is missing).
UNDO_NEWEST = {
    22: "ALTER TABLE individual_request DROP COLUMN own_number_output_id;",
}


def test_an_office_left_one_release_behind_signs_in_through_the_newest_step(
    office: Office,
) -> None:
    """The real newest step on a whole office (slots, audit chain, every table): an office as
    the previous release left it signs in, its copy is of the previous schema, and the data
    is all there."""
    assert NEWEST in UNDO_NEWEST, "add how the previous release left the database"
    key = office.manager.vault.data_key_copy()
    staff_rows = office.manager.vault.conn.execute("SELECT count(*) FROM staff").fetchone()
    office.manager.close()
    older = open_database(office.data.database, key)
    older.executescript(
        f"BEGIN IMMEDIATE;\n{UNDO_NEWEST[NEWEST]}\nPRAGMA user_version = {NEWEST - 1};\nCOMMIT;"
    )
    older.close()
    session = _sign_in(office)
    conn = session.vault.conn
    assert migrate.current_version(conn) == NEWEST
    assert conn.execute("SELECT corporate_number FROM office").fetchall() == [("",)]
    assert conn.execute("SELECT count(*) FROM staff").fetchone() == staff_rows
    assert session.vault.verify_audit().seq > 0
    session.close()
    assert _copy_versions(office) == [NEWEST - 1]
