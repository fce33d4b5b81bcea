"""Issue 15, items 1–11, where they meet the service and the printed 本人確認記録: a photo of
someone else is refused and logged, the record keeps each field's 一致／相違, the fallback
reason, the purposes, the photo and expiry seen, and for a dependant on the employee's form the
employee and the form instead of 「本人」「対面」; the record prints each once, no number."""

from __future__ import annotations

import io
import re
from datetime import date

import pypdf
import pytest

from app import errors
from app.domain.verification import (
    Check,
    Comparison,
    FieldResult,
    Flags,
    Form,
    Holder,
    IdentityField,
    PresentedDocument,
    Provider,
    Subject,
    VerificationRequest,
)
from app.services import auth, people, staff, verification
from app.services.verification import NewNumber, VerificationEntry
from app.session import Session
from storage import staff_repo
from tests.conftest import Office

NUMBER = "123456789018"
SPOUSE_NUMBER = "983205673214"
TODAY = date(2026, 11, 23)  # the office fixture's clock
EXPIRES = date(2030, 3, 31)
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
ALL_MATCH = {f: (FieldResult.MATCH, "") for f in IdentityField}


@pytest.fixture
def manager(office: Office) -> Session:
    staff.set_scopes(office.manager, "kanri", SCOPES)
    office.manager.user = auth.member_from(staff_repo.by_login(office.manager.vault.conn, "kanri"))
    return office.manager


def _employee(session: Session):
    return people.register_employee(
        session,
        code="E001",
        name="山田 太郎",
        kana_text="ヤマダ タロウ",
        birth_date=date(1980, 4, 1),
        department="総務部",
        hire_date=date(2010, 4, 1),
    )


def _spouse(session: Session, employee_id: int):
    return people.register_dependent(
        session,
        employee_id=employee_id,
        name="山田 花子",
        kana_text="ヤマダ ハナコ",
        relation="妻",
        birth_date=date(1982, 5, 5),
        pension_category3=True,
    )


def _entry(request: VerificationRequest, purposes=("tax_withholding",), **changes):
    values = {
        "request": request,
        "verified_on": TODAY,
        "new_number": NewNumber(NUMBER, NUMBER, purposes),
    }
    values.update(changes)
    return VerificationEntry(**values)


def _actions(office: Office) -> list[str]:
    conn = office.manager.vault.conn
    return [r[0] for r in conn.execute("SELECT action FROM audit_log ORDER BY seq")]


def _pdf_text(session: Session, verification_id: int) -> str:
    pdf = verification.record_pdf(session, verification_id)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


def _no_number(text: str) -> None:
    assert re.search(r"[0-9０-９]{12}", text) is None


def _card_in_person(photo: bool | None) -> VerificationRequest:
    return VerificationRequest(
        Subject.EMPLOYEE,
        documents=(CARD,),
        comparison=Comparison.of({}, principal_photo=photo),
    )


# 1 ---------------------------------------------------------------------------------------------


def test_a_photo_of_someone_else_is_refused_logged_and_nothing_is_saved(
    office: Office, manager: Session
) -> None:
    person = _employee(manager)
    # Two non-photo documents and the employer exemption would each have made up for it before.
    request = VerificationRequest(
        Subject.EMPLOYEE,
        documents=(
            CARD,
            PresentedDocument("eligibility_certificate", expires_on=EXPIRES),
            PresentedDocument("pension_book"),
        ),
        flags=Flags(known_employee_verified_at_hiring=True),
        comparison=Comparison.of(ALL_MATCH, principal_photo=False),
        use_employer_exemption=True,
        fallback_reasons=((Check.IDENTITY, "持っていない"),),
    )
    preview = verification.preview(manager, person.id, request, TODAY)
    assert preview.stopped and not preview.sufficient
    with pytest.raises(errors.InvalidInput, match="中止してください") as caught:
        verification.record(manager, person.id, _entry(request))
    assert NUMBER not in str(caught.value)
    assert _actions(office)[-1] == "verification.photo_mismatch"
    assert verification.history(manager, person.id) == []
    assert not people.readable(manager, person.id).has_number


