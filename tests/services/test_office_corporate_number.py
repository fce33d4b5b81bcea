"""The office's 法人番号: kept once with its contact (set by the manager, checked by its check
digit, stored normalised, audited in the contact's event) and used as the payer's on every
statutory form, unless one is given for a print."""

from __future__ import annotations

import json
import re

import pytest

from app import errors
from app.services import audit, audit_text, forms_print, office_contact, payment_forms
from app.session import Session
from tests.conftest import CLERK_PASSWORD, Office, add_member

CONTACT = {"request_desk": "総務部", "address": "東京都千代田区1-1", "phone": "03-1234-5678"}
PAYER_NO = "4010001234567"
OTHER_NO = "5010001234566"


def _events(session: Session, action: str) -> list[tuple[str, dict]]:
    rows = session.vault.conn.execute(
        "SELECT target, detail FROM audit_log WHERE action = ? ORDER BY seq", (action,)
    ).fetchall()
    return [(target, json.loads(detail) if detail else {}) for target, detail in rows]


def _stored(session: Session) -> str:
    return session.vault.conn.execute(
        "SELECT corporate_number FROM office WHERE id = 1"
    ).fetchone()[0]


@pytest.mark.parametrize(
    "typed",
    [
        PAYER_NO,
        "４０１０００１２３４５６７",
        "4-0100-0123-4567",
        " 4010 0012 34567 ",
        "４ー０１０００１ー２３４５６７",
    ],
)
def test_the_number_is_stored_normalised_and_logged_with_the_contact(
    office: Office, typed: str
) -> None:
    manager = office.manager
    found = office_contact.change_contact(manager, **CONTACT, corporate_number=typed)
    assert found.corporate_number == PAYER_NO
    assert _stored(manager) == PAYER_NO
    assert office_contact.contact(manager).corporate_number == PAYER_NO
    # One event for the whole change: the contact's fields and the number together.
    ((target, detail),) = _events(manager, "office.contact_changed")
    assert target == "office"
    assert detail["corporate_number"] == PAYER_NO and detail["phone"] == "03-1234-5678"
    shown = audit_text.describe("office.contact_changed", target, detail, audit_text.Directory())
    assert f"法人番号：{PAYER_NO}" in shown.detail_line


def test_an_unchanged_number_is_not_logged_and_an_emptied_one_is(office: Office) -> None:
    manager = office.manager
    office_contact.change_contact(manager, **CONTACT, corporate_number=PAYER_NO)
    office_contact.change_contact(
        manager, **{**CONTACT, "phone": "03-0000-0000"}, corporate_number=PAYER_NO
    )
    office_contact.change_contact(
        manager, **{**CONTACT, "phone": "03-0000-0000"}, corporate_number=""
    )
    details = [detail for _target, detail in _events(manager, "office.contact_changed")]
    assert details[1] == {"phone": "03-0000-0000"}
    assert details[2] == {"corporate_number": ""}
    assert _stored(manager) == ""
    shown = audit_text.describe(
        "office.contact_changed", "office", details[2], audit_text.Directory()
    )
    assert shown.detail_line == "法人番号：なし"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("4010001234568", "法人番号の検査用数字（先頭の1桁）が合いません"),
        ("401000123456", "法人番号は数字13桁で入力してください"),  # 12 digits: maybe a 個人番号
        ("40100012345670", "法人番号は数字13桁で入力してください"),
        ("401000123456A", "法人番号は数字13桁で入力してください"),
    ],
)
def test_a_wrong_number_is_refused_in_japanese_and_nothing_changes(
    office: Office, typed: str, message: str
) -> None:
    manager = office.manager
    office_contact.change_contact(manager, **CONTACT, corporate_number=PAYER_NO)
    with pytest.raises(errors.InvalidInput, match=re.escape(message)) as refused:
        office_contact.change_contact(
            manager, **{**CONTACT, "phone": "03-9999-9999"}, corporate_number=typed
        )
    assert not re.search(r"\d{5}", refused.value.message)  # what was typed is not quoted
    assert _stored(manager) == PAYER_NO
    assert office_contact.contact(manager).phone == "03-1234-5678"
    assert len(_events(manager, "office.contact_changed")) == 1


def test_only_the_manager_sets_it_and_a_denial_is_logged(office: Office) -> None:
    from app.services import auth

    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD)
    clerk = auth.sign_in(office.data, "tanto", CLERK_PASSWORD, office.clock)
    try:
        with pytest.raises(errors.PermissionDenied):
            office_contact.change_contact(clerk, **CONTACT, corporate_number=PAYER_NO)
    finally:
        clerk.close()
    manager = office.manager
    assert _stored(manager) == ""
    ((target, detail),) = _events(manager, "access.denied")
    assert target == "office" and detail["permission"] == "manage_settings"
    assert _events(manager, "office.contact_changed") == []


def test_the_number_and_its_event_are_one_transaction(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    manager = office.manager

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the log is full")

    monkeypatch.setattr(audit, "record", broken)
    with pytest.raises(RuntimeError):
        office_contact.change_contact(manager, **CONTACT, corporate_number=PAYER_NO)
    monkeypatch.undo()
    assert _stored(manager) == ""


def test_the_payer_of_every_form_carries_the_offices_number(office: Office) -> None:
    manager = office.manager
    assert payment_forms.office_payer(manager).corporate_number == ""
    assert forms_print.payer(manager).corporate_number == ""
    office_contact.change_contact(manager, **CONTACT, corporate_number=PAYER_NO)
    payer = payment_forms.office_payer(manager)
    assert (payer.name, payer.address, payer.phone, payer.corporate_number) == (
        "テスト事業所",
        "東京都千代田区1-1",
        "03-1234-5678",
        PAYER_NO,
    )
    assert forms_print.payer(manager).corporate_number == PAYER_NO
    # One given for a print overrides the office's; a wrong one is refused.
    assert forms_print.payer(manager, OTHER_NO).corporate_number == OTHER_NO
    with pytest.raises(errors.InvalidInput, match="検査用数字"):
        forms_print.payer(manager, "5010001234567")


def test_the_demo_office_prints_with_a_valid_number(data, clock) -> None:
    from app.domain import corporate_number
    from app.services import demo

    result, _accounts = demo.create_demo(data, clock, people_count=3)
    try:
        number = payment_forms.office_payer(result.session).corporate_number
    finally:
        result.session.close()
    assert number == demo.DEMO_CORPORATE_NUMBER
    assert corporate_number.parse(number).digits == number
