"""Sub-consignees (再委託, 規程第43条): 「委託先は、法人の許諾を得た場合に限り…再委託すること
ができる」; the manager gives and withdraws that permission, and confirms the sub-consignment
contract holds clauses equal to the ten of 第42条第4項 (第43条第3項). Audited like every
consignee change (app.services.consignees.change)."""

from __future__ import annotations

from datetime import date

from app import errors
from app.services import audit
from app.services.consignees import NAME_LIMIT, TEXT_LIMIT, ConsigneeRow, change, past_day, target
from app.services.guard import storage_errors
from app.services.incidents import checked_text
from app.session import Session
from storage import consignee_repo
from storage.vault import Writer


def approve_sub(
    session: Session,
    consignee_id: int,
    *,
    name: str,
    scope: str,
    clauses_confirmed: bool,
    on: date,
) -> ConsigneeRow:
    """The office's permission (許諾) for a sub-consignee (第43条第1項); its contract must hold
    clauses equal to the ten (第43条第3項)."""
    name_text = checked_text(name, "再委託先の名称", NAME_LIMIT, required=True)
    scope_text = checked_text(scope, "再委託する業務の範囲", TEXT_LIMIT, required=True)
    day = past_day(session, on, "許諾日")
    if not clauses_confirmed:
        raise errors.InvalidInput(
            "再委託契約に規程第42条第4項と同等の規定が盛り込まれていることを確認してください"
            "（規程第43条第3項）。"
        )

    def work(writer: Writer, _row: ConsigneeRow) -> None:
        sub_id = consignee_repo.insert_sub(
            writer.conn,
            consignee_id=consignee_id,
            name=name_text,
            scope=scope_text,
            clauses_confirmed=True,
            approved_on=day,
            by_name=session.user.display_name,
        )
        audit.record(
            writer,
            session,
            "consignee.sub_approved",
            target=target(consignee_id),
            detail={"sub": sub_id},
        )

    return change(session, consignee_id, work)


def withdraw_sub(session: Session, sub_id: int, on: date) -> ConsigneeRow:
    with storage_errors():
        sub = consignee_repo.get_sub(session.vault.conn, sub_id)
    if sub is None:
        raise errors.NotFound("その再委託先は見つかりません。")
    day = past_day(session, on, "許諾の取消日")
    if day < sub.approved_on:
        raise errors.InvalidInput("取消日が許諾日より前になっています。")

    def work(writer: Writer, _row: ConsigneeRow) -> None:
        if sub.withdrawn_on:
            raise errors.InvalidInput("この再委託の許諾は取り消し済みです。")
        consignee_repo.withdraw_sub(writer.conn, sub_id, day)
        audit.record(
            writer,
            session,
            "consignee.sub_withdrawn",
            target=target(sub.consignee_id),
            detail={"sub": sub_id},
        )

    return change(session, sub.consignee_id, work, ended_too=True)
