"""Editing and retiring people, and the correction records kept for each change (規程第47条)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app import errors
from app.services import auth, corrections, numbers, people, staff
from tests.conftest import AUDITOR_PASSWORD, CLERK_PASSWORD, MANAGER_LOGIN, Office, add_member

NUMBER = "123456789018"
OTHER = "983205673214"
SCOPES = [
    "purpose:tax_withholding",
    "purpose:health_pension",
    "purpose:payment_records",
    "kind:employee",
    "kind:dependent",
    "kind:payee",
]


@pytest.fixture
def manager(office: Office):
    office.manager.user = staff.set_scopes(office.manager, MANAGER_LOGIN, SCOPES)
    return office.manager


def _employee(session, code: str = "E001", department: str = "総務部"):
    return people.register_employee(
        session,
        code=code,
        name="山田 花子",
        kana_text="ヤマダ ハナコ",
        birth_date=date(1985, 5, 5),
        department=department,
        hire_date=date(2010, 4, 1),
    )


def _events(office: Office, action: str) -> list[tuple[str, str, str]]:
    return office.manager.vault.conn.execute(
        "SELECT actor_name, target, detail FROM audit_log WHERE action = ? ORDER BY seq", (action,)
    ).fetchall()


def test_an_edit_keeps_who_when_why_and_what(office: Office, manager) -> None:
    person = _employee(manager)
    office.clock.advance(minutes=5)
    result = corrections.edit_person(
        manager,
        person.id,
        {"name": "鈴木 花子", "kana": "すずき はなこ", "department": "経理部", "birth_date": None},
        "婚姻による氏名変更と異動",
    )
    assert result.changed == ["氏名", "フリガナ", "生年月日", "部署"]
    assert result.details.name == "鈴木 花子" and result.details.department == "経理部"
    (record,) = corrections.history(manager, person.id)
    assert record.reason == "婚姻による氏名変更と異動"
    assert record.changed_by_name == "管理 花子"
    assert record.changed_at == office.clock.now().isoformat(timespec="seconds")
    assert record.keep_until == "2027-11-24"  # at least a year (規程第47条)
    assert {c["label"]: (c["before"], c["after"]) for c in record.changes} == {
        "氏名": ("山田 花子", "鈴木 花子"),
        "フリガナ": ("ヤマダ ハナコ", "スズキ ハナコ"),  # kept in katakana
        "生年月日": ("1985-05-05", "（なし）"),
        "部署": ("総務部", "経理部"),
    }
    (event,) = _events(office, "person.updated")
    assert json.loads(event[2]) == {
        "fields": ["name", "kana", "birth_date", "department"],
        "correction": record.id,
    }
    # The new kana is searchable in any script.
    assert [p.id for p in people.search(manager, "スズキ").rows] == [person.id]
    assert people.search(manager, "ヤマダ").rows == []


def test_nothing_changed_writes_nothing(office: Office, manager) -> None:
    person = _employee(manager)
    result = corrections.edit_person(
        manager, person.id, {"name": "山田　花子", "department": "総務部"}, "確認"
    )
    assert result.changed == []
    assert corrections.history(manager, person.id) == []
    assert _events(office, "person.updated") == []


@pytest.mark.parametrize(
    ("values", "reason", "message"),
    [
        ({"name": "鈴木 花子"}, "  ", "理由を入力"),
        ({"name": "鈴木 花子"}, "番号 1234 5678 9018 の人", "数字列"),
        ({"kana": "Suzuki"}, "訂正", "カタカナ"),
        ({"name": ""}, "訂正", "氏名は"),
        ({"leave_date": date(2001, 1, 1)}, "訂正", "退職日が入社日より前"),
        ({"status": "left"}, "訂正", "退職日を入力"),
        ({"status": "retired"}, "訂正", "在職・休職・退職"),
        ({"code": "E 1"}, "訂正", "半角英数字"),
        ({"relation": "子"}, "訂正", "変更できない項目"),
        ({"birth_date": date(1800, 1, 1)}, "訂正", "生年月日の日付"),
    ],
)
def test_mistakes_are_refused_with_a_clear_message_and_nothing_changes(
    office: Office, manager, values, reason: str, message: str
) -> None:
    person = _employee(manager)
    with pytest.raises(errors.InvalidInput, match=message) as refused:
        corrections.edit_person(manager, person.id, values, reason)
    assert "9018" not in refused.value.message
    assert people.profile(manager, person.id).details.name == "山田 花子"
    assert corrections.history(manager, person.id) == []


def test_a_code_in_use_is_refused(office: Office, manager) -> None:
    _employee(manager, "E001")
    second = _employee(manager, "E002")
    with pytest.raises(errors.InvalidInput, match="既に使われています"):
        corrections.edit_person(manager, second.id, {"code": "E001"}, "訂正")
    corrections.edit_person(manager, second.id, {"code": "E003"}, "コードの付け替え")
    assert people.profile(manager, second.id).details.code == "E003"


def test_retiring_each_kind_ends_the_ongoing_need(office: Office, manager) -> None:
    employee = _employee(manager)
    dependent = people.register_dependent(
        manager,
        employee_id=employee.id,
        name="山田 一郎",
        kana_text="ヤマダ イチロウ",
        relation="子",
    )
    payee = people.register_payee(
        manager, name="税理 士郎", kana_text="ゼイリ シロウ", payment_kind="fees", continuing=True
    )
    corrections.retire(manager, dependent.id, date(2026, 3, 31), "就職により扶養を外れた")
    corrections.retire(manager, payee.id, date(2026, 6, 30), "顧問契約の終了")
    result = corrections.retire(manager, employee.id, date(2026, 10, 31), "自己都合退職")
    assert result.details.status == "left" and result.details.leave_date == "2026-10-31"
    assert result.details.retired_at == "2026-10-31"
    assert people.profile(manager, dependent.id).details.valid_to == "2026-03-31"
    assert people.profile(manager, dependent.id).details.retired_at == "2026-03-31"
    assert people.profile(manager, payee.id).details.contract_to == "2026-06-30"
    assert len(_events(office, "person.retired")) == 3
    (record,) = corrections.history(manager, employee.id)
    assert [c["label"] for c in record.changes] == ["退職日", "在職状況"]
    assert record.changes[1]["after"] == "退職"
    # Back in employment (the leave was entered for the wrong person): retired_at clears.
    corrections.edit_person(
        manager, employee.id, {"status": "active", "leave_date": None}, "別人の退職を誤登録"
    )
    assert people.profile(manager, employee.id).details.retired_at is None


def test_scope_and_roles_are_enforced_in_the_service(office: Office, manager) -> None:
    sales = _employee(manager, "E001", department="営業部")
    own = _employee(manager, "E002", department="総務部")
    add_member(
        office, "tanaka", ["clerk"], CLERK_PASSWORD, ["purpose:tax_withholding", "dept:総務部"]
    )
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    clerk = auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    with pytest.raises(errors.PermissionDenied, match="担当範囲外"):
        corrections.edit_person(clerk, sales.id, {"name": "営業 太郎"}, "訂正")
    with pytest.raises(errors.PermissionDenied, match="担当範囲外"):
        corrections.edit_person(clerk, own.id, {"department": "営業部"}, "異動")
    corrections.edit_person(clerk, own.id, {"name": "総務 花子"}, "入力誤りの訂正")
    clerk.close()
    auditor = auth.sign_in(office.data, "kansa", AUDITOR_PASSWORD, office.clock)
    with pytest.raises(errors.PermissionDenied):
        corrections.retire(auditor, own.id, date(2026, 1, 1), "退職")
    # The auditor reads records: the history and the person page, never a number.
    assert [r.changed_by_name for r in corrections.history(auditor, own.id)] == ["職員 Tanaka"]
    assert people.profile(auditor, own.id).may_edit is False
    auditor.close()
    assert people.profile(manager, own.id).details.department == "総務部"
    reasons = [json.loads(d).get("reason") for _a, _t, d in _events(office, "access.denied")]
    assert reasons == ["group_scope", "group_scope", None]


def test_a_corrected_number_replaces_the_old_one_and_records_no_digits(
    office: Office, manager
) -> None:
    person = _employee(manager, "E001")
    other = _employee(manager, "E002")
    numbers.register_number(
        manager, person.id, NUMBER, NUMBER, ["tax_withholding", "health_pension"]
    )
    numbers.register_number(manager, other.id, OTHER, OTHER, ["tax_withholding"])
    with pytest.raises(errors.InvalidInput, match="別の対象者"):
        corrections.correct_number(manager, person.id, OTHER, OTHER, "入力誤り")
    with pytest.raises(errors.InvalidInput, match="同じです"):
        corrections.correct_number(manager, person.id, NUMBER, NUMBER, "入力誤り")
    with pytest.raises(errors.InvalidInput, match="一致しません"):
        corrections.correct_number(manager, person.id, "111111111118", NUMBER, "入力誤り")
    corrections.correct_number(manager, person.id, "111111111118", "1111 1111 1118", "入力誤り")
    assert numbers.reveal(manager, person.id, "health_pension").number.digits() == "111111111118"
    profile = people.profile(manager, person.id)
    assert profile.verification_pending and profile.purposes == [
        "health_pension",
        "tax_withholding",
    ]
    # The old number is free again: its blind index went with it.
    third = _employee(manager, "E003")
    numbers.register_number(manager, third.id, NUMBER, NUMBER, ["tax_withholding"])
    (record,) = corrections.history(manager, person.id)
    assert record.changes == [
        {
            "field": "my_number",
            "label": "個人番号",
            "before": "（記録しない）",
            "after": "（記録しない）",
        }
    ]
    stored = "".join(
        map(str, office.manager.vault.conn.execute("SELECT * FROM correction"))
    ) + "".join(map(str, office.manager.vault.conn.execute("SELECT * FROM audit_log")))
    for digits in (NUMBER, "111111111118", "9018", "1118"):
        assert digits not in stored
    assert len(_events(office, "number.corrected")) == 1


def test_profile_shows_family_and_purposes(office: Office, manager) -> None:
    employee = _employee(manager)
    spouse = people.register_dependent(
        manager,
        employee_id=employee.id,
        name="山田 太郎",
        kana_text="ヤマダ タロウ",
        relation="配偶者",
        pension_category3=True,
    )
    numbers.register_number(manager, employee.id, NUMBER, NUMBER, ["tax_withholding"])
    profile = people.profile(manager, employee.id)
    assert [d.id for d in profile.dependents] == [spouse.id]
    assert profile.purposes == ["tax_withholding"] and profile.has_number
    assert profile.may_edit and profile.corrections == 0
    family = people.profile(manager, spouse.id)
    assert family.employee is not None and family.employee.id == employee.id
    assert family.details.pension_category3 and family.details.department == "総務部"
    assert people.departments(manager) == ["総務部"]


def test_correcting_a_number_needs_every_purpose_it_was_collected_for(
    office: Office, manager
) -> None:
    person = _employee(manager)
    numbers.register_number(manager, person.id, NUMBER, NUMBER, ["health_pension"])
    add_member(
        office, "tanaka", ["clerk"], CLERK_PASSWORD, ["purpose:tax_withholding", "kind:employee"]
    )
    clerk = auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    with pytest.raises(errors.PermissionDenied, match="担当外の事務"):
        corrections.correct_number(clerk, person.id, OTHER, OTHER, "入力誤りの訂正")
    clerk.close()
    assert numbers.reveal(manager, person.id, "health_pension").number.digits() == NUMBER
    (denied,) = _events(office, "access.denied")
    assert json.loads(denied[2]) == {"reason": "purpose_scope", "purpose": "health_pension"}


def test_the_family_on_a_page_follows_the_scope(office: Office, manager) -> None:
    from app.domain.settings import SettingKey

    employee = _employee(manager)
    people.register_dependent(
        manager,
        employee_id=employee.id,
        name="山田 一郎",
        kana_text="ヤマダ イチロウ",
        relation="子",
    )
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD, ["kind:employee"])
    add_member(office, "suzuki", ["clerk"], "Green-Cedar-Window-52", ["kind:dependent"])
    clerk = auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    (shown,) = people.profile(clerk, employee.id).dependents
    assert (shown.in_scope, shown.name, shown.relation, shown.kana) == (
        False,
        "（担当範囲外）",
        None,
        "",
    )
    clerk.settings[SettingKey.OUT_OF_SCOPE_LISTED] = False
    assert people.profile(clerk, employee.id).dependents == []
    clerk.close()
    other = auth.sign_in(office.data, "suzuki", "Green-Cedar-Window-52", office.clock)
    dependent_id = people.profile(manager, employee.id).dependents[0].id
    family = people.profile(other, dependent_id)
    assert family.employee is not None and not family.employee.in_scope
    assert family.employee.name == "（担当範囲外）" and family.employee.code is None
    other.close()


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"code": "123456789018"}, "従業員コードに個人番号のような数字列"),
        ({"department": "1234-5678-9018"}, "部署に個人番号のような数字列"),
    ],
)
def test_a_number_is_never_kept_in_a_plain_field(
    office: Office, manager, values: dict, message: str
) -> None:
    person = _employee(manager)
    with pytest.raises(errors.InvalidInput, match=message):
        corrections.edit_person(manager, person.id, values, "訂正")
    with pytest.raises(errors.InvalidInput, match="従業員コードに個人番号"):
        _employee(manager, code="１２３４５６７８９０１８")


def test_a_number_stored_before_the_rule_is_not_copied_into_the_record(
    office: Office, manager
) -> None:
    person = _employee(manager)
    manager.vault.conn.execute(
        "UPDATE employee SET code = '123456789018' WHERE person_id = ?", (person.id,)
    )
    # Other fields can still be corrected (the unchanged code is not checked again) ...
    corrections.edit_person(
        manager, person.id, {"name": "山田 春子", "code": "123456789018"}, "入力誤りの訂正"
    )
    # ... and the record keeps the fix of the code without its old value.
    corrections.edit_person(manager, person.id, {"code": "E009"}, "番号を誤ってコード欄に入力")
    records = corrections.history(manager, person.id)
    assert records[0].changes == [
        {
            "field": "code",
            "label": "従業員コード",
            "before": "（番号のような数字列）",
            "after": "E009",
        }
    ]
    assert "123456789018" not in str(records)


def test_end_dates_are_consistent_everywhere(office: Office, manager) -> None:
    payee = people.register_payee(
        manager,
        name="講師 一郎",
        kana_text="コウシ イチロウ",
        payment_kind="fees",
        continuing=False,
        contract_from=date(2026, 4, 1),
        contract_to=date(2026, 9, 30),
    )
    assert payee.retired_at == "2026-09-30"  # a payee registered with its end is ended
    with pytest.raises(errors.InvalidInput, match="既に契約終了"):
        corrections.retire(manager, payee.id, date(2026, 10, 31), "契約の解除")
    employee = _employee(manager)
    corrections.retire(manager, employee.id, date(2026, 3, 31), "自己都合退職")
    with pytest.raises(errors.InvalidInput, match="退職日を空欄"):
        corrections.edit_person(manager, employee.id, {"status": "active"}, "復職")
    # A reason may carry dates and document numbers, just not a number-like run.
    corrections.edit_person(
        manager,
        employee.id,
        {"status": "active", "leave_date": None},
        "2026年4月1日付の人事異動（辞令第20260401号）による訂正",
    )
    assert people.profile(manager, employee.id).details.retired_at is None


def test_the_departments_offered_are_the_members_own(office: Office, manager) -> None:
    _employee(manager, "E001", department="総務部")
    _employee(manager, "E002", department="営業部")
    assert people.departments(manager) == ["営業部", "総務部"]
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD, ["dept:総務部"])
    clerk = auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    assert people.departments(clerk) == ["総務部"]
    clerk.close()
