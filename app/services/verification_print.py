"""The printed 本人確認記録 of one verification (SPEC §3); printing it is logged. It shows no My
Number: the record never holds one."""

from __future__ import annotations

import io
from datetime import date, datetime

from app import errors, paths
from app.domain.purposes import PersonKind
from app.domain.verification import Outcome, Subject
from app.services import audit, people
from app.services.guard import renders_paper, storage_errors
from app.services.verification_text import (
    by_employee,
    channel_text,
    check_lines,
    dependant_of_text,
    document_rows,
    fields_text,
    photo_text,
    provider_text,
    purposes_text,
)
from app.session import Session
from storage import office_repo, people_repo, verification_repo


@renders_paper
def record_pdf(session: Session, verification_id: int, *, seal_box: bool = True) -> bytes:
    """`seal_box`: a 確認者印 box beside the clerk's name, for an office whose manager stamps
    the records they review (optional: the law asks for no seal)."""
    from reports import fonts
    from reports.verification_record import (
        CheckLine,
        DocumentLine,
        VerificationRecordData,
        render_verification_record,
    )

    with storage_errors():
        row = verification_repo.get(session.vault.conn, verification_id)
    if row is None:
        raise errors.NotFound("本人確認記録が見つかりません。")
    person = people.readable(session, row.person_id)
    conn = session.vault.conn
    with storage_errors():
        office = office_repo.get(conn)
        linked = (
            verification_repo.get(conn, row.employee_verification_id)
            if row.employee_verification_id is not None
            else None
        )
        linked_person = people_repo.get(conn, linked.person_id) if linked else None
    linked_text = ""
    if linked is not None and linked_person is not None:
        day = date.fromisoformat(linked.verified_on)
        linked_text = (
            f"{linked_person.name}（記録番号 No. {linked.id}、"
            f"{day.year}年{day.month}月{day.day}日の本人確認記録）"
        )
    fonts.configure(paths.fonts_dir())
    out = io.BytesIO()
    render_verification_record(
        VerificationRecordData(
            office_name=office.name if office else "",
            printed_on=session.clock.now().date(),
            record_no=row.id,
            person_name=person.name,
            person_kana=person.kana,
            person_kind=PersonKind(person.kind).label,
            code=person.code or "",
            verified_on=date.fromisoformat(row.verified_on),
            subject=Subject(row.subject).label,
            provider=provider_text(row),
            channel=channel_text(row),
            outcome=Outcome(row.outcome).label,
            checks=tuple(CheckLine(label, means) for label, means in check_lines(row)),
            documents=tuple(DocumentLine(*line) for line in document_rows(row)),
            fields_compared=fields_text(row),
            linked_record=linked_text,
            clerk=row.recorded_by_name,
            recorded_at=datetime.fromisoformat(row.recorded_at),
            note=row.note,
            purposes=purposes_text(row),
            photo_check="" if by_employee(row) else photo_text(row),
            dependant_of=dependant_of_text(row),
            seal_box=seal_box,
        ),
        out,
    )
    with storage_errors(), session.vault.write() as writer:
        audit.record(
            writer,
            session,
            "verification.printed",
            target=f"person:{row.person_id}",
            detail={"verification": row.id},
        )
    return out.getvalue()
