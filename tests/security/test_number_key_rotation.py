"""A revocation or a deletion run rotates the number key (#14 items 1 and 13; SECURITY.md §6a).

A member who copied the slot file (and its `.bak`) before losing access gets, with their old
password and this PC's keyring, a number key that opens none of the numbers or scans the
database now holds and gives none of its blind indexes; every member who keeps access, and the
recovery key, still read every number; duplicates are still refused; a rotation cut between
its writes is finished at the next sign-in; one the session cannot do (no number key) is done
at the next sign-in of a member who can; and a recovery slot the signed roster does not name
stops it with nothing changed."""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from app import errors
from app.domain.access import Role
from app.domain.scopes import every_scope
from app.domain.verification import (
    Comparison,
    IdentityField,
    PresentedDocument,
    Subject,
    VerificationRequest,
)
from app.services import (
    auth,
    demo,
    number_keys,
    numbers,
    people,
    settings,
    setup,
    staff,
    verification,
    verification_scans,
)
from app.services.verification import NewNumber, VerificationEntry
from app.session import Session
from storage import crypto, key_rotation, number_cipher, number_key_repo, vault
from storage.errors import DiskFull, StorageError
from storage.keyslots import NUMBER_KEY, NUMBER_KEY_NEXT, SlotFile
from tests.conftest import CLERK_PASSWORD, MANAGER_LOGIN, MANAGER_PASSWORD, Office, add_member

OTHER_PASSWORD = "Copper-Valley-Signal-52"
RESET_PASSWORD = "Reset-Meadow-Copper-27"
SCAN_NUMBER = "123456789018"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


class Killed(Exception):
    """Stands for the process dying at a step boundary of the rotation."""


def _die(*_args: object, **_kwargs: object) -> None:
    raise Killed


REVOCATIONS: dict[str, Callable[[Session], object]] = {
    "role-to-auditor": lambda m: staff.set_roles(m, "tanaka", ["auditor"]),
    "disable": lambda m: staff.disable_staff(m, "tanaka"),
    "reset": lambda m: staff.reset_password(m, "tanaka", RESET_PASSWORD),
}


@dataclasses.dataclass
class Scene:
    office: Office
    copies: list[Path]  # the slot file and its .bak as they were before the change
    digits: dict[int, str]  # every stored number, as revealed before the change
    scan_id: int


def _verified_scan(manager: Session, tmp_path: Path) -> int:
    settings.change(manager, "verification_scans", "on")
    person = people.register_employee(
        manager,
        code="S001",
        name="写し 太郎",
        kana_text="ウツシ タロウ",
        birth_date=date(1980, 4, 1),
    )
    request = VerificationRequest(
        Subject.EMPLOYEE,
        documents=(PresentedDocument("individual_number_card", expires_on=date(2030, 1, 1)),),
        comparison=Comparison(
            frozenset({IdentityField.NAME, IdentityField.BIRTH_DATE}), True, True
        ),
    )
    entry = VerificationEntry(
        request,
        date(2026, 11, 23),
        new_number=NewNumber(SCAN_NUMBER, SCAN_NUMBER, ("tax_withholding",)),
    )
    record = verification.record(manager, person.id, entry).id
    path = tmp_path / "card.png"
    path.write_bytes(PNG)
    return verification_scans.add_scan(manager, record, path).id


def _reveal_all(session: Session) -> dict[int, str]:
    found = {}
    for (person_id,) in session.vault.conn.execute("SELECT person_id FROM my_number"):
        purpose = numbers.purposes_for(session, person_id)[0]
        found[person_id] = numbers.reveal(session, person_id, purpose).number.digits()
    return found


@pytest.fixture
def scene(office: Office, tmp_path: Path) -> Scene:
    manager = office.manager
    manager.user = staff.set_scopes(manager, MANAGER_LOGIN, demo.ALL_SCOPES)
    demo.populate(manager, 4, bulk=True)
    scan_id = _verified_scan(manager, tmp_path)
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD, demo.ALL_SCOPES)
    add_member(office, "suzuki", ["clerk"], OTHER_PASSWORD, demo.ALL_SCOPES)
    digits = _reveal_all(manager)
    saved = tmp_path / "copied-before"
    saved.mkdir()
    slots = office.data.slots
    copies = []
    for path in (slots, slots.with_name(slots.name + ".bak")):
        if path.exists():
            copies.append(Path(shutil.copy(path, saved / path.name)))
    assert len(copies) == 2
    return Scene(office, copies, digits, scan_id)


