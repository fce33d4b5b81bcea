"""The office's contact for requests from individuals: the desk, address and phone printed on
the request form and on every answer (個人情報保護法第32条第1項第4号・第40条), the sender's
title and name that sign every letter, and the office's 法人番号 printed as the payer's on every
statutory form (public, so kept plain and logged as set)."""

from __future__ import annotations

from dataclasses import dataclass

from app import errors
from app.domain import corporate_number as corporate
from app.domain.access import Permission, Role
from app.services import audit
from app.services.guard import free_text, storage_errors
from app.session import Session
from storage import office_repo, staff_repo
from storage.connection import Connection
from storage.office_repo import OfficeContact

# The title a letter is signed with while the manager has set none: the role the 取扱規程
# gives the person who answers for the office's My Number files.
DEFAULT_SENDER_TITLE = "特定個人情報管理責任者"
SENDER_TITLE_MAX = 40
SENDER_NAME_MAX = 30


@dataclass(frozen=True)
class Sender:
    """Who signs a letter: 「特定個人情報管理責任者 総務部長」 and 「管理 花子」 ("" if unknown)."""

    title: str
    name: str


def contact(session: Session) -> OfficeContact:
    with storage_errors():
        return office_repo.contact(session.vault.conn)


def change_contact(
    session: Session,
    *,
    request_desk: str,
    address: str,
    phone: str,
    sender_title: str = "",
    sender_name: str = "",
    corporate_number: str = "",
) -> OfficeContact:
    """The manager sets it; audited with what changed (an office's address and its 法人番号
    are no one's personal data)."""
    audit.require(session, Permission.MANAGE_SETTINGS, target="office")
    new = OfficeContact(
        free_text(request_desk, "請求・苦情の窓口", limit=60),
        free_text(address, "所在地", limit=120),
        free_text(phone, "電話番号", limit=30),
        free_text(sender_title, "差出人の役職", limit=SENDER_TITLE_MAX),
        free_text(sender_name, "差出人の氏名", limit=SENDER_NAME_MAX),
        checked_corporate_number(corporate_number),
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


def checked_corporate_number(text: str) -> str:
    """The 法人番号 as kept: 13 ASCII digits (full-width digits, hyphens and spaces as typed are
    folded away), or "" for an office that has none. A wrong length or check digit is refused
    in Japanese, without quoting what was typed."""
    if not text.strip():
        return ""
    try:
        return corporate.parse(text).digits
    except corporate.InvalidCorporateNumber as exc:
        raise errors.InvalidInput(str(exc)) from None


def sender(conn: Connection, found: OfficeContact) -> Sender:
    """Who signs the office's letters: the title and name the manager set; without them, the
    特定個人情報管理責任者, named when the office has exactly one manager."""
    title = found.sender_title or DEFAULT_SENDER_TITLE
    if found.sender_name:
        return Sender(title, found.sender_name)
    if found.sender_title:
        return Sender(title, "")
    managers = [
        r.display_name
        for r in staff_repo.all_staff(conn)
        if r.active and Role.MANAGER.value in r.roles
    ]
    return Sender(title, managers[0] if len(managers) == 1 else "")


def letter_sender(session: Session) -> Sender:
    with storage_errors():
        return sender(session.vault.conn, office_repo.contact(session.vault.conn))


def contact_lines(office_name: str, found: OfficeContact) -> str:
    """One text for a document: 「事業所名　窓口」, then 〒 address and phone when set."""
    return f"{office_name}　{desk_lines(found)}"


def desk_lines(found: OfficeContact) -> str:
    """The desk with its address and phone, for a letter whose head names the office."""
    head = found.request_desk or DEFAULT_SENDER_TITLE
    rest = "　".join(
        part for part in (found.address, f"電話 {found.phone}" if found.phone else "") if part
    )
    return f"{head}（{rest}）" if rest else head
