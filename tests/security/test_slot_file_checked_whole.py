"""`verify` checks the whole key-slot file against the staff table (#14 item 9): edits of
another member's slot, swapped login ids, a number key given to an auditor's slot and a
removed recovery slot are reported, never called 正常; a healthy office passes."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from app import errors
from app.services import staff, verify
from tests.conftest import (
    AUDITOR_PASSWORD,
    CLERK_PASSWORD,
    MANAGER_LOGIN,
    MANAGER_PASSWORD,
    Office,
    add_member,
)

Slots = dict[str, dict[str, Any]]


@pytest.fixture
def staffed(office: Office) -> Office:
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD, ["kind:employee"])
    add_member(office, "suzuki", ["clerk"], CLERK_PASSWORD, ["kind:employee"])
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    staff.disable_staff(office.manager, "suzuki")
    office.manager.close()
    return office


def _verify(office: Office) -> verify.VaultCheck:
    return verify.verify_vault(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)


def _user_slot(slots: Slots, office: Office, login: str) -> str:
    """The slot id the staff table gives the login (read before the edit)."""
    from app.services import auth

    session = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    try:
        row = session.vault.conn.execute(
            "SELECT slot_id FROM staff WHERE login_name = ?", (login,)
        ).fetchone()
    finally:
        session.close()
    return str(row[0])


def test_a_healthy_office_with_disabled_and_audit_members_verifies(staffed: Office) -> None:
    assert _verify(staffed).audit_entries > 0


def _swap_login_ids(slots: Slots, office: Office) -> None:
    a, b = _user_slot(slots, office, "tanaka"), _user_slot(slots, office, "kansa")
    slots[a]["login_id"], slots[b]["login_id"] = slots[b]["login_id"], slots[a]["login_id"]


def _number_key_to_auditor(slots: Slots, office: Office) -> None:
    slots[_user_slot(slots, office, "kansa")]["number_key"] = slots[
        _user_slot(slots, office, "tanaka")
    ]["number_key"]


def _drop_recovery(slots: Slots, _office: Office) -> None:
    for slot_id in [k for k, v in slots.items() if v.get("kind") == "recovery"]:
        del slots[slot_id]


def _drop_member(slots: Slots, office: Office) -> None:
    del slots[_user_slot(slots, office, "tanaka")]


def _enable_disabled(slots: Slots, office: Office) -> None:
    slots[_user_slot(slots, office, "suzuki")].pop("disabled")


def _plant_orphan(slots: Slots, office: Office) -> None:
    slots["planted"] = dict(slots[_user_slot(slots, office, "tanaka")])


@pytest.mark.parametrize(
    "edit",
    [
        _swap_login_ids,
        _number_key_to_auditor,
        _drop_recovery,
        _drop_member,
        _enable_disabled,
        _plant_orphan,
    ],
)
def test_an_edit_of_another_part_of_the_slot_file_is_reported(
    staffed: Office, edit: Callable[[Slots, Office], None]
) -> None:
    path = staffed.data.slots
    data = json.loads(path.read_bytes())
    edit(data["slots"], staffed)
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(errors.SlotFileMismatch) as raised:
        _verify(staffed)
    assert "一致しません" in raised.value.message and raised.value.problems
