"""Signing in and out, password changes, and opening with the recovery key."""

from __future__ import annotations

from app import config, errors
from app.clock import Clock
from app.domain import recovery_key, settings
from app.domain.access import Role, may_see_numbers, parse_roles
from app.domain.staff import StaffMember, normalize_login
from app.services import audit, authority, checkpoints, maintenance, number_keys, passwords
from app.services.guard import storage_errors
from app.session import Session
from storage import settings_repo, staff_repo, vault
from storage.audit_chain import AuditEvent
from storage.errors import CredentialsRejected
from storage.keyslots import MANAGER_KEY, ROLE_KEYS
from storage.staff_repo import StaffRecord
from storage.vault import Writer

RECOVERY_ACTOR = StaffMember(
    id=0,
    login_name="(recovery-key)",
    display_name="回復キー使用者",
    roles=frozenset({Role.MANAGER}),
    scopes=frozenset(),
    active=True,
    must_change_password=False,
)


# What the slot file (and this PC's sign-in counter) keeps of a wrong password until the next
# sign-in writes it into the access log.
# Events counted or kept in the slot file and logged at the next sign-in: failed tries, and a
# password change whose database write never committed.
_PENDING_ACTIONS = frozenset({"signin.failed", "restore.failed", "staff.password_changed"})


def member_from(record: StaffRecord) -> StaffMember:
    return StaffMember(
        id=record.id,
        login_name=record.login_name,
        display_name=record.display_name,
        roles=parse_roles(record.roles),
        scopes=record.scopes,
        active=record.active,
        must_change_password=record.must_change_password,
    )


def _load_settings(opened: vault.Vault) -> dict[settings.SettingKey, int | bool]:
    return settings.resolve(settings_repo.all_values(opened.conn))


def sign_in(
    paths: vault.VaultPaths, login: str, password: str, clock: Clock, *, record: bool = True
) -> Session:
    """Open the vault with a member's password. With `record=False` nothing is written (the
    integrity check uses it, so a damaged database is only read)."""
    name = normalize_login(login)
    with storage_errors():
        opened = vault.unlock_with_password(paths, name, password, clock.now())
        try:
            try:
                check = authority.check_sign_in(opened)
            except errors.AuthorityInvalid:
                if staff_repo.by_slot(opened.conn, opened.slot_id) is None:
                    # A slot left behind by an interrupted change: it opens nothing.
                    raise errors.SignInFailed(None) from None
                raise
            found = staff_repo.get(opened.conn, check.entry.staff_id)
            if found is None:
                raise errors.AuthorityInvalid()
            member = authority.member_of(check.entry, found)
            _drop_unsigned_keys(opened, check)
            session = Session(opened, member, clock, _load_settings(opened))
            if record:
                _record_sign_in(session, check)
                # Before anything the member does: a number key a revocation or a deletion
                # left due (or a rotation cut off) is replaced now, if this session holds it.
                number_keys.at_sign_in(session)
                checkpoints.make(session)
                checkpoints.watch(session)
                maintenance.rebuild_if_pending(session)
        except BaseException:
            opened.close()
            raise
    return session


def _drop_unsigned_keys(opened: vault.Vault, check: authority.SignInCheck) -> None:
    """Role keys the member's slot holds beyond what the signed entry allows (a change a
    crash cut after the file was written) are taken away, from the session and the file."""
    extra = frozenset(
        name for name in ROLE_KEYS if opened.has_role_key(name)
    ) - authority.entry_keys(check.entry)
    if extra:
        opened.forget_role_keys(extra)
        opened.revoke_role_keys(opened.slot_id, extra)


def _record_sign_in(session: Session, check: authority.SignInCheck) -> None:
    """Failed tries counted outside the database (sign-ins, and restores with a staff
    password) are written into the log at the next sign-in, together with this one, and only
    then removed from where they were counted. Staff rows that differ from the signed roster
    are put back as signed, and the log names them."""
    opened = session.vault
    pending = opened.pending_auth_events()
    names = {opened.login_id(s.login_name): s for s in staff_repo.all_staff(opened.conn)}
    with opened.write() as writer:
        if check.differing:
            restored = authority.restore_rows(writer.conn, opened, _now(session))
            audit.record(writer, session, "authority.restored", detail={"logins": restored})
        if check.forged_versions:
            audit.record(
                writer,
                session,
                "authority.forged",
                detail={"versions": check.forged_versions},
            )
        for event in pending:
            known = names.get(event["login_id"])
            action = event.get("event")
            writer.audit(
                AuditEvent(
                    known.id if known else None,
                    known.login_name if known else "(unknown)",
                    action if action in _PENDING_ACTIONS else "signin.failed",
                    detail={"at": event["ts"][:19]},
                ),
                session.clock.now(),
            )
        audit.record(writer, session, "signin.succeeded")
        if opened.has_role_key(MANAGER_KEY):
            _finish_interrupted_disables(writer, session)
            _remove_unowned_slots(writer, session)
            finished = authority.finish_grants(opened)
            if finished:
                audit.record(writer, session, "authority.keys_given", detail={"logins": finished})
    if pending:
        opened.clear_auth_events(pending)


