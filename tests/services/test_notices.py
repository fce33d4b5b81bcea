"""The 利用目的通知書 through the service: who it is addressed to decides what it says, it is
signed by the sender, gives the office contact, and never prints a number."""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest

from app.domain import my_number
from app.services import notices, numbers, office_contact, people, staff
from app.session import Session
from tests.conftest import Office

NUMBER = "123456789018"
SPOUSE = "983205673214"
PAYEE = "358207437311"


@pytest.fixture
def manager(office: Office) -> Session:
    office.manager.user = staff.set_scopes(
        office.manager,
        "kanri",
        [
            "purpose:tax_withholding",
            "purpose:payment_records",
            "purpose:national_pension_3",
            "kind:employee",
            "kind:dependent",
            "kind:payee",
        ],
    )
    office_contact.change_contact(
        office.manager,
        request_desk="総務部 個人情報相談窓口",
        address="〒100-0001 東京都千代田区千代田1-1",
        phone="03-1234-5678",
        sender_title="総務部長",
        sender_name="管理 花子",
    )
    return office.manager


def _text(pdf: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return "".join(p.extract_text() for p in pages).replace(" ", "").replace("\n", "")


def _family(session: Session) -> tuple[int, int]:
    employee = people.register_employee(
        session,
        code="E001",
        name="山田 太郎",
        kana_text="ヤマダ タロウ",
        birth_date=date(1980, 4, 1),
    )
    numbers.register_number(session, employee.id, NUMBER, NUMBER, ["tax_withholding"])
    spouse = people.register_dependent(
        session,
        employee_id=employee.id,
        name="山田 花子",
        kana_text="ヤマダ ハナコ",
        relation="配偶者",
    )
    numbers.register_number(
        session, spouse.id, SPOUSE, SPOUSE, ["tax_withholding", "national_pension_3"]
    )
    return employee.id, spouse.id


def test_an_employees_letter_covers_each_dependant_with_their_purposes(manager: Session) -> None:
    employee, _spouse = _family(manager)
    text = _text(notices.purpose_notice_pdf(manager, employee))
    assert "山田太郎様" in text and "あなた及びあなたの扶養親族の個人番号を" in text
    family = text.index("扶養親族　山田花子様（配偶者）の個人番号")
    assert text.index("国民年金第3号被保険者届出事務") > family
    assert NUMBER not in text and SPOUSE not in text and not my_number.looks_like_number(text)


def test_a_dependants_letter_names_the_employee(manager: Session) -> None:
    _employee, spouse = _family(manager)
    text = _text(notices.purpose_notice_pdf(manager, spouse))
    assert "山田花子様" in text and "山田太郎様の扶養親族であるあなたの個人番号を" in text
    assert "国民年金第3号被保険者届出事務" in text


def test_a_payees_letter_is_about_the_payments_not_a_family(manager: Session) -> None:
    payee = people.register_payee(
        manager, name="佐藤 一郎", kana_text="サトウ イチロウ", payment_kind="fees", continuing=True
    )
    numbers.register_number(manager, payee.id, PAYEE, PAYEE, ["payment_records"])
    text = _text(notices.purpose_notice_pdf(manager, payee.id))
    assert "扶養親族" not in text
    assert "報酬・料金等に関し、あなたの個人番号を" in text and "支払調書作成事務" in text


def test_every_letter_is_signed_and_gives_the_office_contact(manager: Session) -> None:
    employee, _spouse = _family(manager)
    for person in (employee, None):
        text = _text(notices.purpose_notice_pdf(manager, person))
        assert "総務部長　管理花子" in text
        assert "お問合せ先総務部個人情報相談窓口（〒100-0001" in text
        assert "電話03-1234-5678" in text
    everyone = _text(notices.purpose_notice_pdf(manager, None))
    assert "従業員・関係者各位" in everyone
    assert everyone.index("従業員の個人番号") < everyone.index("扶養親族の個人番号")
    assert everyone.index("扶養親族の個人番号") < everyone.index("支払先（個人）の個人番号")
