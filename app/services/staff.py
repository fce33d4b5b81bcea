"""Staff accounts (manager only): create, disable, unlock, roles, scopes, password reset."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from app import config, errors
from app.domain import scopes as scope_rules
from app.domain.access import Permission, Role, parse_roles, two_person_conflicts
from app.domain.my_number import echo
from app.domain.staff import StaffMember, check_display_name, check_login, normalize_login
from app.services import audit, authority, number_keys, passwords
from app.services.auth import member_from
from app.services.guard import storage_errors
from app.session import Session
from storage import staff_repo
from storage.errors import StorageError
from storage.keyslots import NUMBER_KEY, NUMBER_KEY_NEXT, ROLE_KEYS


@dataclass(frozen=True)
class StaffChange:
    member: StaffMember
    warnings: tuple[str, ...]
    # The signed-in member changed their own roles: permissions apply at once (the session's
    # member is replaced), but the pages shown are those of the sign-in until the next one.
    own_roles_changed: bool = False
    # What the manager should know afterwards (the number key replaced, older backups).
    notices: tuple[str, ...] = ()


def _apply_to_own_session(session: Session, member: StaffMember) -> None:
    """A change to one's own account takes effect at once: every service reads session.user."""
    if member.id == session.user.id:
        session.user = member


def _now(session: Session) -> str:
    return session.clock.now().isoformat(timespec="seconds")


def list_staff(session: Session) -> list[StaffMember]:
    """Every account with its state, the sign-in lock included (it lives in the key-slot
    file, so it is read there, for all members at once)."""
    audit.require(session, Permission.MANAGE_STAFF)
    with storage_errors():
        records = staff_repo.all_staff(session.vault.conn)
        locks = session.vault.throttle_states([r.login_name for r in records], session.clock.now())
    return [
        dataclasses.replace(
            member_from(r),
            locked_until=locks[r.login_name].locked_until,
            locked_until_unlocked=locks[r.login_name].manual_lock,
        )
        for r in records
    ]


def _find(session: Session, login: str) -> staff_repo.StaffRecord:
    found = staff_repo.by_login(session.vault.conn, normalize_login(login))
    if found is None:
        raise errors.NotFound(f"ユーザー「{echo(normalize_login(login))}」は登録されていません。")
    return found


def _parse_roles(values: list[str]) -> frozenset[Role]:
    try:
        roles = parse_roles(values)
    except ValueError as exc:
        raise errors.InvalidInput(
            f"役割「{echo(str(exc))}」はありません。clerk（事務取扱担当者）、supervisor（事務取扱責任者）、"
            "manager（特定個人情報管理責任者）、auditor（監査責任者）から選んでください。"
        ) from None
    if not roles:
        raise errors.InvalidInput("役割を1つ以上指定してください。")
    return roles


def _parse_scopes(values: list[str]) -> frozenset[tuple[str, str]]:
    try:
        return frozenset(scope_rules.parse_scope(v) for v in values)
    except ValueError as exc:
        raise errors.InvalidInput(str(exc)) from None


def create_staff(
    session: Session,
    *,
    login: str,
    display_name: str,
    roles: list[str],
    scopes: list[str],
    initial_password: str,
) -> StaffChange:
    """A new account that must choose its own password at first sign-in."""
    audit.require(session, Permission.MANAGE_STAFF)
    try:
        name = check_login(login)
        shown = check_display_name(display_name)
    except ValueError as exc:
        raise errors.InvalidInput(str(exc)) from None
    role_set = _parse_roles(roles)
    scope_set = _parse_scopes(scopes)
    password = passwords.check(initial_password, login=name, display_name=shown)
    conn = session.vault.conn
    if staff_repo.by_login(conn, name) is not None:
        raise errors.InvalidInput(f"ユーザー名「{name}」は既に使われています。")
    now = _now(session)
    # The slot is made with the data key only and given its role keys once the account and
    # the roster naming its public key are committed: a crash in between leaves a slot that
    # opens nothing of the numbers.
    with storage_errors():
        _drop_orphans(session, name)
        slot_id, public = session.vault.add_user_slot(name, password, config.slot_kdf())
    with _drop_slot_on_failure(session, slot_id), session.vault.write() as writer:
        before = authority.check_rows(writer.conn, session.vault)
        staff_id = staff_repo.insert(
            writer.conn,
            login_name=name,
            display_name=shown,
            slot_id=slot_id,
            now=now,
            must_change_password=True,
        )
        staff_repo.set_roles(writer.conn, staff_id, frozenset(r.value for r in role_set), now)
        staff_repo.set_scopes(writer.conn, staff_id, scope_set, now)
        audit.record(
            writer,
            session,
            "staff.created",
            target=name,
            detail={
                "roles": sorted(r.value for r in role_set),
                "scopes": sorted(f"{k}:{v}" for k, v in scope_set),
            },
        )
        signed = authority.sign(writer, session.vault, before, now, {slot_id: public})
        created = staff_repo.get(writer.conn, staff_id)
    _grant(session, signed, staff_id)
    assert created is not None
    return StaffChange(member_from(created), tuple(two_person_conflicts(role_set)))