# 2, 3, 6, 7, 11 --------------------------------------------------------------------------------


def test_the_health_insurance_card_is_refused_after_it_ended(
    office: Office, manager: Session
) -> None:
    person = _employee(manager)
    request = VerificationRequest(
        Subject.EMPLOYEE,
        documents=(
            PresentedDocument("resident_record_with_number"),
            PresentedDocument("health_insurance_card"),
            PresentedDocument("pension_book"),
        ),
        comparison=Comparison.of(ALL_MATCH),
        fallback_reasons=((Check.IDENTITY, "持っていない"),),
    )
    with pytest.raises(errors.InvalidInput, match="身元確認"):
        verification.record(manager, person.id, _entry(request))
    assessment = verification.preview(manager, person.id, request, TODAY)
    assert any("2025年12月1日" in r.reason for r in assessment.refusals)


def test_an_address_difference_and_a_fallback_reason_are_kept_and_printed(
    office: Office, manager: Session
) -> None:
    person = _employee(manager)
    request = VerificationRequest(
        Subject.EMPLOYEE,
        documents=(
            PresentedDocument("resident_record_with_number"),
            PresentedDocument("eligibility_certificate", expires_on=EXPIRES),
            PresentedDocument("pension_book"),
        ),
        comparison=Comparison.of(
            {**ALL_MATCH, IdentityField.ADDRESS: (FieldResult.DIFFERS, "旧住所")}
        ),
        fallback_reasons=((Check.IDENTITY, "運転免許証を返納し、顔写真付きの書類がない"),),
    )
    row = verification.record(manager, person.id, _entry(request))
    assert row.facts["comparison"]["address"] == {"result": "differs", "note": "旧住所"}
    assert row.facts["fallback_reasons"] == {
        "identity": "運転免許証を返納し、顔写真付きの書類がない"
    }
    assert row.facts["purposes"] == ["tax_withholding"]
    assert verification.fields_text(row) == "氏名：一致、生年月日：一致、住所：相違（旧住所）"
    text = _pdf_text(manager, row.id)
    assert "住所：相違（旧住所）" in text
    assert "顔写真付きの身分証明書を出せなかった理由：運転免許証を返納し" in text
    assert "源泉徴収事務" in text  # the purpose
    assert "2030年3月31日まで（期限内を確認）" in text  # the expiry seen
    _no_number(text)


def test_notice_only_documents_are_refused_for_a_number_not_only_for_tax(
    office: Office, manager: Session
) -> None:
    person = _employee(manager)
    request = VerificationRequest(
        Subject.EMPLOYEE,
        documents=(
            PresentedDocument("resident_record_with_number"),
            PresentedDocument("photo_staff_id"),
        ),
        comparison=Comparison.of(ALL_MATCH, principal_photo=True),
    )
    with pytest.raises(errors.InvalidInput, match="身元確認"):
        verification.record(manager, person.id, _entry(request, ("health_pension",)))
    row = verification.record(manager, person.id, _entry(request, ("tax_withholding",)))
    assert row.checks["identity"] == ["photo_staff_id"]


def test_one_card_prints_its_photo_and_expiry_and_needs_no_comparison(
    office: Office, manager: Session
) -> None:
    person = _employee(manager)
    row = verification.record(manager, person.id, _entry(_card_in_person(True)))
    assert row.facts["comparison_needed"] is False
    assert row.facts["photos"] == {
        "principal": {"matches": True, "documents": ["individual_number_card"]}
    }
    text = _pdf_text(manager, row.id)
    assert (
        "本人：個人番号カード（マイナンバーカード）の顔写真と、来た本人の顔を見比べて一致" in text
    )
    assert "2030年3月31日まで（期限内を確認）" in text
    assert "個人番号カード1枚での確認のため、書類どうしの照合は要りません" in text
    assert "確認者印" in text
    _no_number(text)


