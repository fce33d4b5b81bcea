"""Consignees (規程第42–43条): the manager selects, contracts and approves; the supervisor records
the April hearing; the clerk keeps the deletion certificates; the auditor reads. Every change is
audited, every refusal logged, and a certificate is kept in the database only."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from app import errors
from app.domain.consignees import (
    CLAUSE_CODES,
    SELECTION_CODES,
    ConsigneeState,
    HearingKind,
    HearingResult,
)
from app.domain.corporate_number import check_digit
from app.services import (
    auth,
    consignee_certificates,
    consignee_hearings,
    consignee_subs,
    consignees,
)
from app.services.consignees import Company
from app.services.verification_scans import MAX_BYTES
from app.session import Session
from tests.conftest import (
    AUDITOR_PASSWORD,
    CLERK_PASSWORD,
    SUPERVISOR_PASSWORD,
    Office,
    add_member,
)


def small_pdf(pages: int = 1, size: tuple[float, float] = (595.0, 842.0)) -> bytes:
    """A real PDF of `pages` pages of `size` points (A4 by default)."""
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=size)
    for _ in range(pages):
        canvas.drawString(72, 72, "certificate")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


ALL_POINTS = dict.fromkeys(SELECTION_CODES, True)
ALL_CLAUSES = dict.fromkeys(CLAUSE_CODES, True)
BASE = "700110005901"
CORPORATE = f"{check_digit(BASE)}{BASE}"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def staffed(office: Office) -> Office:
    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD, ["kind:employee"])
    add_member(office, "sekinin", ["supervisor"], SUPERVISOR_PASSWORD, ["kind:employee"])
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    return office


def _sign_in(office: Office, login: str, password: str) -> Session:
    return auth.sign_in(office.data, login, password, office.clock)


def _events(session: Session) -> list[tuple[str, str, dict]]:
    rows = session.vault.conn.execute("SELECT action, target, detail FROM audit_log ORDER BY seq")
    return [(a, t, json.loads(d) if d else {}) for a, t, d in rows.fetchall()]


def _active(manager: Session, approved_on: date = date(2025, 6, 1)) -> int:
    found = consignees.register(
        manager,
        Company(
            name="給与計算センター株式会社",
            corporate_number=CORPORATE,
            address="東京都千代田区1-2-3",
            contact="03-1234-5678 担当 山田",
            purposes=("tax_withholding",),
            work="給与計算・年末調整",
        ),
    )
    consignees.record_selection(manager, found.id, ALL_POINTS, date(2025, 5, 1))
    consignees.record_contract(manager, found.id, date(2025, 5, 20), "1年（自動更新）", ALL_CLAUSES)
    consignees.approve(manager, found.id, approved_on)
    return found.id


def test_approval_waits_for_the_six_points_and_the_ten_clauses(staffed: Office) -> None:
    manager = staffed.manager
    found = consignees.register(
        manager, Company(name="社会保険労務士法人 みどり", corporate_number=CORPORATE)
    )
    assert found.state == ConsigneeState.SELECTING and found.corporate_number == CORPORATE
    consignees.record_selection(
        manager, found.id, {**ALL_POINTS, "antisocial": False}, date(2025, 5, 1), "設備を見学"
    )
    with pytest.raises(errors.InvalidInput, match="暴力団員等") as refused:
        consignees.approve(manager, found.id, date(2025, 6, 1))
    assert "委託契約の締結日" in str(refused.value)
    consignees.record_selection(manager, found.id, ALL_POINTS, date(2025, 5, 2))
    consignees.record_contract(
        manager, found.id, date(2025, 5, 20), "1年", {**ALL_CLAUSES, "on_site_audit": False}
    )
    with pytest.raises(errors.InvalidInput, match="実地の調査"):
        consignees.approve(manager, found.id, date(2025, 6, 1))
    consignees.record_contract(manager, found.id, date(2025, 5, 20), "1年", ALL_CLAUSES)
    with pytest.raises(errors.InvalidInput, match="契約日より前"):
        consignees.approve(manager, found.id, date(2025, 5, 1))
    approved = consignees.approve(manager, found.id, date(2025, 6, 1))
    assert approved.state == ConsigneeState.ACTIVE and approved.approved_on == "2025-06-01"
    assert approved.selection_by_name == "管理 花子"
    # Once approved, a record that breaks the rule is refused rather than kept silently.
    with pytest.raises(errors.InvalidInput, match="委託中"):
        consignees.record_contract(
            manager, found.id, date(2025, 5, 20), "1年", {**ALL_CLAUSES, "named_staff": False}
        )
    actions = [(a, d) for a, t, d in _events(manager) if t == f"consignee:{found.id}"]
    assert actions == [
        ("consignee.registered", {"purposes": []}),
        ("consignee.selection_recorded", {"points_met": 5}),
        ("consignee.selection_recorded", {"points_met": 6}),
        ("consignee.contract_recorded", {"clauses_present": 9}),
        ("consignee.contract_recorded", {"clauses_present": 10}),
        ("consignee.approved", {}),
    ]


def test_company_data_is_checked(staffed: Office) -> None:
    manager = staffed.manager
    wrong = f"{(check_digit(BASE) + 1) % 10}{BASE}"
    with pytest.raises(errors.InvalidInput, match="検査用数字"):
        consignees.register(manager, Company(name="A社", corporate_number=wrong))
    with pytest.raises(errors.InvalidInput, match="個人番号のような数字列"):
        consignees.register(manager, Company(name="A社", work="担当 1234 5678 9012"))
    with pytest.raises(errors.InvalidInput, match="事務"):
        consignees.register(manager, Company(name="A社", purposes=("rousai",)))
    with pytest.raises(errors.InvalidInput, match="入力してください"):
        consignees.register(manager, Company(name="  "))
    found = consignees.register(manager, Company(name="A社"))
    edited = consignees.edit(manager, found.id, Company(name="A社", address="大阪市北区"))
    assert edited.address == "大阪市北区"
    assert _events(manager)[-1][2] == {"fields": ["address"]}


def test_each_role_does_its_part_and_refusals_are_logged(staffed: Office, tmp_path: Path) -> None:
    consignee_id = _active(staffed.manager)
    clerk = _sign_in(staffed, "tanto", CLERK_PASSWORD)
    supervisor = _sign_in(staffed, "sekinin", SUPERVISOR_PASSWORD)
    auditor = _sign_in(staffed, "kansa", AUDITOR_PASSWORD)
    try:
        with pytest.raises(errors.PermissionDenied):
            consignees.register(clerk, Company(name="B社"))
        with pytest.raises(errors.PermissionDenied):
            consignees.approve(supervisor, consignee_id, date(2026, 1, 1))
        with pytest.raises(errors.PermissionDenied):
            consignee_hearings.record_hearing(
                clerk,
                consignee_id,
                year=2026,
                kind=HearingKind.APRIL,
                held_on=date(2026, 4, 10),
                held_by="職員 Tanto",
                result=HearingResult.ADEQUATE,
            )
        with pytest.raises(errors.PermissionDenied):
            consignee_hearings.record_hearing(
                auditor,
                consignee_id,
                year=2026,
                kind=HearingKind.APRIL,
                held_on=date(2026, 4, 10),
                held_by="監査",
                result=HearingResult.ADEQUATE,
            )
        consignee_hearings.record_hearing(
            supervisor,
            consignee_id,
            year=2026,
            kind=HearingKind.APRIL,
            held_on=date(2026, 4, 10),
            held_by="職員 Sekinin",
            result=HearingResult.ADEQUATE,
            note="管理体制を聴取",
        )
        path = tmp_path / "certificate.png"
        path.write_bytes(PNG)
        with pytest.raises(errors.PermissionDenied):
            consignee_certificates.add_certificate(
                auditor, consignee_id, path, received_on=date(2026, 4, 1), description="廃棄証明"
            )
        added = consignee_certificates.add_certificate(
            clerk, consignee_id, path, received_on=date(2026, 4, 1), description="廃棄証明"
        )
        # The auditor reads all of it, the certificate too.
        seen = consignees.detail(auditor, consignee_id)
        assert [h.result for h in seen.hearings] == ["adequate"]
        assert seen.certificates[0].id == added.id
        assert consignee_certificates.open_certificate(auditor, added.id).data == PNG
        denials = [d for a, _t, d in _events(staffed.manager) if a == "access.denied"]
        assert [d["permission"] for d in denials] == [
            "manage_consignees",
            "manage_consignees",
            "record_consignee_hearings",
            "record_consignee_hearings",
            "record_consignee_certificates",
        ]
    finally:
        for session in (clerk, supervisor, auditor):
            session.close()
    events = _events(staffed.manager)
    assert ("consignee.hearing_recorded", f"consignee:{consignee_id}") in [
        (a, t) for a, t, _d in events
    ]
    assert events[-1][0] == "consignee.certificate_viewed"


def test_the_april_hearing_due_overdue_and_held(staffed: Office) -> None:
    manager = staffed.manager
    consignee_id = _active(manager)
    # Approved in November 2026, after that April: first heard in April 2027.
    later = _active(manager, date(2026, 11, 1))
    today = manager.clock.now().date()
    assert consignee_hearings.hearings_due(manager, date(2026, 4, 15)) == (
        consignee_hearings.HearingDue(
            consignee_id, "給与計算センター株式会社", 2026, date(2026, 4, 30), False
        ),
    )
    overdue = consignee_hearings.hearings_due(manager, today)
    assert [(d.consignee_id, d.overdue) for d in overdue] == [(consignee_id, True)]
    assert consignee_hearings.summary(manager, 2026) == consignee_hearings.ConsigneeSummary(
        year=2026,
        consignees=2,
        hearings_owed=1,
        hearings_held=0,
        hearings_overdue=1,
        needs_improvement=0,
        certificates_received=0,
    )
    with pytest.raises(errors.InvalidInput, match="改善"):
        consignee_hearings.record_hearing(
            manager,
            consignee_id,
            year=2026,
            kind=HearingKind.APRIL,
            held_on=date(2026, 5, 12),
            held_by="管理 花子",
            result=HearingResult.IMPROVE,
        )
    consignee_hearings.record_hearing(
        manager,
        consignee_id,
        year=2026,
        kind=HearingKind.APRIL,
        held_on=date(2026, 5, 12),
        held_by="管理 花子",
        result=HearingResult.IMPROVE,
        follow_up="持出し記録の様式を整備するよう求めた（6月に確認）",
    )
    assert consignee_hearings.hearings_due(manager, today) == ()
    with pytest.raises(errors.InvalidInput, match="記録済み"):
        consignee_hearings.record_hearing(
            manager,
            consignee_id,
            year=2026,
            kind=HearingKind.APRIL,
            held_on=date(2026, 6, 12),
            held_by="管理 花子",
            result=HearingResult.ADEQUATE,
        )
    consignee_hearings.record_hearing(
        manager,
        consignee_id,
        year=2026,
        kind=HearingKind.EXTRA,
        held_on=date(2026, 6, 12),
        held_by="管理 花子",
        result=HearingResult.ADEQUATE,
        note="改善を確認",
    )
    with pytest.raises(errors.InvalidInput, match="委託中"):
        consignee_hearings.record_hearing(
            manager,
            consignees.register(manager, Company(name="C社")).id,
            year=2026,
            kind=HearingKind.EXTRA,
            held_on=date(2026, 6, 12),
            held_by="管理 花子",
            result=HearingResult.ADEQUATE,
        )
    summary = consignee_hearings.summary(manager, 2026)
    assert (summary.hearings_held, summary.hearings_overdue, summary.needs_improvement) == (
        1,
        0,
        1,
    )
    # April 2027 owes both; the one approved in November 2026 too.
    assert {d.consignee_id for d in consignee_hearings.hearings_due(manager, date(2027, 4, 2))} == {
        consignee_id,
        later,
    }
    # Ended before April 2027 ends: nothing owed for it.
    consignees.end(manager, later, date(2026, 11, 20), "データは返却済み")
    assert {d.consignee_id for d in consignee_hearings.hearings_due(manager, date(2027, 4, 2))} == {
        consignee_id
    }


def test_sub_consignees_need_the_equivalent_clauses(staffed: Office) -> None:
    manager = staffed.manager
    consignee_id = _active(manager)
    with pytest.raises(errors.InvalidInput, match="第43条第3項"):
        consignee_subs.approve_sub(
            manager,
            consignee_id,
            name="データ入力株式会社",
            scope="扶養控除等申告書の入力",
            clauses_confirmed=False,
            on=date(2026, 1, 10),
        )
    consignee_subs.approve_sub(
        manager,
        consignee_id,
        name="データ入力株式会社",
        scope="扶養控除等申告書の入力",
        clauses_confirmed=True,
        on=date(2026, 1, 10),
    )
    sub = consignees.detail(manager, consignee_id).subs[0]
    assert sub.approved_by_name == "管理 花子" and sub.withdrawn_on is None
    consignee_subs.withdraw_sub(manager, sub.id, date(2026, 10, 1))
    assert consignees.detail(manager, consignee_id).subs[0].withdrawn_on == "2026-10-01"
    assert [a for a, _t, _d in _events(manager)][-2:] == [
        "consignee.sub_approved",
        "consignee.sub_withdrawn",
    ]


def test_a_certificate_is_a_pdf_or_an_image_of_at_most_10_mb(
    staffed: Office, tmp_path: Path
) -> None:
    manager = staffed.manager
    consignee_id = _active(manager)

    def add(content: bytes, name: str = "file.bin") -> object:
        path = tmp_path / name
        path.write_bytes(content)
        return consignee_certificates.add_certificate(
            manager, consignee_id, path, received_on=date(2026, 11, 2), description="廃棄証明書"
        )

    with pytest.raises(errors.InvalidInput, match="大きすぎます"):
        add(b"%PDF-" + b"\x00" * MAX_BYTES, "large.pdf")
    # Named .pdf, but the bytes say otherwise: the content decides.
    with pytest.raises(errors.InvalidInput, match="PDFとPNG・JPEG"):
        add(b"MZ\x90\x00 not a pdf", "fake.pdf")
    with pytest.raises(errors.InvalidInput, match="空"):
        add(b"", "empty.pdf")
    with pytest.raises(errors.InvalidInput, match="見つかりません"):
        consignee_certificates.add_certificate(
            manager,
            consignee_id,
            tmp_path / "missing.pdf",
            received_on=date(2026, 11, 2),
            description="廃棄証明書",
        )
    pdf = add(small_pdf(), "ok.txt")
    jpeg = add(b"\xff\xd8\xff\xe0" + b"\x00" * 10, "photo")
    assert (pdf.media_type, jpeg.media_type) == ("application/pdf", "image/jpeg")  # type: ignore[attr-defined]
    # Kept after the consignment ended: the certificate usually comes then.
    consignees.end(manager, consignee_id, date(2026, 11, 3))
    add(PNG, "after.png")
    assert consignee_hearings.summary(manager, 2026).certificates_received == 3
    details = [d for a, _t, d in _events(manager) if a == "consignee.certificate_added"]
    assert details[0] == {"certificate": 1, "media_type": "application/pdf", "size": pdf.byte_size}  # type: ignore[attr-defined]


def test_the_register_pdf_holds_the_company_records_and_is_logged(
    staffed: Office, tmp_path: Path
) -> None:
    import io

    from pypdf import PdfReader

    from app.services import consignee_register

    manager = staffed.manager
    consignee_id = _active(manager)
    consignee_hearings.record_hearing(
        manager,
        consignee_id,
        year=2026,
        kind=HearingKind.APRIL,
        held_on=date(2026, 4, 10),
        held_by="管理 花子",
        result=HearingResult.ADEQUATE,
        note="入退室管理を確認",
    )
    consignees.register(manager, Company(name="社会保険労務士法人 みどり"))
    auditor = _sign_in(staffed, "kansa", AUDITOR_PASSWORD)
    try:
        pdf = consignee_register.register_pdf(auditor)
    finally:
        auditor.close()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    flat = text.replace(" ", "").replace("\n", "")
    for expected in (
        "委託先管理表",
        "給与計算センター株式会社",
        CORPORATE,
        "2026年実施済み",
        "社会保険労務士法人みどり",
        "6項目中0項目",
        "入退室管理を確認",
    ):
        assert expected in flat, expected
    assert _events(manager)[-1][0] == "consignee.register_printed"


def test_the_self_inspection_reports_the_hearings_and_marks_an_overdue_one(
    staffed: Office,
) -> None:
    from app.services import self_inspection

    manager = staffed.manager
    _active(manager)
    section = next(
        s
        for s in self_inspection.build(manager, 2026).sections
        if s.title.startswith("委託先の監督")
    )
    assert section.attention
    assert section.finding == "1社の点検が期限を過ぎても実施されていません。"
    assert ("期限（4月30日）を過ぎて未実施", "1社") in section.rows
