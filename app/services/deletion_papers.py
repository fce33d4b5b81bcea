"""The deletion papers from the records (規程第36条第2項): the 削除・廃棄記録簿 of a period, with
the backups destroyed and the request files discarded in it, and one person's 削除証明書; and
the office's 取扱部署 they name.

A backup made while a number was held keeps it until the backup is destroyed (the rotation
of app/services/backup.py, or a member confirming one out of reach was destroyed by hand).
The papers say so: the certificate certifies 「復元できない方法により」 only once the number
key is replaced and every such backup is gone, and until then names each backup and when it
is expected to go."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from app import errors, paths
from app.domain.access import Permission
from app.domain.display_dates import japanese_day, japanese_time
from app.domain.individual_requests import RequestKind
from app.domain.settings import SettingKey
from app.services import audit, backup, deletion, number_keys, retention
from app.services.guard import free_text, renders_paper, storage_errors
from app.session import Session
from storage import (
    audit_repo,
    backup_repo,
    deletion_repo,
    disposal_repo,
    office_repo,
    settings_repo,
)
from storage.backup_repo import BackupRow
from storage.deletion_repo import DeletionRecordRow

if TYPE_CHECKING:
    from reports.deletion_records import DeletionLine

# Kept in the settings table as text (the typed settings are numbers and switches).
HANDLING_DEPARTMENT = "handling_department"
HANDLING_DEPARTMENT_MAX = 40
BACKUP_ROTATED = "暗号化されたバックアップファイルを、保存する世代数を超えたためプログラムが削除"
BACKUP_BY_HAND = "保存先がプログラムから見えないため、担当者が手作業で破棄し、破棄したことを記録"
REQUEST_DISCARDED = "保存期間を過ぎた請求の記録を、データベースから削除し領域をゼロで上書き"


def handling_department(session: Session) -> str:
    """The 取扱部署 the papers name (「総務部」); "" until the manager sets it."""
    with storage_errors():
        return settings_repo.all_values(session.vault.conn).get(HANDLING_DEPARTMENT, "")


def change_handling_department(session: Session, text: str) -> str:
    """The manager names the department that handles the numbers; audited."""
    audit.require(session, Permission.MANAGE_SETTINGS, target="office")
    new = free_text(text, "取扱部署", limit=HANDLING_DEPARTMENT_MAX)
    with storage_errors(), session.vault.write() as writer:
        before = settings_repo.all_values(writer.conn).get(HANDLING_DEPARTMENT, "")
        if before == new:
            return new
        settings_repo.put(
            writer.conn,
            HANDLING_DEPARTMENT,
            new,
            session.clock.now().isoformat(timespec="seconds"),
        )
        audit.record(
            writer,
            session,
            "office.department_changed",
            target="office",
            detail={"before": before, "after": new},
        )
    return new


@renders_paper
def ledger_pdf(session: Session, since: date, until: date) -> bytes:
    """削除・廃棄記録簿 of what was deleted, destroyed or discarded from `since` to `until`
    (both inclusive)."""
    # reportlab is loaded when a paper is made, not when the window opens.
    from reports import fonts
    from reports.deletion_ledger import render_ledger
    from reports.deletion_records import DestroyedBackup, DiscardedRequest, LedgerData

    if until < since:
        raise errors.InvalidInput("期間の終わりが始まりより前になっています。")
    found = deletion.records(session, since=since, until=until)
    start, end = since.isoformat(), (until + timedelta(days=1)).isoformat()
    with storage_errors():
        conn = session.vault.conn
        office = office_repo.get(conn)
        responsible = deletion.responsible_names(conn)
        backups = backup_repo.all_backups(conn)
        department = settings_repo.all_values(conn).get(HANDLING_DEPARTMENT, "")
        destroyed = disposal_repo.destroyed_backups(conn, start, end)
        discarded = disposal_repo.discarded_requests(conn, start, end)
        names = audit_repo.staff_names(
            conn,
            [b.actor_login for b in destroyed if b.actor_login]
            + [r.actor_login for r in discarded],
        )
    fate = _Fates(session, backups)
    fonts.configure(paths.fonts_dir())
    out = io.BytesIO()
    render_ledger(
        LedgerData(
            office_name=office.name if office else "",
            printed_on=session.clock.now().date(),
            period_from=since,
            period_to=until,
            responsible=responsible,
            lines=tuple(_line(record, fate) for record in found),
            file_names=tuple(dict.fromkeys(r.file_name for r in found)) or (deletion.FILE_NAME,),
            handling_department=department,
            destroyed_backups=tuple(
                DestroyedBackup(
                    destroyed_on=date.fromisoformat(b.destroyed_at[:10]),
                    made=japanese_time(b.created_at),
                    file_name=b.file_name,
                    folder=b.folder,
                    method=BACKUP_BY_HAND if b.by_hand else BACKUP_ROTATED,
                    by=names.get(b.actor_login or "", b.actor_login or ""),
                )
                for b in destroyed
            ),
            discarded_requests=tuple(
                DiscardedRequest(
                    discarded_on=date.fromisoformat(r.discarded_at[:10]),
                    kind=_request_kind(r.kind),
                    notice_no=r.notice_no,
                    kept_until=date.fromisoformat(r.kept_until[:10]) if r.kept_until else None,
                    method=REQUEST_DISCARDED,
                    by=names.get(r.actor_login, r.actor_login),
                )
                for r in discarded
            ),
        ),
        out,
    )
    with storage_errors(), session.vault.write() as writer:
        audit.record(
            writer,
            session,
            "deletion.ledger_printed",
            detail={"from": since.isoformat(), "to": until.isoformat(), "records": len(found)},
        )
    return out.getvalue()


@renders_paper
def certificate_pdf(session: Session, record_id: int) -> bytes:
    """削除証明書 for the person of one deletion record (e.g. on their request)."""
    from reports import fonts
    from reports.deletion_certificate import render_certificate
    from reports.deletion_records import CertificateData

    retention.require_reader(session)
    with storage_errors():
        conn = session.vault.conn
        found = deletion_repo.record(conn, record_id)
        office = office_repo.get(conn)
        responsible = deletion.responsible_names(conn)
        backups = backup_repo.all_backups(conn)
    if found is None:
        raise errors.NotFound("削除の記録が見つかりません。")
    fonts.configure(paths.fonts_dir())
    out = io.BytesIO()
    render_certificate(
        CertificateData(
            office_name=office.name if office else "",
            printed_on=session.clock.now().date(),
            responsible=responsible,
            person_name=found.person_name,
            line=_line(found, _Fates(session, backups)),
        ),
        out,
    )
    with storage_errors(), session.vault.write() as writer:
        audit.record(
            writer,
            session,
            "deletion.certificate_printed",
            target=f"person:{found.person_id}",
            detail={"record": record_id},
        )
    return out.getvalue()


def _request_kind(code: str) -> str:
    try:
        return RequestKind(code).label
    except ValueError:
        return "開示等の請求"


@dataclass(frozen=True)
class _Fate:
    made: str
    file_name: str
    text: str
    gone: bool
    left: int | None  # backups still to be made before it goes; None: gone, overdue or unknown


class _Fates:
    """What became, or becomes, of each backup a record names: destroyed (when), or still
    kept, to go after so many more backups (the rotation keeps the newest N), which at the
    office's backup interval is around a date."""

    def __init__(self, session: Session, backups: list[BackupRow]) -> None:
        self.keep = backup.generations(session)
        self.interval = int(session.settings.get(SettingKey.BACKUP_INTERVAL_DAYS, 7))
        self.today = session.clock.now().date()
        self.by_name = {b.file_name: b for b in backups}
        live = [b for b in backups if b.destroyed_at is None]  # newest first
        self.position = {b.file_name: p for p, b in enumerate(live)}
        newest = date.fromisoformat(live[0].created_at[:10]) if live else self.today
        self.next_backup = max(newest + timedelta(days=self.interval), self.today)

    def __call__(self, file_name: str, created_at: str) -> _Fate:
        made = japanese_time(created_at)
        row = self.by_name.get(file_name)
        if row is not None and row.destroyed_at:
            day = japanese_day(row.destroyed_at, weekday=False)
            return _Fate(made, file_name, f"{day} 消去済み", True, None)
        position = self.position.get(file_name)
        if position is None:
            fate = "記録が見つからず、消去を確認できない"
            return _Fate(made, file_name, fate, False, None)
        left = self.keep - position
        if left <= 0:
            fate = "時期を過ぎたが保存先に見つからず未消去"
            return _Fate(made, file_name, fate, False, None)
        around = self.next_backup + timedelta(days=self.interval * (left - 1))
        fate = f"あと{left}回の作成で消去（{japanese_day(around, weekday=False)}頃）"
        return _Fate(made, file_name, fate, False, left)


