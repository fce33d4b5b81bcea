"""The sign-in counters kept in the key-slot file (and, by storage/pc_counter.py, on this PC):
failures per login with a MAC keyed from the machine secret, locks that double up to a day, a
manual lock after 100 in a row, and the events the next sign-in writes into the access log."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from storage import crypto
from storage.errors import SlotFileInvalid
from storage.machine_keys import MachineKeys

MAX_AUTH_EVENTS = 1000
MANUAL = "manual"
MAX_LOCK_MINUTES = 24 * 60


@dataclass(frozen=True)
class ThrottlePolicy:
    max_failures: int = 5
    lock_minutes: int = 15
    # NIST SP 800-63B caps consecutive failures at 100; past that only a manager unlocks.
    hard_limit: int = 100


@dataclass(frozen=True)
class ThrottleState:
    locked_until: datetime | None
    manual_lock: bool
    remaining: int


class ThrottleSection:
    """The throttle part of SlotFile (the `throttle` object of its data)."""

    data: dict[str, Any]

    def _throttle_body(self) -> bytes:
        body = {k: v for k, v in self.data["throttle"].items() if k != "mac"}
        return json.dumps(body, sort_keys=True).encode("utf-8")

    def seal_throttle(self, keys: MachineKeys) -> None:
        self.data["throttle"]["mac"] = crypto.mac(keys.throttle, self._throttle_body()).hex()

    def check_throttle_mac(self, keys: MachineKeys) -> None:
        expected = crypto.mac(keys.throttle, self._throttle_body())
        try:
            stored = bytes.fromhex(str(self.data["throttle"].get("mac", "")))
        except ValueError:
            stored = b""
        if not crypto.mac_equal(expected, stored):
            raise SlotFileInvalid("sign-in counters were altered")

    @property
    def policy(self) -> ThrottlePolicy:
        return ThrottlePolicy(**self.data["throttle"]["policy"])

    def set_policy(self, keys: MachineKeys, policy: ThrottlePolicy) -> None:
        self.data["throttle"]["policy"] = vars(policy)
        self.seal_throttle(keys)

    def _entry(self, login_id: str) -> dict[str, Any]:
        return self.data["throttle"]["entries"].get(
            login_id, {"failures": 0, "streak": 0, "locked_until": None}
        )

    def throttle_state(self, keys: MachineKeys, login: str, now: datetime) -> ThrottleState:
        entry = self._entry(keys.login_id(login))
        policy = self.policy
        locked_until = entry.get("locked_until")
        if locked_until == MANUAL:
            return ThrottleState(None, True, 0)
        until = datetime.fromisoformat(locked_until) if locked_until else None
        if until is not None and until <= now:
            until = None
        remaining = 0 if until else max(policy.max_failures - int(entry["failures"]), 0)
        return ThrottleState(until, False, remaining)

    def record_failure(
        self,
        keys: MachineKeys,
        login: str,
        now: datetime,
        *,
        event: str | None = "signin.failed",
        event_id: str | None = None,
    ) -> ThrottleState:
        """Count a wrong password; `event` (the action the access log records at the next
        sign-in) is kept with it unless None, under `event_id` when the same try is kept in
        this PC's counter too (storage/pc_counter.py), so it is logged once."""
        login_id = keys.login_id(login)
        entry = dict(self._entry(login_id))
        policy = self.policy
        locked = entry.get("locked_until")
        if locked and locked != MANUAL and datetime.fromisoformat(locked) <= now:
            entry["locked_until"] = None
        entry["failures"] = int(entry["failures"]) + 1
        entry["streak"] = int(entry["streak"]) + 1
        if entry["streak"] >= policy.hard_limit:
            entry["locked_until"] = MANUAL
            entry["failures"] = 0
        elif entry["failures"] >= policy.max_failures:
            # Each further lock lasts twice as long (SECURITY.md AUTH-01), at most a day.
            lockouts = int(entry.get("lockouts", 0)) + 1
            minutes = min(policy.lock_minutes * 2 ** (lockouts - 1), MAX_LOCK_MINUTES)
            entry["lockouts"] = lockouts
            entry["locked_until"] = (now + timedelta(minutes=minutes)).isoformat()
            entry["failures"] = 0
        self.data["throttle"]["entries"][login_id] = entry
        if event is not None:
            self._append_event(login_id, now, event, event_id)
        self.seal_throttle(keys)
        return self.throttle_state(keys, login, now)

    def add_auth_event(
        self, keys: MachineKeys, login: str, now: datetime, event: str
    ) -> dict[str, str]:
        """An event for the access log kept with the file, for when the database write that
        logs it never commits (a crash between the two files); returns it, to drop once
        logged."""
        entry = self._append_event(keys.login_id(login), now, event)
        self.seal_throttle(keys)
        return entry

    def _append_event(
        self, login_id: str, now: datetime, event: str, event_id: str | None = None
    ) -> dict[str, str]:
        entry = {
            "ts": now.isoformat(),
            "login_id": login_id,
            "event": event,
            "id": event_id or uuid.uuid4().hex,
        }
        events = self.data["throttle"]["events"]
        events.append(entry)
        del events[:-MAX_AUTH_EVENTS]
        return entry

    def has_throttle_entry(self, keys: MachineKeys, login: str) -> bool:
        return keys.login_id(login) in self.data["throttle"]["entries"]

    def record_success(self, keys: MachineKeys, login: str) -> bool:
        """Clear the counters of a login; returns whether the file changed."""
        entries = self.data["throttle"]["entries"]
        if entries.pop(keys.login_id(login), None) is None:
            return False
        self.seal_throttle(keys)
        return True

    def clear_lock(self, keys: MachineKeys, login: str) -> None:
        self.data["throttle"]["entries"].pop(keys.login_id(login), None)
        self.seal_throttle(keys)

    def drop_auth_events(self, keys: MachineKeys, written: list[dict[str, str]]) -> None:
        """Remove failed sign-ins already written into the audit log."""
        events = self.data["throttle"]["events"]
        remaining = [event for event in events if event not in written]
        if len(remaining) != len(events):
            self.data["throttle"]["events"] = remaining
            self.seal_throttle(keys)
