"""Leak scan over the whole people workflow (issue: people and their numbers): register,
reveal, copy, correct, edit, end, refusal records, import, purpose notice, CLI lists and the
audit export. Afterwards the numbers used appear nowhere but in ciphertext: not in the data
folder's files (database, -journal, key slots), the log, new temp files, PDFs or CLI output."""

from __future__ import annotations

import csv
import io
import time
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from app.domain.import_layout import FIELDS
from app.services import (
    audit,
    corrections,
    importing,
    notices,
    numbers,
    people,
    refusals,
    staff,
)
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office, run_cli
from tests.security.test_leaks import (
    _encodings,
    _files,
    _flush_logs,
    _hits,
    _hyphenated,
    _new_temp_files,
    _number_like,
    _synthetic_numbers,
    app_logging,  # noqa: F401  (fixture)
)

SCOPES = [
    "purpose:tax_withholding",
    "purpose:health_pension",
    "purpose:payment_records",
    "purpose:national_pension_3",
    "kind:employee",
    "kind:dependent",
    "kind:payee",
]


def _needles(values: list[str]) -> list[bytes]:
    forms = []
    for number in values:
        spaced = f"{number[:4]} {number[4:8]} {number[8:]}"
        full_width = number.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        forms += [number, _hyphenated(number), spaced, full_width]
    return [needle for text in forms for needle in _encodings(text)]


def test_the_people_workflow_leaves_numbers_only_in_ciphertext(
    office: Office,
    app_logging: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    started = time.time() - 1
    used = _synthetic_numbers(8, seed=4)
    session = office.manager
    session.user = staff.set_scopes(session, MANAGER_LOGIN, SCOPES)

    employee = people.register_employee(
        session, code="E001", name="山田 太郎", kana_text="ヤマダ タロウ", department="総務部"
    )
    spouse = people.register_dependent(
        session,
        employee_id=employee.id,
        name="山田 花子",
        kana_text="ヤマダ ハナコ",
        relation="配偶者",
        pension_category3=True,
    )
    payee = people.register_payee(
        session, name="弁護 士子", kana_text="ベンゴ シコ", payment_kind="fees", continuing=True
    )
    numbers.register_number(
        session, employee.id, _hyphenated(used[0]), used[0], ["tax_withholding"]
    )
    numbers.register_number(session, spouse.id, used[1], used[1], ["national_pension_3"])
    numbers.register_number(session, payee.id, used[2], used[2], ["payment_records"])
    assert numbers.reveal(session, employee.id, "tax_withholding").number.digits() == used[0]
    numbers.copy(session, payee.id, "payment_records")
    corrections.correct_number(session, spouse.id, used[3], used[3], "入力誤りの訂正")
    corrections.edit_person(session, employee.id, {"department": "経理部"}, "異動")
    corrections.retire(session, payee.id, date(2026, 10, 31), "契約期間満了")
    refusal_target = people.register_employee(
        session, code="E002", name="拒否 次郎", kana_text="キョヒ ジロウ"
    )
    refusals.record_request(
        session,
        refusal_target.id,
        requested_on=date(2026, 11, 1),
        method="書面",
        answer="refused",
        reason="本人が提供を拒否",
    )

    source = tmp_path / "import-source" / "payroll.csv"
    source.parent.mkdir()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(FIELDS.values())
    for index, number in enumerate(used[4:7]):
        row = {
            "kind": "従業員",
            "code": f"E1{index:02d}",
            "name": "取込 太郎",
            "kana": "トリコミ タロウ",
            "number": number,
            "purposes": "源泉徴収事務",
        }
        writer.writerow([row.get(key, "") for key in FIELDS])
    source.write_bytes(buffer.getvalue().encode("cp932"))
    assert importing.dry_run(session, source).problems == []
    assert importing.commit(session, source).numbers == 3
    # The same numbers under other codes: every row a duplicate, listed, never quoted.
    clashing = source.with_name("clashing.csv")
    clashing.write_bytes(source.read_bytes().replace(b"E1", b"E2"))

    pdfs = [
        notices.purpose_notice_pdf(session, employee.id),
        notices.purpose_notice_pdf(session, None),
        refusals.refusal_record_pdf(session, refusal_target.id),
    ]
    exported = audit.export_csv(session)
    session.close()

    listed = run_cli(
        "--data-dir",
        str(office.data.data_dir),
        "people",
        "list",
        "--user",
        MANAGER_LOGIN,
        "--password-stdin",
        stdin=MANAGER_PASSWORD + "\n",
    )
    checked, clashed = (
        run_cli(
            "--data-dir",
            str(office.data.data_dir),
            "import",
            "people",
            str(path),
            "--dry-run",
            "--user",
            MANAGER_LOGIN,
            "--password-stdin",
            stdin=MANAGER_PASSWORD + "\n",
        )
        for path in (source, clashing)
    )
    assert listed.returncode == 0, listed.stderr
    assert "山田 太郎" in listed.stdout
    assert checked.returncode == 0 and "変更なし 3人" in checked.stdout  # the same people
    assert clashed.returncode == 1 and clashed.stderr.count("既に別の対象者に登録") == 3
    _flush_logs()

    needles = _needles(used)
    assert _hits(_files(office.data.data_dir), needles) == []
    assert _hits([app_logging], needles) == []
    assert app_logging.exists()
    assert _hits(_new_temp_files(started, exclude=[source.parent]), needles) == []
    outputs = (listed, checked, clashed)
    for output in [text for done in outputs for text in (done.stdout, done.stderr)]:
        assert _number_like(output) == [], output
    assert _number_like(exported.decode("utf-8")) == []
    for pdf in pdfs:
        assert not any(needle in pdf for needle in needles)
        reader = PdfReader(io.BytesIO(pdf))
        metadata = " ".join(str(value) for value in (reader.metadata or {}).values())
        # Neutral metadata: no number and no name (the fixed 2000-01-01 dates are digits).
        assert not any(needle in metadata.encode("utf-8") for needle in needles)
        assert "山田" not in metadata and "次郎" not in metadata, metadata
        text = "".join(page.extract_text() or "" for page in reader.pages)
        assert _number_like(text) == [], "a number is printed on a document that needs none"
