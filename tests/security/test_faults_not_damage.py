"""Faults that are not damage must never be reported as damage (issue 14 item 6).

- A VACUUM killed between its commit and its truncation: in rollback-journal mode SQLite
  commits by deleting the journal and only then cuts the file to its new size, so a kill in
  between leaves the old tail past the database's page count. The file is sound (SQLite never
  reads the tail); `verify --deep` used to call it damaged and send the user to a backup,
  which would bring the deleted numbers back. The kill is simulated exactly: the bytes of the
  file before the VACUUM, cut to the file after it, are put back behind it.
- Another connection holding the write lock past the wait (SQLITE_BUSY, "database is locked")
  used to be told the database was damaged.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app import errors
from app.services import auth, deletion, demo, settings, staff, verify
from storage import connection, crypto, deletion_repo, page_scan
from storage.errors import VaultBusy
from tests.conftest import CLERK_PASSWORD, MANAGER_LOGIN, MANAGER_PASSWORD, Office, add_member

PAGE = 4096
CLERK = "tanto"
DAMAGE_WORDS = ("破損", "壊れ", "改ざん", "バックアップから復元")


class _Killed(BaseException):
    """Stands for kill -9: nothing after it runs, no handler sees it."""


@dataclass
class CutRebuild:
    before: bytes  # the file when the rebuild started (the deletion committed)
    after: bytes  # the file the rebuild wrote, cut to its new size
    sealed: list[bytes]  # the deleted numbers' sealed blobs


@pytest.fixture
def cut_rebuild(office: Office, monkeypatch: pytest.MonkeyPatch) -> CutRebuild:
    """A deletion run whose rebuild was killed after its commit, before the truncation."""
    manager = office.manager
    manager.user = staff.set_scopes(manager, MANAGER_LOGIN, demo.ALL_SCOPES)
    demo.populate(manager, 200, bulk=True)
    add_member(office, CLERK, ["clerk"], CLERK_PASSWORD, scopes=demo.ALL_SCOPES)
    conn = manager.vault.conn
    everyone = [int(r[0]) for r in conn.execute("SELECT person_id FROM my_number ORDER BY 1")]
    doomed = everyone[5:]
    marks = ", ".join("?" for _ in doomed)
    sealed = [
        bytes(r[0])
        for r in conn.execute(f"SELECT sealed FROM my_number WHERE person_id IN ({marks})", doomed)
    ]
    clerk = auth.sign_in(office.data, CLERK, CLERK_PASSWORD, office.clock)
    run = deletion.propose(clerk, doomed, reason="事業の廃止により利用の必要がなくなったため")
    deletion.approve(manager, run.id, MANAGER_PASSWORD)
    manager.close()

    seen: dict[str, bytes] = {}
    rebuild = connection.vacuum

    def killed_rebuild(conn: connection.Connection) -> None:
        seen["before"] = office.data.database.read_bytes()
        rebuild(conn)
        seen["after"] = office.data.database.read_bytes()
        raise _Killed

    monkeypatch.setattr(connection, "vacuum", killed_rebuild)
    with pytest.raises(_Killed):
        deletion.execute(clerk, run.id)
    monkeypatch.setattr(connection, "vacuum", rebuild)
    clerk.vault.close()
    cut = CutRebuild(seen["before"], seen["after"], sealed)
    assert len(cut.before) - len(cut.after) >= 3 * PAGE, "the rebuild must shrink the file"
    # What the kill leaves: the new pages, then the old file's tail that was never cut.
    office.data.database.write_bytes(cut.after + cut.before[len(cut.after) :])
    assert not page_scan.journal_path(office.data.database).exists()
    return cut


def _page_count(office: Office) -> int:
    session = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock, record=False)
    try:
        return int(session.vault.conn.execute("PRAGMA page_count").fetchone()[0])
    finally:
        session.close()


def test_scan_counts_the_uncut_tail_as_left_over_not_as_damage(
    office: Office, cut_rebuild: CutRebuild
) -> None:
    tail = (len(cut_rebuild.before) - len(cut_rebuild.after)) // PAGE
    session = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock, record=False)
    key = session.vault.data_key_copy()
    try:
        report = page_scan.scan_held(session.vault.conn, office.data.database, key)
        assert connection.leftover_pages(session.vault.conn, office.data.database) == tail
    finally:
        crypto.zero(key)
        session.close()
    assert report.expected_pages == len(cut_rebuild.after) // PAGE
    assert report.pages == len(cut_rebuild.before) // PAGE
    assert report.hmac_failures == ()
    assert report.leftover_pages == tail
    assert report.ok


def test_deep_verify_after_a_cut_rebuild_reports_healthy_and_finishes_the_rebuild(
    office: Office, cut_rebuild: CutRebuild
) -> None:
    tail = (len(cut_rebuild.before) - len(cut_rebuild.after)) // PAGE
    result = verify.verify_vault(
        office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock, deep=True
    )
    assert result.deep is not None
    assert result.deep.leftover_pages == tail
    assert result.deep.pages == len(cut_rebuild.before) // PAGE

    # Checked and sound, the cut-off rebuild was finished: the tail (which held the deleted
    # numbers' old pages) is gone and the next deep check finds nothing left over.
    size = office.data.database.stat().st_size
    assert size == _page_count(office) * PAGE
    session = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock, record=False)
    key = session.vault.data_key_copy()
    try:
        assert not deletion_repo.rebuild_pending(session.vault.conn)
        assert page_scan.find(office.data.database, key, cut_rebuild.sealed) == []
    finally:
        crypto.zero(key)
        session.close()
    again = verify.verify_vault(
        office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock, deep=True
    )
    assert again.deep is not None and again.deep.leftover_pages == 0


def test_sign_in_after_a_cut_rebuild_finishes_it(office: Office, cut_rebuild: CutRebuild) -> None:
    auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock).close()
    assert office.data.database.stat().st_size == _page_count(office) * PAGE


def test_a_tail_page_that_fails_its_hmac_is_still_damage(
    office: Office, cut_rebuild: CutRebuild
) -> None:
    from tests.support.files import flip_byte

    flip_byte(office.data.database, len(cut_rebuild.after) + PAGE + 100)
    with pytest.raises(errors.VaultDamaged):
        verify.verify_vault(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock, deep=True)


def test_a_file_shorter_than_its_page_count_is_still_damage(
    office: Office, cut_rebuild: CutRebuild
) -> None:
    office.data.database.write_bytes(cut_rebuild.after[:-PAGE])
    with pytest.raises(errors.VaultDamaged):
        verify.verify_vault(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock, deep=True)


# --- another program holding the lock ----------------------------------------------------


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """The busy wait of connections opened from here on: 5 s in the program, 0.2 s here."""
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_SECONDS", 0.2, raising=False)


def _is_busy_message(error: errors.AppError) -> None:
    assert isinstance(error, errors.Busy), type(error)
    assert "使用中" in error.message and "もう一度" in error.message
    assert not any(word in error.message for word in DAMAGE_WORDS), error.message


def test_a_write_while_another_connection_writes_is_busy_not_damage(
    office: Office, short_wait: None
) -> None:
    other = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    holder = office.manager.vault.conn
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(errors.AppError) as busy:
            settings.change(other, "reveal_seconds", "45")
        _is_busy_message(busy.value)
    finally:
        holder.execute("ROLLBACK")
    # Nothing was wrong: the same change goes through once the other writer is done.
    settings.change(other, "reveal_seconds", "45")
    assert other.vault.integrity_problems() == []
    other.close()


def test_signing_in_while_another_program_holds_the_file_is_busy_not_damage(
    office: Office, short_wait: None
) -> None:
    holder = office.manager.vault.conn
    # An exclusive lock keeps even readers out, as a long commit or a VACUUM does.
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(errors.AppError) as busy:
            auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
        _is_busy_message(busy.value)
        with pytest.raises(errors.AppError) as checking:
            verify.verify_vault(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
        _is_busy_message(checking.value)
    finally:
        holder.execute("ROLLBACK")
    auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock).close()


def test_a_busy_commit_is_rolled_back_and_reported_busy(office: Office, short_wait: None) -> None:
    """COMMIT needs every reader gone; a reader that stays past the wait makes it busy, and the
    change is rolled back, not half written."""
    other = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    head = other.vault.audit_head().seq
    reader = office.manager.vault.conn
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM audit_log").fetchone()
    try:
        with pytest.raises(errors.AppError) as busy:
            settings.change(other, "reveal_seconds", "50")
        _is_busy_message(busy.value)
        assert not other.vault.conn.in_transaction
    finally:
        reader.execute("ROLLBACK")
    assert other.vault.audit_head().seq == head
    assert other.vault.integrity_problems() == []
    other.close()


def test_busy_maps_to_its_own_error() -> None:
    import sqlcipher3

    assert connection.is_busy(sqlcipher3.OperationalError("database is locked"))
    assert not connection.is_busy(sqlcipher3.DatabaseError("file is not a database"))
    assert isinstance(errors.from_storage(VaultBusy("in use")), errors.Busy)
