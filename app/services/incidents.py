"""Leak incidents (漏えい等事案, 規程第12–14条, SPEC §6): registered by the supervisor or the
manager; checked, reported (速報・確報), notified and closed by the manager; read also by the
auditor. Every change is one transaction with its audit event. Never a number: persons are
internal ids, and texts that hold a digit run that could be one are refused."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app import errors
from app.domain import kana
from app.domain.access import Permission, may
from app.domain.incident_deadlines import Deadlines, in_japan
from app.domain.incidents import (
    MAX_PERSONS,
    REPORT_KEYS,
    Checklist,
    IncidentKind,
    IncidentState,
    MeasureState,
    NoticeState,
    Reportability,
    ReportItems,
    incident_deadlines,
    may_move,
    reportability,
)
from app.domain.my_number import looks_like_number_loosely
from app.services import audit
from app.services.guard import storage_errors
from app.session import Session
from storage import incident_repo, people_repo
from storage.connection import Connection
from storage.incident_repo import IncidentRow

TITLE_LIMIT = 60
TEXT_LIMIT = 2000
SHORT_LIMIT = 60


@dataclass(frozen=True)
class Incident:
    id: int
    title: str
    kind: IncidentKind
    occurred_at: datetime | None
    discovered_at: datetime
    known_at: datetime
    discovered_by: str
    checklist: Checklist
    items: ReportItems
    state: IncidentState
    preliminary_on: date | None
    final_on: date | None
    registered_by: str

    @property
    def reportability(self) -> Reportability:
        return reportability(self.kind, self.checklist)

    @property
    def deadlines(self) -> Deadlines:
        return incident_deadlines(in_japan(self.known_at).date(), self.checklist, self.kind)


@dataclass(frozen=True)
class NotifiedPerson:
    person_id: int
    name: str  # 「削除済みの方」 when the person's row is gone
    state: NoticeState
    method: str
    notified_on: date | None


@dataclass(frozen=True)
class Measure:
    id: int
    text: str
    state: MeasureState
    due_on: date | None
    done_on: date | None


@dataclass(frozen=True)
class IncidentDetail:
    incident: Incident
    persons: tuple[NotifiedPerson, ...]
    measures: tuple[Measure, ...]


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def known_day(row: IncidentRow) -> date:
    """The day (in Japan) the office knew of the incident: nothing about it happens before."""
    return _moment(row.known_at).date()


def _moment(text: str) -> datetime:
    """A stored time in Japan time (an older row may carry another offset)."""
    return in_japan(datetime.fromisoformat(text))


def _incident(row: IncidentRow) -> Incident:
    fields = {f.name for f in dataclasses.fields(Checklist)}
    return Incident(
        id=row.id,
        title=row.title,
        kind=IncidentKind(row.kind),
        occurred_at=_moment(row.occurred_at) if row.occurred_at else None,
        discovered_at=_moment(row.discovered_at),
        known_at=_moment(row.known_at),
        discovered_by=row.discovered_by,
        checklist=Checklist(**{k: v for k, v in row.checklist.items() if k in fields}),  # type: ignore[arg-type]
        items=ReportItems(dict(row.report_items)),
        state=IncidentState(row.state),
        preliminary_on=_day(row.preliminary_on),
        final_on=_day(row.final_on),
        registered_by=row.registered_by_name,
    )


def checked_text(value: str, label: str, limit: int, *, required: bool = False) -> str:
    """Kept as typed; refused when too long or when it holds what could be a number."""
    typed = kana.as_typed(value).strip()
    if required and not typed:
        raise errors.InvalidInput(f"{label}を入力してください。")
    if len(typed) > limit:
        raise errors.InvalidInput(f"{label}は{limit}文字以内で入力してください。")
    folded = unicodedata.normalize("NFKC", typed)
    # A digit run however grouped; not the digits of a note's dates and amounts together.
    if looks_like_number_loosely(folded):
        raise errors.InvalidInput(
            f"{label}に個人番号のような数字列は記録できません。番号そのものは記録せず、"
            "対象者は一覧から選んでください。"
        )
    return typed


def now(session: Session) -> datetime:
    return session.clock.now()


def _stamp(session: Session) -> str:
    return now(session).isoformat(timespec="seconds")


def _require_reader(session: Session) -> None:
    roles = session.user.roles
    if not (may(roles, Permission.READ_AUDIT) or may(roles, Permission.REGISTER_INCIDENTS)):
        # Named as what was tried (reading the register), logged as the permission it lacks.
        audit.deny(
            session,
            "漏えい等事案の閲覧",
            detail={"permission": Permission.REGISTER_INCIDENTS.value, "reason": "incident_reader"},
        )


def _get(conn: Connection, incident_id: int) -> IncidentRow:
    row = incident_repo.get(conn, incident_id)
    if row is None:
        raise errors.NotFound("その漏えい等事案の記録は見つかりません。")
    return row


def _checked_times(
    session: Session, occurred_at: datetime | None, discovered_at: datetime, known_at: datetime
) -> None:
    current = now(session)
    for moment in (occurred_at, discovered_at, known_at):
        if moment is not None and moment > current:
            raise errors.InvalidInput("未来の日時は登録できません。")
    if occurred_at is not None and occurred_at > discovered_at:
        raise errors.InvalidInput("発生日時が発覚日時より後になっています。")
    if known_at < discovered_at:
        raise errors.InvalidInput("事業所が知った日時が発覚日時より前になっています。")


def _checklist(answers: Checklist) -> Checklist:
    if not 0 <= answers.persons <= MAX_PERSONS:
        raise errors.InvalidInput(f"本人の数は0から{MAX_PERSONS:,}までの数で入力してください。")
    return answers


def register(
    session: Session,
    *,
    title: str,
    kind: IncidentKind,
    discovered_at: datetime,
    known_at: datetime,
    occurred_at: datetime | None = None,
    discovered_by: str = "",
    checklist: Checklist | None = None,
) -> Incident:
    """A new incident, as soon as it is known (別添2: report inside, stop the spread). Times are
    kept in Japan time (a naive one is Japan's wall clock), so its days are Japan's."""
    audit.require(session, Permission.REGISTER_INCIDENTS)
    discovered_at, known_at = in_japan(discovered_at), in_japan(known_at)
    occurred_at = in_japan(occurred_at) if occurred_at is not None else None
    title_text = checked_text(title, "件名", TITLE_LIMIT, required=True)
    by_text = checked_text(discovered_by, "発見者", SHORT_LIMIT)
    _checked_times(session, occurred_at, discovered_at, known_at)
    answers = _checklist(checklist or Checklist())
    with storage_errors(), session.vault.write() as writer:
        incident_id = incident_repo.insert(
            writer.conn,
            title=title_text,
            kind=IncidentKind(kind).value,
            occurred_at=occurred_at.isoformat(timespec="minutes") if occurred_at else None,
            discovered_at=discovered_at.isoformat(timespec="minutes"),
            known_at=known_at.isoformat(timespec="minutes"),
            discovered_by=by_text,
            checklist=dataclasses.asdict(answers),
            now=_stamp(session),
            by_name=session.user.display_name,
        )
        audit.record(
            writer,
            session,
            "incident.registered",
            target=f"incident:{incident_id}",
            detail={"people": answers.persons},
        )
        return _incident(_get(writer.conn, incident_id))


def list_incidents(session: Session) -> list[Incident]:
    _require_reader(session)
    with storage_errors():
        return [_incident(r) for r in incident_repo.all_incidents(session.vault.conn)]


def detail(session: Session, incident_id: int) -> IncidentDetail:
    _require_reader(session)
    conn = session.vault.conn
    with storage_errors():
        found = _incident(_get(conn, incident_id))
        persons = []
        for row in incident_repo.persons(conn, incident_id):
            person = people_repo.get(conn, row.person_id)
            persons.append(
                NotifiedPerson(
                    row.person_id,
                    person.name if person else f"削除済みの方（記録番号{row.person_id}）",
                    NoticeState(row.state),
                    row.method,
                    _day(row.notified_on),
                )
            )
        measures = tuple(
            Measure(m.id, m.text, MeasureState(m.state), _day(m.due_on), _day(m.done_on))
            for m in incident_repo.measures(conn, incident_id)
        )
    return IncidentDetail(found, tuple(persons), measures)


def change(
    session: Session,
    incident_id: int,
    action: str,
    work: Callable[[Connection, IncidentRow], object],
    detail: Mapping[str, Any] | None = None,
) -> Incident:
    """Run work(conn, row) and the event in one transaction; the manager's decision."""
    audit.require(session, Permission.MANAGE_INCIDENTS, target=f"incident:{incident_id}")
    with storage_errors(), session.vault.write() as writer:
        row = _get(writer.conn, incident_id)
        if row.state == IncidentState.CLOSED:
            raise errors.InvalidInput("対応を完了した事案は変更できません。")
        work(writer.conn, row)
        audit.record(writer, session, action, target=f"incident:{incident_id}", detail=detail)
        return _incident(_get(writer.conn, incident_id))


def set_checklist(session: Session, incident_id: int, answers: Checklist) -> Incident:
    answers = _checklist(answers)
    return change(
        session,
        incident_id,
        "incident.checklist_changed",
        lambda conn, _row: incident_repo.set_checklist(
            conn, incident_id, dataclasses.asdict(answers), _stamp(session)
        ),
        {"people": answers.persons},
    )


def set_report_items(session: Session, incident_id: int, texts: dict[str, str]) -> Incident:
    """The nine items' texts (本人の数 is the checklist's count); keys not given are kept."""
    unknown = set(texts) - set(REPORT_KEYS)
    if unknown:
        raise errors.InvalidInput("報告事項の項目が正しくありません。")
    checked = {key: checked_text(value, "報告事項", TEXT_LIMIT) for key, value in texts.items()}

    def work(conn: Connection, row: IncidentRow) -> None:
        merged = {**row.report_items, **checked}
        incident_repo.set_report_items(conn, incident_id, merged, _stamp(session))

    return change(session, incident_id, "incident.items_changed", work)


def _sent_on(session: Session, row: IncidentRow, on: date) -> str:
    if on > in_japan(now(session)).date():
        raise errors.InvalidInput("報告日が未来の日付になっています。")
    if on < known_day(row):
        raise errors.InvalidInput("報告日が事業所が知った日より前になっています。")
    return on.isoformat()


def _move(row: IncidentRow, to: IncidentState) -> None:
    current = IncidentState(row.state)
    if not may_move(current, to):
        raise errors.InvalidInput(
            f"「{current.label}」の事案を「{to.label}」にすることはできません。"
        )


def record_preliminary(session: Session, incident_id: int, on: date) -> Incident:
    """The 速報 was sent to the PPC on `on`."""

    def work(conn: Connection, row: IncidentRow) -> None:
        _move(row, IncidentState.PRELIMINARY)
        day = _sent_on(session, row, on)
        incident_repo.set_state(
            conn, incident_id, IncidentState.PRELIMINARY.value, _stamp(session), preliminary_on=day
        )

    return change(session, incident_id, "incident.preliminary_reported", work)


def record_final(session: Session, incident_id: int, on: date) -> Incident:
    """The 確報 was sent on `on`: it needs all nine items (what is still unknown written so)."""

    def work(conn: Connection, row: IncidentRow) -> None:
        _move(row, IncidentState.FINAL)
        missing = ReportItems(dict(row.report_items)).missing()
        if missing:
            raise errors.InvalidInput(
                "確報には報告事項のすべてが必要です。未記入: "
                + "、".join(missing)
                + "（調査中の事項は、その旨を記入してください）"
            )
        day = _sent_on(session, row, on)
        if row.preliminary_on and day < row.preliminary_on:
            raise errors.InvalidInput("確報の日付が速報の日付より前になっています。")
        incident_repo.set_state(
            conn, incident_id, IncidentState.FINAL.value, _stamp(session), final_on=day
        )

    return change(session, incident_id, "incident.final_reported", work)


def close(session: Session, incident_id: int) -> Incident:
    """Done: after the 確報 with every person's notice settled, or at once when the checklist
    says no report is required."""

    def work(conn: Connection, row: IncidentRow) -> None:
        _move(row, IncidentState.CLOSED)
        found = _incident(row)
        if found.state is IncidentState.OPEN and found.reportability.reportable:
            raise errors.InvalidInput(
                "報告の対象となる事案です。速報・確報を記録してから完了にしてください。"
            )
        pending = [
            p for p in incident_repo.persons(conn, incident_id) if p.state == NoticeState.PENDING
        ]
        if pending:
            raise errors.InvalidInput(
                f"通知していない本人が{len(pending)}人います。通知の状況を記録してください。"
            )
        incident_repo.set_state(conn, incident_id, IncidentState.CLOSED.value, _stamp(session))

    return change(session, incident_id, "incident.closed", work)
