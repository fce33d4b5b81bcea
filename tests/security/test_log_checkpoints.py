"""#14 item 5: a member with the files cannot rewrite the access log behind a signed checkpoint.

The attack is the issue's: a clerk deletes their own `number.revealed` events with a raw
SQLCipher connection (dropping the append-only triggers), re-MACs the rest of the chain with the
key every member can derive from the data key, and rewrites the anchor in this PC's keyring.
Before, `verify` said 正常; now the checkpoint the manager's sign-in signed no longer matches.
What a clerk can still do, cut the entries after the last checkpoint, `verify` states."""

from __future__ import annotations

import json

import pytest

from app import errors
from app.services import auth, checkpoints, numbers, people, verify
from storage import anchors, audit_chain, crypto
from storage.audit_chain import AuditChain, ChainHead
from storage.connection import Connection
from tests.conftest import CLERK_PASSWORD, MANAGER_LOGIN, MANAGER_PASSWORD, Office, add_member
from tests.security.test_signed_roster import raw_connection

NUMBER = "123456789018"


@pytest.fixture
def revealed(office: Office) -> Office:
    """A clerk who revealed a number 20 times and signed out; then the manager signed in."""
    add_member(
        office, "tanaka", ["clerk"], CLERK_PASSWORD, ["kind:employee", "purpose:tax_withholding"]
    )
    clerk = auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    try:
        person = people.register_employee(
            clerk, code="E1", name="山田 一郎", kana_text="ヤマダ イチロウ"
        )
        numbers.register_number(clerk, person.id, NUMBER, NUMBER, ["tax_withholding"])
        for _ in range(20):
            numbers.reveal(clerk, person.id, "tax_withholding")
    finally:
        auth.sign_out(clerk)
    office.manager.close()
    auth.sign_out(auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock))
    return office


def _rewrite_without(
    conn: Connection, vault_id: str, data_key: bytearray, action: str
) -> ChainHead:
    """Delete every entry of `action`, renumber and re-MAC the rest: a consistent chain."""
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    rows = conn.execute(
        "SELECT ts, actor_id, actor_name, action, target, detail FROM audit_log"
        " WHERE action != ? ORDER BY seq",
        (action,),
    ).fetchall()
    conn.execute("DELETE FROM audit_log")
    chain = AuditChain(data_key, vault_id)
    head = chain.head(conn)
    for ts, actor_id, actor_name, act, target, detail in rows:
        head = chain.append(
            conn,
            ts,
            audit_chain.AuditEvent(actor_id, actor_name, act, target, json.loads(detail)),
            previous=head,
        )
    return head


def _clerk_rewrites_the_log(office: Office) -> None:
    from storage import vault
    from storage.keyslots import SlotFile

    slot_file = SlotFile.load(office.data.slots)
    store = vault.secret_store_for(office.data, slot_file.secret_store)
    keys = vault.machine_keys_for(slot_file, store)
    unlocked = slot_file.unlock_user(keys, "tanaka", CLERK_PASSWORD)
    keys.wipe()
    with raw_connection(office, "tanaka", CLERK_PASSWORD) as conn:
        head = _rewrite_without(conn, slot_file.vault_id, unlocked.data_key, "number.revealed")
    store.put(anchors.anchor_name(slot_file.vault_id, office.data.data_dir), head.to_json())
    unlocked.wipe()


def test_a_clerk_who_rewrites_the_log_behind_a_checkpoint_is_found(revealed: Office) -> None:
    _clerk_rewrites_the_log(revealed)
    with pytest.raises(errors.AuditCheckpointBroken) as raised:
        verify.verify_vault(revealed.data, MANAGER_LOGIN, MANAGER_PASSWORD, revealed.clock)
    assert "署名後に" in raised.value.message


