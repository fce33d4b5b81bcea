"""Review of the records the office keeps (#17): attacks on the services, their papers and
their rules that an earlier version failed."""

from __future__ import annotations

import errno
import io
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pypdf
import pytest

from app import commands_records, errors
from app.domain.incidents import Checklist, IncidentKind, NoticeState
from app.domain.log_rules import BURST
from app.domain.records import TaskKind
from app.services import (
    audit,
    audit_report,
    auth,
    consignee_certificates,
    consignee_register,
    consignees,
    incident_analysis,
    incident_followup,
    incidents,
    ledger,
    log_analysis,
    people,
    record_tasks,
    self_inspection,
    settings,
    staff,
    training,
)
from app.session import Session
from storage import audit_repo, consignee_repo, log_analysis_repo
from tests.conftest import (
    CLERK_PASSWORD,
    JST,
    MANAGER_LOGIN,
    MANAGER_PASSWORD,
    SUPERVISOR_PASSWORD,
    Office,
    add_member,
    run_cli,
)


def _text(pdf: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return "".join(page.extract_text() or "" for page in pages).replace("\n", "")


def test_the_yearly_analysis_prints_a_cause_as_long_as_the_register_keeps(office: Office) -> None:
    manager = office.manager
    known = office.clock.now() - timedelta(hours=2)
    found = incidents.register(
        manager, title="誤送付", kind=IncidentKind.LEAK, discovered_at=known, known_at=known
    )
    cause = "".join(f"原因その{i:04d}。" for i in range(300))[: incidents.TEXT_LIMIT]
    incidents.set_report_items(manager, found.id, {"cause": cause})

    text = _text(incident_analysis.analysis_pdf(manager, 2026))

    # Every word of it, over as many pages as it takes (it was refused as too long).
    assert cause[:20] in text and cause[-20:] in text


def test_the_consignee_register_prints_the_longest_texts_it_keeps(office: Office) -> None:
    manager = office.manager
    work = "".join(f"業務その{i:04d}。" for i in range(200))[: consignees.TEXT_LIMIT]
    consignees.register(
        manager,
        consignees.Company(
            name="委" * consignees.NAME_LIMIT,
            address="所" * consignees.SHORT_LIMIT,
            contact="連" * consignees.SHORT_LIMIT,
            work=work,
        ),
    )

    text = _text(consignee_register.register_pdf(manager))

    assert work[:20] in text and work[-20:] in text


def _sign_in(office: Office, login: str, password: str) -> Session:
    return auth.sign_in(office.data, login, password, office.clock)


def _reveal(office: Office, session: Session, at: datetime) -> None:
    office.clock._now = at
    with session.vault.write() as writer:
        audit.record(writer, session, "number.revealed", target="person:1")


def _denials(office: Office) -> list[str]:
    return [
        e.detail
        for e in audit_repo.entries(office.manager.vault.conn)
        if e.action == "access.denied"
    ]


@pytest.fixture
def flagged(office: Office) -> Office:
    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD)
    add_member(office, "sekinin", ["supervisor"], SUPERVISOR_PASSWORD)
    clerk = _sign_in(office, "tanto", CLERK_PASSWORD)
    _reveal(office, clerk, datetime(2026, 12, 1, 22, 0, tzinfo=JST))
    clerk.close()
    supervisor = _sign_in(office, "sekinin", SUPERVISOR_PASSWORD)
    _reveal(office, supervisor, datetime(2026, 12, 2, 23, 0, tzinfo=JST))
    supervisor.close()
    office.clock._now = datetime(2026, 12, 3, 9, 0, tzinfo=JST)
    return office


def test_an_acknowledgement_note_never_holds_a_number_however_grouped(flagged: Office) -> None:
    (flag, _) = log_analysis.analyse(flagged.manager, date(2026, 12, 1), date(2026, 12, 2)).flags
    for note in ("本人 1234/5678/9018 を確認", "（1234）5678，9018", "1234_5678_9018"):
        with pytest.raises(errors.InvalidInput, match="数字の並び") as caught:
            log_analysis.acknowledge(flagged.manager, flag, note)
        assert "5678" not in str(caught.value)
    assert not log_analysis_repo.acknowledgements(flagged.manager.vault.conn)


def test_only_a_flag_the_log_raises_can_be_acknowledged(flagged: Office) -> None:
    (flag, _) = log_analysis.analyse(flagged.manager, date(2026, 12, 1), date(2026, 12, 2)).flags
    # A flag made up by the caller: a day nothing happened, or a changed member.
    for forged in (
        replace(flag, at="2026-12-05T22:00:00+09:00"),
        replace(flag, actor_name="kanri"),
        replace(flag, at="not a time"),
    ):
        with pytest.raises(errors.InvalidInput, match="見つかりません"):
            log_analysis.acknowledge(flagged.manager, forged, "前もって確認済みにする")
    assert not log_analysis_repo.acknowledgements(flagged.manager.vault.conn)
    assert log_analysis.acknowledge(flagged.manager, flag, "残業。本人に確認").key == flag.key