def _grant(session: Session, signed: authority.SignedRoster, staff_id: int) -> None:
    """After the commit: the role keys the signed entry allows, sealed to the public key it
    names. A key this session does not hold is left for a manager who does."""
    grant = authority.keys_to_grant(signed, staff_id)
    if grant is not None:
        slot_id, names, public = grant
        with storage_errors():
            session.vault.grant_role_keys(slot_id, names, public)


def _held_number_key(
    session: Session, before: authority.RosterState, target: staff_repo.StaffRecord
) -> bool:
    """Whether the member's slot holds, or may have held, the number key: the signed entry
    allowed it, or the slot file has it. Taking it away then replaces the key, since a copy
    of the slot file taken earlier would still open the old one."""
    entry = before.newest.roster.member(target.id) if before.newest else None
    if entry is not None and NUMBER_KEY in authority.entry_keys(entry):
        return True
    slots = session.vault.current_slots()
    return bool(target.slot_id) and any(
        slots.has_key(target.slot_id, name) for name in (NUMBER_KEY, NUMBER_KEY_NEXT)
    )


def _rotate(session: Session, due: bool) -> tuple[str, ...]:
    """After the commit of a revocation: the number key replaced (or left due), and what the
    manager is told about it and about older backups."""
    if not due:
        return ()
    notice = number_keys.rotate_if_due(session).notice
    return (notice,) if notice else ()


def _drop_orphans(session: Session, login: str) -> None:
    """Slots of this login that no account owns (a create or reset a crash cut before its
    commit) go before a new one is made: otherwise the same temporary password would open
    the orphan first and the sign-in would find no account for it."""
    owned = {r.slot_id for r in staff_repo.all_staff(session.vault.conn) if r.slot_id}
    session.vault.remove_orphan_slots(login, owned)


@contextmanager
def _drop_slot_on_failure(session: Session, slot_id: str) -> Iterator[None]:
    """The slot file is written before the account row commits; if the commit fails (a full
    disk), the new slot is removed again so no unreferenced slot is left behind. Storage
    failures inside are translated for the user."""
    try:
        with storage_errors():
            yield
    except BaseException:
        with contextlib.suppress(StorageError, OSError):
            session.vault.remove_slot(slot_id)
        raise


def _ensure_manager_remains(
    session: Session, target: staff_repo.StaffRecord, losing_manager: bool
) -> None:
    if (
        losing_manager
        and Role.MANAGER.value in target.roles
        and target.active
        and staff_repo.count_active_with_role(session.vault.conn, Role.MANAGER.value) <= 1
    ):
        raise errors.InvalidInput(
            "特定個人情報管理責任者が一人もいなくなるため、この変更はできません。"
            "先に別の職員を管理責任者にしてください。"
        )


def disable_staff(session: Session, login: str) -> StaffChange:
    """The slot loses every key before the account is marked disabled; a member who held the
    number key makes it due for replacement in the same transaction, and it is replaced
    right after (storage/key_rotation.py)."""
    audit.require(session, Permission.MANAGE_STAFF)
    target = _find(session, login)
    if target.id == session.user.id:
        raise errors.InvalidInput("自分自身のアカウントは無効にできません。")
    if not target.active:
        raise errors.InvalidInput(f"「{target.login_name}」は既に無効です。")
    _ensure_manager_remains(session, target, losing_manager=True)
    with storage_errors(), session.vault.write() as writer:
        before = authority.check_rows(writer.conn, session.vault)
        rotate = _held_number_key(session, before, target)
        if target.slot_id:
            session.vault.disable_slot(target.slot_id)
        staff_repo.mark_disabled(writer.conn, target.id, _now(session))
        if rotate:
            number_keys.mark_due(writer.conn, number_keys.REVOCATION, _now(session))
        audit.record(writer, session, "staff.disabled", target=target.login_name)
        authority.sign(writer, session.vault, before, _now(session))
        updated = staff_repo.get(writer.conn, target.id)
    assert updated is not None
    return StaffChange(member_from(updated), (), notices=_rotate(session, rotate))


def unlock_staff(session: Session, login: str) -> None:
    """Clear the failed sign-in counter and lock of a login (the staff page's ロック解除 and
    the CLI's `users unlock`)."""
    audit.require(session, Permission.MANAGE_STAFF)
    target = _find(session, login)
    with storage_errors(), session.vault.write() as writer:
        session.vault.clear_lock(target.login_name)
        audit.record(writer, session, "staff.unlocked", target=target.login_name)


