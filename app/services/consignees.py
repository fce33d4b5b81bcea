"""Consignees (委託先, 規程第42–43条, SPEC §6): the register, the selection check, the contract
with its ten clauses, the approval to handle numbers, sub-consignees and the April hearings.

Who does what, from the regulation: the manager (特定個人情報管理責任者) selects, contracts,
approves, ends and allows sub-consignment — 第7条第2項② gives him the selection standard and
every power not given to another; the supervisor (事務取扱責任者) 「委託先における特定個人情報
の取扱状況等を監督する」 (第9条⑥), which is what the hearing of 第42条第5項 does, so he records
hearings as the manager may; the auditor reads. Every change is one transaction with its audit
event; refusals are logged. Company data only: texts that could hold a My Number are refused.
The deletion certificates are in app.services.consignee_certificates."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app import errors
from app.domain import consignees as rules
from app.domain import corporate_number
from app.domain.access import Permission, may
from app.domain.consignees import (
    CLAUSE_CODES,
    SELECTION_CODES,
    ConsigneeState,
)
from app.domain.purposes import CATALOG
from app.services import audit
from app.services.guard import storage_errors
from app.services.incidents import checked_text
from app.session import Session
from storage import consignee_repo
from storage.connection import Connection
from storage.consignee_repo import CertificateRow, ConsigneeRow, HearingRow, SubRow
from storage.vault import Writer

if TYPE_CHECKING:
    pass

NAME_LIMIT = 60
SHORT_LIMIT = 120
TEXT_LIMIT = 1000
READ_PERMISSIONS = (
    Permission.MANAGE_CONSIGNEES,
    Permission.RECORD_CONSIGNEE_HEARINGS,
    Permission.RECORD_CONSIGNEE_CERTIFICATES,
    Permission.READ_AUDIT,
)


@dataclass(frozen=True)
class Company:
    """What the register form edits."""

    name: str
    corporate_number: str = ""
    address: str = ""
    contact: str = ""
    purposes: tuple[str, ...] = ()
    work: str = ""


@dataclass(frozen=True)
class ConsigneeDetail:
    consignee: ConsigneeRow
    subs: tuple[SubRow, ...]
    hearings: tuple[HearingRow, ...]
    certificates: tuple[CertificateRow, ...]
    gaps: tuple[str, ...]  # why it may not be approved (yet); empty when it may
    hearing: rules.HearingStatus | None  # the April hearing owed today, if any


def day_of(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def stamp(session: Session) -> str:
    return session.clock.now().isoformat(timespec="seconds")


def today_of(session: Session) -> date:
    return session.clock.now().date()


def require_reader(session: Session) -> None:
    roles = session.user.roles
    if not any(may(roles, p) for p in READ_PERMISSIONS):
        audit.require(session, Permission.MANAGE_CONSIGNEES)


def get_row(conn: Connection, consignee_id: int) -> ConsigneeRow:
    row = consignee_repo.get(conn, consignee_id)
    if row is None:
        raise errors.NotFound("その委託先は見つかりません。")
    return row


def past_day(session: Session, on: date, label: str) -> str:
    if on > today_of(session):
        raise errors.InvalidInput(f"{label}に未来の日付は記録できません。")
    return on.isoformat()


def _company(company: Company) -> dict[str, object]:
    number: str | None = None
    if company.corporate_number.strip():
        try:
            number = corporate_number.parse(company.corporate_number).digits
        except corporate_number.InvalidCorporateNumber as problem:
            raise errors.InvalidInput(str(problem)) from None
    unknown = [p for p in company.purposes if p not in CATALOG]
    if unknown:
        raise errors.InvalidInput("委託する事務の選択が正しくありません。")
    return {
        "name": checked_text(company.name, "委託先の名称", NAME_LIMIT, required=True),
        "corporate_number": number,
        "address": checked_text(company.address, "所在地", SHORT_LIMIT),
        "contact": checked_text(company.contact, "連絡先", SHORT_LIMIT),
        "purposes": [p for p in CATALOG if p in company.purposes],
        "work": checked_text(company.work, "委託する業務の内容", TEXT_LIMIT),
    }


def register(session: Session, company: Company) -> ConsigneeRow:
    """A consignee under selection (選定中): no numbers go to it before `approve`."""
    audit.require(session, Permission.MANAGE_CONSIGNEES)
    values = _company(company)
    with storage_errors(), session.vault.write() as writer:
        consignee_id = consignee_repo.insert(
            writer.conn,
            **values,  # type: ignore[arg-type]
            now=stamp(session),
            by_name=session.user.display_name,
        )
        audit.record(
            writer,
            session,
            "consignee.registered",
            target=target(consignee_id),
            detail={"purposes": values["purposes"]},
        )
        return get_row(writer.conn, consignee_id)


def change(
    session: Session,
    consignee_id: int,
    work: Callable[[Writer, ConsigneeRow], None],
    *,
    permission: Permission = Permission.MANAGE_CONSIGNEES,
    ended_too: bool = False,
) -> ConsigneeRow:
    """Run work(writer, row), which appends its own event, in one transaction."""
    audit.require(session, permission, target=target(consignee_id))
    with storage_errors(), session.vault.write() as writer:
        row = get_row(writer.conn, consignee_id)
        if row.state == ConsigneeState.ENDED and not ended_too:
            raise errors.InvalidInput("委託を終了した委託先は変更できません。")
        work(writer, row)
        return get_row(writer.conn, consignee_id)


def target(consignee_id: int) -> str:
    return f"consignee:{consignee_id}"


def edit(session: Session, consignee_id: int, company: Company) -> ConsigneeRow:
    values = _company(company)

    def work(writer: Writer, row: ConsigneeRow) -> None:
        changed = {k: v for k, v in values.items() if getattr(row, k) != v}
        if not changed:
            raise errors.InvalidInput("変更した項目がありません。")
        consignee_repo.update(writer.conn, consignee_id, stamp(session), **changed)
        audit.record(
            writer,
            session,
            "consignee.updated",
            target=target(consignee_id),
            detail={"fields": sorted(changed)},
        )

    return change(session, consignee_id, work)


def _still_approvable(
    row: ConsigneeRow,
    selection: dict[str, bool],
    clauses: dict[str, bool],
    contract: str | None,
) -> None:
    """An approved consignee stays within the rule: a record that breaks it is refused."""
    if row.state != ConsigneeState.ACTIVE:
        return
    gaps = rules.approval_gaps(selection, clauses, day_of(contract))
    if gaps:
        raise errors.InvalidInput(
            "委託中の委託先です。選定の6項目と契約の10項目を満たさない記録にはできません"
            "（規程第42条第3項・第4項）。満たさなくなった場合は委託を終了してください。"
            "不足：" + "、".join(gaps)
        )


def record_selection(
    session: Session, consignee_id: int, answers: dict[str, bool], checked_on: date, note: str = ""
) -> ConsigneeRow:
    """The six points of 第42条第3項, checked beforehand on `checked_on`."""
    try:
        given = rules.answers(SELECTION_CODES, answers)
    except ValueError:
        raise errors.InvalidInput("選定の確認項目が正しくありません。") from None
    note_text = checked_text(note, "選定の所見", TEXT_LIMIT)
    day = past_day(session, checked_on, "確認日")

    def work(writer: Writer, row: ConsigneeRow) -> None:
        _still_approvable(row, given, row.clauses, row.contract_on)
        consignee_repo.update(
            writer.conn,
            consignee_id,
            stamp(session),
            selection=given,
            selection_note=note_text,
            selection_on=day,
            selection_by_name=session.user.display_name,
        )
        audit.record(
            writer,
            session,
            "consignee.selection_recorded",
            target=target(consignee_id),
            detail={"points_met": sum(given.values())},
        )

    return change(session, consignee_id, work)


def record_contract(
    session: Session, consignee_id: int, contract_on: date, term: str, clauses: dict[str, bool]
) -> ConsigneeRow:
    """The contract's date, its term in words, and which of the ten clauses it holds."""
    try:
        given = rules.answers(CLAUSE_CODES, clauses)
    except ValueError:
        raise errors.InvalidInput("契約の条項が正しくありません。") from None
    term_text = checked_text(term, "契約期間", SHORT_LIMIT)
    day = past_day(session, contract_on, "契約日")

    def work(writer: Writer, row: ConsigneeRow) -> None:
        _still_approvable(row, row.selection, given, day)
        consignee_repo.update(
            writer.conn,
            consignee_id,
            stamp(session),
            contract_on=day,
            contract_term=term_text,
            clauses=given,
            contract_by_name=session.user.display_name,
        )
        audit.record(
            writer,
            session,
            "consignee.contract_recorded",
            target=target(consignee_id),
            detail={"clauses_present": sum(given.values())},
        )

    return change(session, consignee_id, work)


