"""#14 items 3 and 4: who may do what is signed with the manager key, so a member holding the
data key (every member) and the files cannot give themselves a role or have the number key
sealed to a public key of their own. Each attack is made as the issue describes it: with the
member's own password, this PC's keyring, a raw SQLCipher connection and a text editor."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from app import errors
from app.domain.access import Role
from app.services import auth, numbers, people, staff, verify
from storage import crypto, roster, vault
from storage.connection import Connection, open_database
from storage.keyslots import NUMBER_KEY, SlotFile
from tests.conftest import (
    AUDITOR_PASSWORD,
    CLERK_PASSWORD,
    MANAGER_LOGIN,
    MANAGER_PASSWORD,
    Office,
    add_member,
)

NUMBER = "123456789018"


@pytest.fixture
def staffed(office: Office) -> Office:
    add_member(
        office, "tanaka", ["clerk"], CLERK_PASSWORD, ["kind:employee", "purpose:tax_withholding"]
    )
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    return office


def _raw_keys(office: Office, login: str, password: str) -> tuple[SlotFile, str, bytearray]:
    """What a member gets from the files with their own password and this PC's keyring:
    the slot file, their slot id and their slot's private key."""
    slot_file = SlotFile.load(office.data.slots)
    keys = vault.machine_keys_for(
        slot_file, vault.secret_store_for(office.data, slot_file.secret_store)
    )
    try:
        unlocked = slot_file.unlock_user(keys, login, password)
        private, _pin = slot_file._unwrap_private(keys, unlocked.slot_id, password)
    finally:
        keys.wipe()
    return slot_file, unlocked.slot_id, private


@contextmanager
def raw_connection(office: Office, login: str, password: str) -> Iterator[Connection]:
    """A SQLCipher connection with the data key the member's own slot gives."""
    slot_file = SlotFile.load(office.data.slots)
    keys = vault.machine_keys_for(
        slot_file, vault.secret_store_for(office.data, slot_file.secret_store)
    )
    try:
        unlocked = slot_file.unlock_user(keys, login, password)
    finally:
        keys.wipe()
    conn = open_database(office.data.database, unlocked.data_key)
    try:
        yield conn
        conn.commit()
    finally:
        conn.close()
        unlocked.wipe()


def _verify(office: Office) -> None:
    verify.verify_vault(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)


def _make_manager_and_disable_the_real_one(office: Office) -> None:
    """The issue's attack: the auditor makes themselves manager and clerk with every scope and
    disables the real manager, with a raw connection."""
    office.manager.close()
    with raw_connection(office, "kansa", AUDITOR_PASSWORD) as conn:
        kansa = conn.execute("SELECT id FROM staff WHERE login_name = 'kansa'").fetchone()[0]
        conn.execute("DELETE FROM staff_role WHERE staff_id = ?", (kansa,))
        conn.executemany(
            "INSERT INTO staff_role (staff_id, role) VALUES (?, ?)",
            [(kansa, "manager"), (kansa, "clerk")],
        )
        conn.execute(
            "INSERT INTO staff_scope (staff_id, kind, value) VALUES (?, 'purpose', 'tax_withholding')",
            (kansa,),
        )
        conn.execute("UPDATE staff SET active = 0 WHERE login_name = ?", (MANAGER_LOGIN,))


def _actions(session, action: str) -> list[dict]:  # type: ignore[no-untyped-def]
    rows = session.vault.conn.execute(
        "SELECT detail FROM audit_log WHERE action = ? ORDER BY seq", (action,)
    ).fetchall()
    return [json.loads(r[0]) for r in rows]


def test_roles_written_with_a_raw_connection_are_reported_by_verify(staffed: Office) -> None:
    _make_manager_and_disable_the_real_one(staffed)
    with pytest.raises(errors.SlotFileMismatch) as raised:
        _verify(staffed)
    assert {"rows:kansa", f"rows:{MANAGER_LOGIN}"} <= set(raised.value.problems)
    assert "「kansa」の役割・担当範囲・状態" in raised.value.message


