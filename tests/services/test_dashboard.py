"""The home page's tasks: numbers waiting for an identity check, for those who handle them."""

from __future__ import annotations

from app.services import auth, dashboard, numbers, people, staff
from tests.conftest import AUDITOR_PASSWORD, MANAGER_LOGIN, Office, add_member

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
