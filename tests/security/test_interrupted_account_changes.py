"""Two files, one truth (#14 items 1, 2, 15): a password change, a disable, a role change or a
new account whose database write is lost after the slot file was written (a kill, a failed
commit) still ends logged and agreed, never with a number key the roles do not allow, and no
slot file left in the folder gives a revoked key back.

The loss is produced by failing the database write after the slot file is written, which
leaves the files as a kill between the two writes does: the slot file changed, the database
rolled back."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import errors
from app.services import auth, staff, verify
from storage import staff_repo, vault
from storage.errors import StorageError
from storage.keyslots import SlotFile
from tests.conftest import (
    AUDITOR_PASSWORD,
    CLERK_PASSWORD,
    MANAGER_LOGIN,
    MANAGER_PASSWORD,
    Office,
    add_member,
)

NEW_PASSWORD = "Harbor-Lantern-Quiet-81"


class Killed(Exception):
    """Stands for the process dying between the slot file's write and the commit."""


def _die(*_args: object, **_kwargs: object) -> None:
    raise Killed


def _number_key_opens(office: Office, login: str, password: str, path: Path | None = None) -> bool:
    """Whether the member's password with this PC's keyring opens the number key from a slot
    file (by default the live one), as a member with the files would try it, whatever the
    database says. A file that is no slot file, or a refusal, opens nothing."""
    try:
        slot_file = SlotFile.load(path or office.data.slots)
    except StorageError:
        return False
    keys = vault.machine_keys_for(
        slot_file, vault.secret_store_for(office.data, slot_file.secret_store)
    )
    try:
        unlocked = slot_file.unlock_user(keys, login, password)
    except StorageError:
        return False
    finally:
        keys.wipe()
    try:
        return unlocked.number_key is not None
    finally:
        unlocked.wipe()


def _actions(session, action: str) -> list[tuple[str, str | None]]:
    return session.vault.conn.execute(
        "SELECT actor_name, target FROM audit_log WHERE action = ? ORDER BY seq", (action,)
    ).fetchall()


def test_a_password_change_whose_log_write_was_lost_is_logged_at_the_next_sign_in(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD)
    session = auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    logged_before = len(_actions(session, "staff.password_changed"))

    with monkeypatch.context() as patch:
        patch.setattr(staff_repo, "clear_must_change", _die)
        with pytest.raises(Killed):
            auth.change_password(session, CLERK_PASSWORD, NEW_PASSWORD)
    assert len(_actions(session, "staff.password_changed")) == logged_before
    session.close()

    # The new password opens (the slot file was written) and the change is now in the log.
    again = auth.sign_in(office.data, "tanaka", NEW_PASSWORD, office.clock)
    try:
        changes = _actions(again, "staff.password_changed")
        assert len(changes) == logged_before + 1
        assert changes[-1][0] == "tanaka"
        assert again.vault.pending_auth_events() == []
    finally:
        again.close()


def test_a_completed_password_change_is_logged_once(office: Office) -> None:
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD)
    session = auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    before = len(_actions(session, "staff.password_changed"))
    auth.change_password(session, CLERK_PASSWORD, NEW_PASSWORD)
    assert session.vault.pending_auth_events() == []
    session.close()
    again = auth.sign_in(office.data, "tanaka", NEW_PASSWORD, office.clock)
    try:
        assert len(_actions(again, "staff.password_changed")) == before + 1
    finally:
        again.close()


def test_a_disable_whose_database_write_was_lost_is_finished_at_the_next_sign_in(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD)

    with monkeypatch.context() as patch:
        patch.setattr(staff_repo, "mark_disabled", _die)
        with pytest.raises(Killed):
            staff.disable_staff(office.manager, "tanaka")
    record = staff_repo.by_login(office.manager.vault.conn, "tanaka")
    assert record is not None and record.active  # the database still says 有効
    office.manager.close()

    # The member cannot use the account (the slot file is the safe side)...
    with pytest.raises(errors.AccountDisabled):
        auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    # ...and the next sign-in brings the database in line, logged.
    manager = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    try:
        record = staff_repo.by_login(manager.vault.conn, "tanaka")
        assert record is not None and not record.active
        assert _actions(manager, "staff.disabled") == [("kanri", "tanaka")]
        detail = manager.vault.conn.execute(
            "SELECT detail FROM audit_log WHERE action = 'staff.disabled'"
        ).fetchone()[0]
        assert "finished_at_sign_in" in detail
    finally:
        manager.close()


