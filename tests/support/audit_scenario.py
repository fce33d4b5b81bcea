"""A working office's access log: every family of action the program logs, done through the
services as people do it (registrations, a verification, reveals and copies, refusals, a
deletion run, a request from an individual, staff and settings changes, an import, a backup,
a failed sign-in), for the tests of what the auditor reads (services, page, CSV, leaks)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from app import errors
from app.domain.import_layout import FIELDS
from app.domain.individual_requests import (
    Decision,
    RequesterChannel,
    RequesterDocument,
    RequesterMatch,
    RequesterRole,
    RequestKind,
)
from app.domain.verification import (
    Comparison,
    IdentityField,
    PresentedDocument,
    Subject,
    VerificationRequest,
)
from app.services import (
    audit,
    auth,
    backup,
    corrections,
    deletion,
    importing,
    individual_requests,
    notices,
    numbers,
    office_contact,
    people,
    refusals,
    request_papers,
    settings,
    setup,
    staff,
    verification,
    verification_scans,
)
from app.services.individual_requests import Intake, RequesterEntry
from app.services.verification import NewNumber, VerificationEntry
from tests.conftest import (
    AUDITOR_PASSWORD,
    CLERK_PASSWORD,
    MANAGER_LOGIN,
    SUPERVISOR_PASSWORD,
    Office,
    add_member,
)

# Valid numbers (check digit) used nowhere else in the scenario's text.
EMPLOYEE_NUMBER = "123456789018"
SPOUSE_NUMBER = "983205673214"
LEAVER_NUMBER = "111122223332"
PAYEE_NUMBER = "501234567893"
CORRECTED_NUMBER = "222233334440"
IMPORTED_NUMBERS = ("400000000010", "400000000028")
ALL_NUMBERS = (
    EMPLOYEE_NUMBER,
    SPOUSE_NUMBER,
    LEAVER_NUMBER,
    PAYEE_NUMBER,
    CORRECTED_NUMBER,
    *IMPORTED_NUMBERS,
)
SCOPES = [
    "purpose:tax_withholding",
    "purpose:employment_insurance",
    "purpose:health_pension",
    "purpose:payment_records",
    "kind:employee",
    "kind:dependent",
    "kind:payee",
]
CARD = PresentedDocument("individual_number_card", expires_on=date(2030, 3, 31))
MATCHED = Comparison(frozenset({IdentityField.NAME, IdentityField.BIRTH_DATE}), True, True)


@dataclass(frozen=True)
class Scenario:
    office: Office
    employee_id: int
    spouse_id: int
    leaver_id: int
    payee_id: int
    request_id: int


def _valid(number: str) -> str:
    """The number with its check digit put right (the constants above are written by hand)."""
    from app.domain.my_number import check_digit

    return number[:11] + str(check_digit(number[:11]))


def numbers_used() -> tuple[str, ...]:
    return tuple(_valid(n) for n in ALL_NUMBERS)


def build(office: Office, tmp_path: Path) -> Scenario:
    employee_no, spouse_no, leaver_no, payee_no, corrected_no, *imported = numbers_used()
    manager = office.manager
    manager.user = staff.set_scopes(manager, MANAGER_LOGIN, SCOPES)
    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD, scopes=SCOPES)
    add_member(office, "sekinin", ["supervisor"], SUPERVISOR_PASSWORD, scopes=SCOPES)
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    office_contact.change_contact(
        manager,
        request_desk="総務部 個人情報相談窓口",
        address="東京都千代田区1-1",
        phone="03-1234-5678",
    )

    employee = people.register_employee(
        manager,
        code="E001",
        name="山田 太郎",
        kana_text="ヤマダ タロウ",
        birth_date=date(1980, 4, 1),
        department="総務部",
        hire_date=date(2010, 4, 1),
    )
    verification.record(
        manager,
        employee.id,
        VerificationEntry(
            request=VerificationRequest(Subject.EMPLOYEE, documents=(CARD,), comparison=MATCHED),
            verified_on=date(2026, 11, 23),
            new_number=NewNumber(
                employee_no, employee_no, ("tax_withholding", "employment_insurance")
            ),
        ),
    )
    checked = verification.history(manager, employee.id)[0].id
    verification.record_pdf(manager, checked)
    settings.change(manager, "verification_scans", "on")
    scan_file = tmp_path / "card.png"
    scan_file.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    scan = verification_scans.add_scan(manager, checked, scan_file)
    verification_scans.open_scan(manager, scan.id)
    verification_scans.delete_scan(manager, scan.id)
    spouse = people.register_dependent(
        manager,
        employee_id=employee.id,
        name="山田 花子",
        kana_text="ヤマダ ハナコ",
        relation="配偶者",
    )
    numbers.register_number(manager, spouse.id, spouse_no, spouse_no, ["tax_withholding"])
    corrections.correct_number(manager, spouse.id, corrected_no, corrected_no, "登録の誤り")
    payee = people.register_payee(
        manager, name="鈴木 一郎", kana_text="スズキ イチロウ", payment_kind="fees", continuing=True
    )
    numbers.register_number(manager, payee.id, payee_no, payee_no, ["payment_records"])
    leaver = people.register_employee(
        manager,
        code="E002",
        name="退職 次郎",
        kana_text="タイショク ジロウ",
        hire_date=date(2010, 4, 1),
    )
    numbers.register_number(manager, leaver.id, leaver_no, leaver_no, ["tax_withholding"])
    corrections.retire(manager, leaver.id, date(2016, 3, 31), "自己都合退職")
    corrections.edit_person(manager, employee.id, {"department": "経理部"}, "異動")
    refusals.record_request(
        manager,
        payee.id,
        requested_on=date(2026, 11, 1),
        method="書面",
        answer="refused",
        reason="本人が提供を拒否",
    )
    refusals.refusal_record_pdf(manager, payee.id)
    notices.purpose_notice_pdf(manager, employee.id)
    notices.purpose_notice_pdf(manager, None)

    clerk = auth.sign_in(office.data, "tanto", CLERK_PASSWORD, office.clock)
    try:
        numbers.reveal(clerk, employee.id, "tax_withholding")
        numbers.copy(clerk, employee.id, "employment_insurance")
        with pytest.raises(errors.PermissionDenied):
            numbers.reveal(clerk, employee.id, "health_pension")  # not collected for it
        with pytest.raises(errors.PermissionDenied):
            staff.list_staff(clerk)
        run = deletion.propose(clerk, [leaver.id])
    finally:
        clerk.close()
    supervisor = auth.sign_in(office.data, "sekinin", SUPERVISOR_PASSWORD, office.clock)
    try:
        deletion.approve(supervisor, run.id, SUPERVISOR_PASSWORD)
    finally:
        supervisor.close()
    deletion.execute(manager, run.id)
    early = deletion.propose(manager, [payee.id], reason="契約の終了が確定したため")
    deletion.cancel(manager, early.id)
    (record,) = deletion.run_records(manager, run.id)
    deletion.certificate_pdf(manager, record.id)
    deletion.confirm_paper(manager, [record.id])
    day = office.clock.now().date()
    deletion.ledger_pdf(manager, day, day)

    request = individual_requests.receive(
        manager,
        Intake(
            kind=RequestKind.DISCLOSURE,
            subject_name="山田 太郎",
            requester_name="山田 太郎",
            provider=RequesterRole.SELF,
            received_on=date(2026, 11, 20),
            channel=RequesterChannel.POST,
            requested="保有している私の情報すべて",
            person_id=employee.id,
            method="書面の交付",
            own_number_requested=True,
        ),
    )
    individual_requests.verify_requester(
        manager,
        request.id,
        RequesterEntry(
            documents=(RequesterDocument.DRIVERS_LICENSE,),
            matched=(RequesterMatch.NAME, RequesterMatch.ADDRESS),
            checked_on=date(2026, 11, 21),
            reply_to_document_address=True,
        ),
    )
    individual_requests.decide(manager, request.id, Decision.FULL)
    individual_requests.reopen(manager, request.id, "決定の見直し")
    individual_requests.decide(manager, request.id, Decision.FULL)
    request_papers.notice_pdf(manager, request.id, include_own_number=True)
    individual_requests.mark_notified(manager, request.id)
    individual_requests.close(manager, request.id)
    unknown = individual_requests.receive(
        manager,
        Intake(
            kind=RequestKind.PURPOSE_NOTICE,
            subject_name="佐藤 三郎",
            requester_name="佐藤 三郎",
            provider=RequesterRole.SELF,
            received_on=date(2026, 11, 22),
            channel=RequesterChannel.POST,
            requested="利用目的",
        ),
    )
    individual_requests.withdraw(manager, unknown.id, "本人から取下げの連絡")

    source = tmp_path / "import-source" / "payroll.csv"
    source.parent.mkdir()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(FIELDS.values())
    for index, (number, given) in enumerate(zip(imported, ("太郎", "花子"), strict=True)):
        row = {
            "kind": "従業員",
            "code": f"E1{index:02d}",
            "name": f"取込 {given}",
            "kana": "トリコミ " + ("タロウ" if given == "太郎" else "ハナコ"),
            "number": number,
            "purposes": "源泉徴収事務",
        }
        writer.writerow([row.get(key, "") for key in FIELDS])
    source.write_bytes(buffer.getvalue().encode("cp932"))
    importing.dry_run(manager, source)
    importing.commit(manager, source)

    staff.set_roles(manager, "tanto", ["clerk", "supervisor"])
    staff.set_scopes(manager, "tanto", ["dept:総務部", "purpose:tax_withholding"])
    staff.reset_password(manager, "tanto", "Reset-River-Stone-12")
    staff.disable_staff(manager, "sekinin")
    staff.unlock_staff(manager, "tanto")
    audit.record_capture_exclusion_failure(manager)
    setup.reissue_recovery_key(manager)
    settings.change(manager, "reveal_seconds", "60")
    settings.change(manager, "copy_allowed", "off")
    backup.make_backup(manager, tmp_path / "backups")
    with pytest.raises(errors.AppError):
        auth.sign_in(office.data, "kansa", "Wrong-Password-000", office.clock)
    auditor = auth.sign_in(office.data, "kansa", AUDITOR_PASSWORD, office.clock)
    auditor.close()  # writes the failed try into the log
    return Scenario(office, employee.id, spouse.id, leaver.id, payee.id, request.id)
