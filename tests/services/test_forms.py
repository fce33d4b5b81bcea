"""Printing the 給与所得の源泉徴収票 through the service: which copy opens which numbers, the
checks of the reveal path, and one access-log event per person and form."""

from __future__ import annotations

import io
import json
import re
from datetime import date

import pypdf
import pytest

from app import errors
from app.domain import corporate_number
from app.domain.my_number import check_digit
from app.domain.withholding_slip import InvalidSlip, Payer, PersonYear, Relative
from app.services import auth, forms, numbers, people, staff
from storage import staff_repo
from tests.conftest import AUDITOR_PASSWORD, CLERK_PASSWORD, Office, add_member
from tests.services.test_numbers import ALL_SCOPES, NUMBER, OTHER, _employee, _events

UNDER16_NO = "2468013579" + "1" + str(check_digit("24680135791"))
_BASE = "010001234567"
PAYER_NO = str(corporate_number.check_digit(_BASE)) + _BASE


@pytest.fixture
def manager(office: Office):
    """The manager, with every scope, as in test_numbers."""
    staff.set_scopes(office.manager, "kanri", ALL_SCOPES)
    office.manager.user = auth.member_from(staff_repo.by_login(office.manager.vault.conn, "kanri"))
    return office.manager


def _family(session):
    employee = _employee(session)
    spouse = people.register_dependent(
        session, employee_id=employee.id, name="山田 花子", kana_text="やまだ はなこ",
        relation="配偶者", birth_date=date(1982, 5, 5),
    )  # fmt: skip
    child = people.register_dependent(
        session, employee_id=employee.id, name="山田 次郎", kana_text="やまだ じろう",
        relation="子", birth_date=date(2015, 6, 6),
    )  # fmt: skip
    numbers.register_number(session, employee.id, NUMBER, NUMBER, ["tax_withholding"])
    numbers.register_number(session, spouse.id, OTHER, OTHER, ["tax_withholding"])
    numbers.register_number(session, child.id, UNDER16_NO, UNDER16_NO, ["tax_withholding"])
    return employee, spouse, child


def _slip(employee, spouse, child) -> PersonYear:
    return PersonYear(
        person_id=employee.id,
        year=2026,
        amounts={"payment": 5_800_000, "tax": 120_300, "social_insurance": 860_000},
        address="東京都千代田区霞が関三丁目1番1号",
        spouse=Relative("山田 花子", "ヤマダ ハナコ", spouse.id),
        under_16=(Relative("山田 次郎", "ヤマダ ジロウ", child.id),),
    )


PAYER = Payer("株式会社サンプル商事", "東京都港区芝公園1-2-3", "03-1234-5678", PAYER_NO)


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


def _log(office: Office) -> str:
    return "".join(map(str, office.manager.vault.conn.execute("SELECT * FROM audit_log")))


def test_the_tax_office_copy_opens_the_numbers_with_one_event(office: Office, manager) -> None:
    employee, spouse, child = _family(manager)
    pdf = forms.render(
        manager, 2026, "gensen_choshu", "tax_office", [_slip(employee, spouse, child)], PAYER
    )
    text = _text(pdf)
    assert NUMBER in text and OTHER in text and PAYER_NO in text
    assert UNDER16_NO not in text  # 16歳未満: on the 給与支払報告書 only
    assert "山田太郎" in text and "5800000" in text
    (event,) = _events(office, "number.form_printed")
    assert event[1] == f"person:{employee.id}"
    assert json.loads(event[2]) == {
        "form": "gensen_choshu", "year": 2026, "copy": "tax_office",
        "purpose": "tax_withholding", "numbers": 2,
    }  # fmt: skip
    assert _events(office, "number.revealed") == []
    assert NUMBER not in _log(office) and OTHER not in _log(office)


def test_the_municipal_copy_carries_the_under_16s(office: Office, manager) -> None:
    employee, spouse, child = _family(manager)
    pdf = forms.render(
        manager, 2026, "gensen_choshu", "municipal", [_slip(employee, spouse, child)], PAYER
    )
    text = _text(pdf)
    for number in (NUMBER, OTHER, UNDER16_NO, PAYER_NO):
        assert number in text
    (event,) = _events(office, "number.form_printed")
    assert json.loads(event[2])["numbers"] == 3


