"""Leak incidents: the supervisor registers, the manager checks, reports, notifies and closes;
the auditor reads; a clerk is refused; every change is audited and no number is ever kept."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from app import errors
from app.domain.incidents import Checklist, IncidentKind, IncidentState, NoticeState
from app.services import auth, incident_followup, incidents, people, staff
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
    incident_followup.add_persons(manager, found.id, [person.id])
    incidents.record_preliminary(manager, found.id, date(2026, 11, 23))
    with pytest.raises(errors.InvalidInput, match="未記入"):
        incidents.record_final(manager, found.id, date(2026, 11, 23))
    incidents.set_report_items(manager, found.id, ALL_ITEMS)
    incident_followup.add_measure(
        manager, found.id, "封入時のダブルチェック表を作る", date(2026, 12, 1)
    )
    done = incidents.record_final(manager, found.id, date(2026, 11, 23))
    assert done.state is IncidentState.FINAL and done.final_on == date(2026, 11, 23)
    with pytest.raises(errors.InvalidInput, match="通知していない本人が1人"):
        incidents.close(manager, found.id)
    incident_followup.record_notice(
        manager, found.id, [person.id], NoticeState.NOTIFIED, method="書面", on=date(2026, 11, 23)
    )
    (measure,) = incidents.detail(manager, found.id).measures
    incident_followup.complete_measure(manager, found.id, measure.id, date(2026, 11, 23))
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
        with pytest.raises(errors.PermissionDenied, match="漏えい等事案の閲覧"):
            incidents.list_incidents(clerk)  # named as what was tried, not as 登録
        with pytest.raises(errors.PermissionDenied, match="漏えい等事案の登録"):
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
    with pytest.raises(errors.InvalidInput, match="完了した事案は変更できません"):
        incidents.set_report_items(manager, reportable.id, {"cause": "後からの追記"})
    assert datetime(2026, 11, 23, tzinfo=JST).date() == now.date()


def test_the_draft_report_names_nobody_and_is_logged(staffed: Office) -> None:
    import io
    import re

    import pypdf

    from app.services import incident_report

    manager = staffed.manager
    manager.user = staff.set_scopes(manager, "kanri", ["kind:employee"])
    known = datetime(2026, 11, 21, 15, 30, tzinfo=JST)  # Saturday
    made = incidents.register(
        manager,
        title="源泉徴収票の誤送付",
        kind=IncidentKind.LEAK,
        discovered_at=known,
        known_at=known,
        checklist=Checklist(persons=101),
    )
    person = people.register_employee(
        manager, code="E011", name="通知 花子", kana_text="ツウチ ハナコ"
    )
    incident_followup.add_persons(manager, made.id, [person.id])
    incidents.set_report_items(manager, made.id, ALL_ITEMS)
    incident_followup.add_measure(manager, made.id, "封入時に二人で確認する", date(2026, 12, 1))
    pdf = incident_report.report_pdf(manager, made.id)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "".join(p.extract_text() for p in reader.pages).replace(" ", "").replace("\n", "")
    assert "漏えい等事案の報告（下書き）" in text and "源泉徴収票の誤送付" in text
    assert "第4号" in text and "101人" in text and "封入時に二人で確認する" in text
    # Day 30 from Saturday 11/21 is Sunday 12/20 -> Monday 12/21.
    assert "2026年12月21日" in text and "翌開庁日" in text
    assert "未通知1人" in text and "通知花子" not in text
    assert not re.search(r"\d{12}", text)
    assert reader.metadata.title == "漏えい等事案の報告（下書き）" and not reader.metadata.author
    assert _actions(manager)[-1] == "incident.report_printed"
    supervisor = _sign_in(staffed, "sekinin", SUPERVISOR_PASSWORD)
    try:
        with pytest.raises(errors.PermissionDenied):
            incident_report.report_pdf(supervisor, made.id)
    finally:
        supervisor.close()


def test_the_yearly_analysis_lists_the_year_and_names_nobody(staffed: Office) -> None:
    import io
    import re

    import pypdf

    from app.services import incident_analysis

    manager = staffed.manager
    now = staffed.clock.now()
    last_year = datetime(2025, 6, 2, 10, 0, tzinfo=JST)
    incidents.register(
        manager,
        title="昨年の紛失",
        kind=IncidentKind.LOSS,
        discovered_at=last_year,
        known_at=last_year,
    )
    made = incidents.register(
        manager,
        title="名簿の誤送付",
        kind=IncidentKind.LEAK,
        discovered_at=now,
        known_at=now,
        checklist=Checklist(persons=150),
    )
    incidents.set_report_items(manager, made.id, {"cause": "宛先の確認漏れ"})
    incident_followup.add_measure(manager, made.id, "送付前に二人で確認")
    found = incident_analysis.yearly_analysis(manager, 2026)
    assert [r.title for r in found.rows] == ["名簿の誤送付"]
    row = found.rows[0]
    assert (row.items, row.persons, row.cause, row.measures) == (
        "第4号",
        150,
        "宛先の確認漏れ",
        "予定 1",
    )
    assert found.by_kind["漏えい"] == 1 and found.reportable == 1 and found.measures_open == 1
    pdf = incident_analysis.analysis_pdf(manager, 2026)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    text = text.replace(" ", "").replace("\n", "")
    assert "漏えい等事案の年次分析（2026年）" in text and "名簿の誤送付" in text
    assert "昨年の紛失" not in text and not re.search(r"\d{12}", text)
    assert _actions(manager)[-1] == "incident.analysis_printed"
    clerk = _sign_in(staffed, "tanto", CLERK_PASSWORD)
    try:
        with pytest.raises(errors.PermissionDenied):
            incident_analysis.yearly_analysis(clerk, 2026)
    finally:
        clerk.close()