def _keys_in(office: Office, path: Path, login: str, password: str) -> list[bytearray]:
    """Every number key (current or pending) a slot file opens for this password with this
    PC's keyring, as a member with a copy of the file would try it."""
    try:
        slot_file = SlotFile.load(path)
    except StorageError:
        return []  # not a slot file (the lock file)
    keys = vault.machine_keys_for(
        slot_file, vault.secret_store_for(office.data, slot_file.secret_store)
    )
    try:
        unlocked = slot_file.unlock_user(keys, login, password)
    except StorageError:
        return []
    finally:
        keys.wipe()
    found = [
        bytearray(unlocked.keys[n]) for n in (NUMBER_KEY, NUMBER_KEY_NEXT) if n in unlocked.keys
    ]
    unlocked.wipe()
    return found


def _opened_with(session: Session, key: bytes | bytearray, digits: dict[int, str]) -> int:
    """How many stored numbers, scans and blind indexes this key gives."""
    conn = session.vault.conn
    opened = 0
    for person_id, sealed, index in conn.execute(
        "SELECT person_id, sealed, blind_index FROM my_number"
    ):
        try:
            number_cipher.open_number(key, bytes(sealed), numbers.record_id(person_id))
            opened += 1
        except crypto.DecryptionFailed:
            pass
        if number_cipher.blind_index(number_cipher.index_key(key), digits[person_id]) == bytes(
            index
        ):
            opened += 1
    for scan_id, verification_id, sealed in conn.execute(
        "SELECT id, verification_id, sealed FROM verification_scan"
    ):
        try:
            number_cipher.open_document(
                key, bytes(sealed), verification_scans.record_id(scan_id, verification_id)
            )
            opened += 1
        except crypto.DecryptionFailed:
            pass
    return opened


def _sign_in(office: Office, login: str, password: str) -> Session:
    return auth.sign_in(office.data, login, password, office.clock)


def _all_slot_files(office: Office) -> list[Path]:
    slots = office.data.slots
    return [p for p in slots.parent.glob(slots.name + "*") if p.is_file()]


def _assert_revoked_and_readable(scene: Scene, session: Session) -> None:
    """What was copied before opens nothing now; what is in the folder now gives the revoked
    member nothing; the numbers are all there, under the key the remaining members hold."""
    office = scene.office
    old = [k for copy in scene.copies for k in _keys_in(office, copy, "tanaka", CLERK_PASSWORD)]
    assert old, "the copies taken before held the member's number key"
    for key in old:
        assert _opened_with(session, key, scene.digits) == 0
    # The old password (a reset gives the member a new slot, which holds the new key).
    for path in _all_slot_files(office):
        for key in _keys_in(office, path, "tanaka", CLERK_PASSWORD):
            assert _opened_with(session, key, scene.digits) == 0, path.name
    assert not key_rotation.pending(SlotFile.load(office.data.slots))
    assert number_key_repo.state(session.vault.conn).rotation_due is None


def _assert_everyone_reads(scene: Scene) -> None:
    office = scene.office
    clerk = _sign_in(office, "suzuki", OTHER_PASSWORD)
    try:
        assert _reveal_all(clerk) == scene.digits
        assert verification_scans.open_scan(clerk, scene.scan_id).data == PNG
    finally:
        clerk.close()
    manager = _sign_in(office, MANAGER_LOGIN, MANAGER_PASSWORD)
    try:
        assert _reveal_all(manager) == scene.digits
    finally:
        manager.close()
    recovered = auth.open_with_recovery(office.data, office.recovery_key_text, office.clock)
    try:
        recovered.user = dataclasses.replace(recovered.user, scopes=every_scope())
        assert _reveal_all(recovered) == scene.digits
    finally:
        recovered.close()


@pytest.mark.parametrize("revoke", REVOCATIONS.values(), ids=REVOCATIONS.keys())
def test_a_revocation_leaves_old_copies_of_the_slot_file_opening_nothing(
    scene: Scene, revoke: Callable[[Session], object]
) -> None:
    manager = scene.office.manager
    sealed_before = manager.vault.conn.execute("SELECT sealed FROM my_number").fetchall()
    change = revoke(manager)
    assert number_keys.ROTATED_NOTICE in change.notices
    assert "新しいバックアップを作成" in change.notices[0]
    _assert_revoked_and_readable(scene, manager)
    assert manager.vault.conn.execute("SELECT sealed FROM my_number").fetchall() != sealed_before
    (detail,) = manager.vault.conn.execute(
        "SELECT detail FROM audit_log WHERE action = 'vault.number_key_rotated'"
    ).fetchone()
    logged = json.loads(detail)
    assert logged["reasons"] == ["revocation"]
    assert logged["numbers"] == len(scene.digits) and logged["scans"] == 1
    # The session that rotated goes on with the new key.
    assert _reveal_all(manager) == scene.digits
    manager.close()
    _assert_everyone_reads(scene)


