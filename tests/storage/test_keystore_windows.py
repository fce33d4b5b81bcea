"""The Windows keyring branch (#20 items 2 and 3): keyring's own WinVaultKeyring over a fake
Credential Manager (tests/support/fake_win32cred.py), on any system."""

from __future__ import annotations

import pytest

from app import errors
from app.clock import FakeClock
from app.domain.settings import SettingKey
from app.services import auth, settings, setup
from storage import errors as storage_errors
from storage.keystore import KeyringStore
from storage.vault import VaultPaths
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD
from tests.support import fake_win32cred
from tests.support.fake_win32cred import CredentialManager

WINDOWS = "keyring.backends.Windows.WinVaultKeyring"


@pytest.fixture
def manager(monkeypatch: pytest.MonkeyPatch) -> CredentialManager:
    fake = CredentialManager()
    fake_win32cred.install(monkeypatch, fake)
    return fake


def test_credential_manager_keeps_secrets_on_this_pc_only(manager: CredentialManager) -> None:
    store = KeyringStore()
    assert store.backend_name == WINDOWS
    store.put("machine", "secret")
    assert store.get("machine") == "secret"
    assert [w["Persist"] for w in manager.writes] == [fake_win32cred.CRED_PERSIST_LOCAL_MACHINE]
    store.delete("machine")
    store.delete("machine")  # already gone: not an error
    assert store.get("machine") is None


@pytest.mark.parametrize("named", ["", WINDOWS])
def test_the_environment_cannot_bring_back_roaming_persistence(
    manager: CredentialManager, monkeypatch: pytest.MonkeyPatch, named: str
) -> None:
    """keyring applies KEYRING_PROPERTY_* at construction; ENTERPRISE roams with the profile."""
    monkeypatch.setenv("KEYRING_PROPERTY_PERSIST", "enterprise")
    if named:
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", named)
    KeyringStore().put("machine", "secret")
    assert manager.writes[-1]["Persist"] == fake_win32cred.CRED_PERSIST_LOCAL_MACHINE


def test_a_bad_persistence_in_the_environment_is_refused_not_a_crash(
    manager: CredentialManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEYRING_PROPERTY_PERSIST", "everywhere")
    with pytest.raises(storage_errors.KeystoreUnavailable):
        KeyringStore()


@pytest.mark.parametrize(
    "named", ["keyrings.alt.file.PlaintextKeyring", "keyring.backends.null.Keyring"]
)
def test_no_other_backend_on_windows(
    manager: CredentialManager, monkeypatch: pytest.MonkeyPatch, named: str
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", named)
    with pytest.raises(storage_errors.KeystoreUnavailable):
        KeyringStore()


def test_without_pywin32_ctypes_the_keyring_is_unavailable_not_a_name_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """This system has no win32ctypes: keyring's Windows backend imports, but is not viable."""
    from storage import keystore

    monkeypatch.setattr(keystore, "_platform", lambda: "win32")
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    with pytest.raises(storage_errors.KeystoreUnavailable, match="pywin32-ctypes"):
        KeyringStore()


def test_a_refused_credential_manager_is_the_fail_closed_message(
    manager: CredentialManager,
) -> None:
    manager.refuse_reads = fake_win32cred.ERROR_NO_SUCH_LOGON_SESSION
    with pytest.raises(storage_errors.KeystoreUnavailable) as refused:
        KeyringStore().get("machine")
    assert "1312" in str(refused.value)
    assert "平文での保存は行いません" in errors.from_storage(refused.value).message


def test_sign_in_over_ssh_says_the_keyring_is_unavailable(
    manager: CredentialManager, data: VaultPaths, clock: FakeClock
) -> None:
    setup.initialize(
        data,
        office_name="事業所",
        admin_login=MANAGER_LOGIN,
        admin_display_name="管理 花子",
        admin_password=MANAGER_PASSWORD,
        clock=clock,
    ).session.close()
    manager.refuse_reads = fake_win32cred.ERROR_NO_SUCH_LOGON_SESSION
    with pytest.raises(errors.KeystoreUnavailable):
        auth.sign_in(data, MANAGER_LOGIN, MANAGER_PASSWORD, clock)


def test_a_change_saved_while_the_anchor_cannot_be_written_is_reported_saved(
    manager: CredentialManager, data: VaultPaths, clock: FakeClock
) -> None:
    """The anchor is written after COMMIT: a refusal there must not turn a saved change into
    a reported failure. The change stands, the anchor is marked stale and caught up later."""
    session = setup.initialize(
        data,
        office_name="事業所",
        admin_login=MANAGER_LOGIN,
        admin_display_name="管理 花子",
        admin_password=MANAGER_PASSWORD,
        clock=clock,
    ).session
    try:
        manager.refuse_writes = fake_win32cred.ERROR_NO_SUCH_LOGON_SESSION
        settings.change(session, SettingKey.AUTO_LOCK_MINUTES.value, "10")
        assert session.vault.anchor_stale
        assert settings.current(session)[SettingKey.AUTO_LOCK_MINUTES] == 10
        manager.refuse_writes = 0
        settings.change(session, SettingKey.AUTO_LOCK_MINUTES.value, "12")
        assert not session.vault.anchor_stale
        assert session.vault.anchor() == session.vault.audit_head()
    finally:
        session.close()
