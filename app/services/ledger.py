"""特定個人情報管理台帳 (規程第16条): generated from the data and settings when asked, read by the
manager, the supervisor and the auditor (SPEC §6: those who read the access log), and printed
as a PDF whose output is logged."""

from __future__ import annotations

from collections import Counter

from app.domain.access import Permission, Role
from app.domain.ledger import (
    BACKUP_FILE_NAME,
    BACKUP_KIND,
    BACKUP_PURPOSE,
    ELECTRONIC_DB,
    SCAN_FILE_NAME,
    SCAN_PURPOSE,
    FileCounts,
    Ledger,
    LedgerFile,
    access_list,
    number_files,
)
from app.services import audit
from app.services.deletion_papers import HANDLING_DEPARTMENT
from app.services.guard import renders_paper, storage_errors
from app.services.retention import Retentions
from app.session import Session
from storage import deletion_repo, ledger_repo, office_repo, settings_repo, staff_repo


def _roles(values: frozenset[str]) -> frozenset[Role]:
    return frozenset(Role(v) for v in values if v in Role._value2member_map_)


def management_ledger(session: Session) -> Ledger:
    """The ledger as of today. Raises PermissionDenied (logged) for a clerk."""
    audit.require(session, Permission.READ_AUDIT)
    today = session.clock.now().date()
    conn = session.vault.conn
    decide = Retentions()
    held: Counter[str] = Counter()
    due: Counter[str] = Counter()
    with storage_errors():
        for row in deletion_repo.each_retention_fact(conn):
            held[row.kind] += 1
            day = decide(row).may_delete_from
            if day is not None and day <= today:
                due[row.kind] += 1
        deleted = ledger_repo.deleted_by_kind(conn)
        scans = ledger_repo.scans_held(conn)
        kept, destroyed = ledger_repo.backups(conn)
        office = office_repo.get(conn)
        contact = office_repo.contact(conn)
        # 規程第16条②: the 取扱部署 the manager set (the same one the deletion papers name);
        # without it, the desk people reach still says who handles the numbers.
        department = settings_repo.all_values(conn).get(HANDLING_DEPARTMENT, "")
        members = [r for r in staff_repo.all_staff(conn) if r.active]
    names = "、".join(r.display_name for r in members if Role.MANAGER.value in r.roles)
    # The office keeps no department of its own: the signer's title (e.g. 総務部長) goes with
    # the names, and the desk people reach names the department that handles the numbers.
    responsible = "　".join(t for t in (contact.sender_title, names) if t)
    files = [
        *number_files(dict(held), dict(due), deleted),
        LedgerFile(SCAN_FILE_NAME, ELECTRONIC_DB, (SCAN_PURPOSE,), FileCounts(scans, None, None)),
        LedgerFile(
            BACKUP_FILE_NAME, BACKUP_KIND, (BACKUP_PURPOSE,), FileCounts(kept, None, destroyed)
        ),
    ]
    return Ledger(
        office_name=office.name if office else "",
        as_of=today,
        responsible=responsible or "—",
        department=department or contact.request_desk or "（未設定）",
        files=tuple(files),
        access=access_list((r.display_name, _roles(r.roles), r.scopes) for r in members),
        management_area=(office.management_area if office else "") or "（未設定）",
        handling_area=(office.handling_area if office else "") or "（未設定）",
    )


@renders_paper
def ledger_pdf(session: Session) -> bytes:
    """The ledger as a PDF; its output is an event of the access log."""
    import io

    from app import paths
    from reports import fonts
    from reports import management_ledger as sheet

    ledger = management_ledger(session)
    fonts.configure(paths.fonts_dir())
    out = io.BytesIO()
    sheet.render_management_ledger(
        sheet.Ledger(
            office_name=ledger.office_name,
            as_of=ledger.as_of,
            responsible=ledger.responsible,
            department=ledger.department,
            management_area=ledger.management_area,
            handling_area=ledger.handling_area,
            files=tuple(
                sheet.FileLine(
                    f.name,
                    f.kind,
                    "、".join(f.purposes),
                    f.counts.held,
                    f.counts.due,
                    f.counts.deleted,
                )
                for f in ledger.files
            ),
            access=tuple(
                sheet.AccessLine(h.name, h.roles, h.numbers, h.scope) for h in ledger.access
            ),
        ),
        out,
    )
    with storage_errors(), session.vault.write() as writer:
        audit.record(writer, session, "ledger.printed")
    return out.getvalue()
