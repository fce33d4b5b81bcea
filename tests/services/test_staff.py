"""Staff administration: manager only, each change audited, every refusal logged."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from app import errors
from app.domain.access import Role
from app.services import audit, auth, staff
from tests.conftest import (
    AUDITOR_PASSWORD,
    CLERK_PASSWORD,
    JST,
    MANAGER_LOGIN,
    SUPERVISOR_PASSWORD,
    Office,
    add_member,
)


def _events(office: Office, action: str) -> list[tuple[str, str, str]]:
    return office.manager.vault.conn.execute(
        "SELECT actor_name, target, detail FROM audit_log WHERE action = ? ORDER BY seq",
        (action,),
    ).fetchall()


def test_create_staff_with_scope_then_first_sign_in_must_change_password(office: Office) -> None:
    change = staff.create_staff(
        office.manager,
        login="Tanaka",
        display_name="田中　太郎",
        roles=["clerk"],
        scopes=["purpose:tax_withholding", "kind:employee"],
        initial_password="Cedar-Window-Lake-19",
    )
    assert change.member.login_name == "tanaka"
    assert change.member.display_name == "田中 太郎"
    assert change.member.roles == frozenset({Role.CLERK})
    assert change.member.scopes == frozenset(
        {("purpose", "tax_withholding"), ("group", "kind:employee")}
    )
    assert change.member.must_change_password
    session = auth.sign_in(office.data, "tanaka", "Cedar-Window-Lake-19", office.clock)
    assert session.user.must_change_password
    auth.change_password(session, "Cedar-Window-Lake-19", CLERK_PASSWORD)
    assert not session.user.must_change_password
    session.close()
    (created,) = _events(office, "staff.created")[1:]
    assert created[:2] == (MANAGER_LOGIN, "tanaka")
    assert json.loads(created[2])["scopes"] == ["group:kind:employee", "purpose:tax_withholding"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"login": "x"}, "ユーザー名"),
        ({"login": "山田"}, "ユーザー名"),
        ({"display_name": ""}, "氏名"),
        ({"display_name": "田中 123456789012"}, "数字"),
        ({"roles": ["boss"]}, "役割「boss」"),
        ({"roles": []}, "役割を1つ以上"),
        ({"scopes": ["purpose:rousai"]}, "労災保険の給付請求では"),
        ({"scopes": ["purpose:payroll"]}, "事務「payroll」"),
        ({"initial_password": "short"}, "12文字以上"),
        ({"login": MANAGER_LOGIN}, "既に使われています"),
    ],
)
def test_each_input_mistake_has_a_japanese_message(office: Office, kwargs, message) -> None:
    arguments = {
        "login": "tanaka",
        "display_name": "田中 太郎",
        "roles": ["clerk"],
        "scopes": [],
        "initial_password": "Cedar-Window-Lake-19",
        **kwargs,
    }
    with pytest.raises((errors.InvalidInput, errors.PasswordRejected), match=message):
        staff.create_staff(office.manager, **arguments)
    assert staff.list_staff(office.manager)[0].login_name == MANAGER_LOGIN
    assert len(staff.list_staff(office.manager)) == 1


@pytest.mark.parametrize("role", ["clerk", "supervisor", "auditor"])
def test_only_the_manager_administers_staff_and_refusals_are_logged(
    office: Office, role: str
) -> None:
    password = {
        "clerk": CLERK_PASSWORD,
        "supervisor": SUPERVISOR_PASSWORD,
        "auditor": AUDITOR_PASSWORD,
    }[role]
    add_member(office, "member", [role], password)
    session = auth.sign_in(office.data, "member", password, office.clock)
    attempts = [
        lambda: staff.list_staff(session),
        lambda: staff.create_staff(
            session,
            login="other",
            display_name="他 人",
            roles=["clerk"],
            scopes=[],
            initial_password="Cedar-Window-Lake-19",
        ),
        lambda: staff.set_roles(session, "member", ["manager"]),
        lambda: staff.unlock_staff(session, MANAGER_LOGIN),
        lambda: staff.disable_staff(session, MANAGER_LOGIN),
        lambda: staff.reset_password(session, MANAGER_LOGIN, "Cedar-Window-Lake-19"),
    ]
    for attempt in attempts:
        with pytest.raises(errors.PermissionDenied, match="職員アカウントの管理"):
            attempt()
    session.close()
    denied = [e for e in _events(office, "access.denied") if e[0] == "member"]
    assert len(denied) == len(attempts)
    # Nothing changed: still the two accounts, the member still has only their role.
    members = {m.login_name: m for m in staff.list_staff(office.manager)}
    assert set(members) == {MANAGER_LOGIN, "member"}
    assert members["member"].roles == frozenset({Role(role)})


def test_disable_keeps_the_record_and_the_member_is_told(office: Office) -> None:
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD)
    staff.disable_staff(office.manager, "tanaka")
    with pytest.raises(errors.AccountDisabled):
        auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    with pytest.raises(errors.SignInFailed):
        auth.sign_in(office.data, "tanaka", "Wrong-Password-Here-1", office.clock)
    # The disabled slot decrypts nothing: its sealed keys are gone.
    slot_id = office.manager.vault.conn.execute(
        "SELECT slot_id FROM staff WHERE login_name = 'tanaka'"
    ).fetchone()[0]
    slot = office.manager.vault.current_slots().slots[slot_id]
    assert "data_key" not in slot and "number_key" not in slot
    # A reset re-enables with a fresh slot and a temporary password.
    member = staff.reset_password(office.manager, "tanaka", "Cedar-Window-Lake-19").member
    assert member.active and member.must_change_password
    with pytest.raises(errors.SignInFailed):
        auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    auth.sign_in(office.data, "tanaka", "Cedar-Window-Lake-19", office.clock).close()
    assert slot_id not in office.manager.vault.current_slots().slots


def test_the_last_manager_cannot_be_removed_or_disabled(office: Office) -> None:
    with pytest.raises(errors.InvalidInput, match="自分自身"):
        staff.disable_staff(office.manager, MANAGER_LOGIN)
    with pytest.raises(errors.InvalidInput, match="一人もいなくなる"):
        staff.set_roles(office.manager, MANAGER_LOGIN, ["clerk"])
    add_member(office, "second", ["manager"], SUPERVISOR_PASSWORD)
    staff.set_roles(office.manager, MANAGER_LOGIN, ["manager", "auditor"])


def test_two_person_conflict_is_warned(office: Office) -> None:
    change = staff.create_staff(
        office.manager,
        login="both",
        display_name="兼務 者",
        roles=["clerk", "supervisor"],
        scopes=[],
        initial_password="Cedar-Window-Lake-19",
    )
    assert any("提案と承認" in w for w in change.warnings)


def test_unknown_member_is_named(office: Office) -> None:
    with pytest.raises(errors.NotFound, match="nobody"):
        staff.unlock_staff(office.manager, "nobody")


def test_scopes_change_is_audited(office: Office) -> None:
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD)
    member = staff.set_scopes(office.manager, "tanaka", ["dept:総務部", "purpose:payment_records"])
    assert member.scopes == frozenset({("group", "dept:総務部"), ("purpose", "payment_records")})
    assert _events(office, "staff.scopes_changed")[-1][1] == "tanaka"


def test_audit_export_lists_events_without_numbers(office: Office) -> None:
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD)
    data = audit.export_csv(office.manager).decode("utf-8")
    assert data.startswith("\ufeff通し番号,日時,")
    assert "職員アカウント作成" in data
    assert _events(office, "audit.exported")


def test_reissued_recovery_key_replaces_the_old_one(office: Office) -> None:
    from app.services import setup

    old = office.recovery_key_text
    key = setup.reissue_recovery_key(office.manager)
    assert key.display != old
    office.manager.close()
    with pytest.raises(errors.RecoveryKeyRejected):
        auth.open_with_recovery(office.data, old, office.clock)
    session = auth.open_with_recovery(office.data, key.display, office.clock)
    actions = [r[0] for r in session.vault.conn.execute("SELECT action FROM audit_log")]
    assert "recovery.reissued" in actions
    session.close()


def test_only_the_manager_reissues_the_recovery_key(office: Office) -> None:
    from app.services import setup

    add_member(office, "sekinin", ["supervisor"], SUPERVISOR_PASSWORD)
    supervisor = auth.sign_in(office.data, "sekinin", SUPERVISOR_PASSWORD, office.clock)
    with pytest.raises(errors.PermissionDenied, match="回復キー"):
        setup.reissue_recovery_key(supervisor)
    supervisor.close()


def test_the_list_says_who_is_locked_out_and_until_when(office: Office) -> None:
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD)
    for _ in range(5):
        with pytest.raises((errors.SignInFailed, errors.AccountLocked)):
            auth.sign_in(office.data, "tanaka", "Wrong-Password-Here-1", office.clock)
    members = {m.login_name: m for m in staff.list_staff(office.manager)}
    locked = members["tanaka"]
    assert locked.locked and not locked.locked_until_unlocked
    assert locked.locked_until == datetime(2026, 11, 23, 9, 15, tzinfo=JST)  # 15 minutes
    assert not members[MANAGER_LOGIN].locked
    staff.unlock_staff(office.manager, "tanaka")
    assert not {m.login_name: m for m in staff.list_staff(office.manager)}["tanaka"].locked
    assert [target for _, target, _ in _events(office, "staff.unlocked")] == ["tanaka"]
    auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock).close()
    # The lock ends by itself at its time.
    for _ in range(5):
        with pytest.raises((errors.SignInFailed, errors.AccountLocked)):
            auth.sign_in(office.data, "tanaka", "Wrong-Password-Here-1", office.clock)
    office.clock.advance(minutes=16)
    assert not {m.login_name: m for m in staff.list_staff(office.manager)}["tanaka"].locked