def approve(session: Session, consignee_id: int, on: date) -> ConsigneeRow:
    """委託中 from `on`: only with the six points met and a dated contract with the ten clauses
    (app.domain.consignees.approval_gaps says why)."""
    day = past_day(session, on, "承認日")

    def work(writer: Writer, row: ConsigneeRow) -> None:
        if row.state != ConsigneeState.SELECTING:
            raise errors.InvalidInput("選定中の委託先だけを承認できます。")
        gaps = rules.approval_gaps(row.selection, row.clauses, day_of(row.contract_on))
        if gaps:
            raise errors.InvalidInput(
                "まだ承認できません（規程第42条第3項・第4項）。不足：" + "、".join(gaps)
            )
        if row.contract_on and day < row.contract_on:
            raise errors.InvalidInput("承認日が契約日より前になっています。")
        consignee_repo.update(
            writer.conn,
            consignee_id,
            stamp(session),
            state=ConsigneeState.ACTIVE.value,
            approved_on=day,
            approved_by_name=session.user.display_name,
        )
        audit.record(writer, session, "consignee.approved", target=target(consignee_id))

    return change(session, consignee_id, work)


def end(session: Session, consignee_id: int, on: date, note: str = "") -> ConsigneeRow:
    """The consignment ended: the data is to be returned or destroyed (第42条第4項⑥), and
    the deletion certificate can still be recorded afterwards."""
    day = past_day(session, on, "終了日")
    note_text = checked_text(note, "終了の理由・返却等", TEXT_LIMIT)

    def work(writer: Writer, row: ConsigneeRow) -> None:
        if row.approved_on and day < row.approved_on:
            raise errors.InvalidInput("終了日が承認日より前になっています。")
        consignee_repo.update(
            writer.conn,
            consignee_id,
            stamp(session),
            state=ConsigneeState.ENDED.value,
            ended_on=day,
            end_note=note_text,
        )
        audit.record(writer, session, "consignee.ended", target=target(consignee_id))

    return change(session, consignee_id, work)


