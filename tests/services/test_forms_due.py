"""Who is due which form of a year: each slip's decision with its reason, employees with
nothing stored listed as 未入力, the member's groups only, the counts of the 合計表, the
deadline and the e-filing check; the list refused (and logged) to the auditor, who gets the
counts only."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app import errors
from app.domain.year_end import FEES, NO_ADJUSTMENT, OFFICER, PAYMENT_KIND, RENT, SALARY
from app.domain.year_end import YearEndEntry as Entry
from app.services import auth, corrections, forms_due, people, staff, year_end
from storage import staff_repo
from tests.conftest import AUDITOR_PASSWORD, CLERK_PASSWORD, Office, add_member
from tests.services.test_numbers import ALL_SCOPES, _events


@pytest.fixture
def manager(office: Office):
    staff.set_scopes(office.manager, "kanri", ALL_SCOPES)
    office.manager.user = auth.member_from(staff_repo.by_login(office.manager.vault.conn, "kanri"))
    return office.manager


def _employee(session, code: str, name: str, department: str = "総務部", hired: int = 2010):
    return people.register_employee(
        session,
        code=code,
        name=name,
        kana_text="テスト",
        department=department,
        hire_date=date(hired, 4, 1),
    )


def _office_of_2026(manager) -> dict[str, int]:
    officer = _employee(manager, "E001", "役員 一郎")
    staffer = _employee(manager, "E002", "社員 二郎")
    waiting = _employee(manager, "E003", "未入 三郎")
    sales = _employee(manager, "E004", "営業 四郎", department="営業部")
    gone = _employee(manager, "E005", "前年 五郎")
    corrections.retire(manager, gone.id, date(2025, 6, 30), "退職")
    later = _employee(manager, "E006", "来年 六郎", hired=2027)
    lawyer = people.register_payee(
        manager, name="弁護 七子", kana_text="ベンゴ", payment_kind="fees", continuing=True
    )
    landlord = people.register_payee(
        manager,
        name="株式会社大家",
        kana_text="オオヤ",
        payment_kind="rent",
        continuing=True,
        corporate="7000012050002",
    )
    year_end.save(manager, Entry(officer.id, 2026, SALARY, {"payment": 1_500_001}, {OFFICER: "1"}))
    year_end.save(manager, Entry(staffer.id, 2026, SALARY, {"payment": 5_000_000}))
    year_end.save(
        manager, Entry(sales.id, 2026, SALARY, {"payment": 600_000}, {NO_ADJUSTMENT: "otsu"})
    )
    year_end.save(
        manager, Entry(lawyer.id, 2026, FEES, {"payment": 50_001}, {PAYMENT_KIND: "弁護士報酬"})
    )
    year_end.save(
        manager, Entry(landlord.id, 2026, RENT, {"payment": 2_400_000}, {PAYMENT_KIND: "家賃"})
    )
    return {
        "officer": officer.id,
        "staffer": staffer.id,
        "waiting": waiting.id,
        "sales": sales.id,
        "gone": gone.id,
        "later": later.id,
        "lawyer": lawyer.id,
        "landlord": landlord.id,
    }


def test_each_person_with_the_decision_and_its_reason(manager) -> None:
    ids = _office_of_2026(manager)
    due = forms_due.for_year(manager, 2026)
    by_id = {person.person_id: person for person in due.people}
    # Employees of the year in code order, then the payees; not the leaver of 2025 nor the
    # one hired in 2027.
    assert [p.code for p in due.people] == ["E001", "E002", "E003", "E004", "", ""]
    assert ids["gone"] not in by_id and ids["later"] not in by_id
    officer = by_id[ids["officer"]]
    assert officer.required and officer.entered
    assert officer.slips[0].tax_office.reason == "役員で支払金額が150万円を超えるため提出が必要"
    assert officer.slips[0].municipal is not None and officer.slips[0].municipal.required
    assert not by_id[ids["staffer"]].required
    assert "500万円以下" in by_id[ids["staffer"]].reason_text()
    waiting = by_id[ids["waiting"]]
    assert not waiting.entered and not waiting.required and "未入力" in waiting.reason_text()
    assert by_id[ids["sales"]].required and "乙欄" in by_id[ids["sales"]].reason_text()
    assert by_id[ids["lawyer"]].required and "5万円" in by_id[ids["lawyer"]].reason_text()
    landlord = by_id[ids["landlord"]]
    assert not landlord.required and "法人" in landlord.reason_text()
    assert due.not_entered == 1
    counts = {count.form: count for count in due.counts}
    assert (counts[SALARY].slips, counts[SALARY].tax_office, counts[SALARY].municipal) == (3, 2, 3)
    assert (counts[FEES].slips, counts[FEES].tax_office) == (1, 1)
    assert (counts[RENT].slips, counts[RENT].tax_office) == (1, 0)
    assert due.tax_office_slips == 3
    # 31 January 2027 is a Sunday: due on Monday 1 February.
    assert due.due_on == date(2027, 2, 1)


def test_a_clerk_sees_the_people_of_their_groups_only(office: Office, manager) -> None:
    _office_of_2026(manager)
    add_member(
        office, "tanto", ["clerk"], CLERK_PASSWORD, ["dept:営業部", "purpose:tax_withholding"]
    )
    clerk = auth.sign_in(office.data, "tanto", CLERK_PASSWORD, office.clock)
    try:
        due = forms_due.for_year(clerk, 2026)
        assert [p.name for p in due.people] == ["営業 四郎"]
        assert due.tax_office_slips == 1
    finally:
        clerk.close()


def test_the_auditor_is_refused_the_list_and_gets_the_counts(office: Office, manager) -> None:
    _office_of_2026(manager)
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    auditor = auth.sign_in(office.data, "kansa", AUDITOR_PASSWORD, office.clock)
    try:
        with pytest.raises(errors.PermissionDenied):
            forms_due.for_year(auditor, 2026)
        counted = forms_due.counts(auditor, 2026)
        assert counted.people == () and counted.tax_office_slips == 3
    finally:
        auditor.close()
    denied = [
        (target, json.loads(detail)) for _actor, target, detail in _events(office, "access.denied")
    ]
    assert ("year_end:2026", {"permission": "handle_numbers"}) in denied


def test_efiling_is_judged_on_the_slips_of_two_years_before(manager) -> None:
    kana = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホ"
    for index in range(30):
        person = _employee(manager, f"K{index:03d}", f"社員 {kana[index]}")
        year_end.save(manager, Entry(person.id, 2024, SALARY, {"payment": 6_000_000}))
        if index < 29:
            year_end.save(manager, Entry(person.id, 2026, SALARY, {"payment": 6_000_000}))
    salary = {e.form: e for e in forms_due.for_year(manager, 2026).efiling}[SALARY]
    # Submitted from 2027: 30 or more due two years before (2024's slips, due in 2025).
    assert (salary.threshold, salary.basis_year, salary.basis_count) == (30, 2024, 30)
    assert salary.required and salary.count == 29 and not salary.coming
    earlier = {e.form: e for e in forms_due.for_year(manager, 2025).efiling}[SALARY]
    assert earlier.threshold == 100 and not earlier.required


def test_efiling_is_the_offices_obligation_whatever_the_clerks_groups(
    office: Office, manager
) -> None:
    """30 salary slips of 2024 across two departments: the office must e-file its 2026 slips,
    which a clerk of one department (15 of them) is told as the manager is."""
    kana = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホ"
    for index in range(30):
        department = "総務部" if index % 2 else "営業部"
        person = _employee(manager, f"K{index:03d}", f"社員 {kana[index]}", department)
        year_end.save(manager, Entry(person.id, 2024, SALARY, {"payment": 6_000_000}))
    add_member(
        office, "tanto", ["clerk"], CLERK_PASSWORD, ["dept:営業部", "purpose:tax_withholding"]
    )
    clerk = auth.sign_in(office.data, "tanto", CLERK_PASSWORD, office.clock)
    try:
        salary = {e.form: e for e in forms_due.for_year(clerk, 2026).efiling}[SALARY]
        assert (salary.basis_count, salary.threshold) == (30, 30) and salary.required
        # The clerk's list and counts stay their own groups'.
        assert {p.department for p in forms_due.for_year(clerk, 2026).people} == {"営業部"}
        assert {e.form: e for e in forms_due.counts(clerk, 2026).efiling}[SALARY].required
    finally:
        clerk.close()


@pytest.mark.parametrize(
    ("today", "year"),
    [
        (date(2026, 11, 30), None),
        (date(2026, 12, 1), 2026),
        (date(2027, 1, 15), 2026),
        (date(2027, 2, 1), 2026),  # the rolled-forward due date itself
        (date(2027, 2, 2), None),
    ],
)
def test_the_season_runs_from_december_to_the_due_date(today: date, year: int | None) -> None:
    assert forms_due.season_year(today) == year
