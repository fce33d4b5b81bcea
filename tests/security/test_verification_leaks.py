"""Leak scan over identity verification: numbers registered with a record, matched against the
one on file (also wrongly), refused entries that carry a number, a copy of a card showing the
number, the 本人確認記録 PDF and the audit export. Afterwards the numbers appear nowhere but in
ciphertext: not in the data folder's files, the log, new temp files, the PDF or the export."""

from __future__ import annotations

import io
import time
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app import errors
from app.domain.verification import (
    Comparison,
    IdentityField,
    PresentedDocument,
    Subject,
    VerificationRequest,
)
from app.services import audit, numbers, people, settings, staff, verification, verification_scans
from app.services.verification import NewNumber, VerificationEntry
from tests.conftest import MANAGER_LOGIN, Office
from tests.security.test_leaks import (
    _files,
    _flush_logs,
    _hits,
    _new_temp_files,
    _number_like,
    _synthetic_numbers,
    app_logging,  # noqa: F401  (fixture)
)
from tests.security.test_people_leaks import _needles

MATCHED = Comparison(frozenset({IdentityField.NAME, IdentityField.BIRTH_DATE}), True, True)
CARD = PresentedDocument("individual_number_card", expires_on=date(2030, 1, 1))


def test_verification_leaves_numbers_only_in_ciphertext(
    office: Office,
    app_logging: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    started = time.time() - 1
    used = _synthetic_numbers(4, seed=11)
    session = office.manager
    session.user = staff.set_scopes(
        session, MANAGER_LOGIN, ["purpose:tax_withholding", "kind:employee"]
    )
    first = people.register_employee(
        session,
        code="E001",
        name="山田 太郎",
        kana_text="ヤマダ タロウ",
        birth_date=date(1980, 4, 1),
    )
    second = people.register_employee(
        session,
        code="E002",
        name="佐藤 花子",
        kana_text="サトウ ハナコ",
        birth_date=date(1985, 6, 1),
    )
    request = VerificationRequest(Subject.EMPLOYEE, documents=(CARD,), comparison=MATCHED)
    record = verification.record(
        session,
        first.id,
        VerificationEntry(
            request,
            date(2026, 11, 23),
            new_number=NewNumber(used[0], used[0], ("tax_withholding",)),
        ),
    )
    numbers.register_number(session, second.id, used[1], used[1], ["tax_withholding"])
    refused = [
        VerificationEntry(request, date(2026, 11, 23), presented_number=used[2]),  # wrong
        VerificationEntry(request, date(2026, 11, 23), presented_number=used[1][:-1] + "x"),
        VerificationEntry(request, date(2026, 11, 23), note=f"番号 {used[1]}"),
        VerificationEntry(
            request,
            date(2026, 11, 23),
            new_number=NewNumber(used[3], used[3], ("tax_withholding",)),
        ),
    ]
    for entry in refused:
        with pytest.raises(errors.InvalidInput) as caught:
            verification.record(session, second.id, entry)
        assert _number_like(str(caught.value)) == [], caught.value
    verification.record(
        session, second.id, VerificationEntry(request, date(2026, 11, 23), presented_number=used[1])
    )
    settings.change(session, "verification_scans", "on")
    scan_file = tmp_path / "chosen" / "card-back.png"
    scan_file.parent.mkdir()
    scan_file.write_bytes(b"\x89PNG\r\n\x1a\n" + f"裏面 {used[0]}".encode())
    scan = verification_scans.add_scan(session, record.id, scan_file)
    assert used[0].encode() in verification_scans.open_scan(session, scan.id).data
    pdf = verification.record_pdf(session, record.id)
    exported = audit.export_csv(session)
    session.close()
    _flush_logs()

    needles = _needles(used)
    assert _hits(_files(office.data.data_dir), needles) == []
    assert _hits([app_logging], needles) == []
    assert _hits(_new_temp_files(started, exclude=[scan_file.parent]), needles) == []
    assert _number_like(exported.decode("utf-8")) == []
    assert not any(needle in pdf for needle in needles)
    text = "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "本人確認記録" in text and _number_like(text) == []