def test_a_burst_over_midnight_can_be_acknowledged(flagged: Office) -> None:
    settings.change(flagged.manager, "reveal_burst_count", "4")
    settings.change(flagged.manager, "reveal_burst_minutes", "10")
    clerk = _sign_in(flagged, "tanto", CLERK_PASSWORD)
    for minute in (56, 58):
        _reveal(flagged, clerk, datetime(2026, 12, 1, 23, minute, tzinfo=JST))
    for minute in (0, 2):
        _reveal(flagged, clerk, datetime(2026, 12, 2, 0, minute, tzinfo=JST))
    clerk.close()
    flagged.clock._now = datetime(2026, 12, 3, 9, 0, tzinfo=JST)
    flags = log_analysis.analyse(flagged.manager, date(2026, 11, 30), date(2026, 12, 2)).flags
    (burst,) = [f for f in flags if f.rule == BURST]
    assert log_analysis.acknowledge(flagged.manager, burst, "一斉確認の作業").key == burst.key


def test_nobody_acknowledges_a_flag_about_their_own_actions(flagged: Office) -> None:
    flags = log_analysis.analyse(flagged.manager, date(2026, 12, 1), date(2026, 12, 2)).flags
    own = next(f for f in flags if f.actor_name == "sekinin")
    supervisor = _sign_in(flagged, "sekinin", SUPERVISOR_PASSWORD)
    try:
        with pytest.raises(errors.PermissionDenied):
            log_analysis.acknowledge(supervisor, own, "自分で確認")
        # The clerk's flag is the supervisor's to check.
        clerks = next(f for f in flags if f.actor_name == "tanto")
        log_analysis.acknowledge(supervisor, clerks, "本人に確認")
    finally:
        supervisor.close()
    assert any("own_flag" in d for d in _denials(flagged))
    # The manager checks the supervisor's; an office that switched the rule off may do its own.
    log_analysis.acknowledge(flagged.manager, own, "決算の残業")
    settings.change(flagged.manager, "two_person_rule", "オフ")
    manager = flagged.manager
    _reveal(flagged, manager, datetime(2026, 12, 3, 23, 0, tzinfo=JST))
    flagged.clock._now = datetime(2026, 12, 4, 9, 0, tzinfo=JST)
    (mine,) = log_analysis.analyse(manager, date(2026, 12, 3), date(2026, 12, 3)).flags
    assert log_analysis.acknowledge(manager, mine, "一人の事業所のため自分で確認").key


def test_the_day_the_office_knew_is_japans_whatever_offset_the_time_came_with(
    office: Office,
) -> None:
    manager = office.manager
    # 08:30 in Tokyo on Tuesday 17 November is still the 16th in UTC.
    known = datetime(2026, 11, 16, 23, 30, tzinfo=UTC)
    found = incidents.register(
        manager,
        title="USBメモリの紛失",
        kind=IncidentKind.LOSS,
        discovered_at=known,
        known_at=known,
        checklist=Checklist(unlawful_purpose=True, persons=2),
    )
    assert found.known_at == datetime(2026, 11, 17, 8, 30, tzinfo=JST)
    # Day 60 counted from the 17th: Friday 15 January (from the 16th it would be the 14th).
    assert found.deadlines.known_on == date(2026, 11, 17)
    assert found.deadlines.final_by == date(2027, 1, 15)
    # A time without an offset is the office's, Japan's, wall clock: no crash, same day.
    naive = incidents.register(
        manager,
        title="誤送信",
        kind=IncidentKind.LEAK,
        discovered_at=datetime(2026, 11, 20, 23, 59),
        known_at=datetime(2026, 11, 20, 23, 59),
    )
    assert naive.deadlines.known_on == date(2026, 11, 20)
    assert naive.deadlines.final_by == date(2026, 12, 21)  # day 30 is Saturday the 19th
    listed = {i.id: i.known_at.date() for i in incidents.list_incidents(manager)}
    assert listed[found.id] == date(2026, 11, 17)


def test_a_period_to_the_last_day_a_calendar_holds_is_refused_in_words(office: Office) -> None:
    with pytest.raises(errors.InvalidInput, match="9999年12月30日"):
        log_analysis.analyse(office.manager, date(9999, 12, 30), date(9999, 12, 31))
    with pytest.raises(errors.InvalidInput, match="9999年12月30日"):
        audit_report.report_pdf(office.manager, date(9999, 12, 1), date(9999, 12, 31))