def test_roles_written_with_a_raw_connection_are_refused_at_sign_in(staffed: Office) -> None:
    _make_manager_and_disable_the_real_one(staffed)
    session = auth.sign_in(staffed.data, "kansa", AUDITOR_PASSWORD, staffed.clock)
    try:
        # The signed roster, not the edited rows, decides: still the auditor, nothing more.
        assert session.user.roles == frozenset({Role.AUDITOR})
        assert not session.user.scopes
        with pytest.raises(errors.PermissionDenied):
            staff.set_roles(session, "kansa", ["manager"])
        with pytest.raises(errors.PermissionDenied):
            people.register_employee(
                session, code="E1", name="山田 一郎", kana_text="ヤマダ イチロウ"
            )
        assert _actions(session, "authority.restored") == [
            {"logins": sorted(["kansa", MANAGER_LOGIN])}
        ]
    finally:
        session.close()
    # The rows are back as signed: the real manager signs in and works.
    manager = auth.sign_in(staffed.data, MANAGER_LOGIN, MANAGER_PASSWORD, staffed.clock)
    try:
        assert Role.MANAGER in manager.user.roles
        staff.set_scopes(manager, "tanaka", ["purpose:tax_withholding", "purpose:health_pension"])
    finally:
        manager.close()
    _verify(staffed)


def test_an_account_put_in_with_a_raw_connection_opens_nothing(staffed: Office) -> None:
    """An auditor inserts a manager account pointing at their own slot."""
    staffed.manager.close()
    with raw_connection(staffed, "kansa", AUDITOR_PASSWORD) as conn:
        slot = conn.execute("SELECT slot_id FROM staff WHERE login_name = 'kansa'").fetchone()[0]
        conn.execute("UPDATE staff SET slot_id = NULL WHERE login_name = 'kansa'")
        conn.execute(
            "INSERT INTO staff (login_name, display_name, slot_id, created_at, updated_at)"
            " VALUES ('boss', 'Boss', ?, '2026-01-01', '2026-01-01')",
            (slot,),
        )
        boss = conn.execute("SELECT id FROM staff WHERE login_name = 'boss'").fetchone()[0]
        conn.execute("INSERT INTO staff_role (staff_id, role) VALUES (?, 'manager')", (boss,))
    session = auth.sign_in(staffed.data, "kansa", AUDITOR_PASSWORD, staffed.clock)
    try:
        assert session.user.login_name == "kansa"
        assert session.user.roles == frozenset({Role.AUDITOR})
        row = session.vault.conn.execute(
            "SELECT active, slot_id FROM staff WHERE id = ?", (boss,)
        ).fetchone()
        assert row == (0, None)
    finally:
        session.close()
    _verify(staffed)


def test_a_roster_signed_with_another_key_is_not_used(staffed: Office) -> None:
    """The auditor writes a version of their own, signed with a key of their own, naming
    themselves manager; and makes the rows match it."""
    staffed.manager.close()
    forger = crypto.new_signing_key()
    with raw_connection(staffed, "kansa", AUDITOR_PASSWORD) as conn:
        body, seq = conn.execute("SELECT body, seq FROM roster ORDER BY seq DESC").fetchone()
        data = json.loads(bytes(body))
        for member in data["members"]:
            if member["login"] == "kansa":
                member["roles"] = ["clerk", "manager"]
        data["seq"] = seq + 1
        forged = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
        conn.execute(
            "INSERT INTO roster (seq, body, signature, signed_at) VALUES (?, ?, ?, '2026-01-01')",
            (seq + 1, forged, crypto.sign(forger, forged)),
        )
        kansa = conn.execute("SELECT id FROM staff WHERE login_name = 'kansa'").fetchone()[0]
        conn.execute("INSERT INTO staff_role (staff_id, role) VALUES (?, 'manager')", (kansa,))
        conn.execute("INSERT INTO staff_role (staff_id, role) VALUES (?, 'clerk')", (kansa,))
    with pytest.raises(errors.SlotFileMismatch) as raised:
        _verify(staffed)
    assert "forged" in raised.value.problems
    session = auth.sign_in(staffed.data, "kansa", AUDITOR_PASSWORD, staffed.clock)
    try:
        assert session.user.roles == frozenset({Role.AUDITOR})
        assert _actions(session, "authority.forged") == [{"versions": 1}]
    finally:
        session.close()
    # The manager's next change goes after the forged version and supersedes it.
    manager = auth.sign_in(staffed.data, MANAGER_LOGIN, MANAGER_PASSWORD, staffed.clock)
    try:
        staff.set_scopes(manager, "tanaka", ["purpose:health_pension"])
    finally:
        manager.close()
    _verify(staffed)


