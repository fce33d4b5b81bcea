"""Recording 本人確認: the rules decide again in the service, the record keeps no number, the
number on file stops waiting, and every refusal leaves stored data as it was."""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import date

import pypdf
import pytest

from app import errors
from app.domain import my_number
from app.domain.verification import (
    Channel,
    Comparison,
    Flags,
    Form,
    Holder,
    IdentityField,
    PresentedDocument,
    Provider,
    Subject,
    VerificationRequest,
)
from app.services import auth, corrections, dashboard, numbers, people, staff, verification
from app.services.verification import NewNumber, VerificationEntry
from app.session import Session
from storage import staff_repo
from tests.conftest import AUDITOR_PASSWORD, CLERK_PASSWORD, Office, add_member

NUMBER = "123456789018"
SPOUSE_NUMBER = "983205673214"
TODAY = date(2026, 11, 23)  # the office fixture's clock
EXPIRES = date(2030, 3, 31)
MATCHED = Comparison(frozenset({IdentityField.NAME, IdentityField.BIRTH_DATE}), True, True)
SCOPES = [
    "purpose:tax_withholding",
    "purpose:health_pension",
    "purpose:national_pension_3",
    "purpose:payment_records",
    "kind:employee",
    "kind:dependent",
    "kind:payee",
]
CARD = PresentedDocument("individual_number_card", expires_on=EXPIRES)
# The employee's form a dependant's number came on (issue 15 item 10).
FORM = {"employee_form": "withholding_declaration", "form_year": 2026}


@pytest.fixture
def manager(office: Office) -> Session:
    staff.set_scopes(office.manager, "kanri", SCOPES)
    office.manager.user = auth.member_from(staff_repo.by_login(office.manager.vault.conn, "kanri"))
    return office.manager


def _employee(session: Session, code: str = "E001", department: str = "総務部"):
    return people.register_employee(
        session,
        code=code,
        name="山田 太郎",
        kana_text="ヤマダ タロウ",
        birth_date=date(1980, 4, 1),
        department=department,
        hire_date=date(2010, 4, 1),
    )


def _card_entry(**changes) -> VerificationEntry:
    values = {
        "request": VerificationRequest(Subject.EMPLOYEE, documents=(CARD,), comparison=MATCHED),
        "verified_on": TODAY,
        "new_number": NewNumber(NUMBER, NUMBER, ("tax_withholding",)),
    }
    values.update(changes)
    return VerificationEntry(**values)


def _actions(office: Office) -> list[str]:
    return [
        r[0] for r in office.manager.vault.conn.execute("SELECT action FROM audit_log ORDER BY seq")
    ]


def _stored_rows(office: Office) -> str:
    conn = office.manager.vault.conn
    return json.dumps(
        [list(r) for r in conn.execute("SELECT * FROM verification")], ensure_ascii=False
    )


def test_card_in_person_registers_the_number_and_the_record_in_one_step(
    office: Office, manager: Session
) -> None:
    person = _employee(manager)
    row = verification.record(manager, person.id, _card_entry())
    assert row.outcome == "verified" and row.channel == "in_person" and row.provider == "self"
    assert row.checks == {
        "number": ["individual_number_card"],
        "identity": ["individual_number_card"],
    }
    assert row.documents == [
        {
            "code": "individual_number_card",
            "holder": "principal",
            "form": "original",
            "expires_on": "2030-03-31",
            "issued_on": "",
        }
    ]
    assert row.fields_compared == ["name", "birth_date"]
    assert row.recorded_by_name == "管理 花子"
    found = people_repo_get(manager, person.id)
    assert found.has_number and not found.verification_pending
    assert verification.context(manager, person.id).prior_verified
    actions = _actions(office)
    assert actions[-2:] == ["number.registered", "verification.recorded"]
    detail = office.manager.vault.conn.execute(
        "SELECT detail FROM audit_log WHERE action = 'number.registered'"
    ).fetchone()[0]
    assert json.loads(detail)["verification"] == "recorded"
    assert NUMBER not in _stored_rows(office)


def people_repo_get(session: Session, person_id: int):
    return people.readable(session, person_id)


def test_an_insufficient_verification_is_refused_and_writes_nothing(
    office: Office, manager: Session
) -> None:
    person = _employee(manager)
    before = _actions(office)
    notice = PresentedDocument("number_notice")
    with pytest.raises(errors.InvalidInput, match="本人確認が足りない") as caught:
        verification.record(
            manager,
            person.id,
            _card_entry(
                request=VerificationRequest(
                    Subject.EMPLOYEE, documents=(notice,), comparison=MATCHED
                )
            ),
        )
    assert "番号確認" in str(caught.value)
    assert NUMBER not in str(caught.value)
    assert _actions(office) == before
    assert not people_repo_get(manager, person.id).has_number
    assert verification.history(manager, person.id) == []


