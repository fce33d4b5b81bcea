"""Not a test: the deletion papers of a realistic office (issue 15 items 12, 13), written to
OUT for a person to look at page by page. Run explicitly:
    pytest tests/services/shots_deletion_papers.py -p no:cacheprovider -n 0 -s
then `pdftoppm -png -r 60` each PDF. 25 leavers with backups and shredded paper, a dependant,
a deletion on request, backups destroyed by the rotation and one by hand, a request file
discarded, and a 55-character office name."""

from __future__ import annotations

import io
import re
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
from app.domain.my_number import check_digit
from app.services import (
    auth,
    backup,
    corrections,
    deletion,
    deletion_papers,
    individual_requests,
    numbers,
    people,
    settings,
    staff,
)
from app.services.individual_requests import Intake, RequesterEntry
from tests.conftest import CLERK_PASSWORD, MANAGER_PASSWORD, Office, add_member

OUT = Path("/tmp/delpapers")
SUPERVISOR_PASSWORD = "Silent-Maple-Harbor-63"
OFFICE_NAME = "社会福祉法人さくら福祉会　特別養護老人ホームさくらの里・デイサービスセンターさくら・居宅介護支援事業所"
PURPOSES = ["tax_withholding", "employment_insurance", "health_pension"]
SCOPES = [*(f"purpose:{p}" for p in PURPOSES), "kind:employee", "kind:dependent"]
SURNAMES = [
    "佐藤",
    "鈴木",
    "高橋",
    "田中",
    "伊藤",
    "渡辺",
    "山本",
    "中村",
    "小林",
    "加藤",
    "吉田",
    "山田",
    "佐々木",
    "山口",
    "松本",
]
GIVEN = ["一郎", "花子", "健一郎", "美咲", "翔太", "陽子", "大輔", "由美子", "拓也", "恵"]
DEPARTMENTS = ["介護課", "看護課", "総務部", "栄養課", "デイサービス課"]


def _number(n: int) -> str:
    base = f"{31_415_926_000 + n:011d}"
    return base + str(check_digit(base))


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _write(name: str, pdf: bytes) -> None:
    (OUT / name).write_bytes(pdf)
    text = _text(pdf)
    assert re.search(r"[0-9０-９]{12}", text) is None, name
    print(name, len(PdfReader(io.BytesIO(pdf)).pages), "pages")