def test_the_pinned_manager_key_cannot_be_changed_in_another_members_slot(
    staffed: Office,
) -> None:
    """The pin sits in the password layer's authenticated data: an attacker who writes their
    own key there only locks the member out (a sign-in fails), they never make the member
    trust another roster."""
    path = staffed.data.slots
    data = json.loads(path.read_bytes())
    own = crypto.signing_public(crypto.new_signing_key())
    for slot in data["slots"].values():
        if slot.get("kind") == "user":
            slot["private_key"]["pin"] = crypto.b64(own)
    data["manager_public"] = crypto.b64(own)
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(errors.SignInFailed):
        auth.sign_in(staffed.data, "tanaka", CLERK_PASSWORD, staffed.clock)


def test_a_planted_public_key_receives_no_number_key(staffed: Office) -> None:
    """The auditor puts their own public key in place of a colleague's (an auditor about to
    be made clerk); the promotion seals the number key to the key the signed roster names,
    which the auditor's private key does not open; verify names the planted key."""
    add_member(staffed, "suzuki", ["auditor"], "Velvet-Canyon-Echo-52")
    slot_file, _own_slot, own_private = _raw_keys(staffed, "kansa", AUDITOR_PASSWORD)
    data = json.loads(staffed.data.slots.read_bytes())
    suzuki_slot = next(
        s
        for s, v in data["slots"].items()
        if v.get("kind") == "user"
        and v["login_id"]
        == vault.machine_keys_for(
            slot_file, vault.secret_store_for(staffed.data, slot_file.secret_store)
        ).login_id("suzuki")
    )
    own_public = data["slots"][_own_slot]["public_key"]
    data["slots"][suzuki_slot]["public_key"] = own_public
    staffed.data.slots.write_text(json.dumps(data), encoding="utf-8")

    staff.set_roles(staffed.manager, "suzuki", ["clerk"])

    box = json.loads(staffed.data.slots.read_bytes())["slots"][suzuki_slot][NUMBER_KEY]
    with pytest.raises(crypto.DecryptionFailed):
        crypto.open_from_private(own_private, box, slot_file._aad(suzuki_slot, NUMBER_KEY))
    with pytest.raises(errors.SlotFileMismatch) as raised:
        _verify(staffed)
    assert "public_key:suzuki" in raised.value.problems


def test_the_number_key_copied_into_an_auditors_slot_opens_nothing(staffed: Office) -> None:
    """Boxes are sealed to one slot's key: a clerk's box copied into the auditor's slot does
    not open with the auditor's password, and verify reports it."""
    data = json.loads(staffed.data.slots.read_bytes())
    slot_file = SlotFile.load(staffed.data.slots)
    keys = vault.machine_keys_for(
        slot_file, vault.secret_store_for(staffed.data, slot_file.secret_store)
    )
    tanaka = slot_file.user_slots_for(keys, "tanaka")[0]
    kansa = slot_file.user_slots_for(keys, "kansa")[0]
    keys.wipe()
    data["slots"][kansa][NUMBER_KEY] = data["slots"][tanaka][NUMBER_KEY]
    staffed.data.slots.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(errors.KeyFileDamaged):
        auth.sign_in(staffed.data, "kansa", AUDITOR_PASSWORD, staffed.clock)
    with pytest.raises(errors.SlotFileMismatch) as raised:
        _verify(staffed)
    assert "number_key:kansa" in raised.value.problems


