"""What the people list and the person page say beyond the fields typed: フリガナ kept in
katakana whatever was typed, whose dependent a dependent is, and a number that was deleted."""

from __future__ import annotations

from datetime import date

import pytest

from app.services import corrections, numbers, people, staff
from app.session import Session
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office
from tests.services.number_deletion import delete_number

NUMBER = "123456789018"
EVERY_GROUP = ["purpose:tax_withholding", "kind:employee", "kind:dependent", "kind:payee"]


@pytest.fixture
def manager(office: Office) -> Session:
    office.manager.user = staff.set_scopes(office.manager, MANAGER_LOGIN, EVERY_GROUP)
    return office.manager


def _kana(session: Session, person_id: int) -> str:
    return people.profile(session, person_id).details.kana


def test_kana_typed_in_hiragana_or_half_width_is_kept_in_katakana(manager: Session) -> None:
    employee = people.register_employee(
        manager, code="E001", name="山田 太郎", kana_text="やまだ たろう", department="総務部"
    )
    child = people.register_dependent(
        manager, employee_id=employee.id, name="山田 花子", kana_text="ﾔﾏﾀﾞ ﾊﾅｺ", relation="子"
    )
    payee = people.register_payee(
        manager, name="鈴木 弁護", kana_text="すずき べんご", payment_kind="fees", continuing=True
    )
    assert (employee.kana, child.kana, payee.kana) == (
        "ヤマダ タロウ",
        "ヤマダ ハナコ",
        "スズキ ベンゴ",
    )
    corrections.edit_person(manager, employee.id, {"kana": "ﾔﾏﾀﾞ ｼﾞﾛｳ"}, "誤記の訂正")
    assert _kana(manager, employee.id) == "ヤマダ ジロウ"
    # Found by any script, as before.
    assert [p.id for p in people.search(manager, "やまだ じろう").rows] == [employee.id]


def test_a_dependents_row_names_their_employee_when_the_member_may_see_them(
    office: Office, manager: Session
) -> None:
    employee = people.register_employee(
        manager, code="E001", name="伊藤 翔", kana_text="イトウ ショウ", department="栄養課"
    )
    spouse = people.register_dependent(
        manager,
        employee_id=employee.id,
        name="伊藤 一郎",
        kana_text="イトウ イチロウ",
        relation="配偶者",
    )
    rows = {p.id: p for p in people.search(manager).rows}
    assert rows[spouse.id].employee_name == "伊藤 翔"
    assert rows[employee.id].employee_name is None
    # A member who handles dependents but not employees is not told the employee's name.
    manager.user = staff.set_scopes(
        manager, MANAGER_LOGIN, ["purpose:tax_withholding", "kind:dependent"]
    )
    rows = {p.id: p for p in people.search(manager).rows}
    assert rows[spouse.id].in_scope and rows[spouse.id].employee_name is None
    assert not rows[employee.id].in_scope and rows[employee.id].employee_name is None


def test_a_deleted_number_is_told_with_its_day_and_record(office: Office, manager: Session) -> None:
    person = people.register_employee(
        manager,
        code="E001",
        name="山田 太郎",
        kana_text="ヤマダ タロウ",
        hire_date=date(2010, 4, 1),
    )
    numbers.register_number(manager, person.id, NUMBER, NUMBER, ["tax_withholding"])
    never = people.register_employee(manager, code="E002", name="佐藤 花子", kana_text="サトウ")
    (listed,) = [p for p in people.search(manager).rows if p.id == person.id]
    assert listed.has_number and listed.deletion_record is None
    record = delete_number(manager, person.id, MANAGER_PASSWORD)
    rows = {p.id: p for p in people.search(manager).rows}
    assert not rows[person.id].has_number
    assert (rows[person.id].deletion_record, rows[person.id].deleted_at) == (
        record.id,
        record.deleted_at,
    )
    assert rows[never.id].deletion_record is None and rows[never.id].deleted_at is None
    shown = people.profile(manager, person.id)
    assert (shown.deletion_record, shown.deleted_at) == (record.id, record.deleted_at)
    # Registered again: the list speaks of the number on file, not of the old deletion.
    numbers.register_number(
        manager, person.id, NUMBER, NUMBER, ["tax_withholding"], reason="再雇用のため"
    )
    again = people.profile(manager, person.id)
    assert again.has_number and again.deletion_record is None