def set_roles(session: Session, login: str, roles: list[str]) -> StaffChange:
    """Change roles; the role keys (number, manager, auditor) are sealed into or removed from
    the member's slot to match.

    Two files change, so the order keeps a crash on the safe side (SECURITY.md §6a): a key
    is taken away before the roles commit, and given only after they did, to the public key
    the signed roster names. A crash can leave a member without a key their roles allow (the
    manager saves the roles again), never with one they do not."""
    audit.require(session, Permission.MANAGE_STAFF)
    target = _find(session, login)
    role_set = _parse_roles(roles)
    _ensure_manager_remains(session, target, losing_manager=Role.MANAGER not in role_set)
    revoked = authority.revocable(role_set, target.active)
    with storage_errors(), session.vault.write() as writer:
        before = authority.check_rows(writer.conn, session.vault)
        rotate = NUMBER_KEY in revoked and _held_number_key(session, before, target)
        if target.slot_id:
            session.vault.revoke_role_keys(target.slot_id, revoked)
        staff_repo.set_roles(
            writer.conn, target.id, frozenset(r.value for r in role_set), _now(session)
        )
        if rotate:
            number_keys.mark_due(writer.conn, number_keys.REVOCATION, _now(session))
        audit.record(
            writer,
            session,
            "staff.roles_changed",
            target=target.login_name,
            detail={"before": sorted(target.roles), "after": sorted(r.value for r in role_set)},
        )
        signed = authority.sign(writer, session.vault, before, _now(session))
        updated = staff_repo.get(writer.conn, target.id)
    _grant(session, signed, target.id)
    notices = _rotate(session, rotate)
    assert updated is not None
    member = member_from(updated)
    _apply_to_own_session(session, member)
    return StaffChange(
        member,
        tuple(two_person_conflicts(role_set)),
        own_roles_changed=member.id == session.user.id
        and member.roles != frozenset(parse_roles(target.roles)),
        notices=notices,
    )


def set_scopes(session: Session, login: str, scopes: list[str]) -> StaffMember:
    audit.require(session, Permission.MANAGE_STAFF)
    target = _find(session, login)
    scope_set = _parse_scopes(scopes)
    with storage_errors(), session.vault.write() as writer:
        before = authority.check_rows(writer.conn, session.vault)
        staff_repo.set_scopes(writer.conn, target.id, scope_set, _now(session))
        audit.record(
            writer,
            session,
            "staff.scopes_changed",
            target=target.login_name,
            detail={"after": sorted(f"{k}:{v}" for k, v in scope_set)},
        )
        authority.sign(writer, session.vault, before, _now(session))
        updated = staff_repo.get(writer.conn, target.id)
    assert updated is not None
    member = member_from(updated)
    _apply_to_own_session(session, member)
    return member


def reset_password(session: Session, login: str, new_password: str) -> StaffChange:
    """A fresh slot with a temporary password; the member must change it at next sign-in.
    Also re-enables a disabled account. The old slot goes; if it held the number key, the key
    is replaced too (a copy of the old slot would open it with the old password)."""
    audit.require(session, Permission.MANAGE_STAFF)
    target = _find(session, login)
    password = passwords.check(
        new_password, login=target.login_name, display_name=target.display_name
    )
    old_slot = target.slot_id
    with storage_errors():
        _drop_orphans(session, target.login_name)
        slot_id, public = session.vault.add_user_slot(
            target.login_name, password, config.slot_kdf()
        )
    with _drop_slot_on_failure(session, slot_id), session.vault.write() as writer:
        before = authority.check_rows(writer.conn, session.vault)
        rotate = _held_number_key(session, before, target)
        if old_slot:
            # Before the commit (the safe side): a crash after it must not leave the old
            # password opening role keys from a slot no account owns any more.
            session.vault.revoke_role_keys(old_slot, frozenset(ROLE_KEYS))
        staff_repo.set_slot(
            writer.conn, target.id, slot_id, must_change_password=True, now=_now(session)
        )
        if rotate:
            number_keys.mark_due(writer.conn, number_keys.REVOCATION, _now(session))
        audit.record(
            writer,
            session,
            "staff.password_reset",
            target=target.login_name,
            detail={"reenabled": not target.active},
        )
        signed = authority.sign(writer, session.vault, before, _now(session), {slot_id: public})
        updated = staff_repo.get(writer.conn, target.id)
    _grant(session, signed, target.id)
    if old_slot:
        with storage_errors():
            session.vault.remove_slot(old_slot)
            session.vault.clear_lock(target.login_name)
    assert updated is not None
    return StaffChange(member_from(updated), (), notices=_rotate(session, rotate))
