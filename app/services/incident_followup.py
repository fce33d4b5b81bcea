"""Follow-up of a leak incident (規程第13条・第14条): the persons concerned and their notices
(規則第5条), and the recurrence measures. The manager's, each change audited in its
transaction; persons are internal ids, never numbers."""

from __future__ import annotations

from datetime import date

from app import errors
from app.domain.incidents import NoticeState
from app.services.incidents import (
    SHORT_LIMIT,
    TEXT_LIMIT,
    Incident,
    change,
    checked_text,
    known_day,
    now,
)
from app.session import Session
from storage import incident_repo, people_repo
from storage.connection import Connection
from storage.incident_repo import IncidentRow


def add_persons(session: Session, incident_id: int, person_ids: list[int]) -> Incident:
    """The persons concerned, by their record (never their number)."""

    def work(conn: Connection, _row: IncidentRow) -> None:
        for person_id in person_ids:
            if people_repo.get(conn, person_id) is None:
                raise errors.NotFound("対象者が見つかりません。")
        incident_repo.add_persons(conn, incident_id, person_ids)

    return change(
        session, incident_id, "incident.persons_added", work, {"people": len(set(person_ids))}
    )


def record_notice(
    session: Session,
    incident_id: int,
    person_ids: list[int],
    state: NoticeState,
    *,
    method: str = "",
    on: date | None = None,
) -> Incident:
    """How and when these persons were told (規則第5条), or why not yet."""
    method_text = checked_text(method, "通知の方法", SHORT_LIMIT)
    state = NoticeState(state)
    if state is NoticeState.NOTIFIED and (on is None or not method_text):
        raise errors.InvalidInput("通知済みにするには、通知の方法と通知日を入力してください。")
    if on is not None and on > now(session).date():
        raise errors.InvalidInput("通知日が未来の日付になっています。")

    def work(conn: Connection, row: IncidentRow) -> None:
        if on is not None and state is NoticeState.NOTIFIED and on < known_day(row):
            raise errors.InvalidInput("通知日が事業所が知った日より前になっています。")
        listed = {p.person_id for p in incident_repo.persons(conn, incident_id)}
        if not set(person_ids) <= listed:
            raise errors.NotFound("この事案の対象者ではない方が含まれています。")
        incident_repo.set_person_state(
            conn,
            incident_id,
            person_ids,
            state.value,
            method_text,
            on.isoformat() if on and state is NoticeState.NOTIFIED else None,
        )

    return change(
        session, incident_id, "incident.persons_notified", work, {"people": len(set(person_ids))}
    )


def add_measure(
    session: Session, incident_id: int, text: str, due_on: date | None = None
) -> Incident:
    """A recurrence measure (規程第14条), planned until marked done."""
    measure = checked_text(text, "再発防止策", TEXT_LIMIT, required=True)
    return change(
        session,
        incident_id,
        "incident.measure_added",
        lambda conn, _row: incident_repo.add_measure(
            conn, incident_id, measure, due_on.isoformat() if due_on else None
        ),
    )


def complete_measure(
    session: Session, incident_id: int, measure_id: int, done_on: date
) -> Incident:
    if done_on > now(session).date():
        raise errors.InvalidInput("実施日が未来の日付になっています。")

    def work(conn: Connection, row: IncidentRow) -> None:
        if done_on < known_day(row):
            raise errors.InvalidInput("実施日が事業所が知った日より前になっています。")
        if not incident_repo.mark_measure_done(conn, incident_id, measure_id, done_on.isoformat()):
            raise errors.NotFound("その再発防止策は見つからないか、既に実施済みです。")

    return change(session, incident_id, "incident.measure_done", work)
