"""Review of the records the office keeps (#17): attacks on the services, their papers and
their rules that an earlier version failed."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pypdf
import pytest

from app import errors
from app.domain.incidents import Checklist, IncidentKind, NoticeState
from app.domain.records import TaskKind
from app.services import (
    audit_report,
    consignee_certificates,
    consignee_register,
    consignees,
    incident_analysis,
    incident_followup,
    incidents,
    ledger,
    people,
    record_tasks,
    self_inspection,
    staff,
    training,
)
from storage import consignee_repo
from tests.conftest import (
    JST,
    Office,
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
