"""#14 item 13: a deleted number's ciphertext may stay in the unlinked rollback journal's disk
blocks (or an SSD's spare area) until overwritten. A deletion run therefore replaces the number
key after its transaction: any leftover copy is under a key no slot holds any more. Each record
says exactly that, and only once it is true: while the replacement waits (the executing session
did not hold the key) the record and the certificate do not claim it."""

from __future__ import annotations

import io
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.services import auth, corrections, deletion, number_keys, numbers, people, staff
from app.session import Session
from storage import crypto, migrate, number_cipher, number_key_repo, vault
from storage.connection import open_database
from storage.keyslots import NUMBER_KEY, NUMBER_KEY_NEXT, SlotFile
from tests.conftest import CLERK_PASSWORD, MANAGER_LOGIN, MANAGER_PASSWORD, Office, add_member

GONE = "123456789018"  # left in 2016: due since 2024-01-11
STAYS = "983205673214"
SCOPES = ["purpose:tax_withholding", "kind:employee"]
ROOT = Path(__file__).resolve().parents[2]


def _text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return "".join(page.extract_text() for page in pages).replace(" ", "").replace("\n", "")


def _keys_in(office: Office, path: Path, login: str, password: str) -> list[bytearray]:
    slot_file = SlotFile.load(path)
    keys = vault.machine_keys_for(
        slot_file, vault.secret_store_for(office.data, slot_file.secret_store)
    )
    try:
        unlocked = slot_file.unlock_user(keys, login, password)
    finally:
        keys.wipe()
    found = [
        bytearray(unlocked.keys[n]) for n in (NUMBER_KEY, NUMBER_KEY_NEXT) if n in unlocked.keys
    ]
    unlocked.wipe()
    return found


def _opens(key: bytes | bytearray, blob: bytes, person_id: int) -> bool:
    try:
        number_cipher.open_number(key, blob, numbers.record_id(person_id))
    except crypto.DecryptionFailed:
        return False
    return True


@pytest.fixture
def approved(office: Office, tmp_path: Path) -> tuple[Office, int, int, bytes, Path]:
    """A run of one leaver, approved; (office, run id, person id, the sealed number as stored
    before the run, a copy of the slot file taken before it)."""
    manager = office.manager
    manager.user = staff.set_scopes(manager, MANAGER_LOGIN, SCOPES)
    left = people.register_employee(
        manager, code="E001", name="退職 一郎", kana_text="タイショク イチロウ"
    )
    numbers.register_number(manager, left.id, GONE, GONE, ["tax_withholding"])
    corrections.retire(manager, left.id, date(2016, 3, 31), "自己都合退職")
    current = people.register_employee(
        manager, code="E002", name="在職 花子", kana_text="ザイショク ハナコ"
    )
    numbers.register_number(manager, current.id, STAYS, STAYS, ["tax_withholding"])
    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD, SCOPES)
    clerk = auth.sign_in(office.data, "tanto", CLERK_PASSWORD, office.clock)
    try:
        run = deletion.propose(clerk, [left.id])
    finally:
        clerk.close()
    deletion.approve(manager, run.id, MANAGER_PASSWORD)
    sealed = bytes(
        manager.vault.conn.execute(
            "SELECT sealed FROM my_number WHERE person_id = ?", (left.id,)
        ).fetchone()[0]
    )
    copy = Path(shutil.copy(office.data.slots, tmp_path / "keyslots-before.json"))
    return office, run.id, left.id, sealed, copy


def test_a_deletion_run_leaves_its_ciphertexts_under_a_key_no_slot_holds(
    approved: tuple[Office, int, int, bytes, Path],
) -> None:
    office, run_id, person_id, sealed, copy = approved
    old = _keys_in(office, copy, "tanto", CLERK_PASSWORD)
    assert old and _opens(old[0], sealed, person_id)

    clerk = auth.sign_in(office.data, "tanto", CLERK_PASSWORD, office.clock)
    try:
        report = deletion.execute(clerk, run_id)
        assert report.deleted == 1 and report.key_rotated and report.rebuilt
        # A leftover copy of the deleted number opens with no key any slot holds now.
        for login, password in (("tanto", CLERK_PASSWORD), (MANAGER_LOGIN, MANAGER_PASSWORD)):
            for key in _keys_in(office, office.data.slots, login, password):
                assert not _opens(key, sealed, person_id)
        # The key from before opens none of the numbers kept either.
        for kept_id, blob in clerk.vault.conn.execute("SELECT person_id, sealed FROM my_number"):
            assert not _opens(old[0], bytes(blob), kept_id)
        (record,) = deletion.run_records(clerk, run_id)
        assert record.method == number_keys.DELETION_METHOD
        assert "旧鍵を消去" in record.method
        (detail,) = clerk.vault.conn.execute(
            "SELECT detail FROM audit_log WHERE action = 'vault.number_key_rotated'"
        ).fetchone()
        assert json.loads(detail)["reasons"] == ["deletion"]
        assert json.loads(detail)["records"] == 1
        certificate = _text(deletion.certificate_pdf(office.manager, record.id))
        assert "下記のとおり復元できない方法により削除したことを証明します" in certificate
    finally:
        clerk.close()
    # The members who keep access still read what is left.
    manager = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    try:
        (kept,) = [r[0] for r in manager.vault.conn.execute("SELECT person_id FROM my_number")]
        assert numbers.reveal(manager, kept, "tax_withholding").number.digits() == STAYS
    finally:
        manager.close()


