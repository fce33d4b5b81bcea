"""Who signs the office's letters: set by the manager beside the contact, checked, audited, and
a fallback to the 特定個人情報管理責任者 while it is not set."""

from __future__ import annotations

import json

import pytest

from app import errors
from app.services import office_contact, staff
from tests.conftest import Office

CONTACT = {"request_desk": "総務部", "address": "", "phone": ""}


def test_the_sender_is_kept_with_the_contact_and_logged(office: Office) -> None:
    manager = office.manager
    office_contact.change_contact(
        manager, **CONTACT, sender_title="特定個人情報管理責任者 総務部長", sender_name="管理 花子"
    )
    found = office_contact.contact(manager)
    assert (found.sender_title, found.sender_name) == (
        "特定個人情報管理責任者 総務部長",
        "管理 花子",
    )
    assert office_contact.letter_sender(manager) == office_contact.Sender(
        "特定個人情報管理責任者 総務部長", "管理 花子"
    )
    detail = manager.vault.conn.execute(
        "SELECT detail FROM audit_log WHERE action = 'office.contact_changed'"
    ).fetchone()[0]
    assert json.loads(detail)["sender_name"] == "管理 花子"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"sender_title": "長" * 41}, "差出人の役職は40文字以内"),
        ({"sender_name": "名" * 31}, "差出人の氏名は30文字以内"),
        ({"sender_name": "123456789018"}, "差出人の氏名に個人番号のような数字列"),
    ],
)
def test_a_bad_sender_is_refused_in_japanese(office: Office, fields, message: str) -> None:
    with pytest.raises(errors.InvalidInput, match=message):
        office_contact.change_contact(office.manager, **CONTACT, **fields)
    assert office_contact.contact(office.manager).sender_name == ""


def test_without_a_sender_the_letters_are_signed_by_the_one_manager(office: Office) -> None:
    manager = office.manager
    assert office_contact.letter_sender(manager) == office_contact.Sender(
        "特定個人情報管理責任者", "管理 花子"
    )
    # A title alone is printed alone: the name is not guessed under someone else's title.
    office_contact.change_contact(manager, **CONTACT, sender_title="代表理事")
    assert office_contact.letter_sender(manager) == office_contact.Sender("代表理事", "")
    office_contact.change_contact(manager, **CONTACT)
    staff.create_staff(
        manager,
        login="fuku",
        display_name="副 管理",
        roles=["manager"],
        scopes=[],
        initial_password="Temp-Green-Window-55",
    )
    # Two managers: which one signs is the office's choice, so no name is printed.
    assert office_contact.letter_sender(manager) == office_contact.Sender(
        "特定個人情報管理責任者", ""
    )


def test_the_contact_and_sender_keep_their_full_width_characters(office: Office) -> None:
    office_contact.change_contact(
        office.manager,
        request_desk="総務部（個人情報相談窓口）",
        address="〒100-0001　東京都千代田区千代田１－１（架空）",
        phone="０３－１２３４－５６７８",
        sender_title="特定個人情報管理責任者　総務部長",
        sender_name="管理　花子",
    )
    found = office_contact.contact(office.manager)
    assert found.request_desk == "総務部（個人情報相談窓口）"
    assert found.address == "〒100-0001　東京都千代田区千代田１－１（架空）"
    assert found.sender_title == "特定個人情報管理責任者　総務部長"
    with pytest.raises(errors.InvalidInput, match="個人番号のような数字列"):
        office_contact.change_contact(
            office.manager, **{**CONTACT, "address": "１２３４ ５６７８ ９０１８"}
        )