def test_a_pending_number_is_verified_against_the_number_on_the_documents(
    office: Office, manager: Session
) -> None:
    person = _employee(manager)
    numbers.register_number(manager, person.id, NUMBER, NUMBER, ["tax_withholding"])
    assert verification.pending(manager).total == 1
    entry = _card_entry(new_number=None)
    with pytest.raises(errors.InvalidInput, match="照合"):
        verification.record(manager, person.id, entry)
    with pytest.raises(errors.InvalidInput, match="一致しません"):
        verification.record(
            manager, person.id, _card_entry(new_number=None, presented_number=SPOUSE_NUMBER)
        )
    with pytest.raises(errors.InvalidInput, match="既に個人番号が登録"):
        verification.record(manager, person.id, _card_entry())
    assert people_repo_get(manager, person.id).verification_pending
    verification.record(
        manager,
        person.id,
        _card_entry(new_number=None, presented_number="１２３４ ５６７８ ９０１８"),
    )
    assert not people_repo_get(manager, person.id).verification_pending
    assert verification.pending(manager).total == 0
    assert dashboard.summary(manager).verification_pending == 0


def test_a_duplicate_number_is_refused_without_saying_whose(
    office: Office, manager: Session
) -> None:
    first, second = _employee(manager), _employee(manager, code="E002")
    verification.record(manager, first.id, _card_entry())
    with pytest.raises(errors.InvalidInput, match="別の対象者に登録") as caught:
        verification.record(manager, second.id, _card_entry())
    assert "山田" not in str(caught.value)
    assert verification.history(manager, second.id) == []


def test_screen_flags_are_replaced_by_what_the_database_knows(
    office: Office, manager: Session
) -> None:
    """A phone call needs a verified record on file; claiming one from the screen is not
    enough."""
    person = _employee(manager)
    phone = VerificationRequest(
        Subject.EMPLOYEE,
        channel=Channel.PHONE,
        documents=(PresentedDocument("prior_record"), PresentedDocument("phone_questions")),
        flags=Flags(prior_verified_record_exists=True),
        comparison=Comparison(frozenset({IdentityField.NAME, IdentityField.BIRTH_DATE}), True),
    )
    assert not verification.preview(manager, person.id, phone, TODAY).sufficient
    with pytest.raises(errors.InvalidInput, match="電話"):
        verification.record(manager, person.id, _card_entry(request=phone))
    # Once verified in person, the same person may re-provide the number by phone.
    verification.record(manager, person.id, _card_entry())
    assert verification.preview(manager, person.id, phone, TODAY).sufficient
    row = verification.record(
        manager, person.id, _card_entry(request=phone, new_number=None, presented_number=NUMBER)
    )
    assert row.checks["number"] == ["prior_record"]
    pdf = verification.record_pdf(manager, row.id)
    text = (
        "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
        .replace(" ", "")
        .replace("\n", "")
    )
    assert "本人確認記録" in text and "電話" in text and "山田太郎" in text
    assert NUMBER not in text and not my_number.looks_like_number(text)
    assert _actions(office)[-1] == "verification.printed"


def test_the_employer_exemption_is_honoured_only_for_employees(
    office: Office, manager: Session
) -> None:
    person = _employee(manager)
    juminhyo = PresentedDocument("resident_record_with_number")
    exempt = VerificationRequest(
        Subject.EMPLOYEE,
        # The notice was seen too, but did not count: the record keeps what served a check.
        documents=(PresentedDocument("number_notice"), juminhyo),
        flags=Flags(known_employee_verified_at_hiring=True),
        comparison=MATCHED,
        use_employer_exemption=True,
    )
    row = verification.record(manager, person.id, _card_entry(request=exempt))
    assert row.checks["identity"] == ["employer_exemption"]
    assert [d["code"] for d in row.documents] == ["resident_record_with_number"]
    assert row.flags["known_employee_verified_at_hiring"] is True


def _family(manager: Session):
    employee = _employee(manager)
    spouse = people.register_dependent(
        manager,
        employee_id=employee.id,
        name="山田 花子",
        kana_text="ヤマダ ハナコ",
        relation="妻",
        birth_date=date(1982, 5, 5),
        pension_category3=True,
    )
    return employee, spouse


