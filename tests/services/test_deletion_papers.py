"""The deletion papers made from real records (issue 15 items 12, 13): the 削除証明書 of an
ordinary leaver whose number backups still hold, and once they are gone; the 削除・廃棄記録簿
with the 取扱部署, document names once, the law of a deletion on request, the backups
destroyed and the request files discarded; a paper that cannot be laid out is told in
Japanese."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app import errors
from app.domain.individual_requests import (
    Decision,
    RequesterChannel,
    RequesterDocument,
    RequesterMatch,
    RequesterRole,
    RequestKind,
)
from app.domain.my_number import check_digit, looks_like_number
from app.services import (
    backup,
    corrections,
    deletion,
    deletion_papers,
    individual_requests,
    numbers,
    people,
    settings,
    staff,
)
from app.services.individual_requests import Intake, RequesterEntry
from app.session import Session
from storage.deletion_repo import DeletionRecordRow
from tests.conftest import CLERK_PASSWORD, MANAGER_PASSWORD, Office, add_member

PURPOSES = ["tax_withholding", "employment_insurance", "health_pension"]
SCOPES = [*(f"purpose:{p}" for p in PURPOSES), "kind:employee", "kind:dependent"]


def _number(n: int) -> str:
    base = f"{31_415_926_000 + n:011d}"
    return base + str(check_digit(base))


def _pages(pdf: bytes) -> list[str]:
    return ["".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def _no_number(pdf: bytes) -> None:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert re.search(r"[0-9０-９]{12}", text) is None and not looks_like_number(text)


SURNAMES = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"]
GIVEN = ["一郎", "花子", "健一", "美咲", "翔太"]


def _leaver(manager: Session, n: int) -> int:
    person = people.register_employee(
        manager,
        code=f"E{n:03d}",
        name=f"{SURNAMES[n % 10]} {GIVEN[n // 10 % 5]}",
        kana_text="タイショク",
        hire_date=date(2010, 4, 1),
        department="介護課",
    )
    numbers.register_number(manager, person.id, _number(n), _number(n), PURPOSES)
    corrections.retire(manager, person.id, date(2016, 3, 31), "自己都合退職")
    return person.id


def _backups(office: Office, folder: Path, count: int) -> list[Path]:
    made = []
    for _ in range(count):
        office.clock.advance(days=7)
        made.append(backup.make_backup(office.manager, folder).path)
    return made


def _delete(manager: Session, person_ids: list[int], **proposal: str) -> list[DeletionRecordRow]:
    run = deletion.propose(manager, person_ids, **proposal)
    deletion.approve(manager, run.id, MANAGER_PASSWORD, single_person_reason="一人の事業所")
    deletion.execute(manager, run.id)
    return deletion.run_records(manager, run.id)


@pytest.fixture
def manager(office: Office) -> Session:
    session = office.manager
    session.user = staff.set_scopes(session, "kanri", SCOPES)
    settings.change(session, "two_person_rule", "off")
    settings.change(session, "backup_generations", "7")
    return session


def test_an_ordinary_leavers_certificate_prints_and_names_the_backups_that_hold_the_number(
    office: Office, manager: Session, tmp_path: Path
) -> None:
    """Backups exist and the paper is confirmed: it used to crash (does not fit on one page),
    and it said 「復元できない方法により」 while seven encrypted backups held the number."""
    person = _leaver(manager, 1)
    _backups(office, tmp_path / "usb", 7)
    (record,) = _delete(manager, [person])
    deletion.confirm_paper(manager, [record.id])
    pdf = deletion.certificate_pdf(manager, record.id)
    _no_number(pdf)
    pages = _pages(pdf)
    assert len(pages) == 1
    text = pages[0]
    assert "復元できない方法により" not in text
    assert "下記のとおり削除したことを証明します。" in text
    assert "下記の時期に消去するまで、あなたの個人番号が記録されています。" in text
    # Each backup: when it was made, and after how many more backups (about when) it goes;
    # the oldest first, at the office's weekly interval.
    assert "2026年11月30日09:00" in text and "あと1回の作成で消去（2027年1月18日頃）" in text
    assert "2027年1月11日09:00" in text and "あと7回の作成で消去（2027年3月1日頃）" in text
    # The documents by name, once; the paper as shredded; no need (在職) among documents.
    assert "書類給与所得者の扶養控除等（異動）申告書、退職所得の受給に関する申告書" in text
    assert "紙の書類上記の書類：2027年1月11日廃棄済（管理花子）" in text
    assert "在職" not in text

    # Seven more weekly backups: every one made before the deletion is destroyed, and the
    # certificate printed then says the number cannot be brought back.
    _backups(office, tmp_path / "usb", 7)
    text = _pages(deletion.certificate_pdf(manager, record.id))[0]
    assert "下記のとおり復元できない方法により削除したことを証明します。" in text
    assert "バックアップも、下記のとおりすべて消去しました。" in text
    assert text.count("消去済み") == 7 and "あと" not in text


def test_the_ledger_of_an_office(office: Office, manager: Session, tmp_path: Path) -> None:
    """25 leavers with backups and paper, a dependant, a deletion on request, backups
    destroyed and a request file discarded: a few sheets, each row a few lines."""
    deletion_papers.change_handling_department(manager, "総務部 人事・給与課")
    leavers = [_leaver(manager, n) for n in range(25)]
    spouse = people.register_dependent(
        manager, employee_id=leavers[0], name="退職 和子", kana_text="タイショク", relation="配偶者"
    )
    numbers.register_number(manager, spouse.id, _number(90), _number(90), ["tax_withholding"])
    asking = people.register_employee(
        manager, code="E900", name="請求 健一", kana_text="セイキュウ", department="看護課"
    )
    numbers.register_number(manager, asking.id, _number(91), _number(91), PURPOSES)
    _discarded_request(office, manager, asking.id)
    _backups(office, tmp_path / "usb", 9)  # seven kept: two destroyed by the rotation
    records = _delete(manager, [*leavers, spouse.id])
    deletion.confirm_paper(manager, [r.id for r in records])
    _request_deletion(office, manager, asking.id)

    today = office.clock.now().date()
    pdf = deletion.ledger_pdf(manager, date(today.year - 1, 1, 1), today)
    _no_number(pdf)
    pages = _pages(pdf)
    text = "".join(pages)
    assert len(pages) <= 5  # 13 sheets for the 25 leavers alone before
    assert "取扱部署総務部人事・給与課" in text and "責任者確認" in text
    assert text.count("確認者確認日") == 27 + 2 + 1  # every row of the three lists
    # Names once: each leaver's row names the 扶養控除等申告書 once, the paper column does not
    # repeat it, and 「在職」 is no document.
    assert text.count("給与所得者の扶養控除等（異動）申告書") == 27
    assert "在職" not in text and "保存期間（" not in text
    assert "根拠：所得税法施行規則第76条の3（" in text
    # The deletion on request cites the law, and its trigger is not repeated as its basis.
    assert (
        "本人からの請求根拠：個人情報保護法第35条（利用停止等の請求）理由：開示等の請求No." in text
    )
    assert "本人からの請求：" not in text
    # The proposer, approver and executor, and the backups destroyed and the file discarded.
    assert re.search(r"提案20\d\d年\d+月\d+日管理花子承認20\d\d年\d+月\d+日管理花子管理花子", text)
    assert "2バックアップの消去（2件）" in text and text.count(".mndbackup") == 2
    assert "3開示等の請求の記録の廃棄（1件）" in text and "開示の請求" in text


def _intake(person_id: int, kind: RequestKind, day: date) -> Intake:
    return Intake(
        kind=kind,
        subject_name="請求 健一",
        requester_name="請求 健一",
        provider=RequesterRole.SELF,
        received_on=day,
        channel=RequesterChannel.POST,
        requested="個人番号の消去" if kind is RequestKind.USAGE_STOP else "保有する情報",
        person_id=person_id,
        method="書面の交付",
    )


def _verify(manager: Session, request_id: int, day: date) -> None:
    individual_requests.verify_requester(
        manager,
        request_id,
        RequesterEntry(
            documents=(RequesterDocument.DRIVERS_LICENSE,),
            matched=(RequesterMatch.NAME, RequesterMatch.ADDRESS),
            checked_on=day,
            reply_to_document_address=True,
        ),
    )


def _discarded_request(office: Office, manager: Session, person_id: int) -> None:
    """A disclosure answered and closed, then discarded past its years (three by default)."""
    day = office.clock.now().date()
    row = individual_requests.receive(manager, _intake(person_id, RequestKind.DISCLOSURE, day))
    _verify(manager, row.id, day)
    individual_requests.decide(manager, row.id, Decision.FULL)
    individual_requests.mark_notified(manager, row.id)
    individual_requests.close(manager, row.id)
    office.clock.advance(days=3 * 366)
    assert individual_requests.discard_expired(manager, MANAGER_PASSWORD) == 1


def _request_deletion(office: Office, manager: Session, person_id: int) -> None:
    day = office.clock.now().date()
    row = individual_requests.receive(manager, _intake(person_id, RequestKind.USAGE_STOP, day))
    _verify(manager, row.id, day)
    individual_requests.decide(manager, row.id, Decision.STOPPED)
    run_id = individual_requests.propose_deletion(manager, row.id)
    deletion.approve(manager, run_id, MANAGER_PASSWORD, single_person_reason="一人の事業所")
    deletion.execute(manager, run_id)


def test_the_handling_department_is_the_managers_to_set_and_is_logged(
    office: Office, manager: Session
) -> None:
    assert deletion_papers.handling_department(manager) == ""
    assert deletion_papers.change_handling_department(manager, " 総務部 ") == "総務部"
    deletion_papers.change_handling_department(manager, "総務部")  # unchanged: no event
    assert deletion_papers.handling_department(manager) == "総務部"
    events = manager.vault.conn.execute(
        "SELECT detail FROM audit_log WHERE action = 'office.department_changed'"
    ).fetchall()
    assert len(events) == 1 and "総務部" in events[0][0]
    with pytest.raises(errors.InvalidInput, match="個人番号のような"):
        deletion_papers.change_handling_department(manager, _number(5))
    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD, scopes=SCOPES)
    from app.services import auth

    clerk = auth.sign_in(office.data, "tanto", CLERK_PASSWORD, office.clock)
    try:
        with pytest.raises(errors.PermissionDenied):
            deletion_papers.change_handling_department(clerk, "経理部")
        assert deletion_papers.handling_department(clerk) == "総務部"
    finally:
        clerk.close()
