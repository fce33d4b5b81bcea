"""A full disk: a clear error, the change rolled back, nothing already stored lost."""

from __future__ import annotations

import pytest

from app import errors
from app.services import auth, staff
from app.services import settings as settings_service
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office


def _fill_the_disk(office: Office) -> None:
    conn = office.manager.vault.conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    # SQLite reports SQLITE_FULL exactly as for a full disk once the file may not grow.
    conn.execute(f"PRAGMA max_page_count = {pages}")


def test_full_disk_when_adding_staff(office: Office) -> None:
    slots_before = set(office.manager.vault.current_slots().slots)
    _fill_the_disk(office)
    with pytest.raises(errors.DiskFull, match="空き容量"):
        for n in range(200):
            staff.create_staff(
                office.manager,
                login=f"member{chr(97 + n % 26)}{n}",
                display_name="職員 追加",
                roles=["clerk"],
                scopes=[],
                initial_password="Cedar-Window-Lake-19",
            )
    # The failed account left no slot behind; the ones created before it are intact.
    members = {m.login_name for m in staff.list_staff(office.manager)}
    slots_after = set(office.manager.vault.current_slots().slots)
    assert len(slots_after - slots_before) == len(members) - 1
    office.manager.close()
    session = auth.sign_in(office.data, MANAGER_LOGIN, MANAGER_PASSWORD, office.clock)
    assert {m.login_name for m in staff.list_staff(session)} == members
    assert session.vault.verify_audit().seq > 0
    assert session.vault.integrity_problems() == []
    session.close()


def test_full_disk_when_changing_a_setting(office: Office) -> None:
    _fill_the_disk(office)
    with pytest.raises(errors.DiskFull):
        for n in range(500):
            settings_service.change(office.manager, "reveal_seconds", str(5 + n % 100))
    assert office.manager.vault.integrity_problems() == []
