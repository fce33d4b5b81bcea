"""The demo office looks like a real one: people of working age, families sharing a name."""

from __future__ import annotations

from app.services.demo import DemoEmployee, synthetic_office


def test_every_demo_employee_was_hired_as_an_adult_and_families_share_the_surname() -> None:
    employees = [p for p in synthetic_office(2000) if isinstance(p, DemoEmployee)]
    assert len(employees) == 2000
    for person in employees:
        age_at_hire = (person.hire_date - person.birth_date).days // 365
        assert 18 <= age_at_hire <= 64, (person.code, person.birth_date, person.hire_date)
        surname = person.name.split(" ")[0]
        for dependent in person.dependents:
            assert dependent.name.split(" ")[0] == surname
