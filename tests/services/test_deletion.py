"""Deletion runs (SPEC §4): the due list, a clerk's proposal, another member's approval with
their password, execution in one transaction with records that hold no number, and every
refusal on the way."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app import errors
from app.services import (
    auth,
    corrections,
    deletion,
    numbers,
    people,
    retention,
    settings,
    staff,
)
from app.session import Session
from tests.conftest import (
    AUDITOR_PASSWORD,
    CLERK_PASSWORD,
    MANAGER_PASSWORD,
    Office,
    add_member,
)

SUPERVISOR_PASSWORD = "Silent-Maple-Harbor-63"
GONE = "123456789018"  # left in 2016: its 扶養控除等申告書 was kept until 2024-01-10
STAYS = "983205673214"  # still employed
SCOPES = ["purpose:tax_withholding", "purpose:employment_insurance", "kind:employee"]


@pytest.fixture
def office_with_leavers(office: Office) -> Office:
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
    numbers.register_number(
        manager, current.id, STAYS, STAYS, ["tax_withholding", "employment_insurance"]
    )
    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD, scopes=SCOPES)
    add_member(office, "sekinin", ["supervisor"], SUPERVISOR_PASSWORD, scopes=SCOPES)
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    return office


def _sign_in(office: Office, login: str, password: str) -> Session:
    return auth.sign_in(office.data, login, password, office.clock)


def _actions(session: Session) -> list[str]:
    return [r[0] for r in session.vault.conn.execute("SELECT action FROM audit_log ORDER BY seq")]


def _ids(session: Session) -> dict[str, int]:
    return {p.name: p.id for p in people.search(session).rows}


def test_the_due_list_says_what_may_go_and_why(office_with_leavers: Office) -> None:
    manager = office_with_leavers.manager
    due = retention.due_list(manager)
    assert [e.name for e in due.due] == ["退職 一郎"]
    assert due.ongoing == 1 and due.this_year == () and due.later == ()
    decided = due.due[0].retention
    assert decided.may_delete_from == date(2024, 1, 11)
    assert "扶養控除等" in decided.deciding.label and "第76条の3" in decided.deciding.basis
    assert due.by_month == {"2026-11": 1}
    # As of an earlier day the same number was not due yet.
    assert retention.due_list(manager, date(2024, 1, 10)).due == ()


def test_a_run_proposed_approved_by_another_and_executed(office_with_leavers: Office) -> None:
    office = office_with_leavers
    clerk = _sign_in(office, "tanto", CLERK_PASSWORD)
    supervisor = _sign_in(office, "sekinin", SUPERVISOR_PASSWORD)
    try:
        left = _ids(clerk)["退職 一郎"]
        run = deletion.propose(clerk, [left])
        assert (run.state, run.trigger, run.people) == ("proposed", "retention_expired", 1)
        # Nothing is deleted before approval, and the proposer cannot approve.
        with pytest.raises(errors.InvalidInput, match="承認待ち"):
            deletion.execute(clerk, run.id)
        with pytest.raises(errors.PermissionDenied):
            deletion.approve(clerk, run.id, CLERK_PASSWORD)
        with pytest.raises(errors.AppError):
            deletion.approve(supervisor, run.id, "wrong-password-0")
        assert deletion.runs(supervisor)[0].state == "proposed"
        approved = deletion.approve(supervisor, run.id, SUPERVISOR_PASSWORD)
        assert approved.approved_by_name == "職員 Sekinin"
        report = deletion.execute(clerk, run.id)
        assert report.deleted == 1 and report.kept == () and report.run.state == "executed"
        (record,) = deletion.run_records(clerk, run.id)
        assert record.person_name == "退職 一郎" and record.approved_by_name == "職員 Sekinin"
        assert record.executed_by_name == "職員 Tanto" and record.responsible_name == "管理 花子"
        assert record.may_delete_from == "2024-01-11" and "第76条の3" in record.legal_basis
        assert "扶養控除等" in record.paper
        stored = json.dumps(
            [list(r) for r in clerk.vault.conn.execute("SELECT * FROM deletion_record")],
            ensure_ascii=False,
        )
        assert GONE not in stored and "9018" not in stored
        conn = clerk.vault.conn
        assert (
            conn.execute("SELECT count(*) FROM my_number WHERE person_id = ?", (left,)).fetchone()[
                0
            ]
            == 0
        )
        assert (
            conn.execute(
                "SELECT count(*) FROM my_number_purpose WHERE person_id = ?", (left,)
            ).fetchone()[0]
            == 0
        )
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0  # rebuilt
        # The blind index went with it: the number can be registered for someone again.
        newcomer = people.register_employee(
            office.manager, code="E003", name="新人 三郎", kana_text="シンジン サブロウ"
        )
        numbers.register_number(office.manager, newcomer.id, GONE, GONE, ["tax_withholding"])
        actions = _actions(clerk)
        assert actions.count("number.deleted") == 1
        assert {"deletion.proposed", "deletion.approved", "deletion.executed"} <= set(actions)
        assert deletion.records(supervisor, since=date(2026, 11, 23), until=date(2026, 11, 23))
        with pytest.raises(errors.InvalidInput, match="実行済み"):
            deletion.execute(clerk, run.id)
    finally:
        clerk.close()
        supervisor.close()


def test_a_one_person_office_approves_its_own_run_with_a_reason(
    office_with_leavers: Office,
) -> None:
    manager = office_with_leavers.manager
    left = _ids(manager)["退職 一郎"]
    run = deletion.propose(manager, [left])
    with pytest.raises(errors.PermissionDenied):
        deletion.approve(manager, run.id, MANAGER_PASSWORD)
    settings.change(manager, "two_person_rule", "off")
    with pytest.raises(errors.InvalidInput, match="一人で承認する理由"):
        deletion.approve(manager, run.id, MANAGER_PASSWORD)
    approved = deletion.approve(
        manager, run.id, MANAGER_PASSWORD, single_person_reason="担当者が一人の事業所のため"
    )
    assert approved.single_person_reason == "担当者が一人の事業所のため"
    assert deletion.execute(manager, run.id).deleted == 1


def test_early_deletion_needs_a_reason_and_the_manager(office_with_leavers: Office) -> None:
    office = office_with_leavers
    clerk = _sign_in(office, "tanto", CLERK_PASSWORD)
    supervisor = _sign_in(office, "sekinin", SUPERVISOR_PASSWORD)
    try:
        current = _ids(clerk)["在職 花子"]
        with pytest.raises(errors.InvalidInput, match="理由"):
            deletion.propose(clerk, [current])
        run = deletion.propose(
            clerk, [current], reason="本人の退職予定の取消しにより番号を再取得するため"
        )
        assert run.trigger == "early"
        with pytest.raises(errors.PermissionDenied):
            deletion.approve(supervisor, run.id, SUPERVISOR_PASSWORD)
        approved = deletion.approve(office.manager, run.id, MANAGER_PASSWORD)
        report = deletion.execute(clerk, run.id)
        assert report.deleted == 1
        assert "保存期間内の削除" in deletion.run_records(clerk, run.id)[0].legal_basis
        assert approved.state == "approved"
    finally:
        clerk.close()
        supervisor.close()


def test_a_number_no_longer_due_at_execution_is_kept(office_with_leavers: Office) -> None:
    """Rehired between the proposal and the run: the need is back, the number stays."""
    manager = office_with_leavers.manager
    left = _ids(manager)["退職 一郎"]
    run = deletion.propose(manager, [left])
    supervisor = _sign_in(office_with_leavers, "sekinin", SUPERVISOR_PASSWORD)
    try:
        deletion.approve(supervisor, run.id, SUPERVISOR_PASSWORD)
    finally:
        supervisor.close()
    corrections.edit_person(manager, left, {"status": "active", "leave_date": None}, "再雇用")
    report = deletion.execute(manager, run.id)
    assert report.deleted == 0 and report.kept == (left,)
    assert deletion.run_records(manager, run.id) == []
    assert people.readable(manager, left).has_number


def test_refusals_leave_everything_as_it_was(office_with_leavers: Office) -> None:
    office = office_with_leavers
    manager = office.manager
    ids = _ids(manager)
    with pytest.raises(errors.InvalidInput, match="選んで"):
        deletion.propose(manager, [])
    with pytest.raises(errors.InvalidInput, match="個人番号のような"):
        deletion.propose(manager, [ids["在職 花子"]], reason=f"番号 {STAYS}")
    run = deletion.propose(manager, [ids["退職 一郎"]])
    with pytest.raises(errors.InvalidInput, match="既に別の削除"):
        deletion.propose(manager, [ids["退職 一郎"]])
    cancelled = deletion.cancel(manager, run.id)
    assert cancelled.state == "cancelled"
    with pytest.raises(errors.InvalidInput, match="取消し"):
        deletion.approve(manager, run.id, MANAGER_PASSWORD)
    auditor = _sign_in(office, "kansa", AUDITOR_PASSWORD)
    try:
        assert [e.name for e in retention.due_list(auditor).due] == ["退職 一郎"]
        with pytest.raises(errors.PermissionDenied):
            deletion.propose(auditor, [ids["退職 一郎"]])
    finally:
        auditor.close()
    assert people.readable(manager, ids["退職 一郎"]).has_number


def test_the_ledger_and_the_certificate_hold_the_record_and_no_number(
    office_with_leavers: Office,
) -> None:
    import io

    from pypdf import PdfReader

    from app.domain import my_number

    manager = office_with_leavers.manager
    settings.change(manager, "two_person_rule", "off")
    run = deletion.propose(manager, [_ids(manager)["退職 一郎"]])
    deletion.approve(manager, run.id, MANAGER_PASSWORD, single_person_reason="担当者が一人のため")
    deletion.execute(manager, run.id)
    (record,) = deletion.run_records(manager, run.id)
    deletion.confirm_paper(manager, [record.id])

    def text(pdf: bytes) -> str:
        pages = PdfReader(io.BytesIO(pdf)).pages
        return "".join(page.extract_text() for page in pages).replace(" ", "").replace("\n", "")

    ledger = text(deletion.ledger_pdf(manager, date(2026, 11, 1), date(2026, 11, 30)))
    assert "退職一郎" in ledger and "廃棄済" in ledger and "第76条の3" in ledger
    assert not my_number.looks_like_number(ledger) and GONE not in ledger
    empty = text(deletion.ledger_pdf(manager, date(2026, 10, 1), date(2026, 10, 31)))
    assert "記録はありません" in empty
    certificate = text(deletion.certificate_pdf(manager, record.id))
    assert "退職一郎様" in certificate and not my_number.looks_like_number(certificate)
    with pytest.raises(errors.InvalidInput, match="期間"):
        deletion.ledger_pdf(manager, date(2026, 11, 30), date(2026, 11, 1))
    actions = _actions(manager)
    assert "deletion.ledger_printed" in actions and "deletion.certificate_printed" in actions
    assert "deletion.paper_disposed" in actions


def test_a_failed_rebuild_does_not_undo_the_deletion_and_is_retried_at_sign_in(
    office_with_leavers: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The deletion is committed before the file is rebuilt: a failing VACUUM (a reader, a
    full disk) must not be reported as damage, and the rebuild is not forgotten."""
    from storage import connection
    from storage.connection import DatabaseError

    office = office_with_leavers
    manager = office.manager
    settings.change(manager, "two_person_rule", "off")
    run = deletion.propose(manager, [_ids(manager)["退職 一郎"]])
    deletion.approve(manager, run.id, MANAGER_PASSWORD, single_person_reason="担当者が一人のため")

    def busy(_conn) -> None:
        raise DatabaseError("database is locked")

    with monkeypatch.context() as patched:
        patched.setattr(connection, "vacuum", busy)
        report = deletion.execute(manager, run.id)
    assert report.deleted == 1 and not report.rebuilt
    assert manager.vault.conn.execute("SELECT count(*) FROM maintenance").fetchone()[0] == 1
    manager.close()
    again = _sign_in(office, "kanri", MANAGER_PASSWORD)
    try:
        conn = again.vault.conn
        assert conn.execute("SELECT count(*) FROM maintenance").fetchone()[0] == 0
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
        assert "database.rebuilt" in _actions(again)
        assert deletion.runs(again)[0].state == "executed"
    finally:
        again.close()


