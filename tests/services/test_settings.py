"""Settings: manager only, audited, sign-in limits mirrored into the slot file."""

from __future__ import annotations

import pytest

from app import errors
from app.domain.settings import SettingKey
from app.services import auth
from app.services import settings as settings_service
from tests.conftest import CLERK_PASSWORD, MANAGER_LOGIN, MANAGER_PASSWORD, Office, add_member


def test_change_is_audited_with_before_and_after(office: Office) -> None:
    settings_service.change(office.manager, "auto_lock_minutes", "10")
    assert settings_service.current(office.manager)[SettingKey.AUTO_LOCK_MINUTES] == 10
    row = office.manager.vault.conn.execute(
        "SELECT target, detail FROM audit_log WHERE action = 'settings.changed'"
    ).fetchone()
    assert row == ("auto_lock_minutes", '{"after": "10", "before": "5"}')


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("auto_lock_minutes", "45", "1から30"),
        ("auto_lock_minutes", "abc", "整数"),
        ("two_person_rule", "maybe", "オン"),
        ("colour", "blue", "設定「colour」はありません"),
    ],
)
def test_bad_values_are_refused_with_a_reason(
    office: Office, key: str, value: str, message: str
) -> None:
    with pytest.raises(errors.InvalidInput, match=message):
        settings_service.change(office.manager, key, value)


def test_failed_sign_in_limit_applies_before_the_database_opens(office: Office) -> None:
    settings_service.change(office.manager, "failed_signin_limit", "3")
    office.manager.close()
    for _ in range(2):
        with pytest.raises(errors.SignInFailed):
            auth.sign_in(office.data, MANAGER_LOGIN, "Wrong-Password-Here-1", office.clock)
    with pytest.raises(errors.AccountLocked):
        auth.sign_in(office.data, MANAGER_LOGIN, "Wrong-Password-Here-1", office.clock)
    office.clock.advance(minutes=15, seconds=1)
    auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock).close()


def test_clerk_may_not_change_settings(office: Office) -> None:
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD)
    clerk = auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    with pytest.raises(errors.PermissionDenied, match="設定の変更"):
        settings_service.change(clerk, "auto_lock_minutes", "30")
    clerk.close()
    assert settings_service.current(office.manager)[SettingKey.AUTO_LOCK_MINUTES] == 5
