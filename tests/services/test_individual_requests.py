"""Requests from individuals: intake by a clerk, the requester identified, the manager's
decision, the notice with what is held (others' numbers masked, the person's own only when
asked and only once), the register's deadlines, and every refusal on the way."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from app import errors
from app.domain import my_number
from app.domain.individual_requests import (
    Decision,
    Ground,
    RequesterChannel,
    RequesterDocument,
    RequesterMatch,
    RequesterRole,
    RequestKind,
)
from app.services import auth, individual_requests, numbers, outputs, people, request_papers, staff
from app.services.individual_requests import Intake, RequesterEntry
from app.session import Session
from tests.conftest import CLERK_PASSWORD, MANAGER_PASSWORD, Office, add_member

NUMBER = "123456789018"
SPOUSE_NUMBER = "983205673214"
SCOPES = [
    "purpose:tax_withholding",
    "purpose:health_pension",
    "kind:employee",
    "kind:dependent",
]


@pytest.fixture
def office_with_family(office: Office) -> tuple[Office, int]:
    manager = office.manager
    manager.user = staff.set_scopes(manager, "kanri", SCOPES)
    employee = people.register_employee(
        manager,
        code="E001",
        name="山田 太郎",
        kana_text="ヤマダ タロウ",
        birth_date=date(1980, 4, 1),
        department="総務部",
        hire_date=date(2010, 4, 1),
    )
    numbers.register_number(manager, employee.id, NUMBER, NUMBER, ["tax_withholding"])
    spouse = people.register_dependent(
        manager,
        employee_id=employee.id,
        name="山田 花子",
        kana_text="ヤマダ ハナコ",
        relation="配偶者",
    )
    numbers.register_number(manager, spouse.id, SPOUSE_NUMBER, SPOUSE_NUMBER, ["tax_withholding"])
    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD, scopes=SCOPES)
    return office, employee.id


def _intake(person_id: int | None, **changes) -> Intake:
    values = {
        "kind": RequestKind.DISCLOSURE,
        "subject_name": "山田 太郎",
        "requester_name": "山田 太郎",
        "provider": RequesterRole.SELF,
        "received_on": date(2026, 11, 20),
        "channel": RequesterChannel.POST,
        "requested": "給与・社会保険の手続に関して保有している私の情報すべて",
        "person_id": person_id,
        "method": "書面の交付",
    }
    values.update(changes)
    return Intake(**values)


def _text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return "".join(page.extract_text() for page in pages).replace(" ", "").replace("\n", "")


def _entry(*documents: RequesterDocument, **changes) -> RequesterEntry:
    """A check by post (the intakes' channel): the copy's name and address agree with the form."""
    values = {
        "documents": documents or (RequesterDocument.DRIVERS_LICENSE,),
        "matched": (RequesterMatch.NAME, RequesterMatch.ADDRESS),
        "checked_on": date(2026, 11, 21),
        "reply_to_document_address": True,
    }
    values.update(changes)
    return RequesterEntry(**values)


def _verified(session: Session, request_id: int):
    return individual_requests.verify_requester(session, request_id, _entry())


def test_a_disclosure_by_post_from_intake_to_the_notice(
    office_with_family: tuple[Office, int],
) -> None:
    office, person_id = office_with_family
    manager = office.manager
    clerk = auth.sign_in(office.data, "tanto", CLERK_PASSWORD, office.clock)
    try:
        row = individual_requests.receive(clerk, _intake(person_id))
        assert row.state == "received" and row.received_by == "職員 Tanto"
        # A clerk receives and identifies, but never decides.
        _verified(clerk, row.id)
        with pytest.raises(errors.PermissionDenied):
            individual_requests.decide(clerk, row.id, Decision.FULL)
    finally:
        clerk.close()
    decided = individual_requests.decide(manager, row.id, Decision.FULL)
    assert decided.state == "decided"
    text = _text(request_papers.notice_pdf(manager, row.id))
    assert "開示決定通知書" in text and "山田太郎" in text
    assert "別紙" in text and "総務部" in text and "源泉徴収事務" in text
    # The spouse's number is held but not printed, said on the spouse's own row.
    assert (
        "山田花子（配偶者）　個人番号：保有しています（ご本人以外の方の番号のため、記載していません）"
        in text
    )
    assert NUMBER not in text and SPOUSE_NUMBER not in text
    assert not my_number.looks_like_number(text)
    notified = individual_requests.mark_notified(manager, row.id)
    assert notified.notice_no == "2026-1"
    closed = individual_requests.close(manager, row.id)
    assert closed.state == "closed" and closed.keep_until == "2029-11-23"
    states = [event.state for event in individual_requests.history(manager, row.id)]
    assert states == ["received", "verified", "decided", "notified", "closed"]
    actions = [r[0] for r in manager.vault.conn.execute("SELECT action FROM audit_log")]
    for action in ("request.received", "request.verified", "request.decided"):
        assert action in actions
    assert "request.notice_printed" in actions


def test_the_persons_own_number_is_printed_once_when_asked(
    office_with_family: tuple[Office, int],
) -> None:
    office, person_id = office_with_family
    manager = office.manager
    row = individual_requests.receive(manager, _intake(person_id, own_number_requested=True))
    _verified(manager, row.id)
    individual_requests.decide(manager, row.id, Decision.FULL)
    text = _text(request_papers.notice_pdf(manager, row.id, include_own_number=True))
    assert text.count("123456789018") == 1
    assert SPOUSE_NUMBER not in text
    with pytest.raises(errors.InvalidInput, match="一度だけ"):
        request_papers.notice_pdf(manager, row.id, include_own_number=True)
    again = _text(request_papers.notice_pdf(manager, row.id))
    assert NUMBER not in again
    disclosed = manager.vault.conn.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'number.disclosed'"
    ).fetchone()[0]
    assert disclosed == 1
    # The paper with the person's own number is in the outputs register, for the person.
    (entry,) = outputs.entries(manager)
    assert (entry.row.form, entry.row.destination, entry.row.persons) == (
        "disclosure_notice",
        "本人",
        1,
    )


def test_a_notice_withdrawn_unprinted_may_carry_the_number_again(
    office_with_family: tuple[Office, int],
) -> None:
    """The once-only rule counts notices that left: one closed without printing (取消（出力せず）)
    disclosed nothing, so the clerk can make it again; the one printed then holds it back."""
    office, person_id = office_with_family
    manager = office.manager
    row = individual_requests.receive(manager, _intake(person_id, own_number_requested=True))
    _verified(manager, row.id)
    individual_requests.decide(manager, row.id, Decision.FULL)
    first = request_papers.notice(manager, row.id, include_own_number=True)
    assert first.output_id is not None
    outputs.withdraw(manager, first.output_id)
    second = request_papers.notice(manager, row.id, include_own_number=True)
    assert second.output_id not in (None, first.output_id)
    assert _text(second.pdf).count("123456789018") == 1
    with pytest.raises(errors.InvalidInput, match="一度だけ"):
        request_papers.notice(manager, row.id, include_own_number=True)
    states = sorted(entry.row.state for entry in outputs.entries(manager))
    assert states == ["out", "withdrawn"]


def test_a_partial_disclosure_needs_its_ground_reason_and_what_is_withheld(
    office_with_family: tuple[Office, int],
) -> None:
    office, person_id = office_with_family
    manager = office.manager
    row = individual_requests.receive(manager, _intake(person_id))
    _verified(manager, row.id)
    with pytest.raises(errors.InvalidInput):
        individual_requests.decide(manager, row.id, Decision.PARTIAL)
    ground = next(g for g in Ground if g.kind is RequestKind.DISCLOSURE)
    with pytest.raises(errors.InvalidInput, match="開示しない部分"):
        individual_requests.decide(
            manager, row.id, Decision.PARTIAL, grounds=(ground,), reason="第三者の情報を含むため"
        )
    individual_requests.decide(
        manager,
        row.id,
        Decision.PARTIAL,
        grounds=(ground,),
        reason="第三者の情報を含むため",
        withheld="面談記録のうち他の従業員に関する部分",
    )
    text = _text(request_papers.notice_pdf(manager, row.id))
    assert "一部開示" in text and "第三者の情報を含むため" in text and "面談記録" in text


def test_a_request_about_someone_we_do_not_hold(office_with_family: tuple[Office, int]) -> None:
    office, _person_id = office_with_family
    manager = office.manager
    row = individual_requests.receive(
        manager,
        _intake(
            None,
            subject_name="佐藤 一郎",
            requester_name="佐藤 一郎",
            channel=RequesterChannel.IN_PERSON,
        ),
    )
    individual_requests.verify_requester(
        manager, row.id, _entry(RequesterDocument.PASSPORT, matched=(RequesterMatch.NAME,))
    )
    individual_requests.decide(
        manager, row.id, Decision.NOT_HELD, reason="当事業所はこの方の個人情報を保有していません"
    )
    text = _text(request_papers.notice_pdf(manager, row.id))
    assert "保有個人データ不存在通知書" in text and "佐藤一郎" in text and "別紙" not in text


def test_refusals_are_clear_and_change_nothing(office_with_family: tuple[Office, int]) -> None:
    office, person_id = office_with_family
    manager = office.manager
    with pytest.raises(errors.InvalidInput, match="未来"):
        individual_requests.receive(manager, _intake(person_id, received_on=date(2026, 11, 24)))
    with pytest.raises(errors.InvalidInput, match="第38条"):
        individual_requests.receive(
            manager, _intake(person_id, kind=RequestKind.CORRECTION, fee="300円")
        )
    with pytest.raises(errors.InvalidInput, match="開示の請求でだけ"):
        individual_requests.receive(
            manager, _intake(person_id, kind=RequestKind.CORRECTION, own_number_requested=True)
        )
    with pytest.raises(errors.InvalidInput, match="個人番号のような"):
        individual_requests.receive(manager, _intake(person_id, requested=f"番号 {NUMBER} の件"))
    with pytest.raises(errors.InvalidInput, match="代理人"):
        individual_requests.receive(manager, _intake(person_id, requester_name="山田 花子"))
    row = individual_requests.receive(manager, _intake(person_id))
    with pytest.raises(errors.InvalidInput, match="本人確認"):
        individual_requests.decide(manager, row.id, Decision.FULL)
    with pytest.raises(errors.InvalidInput, match="裏面"):
        individual_requests.verify_requester(
            manager,
            row.id,
            _entry(RequesterDocument.MY_NUMBER_CARD_FRONT, card_back_received=True),
        )
    with pytest.raises(errors.InvalidInput, match="書留"):
        individual_requests.verify_requester(
            manager, row.id, _entry(reply_to_document_address=False)
        )
    with pytest.raises(errors.InvalidInput, match="写しの住所"):
        individual_requests.verify_requester(
            manager, row.id, _entry(matched=(RequesterMatch.NAME,))
        )
    with pytest.raises(errors.InvalidInput, match="未来"):
        individual_requests.verify_requester(manager, row.id, _entry(checked_on=date(2026, 11, 24)))
    with pytest.raises(errors.InvalidInput, match="受け付けた日より前"):
        individual_requests.verify_requester(manager, row.id, _entry(checked_on=date(2026, 11, 19)))
    with pytest.raises(errors.InvalidInput, match="決定する前"):
        request_papers.notice_pdf(manager, row.id)
    assert individual_requests.register(manager)[0].request.state == "received"


def test_the_register_shows_the_deadlines(office_with_family: tuple[Office, int]) -> None:
    office, person_id = office_with_family
    manager = office.manager
    individual_requests.receive(manager, _intake(person_id, received_on=date(2026, 11, 2)))
    individual_requests.receive(manager, _intake(person_id, received_on=date(2026, 11, 20)))
    old, new = individual_requests.register(manager)
    today = office.clock.now().date()  # 2026-11-23
    assert old.deadlines.two_weeks_on == date(2026, 11, 16)
    assert old.deadlines.state(today).value == "suit_possible"
    assert new.deadlines.days_left(today) == (new.deadlines.target_on - today).days
    assert new.deadlines.state(today).value == "ok"
    withdrawn = individual_requests.withdraw(manager, old.request.id, "本人から取下げの連絡")
    assert withdrawn.state == "withdrawn"
    assert [e.request.id for e in individual_requests.register(manager)] == [new.request.id]


def test_the_dashboard_counts_open_and_late_requests(
    office_with_family: tuple[Office, int],
) -> None:
    from app.services import dashboard

    office, person_id = office_with_family
    manager = office.manager
    assert dashboard.summary(manager).requests_open == 0
    individual_requests.receive(manager, _intake(person_id, received_on=date(2026, 11, 2)))
    individual_requests.receive(manager, _intake(person_id, received_on=date(2026, 11, 20)))
    staff.create_staff(
        manager,
        login="shinnin",
        display_name="新任 職員",
        roles=["clerk"],
        scopes=[],
        initial_password="Temp-Quiet-River-Stone-19",
    )
    summary = dashboard.summary(manager)
    assert (summary.requests_open, summary.requests_late) == (2, 1)
    assert summary.audit_entries is not None and summary.audit_entries > 0
    # The other tasks of the same page are not overwritten by the requests' count.
    assert summary.staff_waiting_for_password_change == ("shinnin",)


def test_a_correction_is_made_through_the_correction_record_and_listed_in_the_notice(
    office_with_family: tuple[Office, int],
) -> None:
    from app.services import corrections

    office, person_id = office_with_family
    manager = office.manager
    row = individual_requests.receive(
        manager, _intake(person_id, kind=RequestKind.CORRECTION, requested="部署の誤りの訂正")
    )
    _verified(manager, row.id)
    corrections.edit_person(
        manager,
        person_id,
        {"department": "経理部", "birth_date": date(1980, 4, 2)},
        "本人からの訂正の請求",
    )
    individual_requests.decide(manager, row.id, Decision.CORRECTED)
    text = _text(request_papers.notice_pdf(manager, row.id))
    assert "訂正等決定通知書" in text and "総務部" in text and "経理部" in text
    # Days as a letter writes them.
    assert "1980年4月1日" in text and "1980年4月2日" in text and "1980-04" not in text


def test_a_justified_usage_stop_erases_the_number_through_a_deletion_run(
    office_with_family: tuple[Office, int],
) -> None:
    from app.services import deletion, settings

    office, person_id = office_with_family
    manager = office.manager
    row = individual_requests.receive(
        manager, _intake(person_id, kind=RequestKind.USAGE_STOP, requested="個人番号の消去")
    )
    with pytest.raises(errors.InvalidInput, match="決定したときだけ"):
        individual_requests.propose_deletion(manager, row.id)
    _verified(manager, row.id)
    individual_requests.decide(manager, row.id, Decision.STOPPED)
    run_id = individual_requests.propose_deletion(manager, row.id)
    run = deletion.runs(manager)[0]
    assert run.id == run_id and run.trigger == "request" and "No." in run.reason
    settings.change(manager, "two_person_rule", "off")
    deletion.approve(manager, run_id, "Blue-Harbor-Lantern-41", single_person_reason="一人の事業所")
    assert deletion.execute(manager, run_id).deleted == 1
    assert not people.readable(manager, person_id).has_number
    (record,) = deletion.run_records(manager, run_id)
    assert "本人からの請求" in record.legal_basis


def test_closed_files_past_their_years_are_discarded_by_the_manager(
    office_with_family: tuple[Office, int],
) -> None:
    from app.services import dashboard
    from storage import crypto, page_scan

    office, person_id = office_with_family
    manager = office.manager
    asked = "廃棄の確認用に書いた請求の内容"
    row = individual_requests.receive(
        manager, _intake(person_id, requested=asked, contact="電話 03-5555-0101")
    )
    _verified(manager, row.id)
    individual_requests.decide(manager, row.id, Decision.FULL)
    individual_requests.mark_notified(manager, row.id)
    closed = individual_requests.close(manager, row.id)
    still_open = individual_requests.receive(manager, _intake(person_id))
    assert closed.keep_until == "2029-11-23"

    # Kept through its keep_until day, due the day after.
    office.clock.advance(days=(date(2029, 11, 23) - date(2026, 11, 23)).days)
    assert individual_requests.expired(manager) == []
    office.clock.advance(days=1)
    assert [r.id for r in individual_requests.expired(manager)] == [row.id]
    assert dashboard.summary(manager).requests_expired == 1

    # The clerk sees the register but may not discard; a wrong password changes nothing.
    clerk = auth.sign_in(office.data, "tanto", CLERK_PASSWORD, office.clock)
    try:
        assert dashboard.summary(clerk).requests_expired == 0
        with pytest.raises(errors.PermissionDenied):
            individual_requests.discard_expired(clerk, CLERK_PASSWORD)
    finally:
        clerk.close()
    with pytest.raises(errors.SignInFailed):
        individual_requests.discard_expired(manager, "Not-The-Password-00")
    assert [r.id for r in individual_requests.expired(manager)] == [row.id]

    assert individual_requests.discard_expired(manager, MANAGER_PASSWORD) == 1
    remaining = individual_requests.register(manager, open_only=False)
    assert [e.request.id for e in remaining] == [still_open.id]
    assert individual_requests.history(manager, row.id) == []
    assert individual_requests.expired(manager) == []
    assert dashboard.summary(manager).requests_expired == 0
    assert individual_requests.discard_expired(manager, MANAGER_PASSWORD) == 0
    conn = manager.vault.conn
    events = conn.execute(
        "SELECT action, target, detail FROM audit_log WHERE action IN"
        " ('request.discarded', 'database.rebuilt', 'access.denied') ORDER BY seq"
    ).fetchall()
    assert [(a, t) for a, t, _d in events if a == "request.discarded"] == [
        ("request.discarded", f"request:{row.id}")
    ]
    assert any(a == "access.denied" for a, _t, _d in events)
    assert events[-1][0] == "database.rebuilt"
    assert "山田" not in "".join(d or "" for _a, _t, d in events)
    # The file is rebuilt: no page, free or journal, keeps what the request said.
    key = manager.vault.data_key_copy()
    try:
        hits = page_scan.find(office.data.database, key, [asked.encode(), b"03-5555-0101"])
    finally:
        crypto.zero(key)
    assert hits == []


def test_the_office_contact_is_set_by_the_manager_and_printed_on_every_paper(
    office_with_family: tuple[Office, int],
) -> None:
    from app.services import office_contact

    office, person_id = office_with_family
    manager = office.manager
    clerk = auth.sign_in(office.data, "tanto", CLERK_PASSWORD, office.clock)
    try:
        with pytest.raises(errors.PermissionDenied):
            office_contact.change_contact(clerk, request_desk="総務部", address="", phone="")
    finally:
        clerk.close()
    with pytest.raises(errors.InvalidInput, match="個人番号のような"):
        office_contact.change_contact(
            manager, request_desk="総務部", address=f"番地 {NUMBER}", phone=""
        )
    office_contact.change_contact(
        manager,
        request_desk="総務部 個人情報相談窓口",
        address="〒100-0001 東京都千代田区千代田1-1",
        phone="03-1234-5678",
    )
    assert office_contact.contact(manager).phone == "03-1234-5678"
    form = _text(request_papers.request_form_pdf(manager))
    assert "総務部個人情報相談窓口（〒100-0001東京都千代田区千代田1-1　電話03-1234-5678）" in form
    row = individual_requests.receive(manager, _intake(person_id))
    _verified(manager, row.id)
    individual_requests.decide(manager, row.id, Decision.FULL)
    notice = _text(request_papers.notice_pdf(manager, row.id))
    assert "お問合せ先テスト事業所　総務部個人情報相談窓口" in notice
    assert "苦情の申出先テスト事業所　総務部個人情報相談窓口" in notice
    assert "個人情報保護法相談ダイヤル" in notice
    actions = [r[0] for r in manager.vault.conn.execute("SELECT action FROM audit_log")]
    assert "office.contact_changed" in actions and "access.denied" in actions


def test_each_notice_says_what_its_kind_and_decision_need(
    office_with_family: tuple[Office, int],
) -> None:
    from app.services import settings

    office, person_id = office_with_family
    manager = office.manager

    def notice(kind: RequestKind, decision: Decision, **decided) -> str:
        row = individual_requests.receive(manager, _intake(person_id, kind=kind))
        _verified(manager, row.id)
        individual_requests.decide(manager, row.id, decision, **decided)
        return _text(request_papers.notice_pdf(manager, row.id))

    # 利用目的の通知: a 求め, and the purposes themselves with their basis.
    text = notice(RequestKind.PURPOSE_NOTICE, Decision.NOTIFIED)
    assert "求めを受け付けた日" in text and "別紙" in text and "ご本人の個人番号の利用目的" in text
    assert "源泉徴収事務" in text and "所得税法第194条" in text
    # Nothing held is a result, not a decision.
    text = notice(RequestKind.DISCLOSURE, Decision.NOT_HELD, reason="保有していません")
    assert "保有していないことを通知いたします" in text and "結果保有個人データ不存在" in text
    # A correction refused lists no changes.
    text = notice(RequestKind.CORRECTION, Decision.NOT_CORRECTED, reason="誤りはありません")
    assert "訂正等を行わない" in text and "訂正等の内容" not in text
    # The form says how to pay and when the answer comes.
    settings.change(manager, "request_fee_yen", "300")
    form = _text(request_papers.request_form_pdf(manager))
    assert "1件300円（その他の請求は無料）" in form and "定額小為替証書" in form
    assert "受付から14日以内を目安" in form


def test_every_notice_is_signed_and_the_attachment_dates_are_japanese(
    office: Office,
) -> None:
    from app.services import office_contact
    from tests.services.test_verification_scans import _verified

    manager = office.manager
    manager.user = staff.set_scopes(manager, "kanri", SCOPES)
    office_contact.change_contact(
        manager,
        request_desk="総務部",
        address="",
        phone="",
        sender_title="特定個人情報管理責任者 総務部長",
        sender_name="管理 花子",
    )
    person_id, _record = _verified(manager)
    row = individual_requests.receive(manager, _intake(person_id))
    _verified_request = individual_requests.verify_requester(manager, row.id, _entry())
    individual_requests.decide(manager, row.id, Decision.FULL)
    text = _text(request_papers.notice_pdf(manager, row.id))
    assert "特定個人情報管理責任者総務部長　管理花子" in text
    # The identity check in the 別紙 is dated as the letter is, never 2026-11-23.
    assert "本人確認の記録2026年11月23日" in text
    assert re.search(r"\d{4}-\d{2}-\d{2}", text) is None


def test_the_request_form_has_room_to_sign_and_to_give_reasons(
    office_with_family: tuple[Office, int],
) -> None:
    from app.services import settings

    office, _person_id = office_with_family
    settings.change(office.manager, "request_fee_yen", "300")
    form = _text(request_papers.request_form_pdf(office.manager))
    assert "請求者署名（自署）" in form
    assert "求める内容とその理由" in form
    # The law is named in full, and the form has a version of its own, not the print date.
    assert "（個人情報の保護に関する法律第38条）" in form
    assert "（法第" not in form and "様式第1号（令和8年12月版）" in form
    assert "令和8年11月23日版" not in form
