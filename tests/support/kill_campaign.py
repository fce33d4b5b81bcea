"""The kill -9 campaign's runner and its three judgments; the scenarios and the properties
asserted are in tests/security/test_kill_campaign.py.

One office is built once; each scenario prepares its starting state from it and keeps it as
bytes. For each kill point of the scenario's operation: the folder and keyring are put back to
the starting state, a forked child does the operation and is killed at the point, and the
parent judges what is left three ways, each from the files exactly as the kill left them:

- as left: what every password in the book opens from every slot file in the folder, against
  the staff table as the kill left it (read directly, no sign-in);
- a later revocation, one member at a time: the manager signs in, demotes the member to
  auditor (if their roles allow numbers), then disables them; after each, what the member's
  passwords still open from any file;
- carrying on: the manager signs in (finishing interrupted work); the member is compared with
  before and after the operation and the access log with both; verify runs; the user does
  what they would (the operation again, or the roles saved again); verify and the member's
  state again, and the member signs in.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from app import errors
from app.clock import FakeClock
from app.domain.access import may_see_numbers, parse_roles
from app.services import auth, staff
from app.session import Session
from storage import staff_repo, vault
from tests.support.kill_office import CampaignOffice, View
from tests.support.kill_points import (
    FolderState,
    KillSwitch,
    capture,
    put_back,
    quick_kdf,
    run_in_child,
)
from tests.support.slot_attack import Opened, slot_files, what_opens

KEYRING_ENV = "MYNUMBER_DESK_TEST_KEYRING_FILE"


@dataclass(frozen=True)
class Scenario:
    name: str
    target: str  # the login the operation changes
    actor: tuple[str, str]  # who does it: login and password
    operation: Callable[[Session], object]
    audit_action: str  # the event the operation leaves in the access log
    prepare: Callable[[Session], object] | None = None  # from the base office, as the manager
    new_password: str | None = None  # a password the operation gives (create, reset, own change)
    # A first password change whose database write was lost asks for another change.
    flag_may_stay: bool = False


@dataclass(frozen=True)
class Problem:
    check: str  # "child", "as left", "revocation", "verify", "outcome"
    text: str
    password: str = ""  # the label (login#n) of the password that opened something
    file: str = ""  # the file it opened it from


@dataclass
class Kill:
    index: int  # from 1
    point: str
    problems: list[Problem] = field(default_factory=list)


@dataclass
class ScenarioRun:
    scenario: Scenario
    points: list[str]
    kills: list[Kill]
    seconds: float = 0.0


class Campaign:
    def __init__(
        self,
        office: CampaignOffice,
        build_office: Callable[[vault.VaultPaths, FakeClock], Session],
    ) -> None:
        self.office = office
        self._build_office = build_office
        self._base: FolderState | None = None
        self.runs: dict[str, ScenarioRun] = {}

    def run(self, scenario: Scenario) -> ScenarioRun:
        """Every kill of the scenario, done once and kept for every test that asks."""
        if scenario.name not in self.runs:
            with pytest.MonkeyPatch.context() as patch, quick_kdf():
                patch.setenv(KEYRING_ENV, str(self.office.keyring))
                started = time.perf_counter()
                run = self._campaign(scenario)
                run.seconds = time.perf_counter() - started
                self.runs[scenario.name] = run
        return self.runs[scenario.name]

    def _campaign(self, scenario: Scenario) -> ScenarioRun:
        start = self._starting_state(scenario)
        before, logged = self.office.look(scenario.target, scenario.audit_action)
        self._put_back(start)
        counted = run_in_child(self._child_work(scenario), self.office.data.data_dir, None)
        assert counted.finished and counted.error is None, counted.error
        after, _ = self.office.look(scenario.target, scenario.audit_action)
        run = ScenarioRun(scenario, counted.points, [])
        for index, point in enumerate(counted.points, start=1):
            self._put_back(start)
            kill = Kill(index, point)
            child = run_in_child(self._child_work(scenario), self.office.data.data_dir, index)
            if child.killed and child.points == counted.points[:index]:
                kill.problems += self._judge(scenario, before, after, logged)
            else:
                kill.problems.append(Problem("child", f"not killed there: {child}"))
            run.kills.append(kill)
        return run

    def _starting_state(self, scenario: Scenario) -> FolderState:
        office = self.office
        if self._base is None:
            office.data.data_dir.parent.mkdir(parents=True, exist_ok=True)
            manager = self._build_office(office.data, office.clock)
            office.data_key = bytes(manager.vault.data_key_copy())
            manager.close()
            self._base = capture(office.data.data_dir, office.keyring)
        self._put_back(self._base)
        manager = office.sign_in_manager()
        try:
            if scenario.prepare is not None:
                scenario.prepare(manager)
            record = staff_repo.by_login(manager.vault.conn, scenario.target)
            office.start_slot = record.slot_id if record else None
        finally:
            manager.close()
        return capture(office.data.data_dir, office.keyring)

    def _child_work(self, scenario: Scenario) -> Callable[[KillSwitch], None]:
        def work(switch: KillSwitch) -> None:
            office = self.office
            session = auth.sign_in(office.data, *scenario.actor, office.clock, record=False)
            switch.armed = True
            scenario.operation(session)

        return work

    def _put_back(self, state: FolderState) -> None:
        put_back(state, self.office.data.data_dir, self.office.keyring)

    def _judge(self, scenario: Scenario, before: View, after: View, logged: int) -> list[Problem]:
        left = capture(self.office.data.data_dir, self.office.keyring)
        members = self.office.members_as_left()
        problems = self._judge_as_left(scenario, members)
        for login in members:
            if login != self.office.manager:
                self._put_back(left)
                problems += self._judge_later_revocation(login)
        self._put_back(left)
        return problems + self._judge_carrying_on(scenario, before, after, logged)

    # --- as left ------------------------------------------------------------------------

    def _judge_as_left(
        self, scenario: Scenario, members: dict[str, staff_repo.StaffRecord]
    ) -> list[Problem]:
        """What each password opens from each file, against the staff table as the kill left
        it: a key only from the member's own slot, the number key only with a role for it,
        nothing for a disabled member, nothing from a copy the live file no longer opens with
        that password. The password the operation cut was giving may open the data key of
        its new slot before the database names it (a create or reset: its retry removes it),
        and the old password of a reset cut after its commit the data key of the old slot
        (the manager's next sign-in removes it)."""
        files = slot_files(self.office.data)
        found = []
        for login, passwords in self.office.book.items():
            member = members.get(login)
            for password in passwords:
                opened = what_opens(files, login, password)
                in_live = {o.slot_id for o in opened if o.file == self.office.data.slots.name}
                just_given = (login, password) == (scenario.target, scenario.new_password)
                for o in opened:
                    own = member is not None and o.slot_id == member.slot_id
                    if member is not None and not member.active and not just_given:
                        why = "the account is disabled"
                    elif o.number_key and not own:
                        why = "a slot no account owns"
                    elif o.number_key and not may_see_numbers(parse_roles(member.roles)):
                        why = f"roles {sorted(member.roles)}"
                    elif just_given:
                        continue
                    elif not own and login == scenario.target and _is_reset(scenario):
                        # The old slot of a reset cut after its commit: its role keys were
                        # taken before the commit, the data key (which every member holds)
                        # stays until the manager's next sign-in removes the slot.
                        continue
                    elif not own:
                        why = "a slot no account owns"
                    elif o.slot_id not in in_live:
                        why = "a copy the live file no longer opens"
                    else:
                        continue
                    found.append(self._opened("as left", login, password, o, why))
        return found

    # --- a later revocation ---------------------------------------------------------------

    def _judge_later_revocation(self, login: str) -> list[Problem]:
        """The manager's next step is to take this member's number key (if their roles allow
        it), then to disable them: no file the kill left may still give that member's
        passwords the number key, then anything. One member at a time, so no write for
        another member tidies up for the one judged."""
        found = []
        manager = self.office.sign_in_manager()
        try:
            record = staff_repo.by_login(manager.vault.conn, login)
            if record is None or not record.active:
                return []
            if may_see_numbers(parse_roles(record.roles)):
                staff.set_roles(manager, login, ["auditor"])
                found += [
                    self._opened("revocation", login, password, o, "after its demotion")
                    for password, o in self._opened_by(login)
                    if o.number_key
                ]
            staff.disable_staff(manager, login)
            found += [
                self._opened("revocation", login, password, o, "after it was disabled")
                for password, o in self._opened_by(login)
            ]
        finally:
            manager.close()
        return found

    def _opened_by(self, login: str) -> list[tuple[str, Opened]]:
        files = slot_files(self.office.data)
        return [
            (password, o)
            for password in self.office.book[login]
            for o in what_opens(files, login, password)
        ]

    def _opened(self, check: str, login: str, password: str, opened: Opened, why: str) -> Problem:
        label = self.office.label(login, password)
        key = "the number key" if opened.number_key else "the data key"
        return Problem(check, f"{label} opens {key} from {opened.file}: {why}", label, opened.file)

    # --- carrying on ----------------------------------------------------------------------

    def _judge_carrying_on(
        self, scenario: Scenario, before: View, after: View, logged: int
    ) -> list[Problem]:
        """After the manager's sign-in (which finishes interrupted grants and disables and
        removes slots no account owns) the member is as before the operation or as after it,
        the access log holds the operation's event exactly when it happened, and verify
        agrees. The user's next step (the operation again) ends as the whole operation does,
        verify agreeing."""
        now, logged_now = self.office.look(scenario.target, scenario.audit_action)
        next_steps = {before: "again", after: "done"}
        if scenario.flag_may_stay:
            next_steps[after.asked_to_change()] = "done"
        step = next_steps.get(now)
        if step is None:
            return [Problem("outcome", f"half done: {now}")]
        problems = []
        if (step == "again") != (logged_now == logged):
            new = logged_now - logged
            problems.append(Problem("outcome", f"{new} new {scenario.audit_action}, {step}"))
        if mismatches := self.office.verify():
            problems.append(Problem("verify", f"after the sign-in: {mismatches}"))
        if step == "done":
            return problems + self._member_signs_in(scenario, before, after)
        session = self.office.sign_in(*scenario.actor)
        try:
            scenario.operation(session)
        finally:
            session.close()
        if mismatches := self.office.verify():
            problems.append(Problem("verify", f"after the user's next step: {mismatches}"))
        final, _ = self.office.look(scenario.target, scenario.audit_action)
        if final != after:
            problems.append(Problem("outcome", f"not finished by doing it again: {final}"))
        return problems + self._member_signs_in(scenario, before, after)

    def _member_signs_in(self, scenario: Scenario, before: View, after: View) -> list[Problem]:
        """The member signs in with the password the whole operation leaves them (a disabled
        one is told so), with the number key exactly when their roles allow it."""
        target = scenario.target
        password = self.office.password((after.opens or before.opens)[0])
        try:
            session = self.office.sign_in(target, password)
        except errors.AccountDisabled:
            disabled_ok = not after.active
            return [] if disabled_ok else [Problem("outcome", f"{target} is told: disabled")]
        except errors.AppError as exc:
            return [Problem("outcome", f"{target} cannot sign in: {type(exc).__name__}")]
        try:
            if not after.active:
                return [Problem("outcome", f"{target} signs in though disabled")]
            if session.vault.has_number_key != after.number_key:
                return [Problem("outcome", f"{target} signs in, the number key wrong")]
        finally:
            session.close()
        return []


def _is_reset(scenario: Scenario) -> bool:
    return scenario.audit_action == "staff.password_reset"
