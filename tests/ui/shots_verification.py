"""Not a test: screenshots of every page of the identity check wizard (issue 15), for a person
to look at. Run explicitly:
QT_QPA_PLATFORM=offscreen:configfile=/tmp/mynumber-desk-screen-1366x768.json \
    pytest tests/ui/shots_verification.py -p no:cacheprovider -n 0
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.bootstrap import Workspace
from tests.conftest import Office
from tests.ui.conftest import open_window
from tests.ui.test_verification_wizard import (
    SPOUSE_NUMBER,
    _choose,
    _ids,
    _tick,
    _type,
    _wizard,
    ready_office,
)
from ui.tasks import DatabaseThread

OUT = Path("/tmp/verif/shots")


@pytest.fixture
def office_ready(office: Office) -> Workspace:
    return ready_office(office)


def _shot(wizard, name: str) -> None:
    QApplication.processEvents()
    screen = QApplication.primaryScreen().geometry()
    size = wizard.frameGeometry()
    print(name, "wizard", size.width(), size.height(), "screen", screen.width(), screen.height())
    wizard.grab().save(str(OUT / f"{name}.png"))


def test_shots(qtbot, office_ready: Workspace, db: DatabaseThread) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    window = open_window(qtbot, office_ready, db)
    ids = _ids(window, db)
    # A payee by post, no photo ID: two non-photo documents, a fallback reason, an address diff.
    wizard = _wizard(qtbot, window, db, ids["佐藤 一郎"])
    _tick(wizard, "verifyPurpose_payment_records")
    _shot(wizard, "01-subject")
    wizard.next()
    _shot(wizard, "02-provider")
    wizard.next()
    _choose(wizard, "channel_post")
    _shot(wizard, "03-channel")
    wizard.next()
    _tick(wizard, "doc_resident_record_with_number_principal")
    _tick(wizard, "doc_eligibility_certificate_principal")
    _type(wizard, "expiry_eligibility_certificate_principal", "2030-03-31")
    _tick(wizard, "doc_pension_book_principal")
    _tick(wizard, "doc_health_insurance_card_principal")
    _tick(wizard, "doc_notification_card_principal")
    _choose(wizard, "changed_notification_card_principal")
    _shot(wizard, "04-documents-top")
    page = wizard.documents_page
    page.scroll.verticalScrollBar().setValue(page.scroll.verticalScrollBar().maximum() // 2)
    _shot(wizard, "05-documents-middle")
    page.scroll.verticalScrollBar().setValue(page.scroll.verticalScrollBar().maximum())
    _shot(wizard, "06-documents-bottom")
    wizard.documents_page.findChild(
        __import__("PySide6.QtWidgets", fromlist=["QComboBox"]).QComboBox, "fallback_identity"
    ).setCurrentText("顔写真付きの身分証明書を持っていない")
    wizard.next()
    _choose(wizard, "field_name_match")
    _choose(wizard, "field_birth_date_match")
    _choose(wizard, "field_address_differs")
    _shot(wizard, "07-compare")
    from app.domain.verification import IdentityField

    wizard.compare_page.notes[IdentityField.ADDRESS].setCurrentText("旧住所（転居前の住所）")
    wizard.next()
    _type(wizard, "verifyNumberFirst", SPOUSE_NUMBER)
    _type(wizard, "verifyNumberSecond", SPOUSE_NUMBER)
    _shot(wizard, "08-number")
    wizard.next()
    _shot(wizard, "09-result")
    wizard.reject()

    # An employee in person with the card whose photo does not match: the stop.
    wizard = _wizard(qtbot, window, db, ids["山田 太郎"])
    _shot(wizard, "10-subject-registered")
    wizard.next()
    wizard.next()
    wizard.next()
    _tick(wizard, "doc_individual_number_card_principal")
    _type(wizard, "expiry_individual_number_card_principal", "2031-04-01")
    wizard.next()
    _choose(wizard, "photo_principal_differs")
    _shot(wizard, "11-compare-card-photo-differs")
    wizard.next()
    _type(wizard, "verifyNumberFirst", "123456789018")
    wizard.next()
    _shot(wizard, "12-result-stopped")
    wizard.reject()

    # The spouse through the employee as agent: both photos asked; the agent refused on the phone.
    wizard = _wizard(qtbot, window, db, ids["山田 花子"])
    _choose(wizard, "subject_spouse_3go")
    _tick(wizard, "verifyPurpose_national_pension_3")
    wizard.next()
    _choose(wizard, "provider_voluntary_agent")
    _type(wizard, "agentRelationEdit", "夫")
    wizard.next()
    _shot(wizard, "13-channel-agent")
    _choose(wizard, "channel_in_person")
    wizard.next()
    _tick(wizard, "doc_power_of_attorney_principal")
    _tick(wizard, "doc_drivers_license_agent")
    _type(wizard, "expiry_drivers_license_agent", "2031-01-01")
    _tick(wizard, "doc_individual_number_card_principal")
    _type(wizard, "expiry_individual_number_card_principal", "2031-01-01")
    _shot(wizard, "14-documents-agent")
    wizard.next()
    _choose(wizard, "field_name_match")
    _choose(wizard, "field_birth_date_match")
    _choose(wizard, "photo_agent_match")
    _shot(wizard, "15-compare-agent")
    wizard.next()
    _type(wizard, "verifyNumberFirst", SPOUSE_NUMBER)
    _type(wizard, "verifyNumberSecond", SPOUSE_NUMBER)
    wizard.next()
    _shot(wizard, "16-result-agent")
    wizard.reject()

    # A dependant on the employee's form.
    wizard = _wizard(qtbot, window, db, ids["山田 花子"])
    _choose(wizard, "subject_dependent_tax")
    _tick(wizard, "verifyPurpose_tax_withholding")
    wizard.next()
    _shot(wizard, "17-employee-form")
    wizard.reject()


def test_record_pdfs(office: Office) -> None:
    """The printed 本人確認記録 for: a principal with the card, an agent with a 委任状, a
    dependant via the 申告書, an address difference (with a fallback reason)."""
    from datetime import date

    from app.domain.verification import (
        Check,
        Comparison,
        FieldResult,
        Form,
        Holder,
        IdentityField,
        PresentedDocument,
        Provider,
        Subject,
        VerificationRequest,
    )
    from app.services import people, staff, verification
    from app.services.verification import NewNumber, VerificationEntry
    from tests.conftest import MANAGER_LOGIN

    out = Path("/tmp/verif/pdf")
    out.mkdir(parents=True, exist_ok=True)
    session = office.manager
    session.user = staff.set_scopes(
        session,
        MANAGER_LOGIN,
        [
            "purpose:tax_withholding",
            "purpose:health_pension",
            "purpose:national_pension_3",
            "purpose:payment_records",
            "kind:employee",
            "kind:dependent",
            "kind:payee",
        ],
    )
    today = date(2026, 11, 23)
    same = {f: (FieldResult.MATCH, "") for f in IdentityField}
    taro = people.register_employee(
        session,
        code="E001",
        name="山田 太郎",
        kana_text="ヤマダ タロウ",
        birth_date=date(1980, 4, 1),
        department="総務部",
    )
    card = VerificationRequest(
        Subject.EMPLOYEE,
        documents=(PresentedDocument("individual_number_card", expires_on=date(2031, 4, 1)),),
        comparison=Comparison.of({}, principal_photo=True),
    )
    first = verification.record(
        session,
        taro.id,
        VerificationEntry(
            card,
            today,
            new_number=NewNumber(
                "123456789018", "123456789018", ("tax_withholding", "health_pension")
            ),
        ),
    )
    hanako = people.register_dependent(
        session,
        employee_id=taro.id,
        name="山田 花子",
        kana_text="ヤマダ ハナコ",
        relation="妻",
        birth_date=date(1982, 5, 5),
        pension_category3=True,
    )
    agent = VerificationRequest(
        Subject.SPOUSE_3GO,
        provider=Provider.VOLUNTARY_AGENT,
        documents=(
            PresentedDocument("power_of_attorney"),
            PresentedDocument("drivers_license", holder=Holder.AGENT, expires_on=date(2029, 6, 1)),
            PresentedDocument("resident_record_with_number", form=Form.COPY),
        ),
        comparison=Comparison.of(same, agent_photo=True),
    )
    second = verification.record(
        session,
        hanako.id,
        VerificationEntry(
            agent,
            today,
            agent_name="山田 太郎",
            agent_relation="夫",
            new_number=NewNumber("983205673214", "983205673214", ("national_pension_3",)),
        ),
    )
    ichiro = people.register_dependent(
        session,
        employee_id=taro.id,
        name="山田 一郎",
        kana_text="ヤマダ イチロウ",
        relation="子",
        birth_date=date(2010, 7, 7),
    )
    third = verification.record(
        session,
        ichiro.id,
        VerificationEntry(
            VerificationRequest(Subject.DEPENDENT_TAX),
            today,
            new_number=NewNumber("876543210989", "876543210989", ("tax_withholding",)),
            employee_form="withholding_declaration",
            form_year=2027,
        ),
    )
    sato = people.register_payee(
        session,
        name="佐藤 一郎",
        kana_text="サトウ イチロウ",
        payment_kind="fees",
        continuing=False,
    )
    moved = VerificationRequest(
        Subject.PAYEE,
        channel=__import__("app.domain.verification", fromlist=["Channel"]).Channel.POST,
        documents=(
            PresentedDocument("resident_record_with_number", form=Form.COPY),
            PresentedDocument(
                "eligibility_certificate", form=Form.COPY, expires_on=date(2030, 3, 31)
            ),
            PresentedDocument("pension_book", form=Form.COPY),
        ),
        comparison=Comparison.of(
            {**same, IdentityField.ADDRESS: (FieldResult.DIFFERS, "旧住所（転居前の住所）")}
        ),
        fallback_reasons=((Check.IDENTITY, "運転免許証を返納し、顔写真付きの書類がない"),),
    )
    fourth = verification.record(
        session,
        sato.id,
        VerificationEntry(
            moved,
            today,
            note="住民票の写しは令和8年11月2日発行。",
            new_number=NewNumber("111111111118", "111111111118", ("payment_records",)),
        ),
    )
    for name, row in (
        ("1-card", first),
        ("2-agent", second),
        ("3-dependant", third),
        ("4-address", fourth),
    ):
        (out / f"{name}.pdf").write_bytes(verification.record_pdf(session, row.id))
