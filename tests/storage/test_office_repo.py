"""The office row keeps its contact, its letters' sender and its 法人番号 (migration 0020)."""

from __future__ import annotations

from pathlib import Path

from storage import migrate, office_repo
from storage.connection import open_database
from storage.office_repo import OfficeContact, OfficeRecord

KEY = bytes(range(32))
CONTACT = OfficeContact(
    "総務部", "東京都千代田区1-1", "03-1234-5678", "総務部長", "管理 花子", "4010001234567"
)


def test_the_contact_and_number_round_trip(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "v.db", KEY, create=True)
    migrate.migrate(conn)
    office_repo.insert(conn, OfficeRecord("テスト事業所", "事務室", "執務席", "then"))
    assert office_repo.contact(conn) == OfficeContact("", "", "")
    office_repo.set_contact(conn, CONTACT)
    assert office_repo.contact(conn) == CONTACT
    office_repo.set_contact(conn, OfficeContact("総務部", "", ""))
    assert office_repo.contact(conn).corporate_number == ""
    conn.close()


def test_an_office_from_schema_19_gains_an_empty_number_and_keeps_its_contact(
    tmp_path: Path,
) -> None:
    """An office written by the program before the 法人番号 was kept: its row upgrades in
    place, the number empty until the manager sets it."""
    conn = open_database(tmp_path / "v.db", KEY, create=True)
    for number, sql in migrate.migrations()[:19]:
        conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
    conn.execute(
        "INSERT INTO office (id, name, management_area, handling_area, created_at, request_desk,"
        " address, phone, sender_title, sender_name)"
        " VALUES (1, 'テスト事業所', '事務室', '執務席', 'then', '総務部', '東京都千代田区1-1',"
        " '03-1234-5678', '総務部長', '管理 花子')"
    )
    assert migrate.migrate(conn) == migrate.head_version() >= 20
    assert office_repo.contact(conn) == OfficeContact(
        "総務部", "東京都千代田区1-1", "03-1234-5678", "総務部長", "管理 花子", ""
    )
    office_repo.set_contact(conn, CONTACT)
    assert office_repo.contact(conn).corporate_number == "4010001234567"
    conn.close()