def test_a_duplicate_is_still_refused_after_a_rotation(scene: Scene) -> None:
    manager = scene.office.manager
    before = number_key_repo.key_check(manager.vault.conn)
    staff.set_roles(manager, "tanaka", ["auditor"])
    assert number_key_repo.key_check(manager.vault.conn) != before  # every index recomputed
    taken = next(iter(scene.digits.values()))
    newcomer = people.register_employee(
        manager, code="N001", name="新人 三郎", kana_text="シンジン サブロウ"
    )
    with pytest.raises(errors.InvalidInput, match=numbers.DUPLICATE_MESSAGE[:12]):
        numbers.register_number(manager, newcomer.id, taken, taken, ["tax_withholding"])
    with pytest.raises(errors.InvalidInput, match=numbers.DUPLICATE_MESSAGE[:12]):
        numbers.register_number(manager, newcomer.id, SCAN_NUMBER, SCAN_NUMBER, ["tax_withholding"])


def test_a_number_key_that_needed_no_revocation_is_kept(scene: Scene) -> None:
    """Roles that never held the number key: no rotation, no notice."""
    manager = scene.office.manager
    add_member(scene.office, "kansa", ["auditor"], OTHER_PASSWORD + "x")
    before = number_key_repo.state(manager.vault.conn).key_check
    change = staff.disable_staff(manager, "kansa")
    assert change.notices == ()
    assert number_key_repo.state(manager.vault.conn).key_check == before


@pytest.mark.parametrize(
    "cut",
    [
        # (a) written, (b) never committed: the re-seal fails inside its transaction.
        ("app.services.number_keys._reseal", "before-commit"),
        # (b) committed, (c) never written.
        ("storage.key_rotation.Rotation.install", "after-commit"),
    ],
    ids=lambda cut: cut[1],
)
@pytest.mark.parametrize("revoke", REVOCATIONS.values(), ids=REVOCATIONS.keys())
def test_a_rotation_cut_between_its_writes_is_finished_at_the_next_sign_in(
    scene: Scene,
    monkeypatch: pytest.MonkeyPatch,
    revoke: Callable[[Session], object],
    cut: tuple[str, str],
) -> None:
    office = scene.office
    target, where = cut
    with monkeypatch.context() as patch:
        patch.setattr(target, _die)
        with pytest.raises(Killed):
            revoke(office.manager)
    office.manager.close()
    slots = SlotFile.load(office.data.slots)
    assert key_rotation.pending(slots)  # the new key went to the slot file first
    # Whichever key the database is under, the slots of the members who keep access open it
    # (a sign-in without writing anything, as `verify` does).
    clerk = auth.sign_in(office.data, "suzuki", OTHER_PASSWORD, office.clock, record=False)
    try:
        assert _reveal_all(clerk) == scene.digits
    finally:
        clerk.close()
    # The next sign-in of a member holding the key finishes the rotation.
    manager = _sign_in(office, MANAGER_LOGIN, MANAGER_PASSWORD)
    try:
        _assert_revoked_and_readable(scene, manager)
        rotated = manager.vault.conn.execute(
            "SELECT detail FROM audit_log WHERE action = 'vault.number_key_rotated'"
        ).fetchall()
        assert len(rotated) == 1
        assert ("finished_at_sign_in" in rotated[0][0]) == (where == "before-commit")
    finally:
        manager.close()
    _assert_everyone_reads(scene)


def test_a_session_without_the_number_key_leaves_the_rotation_to_the_next_sign_in(
    scene: Scene,
) -> None:
    """The manager always holds the key, unless a grant was cut off (a crash between the
    roster's commit and the grant): that session revokes, and a clerk's sign-in rotates."""
    office = scene.office
    manager = office.manager
    manager.vault.forget_role_keys(frozenset({NUMBER_KEY}))
    change = staff.set_roles(manager, "tanaka", ["auditor"])
    assert change.notices == (number_keys.DEFERRED_NOTICE,)
    assert number_key_repo.state(manager.vault.conn).rotation_due is not None
    old = _keys_in(office, scene.copies[0], "tanaka", CLERK_PASSWORD)
    assert _opened_with(manager, old[0], scene.digits) > 0  # not rotated yet
    manager.close()

    clerk = _sign_in(office, "suzuki", OTHER_PASSWORD)
    try:
        _assert_revoked_and_readable(scene, clerk)
        detail, actor = clerk.vault.conn.execute(
            "SELECT detail, actor_name FROM audit_log WHERE action = 'vault.number_key_rotated'"
        ).fetchone()
        assert actor == "suzuki" and json.loads(detail)["finished_at_sign_in"] is True
    finally:
        clerk.close()
    _assert_everyone_reads(scene)


