"""Asking a person for their number and recording the answer; the refusal record PDF."""

from __future__ import annotations

import io
import unicodedata
from datetime import date

from app import errors, paths
from app.domain import kana
from app.domain.my_number import echo, looks_like_number
from app.domain.purposes import PersonKind
from app.services import audit, numbers
from app.services.guard import renders_paper, storage_errors
from app.session import Session
from storage import office_repo, request_repo
from storage.request_repo import RequestRecord

ANSWERS = {
    "refused": "提供を拒否",
    "no_answer": "回答なし",
    "will_provide": "後日提供予定",
    "provided": "提供を受けた",
}


def record_request(
    session: Session,
    person_id: int,
    *,
    requested_on: date,
    method: str,
    answer: str,
    reason: str = "",
) -> RequestRecord:
    """One request and its answer, with who recorded it; never the number itself."""
    numbers.person_for(session, person_id)
    if answer not in ANSWERS:
        raise errors.InvalidInput(
            "回答は「提供を拒否」「回答なし」「後日提供予定」「提供を受けた」から選んでください。"
        )
    if requested_on > session.clock.now().date():
        raise errors.InvalidInput("依頼日が未来の日付になっています。")
    # Kept as typed (the record is printed for the tax office); checked on the NFKC form.
    method_text, reason_text = kana.as_typed(method), kana.as_typed(reason)
    if not 1 <= len(method_text) <= 30:
        raise errors.InvalidInput(
            "依頼の方法（例：書面、口頭、メール）を30文字以内で入力してください。"
        )
    if len(reason_text) > 200:
        raise errors.InvalidInput("理由・経過は200文字以内で入力してください。")
    for typed in (method_text, reason_text):
        folded = unicodedata.normalize("NFKC", typed)
        if echo(folded, len(folded)) != folded or looks_like_number(folded):
            raise errors.InvalidInput("個人番号のような数字列は記録できません。")
    with storage_errors(), session.vault.write() as writer:
        record_id = request_repo.insert(
            writer.conn,
            person_id=person_id,
            requested_on=requested_on.isoformat(),
            method=method_text,
            answer=answer,
            reason=reason_text,
            recorded_by=session.user.display_name,
            recorded_at=session.clock.now().isoformat(timespec="seconds"),
        )
        audit.record(
            writer,
            session,
            "number.request_recorded",
            target=f"person:{person_id}",
            detail={"answer": answer},
        )
        return next(r for r in request_repo.for_person(writer.conn, person_id) if r.id == record_id)


def history(session: Session, person_id: int) -> list[RequestRecord]:
    numbers.person_for(session, person_id)
    with storage_errors():
        return request_repo.for_person(session.vault.conn, person_id)


@renders_paper
def refusal_record_pdf(session: Session, person_id: int) -> bytes:
    from reports import fonts
    from reports.refusal_record import RefusalRecordData, RequestLine, render_refusal_record

    person = numbers.person_for(session, person_id)
    with storage_errors():
        records = request_repo.for_person(session.vault.conn, person_id)
        office = office_repo.get(session.vault.conn)
    fonts.configure(paths.fonts_dir())
    out = io.BytesIO()
    render_refusal_record(
        RefusalRecordData(
            office_name=office.name if office else "",
            printed_on=session.clock.now().date(),
            person_name=person.name,
            person_kana=person.kana,
            person_kind=PersonKind(person.kind).label,
            code=person.code or "",
            lines=tuple(
                RequestLine(
                    date.fromisoformat(r.requested_on),
                    r.method,
                    ANSWERS[r.answer],
                    r.reason,
                    r.recorded_by,
                )
                for r in records
            ),
        ),
        out,
    )
    with storage_errors(), session.vault.write() as writer:
        audit.record(writer, session, "notice.refusal_printed", target=f"person:{person_id}")
    return out.getvalue()
