"""The office's contact for requests from individuals: the desk, address and phone printed on
the request form and on every answer (個人情報保護法第32条第1項第4号・第40条)."""

from __future__ import annotations

from app.domain.access import Permission
from app.services import audit
from app.services.guard import free_text, storage_errors
from app.session import Session
from storage import office_repo
from storage.office_repo import OfficeContact


def contact(session: Session) -> OfficeContact:
    with storage_errors():
        return office_repo.contact(session.vault.conn)


def change_contact(
    session: Session, *, request_desk: str, address: str, phone: str
) -> OfficeContact:
    """The manager sets it; audited with what changed (an office's address is no one's data)."""
    audit.require(session, Permission.MANAGE_SETTINGS, target="office")
    new = OfficeContact(
        free_text(request_desk, "請求・苦情の窓口", limit=60),
        free_text(address, "所在地", limit=120),
        free_text(phone, "電話番号", limit=30),
    )
    with storage_errors(), session.vault.write() as writer:
        before = office_repo.contact(writer.conn)
        office_repo.set_contact(writer.conn, new)
        audit.record(
            writer,
            session,
            "office.contact_changed",
            target="office",
            detail={
                field: value
                for field, value in vars(new).items()
                if getattr(before, field) != value
            },
        )
    return new


def contact_lines(office_name: str, found: OfficeContact) -> str:
    """One text for a document: 「事業所名　窓口」, then 〒 address and phone when set."""
    head = f"{office_name}　{found.request_desk or '特定個人情報管理責任者'}"
    rest = "　".join(
        part for part in (found.address, f"電話 {found.phone}" if found.phone else "") if part
    )
    return f"{head}（{rest}）" if rest else head