def test_the_recipient_copy_opens_no_number(office: Office, manager) -> None:
    employee, spouse, child = _family(manager)
    pdf = forms.render(
        manager, 2026, "gensen_choshu", "recipient", [_slip(employee, spouse, child)], PAYER
    )
    text = _text(pdf)
    assert "受給者交付用" in text and "山田太郎" in text
    for number in (NUMBER, OTHER, UNDER16_NO, PAYER_NO):
        assert number not in text
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert not re.search(r"\d{12}", reader.pages[0].extract_text())
    assert _events(office, "number.form_printed") == []
    (event,) = _events(office, "form.printed")
    assert json.loads(event[2]) == {"form": "gensen_choshu", "year": 2026, "copy": "recipient"}


def test_a_purpose_outside_the_clerks_scope_is_refused_and_logged(office: Office, manager) -> None:
    employee, spouse, child = _family(manager)
    add_member(
        office,
        "tanaka",
        ["clerk"],
        CLERK_PASSWORD,
        ["purpose:payment_records", "kind:employee", "kind:dependent"],
    )
    clerk = auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    try:
        with pytest.raises(errors.PermissionDenied, match="担当外の事務"):
            forms.render(
                clerk, 2026, "gensen_choshu", "tax_office", [_slip(employee, spouse, child)], PAYER
            )
    finally:
        clerk.close()
    denied = [json.loads(d) for a, _t, d in _events(office, "access.denied") if a == "tanaka"]
    assert denied[-1]["reason"] == "purpose_scope"
    assert _events(office, "number.form_printed") == []


def test_a_number_not_collected_for_withholding_is_not_printed(office: Office, manager) -> None:
    employee = _employee(manager)
    numbers.register_number(manager, employee.id, NUMBER, NUMBER, ["health_pension"])
    slip = PersonYear(person_id=employee.id, year=2026, amounts={"payment": 1})
    with pytest.raises(errors.PermissionDenied):
        forms.render(manager, 2026, "gensen_choshu", "tax_office", [slip], PAYER)
    assert _events(office, "number.form_printed") == []


def test_a_member_without_number_handling_prints_nothing(office: Office, manager) -> None:
    employee, spouse, child = _family(manager)
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD, ALL_SCOPES)
    auditor = auth.sign_in(office.data, "kansa", AUDITOR_PASSWORD, office.clock)
    try:
        with pytest.raises(errors.PermissionDenied):
            forms.render(
                auditor, 2026, "gensen_choshu", "recipient", [_slip(employee, spouse, child)], PAYER
            )
    finally:
        auditor.close()
    assert _events(office, "form.printed") == []


def test_the_year_and_the_amounts_are_checked(office: Office, manager) -> None:
    employee, spouse, child = _family(manager)
    with pytest.raises(errors.InvalidInput, match="2025年分"):
        slip = PersonYear(person_id=employee.id, year=2025, amounts={})
        forms.render(manager, 2025, "gensen_choshu", "recipient", [slip], PAYER)
    with pytest.raises(errors.InvalidInput, match="別の年分"):
        forms.render(manager, 2026, "gensen_choshu", "recipient", [slip], PAYER)
    with pytest.raises(InvalidSlip):
        PersonYear(person_id=employee.id, year=2026, amounts={"payment": -1})
    with pytest.raises(InvalidSlip):
        PersonYear(person_id=employee.id, year=2026, amounts={"bonus": 1})
    with pytest.raises(errors.InvalidInput, match="法人番号"):
        forms.render(
            manager,
            2026,
            "gensen_choshu",
            "tax_office",
            [_slip(employee, spouse, child)],
            Payer("x", corporate_number="1234567890123"),
        )


def test_the_family_comes_from_the_register_split_at_16(office: Office, manager) -> None:
    employee, spouse, child = _family(manager)
    older = people.register_dependent(
        manager, employee_id=employee.id, name="山田 三郎", kana_text="やまだ さぶろう",
        relation="子", birth_date=date(2011, 1, 1),
    )  # fmt: skip
    third = "3579" + "2468" + "135" + str(check_digit("35792468135"))
    numbers.register_number(manager, older.id, third, third, ["tax_withholding"])
    slip = forms.person_year(manager, employee.id, 2026, {"payment": 3_000_000})
    assert slip.spouse is not None and slip.spouse.person_id == spouse.id
    # Born 2011-01-01: 16 on 2026-12-31 (a year older the day before the birthday).
    assert [r.person_id for r in slip.dependants] == [older.id]
    assert [r.person_id for r in slip.under_16] == [child.id]
    text = _text(forms.render(manager, 2026, "gensen_choshu", "tax_office", [slip], PAYER))
    assert third in text and OTHER in text and NUMBER in text and UNDER16_NO not in text
    assert "山田三郎" in text and "山田次郎" in text
    with pytest.raises(errors.InvalidInput):
        forms.person_year(manager, spouse.id, 2026, {})
