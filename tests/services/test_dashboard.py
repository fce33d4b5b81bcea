"""The home page's tasks, each counted for the members who may act on it: numbers waiting for
an identity check, deletions waiting for approval and for execution, requests, backups, and
accounts locked or waiting for a password."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.services import auth, backup, dashboard, numbers, people, settings, staff
from tests.conftest import (
    AUDITOR_PASSWORD,
    CLERK_PASSWORD,
    MANAGER_LOGIN,
    SUPERVISOR_PASSWORD,
    Office,
    add_member,
)
from tests.support import busy_office

NUMBER = "123456789018"


def test_numbers_waiting_for_identity_check_are_a_task(office: Office) -> None:
    session = office.manager
    session.user = staff.set_scopes(
        session, MANAGER_LOGIN, ["purpose:tax_withholding", "kind:employee"]
    )
    assert dashboard.summary(session).verification_pending == 0
    person = people.register_employee(session, code="E1", name="山田 太郎", kana_text="ヤマダ")
    numbers.register_number(session, person.id, NUMBER, NUMBER, ["tax_withholding"])
    assert dashboard.summary(session).verification_pending == 1
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    auditor = auth.sign_in(office.data, "kansa", AUDITOR_PASSWORD, office.clock)
    assert dashboard.summary(auditor).verification_pending is None
    auditor.close()


def test_each_card_counts_the_work_its_member_may_act_on(office: Office, tmp_path: Path) -> None:
    busy = busy_office.build(office, tmp_path / "usb")
    manager = dashboard.summary(office.manager)
    assert manager.verification_pending == 4  # three leavers and the newcomer
    # Every proposal is another member's, and the manager may approve an early deletion too.
    assert manager.approvals_waiting == (busy.by_clerk, busy.by_supervisor, busy.early)
    assert manager.runs_to_execute == (busy.approved,)
    assert (manager.requests_open, manager.requests_late) == (2, 1)
    assert manager.last_backup_at is not None and manager.last_backup_at.startswith("2026-11-23")
    assert manager.backup_due_on == date(2026, 11, 30) and manager.backup_due
    assert manager.staff_locked == ("rinji",)
    assert manager.staff_waiting_for_password_change == ("shinnin",)

    supervisor = auth.sign_in(office.data, "sekinin", SUPERVISOR_PASSWORD, office.clock)
    clerk = auth.sign_in(office.data, "tanto", CLERK_PASSWORD, office.clock)
    auditor = auth.sign_in(office.data, "kansa", AUDITOR_PASSWORD, office.clock)
    try:
        seen = dashboard.summary(supervisor)
        # Not their own proposal (two-person rule), not an early deletion (the manager's).
        assert seen.approvals_waiting == (busy.by_clerk,)
        assert seen.runs_to_execute == (busy.approved,)
        assert seen.staff_locked is None and not seen.can_back_up and not seen.backup_due
        seen = dashboard.summary(clerk)
        assert seen.verification_pending == 4 and seen.runs_to_execute == (busy.approved,)
        assert seen.approvals_waiting is None and seen.staff_locked is None
        assert seen.staff_waiting_for_password_change == () and seen.requests_open == 2
        seen = dashboard.summary(auditor)
        assert seen.office_name == "テスト事業所"
        assert (seen.verification_pending, seen.approvals_waiting, seen.runs_to_execute) == (
            None,
            None,
            None,
        )
        assert seen.requests_open is None and seen.staff_locked is None
    finally:
        for session in (supervisor, clerk, auditor):
            session.close()

    # With the two-person rule off, the supervisor's own proposal waits for them too.
    settings.change(office.manager, "two_person_rule", "off")
    supervisor = auth.sign_in(office.data, "sekinin", SUPERVISOR_PASSWORD, office.clock)
    try:
        assert dashboard.summary(supervisor).approvals_waiting == (
            busy.by_clerk,
            busy.by_supervisor,
        )
    finally:
        supervisor.close()
    # Unlocked, a backup made today: those cards have nothing left to do.
    staff.unlock_staff(office.manager, "rinji")
    backup.make_backup(office.manager, tmp_path / "usb")
    after = dashboard.summary(office.manager)
    assert after.staff_locked == () and not after.backup_due
    assert after.backup_due_on == date(2026, 12, 8)


def test_the_backup_interval_is_the_offices_setting(office: Office, tmp_path: Path) -> None:
    backup.make_backup(office.manager, tmp_path / "usb")
    made = dashboard.summary(office.manager).backup_due_on
    assert made is not None
    settings.change(office.manager, "backup_interval_days", "1")
    assert dashboard.summary(office.manager).backup_interval_days == 1
    assert (made - dashboard.summary(office.manager).backup_due_on).days == 6