def test_the_access_log_page_finds_it_too(revealed: Office) -> None:
    from app.services import audit

    _clerk_rewrites_the_log(revealed)
    manager = auth.sign_in(revealed.data, MANAGER_LOGIN, MANAGER_PASSWORD, revealed.clock)
    try:
        with pytest.raises(errors.AuditCheckpointBroken):
            audit.verify_chain(manager)
    finally:
        manager.close()


def test_a_forged_checkpoint_is_reported(revealed: Office) -> None:
    with raw_connection(revealed, "tanaka", CLERK_PASSWORD) as conn:
        conn.execute(
            "INSERT INTO audit_checkpoint (seq, head, roster_seq, signer, made_at, signature)"
            " VALUES (1, ?, 1, 'manager', '2026-01-01T00:00:00', ?)",
            ("00" * 32, crypto.sign(crypto.new_signing_key(), b"x")),
        )
    with pytest.raises(errors.AuditCheckpointBroken) as raised:
        verify.verify_vault(revealed.data, MANAGER_LOGIN, MANAGER_PASSWORD, revealed.clock)
    assert raised.value.problems == ("forged",)


def test_verify_says_how_much_follows_the_last_checkpoint(revealed: Office) -> None:
    """A clerk's own work after the manager's sign-out is not signed yet: verify says so."""
    clerk = auth.sign_in(revealed.data, "tanaka", CLERK_PASSWORD, revealed.clock)
    auth.sign_out(clerk)
    result = verify.verify_vault(revealed.data, MANAGER_LOGIN, MANAGER_PASSWORD, revealed.clock)
    assert result.sealed is not None
    # The clerk's sign-in and sign-out, then verify's own sign-in is read-only.
    assert result.sealed.after == 2
    assert result.sealed.signer == "manager"
    assert "その後の2件は、まだ署名されていませんでした" in result.sealed.describe()
    assert result.signed_now


def test_a_clerk_holds_no_signing_key_and_signs_nothing(revealed: Office) -> None:
    clerk = auth.sign_in(revealed.data, "tanaka", CLERK_PASSWORD, revealed.clock)
    try:
        assert not checkpoints.can_sign(clerk.vault)
        count = clerk.vault.conn.execute("SELECT count(*) FROM audit_checkpoint").fetchone()[0]
        checkpoints.make(clerk)
        after = clerk.vault.conn.execute("SELECT count(*) FROM audit_checkpoint").fetchone()[0]
        assert after == count
    finally:
        clerk.close()


def test_the_auditors_sign_in_signs_a_checkpoint(revealed: Office) -> None:
    from tests.conftest import AUDITOR_PASSWORD

    revealed.manager = auth.sign_in(revealed.data, MANAGER_LOGIN, MANAGER_PASSWORD, revealed.clock)
    try:
        add_member(revealed, "kansa", ["auditor"], AUDITOR_PASSWORD)
    finally:
        revealed.manager.close()
    auditor = auth.sign_in(revealed.data, "kansa", AUDITOR_PASSWORD, revealed.clock)
    try:
        signer = auditor.vault.conn.execute(
            "SELECT signer FROM audit_checkpoint ORDER BY id DESC LIMIT 1"
        ).fetchone()[0]
        assert signer == "auditor"
        assert checkpoints.check(auditor).after == 0
    finally:
        auditor.close()


def test_a_manager_session_left_open_signs_once_a_day(revealed: Office) -> None:
    from app.services import settings

    manager = auth.sign_in(revealed.data, MANAGER_LOGIN, MANAGER_PASSWORD, revealed.clock)
    try:
        count = lambda: manager.vault.conn.execute(  # noqa: E731
            "SELECT count(*) FROM audit_checkpoint"
        ).fetchone()[0]
        start = count()
        settings.change(manager, "reveal_seconds", "30")
        assert count() == start  # the same day: the sign-in's checkpoint is enough
        revealed.clock.advance(days=1, minutes=1)
        settings.change(manager, "reveal_seconds", "31")
        assert count() == start + 1
    finally:
        manager.close()