class _FullDisk(io.BytesIO):
    """A file on a disk that fills after a few bytes."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.path.write_bytes(bytes(data[:10]))
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_report_written_from_the_command_line_is_never_left_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "123456789018" / "監査報告書.pdf"

    def opened(path: Path, *, new: bool = False) -> io.BytesIO:
        assert new, "a report is written as a new file only"
        return _FullDisk(path)

    monkeypatch.setattr(commands_records, "open_private", opened)
    with pytest.raises(errors.InvalidInput, match="書きかけのファイルは残していません") as caught:
        commands_records.save_new(out, b"%PDF-1.4 " + b"x" * 100)
    assert not out.exists()
    # The path is not quoted when it holds what could be a number.
    assert "123456789018" not in str(caught.value)
    monkeypatch.undo()
    # A file that appeared after the first check is not replaced.
    out.write_bytes(b"keep")
    with pytest.raises(errors.InvalidInput, match="既にあります"):
        commands_records.save_new(out, b"%PDF-1.4")
    assert out.read_bytes() == b"keep"


@pytest.mark.parametrize("seq", [2, "last"])
def test_the_audit_report_of_a_tampered_log_is_made_and_says_so(
    office: Office, seq: int | str
) -> None:
    conn = office.manager.vault.conn
    if seq == "last":
        seq = office.manager.vault.audit_head().seq
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET action = 'number.revealed' WHERE seq = ?", (seq,))

    pdf = audit_report.report_pdf(office.manager, date(2026, 11, 1), date(2026, 11, 30))

    text = _text(pdf).replace(" ", "")
    assert "アクセス記録の検証で異常が見つかりました" in text
    assert f"第{seq}番で改ざんまたは欠落を検出" in text
    assert "記録の件数（検証済み）" not in text
    # The analysis screen shows the same counts; the report is the one that warns.
    assert "改ざん・欠落のおそれがある記録から数えた" in text


def test_audit_report_on_the_command_line_warns_of_a_tampered_log(
    office: Office, tmp_path: Path
) -> None:
    conn = office.manager.vault.conn
    with office.manager.vault.write() as writer:
        writer.conn.execute("DROP TRIGGER audit_log_no_update")
        writer.conn.execute("UPDATE audit_log SET action = 'number.revealed' WHERE seq = 2")
    assert conn.execute("SELECT action FROM audit_log WHERE seq = 2").fetchone()[0] == (
        "number.revealed"
    )
    office.manager.close()
    out = tmp_path / "監査報告書.pdf"

    made = run_cli(
        "--data-dir",
        str(office.data.data_dir),
        "audit",
        "report",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--out",
        str(out),
        "--user",
        MANAGER_LOGIN,
        "--password-stdin",
        stdin=MANAGER_PASSWORD + "\n",
    )

    assert made.returncode == 1
    assert "第2番で改ざんまたは欠落を検出" in made.stderr and "Traceback" not in made.stderr
    assert "異常が見つかりました" in _text(out.read_bytes()).replace(" ", "")


def test_a_certificate_pdf_that_would_exhaust_the_viewer_is_refused(
    office: Office, tmp_path: Path
) -> None:
    from tests.services.test_consignees import small_pdf

    manager = office.manager
    consignee_id = consignees.register(manager, consignees.Company(name="税理士法人")).id

    def add(content: bytes) -> object:
        path = tmp_path / "cert.pdf"
        path.write_bytes(content)
        return consignee_certificates.add_certificate(
            manager, consignee_id, path, received_on=date(2026, 11, 2), description="廃棄証明書"
        )

    # Each page is drawn as an image to be shown: 200 inches square is 22,000 pixels a side.
    with pytest.raises(errors.InvalidInput, match="用紙が大きすぎる"):
        add(small_pdf(1, (14400.0, 14400.0)))
    with pytest.raises(errors.InvalidInput, match="ページが多すぎます"):
        add(small_pdf(consignee_certificates.MAX_PAGES + 1))
    with pytest.raises(errors.InvalidInput, match="PDFとして読めません"):
        add(b"%PDF-1.7\n" + b"x" * 100)
    assert consignee_repo.certificates(manager.vault.conn, consignee_id) == []
    kept = add(small_pdf(2))
    assert kept.media_type == "application/pdf"  # type: ignore[attr-defined]


def _fonts(pdf: bytes) -> set[tuple[str, bool]]:
    """Each font a page uses, and whether the file embeds it."""
    found = set()
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for ref in (page["/Resources"].get("/Font") or {}).values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            described = (descendants[0].get_object() if descendants else font).get(
                "/FontDescriptor"
            )
            embedded = described is not None and any(
                key in described.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found.add((str(font["/BaseFont"]), embedded))
    return found


def test_the_records_papers_use_embedded_japanese_fonts_only(office: Office) -> None:
    manager = office.manager
    papers = {
        "audit report": audit_report.report_pdf(manager, date(2026, 11, 1), date(2026, 11, 30)),
        "incident analysis": incident_analysis.analysis_pdf(manager, 2026),
        "consignee register": consignee_register.register_pdf(manager),
        "management ledger": ledger.ledger_pdf(manager),
        "self-inspection": self_inspection.report_pdf(manager, 2026),
    }
    for name, pdf in papers.items():
        fonts = _fonts(pdf)
        assert fonts and all(embedded for _, embedded in fonts), (name, fonts)


def test_an_earlier_training_entered_late_leaves_the_next_one_due_where_it_was(
    office: Office,
) -> None:
    manager = office.manager
    people = training.attendee_choices(manager)
    training.record(manager, held_on=date(2026, 10, 1), title="今年の研修", attendees=people)
    training.record(
        manager, held_on=date(2024, 10, 1), title="2024年の研修（後から記録）", attendees=people
    )

    due = [(t.kind, t.due_on) for t in record_tasks.open_tasks(manager)]

    # Not a task due in 2025 (overdue at once) in place of the one a year after this year's.
    assert due == [(TaskKind.TRAINING, date(2027, 10, 1))]
    assert record_tasks.overdue_tasks(manager) == []


def test_a_notice_or_a_measure_is_not_dated_before_the_office_knew(office: Office) -> None:
    manager = office.manager
    manager.user = staff.set_scopes(manager, "kanri", ["kind:employee"])
    known = datetime(2026, 11, 20, 10, 0, tzinfo=JST)
    found = incidents.register(
        manager, title="誤送付", kind=IncidentKind.LEAK, discovered_at=known, known_at=known
    )
    person = people.register_employee(
        manager, code="E010", name="誤送 太郎", kana_text="ゴソウ タロウ"
    )
    incident_followup.add_persons(manager, found.id, [person.id])
    incident_followup.add_measure(manager, found.id, "封入時に二人で確認する")
    (measure,) = incidents.detail(manager, found.id).measures

    with pytest.raises(errors.InvalidInput, match="知った日より前"):
        incident_followup.record_notice(
            manager,
            found.id,
            [person.id],
            NoticeState.NOTIFIED,
            method="書面",
            on=date(2026, 11, 19),
        )
    with pytest.raises(errors.InvalidInput, match="知った日より前"):
        incident_followup.complete_measure(manager, found.id, measure.id, date(2026, 11, 1))

    shown = incidents.detail(manager, found.id)
    assert shown.persons[0].state is NoticeState.PENDING
    assert shown.measures[0].done_on is None
    # The day it became known is fine.
    incident_followup.record_notice(
        manager, found.id, [person.id], NoticeState.NOTIFIED, method="書面", on=date(2026, 11, 20)
    )


def test_failed_sign_ins_under_a_login_nobody_has_are_named_in_japanese(office: Office) -> None:
    with pytest.raises(errors.SignInFailed):
        auth.sign_in(office.data, "nobody", "wrong-password-1", office.clock)
    _sign_in(office, MANAGER_LOGIN, MANAGER_PASSWORD).close()

    analysis = log_analysis.analyse(office.manager, date(2026, 11, 1), date(2026, 11, 30))
    text = _text(audit_report.report_pdf(office.manager, date(2026, 11, 1), date(2026, 11, 30)))

    assert analysis.names["(unknown)"] == "登録のないログイン名"
    assert "登録のないログイン名" in text and "(unknown)" not in text


def test_a_count_of_persons_no_incident_reaches_is_refused(office: Office) -> None:
    manager = office.manager
    known = office.clock.now() - timedelta(hours=1)
    # A number typed into the count would be printed on the report as 123,456,789,018人.
    with pytest.raises(errors.InvalidInput, match="本人の数") as caught:
        incidents.register(
            manager,
            title="誤送付",
            kind=IncidentKind.LEAK,
            discovered_at=known,
            known_at=known,
            checklist=Checklist(persons=123456789018),
        )
    assert "123" not in str(caught.value).replace("10,000,000", "")
    found = incidents.register(
        manager, title="誤送付", kind=IncidentKind.LEAK, discovered_at=known, known_at=known
    )
    with pytest.raises(errors.InvalidInput, match="本人の数"):
        incidents.set_checklist(manager, found.id, Checklist(persons=10_000_001))
    assert incidents.list_incidents(manager)[0].checklist.persons == 0
