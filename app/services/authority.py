"""Who may do what, as the manager signed it (SECURITY.md §6a; the threat model is in
docs/SECURITY.md of this project).

The staff tables are what the program reads, but any member can rewrite them with the data key;
the signed roster (storage/roster.py) is what counts. Every change of an account signs a new
version in the same transaction; a sign-in takes the member's roles, scopes and state from the
newest version that verifies under the manager key pinned in the member's own password wrap,
and puts back every staff row that differs from it (the signed side wins, and the access log
says which). Role keys are sealed only to the public keys a signed version names.
"""

from __future__ import annotations

from dataclasses import dataclass

from app import errors
from app.domain.access import Role, may_see_numbers, parse_roles
from app.domain.staff import StaffMember
from storage import crypto, roster, staff_repo
from storage.connection import Connection
from storage.keyslots import AUDITOR_KEY, MANAGER_KEY, NUMBER_KEY, ROLE_KEYS
from storage.roster import RosterEntry, RosterState, SignedRoster
from storage.staff_repo import StaffRecord
from storage.vault import Vault, Writer
from storage.vault_slots import RECOVERY_SLOT, SlotExpectation


def role_keys_for(roles: frozenset[Role]) -> frozenset[str]:
    """The keys a slot holds for these roles: the number key for the roles that handle
    numbers, the manager key for the manager, and the auditor key for the auditor and for the
    manager (who gives it to a new auditor)."""
    names = set()
    if may_see_numbers(roles):
        names.add(NUMBER_KEY)
    if Role.MANAGER in roles:
        names.update({MANAGER_KEY, AUDITOR_KEY})
    if Role.AUDITOR in roles:
        names.add(AUDITOR_KEY)
    return frozenset(names)


def entry_keys(entry: RosterEntry) -> frozenset[str]:
    return role_keys_for(parse_roles(entry.roles)) if entry.active else frozenset()


def _state(opened: Vault) -> RosterState:
    return roster.state(opened.conn, opened.pin, opened.vault_id)


@dataclass(frozen=True)
class SignInCheck:
    entry: RosterEntry
    # Logins whose staff rows differ from the signed roster, and stored versions that do not
    # verify (forged or altered): both put right or recorded at the sign-in.
    differing: tuple[str, ...]
    forged_versions: int


def check_sign_in(opened: Vault) -> SignInCheck:
    """The signed roster's word on the member whose slot opened the vault. Refused when no
    version verifies, when the roster does not name this slot, or when the slot's public key
    is not the one it names (a slot put in by hand)."""
    state = _state(opened)
    if state.newest is None:
        raise errors.AuthorityInvalid()
    entry = state.newest.roster.by_slot(opened.slot_id)
    if entry is None or entry.public_bytes != opened.current_slots().public_key(opened.slot_id):
        raise errors.AuthorityInvalid()
    if not entry.active:
        raise errors.AccountDisabled()
    differing = roster.differences(state.newest.roster, staff_repo.all_staff(opened.conn))
    return SignInCheck(entry, tuple(differing), state.invalid)


def member_of(entry: RosterEntry, record: StaffRecord) -> StaffMember:
    """The session's member: authorisation from the signed entry, the rest from the row."""
    return StaffMember(
        id=entry.staff_id,
        login_name=entry.login,
        display_name=record.display_name,
        roles=parse_roles(entry.roles),
        scopes=entry.scope_pairs(),
        active=entry.active,
        must_change_password=record.must_change_password,
    )


def restore_rows(conn: Connection, opened: Vault, now: str) -> list[str]:
    """Put every staff row back as the newest signed version has it; returns the logins."""
    state = _state(opened)
    assert state.newest is not None
    signed = state.newest.roster
    changed = roster.differences(signed, staff_repo.all_staff(conn))
    records = staff_repo.all_staff(conn)
    for record in records:
        if signed.member(record.id) is None:
            staff_repo.neutralize(conn, record.id, now)
    # Swapped logins or slots would collide with the unique columns half-way through.
    known = [r for r in records if r.login_name in changed and signed.member(r.id) is not None]
    staff_repo.release_identity(conn, [r.id for r in known])
    for record in known:
        entry = signed.member(record.id)
        assert entry is not None
        staff_repo.apply_authorization(
            conn,
            record.id,
            login_name=entry.login,
            active=entry.active,
            slot_id=entry.slot_id,
            roles=frozenset(entry.roles),
            scopes=entry.scope_pairs(),
            now=now,
        )
    return changed


def check_rows(conn: Connection, opened: Vault) -> RosterState:
    """Before a change is signed: the rows must be what the last signature says, or the
    change would sign someone's edit along with it. The recovery key's holder may sign the
    rows as they stand (the way back when no version verifies)."""
    state = roster.state(conn, opened.pin, opened.vault_id)
    if opened.slot_id == RECOVERY_SLOT:
        return state
    if state.newest is None:
        raise errors.AuthorityInvalid()
    if roster.differences(state.newest.roster, staff_repo.all_staff(conn)):
        raise errors.AuthorityChanged()
    return state


