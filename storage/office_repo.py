"""The office row: its name and the areas written into the management ledger, its contact,
the sender of its letters and its 法人番号."""

from __future__ import annotations

from dataclasses import dataclass

from storage.connection import Connection


@dataclass(frozen=True)
class OfficeRecord:
    name: str
    management_area: str
    handling_area: str
    created_at: str


def insert(conn: Connection, record: OfficeRecord) -> None:
    conn.execute(
        "INSERT INTO office (id, name, management_area, handling_area, created_at)"
        " VALUES (1, ?, ?, ?, ?)",
        (record.name, record.management_area, record.handling_area, record.created_at),
    )


def get(conn: Connection) -> OfficeRecord | None:
    row = conn.execute(
        "SELECT name, management_area, handling_area, created_at FROM office WHERE id = 1"
    ).fetchone()
    return None if row is None else OfficeRecord(*row)


@dataclass(frozen=True)
class OfficeContact:
    """Where a person reaches the office about their data (migration 0009), who signs the
    office's letters (migration 0013), and the office's 法人番号, printed as the payer's on the
    statutory forms (migration 0020; public, kept plain; "" when the office has none)."""

    request_desk: str  # the desk for requests and complaints, e.g. 総務部 個人情報相談窓口
    address: str
    phone: str
    sender_title: str = ""  # e.g. 特定個人情報管理責任者 総務部長
    sender_name: str = ""
    corporate_number: str = ""  # 13 ASCII digits, checked by the service


_FIELDS = "request_desk, address, phone, sender_title, sender_name, corporate_number"


def contact(conn: Connection) -> OfficeContact:
    row = conn.execute(f"SELECT {_FIELDS} FROM office WHERE id = 1").fetchone()
    return OfficeContact("", "", "") if row is None else OfficeContact(*row)


def set_contact(conn: Connection, contact: OfficeContact) -> None:
    conn.execute(
        "UPDATE office SET request_desk = ?, address = ?, phone = ?, sender_title = ?,"
        " sender_name = ?, corporate_number = ? WHERE id = 1",
        (
            contact.request_desk,
            contact.address,
            contact.phone,
            contact.sender_title,
            contact.sender_name,
            contact.corporate_number,
        ),
    )
