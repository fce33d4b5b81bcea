"""Roles and permissions of SPEC §1."""

from __future__ import annotations

import pytest

from app.domain.access import (
    ROLE_PERMISSIONS,
    Permission,
    Role,
    may,
    may_see_numbers,
    parse_roles,
    two_person_conflicts,
)


@pytest.mark.parametrize(
    ("roles", "permission", "allowed"),
    [
        ({Role.CLERK}, Permission.HANDLE_NUMBERS, True),
        ({Role.CLERK}, Permission.MANAGE_STAFF, False),
        ({Role.CLERK}, Permission.READ_AUDIT, False),
        ({Role.SUPERVISOR}, Permission.READ_AUDIT, True),
        ({Role.SUPERVISOR}, Permission.MANAGE_SETTINGS, False),
        ({Role.MANAGER}, Permission.MANAGE_STAFF, True),
        ({Role.MANAGER}, Permission.MAKE_BACKUP, True),
        ({Role.AUDITOR}, Permission.READ_AUDIT, True),
        ({Role.AUDITOR}, Permission.EXPORT_AUDIT, True),
        ({Role.AUDITOR}, Permission.HANDLE_NUMBERS, False),
        ({Role.AUDITOR}, Permission.MANAGE_STAFF, False),
        (set(), Permission.READ_AUDIT, False),
    ],
)
def test_permission_table(roles: set[Role], permission: Permission, allowed: bool) -> None:
    assert may(frozenset(roles), permission) is allowed


def test_auditor_alone_never_gets_the_number_key() -> None:
    assert not may_see_numbers(frozenset({Role.AUDITOR}))
    for role in (Role.CLERK, Role.SUPERVISOR, Role.MANAGER):
        assert may_see_numbers(frozenset({role}))


def test_every_role_and_permission_is_labelled_in_japanese() -> None:
    assert set(ROLE_PERMISSIONS) == set(Role)
    for role in Role:
        assert role.label.endswith("者")
    for permission in Permission:
        assert permission.label


def test_conflicts_are_warned() -> None:
    assert two_person_conflicts(frozenset({Role.CLERK})) == []
    assert len(two_person_conflicts(frozenset({Role.CLERK, Role.SUPERVISOR}))) == 1
    assert len(two_person_conflicts(frozenset({Role.AUDITOR, Role.MANAGER}))) == 1


def test_parse_roles_names_the_unknown_one() -> None:
    assert parse_roles(["Clerk", " manager "]) == frozenset({Role.CLERK, Role.MANAGER})
    with pytest.raises(ValueError, match="boss"):
        parse_roles(["clerk", "boss"])