@dataclass(frozen=True)
class ConsigneeListed:
    row: ConsigneeRow
    hearing: rules.HearingStatus | None  # the April hearing owed today, held or not


def list_consignees(session: Session) -> list[ConsigneeListed]:
    """Active first, then under selection, then ended, with the hearing owed today."""
    require_reader(session)
    conn = session.vault.conn
    today = today_of(session)
    with storage_errors():
        rows = consignee_repo.all_consignees(conn)
        held = consignee_repo.april_hearing_years(conn)
    return [
        ConsigneeListed(
            row,
            rules.hearing_status(
                day_of(row.approved_on), day_of(row.ended_on), held.get(row.id, frozenset()), today
            ),
        )
        for row in rows
    ]


def detail(session: Session, consignee_id: int) -> ConsigneeDetail:
    require_reader(session)
    conn = session.vault.conn
    with storage_errors():
        row = get_row(conn, consignee_id)
        held = consignee_repo.april_hearing_years(conn).get(consignee_id, frozenset())
        return ConsigneeDetail(
            row,
            tuple(consignee_repo.subs(conn, consignee_id)),
            tuple(consignee_repo.hearings(conn, consignee_id)),
            tuple(consignee_repo.certificates(conn, consignee_id)),
            rules.approval_gaps(row.selection, row.clauses, day_of(row.contract_on)),
            rules.hearing_status(
                day_of(row.approved_on), day_of(row.ended_on), held, today_of(session)
            ),
        )
