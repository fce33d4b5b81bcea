"""The purpose notice (利用目的通知書): per person from the purposes their number was collected
for, or for everyone from the whole catalog. Printing it is logged."""

from __future__ import annotations

import io

from app import paths
from app.domain.access import Permission
from app.domain.purposes import CATALOG, PersonKind
from app.services import audit, numbers
from app.services.guard import renders_paper, storage_errors
from app.session import Session
from storage import number_repo, office_repo


@renders_paper
def purpose_notice_pdf(session: Session, person_id: int | None) -> bytes:
    from reports import fonts
    from reports.purpose_notice import (
        PurposeLine,
        PurposeNotice,
        PurposeNoticeData,
        render_purpose_notices,
    )

    if person_id is None:
        audit.require(session, Permission.HANDLE_NUMBERS, target="notice")
        addressee, codes = None, list(CATALOG)
    else:
        person = numbers.person_for(session, person_id)
        with storage_errors():
            collected = number_repo.purposes(session.vault.conn, person_id)
        kind = PersonKind(person.kind)
        codes = [c for c in CATALOG if c in collected] or [
            c for c, e in CATALOG.items() if kind in e.person_kinds
        ]
        addressee = person.name
    with storage_errors():
        office = office_repo.get(session.vault.conn)
    notice = PurposeNotice(
        addressee, tuple(PurposeLine(CATALOG[c].name, CATALOG[c].legal_basis) for c in codes)
    )
    fonts.configure(paths.fonts_dir())
    out = io.BytesIO()
    render_purpose_notices(
        PurposeNoticeData(office.name if office else "", session.clock.now().date(), (notice,)),
        out,
    )
    with storage_errors(), session.vault.write() as writer:
        audit.record(
            writer,
            session,
            "notice.purpose_printed",
            target=f"person:{person_id}" if person_id else "all",
        )
    return out.getvalue()
