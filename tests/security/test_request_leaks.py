"""Leak scan over a disclosure request whose notice carries the person's own number: the number
is in that PDF (asked for, once) and nowhere else: not in the data folder's files, the log, new
temp files, the other notices, the audit export or the PDF metadata."""

from __future__ import annotations

import io
import time
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from app.domain.individual_requests import (
    Decision,
    RequesterChannel,
    RequesterDocument,
    RequesterMatch,
    RequesterRole,
    RequestKind,
)
from app.services import audit, individual_requests, numbers, people, request_papers, staff
from app.services.individual_requests import Intake, RequesterEntry
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


def test_the_own_number_is_only_in_the_notice_that_asked_for_it(
    office: Office,
    app_logging: Path,  # noqa: F811
) -> None:
    started = time.time() - 1
    own, spouse = _synthetic_numbers(2, seed=17)
    session = office.manager
    session.user = staff.set_scopes(
        session, MANAGER_LOGIN, ["purpose:tax_withholding", "kind:employee", "kind:dependent"]
    )
    person = people.register_employee(
        session, code="E001", name="山田 太郎", kana_text="ヤマダ タロウ", department="総務部"
    )
    numbers.register_number(session, person.id, own, own, ["tax_withholding"])
    dependent = people.register_dependent(
        session, employee_id=person.id, name="山田 花子", kana_text="ヤマダ ハナコ", relation="妻"
    )
    numbers.register_number(session, dependent.id, spouse, spouse, ["tax_withholding"])
    row = individual_requests.receive(
        session,
        Intake(
            RequestKind.DISCLOSURE,
            "山田 太郎",
            "山田 太郎",
            RequesterRole.SELF,
            date(2026, 11, 20),
            RequesterChannel.IN_PERSON,
            "保有している情報すべてと私の個人番号",
            person_id=person.id,
            own_number_requested=True,
        ),
    )
    individual_requests.verify_requester(
        session,
        row.id,
        RequesterEntry(
            (RequesterDocument.DRIVERS_LICENSE,), (RequesterMatch.NAME,), date(2026, 11, 20)
        ),
    )
    individual_requests.decide(session, row.id, Decision.FULL)
    with_number = request_papers.notice_pdf(session, row.id, include_own_number=True)
    without = request_papers.notice_pdf(session, row.id)
    exported = audit.export_csv(session)
    session.close()
    _flush_logs()

    everything = _needles([own, spouse])
    assert _hits(_files(office.data.data_dir), everything) == []
    assert _hits([app_logging], everything) == []
    assert _hits(_new_temp_files(started), everything) == []
    assert _number_like(exported.decode("utf-8")) == []
    text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(with_number)).pages)
    compact = text.replace(" ", "").replace("\n", "")
    assert compact.count(own) == 1 and spouse not in compact
    metadata = " ".join(
        str(v) for v in (PdfReader(io.BytesIO(with_number)).metadata or {}).values()
    )
    assert own not in metadata.replace(" ", "") and "山田" not in metadata
    plain = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(without)).pages)
    assert _number_like(plain) == []
