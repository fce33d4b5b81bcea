"""LOG-01: every edit, deletion, reordering or truncation of the access log is found."""

from __future__ import annotations

import random

import pytest

from app import errors
from app.services import audit, auth, settings
from storage.audit_chain import AuditChain, AuditEvent
from storage.errors import AuditChainBroken
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office

ENTRIES = 120


def _fill(office: Office, count: int = ENTRIES) -> None:
    session = office.manager
    while session.vault.audit_head().seq < count:
        with session.vault.write() as writer:
            audit.record(
                writer,
                session,
                "test.event",
                target=f"t{session.vault.audit_head().seq}",
                detail={"n": 1},
            )


def _drop_triggers(conn) -> None:
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")


def test_clean_chain_verifies(office: Office) -> None:
    _fill(office)
    head = office.manager.vault.verify_audit()
    assert head.seq == ENTRIES
    assert len(head.fingerprint) == 16


def test_triggers_refuse_update_and_delete(office: Office) -> None:
    conn = office.manager.vault.conn
    with pytest.raises(Exception, match="append-only"):
        conn.execute("UPDATE audit_log SET actor_name = 'x' WHERE seq = 1")
    with pytest.raises(Exception, match="append-only"):
        conn.execute("DELETE FROM audit_log WHERE seq = 1")


def test_thousand_random_mutations_are_each_found_at_the_first_bad_entry(office: Office) -> None:
    """An attacker holding the key edits rows directly; each mutation is made inside a
    transaction, verified, and rolled back, so all 1000 run on the same real database."""
    _fill(office)
    vault = office.manager.vault
    conn = vault.conn
    rng = random.Random(20261123)
    columns = ("ts", "actor_name", "action", "target", "detail", "actor_id")
    for _ in range(1000):
        conn.execute("BEGIN IMMEDIATE")
        _drop_triggers(conn)
        kind = rng.choice(("edit", "delete", "reorder", "mac"))
        a = rng.randint(1, ENTRIES)
        if kind == "edit":
            column = rng.choice(columns)
            value = 999 if column == "actor_id" else f"tampered-{rng.random()}"
            conn.execute(f"UPDATE audit_log SET {column} = ? WHERE seq = ?", (value, a))
            expected = a
        elif kind == "delete":
            conn.execute("DELETE FROM audit_log WHERE seq = ?", (a,))
            expected = a if a < ENTRIES else None  # deleting the last row is a truncation
        elif kind == "reorder":
            b = rng.choice([n for n in range(1, ENTRIES + 1) if n != a])
            first, second = min(a, b), max(a, b)
            rows = {
                s: conn.execute(
                    "SELECT ts, actor_id, actor_name, action, target, detail, mac"
                    " FROM audit_log WHERE seq = ?",
                    (s,),
                ).fetchone()
                for s in (first, second)
            }
            for target, source in ((first, second), (second, first)):
                conn.execute(
                    "UPDATE audit_log SET ts=?, actor_id=?, actor_name=?, action=?,"
                    " target=?, detail=?, mac=? WHERE seq = ?",
                    (*rows[source], target),
                )
            expected = first
        else:
            conn.execute("UPDATE audit_log SET mac = randomblob(32) WHERE seq = ?", (a,))
            expected = a
        with pytest.raises(AuditChainBroken) as broken:
            vault.verify_audit()
        if expected is not None:
            assert broken.value.seq == expected, kind
        conn.execute("ROLLBACK")
    assert vault.verify_audit().seq == ENTRIES


def test_truncation_is_found_against_the_anchor_and_not_buried_by_new_entries(
    office: Office,
) -> None:
    _fill(office, 30)
    conn = office.manager.vault.conn
    _drop_triggers(conn)
    conn.execute("DELETE FROM audit_log WHERE seq > 20")
    office.manager.close()
    session = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    # Signing in appends entries 21..; the anchor must stay on the old entry 30.
    assert not session.vault.anchor_consistent
    settings.change(session, "reveal_seconds", "40")
    with pytest.raises(AuditChainBroken) as broken:
        session.vault.verify_audit()
    assert broken.value.seq == 30
    with pytest.raises(errors.AuditChainBroken, match="第30番"):
        audit.verify_chain(session)
    session.close()


def test_restore_of_an_old_copy_is_found(office: Office) -> None:
    """Rolling the whole database back to an earlier copy: the anchor remembers the newer head."""
    _fill(office, 10)
    office.manager.close()
    old = office.data.database.read_bytes()
    session = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    settings.change(session, "reveal_seconds", "45")
    session.close()
    office.data.database.write_bytes(old)
    session = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    with pytest.raises(AuditChainBroken):
        session.vault.verify_audit()
    session.close()


def test_missing_anchor_is_reported(office: Office, keyring_file) -> None:
    import json

    data = json.loads(keyring_file.read_text())
    keyring_file.write_text(json.dumps({k: v for k, v in data.items() if "audit-anchor" not in k}))
    with pytest.raises(errors.AuditAnchorMissing):
        audit.verify_chain(office.manager)


def test_chain_of_another_key_does_not_verify(office: Office) -> None:
    other = AuditChain(bytes(32), office.manager.vault.vault_id)
    with pytest.raises(AuditChainBroken) as broken:
        other.verify(office.manager.vault.conn, None)
    assert broken.value.seq == 1


def test_entry_written_in_a_rolled_back_transaction_is_gone(office: Office) -> None:
    vault = office.manager.vault
    before = vault.audit_head().seq
    with pytest.raises(RuntimeError), vault.write() as writer:
        writer.audit(AuditEvent(1, "kanri", "test.event"), office.clock.now())
        raise RuntimeError("the change failed")
    assert vault.audit_head().seq == before
    assert vault.verify_audit().seq == before
