"""Deletion runs (規程第32条・第36条, SPEC §4): a clerk proposes, another member approves with
their password, then the numbers, their purposes, blind index and copies go in one
transaction with the deletion records and the audit events; then the number key is replaced
(app/services/number_keys.py), so any copy the rollback journal's disk blocks or the disk may
still hold is under a key no slot opens, and the file is rebuilt so no freed page keeps them.
Each record says what was done: the key's replacement once it has happened (in the rotation's
own transaction), never before."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app import errors
from app.domain.access import Permission, Role, may, person_in_scope
from app.domain.purposes import PersonKind
from app.domain.retention import Retention
from app.domain.settings import SettingKey
from app.services import audit, auth, maintenance, number_keys, retention
from app.services.guard import free_text, storage_errors
from app.session import Session
from storage import deletion_repo, staff_repo
from storage.connection import Connection
from storage.deletion_repo import DeletionRecordRow, RunRow

FILE_NAME = "個人番号（マイナンバー管理デスクの特定個人情報ファイル）"
# Written with the deletion; the rotation that follows it sets DELETION_METHOD in its own
# transaction (until then a leftover copy would still open under the current key).
METHOD = number_keys.DELETION_METHOD_PENDING
REASON_MAX = 200
TRIGGER_LABELS = {
    "retention_expired": "保存期間の経過（利用の必要もなくなった）",
    "early": "保存期間内の削除（理由を記録し特定個人情報管理責任者が承認）",
    "request": "本人からの請求",
}
# What a deletion on the person's request rests on: 利用停止等の請求 (消去 included).
REQUEST_BASIS = "個人情報保護法第35条（利用停止等の請求）"
STATE_LABELS = {
    "proposed": "承認待ち",
    "approved": "承認済み（実行待ち）",
    "executed": "実行済み",
    "cancelled": "取消し",
}


@dataclass(frozen=True)
class ExecutionReport:
    run: RunRow
    deleted: int
    # No longer due when the run was executed (rehired, contract renewed…): kept, not deleted.
    kept: tuple[int, ...]
    # False: the deletion is committed but the file rebuild failed; it is retried at the next
    # sign-in (the freed pages are already zeroed by secure_delete).
    rebuilt: bool = True
    # The number key replaced after the deletion; False: left for the next sign-in of a
    # member holding it (the records say the replacement is pending until then).
    key_rotated: bool = False


def _now(session: Session) -> str:
    return session.clock.now().isoformat(timespec="seconds")


def _reason(text: str, label: str = "理由") -> str:
    return free_text(text, label, limit=REASON_MAX)


def _run(session: Session, run_id: int) -> RunRow:
    with storage_errors():
        found = deletion_repo.run(session.vault.conn, run_id)
    if found is None:
        raise errors.NotFound("削除の実行計画が見つかりません。")
    return found


def propose(
    session: Session, person_ids: list[int], *, reason: str = "", trigger: str | None = None
) -> RunRow:
    """A run over these people's numbers. All past their date: a retention run; any still
    within it: an early deletion, which needs a reason (and the manager's approval)."""
    audit.require(session, Permission.HANDLE_NUMBERS, target="deletion")
    wanted = sorted(set(person_ids))
    if not wanted:
        raise errors.InvalidInput("削除する対象者を選んでください。")
    text = _reason(reason)
    with storage_errors():
        conn = session.vault.conn
        rows = deletion_repo.retention_facts(conn, wanted)
        busy = deletion_repo.people_in_open_runs(conn)
    found = {row.person_id: row for row in rows}
    missing = [pid for pid in wanted if pid not in found]
    if missing:
        raise errors.InvalidInput(
            f"個人番号が登録されていない対象者が{len(missing)}人含まれています（既に削除済みの可能性があります）。"
        )
    scopes = session.user.scopes
    outside = [r.person_id for r in rows if not person_in_scope(scopes, r.kind, r.department)]
    if outside:
        audit.deny(
            session,
            "担当範囲外の対象者の削除",
            target="deletion",
            detail={"reason": "group_scope", "people": len(outside)},
        )
    already = [pid for pid in wanted if pid in busy]
    if already:
        raise errors.InvalidInput(
            f"{len(already)}人は既に別の削除の実行計画に入っています。そちらを実行するか取り消してください。"
        )
    today = session.clock.now().date()
    decide = retention.Retentions()
    dates = {row.person_id: decide(row) for row in rows}
    early = [pid for pid, kept in dates.items() if not kept.due(today)]
    if trigger is None:
        trigger = "early" if early else "retention_expired"
    if trigger not in TRIGGER_LABELS or (trigger == "retention_expired" and early):
        raise errors.InvalidInput("削除のきっかけの指定が正しくありません。")
    if trigger != "retention_expired" and not text:
        raise errors.InvalidInput(
            f"保存期間内の番号が{len(early)}人分含まれています。削除する理由を入力してください"
            "（特定個人情報管理責任者の承認が必要です）。"
            if trigger == "early"
            else "本人からの請求の内容（受付日など）を理由に入力してください。"
        )
    items = [
        (pid, kept.may_delete_from.isoformat() if kept.may_delete_from else None)
        for pid, kept in dates.items()
    ]
    with storage_errors(), session.vault.write() as writer:
        if deletion_repo.people_in_open_runs(writer.conn) & set(wanted):
            raise errors.ConflictingChange(
                "同じ対象者の削除が同時に計画されました。一覧を開き直してください。"
            )
        run_id = deletion_repo.insert_run(
            writer.conn,
            trigger=trigger,
            reason=text,
            proposed_at=_now(session),
            proposed_by=session.user.id or None,
            proposed_by_name=session.user.display_name,
            items=items,
        )
        audit.record(
            writer,
            session,
            "deletion.proposed",
            target=f"deletion_run:{run_id}",
            detail={"people": len(items), "trigger": trigger, "early": len(early)},
        )
        created = deletion_repo.run(writer.conn, run_id)
    assert created is not None
    return created


def approve(
    session: Session, run_id: int, password: str, *, single_person_reason: str = ""
) -> RunRow:
    """The approver's own password again; not the proposer unless the office switched the
    two-person rule off, and then with the reason recorded. Early deletion: the manager."""
    run = _run(session, run_id)
    target = f"deletion_run:{run_id}"
    audit.require(session, Permission.APPROVE_DELETION, target=target)
    if run.trigger == "early":
        audit.require(session, Permission.APPROVE_EARLY_DELETION, target=target)
    if run.state != "proposed":
        raise errors.InvalidInput(f"この計画は{STATE_LABELS[run.state]}のため承認できません。")
    own = run.proposed_by is not None and run.proposed_by == session.user.id
    reason = _reason(single_person_reason, "一人で承認する理由")
    if own and session.settings.get(SettingKey.TWO_PERSON_RULE, True):
        audit.deny(
            session,
            "自分が提案した削除の承認（二人承認）",
            target=target,
            detail={"reason": "two_person_rule"},
        )
    if own and not reason:
        raise errors.InvalidInput(
            "提案した本人が承認します。一人で承認する理由（例：担当者が一人の事業所のため）を入力してください。"
        )
    auth.reauthenticate(session, password)
    with storage_errors(), session.vault.write() as writer:
        deletion_repo.approve(
            writer.conn,
            run_id,
            approved_at=_now(session),
            approved_by=session.user.id or None,
            approved_by_name=session.user.display_name,
            single_person_reason=reason if own else "",
        )
        audit.record(
            writer,
            session,
            "deletion.approved",
            target=target,
            detail={"single_person": own},
        )
        approved = deletion_repo.run(writer.conn, run_id)
    assert approved is not None
    return approved


def cancel(session: Session, run_id: int) -> RunRow:
    run = _run(session, run_id)
    target = f"deletion_run:{run_id}"
    if not (
        may(session.user.roles, Permission.APPROVE_DELETION)
        or (run.proposed_by is not None and run.proposed_by == session.user.id)
    ):
        audit.require(session, Permission.APPROVE_DELETION, target=target)
    if run.state not in ("proposed", "approved"):
        raise errors.InvalidInput(f"この計画は{STATE_LABELS[run.state]}のため取り消せません。")
    with storage_errors(), session.vault.write() as writer:
        deletion_repo.close(
            writer.conn,
            run_id,
            state="cancelled",
            at=_now(session),
            by_name=session.user.display_name,
        )
        audit.record(writer, session, "deletion.cancelled", target=target)
        cancelled = deletion_repo.run(writer.conn, run_id)
    assert cancelled is not None
    return cancelled


def responsible_names(conn: Connection) -> str:
    """The active managers (特定個人情報管理責任者), as the papers name them."""
    names = [
        r.display_name
        for r in staff_repo.all_staff(conn)
        if r.active and Role.MANAGER.value in r.roles
    ]
    return "、".join(names) or "—"


def _paper(kept: Retention) -> str:
    """The paper documents to shred once the number goes: those kept to a date, each named
    once (a reason is a document's retention, or a need such as 在職, which is no paper)."""
    papers = [r.document for r in kept.reasons if r.until is not None and r.document]
    return "、".join(dict.fromkeys(papers))


def execute(session: Session, run_id: int) -> ExecutionReport:
    """All or nothing: the numbers, their copies, the records and the events in one
    transaction; then the file is rebuilt (VACUUM). A retention run re-checks each date at
    this moment and keeps any number that is no longer due."""
    run = _run(session, run_id)
    target = f"deletion_run:{run_id}"
    audit.require(session, Permission.HANDLE_NUMBERS, target=target)
    if run.state != "approved":
        raise errors.InvalidInput(
            f"この計画は{STATE_LABELS[run.state]}のため実行できません（承認された計画だけを実行できます）。"
        )
    now = _now(session)
    today = session.clock.now().date()
    with storage_errors(), session.vault.write() as writer:
        conn = writer.conn
        rows = deletion_repo.run_facts(conn, run_id)
        responsible = responsible_names(conn)
        held = deletion_repo.backups_since_each(conn, [row.registered_at for row in rows])
        # Numbers with the same facts share one Retention object (Retentions keeps each
        # alive): what the record says of it (the reasons, the basis, the date, the paper) is
        # worked out once for all of them.
        decide = retention.Retentions()
        explained: dict[int, tuple[list[dict[str, str]], str, str | None, str]] = {}
        kinds = {kind.value: kind.label for kind in PersonKind}
        doomed, kept, records = [], [], []
        for row, backups in zip(rows, held, strict=True):
            decided = decide(row)
            if run.trigger == "retention_expired" and not decided.due(today):
                kept.append(row.person_id)
                continue
            doomed.append(row.person_id)
            said = explained.get(id(decided))
            if said is None:
                reasons = [
                    {
                        "label": r.label,
                        "until": r.until.isoformat() if r.until else "",
                        "basis": r.basis,
                        "document": r.document,
                    }
                    for r in decided.reasons
                ]
                basis = (
                    decided.deciding.basis
                    if run.trigger == "retention_expired"
                    else f"{TRIGGER_LABELS[run.trigger]}：{run.reason}"
                )
                day = decided.may_delete_from.isoformat() if decided.may_delete_from else None
                said = explained[id(decided)] = (reasons, basis, day, _paper(decided))
            reasons, basis, day, paper = said
            records.append(
                {
                    "run_id": run_id,
                    "person_id": row.person_id,
                    "person_name": row.name,
                    "person_kind": kinds.get(row.kind) or PersonKind(row.kind).label,
                    "department": row.department or "",
                    "file_name": FILE_NAME,
                    "reasons": reasons,
                    "trigger": run.trigger,
                    "legal_basis": basis,
                    "may_delete_from": day,
                    "method": METHOD,
                    "responsible_name": responsible,
                    "executed_by_name": session.user.display_name,
                    "approved_by_name": run.approved_by_name or "",
                    "approved_at": run.approved_at or "",
                    "deleted_at": now,
                    "backups": backups,
                    "paper": paper,
                }
            )
        deletion_repo.delete_numbers(conn, doomed)
        deletion_repo.mark_rebuild(conn, now)
        if doomed:
            number_keys.mark_due(conn, number_keys.DELETION, now)
        deletion_repo.insert_records(conn, records)
        deletion_repo.close(
            conn, run_id, state="executed", at=now, by_name=session.user.display_name
        )
        detail = audit.shared_detail({"run": run_id})
        audit.record_all(
            writer,
            session,
            [("number.deleted", f"person:{pid}", detail) for pid in doomed],
        )
        audit.record(
            writer,
            session,
            "deletion.executed",
            target=target,
            detail={"deleted": len(doomed), "kept": len(kept)},
        )
        done = deletion_repo.run(conn, run_id)
    assert done is not None
    # Its own step after the commit (a rotation cut off is finished at the next sign-in), and
    # before the rebuild, so the rebuilt file keeps no page of the old ciphertexts either.
    rotated = number_keys.rotate_if_due(session).rotated
    # The records are not read back here (run_records does it when someone looks).
    return ExecutionReport(
        done, len(doomed), tuple(kept), maintenance.rebuild_if_pending(session), rotated
    )


def runs(session: Session, states: tuple[str, ...] | None = None) -> list[RunRow]:
    retention.require_reader(session)
    with storage_errors():
        return deletion_repo.runs(session.vault.conn, states)


def run_records(session: Session, run_id: int) -> list[DeletionRecordRow]:
    """The deletion records one run left."""
    retention.require_reader(session)
    with storage_errors():
        return deletion_repo.records(session.vault.conn, run_id=run_id)


def run_people(session: Session, run_id: int) -> list[tuple[int, str | None]]:
    retention.require_reader(session)
    with storage_errors():
        return deletion_repo.run_items(session.vault.conn, run_id)


def records(
    session: Session, *, since: date | None = None, until: date | None = None
) -> list[DeletionRecordRow]:
    """Deletion records by the day of deletion, `until` inclusive (they hold no number)."""
    retention.require_reader(session)
    with storage_errors():
        return deletion_repo.records(
            session.vault.conn,
            since=since.isoformat() if since else None,
            until=date.fromordinal(until.toordinal() + 1).isoformat() if until else None,
        )


def confirm_paper(session: Session, record_ids: list[int]) -> None:
    """The paper copies listed with these records were shredded (or masked)."""
    audit.require(session, Permission.HANDLE_NUMBERS, target="deletion")
    with storage_errors(), session.vault.write() as writer:
        deletion_repo.confirm_paper(
            writer.conn, record_ids, at=_now(session), by_name=session.user.display_name
        )
        audit.record(
            writer, session, "deletion.paper_disposed", detail={"records": len(record_ids)}
        )


def ledger_pdf(session: Session, since: date, until: date) -> bytes:
    """削除・廃棄記録簿 of `since` to `until` (app/services/deletion_papers.py)."""
    from app.services import deletion_papers

    return deletion_papers.ledger_pdf(session, since, until)


def certificate_pdf(session: Session, record_id: int) -> bytes:
    """削除証明書 of one deletion record (app/services/deletion_papers.py)."""
    from app.services import deletion_papers

    return deletion_papers.certificate_pdf(session, record_id)