def test_a_record_claims_the_key_replacement_only_once_it_happened(
    approved: tuple[Office, int, int, bytes, Path],
) -> None:
    office, run_id, _person_id, _sealed, _copy = approved
    clerk = auth.sign_in(office.data, "tanto", CLERK_PASSWORD, office.clock)
    try:
        # A session without the key (a grant cut off by a crash) can still execute the run.
        clerk.vault.forget_role_keys(frozenset({NUMBER_KEY}))
        report = deletion.execute(clerk, run_id)
        assert report.deleted == 1 and not report.key_rotated
        (record,) = deletion.run_records(clerk, run_id)
        assert record.method == number_keys.DELETION_METHOD_PENDING
        assert "未了" in record.method
    finally:
        clerk.close()
    manager = office.manager
    certificate = _text(deletion.certificate_pdf(manager, record.id))
    assert "下記のとおり削除したことを証明します" in certificate
    assert "復元できない" not in certificate
    manager.close()

    # The next sign-in holding the key replaces it, and the record then says so.
    again = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    try:
        (record,) = deletion.run_records(again, run_id)
        assert record.method == number_keys.DELETION_METHOD
        assert number_key_repo.state(again.vault.conn).rotation_due is None
        certificate = _text(deletion.certificate_pdf(again, record.id))
        assert "復元できない方法により削除" in certificate
    finally:
        again.close()


def test_records_of_an_older_version_wait_for_the_first_rotation(tmp_path: Path) -> None:
    """A database upgraded to this version: the records written with the old wording (which
    claimed what the journal's leftovers made untrue) say the replacement is pending, and a
    rotation is due; the migration's texts are the program's."""
    sql = (ROOT / "storage/migrations/0011_number_key.sql").read_text(encoding="utf-8")
    assert f"'{number_keys.DELETION_METHOD_PENDING}'" in sql
    old = "暗号化された個人番号を復元できない方法で消去（上書き削除の後、データベースファイルを再構築）"
    conn = open_database(tmp_path / "v.db", bytes(range(32)), create=True)
    try:
        steps = migrate.migrations()
        conn.executescript(
            "BEGIN;\n" + "\n".join(s for n, s in steps if n < 11) + "\nPRAGMA user_version = 10;"
            "\nCOMMIT;"
        )
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("INSERT INTO deletion_reason_set (id, reasons) VALUES (1, '[]')")
        conn.execute(
            "INSERT INTO deletion_record (person_id, person_name, person_kind, file_name,"
            " reason_set_id, trigger, legal_basis, method, responsible_name, executed_by_name,"
            " approved_by_name, approved_at, deleted_at) VALUES (1, '退職 一郎', '従業員', 'f', 1,"
            " 'retention_expired', 'b', ?, 'r', 'e', 'a', '2025-01-01', '2025-02-01T10:00:00')",
            (old,),
        )
        conn.execute("PRAGMA foreign_keys = ON")
        assert migrate.migrate(conn) == migrate.head_version()
        assert conn.execute("SELECT method FROM deletion_record").fetchone()[0] == (
            number_keys.DELETION_METHOD_PENDING
        )
        state = number_key_repo.state(conn)
        assert state.rotation_due == "2025-02-01T10:00:00" and state.reason == "deletion"
        assert state.key_check is None
    finally:
        conn.close()


def test_a_new_database_knows_its_key_and_needs_no_rotation(office: Office) -> None:
    session: Session = office.manager
    state = number_key_repo.state(session.vault.conn)
    assert state.key_check == number_cipher.key_check(session.vault.number_key())
    assert state.rotation_due is None


def test_an_upgraded_database_takes_its_key_check_and_due_rotation_at_the_first_sign_in(
    approved: tuple[Office, int, int, bytes, Path],
) -> None:
    """As the migration leaves a database with deletion records: no check kept, a rotation
    due. The first sign-in holding a key that opens the numbers writes the check and rotates."""
    office, _run_id, _person_id, _sealed, copy = approved
    manager = office.manager
    with manager.vault.write() as writer:
        writer.conn.execute("UPDATE number_key SET key_check = NULL")
        number_keys.mark_due(writer.conn, number_keys.DELETION, "2025-02-01T10:00:00")
    manager.close()
    old = _keys_in(office, copy, "tanto", CLERK_PASSWORD)[0]
    clerk = auth.sign_in(office.data, "tanto", CLERK_PASSWORD, office.clock)
    try:
        state = number_key_repo.state(clerk.vault.conn)
        assert state.rotation_due is None and state.key_check is not None
        assert state.key_check == number_cipher.key_check(clerk.vault.number_key())
        assert state.key_check != number_cipher.key_check(old)
        for person_id, blob in clerk.vault.conn.execute("SELECT person_id, sealed FROM my_number"):
            assert not _opens(old, bytes(blob), person_id)
    finally:
        clerk.close()