def test_a_dependent_on_the_employees_form_rests_on_the_employees_own_record(
    office: Office, manager: Session
) -> None:
    employee, spouse = _family(manager)
    by_employee = VerificationEntry(
        VerificationRequest(Subject.DEPENDENT_TAX),
        TODAY,
        new_number=NewNumber(SPOUSE_NUMBER, SPOUSE_NUMBER, ("tax_withholding",)),
        **FORM,
    )
    with pytest.raises(errors.InvalidInput, match="従業員本人の本人確認を先に"):
        verification.record(manager, spouse.id, by_employee)
    own = verification.record(manager, employee.id, _card_entry())
    row = verification.record(manager, spouse.id, by_employee)
    assert row.outcome == "verified_by_employee" and row.employee_verification_id == own.id
    assert not people_repo_get(manager, spouse.id).verification_pending


def test_a_third_category_spouse_needs_the_employers_own_check(
    office: Office, manager: Session
) -> None:
    employee, spouse = _family(manager)
    verification.record(manager, employee.id, _card_entry())
    pension = NewNumber(SPOUSE_NUMBER, SPOUSE_NUMBER, ("national_pension_3",))
    with pytest.raises(errors.InvalidInput, match="第3号"):
        verification.record(
            manager,
            spouse.id,
            VerificationEntry(
                VerificationRequest(Subject.DEPENDENT_TAX), TODAY, new_number=pension
            ),
        )
    # The employee brings the spouse's number as voluntary agent, in person: 委任状, the
    # employee known since hiring (規9④), and a copy of the spouse's 住民票 with the number.
    agent = VerificationRequest(
        Subject.SPOUSE_3GO,
        provider=Provider.VOLUNTARY_AGENT,
        documents=(
            PresentedDocument("power_of_attorney", holder=Holder.PRINCIPAL),
            PresentedDocument("resident_record_with_number", form=Form.COPY),
        ),
        flags=Flags(agent_known_employee_verified_at_hiring=True),
        comparison=MATCHED,
        use_agent_exemption=True,
    )
    entry = VerificationEntry(agent, TODAY, new_number=pension)
    with pytest.raises(errors.InvalidInput, match="代理人の氏名"):
        verification.record(manager, spouse.id, entry)
    row = verification.record(
        manager,
        spouse.id,
        VerificationEntry(
            agent, TODAY, agent_name="山田 太郎", agent_relation="夫", new_number=pension
        ),
    )
    assert row.subject == "spouse_3go" and row.agent_name == "山田 太郎"
    assert row.checks["authority"] == ["power_of_attorney"]
    assert row.checks["agent_identity"] == ["agent_exemption"]
    assert verification.provider_text(row) == "任意代理人　山田 太郎（夫）"


def test_a_payee_by_post_with_copies(office: Office, manager: Session) -> None:
    payee = people.register_payee(
        manager,
        name="佐藤 一郎",
        kana_text="サトウ イチロウ",
        payment_kind="fees",
        continuing=False,
    )
    copies = VerificationRequest(
        Subject.PAYEE,
        channel=Channel.POST,
        documents=(
            PresentedDocument("resident_record_with_number", form=Form.COPY),
            PresentedDocument("drivers_license", form=Form.COPY, expires_on=EXPIRES),
        ),
        comparison=Comparison(frozenset({IdentityField.NAME, IdentityField.ADDRESS}), True),
    )
    row = verification.record(
        manager,
        payee.id,
        VerificationEntry(
            copies, TODAY, new_number=NewNumber(NUMBER, NUMBER, ("payment_records",))
        ),
    )
    assert row.channel == "post" and [d["form"] for d in row.documents] == ["copy", "copy"]
    assert verification.fields_text(row) == "氏名：一致、住所：一致"
    with pytest.raises(errors.InvalidInput, match="従業員"):
        verification.preview(manager, payee.id, VerificationRequest(Subject.EMPLOYEE), TODAY)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"verified_on": date(2026, 11, 24)}, "未来"),
        ({"verified_on": date(2015, 10, 4)}, "施行"),
        ({"note": "番号は 1234 5678 9018 でした"}, "個人番号のような"),
        ({"note": "あ" * 201}, "200文字"),
        ({"new_number": None}, "2回入力"),
        ({"new_number": NewNumber(NUMBER, "123456789017", ("tax_withholding",))}, "一致しません"),
        ({"new_number": NewNumber(NUMBER, NUMBER, ())}, "1つ以上"),
    ],
)
def test_bad_entries_are_refused_with_a_reason_and_nothing_is_written(
    office: Office, manager: Session, changes: dict, message: str
) -> None:
    person = _employee(manager)
    before = _actions(office)
    with pytest.raises(errors.InvalidInput, match=message) as caught:
        verification.record(manager, person.id, _card_entry(**changes))
    assert "9018" not in str(caught.value)
    assert _actions(office) == before and verification.history(manager, person.id) == []


