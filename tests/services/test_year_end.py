"""Year-end content through the service: saved and corrected with the changed fields logged
(names only), the clerk's scope, and amounts the forms can take."""

from __future__ import annotations

import json

import pytest

from app import errors
from app.domain.year_end import FEES, OFFICER, SALARY, YearEndEntry
from app.services import auth, staff, year_end
from storage import staff_repo
from tests.conftest import AUDITOR_PASSWORD, Office, add_member
from tests.services.test_numbers import ALL_SCOPES, _employee, _events


@pytest.fixture
def manager(office: Office):
    staff.set_scopes(office.manager, "kanri", ALL_SCOPES)
    office.manager.user = auth.member_from(staff_repo.by_login(office.manager.vault.conn, "kanri"))
    return office.manager


def test_a_slip_is_saved_then_corrected_with_only_the_changed_names_logged(
    office: Office, manager
) -> None:
    person = _employee(manager)
    first = YearEndEntry(person.id, 2026, SALARY, {"payment": 5_812_345, "tax": 98_765})
    assert year_end.save(manager, first) == ["payment", "tax"]
    second = YearEndEntry(
        person.id, 2026, SALARY, {"payment": 5_812_345, "tax": 98_000}, {OFFICER: "1"}
    )
    assert year_end.save(manager, second) == ["officer", "tax"]
    assert year_end.save(manager, second) == []  # nothing changed, nothing logged
    assert year_end.load(manager, person.id, 2026, SALARY) == second
    assert year_end.load(manager, person.id, 2026, FEES) is None
    assert [e.form for e in year_end.for_year(manager, 2026)] == [SALARY]
    saved = _events(office, "year_end.saved")
    corrected = _events(office, "year_end.corrected")
    assert len(saved) == 1 and len(corrected) == 1
    assert json.loads(corrected[0][2])["fields"] == ["officer", "tax"]
    logged = " ".join(detail for _, _, detail in saved + corrected)
    assert "5812345" not in logged and "98000" not in logged


@pytest.mark.parametrize("amount", [-1, 10_000_000_000, True, 1.5])
def test_amounts_the_forms_cannot_take_are_refused(manager, amount) -> None:
    person = _employee(manager)
    with pytest.raises(errors.InvalidInput, match="金額"):
        year_end.save(manager, YearEndEntry(person.id, 2026, SALARY, {"payment": amount}))
    assert year_end.for_year(manager, 2026) == []


def test_an_unknown_form_is_refused(manager) -> None:
    person = _employee(manager)
    with pytest.raises(errors.InvalidInput):
        year_end.save(manager, YearEndEntry(person.id, 2026, "nenkin", {}))


def test_the_auditor_may_not_read_amounts(office: Office, manager) -> None:
    person = _employee(manager)
    year_end.save(manager, YearEndEntry(person.id, 2026, SALARY, {"payment": 1}))
    add_member(office, "kansab", ["auditor"], AUDITOR_PASSWORD)
    auditor = auth.sign_in(office.data, "kansab", AUDITOR_PASSWORD, office.clock)
    with pytest.raises(errors.PermissionDenied):
        year_end.for_year(auditor, 2026)
    with pytest.raises(errors.PermissionDenied):
        year_end.load(auditor, person.id, 2026, SALARY)