def test_with_no_signed_version_only_the_recovery_key_signs_again(staffed: Office) -> None:
    staffed.manager.close()
    with raw_connection(staffed, "kansa", AUDITOR_PASSWORD) as conn:
        conn.execute("DELETE FROM roster")
    for login, password in [("tanaka", CLERK_PASSWORD), (MANAGER_LOGIN, MANAGER_PASSWORD)]:
        with pytest.raises(errors.AuthorityInvalid):
            auth.sign_in(staffed.data, login, password, staffed.clock)
    recovered = auth.open_with_recovery(staffed.data, staffed.recovery_key_text, staffed.clock)
    try:
        assert _actions(recovered, "authority.resigned") == [{}]
    finally:
        recovered.close()
    clerk = auth.sign_in(staffed.data, "tanaka", CLERK_PASSWORD, staffed.clock)
    try:
        person = people.register_employee(
            clerk, code="E1", name="山田 一郎", kana_text="ヤマダ イチロウ"
        )
        numbers.register_number(clerk, person.id, NUMBER, NUMBER, ["tax_withholding"])
        assert numbers.reveal(clerk, person.id, "tax_withholding").number.digits() == NUMBER
    finally:
        clerk.close()
    _verify(staffed)


def test_every_change_signs_a_version_that_verifies(staffed: Office) -> None:
    conn = staffed.manager.vault.conn
    before = roster.state(conn, staffed.manager.vault.pin, staffed.manager.vault.vault_id)
    staff.set_scopes(staffed.manager, "tanaka", ["purpose:health_pension"])
    after = roster.state(conn, staffed.manager.vault.pin, staffed.manager.vault.vault_id)
    assert before.newest is not None and after.newest is not None
    assert after.newest.roster.seq == before.newest.roster.seq + 1
    assert after.invalid == 0
    entry = next(m for m in after.newest.roster.members if m.login == "tanaka")
    assert entry.scopes == ("purpose:health_pension",)


def test_a_number_key_planted_in_a_clerks_slot_seals_nothing(staffed: Office) -> None:
    """The auditor seals a key of their own to the clerk's public key (anyone can seal to a
    public key) and writes its check into the database: the clerk's session finds that the
    key opens none of the stored numbers, drops it and logs it, so no number the clerk
    registers is sealed under a key the auditor knows."""
    from storage import number_cipher

    clerk = auth.sign_in(staffed.data, "tanaka", CLERK_PASSWORD, staffed.clock)
    try:
        person = people.register_employee(
            clerk, code="E1", name="山田 一郎", kana_text="ヤマダ イチロウ"
        )
        numbers.register_number(clerk, person.id, NUMBER, NUMBER, ["tax_withholding"])
        second = people.register_employee(
            clerk, code="E2", name="山田 次郎", kana_text="ヤマダ ジロウ"
        )
    finally:
        clerk.close()
    staffed.manager.close()
    planted = crypto.random_key()
    slot_file = SlotFile.load(staffed.data.slots)
    keys = vault.machine_keys_for(
        slot_file, vault.secret_store_for(staffed.data, slot_file.secret_store)
    )
    tanaka = slot_file.user_slots_for(keys, "tanaka")[0]
    keys.wipe()
    slot_file.seal_key(tanaka, NUMBER_KEY, planted)
    staffed.data.slots.write_bytes(slot_file.to_bytes())
    with raw_connection(staffed, "kansa", AUDITOR_PASSWORD) as conn:
        conn.execute("UPDATE number_key SET key_check = ?", (number_cipher.key_check(planted),))

    clerk = auth.sign_in(staffed.data, "tanaka", CLERK_PASSWORD, staffed.clock)
    try:
        assert not clerk.vault.has_number_key
        assert _actions(clerk, "vault.number_key_refused") == [{}]
        with pytest.raises(errors.PermissionDenied):
            numbers.register_number(
                clerk, second.id, "398259791905", "398259791905", ["tax_withholding"]
            )
        sealed = clerk.vault.conn.execute("SELECT sealed, person_id FROM my_number").fetchall()
    finally:
        clerk.close()
    for blob, person_id in sealed:
        with pytest.raises(crypto.DecryptionFailed):
            number_cipher.open_number(planted, bytes(blob), numbers.record_id(person_id))
