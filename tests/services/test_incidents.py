"""Leak incidents: the supervisor registers, the manager checks, reports, notifies and closes;
the auditor reads; a clerk is refused; every change is audited and no number is ever kept."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from app import errors
from app.domain.incidents import Checklist, IncidentKind, IncidentState, NoticeState
from app.services import auth, incidents, people, staff
from app.session import Session
from tests.conftest import (
    AUDITOR_PASSWORD,
    CLERK_PASSWORD,
    JST,
    SUPERVISOR_PASSWORD,
    Office,
    add_member,
)

ALL_ITEMS = {
    "summary": "源泉徴収票の控えを別の従業員に誤って送付した。",
    "data_items": "源泉徴収票（紙）",
    "cause": "封入時の確認漏れ（当事業所）",
    "secondary_damage": "なし（回収済み）",
    "persons_response": "本人に電話で説明し謝罪した。",
    "publication": "公表はしない（本人に通知済みのため）",
    "prevention": "封入時に二人で確認する。",
    "other": "特になし",
}


@pytest.fixture
def staffed(office: Office) -> Office:
    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD, ["kind:employee"])
    add_member(office, "sekinin", ["supervisor"], SUPERVISOR_PASSWORD, ["kind:employee"])
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    return office


def _sign_in(office: Office, login: str, password: str) -> Session:
    return auth.sign_in(office.data, login, password, office.clock)


def _actions(session: Session) -> list[str]:
    return [r[0] for r in session.vault.conn.execute("SELECT action FROM audit_log ORDER BY seq")]


def _known(office: Office) -> datetime:
    return office.clock.now() - timedelta(hours=2)


def test_from_discovery_to_the_final_report(staffed: Office) -> None:
    supervisor = _sign_in(staffed, "sekinin", SUPERVISOR_PASSWORD)
    known = _known(staffed)
    try:
        found = incidents.register(
            supervisor,
            title="源泉徴収票の誤送付",
            kind=IncidentKind.LEAK,
            discovered_at=known,
            known_at=known,
            discovered_by="総務部 担当者",
            checklist=Checklist(unlawful_purpose=True, persons=1),
        )
        # The supervisor registers; deciding and reporting are the manager's.
        with pytest.raises(errors.PermissionDenied):
            incidents.record_preliminary(supervisor, found.id, known.date())
    finally:
        supervisor.close()
    assert found.state is IncidentState.OPEN and found.reportability.reportable
    # Known 2026-11-23 (a holiday, Monday): 60 days (第2号) -> day 60 is 2027-01-21 (Thursday).
    assert found.deadlines.final_days == 60
    assert found.deadlines.final_by == date(2027, 1, 21)
    manager = staffed.manager
    manager.user = staff.set_scopes(manager, "kanri", ["kind:employee"])
    person = people.register_employee(
        manager, code="E010", name="誤送 太郎", kana_text="ゴソウ タロウ"
    )
    incidents.add_persons(manager, found.id, [person.id])
    incidents.record_preliminary(manager, found.id, date(2026, 11, 23))
    with pytest.raises(errors.InvalidInput, match="未記入"):
        incidents.record_final(manager, found.id, date(2026, 11, 23))
    incidents.set_report_items(manager, found.id, ALL_ITEMS)
    incidents.add_measure(manager, found.id, "封入時のダブルチェック表を作る", date(2026, 12, 1))
    done = incidents.record_final(manager, found.id, date(2026, 11, 23))
    assert done.state is IncidentState.FINAL and done.final_on == date(2026, 11, 23)
    with pytest.raises(errors.InvalidInput, match="通知していない本人が1人"):
        incidents.close(manager, found.id)
    incidents.record_notice(
        manager, found.id, [person.id], NoticeState.NOTIFIED, method="書面", on=date(2026, 11, 23)
    )
    (measure,) = incidents.detail(manager, found.id).measures
    incidents.complete_measure(manager, found.id, measure.id, date(2026, 11, 23))
    closed = incidents.close(manager, found.id)
    assert closed.state is IncidentState.CLOSED
    shown = incidents.detail(manager, found.id)
    assert shown.persons[0].name == "誤送 太郎" and shown.persons[0].state is NoticeState.NOTIFIED
    assert shown.measures[0].done_on == date(2026, 11, 23)
    actions = _actions(manager)
    for action in (
        "incident.registered",
        "incident.persons_added",
        "incident.preliminary_reported",
        "incident.items_changed",
        "incident.measure_added",
        "incident.final_reported",
        "incident.persons_notified",
        "incident.measure_done",
        "incident.closed",
    ):
        assert action in actions, action
    assert actions.count("access.denied") == 1


def test_the_auditor_reads_and_a_clerk_can_neither_read_nor_register(staffed: Office) -> None:
    known = _known(staffed)
    made = incidents.register(
        staffed.manager,
        title="USBメモリの紛失",
        kind=IncidentKind.LOSS,
        discovered_at=known,
        known_at=known,
    )
    auditor = _sign_in(staffed, "kansa", AUDITOR_PASSWORD)
    try:
        assert [i.id for i in incidents.list_incidents(auditor)] == [made.id]
        with pytest.raises(errors.PermissionDenied):
            incidents.register(
                auditor, title="x", kind=IncidentKind.LEAK, discovered_at=known, known_at=known
            )
    finally:
        auditor.close()
    clerk = _sign_in(staffed, "tanto", CLERK_PASSWORD)
    try:
        with pytest.raises(errors.PermissionDenied):
            incidents.list_incidents(clerk)
        with pytest.raises(errors.PermissionDenied):
            incidents.register(
                clerk, title="x", kind=IncidentKind.LEAK, discovered_at=known, known_at=known
            )
    finally:
        clerk.close()
    assert _actions(staffed.manager).count("access.denied") == 3


def test_no_number_is_ever_kept(staffed: Office) -> None:
    known = _known(staffed)
    manager = staffed.manager
    with pytest.raises(errors.InvalidInput, match="個人番号のような数字列"):
        incidents.register(
            manager,
            title="番号 1234 5678 9018 の漏えい",
            kind=IncidentKind.LEAK,
            discovered_at=known,
            known_at=known,
        )
    made = incidents.register(
        manager, title="メール誤送信", kind=IncidentKind.LEAK, discovered_at=known, known_at=known
    )
    with pytest.raises(errors.InvalidInput, match="個人番号のような数字列"):
        incidents.set_report_items(manager, made.id, {"summary": "番号123456789018を送信"})
    with pytest.raises(errors.InvalidInput):
        incidents.set_report_items(manager, made.id, {"unknown": "x"})
    rows = manager.vault.conn.execute("SELECT title, report_items FROM incident").fetchall()
    assert rows == [("メール誤送信", "{}")]


def test_times_and_state_rules(staffed: Office) -> None:
    manager = staffed.manager
    now = staffed.clock.now()
    with pytest.raises(errors.InvalidInput, match="未来"):
        incidents.register(
            manager,
            title="x",
            kind=IncidentKind.LEAK,
            discovered_at=now + timedelta(days=1),
            known_at=now + timedelta(days=1),
        )
    with pytest.raises(errors.InvalidInput, match="発生日時が発覚日時より後"):
        incidents.register(
            manager,
            title="x",
            kind=IncidentKind.LEAK,
            occurred_at=now,
            discovered_at=now - timedelta(days=1),
            known_at=now,
        )
    reportable = incidents.register(
        manager,
        title="大量の誤送付",
        kind=IncidentKind.LEAK,
        discovered_at=now,
        known_at=now,
        checklist=Checklist(persons=120),
    )
    with pytest.raises(errors.InvalidInput, match="報告の対象"):
        incidents.close(manager, reportable.id)
    # After the check finds every copy retrieved unseen, it needs no report and may close.
    incidents.set_checklist(manager, reportable.id, Checklist(persons=120, retrieved_unseen=True))
    assert incidents.close(manager, reportable.id).state is IncidentState.CLOSED
    with pytest.raises(errors.InvalidInput, match="完了"):
        incidents.record_preliminary(manager, reportable.id, now.date())
    assert datetime(2026, 11, 23, tzinfo=JST).date() == now.date()