def test_permissions_and_scope_are_enforced_in_the_service(
    office: Office, manager: Session
) -> None:
    person = _employee(manager, department="経理部")
    add_member(
        office,
        "tanto",
        ["clerk"],
        CLERK_PASSWORD,
        scopes=["purpose:tax_withholding", "dept:総務部"],
    )
    clerk = auth.sign_in(office.data, "tanto", CLERK_PASSWORD, office.clock)
    try:
        with pytest.raises(errors.PermissionDenied):
            verification.record(clerk, person.id, _card_entry())
        with pytest.raises(errors.PermissionDenied):
            verification.context(clerk, person.id)
        mine = _employee(manager, code="E002", department="総務部")
        numbers.register_number(manager, mine.id, NUMBER, NUMBER, ["tax_withholding"])
        numbers.register_number(
            manager, person.id, SPOUSE_NUMBER, SPOUSE_NUMBER, ["tax_withholding"]
        )
        # The clerk's list and count hold only their own department.
        waiting = verification.pending(clerk)
        assert waiting.total == 1 and [p.id for p in waiting.people] == [mine.id]
        assert dashboard.summary(clerk).verification_pending == 1
        assert verification.pending(manager).total == 2
    finally:
        clerk.close()
    denied = office.manager.vault.conn.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'access.denied' AND target = ?",
        (f"person:{person.id}",),
    ).fetchone()[0]
    assert denied == 2


def test_a_check_by_the_employee_opens_no_phone_way_for_the_employer(
    office: Office, manager: Session
) -> None:
    """Only the employer's own verification counts as a prior record (規2⑤)."""
    employee, spouse = _family(manager)
    verification.record(manager, employee.id, _card_entry())
    verification.record(
        manager,
        spouse.id,
        VerificationEntry(
            VerificationRequest(Subject.DEPENDENT_TAX),
            TODAY,
            new_number=NewNumber(SPOUSE_NUMBER, SPOUSE_NUMBER, ("tax_withholding",)),
            **FORM,
        ),
    )
    assert not verification.context(manager, spouse.id).prior_verified
    phone = VerificationRequest(
        Subject.SPOUSE_3GO,
        channel=Channel.PHONE,
        documents=(PresentedDocument("prior_record"), PresentedDocument("phone_questions")),
        comparison=MATCHED,
    )
    assert not verification.preview(manager, spouse.id, phone, TODAY).sufficient


def test_a_dependents_number_on_file_is_matched_with_the_employees_form(
    office: Office, manager: Session
) -> None:
    employee, spouse = _family(manager)
    verification.record(manager, employee.id, _card_entry())
    numbers.register_number(manager, spouse.id, SPOUSE_NUMBER, SPOUSE_NUMBER, ["tax_withholding"])
    by_employee = VerificationRequest(Subject.DEPENDENT_TAX)
    with pytest.raises(errors.InvalidInput, match="申告書"):
        verification.record(manager, spouse.id, VerificationEntry(by_employee, TODAY, **FORM))
    with pytest.raises(errors.InvalidInput, match="一致しません"):
        verification.record(
            manager,
            spouse.id,
            VerificationEntry(by_employee, TODAY, presented_number=NUMBER, **FORM),
        )
    row = verification.record(
        manager,
        spouse.id,
        VerificationEntry(by_employee, TODAY, presented_number=SPOUSE_NUMBER, **FORM),
    )
    assert row.outcome == "verified_by_employee"


def test_a_wrong_number_guess_is_logged_without_the_number(
    office: Office, manager: Session
) -> None:
    person = _employee(manager)
    numbers.register_number(manager, person.id, NUMBER, NUMBER, ["tax_withholding"])
    for _ in range(2):
        with pytest.raises(errors.InvalidInput, match="一致しません"):
            verification.record(
                manager, person.id, _card_entry(new_number=None, presented_number=SPOUSE_NUMBER)
            )
    rows = office.manager.vault.conn.execute(
        "SELECT target, detail FROM audit_log WHERE action = 'verification.number_mismatch'"
    ).fetchall()
    assert [r[0] for r in rows] == [f"person:{person.id}"] * 2
    assert all(SPOUSE_NUMBER not in str(r) for r in rows)
    assert verification.history(manager, person.id) == []