def sign(
    writer: Writer,
    opened: Vault,
    before: RosterState,
    now: str,
    new_keys: dict[str, bytes] | None = None,
    *,
    recovery_public: bytes | None = None,
) -> SignedRoster:
    """Sign the staff rows as they are now in this transaction (`before`: what `check_rows`
    found at its start). Public keys come from the previous signed version, or from
    `new_keys` (slots this session just made); a slot no version named gets none, and so no
    role key. The recovery slot's key likewise: `recovery_public` when this session just made
    the slot, else the previous version's (the file's only for the very first version)."""
    publics: dict[str, str] = {}
    if before.newest is not None:
        publics = {
            m.slot_id: m.public_key
            for m in before.newest.roster.members
            if m.slot_id and m.public_key
        }
    else:
        # No version verifies (the first one, or the recovery key's holder signing again):
        # the slot file's keys, the one time they are taken from there.
        publics = _file_publics(opened)
    publics.update({slot: crypto.b64(key) for slot, key in (new_keys or {}).items()})
    if recovery_public is None:
        if before.newest is not None:
            recovery_public = before.newest.roster.recovery_public_bytes
        else:
            recovery_public = opened.current_slots().public_key(RECOVERY_SLOT)
    if recovery_public is None:
        raise errors.AuthorityInvalid()
    built = roster.build(
        opened.vault_id,
        before.next_seq,
        staff_repo.all_staff(writer.conn),
        publics,
        crypto.signing_public(opened.role_key(AUDITOR_KEY)),
        recovery_public,
    )
    signed = roster.sign(built, opened.role_key(MANAGER_KEY))
    roster.insert(writer.conn, signed, now)
    return signed


def _file_publics(opened: Vault) -> dict[str, str]:
    slots = opened.current_slots()
    found = {}
    for slot_id in slots.slots:
        public = slots.public_key(slot_id)
        if public is not None and slot_id != RECOVERY_SLOT:
            found[slot_id] = crypto.b64(public)
    return found


def after_recovery_open(writer: Writer, opened: Vault, now: str) -> str | None:
    """The recovery key's holder is the root of trust: with no version that verifies, the
    staff rows and slots as they stand are signed again; otherwise rows that differ are put
    back as signed. Returns the audit action to record, if any."""
    state = _state(opened)
    if state.newest is None:
        sign(writer, opened, state, now)
        return "authority.resigned"
    if roster.differences(state.newest.roster, staff_repo.all_staff(writer.conn)):
        restore_rows(writer.conn, opened, now)
        return "authority.restored"
    return None


def keys_to_grant(signed: SignedRoster, staff_id: int) -> tuple[str, frozenset[str], bytes] | None:
    """(slot id, role keys, public key) the signed entry of a member allows, or None."""
    entry = signed.roster.member(staff_id)
    if entry is None or not entry.slot_id or not entry.public_bytes:
        return None
    return entry.slot_id, entry_keys(entry), entry.public_bytes


def revocable(roles_after: frozenset[Role], active: bool) -> frozenset[str]:
    """Role keys a slot must lose when its member ends with these roles and state."""
    kept = role_keys_for(roles_after) if active else frozenset()
    return frozenset(ROLE_KEYS) - kept


def problems(opened: Vault) -> list[str]:
    """Everything that disagrees with the newest signed roster, as codes for `verify`: staff
    rows (`rows:<login>`), versions that do not verify (`forged`), and the slot file
    (`Vault.slot_problems`)."""
    state = _state(opened)
    if state.newest is None:
        return ["unsigned"]
    signed = state.newest.roster
    found = [
        f"rows:{login}" for login in roster.differences(signed, staff_repo.all_staff(opened.conn))
    ]
    if state.invalid:
        found.append("forged")
    expected = [
        SlotExpectation(m.login, m.slot_id, m.active, entry_keys(m), m.public_bytes)
        for m in signed.members
    ]
    return found + opened.slot_problems(expected, signed.recovery_public_bytes)


def named_slots(conn: Connection, opened: Vault) -> set[str]:
    """Every slot the newest signed version or a staff row names."""
    state = roster.state(conn, opened.pin, opened.vault_id)
    named = {r.slot_id for r in staff_repo.all_staff(conn) if r.slot_id}
    if state.newest is not None:
        named |= {m.slot_id for m in state.newest.roster.members if m.slot_id}
    return named


def finish_grants(opened: Vault) -> list[str]:
    """Role keys the newest signed version allows a slot but the slot lacks (a change a crash
    cut between its commit and the grant): sealed now, to the public key the version names.
    Returns the logins given keys."""
    state = _state(opened)
    if state.newest is None:
        return []
    slots = opened.current_slots()
    done = []
    for member in state.newest.roster.members:
        slot_id, public = member.slot_id, member.public_bytes
        if not member.active or not slot_id or public is None or slot_id not in slots.slots:
            continue
        if slots.is_disabled(slot_id):
            continue
        missing = frozenset(n for n in entry_keys(member) if not slots.has_key(slot_id, n))
        if missing and missing - opened.grant_role_keys(slot_id, missing, public):
            done.append(member.login)
    return done
