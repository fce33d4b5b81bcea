"""DB-03: one flipped byte on a page is named by SQLCipher, and the program writes nothing."""

from __future__ import annotations

import hashlib
import random
import shutil
from pathlib import Path

import pytest

from app import errors
from app.services import audit, auth, verify
from storage.connection import open_database
from storage.errors import VaultCorrupt
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office
from tests.support.files import flip_byte

PAGE = 4096


def _grow(office: Office, entries: int = 400) -> None:
    """Enough audit rows that the database spans many pages."""
    session = office.manager
    with session.vault.write() as writer:
        for n in range(entries):
            audit.record(
                writer,
                session,
                "test.event",
                target=f"entry-{n}",
                detail={"text": "本人確認記録の参照" * 4},
            )


def _bare_connection(path: Path, data_key: bytearray):
    import sqlcipher3

    conn = sqlcipher3.connect(str(path))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{bytes(data_key).hex()}'\"")
    return conn


def test_hundred_flipped_pages_are_each_named_exactly(office: Office, tmp_path: Path) -> None:
    _grow(office)
    data_key = office.manager.vault.data_key_copy()
    office.manager.close()
    pages = office.data.database.stat().st_size // PAGE
    assert pages >= 20
    rng = random.Random(3)
    template = office.data.database.read_bytes()
    victim = tmp_path / "victim.db"
    for run in range(100):
        page = rng.randint(1, pages)
        # Not the first 16 bytes of the file: that is the salt, which every page depends on.
        low = 16 if page == 1 else 0
        victim.write_bytes(template)
        flip_byte(victim, (page - 1) * PAGE + rng.randint(low, PAGE - 1))
        try:
            conn = open_database(victim, data_key)
        except VaultCorrupt:
            # A schema page is read while opening, so the program refuses at once; the check
            # still names the page when run below the program on the bare connection.
            conn = _bare_connection(victim, data_key)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA cipher_integrity_check")]
        finally:
            conn.close()
        assert rows == [f"HMAC verification failed for page {page}"], f"run {run}"


def test_verify_reports_damage_and_leaves_the_file_as_found(office: Office) -> None:
    _grow(office)
    office.manager.close()
    pages = office.data.database.stat().st_size // PAGE
    flip_byte(office.data.database, (pages // 2) * PAGE + 100)
    before = hashlib.sha256(office.data.database.read_bytes()).hexdigest()
    with pytest.raises(errors.VaultDamaged):
        verify.verify_vault(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    assert hashlib.sha256(office.data.database.read_bytes()).hexdigest() == before
    assert not Path(str(office.data.database) + "-journal").exists()


def test_damaged_first_page_refuses_sign_in_with_a_clear_error(office: Office) -> None:
    office.manager.close()
    flip_byte(office.data.database, 200)
    with pytest.raises(errors.VaultDamaged):
        auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)


def test_database_swapped_for_another_offices_file(office: Office, tmp_path: Path) -> None:
    office.manager.close()
    other = tmp_path / "other.db"
    conn = open_database(other, bytes(range(32)), create=True)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    shutil.copyfile(other, office.data.database)
    with pytest.raises(errors.VaultDamaged):
        auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)


def test_damage_met_during_work_is_reported_as_damage(office: Office) -> None:
    _grow(office)
    office.manager.close()
    pages = office.data.database.stat().st_size // PAGE
    for page in range(2, pages + 1):
        flip_byte(office.data.database, (page - 1) * PAGE + 50)
    # Page 1 opens; the staff and audit pages fail their HMAC in the middle of signing in.
    with pytest.raises(errors.VaultDamaged):
        auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