def test_a_recovery_slot_the_roster_does_not_name_stops_the_rotation_with_nothing_changed(
    scene: Scene,
) -> None:
    office = scene.office
    manager = office.manager
    with SlotFile.edit(office.data.slots, manager.vault.vault_id) as slots:
        _private, planted = crypto.new_keypair()
        slots.slots["recovery"]["public_key"] = crypto.b64(planted)
    conn = manager.vault.conn
    before = (
        conn.execute("SELECT sealed, blind_index FROM my_number ORDER BY 1").fetchall(),
        conn.execute("SELECT sealed FROM verification_scan").fetchall(),
        number_key_repo.key_check(conn),
    )
    file_before = office.data.slots.read_bytes()
    change = staff.set_roles(manager, "tanaka", ["auditor"])
    assert change.notices == (number_keys.REFUSED_NOTICE,)
    with pytest.raises(errors.NumberKeyRotationRefused, match="何も変更していません"):
        number_keys.rotate(manager)
    after = (
        conn.execute("SELECT sealed, blind_index FROM my_number ORDER BY 1").fetchall(),
        conn.execute("SELECT sealed FROM verification_scan").fetchall(),
        number_key_repo.key_check(conn),
    )
    assert after == before
    assert number_key_repo.state(conn).rotation_due is not None  # still due
    assert not key_rotation.pending(SlotFile.load(office.data.slots))
    # The revocation itself took the key from the member's slot; nothing else changed.
    assert (
        json.loads(office.data.slots.read_bytes())["slots"]["recovery"]
        == json.loads(file_before)["slots"]["recovery"]
    )
    # A new recovery key (its slot signed into the roster) lets the rotation through.
    setup.reissue_recovery_key(manager)
    assert number_keys.rotate_if_due(manager).rotated
    _assert_revoked_and_readable(scene, manager)


def test_an_open_session_follows_a_rotation_made_elsewhere_or_loses_the_numbers(
    scene: Scene,
) -> None:
    """Two programs on one database: the one that did not rotate re-opens the new key from
    its slot (nothing is ever sealed with the replaced key); a member whose access was revoked
    meanwhile finds none, and is refused."""
    office = scene.office
    clerk = _sign_in(office, "suzuki", OTHER_PASSWORD)
    revoked = _sign_in(office, "tanaka", CLERK_PASSWORD)
    try:
        staff.set_roles(office.manager, "tanaka", ["auditor"])
        newcomer = people.register_employee(
            clerk, code="N002", name="新人 四郎", kana_text="シンジン シロウ"
        )
        fresh = "112233445560"
        numbers.register_number(clerk, newcomer.id, fresh, fresh, ["tax_withholding"])
        assert _reveal_all(office.manager)[newcomer.id] == fresh
        person_id, digits = next(iter(scene.digits.items()))
        with pytest.raises(errors.NumberKeyChanged):
            numbers.reveal(revoked, person_id, numbers.purposes_for(revoked, person_id)[0])
        assert digits == _reveal_all(clerk)[person_id]
    finally:
        clerk.close()
        revoked.close()


def test_a_rotation_that_fails_after_the_revocation_committed_stays_due(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk during the re-seal: the revocation stands and is not reported as failed;
    the manager is told the key is replaced at the next sign-in, which does it."""
    office = scene.office

    def full(*_args: object, **_kwargs: object) -> None:
        raise DiskFull("no space left")

    with monkeypatch.context() as patch:
        patch.setattr(number_keys, "_reseal", full)
        change = staff.set_roles(office.manager, "tanaka", ["auditor"])
    assert change.notices == (number_keys.DEFERRED_NOTICE,)
    assert change.member.roles == frozenset({Role.AUDITOR})
    assert number_key_repo.state(office.manager.vault.conn).rotation_due is not None
    office.manager.close()
    clerk = _sign_in(office, "suzuki", OTHER_PASSWORD)
    try:
        _assert_revoked_and_readable(scene, clerk)
    finally:
        clerk.close()
