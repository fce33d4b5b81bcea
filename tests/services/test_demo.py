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


def test_the_demo_leavers_were_adults_when_hired(office) -> None:
    from datetime import date

    from app.services import demo, people, staff

    session = office.manager
    session.user = staff.set_scopes(session, "kanri", demo.ALL_SCOPES)
    demo.populate(session, 60)
    demo.end_some(session)
    leavers = [
        people.profile(session, p.id).details
        for p in people.search(session, limit=1000).rows
        if p.kind == "employee"
    ]
    left = [d for d in leavers if d.leave_date]
    assert len(left) == len(demo._LEAVING_AGO)
    for details in left:
        born, hired = date.fromisoformat(details.birth_date), date.fromisoformat(details.hire_date)
        assert (hired - born).days // 365 >= 18, (details.birth_date, details.hire_date)


def test_the_demo_office_has_year_end_content_a_consignee_and_a_training(office) -> None:
    """The year-end, consignee and inspection pages (and the manual's shots) have content."""
    from app.domain.consignees import ConsigneeState
    from app.domain.year_end import FEES, SALARY
    from app.services import (
        consignees,
        demo,
        demo_paperwork,
        forms_due,
        staff,
        training,
        year_end,
    )

    session = office.manager
    session.user = staff.set_scopes(session, "kanri", demo.ALL_SCOPES)
    demo.populate(session, 60)
    demo.end_some(session)
    demo_paperwork.add_paperwork(session)
    today = session.clock.now().date()
    year = today.year if today.month >= 11 else today.year - 1
    assert len(year_end.for_year(session, year, SALARY)) == len(demo_paperwork._SALARIES)
    assert len(year_end.for_year(session, year, FEES)) == 1
    due = forms_due.for_year(session, year)
    # Some slips must go to the tax office, some need not: the page shows both reasons.
    assert 0 < due.tax_office_slips < len(demo_paperwork._SALARIES) + 1
    (listed,) = consignees.list_consignees(session)
    assert listed.row.state == ConsigneeState.ACTIVE
    (held,) = training.list_trainings(session)
    assert len(held.attendees) == 1  # the manager, the office's only account here