# 9, 10, 11 -------------------------------------------------------------------------------------


def test_an_agent_is_printed_once_and_the_power_of_attorney_has_no_holder(
    office: Office, manager: Session
) -> None:
    employee = _employee(manager)
    spouse = _spouse(manager, employee.id)
    agent = VerificationRequest(
        Subject.SPOUSE_3GO,
        provider=Provider.VOLUNTARY_AGENT,
        documents=(
            PresentedDocument("power_of_attorney", holder=Holder.PRINCIPAL),
            PresentedDocument("drivers_license", holder=Holder.AGENT, expires_on=EXPIRES),
            PresentedDocument("resident_record_with_number", form=Form.COPY),
        ),
        comparison=Comparison.of(ALL_MATCH, agent_photo=True),
    )
    entry = VerificationEntry(
        agent,
        TODAY,
        agent_name="山田 太郎",
        agent_relation="夫",
        new_number=NewNumber(SPOUSE_NUMBER, SPOUSE_NUMBER, ("national_pension_3",)),
    )
    row = verification.record(manager, spouse.id, entry)
    text = _pdf_text(manager, row.id)
    assert text.count("山田太郎") == 1, text
    assert "任意代理人山田太郎（夫）" in text
    assert "委任状本人" not in text and "委任状—原本" in text
    assert "（写し（コピー））" not in text
    assert "代理人：運転免許証の顔写真と、来た代理人の顔を見比べて一致" in text
    # Three documents, an agent and the seal box still fit on one sheet.
    assert "（1／2）" not in text
    assert "国民年金第3号被保険者関係届出事務" in text or "第3号" in text
    _no_number(text)


def test_a_dependant_on_the_employees_form_records_the_employee_and_the_form(
    office: Office, manager: Session
) -> None:
    """Before: provider 「本人」 and channel 「対面」, the wizard's defaults, stored as facts."""
    employee = _employee(manager)
    spouse = _spouse(manager, employee.id)
    verification.record(
        manager,
        employee.id,
        _entry(
            VerificationRequest(
                Subject.EMPLOYEE,
                documents=(CARD,),
                comparison=Comparison.of(ALL_MATCH, principal_photo=True),
            )
        ),
    )
    entry = VerificationEntry(
        VerificationRequest(Subject.DEPENDENT_TAX),
        TODAY,
        new_number=NewNumber(SPOUSE_NUMBER, SPOUSE_NUMBER, ("tax_withholding",)),
    )
    with pytest.raises(errors.InvalidInput, match="申告書"):
        verification.record(manager, spouse.id, entry)
    with pytest.raises(errors.InvalidInput, match="何年分"):
        verification.record(
            manager,
            spouse.id,
            VerificationEntry(**{**entry.__dict__, "employee_form": "withholding_declaration"}),
        )
    row = verification.record(
        manager,
        spouse.id,
        VerificationEntry(
            **{**entry.__dict__, "employee_form": "withholding_declaration", "form_year": 2027}
        ),
    )
    assert row.provider == "" and row.channel == ""
    assert row.facts["employee_form"] == {
        "code": "withholding_declaration",
        "year": 2027,
        "employee_id": employee.id,
        "employee_name": "山田 太郎",
    }
    assert verification.provider_text(row) == "従業員　山田 太郎"
    text = _pdf_text(manager, row.id)
    assert "番号の提供者従業員山田太郎" in text
    assert "従業員が提出した給与所得者の扶養控除等（異動）申告書（令和9年分）に記載" in text
    assert "従業員山田太郎の扶養親族" in text
    assert "番号の提供者本人" not in text and "確認の方法対面" not in text
    _no_number(text)
    recorded = office.manager.vault.conn.execute(
        "SELECT detail FROM audit_log WHERE action = 'verification.recorded' ORDER BY seq DESC"
    ).fetchone()[0]
    assert "in_person" not in recorded and "self" not in recorded
