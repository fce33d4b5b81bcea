"""Key slots against real SQLCipher files: passwords, lockout, machine binding, recovery."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from app import config, errors
from app.services import auth, staff
from storage import keyslots, vault
from storage.vault import VaultPaths
from tests.conftest import (
    AUDITOR_PASSWORD,
    CLERK_PASSWORD,
    MANAGER_LOGIN,
    MANAGER_PASSWORD,
    Office,
    add_member,
)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_right_password_opens_and_wrong_one_is_refused(office: Office) -> None:
    office.manager.close()
    session = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    assert session.user.login_name == MANAGER_LOGIN
    session.close()
    with pytest.raises(errors.SignInFailed) as failed:
        auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD + "x", office.clock)
    assert failed.value.remaining == 4
    assert "あと4回" in failed.value.message


def test_unknown_user_gets_the_same_message_as_a_wrong_password(office: Office) -> None:
    with pytest.raises(errors.SignInFailed) as unknown:
        auth.sign_in(office.data, "nobody", "whatever-password", office.clock)
    with pytest.raises(errors.SignInFailed) as wrong:
        auth.sign_in(office.data, MANAGER_LOGIN, "whatever-password", office.clock)
    assert unknown.value.message == wrong.value.message


def test_full_width_login_signs_in(office: Office) -> None:
    session = auth.sign_in(office.data, "ＫＡＮＲＩ", MANAGER_PASSWORD, office.clock)
    assert session.user.login_name == MANAGER_LOGIN
    session.close()


def test_lockout_after_five_failures_survives_a_restart_and_expires(office: Office) -> None:
    office.manager.close()
    for _ in range(4):
        with pytest.raises(errors.SignInFailed):
            auth.sign_in(office.data, MANAGER_LOGIN, "wrong-password-123", office.clock)
    with pytest.raises(errors.AccountLocked) as locked:
        auth.sign_in(office.data, MANAGER_LOGIN, "wrong-password-123", office.clock)
    assert locked.value.until == office.clock.now() + __import__("datetime").timedelta(minutes=15)
    # "Restart": nothing is cached in memory; the state comes from the files alone.
    state = vault.throttle_state(office.data, MANAGER_LOGIN, office.clock.now())
    assert state.locked_until is not None
    with pytest.raises(errors.AccountLocked):
        auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    office.clock.advance(minutes=16)
    session = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    # The failures were written into the audit log at the next successful sign-in.
    actions = [r[0] for r in session.vault.conn.execute("SELECT action FROM audit_log")]
    assert actions.count("signin.failed") == 5
    session.close()


def test_editing_the_counters_in_the_slot_file_is_detected(office: Office) -> None:
    office.manager.close()
    with pytest.raises(errors.SignInFailed):
        auth.sign_in(office.data, MANAGER_LOGIN, "wrong-password-123", office.clock)
    data = json.loads(office.data.slots.read_text())
    data["throttle"]["entries"] = {}
    office.data.slots.write_text(json.dumps(data))
    with pytest.raises(errors.KeyFileDamaged):
        auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)


def test_manager_unlocks_a_locked_clerk(office: Office) -> None:
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD)
    for _ in range(5):
        with pytest.raises((errors.SignInFailed, errors.AccountLocked)):
            auth.sign_in(office.data, "tanaka", "wrong-password-123", office.clock)
    with pytest.raises(errors.AccountLocked):
        auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    staff.unlock_staff(office.manager, "tanaka")
    session = auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    session.close()


def test_hundred_consecutive_failures_need_a_manager(office: Office) -> None:
    slot_file = vault.describe(office.data)
    store = vault.secret_store_for(office.data, slot_file.secret_store)
    keys = vault.machine_keys_for(slot_file, store)
    now = office.clock.now()
    for _ in range(keyslots.ThrottlePolicy().hard_limit):
        slot_file.record_failure(keys, "tanaka", now)
        now = now + __import__("datetime").timedelta(hours=1)
    state = slot_file.throttle_state(
        keys, "tanaka", now + __import__("datetime").timedelta(days=30)
    )
    assert state.manual_lock


def test_copied_database_does_not_open_on_another_pc(
    office: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    office.manager.close()
    copy = VaultPaths(tmp_path / "copied")
    shutil.copytree(office.data.data_dir, copy.data_dir)
    monkeypatch.setenv("MYNUMBER_DESK_TEST_KEYRING_FILE", str(tmp_path / "other-pc.json"))
    with pytest.raises(errors.MachineMismatch):
        auth.sign_in(copy, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    # The recovery key opens it and binds it to this PC; then the old password works here.
    session = auth.open_with_recovery(copy, office.recovery_key_text, office.clock)
    assert session.vault.rebound
    session.close()
    session = auth.sign_in(copy, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    actions = [r[0] for r in session.vault.conn.execute("SELECT action FROM audit_log")]
    assert "vault.rebound" in actions
    session.close()


def test_wrong_or_mistyped_recovery_key(office: Office) -> None:
    office.manager.close()
    key = office.recovery_key_text
    typo = ("B" if key[0] != "B" else "C") + key[1:]
    with pytest.raises(errors.RecoveryKeyMalformed):
        auth.open_with_recovery(office.data, typo, office.clock)
    from app.domain.recovery_key import RecoveryKey

    other = RecoveryKey(bytes(16)).display
    with pytest.raises(errors.RecoveryKeyRejected):
        auth.open_with_recovery(office.data, other, office.clock)


def test_recovery_key_typed_in_lower_case_with_full_width_spaces(office: Office) -> None:
    office.manager.close()
    typed = "　".join(office.recovery_key_text.lower().split("-"))
    session = auth.open_with_recovery(office.data, typed, office.clock)
    assert not session.vault.rebound
    session.close()


def test_auditor_slot_opens_the_database_but_holds_no_number_key(office: Office) -> None:
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD)
    auditor = auth.sign_in(office.data, "kansa", AUDITOR_PASSWORD, office.clock)
    assert auditor.vault.conn.execute("SELECT count(*) FROM staff").fetchone()[0] == 3
    assert not auditor.vault.has_number_key
    with pytest.raises(vault.RoleKeyMissing):
        auditor.vault.number_key()
    auditor_slot = auditor.vault.current_slots().slots[auditor.vault.slot_id]
    assert "number_key" not in auditor_slot
    auditor.close()
    clerk = auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    assert clerk.vault.has_number_key
    manager_key = bytes(office.manager.vault.number_key())
    assert bytes(clerk.vault.number_key()) == manager_key
    clerk.close()


def test_role_change_grants_and_revokes_the_number_key_without_the_password(
    office: Office,
) -> None:
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    staff.set_roles(office.manager, "kansa", ["clerk"])
    session = auth.sign_in(office.data, "kansa", AUDITOR_PASSWORD, office.clock)
    assert session.vault.has_number_key
    session.close()
    staff.set_roles(office.manager, "kansa", ["auditor"])
    session = auth.sign_in(office.data, "kansa", AUDITOR_PASSWORD, office.clock)
    assert not session.vault.has_number_key
    session.close()


def test_password_change_rewraps_one_slot_and_leaves_the_database_unchanged(
    office: Office,
) -> None:
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD)
    session = auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    office.manager.close()
    before_db = _sha(office.data.database)
    other_slots_before = {
        k: v for k, v in vault.describe(office.data).slots.items() if k != session.vault.slot_id
    }
    # Sign-in wrote its audit event; measure from here.
    before_db = _sha(office.data.database)
    session.vault.change_password(
        session.vault.slot_id,
        CLERK_PASSWORD,
        "New-Orchard-Path-52",
        __import__("app.config").config.slot_kdf(),
        login="tanaka",
        now=office.clock.now(),
    )
    assert _sha(office.data.database) == before_db
    after = vault.describe(office.data).slots
    assert {k: v for k, v in after.items() if k != session.vault.slot_id} == other_slots_before
    session.close()
    with pytest.raises(errors.SignInFailed):
        auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    auth.sign_in(office.data, "tanaka", "New-Orchard-Path-52", office.clock).close()


def test_each_slot_opens_the_same_database(office: Office) -> None:
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD)
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    office.manager.close()
    ids = set()
    for login, password in (
        (MANAGER_LOGIN, MANAGER_PASSWORD),
        ("tanaka", CLERK_PASSWORD),
        ("kansa", AUDITOR_PASSWORD),
    ):
        session = auth.sign_in(office.data, login, password, office.clock)
        ids.add(session.vault.conn.execute("SELECT name FROM office").fetchone()[0])
        session.close()
    recovered = auth.open_with_recovery(office.data, office.recovery_key_text, office.clock)
    ids.add(recovered.vault.conn.execute("SELECT name FROM office").fetchone()[0])
    recovered.close()
    assert ids == {"テスト事業所"}


def test_missing_slot_file_and_missing_database_have_clear_errors(office: Office) -> None:
    office.manager.close()
    office.data.slots.rename(office.data.slots.with_suffix(".moved"))
    with pytest.raises(errors.KeyFileDamaged):
        auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    with pytest.raises(errors.NotInitialized):
        auth.sign_in(
            VaultPaths(office.data.data_dir / "nothing"),
            MANAGER_LOGIN,
            MANAGER_PASSWORD,
            office.clock,
        )


def test_slot_file_write_keeps_the_previous_file(office: Office) -> None:

    previous = office.data.slots.read_bytes()
    # A new slot and nothing taken away: one write of the file.
    office.manager.vault.add_user_slot("tanaka", "Temp-" + CLERK_PASSWORD[::-1], config.slot_kdf())
    backup = office.data.slots.with_name("keyslots.json.bak")
    assert backup.read_bytes() == previous  # a write that takes nothing away keeps the last
    assert not list(office.data.data_dir.glob(".keyslots.json.tmp"))


def test_no_keyring_backend_fails_closed(data: VaultPaths, clock, monkeypatch) -> None:
    from app.services import setup

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    with pytest.raises(errors.KeystoreUnavailable):
        setup.initialize(
            data,
            office_name="事業所",
            admin_login=MANAGER_LOGIN,
            admin_display_name="管理 花子",
            admin_password=MANAGER_PASSWORD,
            clock=clock,
        )
    assert not data.database.exists()
    assert not data.slots.exists()
    assert not data.insecure_secrets.exists()


def test_demo_folder_keeps_the_secret_in_a_private_file(data: VaultPaths, clock) -> None:
    from app.services import demo

    result, accounts = demo.create_demo(data, clock, people_count=3)
    result.session.close()
    assert data.insecure_secrets.exists()
    if os.name == "posix":
        # Windows has no such mode bits (st_mode says only read-only or not): there the file
        # is private through the per-user data folder's inherited ACL (WINDOWS-CHECKLIST.md).
        assert data.insecure_secrets.stat().st_mode & 0o077 == 0
    assert vault.describe(data).secret_store == "file"
    for account in accounts:
        auth.sign_in(data, account.login, account.password, clock).close()


def test_each_further_lock_lasts_twice_as_long(office: Office) -> None:
    from datetime import timedelta

    office.manager.close()
    for expected_minutes in (15, 30, 60):
        for _ in range(5):
            with pytest.raises((errors.SignInFailed, errors.AccountLocked)):
                auth.sign_in(office.data, MANAGER_LOGIN, "wrong-password-123", office.clock)
        state = vault.throttle_state(office.data, MANAGER_LOGIN, office.clock.now())
        assert state.locked_until == office.clock.now() + timedelta(minutes=expected_minutes)
        office.clock.advance(minutes=expected_minutes, seconds=1)
    # Success resets the doubling.
    auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock).close()
    for _ in range(5):
        with pytest.raises((errors.SignInFailed, errors.AccountLocked)):
            auth.sign_in(office.data, MANAGER_LOGIN, "wrong-password-123", office.clock)
    state = vault.throttle_state(office.data, MANAGER_LOGIN, office.clock.now())
    assert state.locked_until == office.clock.now() + timedelta(minutes=15)


def test_a_slot_file_of_the_unreleased_format_1_is_named_as_such(office: Office) -> None:
    """Data of a trial install from before signed rosters: a clear message, not 'damaged'."""
    office.manager.close()
    data = json.loads(office.data.slots.read_bytes())
    data["version"] = 1
    office.data.slots.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(errors.KeyFileOutdated) as raised:
        auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    assert "試用版" in raised.value.message