def _finish_interrupted_disables(writer: Writer, session: Session) -> None:
    """A disable writes the slot file first (the member can no longer open anything) and then
    the database; if the second write was lost, the account still reads 有効. The file, the
    safe side, wins: the account is marked disabled, the roster signed again, and the access
    log says so. Only a manager's sign-in can sign; until then the slot opens nothing."""
    active = [r for r in staff_repo.all_staff(writer.conn) if r.active and r.slot_id]
    disabled = session.vault.disabled_slots([r.slot_id for r in active if r.slot_id])
    if not disabled:
        return
    before = authority.check_rows(writer.conn, session.vault)
    for record in active:
        if record.slot_id in disabled:
            staff_repo.mark_disabled(writer.conn, record.id, _now(session))
            if may_see_numbers(parse_roles(record.roles)):
                number_keys.mark_due(writer.conn, number_keys.REVOCATION, _now(session))
            audit.record(
                writer,
                session,
                "staff.disabled",
                target=record.login_name,
                detail={"finished_at_sign_in": True},
            )
    authority.sign(writer, session.vault, before, _now(session))


def _remove_unowned_slots(writer: Writer, session: Session) -> None:
    """Slots no signed version and no account names, left by a create or a reset a crash
    cut: the manager's sign-in removes them, so no old or temporary password keeps opening
    the data key from them."""
    owned = authority.named_slots(writer.conn, session.vault)
    removed = session.vault.remove_unowned_slots(owned)
    if removed:
        audit.record(writer, session, "staff.slots_removed", detail={"slots": removed})


def sign_out(session: Session) -> None:
    if not session.is_open:
        return
    try:
        session.vault.on_commit = None
        with session.vault.write() as writer:
            audit.record(writer, session, "signout")
        checkpoints.make(session)
    finally:
        session.close()


def change_password(session: Session, old_password: str, new_password: str) -> None:
    """The member's own change; only their slot is rewrapped, the database is not rewritten."""
    user = session.user
    new = passwords.check(new_password, login=user.login_name, display_name=user.display_name)
    if new == old_password:
        raise errors.InvalidInput("新しいパスワードが現在のパスワードと同じです。")
    with storage_errors(), session.vault.write() as writer:
        try:
            pending = session.vault.change_password(
                session.vault.slot_id,
                old_password,
                new,
                config.slot_kdf(),
                login=user.login_name,
                now=session.clock.now(),
            )
        except CredentialsRejected:
            raise errors.InvalidInput("現在のパスワードが違います。") from None
        staff_repo.clear_must_change(writer.conn, user.id, _now(session))
        audit.record(writer, session, "staff.password_changed", target=user.login_name)
    session.user = StaffMember(**{**vars(user), "must_change_password": False})
    # Logged now: the copy kept in the slot file is no longer needed. A crash before this
    # line logs the change twice, never not at all.
    with storage_errors():
        session.vault.clear_auth_events([pending])


def reauthenticate(session: Session, password: str) -> None:
    """The member's password again before a sensitive change; a wrong one counts as a failed
    sign-in (and can lock the account) like any other."""
    with storage_errors():
        session.vault.check_password(session.user.login_name, password, session.clock.now())


def open_with_recovery(paths: vault.VaultPaths, key_text: str, clock: Clock) -> Session:
    """The recovery key opens everything; on another PC it binds the data to this one."""
    try:
        key = recovery_key.parse(key_text)
    except recovery_key.MalformedRecoveryKey:
        raise errors.RecoveryKeyMalformed() from None
    with storage_errors():
        try:
            opened = vault.unlock_with_recovery(paths, key.secret)
        except CredentialsRejected:
            raise errors.RecoveryKeyRejected() from None
        session = Session(opened, RECOVERY_ACTOR, clock, _load_settings(opened))
        with opened.write() as writer:
            audit.record(writer, session, "vault.recovery_opened")
            if opened.rebound:
                audit.record(writer, session, "vault.rebound")
            action = authority.after_recovery_open(writer, opened, _now(session))
            if action is not None:
                audit.record(writer, session, action)
    number_keys.at_sign_in(session)
    checkpoints.make(session)
    return session


def _now(session: Session) -> str:
    return session.clock.now().isoformat(timespec="seconds")