@pytest.mark.parametrize(
    "revoke",
    [
        lambda m: staff.set_roles(m, "tanaka", ["auditor"]),
        lambda m: staff.disable_staff(m, "tanaka"),
        lambda m: staff.reset_password(m, "tanaka", "Reset-Meadow-Copper-27"),
    ],
    ids=["role-to-auditor", "disable", "reset"],
)
def test_no_backup_of_the_slot_file_gives_back_a_revoked_number_key(office: Office, revoke) -> None:
    """#14 item 1: after a revocation, putting keyslots.json.bak in place of the file must
    not let the member's old password open the number key again."""
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD, ["kind:employee"])
    # Another change that keeps a .bak (a new member) before the revocation.
    add_member(office, "suzuki", ["clerk"], CLERK_PASSWORD, ["kind:employee"])
    revoke(office.manager)
    office.manager.close()
    # Every slot file in the folder (the .bak included), as the member would try it.
    slots = office.data.slots
    copies = [p for p in slots.parent.glob(slots.name + "*") if p.is_file()]
    assert slots in copies
    for copy in copies:
        assert not _number_key_opens(office, "tanaka", CLERK_PASSWORD, copy), copy.name


def test_a_promotion_cut_before_its_commit_gives_the_auditor_no_number_key(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """#14 item 2: the grant follows the committed role, never precedes it."""
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)

    with monkeypatch.context() as patch:
        patch.setattr(staff_repo, "set_roles", _die)
        with pytest.raises(Killed):
            staff.set_roles(office.manager, "kansa", ["clerk"])
    assert not _number_key_opens(office, "kansa", AUDITOR_PASSWORD)
    # Done in full, the grant follows; taken back, it goes before the roles commit.
    staff.set_roles(office.manager, "kansa", ["clerk"])
    assert _number_key_opens(office, "kansa", AUDITOR_PASSWORD)
    with monkeypatch.context() as patch:
        patch.setattr(staff_repo, "set_roles", _die)
        with pytest.raises(Killed):
            staff.set_roles(office.manager, "kansa", ["auditor"])
    assert not _number_key_opens(office, "kansa", AUDITOR_PASSWORD)


def test_an_account_created_with_a_cut_commit_holds_no_number_key(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:

    temporary = "Temp-Window-Garden-44"
    with monkeypatch.context() as patch:
        # After the slot is written, before the account commits (the slot's removal on the
        # way out fails too, as after a kill).
        patch.setattr(staff_repo, "set_scopes", _die)
        patch.setattr(office.manager.vault, "remove_slot", _die)
        with pytest.raises(Killed):
            staff.create_staff(
                office.manager,
                login="tanaka",
                display_name="職員 Tanaka",
                roles=["clerk"],
                scopes=["kind:employee"],
                initial_password=temporary,
            )
    assert not _number_key_opens(office, "tanaka", temporary)


def test_a_create_cut_before_its_commit_can_be_done_again_with_the_same_password(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """#14 item 2: the orphan slot of the cut attempt no longer shadows the new one."""

    temporary = "Temp-Window-Garden-44"

    def create() -> None:
        staff.create_staff(
            office.manager,
            login="tanaka",
            display_name="職員 Tanaka",
            roles=["clerk"],
            scopes=["kind:employee"],
            initial_password=temporary,
        )

    with monkeypatch.context() as patch:
        patch.setattr(staff_repo, "set_scopes", _die)
        patch.setattr(office.manager.vault, "remove_slot", _die)
        with pytest.raises(Killed):
            create()
    create()
    session = auth.sign_in(office.data, "tanaka", temporary, office.clock)
    try:
        assert session.user.login_name == "tanaka" and session.vault.has_number_key
    finally:
        session.close()
    office.manager.close()
    assert verify.verify_vault(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
