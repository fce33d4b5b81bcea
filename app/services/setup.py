"""First run: create the office's vault, its manager account and the recovery sheet; the demo."""

from __future__ import annotations

import io
import secrets
from dataclasses import dataclass

from app import config, errors, paths
from app.clock import Clock
from app.domain import kana
from app.domain.access import Role
from app.domain.recovery_key import RecoveryKey
from app.domain.scopes import every_scope
from app.domain.staff import StaffMember, check_display_name, check_login
from app.services import audit, authority, passwords
from app.services.guard import renders_paper, storage_errors
from app.session import Session
from storage import crypto, office_repo, staff_repo, vault
from storage.keystore import KIND_FILE, KIND_KEYRING


@dataclass(frozen=True)
class SetupResult:
    session: Session
    recovery_key: RecoveryKey


def _check_office_name(text: str) -> str:
    # As typed: the name is printed on every paper, with its full-width brackets and spaces.
    name = kana.as_typed(text)
    if not 1 <= len(name) <= 100:
        raise errors.InvalidInput("事業所名は1～100文字で入力してください。")
    return name


def initialize(
    data: vault.VaultPaths,
    *,
    office_name: str,
    admin_login: str,
    admin_display_name: str,
    admin_password: str,
    clock: Clock,
    insecure_file_secret: bool = False,
    management_area: str = "",
    handling_area: str = "",
    manager_does_clerical_work: bool = True,
) -> SetupResult:
    """Create the vault with its first account (a manager) and the recovery key.

    In most small offices the manager also does the 事務 (registers people, collects numbers):
    then the account is a clerk too, with every scope, so it can work at once. Without that the
    manager can add staff and decide, but handles no person until given a scope."""
    office = _check_office_name(office_name)
    try:
        login = check_login(admin_login)
        display = check_display_name(admin_display_name)
    except ValueError as exc:
        raise errors.InvalidInput(str(exc)) from None
    password = passwords.check(
        admin_password, login=login, display_name=display, office_name=office
    )
    if data.exists():
        raise errors.AlreadyInitialized()
    key = RecoveryKey(secrets.token_bytes(16))
    with storage_errors():
        opened = vault.create_vault(
            data,
            secret_store=KIND_FILE if insecure_file_secret else KIND_KEYRING,
            recovery_secret=key.secret,
            recovery_kdf=config.slot_kdf(),
        )
        try:
            session = _first_account(
                opened,
                clock,
                office,
                login,
                display,
                password,
                (management_area, handling_area),
                manager_does_clerical_work,
            )
        except BaseException:
            vault.discard_new(opened)
            raise
    return SetupResult(session, key)


def _first_account(
    opened: vault.Vault,
    clock: Clock,
    office: str,
    login: str,
    display: str,
    password: str,
    areas: tuple[str, str],
    clerical: bool,
) -> Session:
    now = clock.now().isoformat(timespec="seconds")
    roles = frozenset({Role.MANAGER, Role.CLERK} if clerical else {Role.MANAGER})
    scopes = every_scope() if clerical else frozenset()
    with opened.write() as writer:
        before = authority.check_rows(writer.conn, opened)
        slot_id, public = opened.add_user_slot(login, password, config.slot_kdf(), own=True)
        staff_id = staff_repo.insert(
            writer.conn,
            login_name=login,
            display_name=display,
            slot_id=slot_id,
            now=now,
            must_change_password=False,
        )
        staff_repo.set_roles(writer.conn, staff_id, frozenset(r.value for r in roles), now)
        staff_repo.set_scopes(writer.conn, staff_id, scopes, now)
        office_repo.insert(writer.conn, office_repo.OfficeRecord(office, *areas, now))
        member = StaffMember(staff_id, login, display, roles, scopes, True, False)
        session = Session(opened, member, clock, {})
        audit.record(
            writer, session, "vault.created", detail={"secret_store": opened.secret_store_kind}
        )
        audit.record(writer, session, "office.created", target=office)
        audit.record(
            writer,
            session,
            "staff.created",
            target=login,
            detail={
                "roles": sorted(r.value for r in roles),
                "scopes": sorted(f"{k}:{v}" for k, v in scopes),
            },
        )
        # The first roster, signed with the manager key the new vault was made with.
        signed = authority.sign(writer, opened, before, now, {slot_id: public})
    grant = authority.keys_to_grant(signed, staff_id)
    assert grant is not None
    opened.grant_role_keys(*grant)
    # From here the session is the manager's, as after a sign-in: a password asked again
    # (re-authentication) is checked against this slot, not the recovery one it opened with.
    opened.slot_id = slot_id
    return session


@renders_paper
def recovery_sheet_pdf(session: Session, key: RecoveryKey) -> bytes:
    """The printed recovery sheet: the one document that carries the recovery key."""
    from reports import fonts
    from reports.recovery_sheet import RecoverySheetData, render_recovery_sheet

    record = office_repo.get(session.vault.conn)
    fonts.configure(paths.fonts_dir())
    out = io.BytesIO()
    render_recovery_sheet(
        RecoverySheetData(
            office_name=record.name if record else "",
            vault_id=session.vault.vault_id,
            recovery_key_groups=key.groups,
            created_on=session.clock.now().date(),
            manager_key_fingerprint=crypto.fingerprint(session.vault.pin),
        ),
        out,
    )
    return out.getvalue()


def reissue_recovery_key(session: Session) -> RecoveryKey:
    """A lost or exposed recovery sheet: a new key replaces the old one for this data."""
    from app.domain.access import Permission

    audit.require(session, Permission.REISSUE_RECOVERY_KEY)
    key = RecoveryKey(secrets.token_bytes(16))
    with storage_errors(), session.vault.write() as writer:
        before = authority.check_rows(writer.conn, session.vault)
        public = session.vault.replace_recovery_key(key.secret, config.slot_kdf())
        audit.record(writer, session, "recovery.reissued")
        authority.sign(
            writer,
            session.vault,
            before,
            session.clock.now().isoformat(timespec="seconds"),
            recovery_public=public,
        )
    return key


def discard_unconfirmed(session: Session) -> None:
    """Set-up cancelled before the recovery sheet was confirmed: nothing may stay usable."""
    with storage_errors():
        vault.discard_new(session.vault)
