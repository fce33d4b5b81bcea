"""People and numbers: registration, the purpose-bound reveal, scopes, and what is logged."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app import errors
from app.domain.my_number import MASK
from app.services import auth, numbers, people, staff
from tests.conftest import AUDITOR_PASSWORD, CLERK_PASSWORD, Office, add_member

NUMBER = "123456789018"
OTHER = "983205673214"
ALL_SCOPES = [
    "purpose:tax_withholding",
    "purpose:payment_records",
    "purpose:health_pension",
    "kind:employee",
    "kind:dependent",
    "kind:payee",
]


@pytest.fixture
def manager(office: Office):

    staff.set_scopes(office.manager, "kanri", ALL_SCOPES)
    office.manager.user = auth.member_from(
        __import__("storage.staff_repo", fromlist=["x"]).by_login(
            office.manager.vault.conn, "kanri"
        )
    )
    return office.manager


def _events(office: Office, action: str) -> list[tuple[str, str, str]]:
    return office.manager.vault.conn.execute(
        "SELECT actor_name, target, detail FROM audit_log WHERE action = ? ORDER BY seq", (action,)
    ).fetchall()


def _employee(session, code: str = "E001", department: str = "総務部"):
    return people.register_employee(
        session,
        code=code,
        name="山田 太郎",
        kana_text="やまだ たろう",
        birth_date=date(1980, 4, 1),
        department=department,
        hire_date=date(2010, 4, 1),
    )


def test_register_and_reveal_for_a_purpose_in_one_logged_step(office: Office, manager) -> None:
    person = _employee(manager)
    assert person.kana == "ヤマダ タロウ" and person.department == "総務部"
    numbers.register_number(
        manager, person.id, "１２３４－５６７８－９０１８", "1234 5678 9018", ["tax_withholding"]
    )
    shown = numbers.reveal(manager, person.id, "tax_withholding")
    assert shown.number.digits() == NUMBER
    assert str(shown).count("9018") == 0 and MASK in repr(shown)
    (event,) = _events(office, "number.revealed")
    assert event[1] == f"person:{person.id}"
    assert json.loads(event[2]) == {"purpose": "tax_withholding"}
    registered = _events(office, "number.registered")
    assert json.loads(registered[0][2])["verification"] == "pending"
    # Nothing logged carries the number.
    log = "".join(map(str, office.manager.vault.conn.execute("SELECT * FROM audit_log")))
    assert NUMBER not in log and "9018" not in log
    listed = people.search(manager, "ヤマダ").rows
    assert [p.id for p in listed] == [person.id] and listed[0].has_number


@pytest.mark.parametrize(
    ("first", "second", "message"),
    [
        (NUMBER, OTHER, "一致しません"),
        ("123456789012", "123456789012", "検査用数字"),
        ("12345", "12345", "12桁"),
    ],
)
def test_input_mistakes_have_clear_messages(
    office: Office, manager, first: str, second: str, message: str
) -> None:
    person = _employee(manager)
    with pytest.raises(errors.InvalidInput, match=message):
        numbers.register_number(manager, person.id, first, second, ["tax_withholding"])


def test_the_same_number_for_two_people_is_refused_without_saying_whose(
    office: Office, manager
) -> None:
    first = _employee(manager, "E001")
    second = _employee(manager, "E002")
    numbers.register_number(manager, first.id, NUMBER, NUMBER, ["tax_withholding"])
    with pytest.raises(errors.InvalidInput, match="別の対象者") as refused:
        numbers.register_number(manager, second.id, NUMBER, NUMBER, ["tax_withholding"])
    assert "山田" not in refused.value.message and "E001" not in refused.value.message
    with pytest.raises(errors.InvalidInput, match="既に"):
        numbers.register_number(manager, first.id, OTHER, OTHER, ["tax_withholding"])


def test_purpose_must_fit_the_person_and_the_collection(office: Office, manager) -> None:
    person = _employee(manager)
    with pytest.raises(errors.InvalidInput, match="この対象者には使えない"):
        numbers.register_number(manager, person.id, NUMBER, NUMBER, ["payment_records"])
    numbers.register_number(manager, person.id, NUMBER, NUMBER, ["tax_withholding"])
    with pytest.raises(errors.PermissionDenied):
        numbers.reveal(manager, person.id, "health_pension")
    (denied,) = _events(office, "access.denied")
    assert json.loads(denied[2])["reason"] == "not_collected_for"


def test_scope_is_enforced_in_the_service_and_refusals_are_logged(office: Office, manager) -> None:
    sales = _employee(manager, "E001", department="営業部")
    numbers.register_number(manager, sales.id, NUMBER, NUMBER, ["tax_withholding"])
    add_member(
        office, "tanaka", ["clerk"], CLERK_PASSWORD, ["purpose:tax_withholding", "dept:総務部"]
    )
    clerk = auth.sign_in(office.data, "tanaka", CLERK_PASSWORD, office.clock)
    with pytest.raises(errors.PermissionDenied, match="担当範囲外"):
        numbers.reveal(clerk, sales.id, "tax_withholding")
    with pytest.raises(errors.PermissionDenied, match="担当範囲外"):
        _employee(clerk, "E009", department="営業部")
    own = _employee(clerk, "E002", department="総務部")
    numbers.register_number(clerk, own.id, OTHER, OTHER, ["tax_withholding"])
    with pytest.raises(errors.PermissionDenied, match="担当外の事務"):
        numbers.reveal(clerk, own.id, "health_pension")
    assert numbers.reveal(clerk, own.id, "tax_withholding").number.digits() == OTHER
    clerk.close()
    reasons = [
        json.loads(d)["reason"] for a, _t, d in _events(office, "access.denied") if a == "tanaka"
    ]
    assert reasons == ["group_scope", "group_scope", "purpose_scope"]


def test_the_auditor_reads_people_but_never_a_number(office: Office, manager) -> None:
    person = _employee(manager)
    numbers.register_number(manager, person.id, NUMBER, NUMBER, ["tax_withholding"])
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD, ALL_SCOPES)
    auditor = auth.sign_in(office.data, "kansa", AUDITOR_PASSWORD, office.clock)
    assert people.search(auditor, "").total == 1
    with pytest.raises(errors.PermissionDenied):
        numbers.reveal(auditor, person.id, "tax_withholding")
    auditor.close()


def test_dependents_and_payees(office: Office, manager) -> None:
    employee = _employee(manager)
    spouse = people.register_dependent(
        manager,
        employee_id=employee.id,
        name="山田 花子",
        kana_text="ﾔﾏﾀﾞ ﾊﾅｺ",
        relation="配偶者",
        pension_category3=True,
    )
    assert spouse.department == "総務部" and spouse.employee_id == employee.id
    payee = people.register_payee(
        manager,
        name="佐藤 一郎",
        kana_text="サトウ イチロウ",
        payment_kind="fees",
        continuing=True,
        corporate="7123456789012",
    )
    numbers.register_number(manager, payee.id, OTHER, OTHER, ["payment_records"])
    assert [p.name for p in people.search(manager, "やまだ").rows] == ["山田 太郎", "山田 花子"]
    assert people.search(manager, "営業").total == 0
    assert people.search(manager, "総務").total == 2
    with pytest.raises(errors.InvalidInput, match="法人番号"):
        people.register_payee(
            manager,
            name="鈴木",
            kana_text="スズキ",
            payment_kind="fees",
            continuing=False,
            corporate="5123456789012",
        )
    with pytest.raises(errors.InvalidInput, match="フリガナ"):
        people.register_payee(
            manager, name="鈴木", kana_text="鈴木", payment_kind="fees", continuing=False
        )


def test_numbers_are_only_ciphertext_on_disk(office: Office, manager) -> None:
    person = _employee(manager)
    numbers.register_number(manager, person.id, NUMBER, NUMBER, ["tax_withholding"])
    numbers.reveal(manager, person.id, "tax_withholding")
    office.manager.close()
    raw = b"".join(p.read_bytes() for p in office.data.data_dir.rglob("*") if p.is_file())
    for form in (NUMBER, "1234 5678 9018", "1234-5678-9018"):
        assert form.encode() not in raw and form.encode("utf-16-le") not in raw


def test_purpose_notice_for_a_person_lists_what_was_collected_and_is_logged(
    office: Office, manager
) -> None:
    import io

    import pypdf

    from app.services import notices

    person = _employee(manager)
    numbers.register_number(
        manager, person.id, NUMBER, NUMBER, ["tax_withholding", "health_pension"]
    )
    pdf = notices.purpose_notice_pdf(manager, person.id)
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text().replace(" ", "")
    assert "山田太郎様" in text.replace("\n", "")
    assert "源泉徴収事務" in text and "健康保険" in text and "雇用保険" not in text
    assert NUMBER not in text and NUMBER.encode() not in pdf
    everyone = notices.purpose_notice_pdf(manager, None)
    assert "雇用保険" in pypdf.PdfReader(io.BytesIO(everyone)).pages[0].extract_text()
    assert [t for _a, t, _d in _events(office, "notice.purpose_printed")] == [
        f"person:{person.id}",
        "all",
    ]


def test_copying_switched_off_by_the_manager_is_refused_and_logged(office: Office, manager) -> None:
    from app.services import settings as settings_service

    person = _employee(manager)
    numbers.register_number(manager, person.id, NUMBER, NUMBER, ["tax_withholding"])
    assert numbers.copy(manager, person.id, "tax_withholding").number.digits() == NUMBER
    settings_service.change(manager, "copy_allowed", "false")
    with pytest.raises(errors.PermissionDenied, match="コピー"):
        numbers.copy(manager, person.id, "tax_withholding")
    assert json.loads(_events(office, "access.denied")[-1][2])["reason"] == "copy_disabled"


def test_a_number_registered_again_after_its_deletion_needs_a_reason_and_is_logged_so(
    office: Office, manager
) -> None:
    from tests.conftest import MANAGER_PASSWORD
    from tests.services.number_deletion import delete_number

    person = _employee(manager)
    numbers.register_number(manager, person.id, NUMBER, NUMBER, ["tax_withholding"])
    record = delete_number(manager, person.id, MANAGER_PASSWORD)
    with pytest.raises(errors.InvalidInput, match=f"削除記録 No. {record.id}"):
        numbers.register_number(manager, person.id, NUMBER, NUMBER, ["tax_withholding"])
    with pytest.raises(errors.InvalidInput, match="理由"):
        numbers.register_number(manager, person.id, NUMBER, NUMBER, ["tax_withholding"], reason=" ")
    with pytest.raises(errors.InvalidInput, match="数字列"):
        numbers.register_number(
            manager, person.id, NUMBER, NUMBER, ["tax_withholding"], reason=f"番号{NUMBER}"
        )
    assert not people.search(manager).rows[0].has_number
    numbers.register_number(
        manager, person.id, NUMBER, NUMBER, ["tax_withholding"], reason="再雇用のため"
    )
    assert people.search(manager).rows[0].has_number
    ((actor, target, detail),) = _events(office, "number.registered_after_deletion")
    assert (actor, target) == ("kanri", f"person:{person.id}")
    assert json.loads(detail) == {
        "purposes": ["tax_withholding"],
        "verification": "pending",
        "reason": "再雇用のため",
        "deletion_record": record.id,
    }
    assert len(_events(office, "number.registered")) == 1  # the first registration only


def test_the_identity_check_registering_a_number_after_its_deletion_needs_the_reason_too(
    office: Office, manager
) -> None:
    from app.domain.verification import Comparison, IdentityField, PresentedDocument, Subject
    from app.domain.verification import VerificationRequest as Request
    from app.services import verification
    from app.services.verification import NewNumber, VerificationEntry
    from tests.conftest import MANAGER_PASSWORD
    from tests.services.number_deletion import delete_number

    person = _employee(manager)
    numbers.register_number(manager, person.id, NUMBER, NUMBER, ["tax_withholding"])
    delete_number(manager, person.id, MANAGER_PASSWORD)
    card = PresentedDocument("individual_number_card", expires_on=date(2030, 3, 31))
    compared = Comparison(frozenset({IdentityField.NAME, IdentityField.BIRTH_DATE}), True, True)

    def entry(reason: str) -> VerificationEntry:
        return VerificationEntry(
            request=Request(Subject.EMPLOYEE, documents=(card,), comparison=compared),
            verified_on=date(2026, 11, 23),
            new_number=NewNumber(NUMBER, NUMBER, ("tax_withholding",), reason=reason),
        )

    with pytest.raises(errors.InvalidInput, match="再び登録する理由"):
        verification.record(manager, person.id, entry(""))
    assert not people.search(manager).rows[0].has_number
    verification.record(manager, person.id, entry("再雇用のため"))
    ((_actor, _target, detail),) = _events(office, "number.registered_after_deletion")
    assert json.loads(detail)["verification"] == "recorded"
