"""The hearings of consignees (委託先の点検, 規程第42条第5項): 「毎年4月、及び必要に応じて
ヒヤリング等を実施する」. The supervisor records them (第9条⑥: he supervises how consignees
handle the data) as the manager may; the dashboard asks which are due or overdue, and the
self-inspection report takes the year's counts from `summary`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app import errors
from app.domain import consignees as rules
from app.domain.access import Permission
from app.domain.consignees import ConsigneeState, HearingKind, HearingResult
from app.services import audit
from app.services.consignees import (
    NAME_LIMIT,
    TEXT_LIMIT,
    ConsigneeRow,
    change,
    day_of,
    past_day,
    require_reader,
    stamp,
    target,
    today_of,
)
from app.services.guard import storage_errors
from app.services.incidents import checked_text
from app.session import Session
from storage import consignee_repo
from storage.vault import Writer


@dataclass(frozen=True)
class HearingDue:
    consignee_id: int
    name: str
    year: int
    due_on: date
    overdue: bool


@dataclass(frozen=True)
class ConsigneeSummary:
    """The year's consignee facts for the self-inspection report (点検, 規程第42条):

    consignees — consignees approved (委託中) at some time in the year;
    hearings_owed — April hearings owed that year (approved before 1 April, not ended by 30 April);
    hearings_held — of those, held (an April hearing recorded for the year);
    hearings_overdue — owed, not held, and 30 April of the year has passed on the summary's day;
    needs_improvement — hearings of the year (April or extra) whose result was 要改善;
    certificates_received — deletion certificates received in the year.
    """

    year: int
    consignees: int
    hearings_owed: int
    hearings_held: int
    hearings_overdue: int
    needs_improvement: int
    certificates_received: int


def record_hearing(
    session: Session,
    consignee_id: int,
    *,
    year: int,
    kind: HearingKind,
    held_on: date,
    held_by: str,
    result: HearingResult,
    note: str = "",
    follow_up: str = "",
) -> ConsigneeRow:
    """A hearing (第42条第5項): the April one of `year` (at most one a year, possibly held
    late), or an extra one; 要改善 needs the follow-up to be written."""
    kind, result = HearingKind(kind), HearingResult(result)
    day = past_day(session, held_on, "実施日")
    if not held_on.year - 1 <= year <= held_on.year:
        raise errors.InvalidInput("点検の年度と実施日が合いません。")
    by_text = checked_text(held_by, "実施者", NAME_LIMIT, required=True)
    note_text = checked_text(note, "確認した内容", TEXT_LIMIT)
    follow_text = checked_text(follow_up, "改善の求め・対応", TEXT_LIMIT)
    if result is HearingResult.IMPROVE and not follow_text:
        raise errors.InvalidInput("要改善の場合は、求めた改善と対応を記入してください。")

    def work(writer: Writer, row: ConsigneeRow) -> None:
        conn = writer.conn
        if row.state != ConsigneeState.ACTIVE:
            raise errors.InvalidInput("点検は委託中の委託先について記録します。")
        if kind is HearingKind.APRIL and year in consignee_repo.april_hearing_years(conn).get(
            consignee_id, frozenset()
        ):
            raise errors.InvalidInput(
                f"{year}年の4月の点検は記録済みです。追加の点検は「随時」として記録してください。"
            )
        consignee_repo.insert_hearing(
            conn,
            consignee_id=consignee_id,
            year=year,
            kind=kind.value,
            held_on=day,
            held_by=by_text,
            result=result.value,
            note=note_text,
            follow_up=follow_text,
            now=stamp(session),
            by_name=session.user.display_name,
        )
        audit.record(
            writer,
            session,
            "consignee.hearing_recorded",
            target=target(consignee_id),
            detail={"year": year, "hearing_kind": kind.value, "hearing_result": result.value},
        )

    return change(session, consignee_id, work, permission=Permission.RECORD_CONSIGNEE_HEARINGS)


def hearings_due(session: Session, on: date) -> tuple[HearingDue, ...]:
    """The April hearings owed on `on` and not held: due this April, or overdue (the dashboard
    card). A January–March day looks at last year's April."""
    require_reader(session)
    conn = session.vault.conn
    with storage_errors():
        rows = consignee_repo.all_consignees(conn)
        held = consignee_repo.april_hearing_years(conn)
    found = []
    for row in rows:
        status = rules.hearing_status(
            day_of(row.approved_on), day_of(row.ended_on), held.get(row.id, frozenset()), on
        )
        if status is not None and not status.held:
            found.append(HearingDue(row.id, row.name, status.year, status.due_on, status.overdue))
    return tuple(found)


def summary(session: Session, year: int) -> ConsigneeSummary:
    """The year's counts (see ConsigneeSummary), as of the session's today."""
    require_reader(session)
    conn = session.vault.conn
    today = today_of(session)
    with storage_errors():
        rows = consignee_repo.all_consignees(conn)
        held = consignee_repo.april_hearing_years(conn)
        hearings = consignee_repo.hearings_in(conn, year)
        certificates = consignee_repo.certificates_received_in(conn, year)
    first, last = date(year, 1, 1), date(year, 12, 31)
    consigned = owed = done = overdue = 0
    for row in rows:
        approved, ended = day_of(row.approved_on), day_of(row.ended_on)
        if approved is not None and approved <= last and (ended is None or ended >= first):
            consigned += 1
        if rules.hearing_owed(approved, ended, year):
            owed += 1
            if year in held.get(row.id, frozenset()):
                done += 1
            elif today > rules.april_due_on(year):
                overdue += 1
    return ConsigneeSummary(
        year=year,
        consignees=consigned,
        hearings_owed=owed,
        hearings_held=done,
        hearings_overdue=overdue,
        needs_improvement=sum(1 for h in hearings if h.result == HearingResult.IMPROVE),
        certificates_received=certificates,
    )
