"""特定個人情報管理台帳: generated from the data, read by manager, supervisor and auditor, printed
without any personal data."""

from __future__ import annotations

import io
import re
from datetime import date

import pypdf
import pytest

from app import errors
from app.services import auth, corrections, deletion_papers, ledger, numbers, people, staff
from app.session import Session
from tests.conftest import (
    AUDITOR_PASSWORD,
    CLERK_PASSWORD,
    SUPERVISOR_PASSWORD,
    Office,
    add_member,
)
from tests.services.number_deletion import delete_number

GONE = "123456789018"
STAYS = "983205673214"
DELETED = "614106548232"
SCOPES = ["purpose:tax_withholding", "purpose:employment_insurance", "kind:employee"]


@pytest.fixture
def filled(office: Office) -> Office:
    manager = office.manager
    manager.user = staff.set_scopes(manager, "kanri", SCOPES)
    left = people.register_employee(
        manager,
        code="E001",
        name="退職 一郎",
        kana_text="タイショク イチロウ",
        hire_date=date(2010, 4, 1),
    )
    numbers.register_number(manager, left.id, GONE, GONE, ["tax_withholding"])
    corrections.retire(manager, left.id, date(2016, 3, 31), "自己都合退職")
    current = people.register_employee(
        manager, code="E002", name="在職 花子", kana_text="ザイショク ハナコ"
    )
    numbers.register_number(manager, current.id, STAYS, STAYS, ["tax_withholding"])
    gone = people.register_employee(
        manager, code="E003", name="削除 三郎", kana_text="サクジョ サブロウ"
    )
    numbers.register_number(manager, gone.id, DELETED, DELETED, ["tax_withholding"])
    delete_number(manager, gone.id, "Blue-Harbor-Lantern-41")
    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD, scopes=SCOPES)
    add_member(office, "sekinin", ["supervisor"], SUPERVISOR_PASSWORD, scopes=SCOPES)
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    return office


def _sign_in(office: Office, login: str, password: str) -> Session:
    return auth.sign_in(office.data, login, password, office.clock)


def test_counts_access_and_areas_come_from_the_data(filled: Office) -> None:
    found = ledger.management_ledger(filled.manager)
    employees = found.files[0]
    assert employees.name == "個人番号ファイル（従業員）"
    assert (employees.counts.held, employees.counts.due, employees.counts.deleted) == (2, 1, 1)
    assert "源泉徴収事務" in employees.purposes
    assert [f.counts.held for f in found.files[1:3]] == [0, 0]
    assert found.responsible == "管理 花子" and found.department == "（未設定）"
    holders = {h.name: h for h in found.access}
    assert holders["職員 Tanto"].numbers and "源泉徴収事務" in holders["職員 Tanto"].scope
    assert holders["職員 Tanto"].roles == "事務取扱担当者"
    assert not holders["職員 Kansa"].numbers
    # Those who may see numbers are listed first.
    assert [h.numbers for h in found.access] == sorted(
        (h.numbers for h in found.access), reverse=True
    )


def test_supervisor_and_auditor_read_it_and_a_clerk_is_refused(filled: Office) -> None:
    for login, password in (("sekinin", SUPERVISOR_PASSWORD), ("kansa", AUDITOR_PASSWORD)):
        session = _sign_in(filled, login, password)
        try:
            assert ledger.management_ledger(session).files
        finally:
            session.close()
    clerk = _sign_in(filled, "tanto", CLERK_PASSWORD)
    try:
        with pytest.raises(errors.PermissionDenied):
            ledger.ledger_pdf(clerk)
    finally:
        clerk.close()
    actions = [r[0] for r in filled.manager.vault.conn.execute("SELECT action FROM audit_log")]
    assert "access.denied" in actions and "ledger.printed" not in actions


def test_the_pdf_holds_no_number_nor_person_and_is_logged(filled: Office) -> None:
    pdf = ledger.ledger_pdf(filled.manager)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "".join(p.extract_text() for p in reader.pages).replace(" ", "").replace("\n", "")
    assert "特定個人情報管理台帳" in text and "テスト事業所" in text
    assert "個人番号ファイル（従業員）" in text and "管理花子" in text
    assert "2026年11月23日" in text
    assert not re.search(r"\d{12}", text)
    # No person of the files: only counts.
    assert "退職" not in text.replace("退職所得", "") and "在職" not in text
    info = reader.metadata
    assert info.title == "特定個人情報管理台帳" and not info.author and not info.subject
    actions = [
        r[0] for r in filled.manager.vault.conn.execute("SELECT action FROM audit_log ORDER BY seq")
    ]
    assert actions[-1] == "ledger.printed"


def test_the_ledger_names_the_handling_department_the_manager_set(office: Office) -> None:
    """規程第16条②: the 取扱部署 setting (the one the deletion papers print) is the ledger's."""
    assert ledger.management_ledger(office.manager).department == "（未設定）"
    deletion_papers.change_handling_department(office.manager, "総務部 人事課")
    assert ledger.management_ledger(office.manager).department == "総務部 人事課"