def test_the_records_and_their_pdfs_name_the_proposer_the_approver_and_the_executor(
    office_with_leavers: Office,
) -> None:
    import io

    from pypdf import PdfReader

    office = office_with_leavers
    clerk = _sign_in(office, "tanto", CLERK_PASSWORD)
    supervisor = _sign_in(office, "sekinin", SUPERVISOR_PASSWORD)
    try:
        run = deletion.propose(clerk, [_ids(clerk)["退職 一郎"]])
        office.clock.advance(days=1)
        deletion.approve(supervisor, run.id, SUPERVISOR_PASSWORD)
        office.clock.advance(days=1)
        deletion.execute(office.manager, run.id)
    finally:
        clerk.close()
        supervisor.close()
    (record,) = deletion.records(office.manager)
    assert (record.proposed_by_name, record.approved_by_name, record.executed_by_name) == (
        "職員 Tanto",
        "職員 Sekinin",
        "管理 花子",
    )
    assert record.proposed_at is not None and record.proposed_at.startswith("2026-11-23")
    (executed,) = deletion.runs(office.manager)
    assert executed.closed_by_name == "管理 花子"

    def text(pdf: bytes) -> str:
        pages = PdfReader(io.BytesIO(pdf)).pages
        return "".join("".join(page.extract_text().split()) for page in pages)

    ledger = text(deletion.ledger_pdf(office.manager, date(2026, 11, 1), date(2026, 11, 30)))
    assert "提案者・承認者（日付）実行者" in ledger
    # The proposer and the approver with their days, then the executor in the next column.
    assert "提案2026年11月23日職員Tanto承認2026年11月24日職員Sekinin管理花子" in ledger
    certificate = text(deletion.certificate_pdf(office.manager, record.id))
    assert "提案者職員Tanto（2026年11月23日提案）" in certificate
    assert "承認者職員Sekinin（2026年11月24日承認）" in certificate
    assert "実行者管理花子" in certificate
