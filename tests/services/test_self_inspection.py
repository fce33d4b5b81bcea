"""The yearly self-inspection report: every section from the year's records, read and printed
by the manager, the supervisor and the auditor (a clerk is refused, logged), no number and no
person's name in the PDF, neutral metadata, the compliance map appended, the print logged."""

from __future__ import annotations

import io
import re
from datetime import date

import pypdf
import pytest

from app import errors
from app.domain.records import Verdict
from app.services import (
    account_reviews,
    auth,
    inspection_sections,
    numbers,
    people,
    self_inspection,
    staff,
    training,
)
from app.session import Session
from tests.conftest import (
    AUDITOR_PASSWORD,
    CLERK_PASSWORD,
    SUPERVISOR_PASSWORD,
    Office,
    add_member,
)

NUMBER = "983205673214"
SCOPES = ["purpose:tax_withholding", "kind:employee"]


@pytest.fixture
def filled(office: Office) -> Office:
    manager = office.manager
    manager.user = staff.set_scopes(manager, "kanri", SCOPES)
    manager.user = staff.set_roles(manager, "kanri", ["manager", "clerk"]).member
    person = people.register_employee(
        manager, code="E002", name="在職 花子", kana_text="ザイショク ハナコ"
    )
    numbers.register_number(manager, person.id, NUMBER, NUMBER, ["tax_withholding"])
    numbers.reveal(manager, person.id, "tax_withholding")
    numbers.reveal(manager, person.id, "tax_withholding")
    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD, scopes=SCOPES)
    add_member(office, "sekinin", ["supervisor"], SUPERVISOR_PASSWORD, scopes=SCOPES)
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    return office


def _sign_in(office: Office, login: str, password: str) -> Session:
    return auth.sign_in(office.data, login, password, office.clock)


def _text(pdf: bytes) -> tuple[str, pypdf.PdfReader]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "".join(p.extract_text() for p in reader.pages)
    return text.replace(" ", "").replace("\n", ""), reader


def test_the_report_has_every_section_and_no_number(filled: Office) -> None:
    manager = filled.manager
    training.record(
        manager,
        held_on=date(2026, 6, 1),
        title="特定個人情報の取扱い研修",
        trainer="外部講師",
        attendees=[training.Attendee(None, "職員 Tanto")],
    )
    account_reviews.record(
        manager,
        reviewed_on=date(2026, 11, 1),
        verdicts=account_reviews.confirm_all(account_reviews.draft(manager)),
    )
    found = self_inspection.build(manager, 2026)
    titles = [s.title for s in found.sections]
    assert len(titles) == len(inspection_sections.SECTION_BUILDERS)
    reveals = next(s for s in found.sections if s.title.startswith("個人番号の表示"))
    assert ("管理 花子", "2件", "0件", "0件") in reveals.rows
    assert found.managers == ("管理 花子",) and found.supervisors == ("職員 Sekinin",)
    pdf = self_inspection.report_pdf(manager, 2026)
    text, reader = _text(pdf)
    for title in titles:
        assert title.replace(" ", "") in text, title
    assert "自己点検報告書" in text and "テスト事業所" in text
    assert "特定個人情報取扱規程" in text and "保有個人情報管理規程" in text  # the appendix
    assert "署名又は記名押印" in text and "事務取扱責任者" in text
    assert "特定個人情報の取扱い研修" in text and "改ざん・欠落は見つかりませんでした" in text
    # No number, and no person of the files: the staff only.
    assert not re.search(r"\d{12}", text) and NUMBER not in text
    assert "在職" not in text
    info = reader.metadata
    assert info.title == "自己点検報告書" and not info.author and not info.subject
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            assert "+" in str(ref.get_object()["/BaseFont"])
    assert b"Helvetica" not in pdf
    (last,) = manager.vault.conn.execute(
        "SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert last == "inspection.printed"


def test_missing_records_and_overdue_work_are_marked(filled: Office) -> None:
    found = self_inspection.build(filled.manager, 2026)
    by_title = {s.title: s for s in found.sections}
    tasks = by_title["期限を過ぎた作業"]
    assert tasks.attention
    assert any("研修" in row[0] for row in tasks.rows)
    assert any("棚卸し" in row[0] for row in tasks.rows)
    assert by_title["研修の実施（規程第50条）"].attention
    assert not by_title["アクセス記録の検証"].attention
    # A review that asks for a change shows the account.
    lines = account_reviews.draft(filled.manager)
    verdicts = account_reviews.confirm_all(lines)
    clerk = next(line for line in lines if line.login_name == "tanto")
    verdicts[clerk.staff_id] = (Verdict.DISABLE, "退職予定")
    account_reviews.record(filled.manager, reviewed_on=date(2026, 11, 2), verdicts=verdicts)
    found = self_inspection.build(filled.manager, 2026)
    review = next(s for s in found.sections if s.title.startswith("アカウントの棚卸し"))
    assert "職員 Tanto（無効化が必要）" in review.rows[0][4]


def test_the_supervisor_and_the_auditor_print_it_and_a_clerk_is_refused(filled: Office) -> None:
    for login, password in (("sekinin", SUPERVISOR_PASSWORD), ("kansa", AUDITOR_PASSWORD)):
        session = _sign_in(filled, login, password)
        try:
            assert self_inspection.report_pdf(session, 2026).startswith(b"%PDF")
        finally:
            session.close()
    clerk = _sign_in(filled, "tanto", CLERK_PASSWORD)
    try:
        with pytest.raises(errors.PermissionDenied):
            self_inspection.report_pdf(clerk, 2026)
        (action,) = clerk.vault.conn.execute(
            "SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        assert action == "access.denied"
    finally:
        clerk.close()


def test_a_year_outside_the_system_is_refused(office: Office) -> None:
    with pytest.raises(errors.InvalidInput):
        self_inspection.build(office.manager, 2027)
    with pytest.raises(errors.InvalidInput):
        self_inspection.build(office.manager, 2015)