def _summary(fates: list[_Fate]) -> str:
    """The ledger's short form: how many backups still hold the number, and when the last
    of them goes."""
    if not fates:
        return ""
    gone = [f for f in fates if f.gone]
    if len(gone) == len(fates):
        return f"{len(fates)}件とも消去済み"
    text = f"{len(fates) - len(gone)}件に残存"
    if gone:
        text += f"（{len(gone)}件は消去済み）"
    waiting = [f.left for f in fates if f.left is not None]
    stuck = len(fates) - len(gone) - len(waiting)
    if waiting and not stuck:
        text += f"：あと{max(waiting)}回の作成で全て消去"
    if stuck:
        text += f"：うち{stuck}件は時期を過ぎて未消去"
    return text


# Document names as the retention labels of records made before they stored the name:
# 「令和7年分 給与所得者の扶養控除等（異動）申告書の保存期間（7年）」 → the name.
def _legacy_document(label: str) -> str:
    found = re.match(
        r"^(?:(?:令和|平成)\S*?年分 |(?:令和|平成)\S*?年に提出を受けた)?(.+?)の(?:保存期間|提出期限|提出)（",
        label,
    )
    return found.group(1) if found else ""


def _documents(record: DeletionRecordRow, *, dated_only: bool = False) -> tuple[str, ...]:
    names = []
    for reason in record.reasons:
        if dated_only and not reason.get("until"):
            continue
        name = reason["document"] if "document" in reason else _legacy_document(reason["label"])
        if name:
            names.append(name)
    return tuple(dict.fromkeys(names))


