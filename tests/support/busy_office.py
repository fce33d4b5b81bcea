"""An office with one of each kind of work waiting, built through the services as members do
it: the dashboard's tests count it (tests/services) and click through it (tests/ui)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app import errors
from app.domain import my_number
from app.domain.individual_requests import RequesterChannel, RequesterRole, RequestKind
from app.services import (
    auth,
    backup,
    corrections,
    deletion,
    individual_requests,
    numbers,
    people,
    staff,
)
from app.services.individual_requests import Intake
from tests.conftest import (
    AUDITOR_PASSWORD,
    CLERK_PASSWORD,
    MANAGER_LOGIN,
    SUPERVISOR_PASSWORD,
    Office,
    add_member,
)

SCOPES = ["purpose:tax_withholding", "kind:employee"]
NEWCOMER = "新人 未確認"
LOCKED_PASSWORD = "Crimson-Delta-Willow-52"


def number(serial: int) -> str:
    base = f"{serial:011d}"
    return base + str(my_number.check_digit(base))


@dataclass(frozen=True)
class BusyOffice:
    # Proposed by the clerk: the supervisor and the manager may approve it.
    by_clerk: int
    # Proposed by the supervisor: only the manager may approve it (two-person rule).
    by_supervisor: int
    # Within the retention period, proposed by the clerk: only the manager approves it.
    early: int
    # Approved, waiting to be executed.
    approved: int


def _leaver(office: Office, serial: int, name: str) -> int:
    manager = office.manager
    person = people.register_employee(
        manager, code=f"L{serial}", name=name, kana_text="タイショク", hire_date=date(2010, 4, 1)
    )
    numbers.register_number(manager, person.id, number(serial), number(serial), ["tax_withholding"])
    corrections.retire(manager, person.id, date(2016, 3, 31), "自己都合退職")
    return person.id


def _intake(received_on: date) -> Intake:
    return Intake(
        kind=RequestKind.DISCLOSURE,
        subject_name="山田 太郎",
        requester_name="山田 太郎",
        provider=RequesterRole.SELF,
        received_on=received_on,
        channel=RequesterChannel.POST,
        requested="保有している私の情報すべて",
        method="書面の交付",
    )


def build(office: Office, backups: Path) -> BusyOffice:
    """On 2026-11-23 a backup, then eight days later (2026-12-01): one number waiting for its
    identity check, deletion runs waiting for approval and for execution, two open requests
    (one past its target), a backup past due, a locked account (rinji) and a member who has
    not yet chosen a password (shinnin). The manager stays signed in; everyone else is signed out."""
    manager = office.manager
    manager.user = staff.set_scopes(manager, MANAGER_LOGIN, SCOPES)
    backup.make_backup(manager, backups)
    office.clock.advance(days=8)
    leavers = [_leaver(office, 101 + i, f"退職 {name}") for i, name in enumerate("一二三")]
    newcomer = people.register_employee(manager, code="N1", name=NEWCOMER, kana_text="シンジン")
    numbers.register_number(manager, newcomer.id, number(201), number(201), ["tax_withholding"])
    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD, scopes=SCOPES)
    add_member(office, "sekinin", ["supervisor"], SUPERVISOR_PASSWORD, scopes=SCOPES)
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    add_member(office, "rinji", ["clerk"], LOCKED_PASSWORD, scopes=SCOPES)
    staff.create_staff(
        manager,
        login="shinnin",
        display_name="新任 職員",
        roles=["clerk"],
        scopes=[],
        initial_password="Temp-Quiet-River-Stone-19",
    )
    clerk = auth.sign_in(office.data, "tanto", CLERK_PASSWORD, office.clock)
    supervisor = auth.sign_in(office.data, "sekinin", SUPERVISOR_PASSWORD, office.clock)
    try:
        by_clerk = deletion.propose(clerk, [leavers[0]]).id
        by_supervisor = deletion.propose(supervisor, [leavers[1]]).id
        approved = deletion.propose(clerk, [leavers[2]]).id
        deletion.approve(supervisor, approved, SUPERVISOR_PASSWORD)
        early = deletion.propose(clerk, [newcomer.id], reason="登録の誤りのため").id
    finally:
        clerk.close()
        supervisor.close()
    individual_requests.receive(manager, _intake(date(2026, 11, 2)))  # past the target
    individual_requests.receive(manager, _intake(date(2026, 11, 27)))
    for _ in range(5):
        with contextlib.suppress(errors.SignInFailed, errors.AccountLocked):
            auth.sign_in(office.data, "rinji", "Wrong-Password-0000", office.clock)
    return BusyOffice(by_clerk, by_supervisor, early, approved)