def test_render_the_deletion_papers(office: Office, tmp_path: Path) -> None:
    OUT.mkdir(exist_ok=True)
    manager = office.manager
    manager.user = staff.set_scopes(manager, "kanri", SCOPES)
    with manager.vault.write() as writer:
        writer.conn.execute("UPDATE office SET name = ?", (OFFICE_NAME,))
    deletion_papers.change_handling_department(manager, "総務部 人事・給与課")
    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD, scopes=SCOPES)
    add_member(office, "sekinin", ["supervisor"], SUPERVISOR_PASSWORD, scopes=SCOPES)

    leavers = []
    for n in range(25):
        person = people.register_employee(
            manager,
            code=f"E{n:03d}",
            name=f"{SURNAMES[n % len(SURNAMES)]} {GIVEN[n % len(GIVEN)]}",
            kana_text="タイショク イチロウ",
            hire_date=date(2008, 4, 1),
            department=DEPARTMENTS[n % len(DEPARTMENTS)],
        )
        numbers.register_number(manager, person.id, _number(n), _number(n), PURPOSES)
        corrections.retire(manager, person.id, date(2016 + n % 3, 3, 31), "自己都合退職")
        leavers.append(person.id)
    owner = leavers[0]
    spouse = people.register_dependent(
        manager, employee_id=owner, name="佐藤 和子", kana_text="サトウ カズコ", relation="配偶者"
    )
    numbers.register_number(
        manager, spouse.id, _number(90), _number(90), ["tax_withholding", "health_pension"]
    )
    asking = people.register_employee(
        manager,
        code="E900",
        name="長谷川 健一郎",
        kana_text="ハセガワ ケンイチロウ",
        hire_date=date(2020, 4, 1),
        department="看護課",
    )
    numbers.register_number(manager, asking.id, _number(91), _number(91), PURPOSES)

    # An old disclosure request, closed, then past its years: its file is discarded.
    old = individual_requests.receive(
        manager,
        Intake(
            kind=RequestKind.DISCLOSURE,
            subject_name="佐藤 一郎",
            requester_name="佐藤 一郎",
            provider=RequesterRole.SELF,
            received_on=date(2026, 11, 20),
            channel=RequesterChannel.POST,
            requested="保有している私の情報すべて",
            person_id=owner,
            method="書面の交付",
        ),
    )
    entry = RequesterEntry(
        documents=(RequesterDocument.DRIVERS_LICENSE,),
        matched=(RequesterMatch.NAME, RequesterMatch.ADDRESS),
        checked_on=date(2026, 11, 21),
        reply_to_document_address=True,
    )
    individual_requests.verify_requester(manager, old.id, entry)
    individual_requests.decide(manager, old.id, Decision.FULL)
    individual_requests.mark_notified(manager, old.id)
    individual_requests.close(manager, old.id)
    office.clock.advance(days=(date(2029, 11, 26) - date(2026, 11, 23)).days)
    assert individual_requests.discard_expired(manager, MANAGER_PASSWORD) == 1

    # Weekly backups: nine, so the rotation (seven kept) destroys two; one more is out of reach.
    settings.change(manager, "backup_generations", "7")
    folder = tmp_path / "usb"
    made = []
    for _ in range(9):
        office.clock.advance(days=7)
        made.append(backup.make_backup(manager, folder).path)

    # A request to stop using the number, decided: the deletion on request.
    stop = individual_requests.receive(
        manager,
        Intake(
            kind=RequestKind.USAGE_STOP,
            subject_name="長谷川 健一郎",
            requester_name="長谷川 健一郎",
            provider=RequesterRole.SELF,
            received_on=office.clock.now().date(),
            channel=RequesterChannel.POST,
            requested="個人番号の利用停止と消去",
            person_id=asking.id,
            method="書面の交付",
        ),
    )
    individual_requests.verify_requester(
        manager,
        stop.id,
        RequesterEntry(**{**entry.__dict__, "checked_on": office.clock.now().date()}),
    )
    individual_requests.decide(manager, stop.id, Decision.STOPPED)
    request_run = individual_requests.propose_deletion(manager, stop.id)

    clerk = auth.sign_in(office.data, "tanto", CLERK_PASSWORD, office.clock)
    supervisor = auth.sign_in(office.data, "sekinin", SUPERVISOR_PASSWORD, office.clock)
    try:
        run = deletion.propose(clerk, [*leavers, spouse.id])
        office.clock.advance(days=1)
        deletion.approve(supervisor, run.id, SUPERVISOR_PASSWORD)
        deletion.approve(supervisor, request_run, SUPERVISOR_PASSWORD)
        office.clock.advance(days=1)
        deletion.execute(manager, run.id)
        deletion.execute(manager, request_run)
        records = deletion.run_records(clerk, run.id)
        deletion.confirm_paper(clerk, [r.id for r in records])
    finally:
        clerk.close()
        supervisor.close()
    request_record = deletion.run_records(manager, request_run)[0]
    dependant = next(r for r in records if r.person_kind == "扶養親族")
    leaver = records[1]

    day = office.clock.now().date()
    period = (date(2029, 11, 1), date(day.year, 12, 31))
    _write("ledger.pdf", deletion.ledger_pdf(manager, *period))
    _write("certificate-leaver.pdf", deletion.certificate_pdf(manager, leaver.id))
    _write("certificate-dependant.pdf", deletion.certificate_pdf(manager, dependant.id))
    _write("certificate-request.pdf", deletion.certificate_pdf(manager, request_record.id))

    # Seven more weekly backups: every backup made before the deletion is destroyed, one
    # of them by hand (its drive was not plugged in).
    away = made[-1]
    moved = tmp_path / "elsewhere" / away.name
    moved.parent.mkdir()
    away.rename(moved)
    for _ in range(7):
        office.clock.advance(days=7)
        backup.make_backup(manager, folder)
    for overdue in backup.overdue(manager):
        backup.confirm_destroyed(manager, overdue.id)
    day = office.clock.now().date()
    _write("certificate-leaver-later.pdf", deletion.certificate_pdf(manager, leaver.id))
    _write(
        "ledger-later.pdf",
        deletion.ledger_pdf(manager, date(period[0].year, 1, 1), date(day.year, 12, 31)),
    )
