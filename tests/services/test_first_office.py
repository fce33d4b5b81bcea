"""A new office's first hour: the manager set up by `initialize` can work at once, and a change
to one's own roles or scopes takes effect in the same session."""

from __future__ import annotations

import pytest

from app import errors
from app.domain.access import Role
from app.domain.scopes import every_scope
from app.services import numbers, people, setup, staff
from storage.layout import VaultPaths
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office

NUMBER = "123456789018"


def _initialize(data: VaultPaths, clock, **options: bool):
    return setup.initialize(
        data,
        office_name="ひとり事業所",
        admin_login=MANAGER_LOGIN,
        admin_display_name="管理 花子",
        admin_password=MANAGER_PASSWORD,
        clock=clock,
        **options,
    )


def test_the_set_up_manager_registers_a_person_and_a_number_at_once(data, clock) -> None:
    session = _initialize(data, clock).session
    try:
        assert session.user.roles == frozenset({Role.MANAGER, Role.CLERK})
        assert session.user.scopes == every_scope()
        person = people.register_employee(session, code="E1", name="山田 太郎", kana_text="ヤマダ")
        numbers.register_number(session, person.id, NUMBER, NUMBER, ["tax_withholding"])
        payee = people.register_payee(
            session, name="講師 一郎", kana_text="コウシ", payment_kind="fees", continuing=False
        )
        assert payee.id != person.id
    finally:
        session.close()


def test_a_manager_set_up_without_the_work_handles_nobody_and_the_refusal_is_logged(
    data, clock
) -> None:
    session = _initialize(data, clock, manager_does_clerical_work=False).session
    try:
        assert session.user.roles == frozenset({Role.MANAGER})
        assert session.user.scopes == frozenset()
        with pytest.raises(errors.PermissionDenied):
            people.register_employee(session, code="E1", name="山田 太郎", kana_text="ヤマダ")
        denied = session.vault.conn.execute(
            "SELECT count(*) FROM audit_log WHERE action LIKE '%denied%'"
        ).fetchone()[0]
        assert denied == 1
    finally:
        session.close()


def test_a_change_to_ones_own_scopes_applies_without_signing_in_again(office: Office) -> None:
    session = office.manager
    with pytest.raises(errors.PermissionDenied):
        people.register_employee(session, code="E1", name="山田 太郎", kana_text="ヤマダ")
    staff.set_scopes(session, MANAGER_LOGIN, ["kind:employee", "purpose:tax_withholding"])
    assert ("group", "kind:employee") in session.user.scopes
    person = people.register_employee(session, code="E1", name="山田 太郎", kana_text="ヤマダ")
    numbers.register_number(session, person.id, NUMBER, NUMBER, ["tax_withholding"])
    # Taking the scope away applies at once too.
    staff.set_scopes(session, MANAGER_LOGIN, [])
    with pytest.raises(errors.PermissionDenied):
        people.register_employee(session, code="E2", name="山田 花子", kana_text="ヤマダ")


def test_a_change_to_ones_own_roles_applies_at_once_and_says_the_pages_need_a_sign_in(
    office: Office,
) -> None:
    session = office.manager
    change = staff.set_roles(session, MANAGER_LOGIN, ["manager", "clerk"])
    assert change.own_roles_changed
    assert session.user.roles == frozenset({Role.MANAGER, Role.CLERK})
    assert any("兼ねています" in w for w in change.warnings)
    again = staff.set_roles(session, MANAGER_LOGIN, ["manager", "clerk"])
    assert not again.own_roles_changed


def test_another_members_change_leaves_my_session_alone(office: Office) -> None:
    from tests.conftest import CLERK_PASSWORD, add_member

    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD, ["kind:employee"])
    before = office.manager.user
    change = staff.set_roles(office.manager, "tanaka", ["clerk", "supervisor"])
    assert not change.own_roles_changed
    staff.set_scopes(office.manager, "tanaka", [])
    assert office.manager.user == before