def given_reason(record: DeletionRecordRow) -> str:
    """A record's basis without the trigger it begins with (「本人からの請求：…」 keeps the
    reason given; the trigger is printed in its own words beside it)."""
    return record.legal_basis.removeprefix(f"{deletion.TRIGGER_LABELS[record.trigger]}：")


def _grounds(record: DeletionRecordRow) -> tuple[str, str]:
    """(根拠, 理由) without the trigger, which the record names apart: the provision that
    kept the number longest and until when; the law for a request; the reason given."""
    given = given_reason(record)
    if record.trigger == "retention_expired":
        if record.may_delete_from and given:
            last = date.fromisoformat(record.may_delete_from) - timedelta(days=1)
            return f"{given}（{japanese_day(last, weekday=False)}まで保存）", ""
        return given, ""
    if record.trigger == "request":
        return deletion.REQUEST_BASIS, given
    return "", given


def _line(record: DeletionRecordRow, fate: _Fates) -> DeletionLine:
    from reports.deletion_records import DeletionLine, HeldBackup

    fates = [fate(b["file_name"], b["created_at"]) for b in record.backups]
    basis, reason = _grounds(record)
    return DeletionLine(
        record_no=record.id,
        deleted_on=date.fromisoformat(record.deleted_at[:10]),
        person_name=record.person_name,
        person_kind=record.person_kind,
        department=record.department,
        file_name=record.file_name,
        documents=_documents(record),
        trigger=deletion.TRIGGER_LABELS[record.trigger],
        basis=basis,
        reason=reason,
        method=record.method,
        executed_by=record.executed_by_name,
        approved_by=record.approved_by_name,
        approved_on=date.fromisoformat(record.approved_at[:10]) if record.approved_at else None,
        proposed_by=record.proposed_by_name,
        proposed_on=date.fromisoformat(record.proposed_at[:10]) if record.proposed_at else None,
        backups=tuple(HeldBackup(f.made, f.file_name, f.text, f.gone) for f in fates),
        backups_summary=_summary(fates),
        paper=_documents(record, dated_only=True) if record.paper else (),
        paper_disposed_on=(
            date.fromisoformat(record.paper_disposed_at[:10]) if record.paper_disposed_at else None
        ),
        paper_disposed_by=record.paper_disposed_by_name or "",
        key_replaced=record.method != number_keys.DELETION_METHOD_PENDING,
    )
