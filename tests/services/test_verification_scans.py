"""Optional copies of identity documents: off by default, sealed under the number key, read only
by those who handle numbers, logged, each deletable alone, and bad files refused unread."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from app import errors
from app.domain.verification import (
    Comparison,
    IdentityField,
    PresentedDocument,
    Subject,
    VerificationRequest,
)
from app.services import auth, people, settings, staff, verification, verification_scans
from app.services.verification import NewNumber, VerificationEntry
from app.session import Session
from storage import staff_repo
from tests.conftest import AUDITOR_PASSWORD, Office, add_member

NUMBER = "123456789018"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64 + "個人番号カード裏面 1234 5678 9018".encode()


@pytest.fixture
def manager(office: Office) -> Session:
    staff.set_scopes(office.manager, "kanri", ["purpose:tax_withholding", "kind:employee"])
    office.manager.user = auth.member_from(staff_repo.by_login(office.manager.vault.conn, "kanri"))
    return office.manager


def _verified(session: Session) -> tuple[int, int]:
    """(person id, verification id) of an employee verified with the card."""
    person = people.register_employee(
        session,
        code="E001",
        name="山田 太郎",
        kana_text="ヤマダ タロウ",
        birth_date=date(1980, 4, 1),
    )
    request = VerificationRequest(
        Subject.EMPLOYEE,
        documents=(PresentedDocument("individual_number_card", expires_on=date(2030, 1, 1)),),
        comparison=Comparison(
            frozenset({IdentityField.NAME, IdentityField.BIRTH_DATE}), True, True
        ),
    )
    entry = VerificationEntry(
        request, date(2026, 11, 23), new_number=NewNumber(NUMBER, NUMBER, ("tax_withholding",))
    )
    return person.id, verification.record(session, person.id, entry).id


def _file(tmp_path: Path, content: bytes, name: str = "card.png") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_off_by_default_then_sealed_viewed_and_deleted_alone(
    office: Office, manager: Session, tmp_path: Path
) -> None:
    person_id, record = _verified(manager)
    with pytest.raises(errors.InvalidInput, match="設定で無効"):
        verification_scans.add_scan(manager, record, _file(tmp_path, PNG))
    settings.change(manager, "verification_scans", "on")
    first = verification_scans.add_scan(manager, record, _file(tmp_path, PNG))
    second = verification_scans.add_scan(manager, record, _file(tmp_path, b"%PDF-1.4 x", "a.pdf"))
    assert (first.media_type, first.byte_size) == ("image/png", len(PNG))
    assert second.media_type == "application/pdf"
    # Sealed: the stored blob is not the file, and it opens only as this scan of this record.
    stored = manager.vault.conn.execute(
        "SELECT sealed FROM verification_scan WHERE id = ?", (first.id,)
    ).fetchone()[0]
    assert PNG not in bytes(stored) and b"9018" not in bytes(stored)
    assert verification_scans.open_scan(manager, first.id).data == PNG
    manager.vault.conn.execute(
        "UPDATE verification_scan SET sealed = (SELECT sealed FROM verification_scan WHERE id = ?)"
        " WHERE id = ?",
        (first.id, second.id),
    )
    with pytest.raises(errors.VaultDamaged):
        verification_scans.open_scan(manager, second.id)
    verification_scans.delete_scan(manager, second.id)
    assert [s.id for s in verification_scans.scans(manager, record)] == [first.id]
    assert [r.id for r in verification.history(manager, person_id)] == [record]
    actions = [
        r[0]
        for r in manager.vault.conn.execute(
            "SELECT action FROM audit_log WHERE action LIKE 'verification.scan%' ORDER BY seq"
        )
    ]
    assert actions == [
        "verification.scan_added",
        "verification.scan_added",
        "verification.scan_viewed",
        "verification.scan_deleted",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "空"),
        (b"GIF89a....", "PNG・JPEG"),
        (b"MZ\x90\x00 not an image", "PNG・JPEG"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_stored(
    manager: Session, tmp_path: Path, content: bytes, message: str
) -> None:
    _person_id, record = _verified(manager)
    settings.change(manager, "verification_scans", "on")
    with pytest.raises(errors.InvalidInput, match=message):
        verification_scans.add_scan(manager, record, _file(tmp_path, content, "x.bin"))
    with pytest.raises(errors.InvalidInput, match="見つかりません"):
        verification_scans.add_scan(manager, record, tmp_path / "missing.png")
    with pytest.raises(errors.InvalidInput, match="見つかりません"):
        verification_scans.add_scan(manager, record, tmp_path)
    assert verification_scans.scans(manager, record) == []


def test_a_huge_file_is_refused_without_being_read(
    manager: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _person_id, record = _verified(manager)
    settings.change(manager, "verification_scans", "on")
    huge = tmp_path / "huge.png"
    with huge.open("wb") as out:  # sparse: 5 GB on paper, nothing on disk
        out.write(PNG)
        out.seek(5 * 1024**3)
        out.write(b"\x00")
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("a file over the limit was read"))
    with pytest.raises(errors.InvalidInput, match="大きすぎます"):
        verification_scans.add_scan(manager, record, huge)
    os.remove(huge)


def test_the_auditor_can_never_open_a_copy(
    office: Office, manager: Session, tmp_path: Path
) -> None:
    person_id, record = _verified(manager)
    settings.change(manager, "verification_scans", "on")
    scan = verification_scans.add_scan(manager, record, _file(tmp_path, PNG))
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    auditor = auth.sign_in(office.data, "kansa", AUDITOR_PASSWORD, office.clock)
    try:
        for call in (
            lambda: verification_scans.open_scan(auditor, scan.id),
            lambda: verification_scans.delete_scan(auditor, scan.id),
            lambda: verification_scans.scans(auditor, record),
        ):
            with pytest.raises(errors.PermissionDenied):
                call()
        # The record itself (no number, no image) stays readable for the audit.
        assert [r.id for r in verification.history(auditor, person_id)] == [record]
    finally:
        auditor.close()
    assert verification_scans.open_scan(manager, scan.id).data == PNG