def test_facts_that_change_meanwhile_are_refused(
    office: Office, manager: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The number is registered (or corrected) by someone else between the check and the
    write: nothing is recorded on the strength of the old facts."""
    person = _employee(manager)
    stale = verification.context(manager, person.id)
    numbers.register_number(manager, person.id, NUMBER, NUMBER, ["tax_withholding"])
    before = _actions(office)
    with monkeypatch.context() as patched:
        patched.setattr(verification, "context", lambda _s, _p: stale)
        with pytest.raises(errors.ConflictingChange):
            verification.record(manager, person.id, _card_entry())
    assert _actions(office) == before

    verification.record(manager, person.id, _card_entry(new_number=None, presented_number=NUMBER))
    # Corrected after the wizard read the facts: the new number was never compared.
    stale = verification.context(manager, person.id)
    corrections.correct_number(manager, person.id, SPOUSE_NUMBER, SPOUSE_NUMBER, "入力誤りの訂正")
    with monkeypatch.context() as patched:
        patched.setattr(verification, "context", lambda _s, _p: stale)
        with pytest.raises(errors.ConflictingChange):
            verification.record(
                manager, person.id, _card_entry(new_number=None, presented_number=SPOUSE_NUMBER)
            )
    assert people_repo_get(manager, person.id).verification_pending


def test_the_known_employee_agent_is_only_the_dependents_own_employee(
    office: Office, manager: Session
) -> None:
    _employee_row, spouse = _family(manager)
    pension = NewNumber(SPOUSE_NUMBER, SPOUSE_NUMBER, ("national_pension_3",))
    agent = VerificationRequest(
        Subject.SPOUSE_3GO,
        provider=Provider.VOLUNTARY_AGENT,
        documents=(
            PresentedDocument("power_of_attorney"),
            PresentedDocument("resident_record_with_number", form=Form.COPY),
        ),
        flags=Flags(agent_known_employee_verified_at_hiring=True),
        comparison=MATCHED,
        use_agent_exemption=True,
    )
    with pytest.raises(errors.InvalidInput, match="山田 太郎"):
        verification.record(
            manager,
            spouse.id,
            VerificationEntry(agent, TODAY, agent_name="鈴木 一郎", new_number=pension),
        )
    # A payee has no employee of ours behind them: the tick does not open the exemption.
    payee = people.register_payee(
        manager,
        name="佐藤 一郎",
        kana_text="サトウ イチロウ",
        payment_kind="fees",
        continuing=False,
    )
    payee_agent = dataclasses.replace(
        agent,
        subject=Subject.PAYEE,
        documents=(
            PresentedDocument("power_of_attorney"),
            PresentedDocument("individual_number_card", form=Form.COPY, expires_on=EXPIRES),
        ),
    )
    assert not verification.preview(manager, payee.id, payee_agent, TODAY).sufficient


def test_a_number_on_file_is_checked_only_within_its_purposes(
    office: Office, manager: Session
) -> None:
    person = _employee(manager)
    numbers.register_number(manager, person.id, NUMBER, NUMBER, ["health_pension"])
    add_member(
        office,
        "tanto",
        ["clerk"],
        CLERK_PASSWORD,
        scopes=["purpose:tax_withholding", "kind:employee"],
    )
    clerk = auth.sign_in(office.data, "tanto", CLERK_PASSWORD, office.clock)
    try:
        with pytest.raises(errors.PermissionDenied):
            verification.record(
                clerk, person.id, _card_entry(new_number=None, presented_number=NUMBER)
            )
    finally:
        clerk.close()
    assert "access.denied" in _actions(office)


def test_the_auditor_can_read_records_but_never_record(office: Office, manager: Session) -> None:
    person = _employee(manager)
    row = verification.record(manager, person.id, _card_entry())
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    auditor = auth.sign_in(office.data, "kansa", AUDITOR_PASSWORD, office.clock)
    try:
        for call in (
            lambda: verification.record(auditor, person.id, _card_entry(new_number=None)),
            lambda: verification.preview(auditor, person.id, _card_entry().request, TODAY),
            lambda: verification.pending(auditor),
        ):
            with pytest.raises(errors.PermissionDenied):
                call()
        assert [r.id for r in verification.history(auditor, person.id)] == [row.id]
        assert verification.record_pdf(auditor, row.id).startswith(b"%PDF")
    finally:
        auditor.close()
