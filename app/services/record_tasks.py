"""Dated tasks the safeguard records set (the next training, the next account review): one
open task per kind, replaced when the record it asks for is made."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.access import Permission, may
from app.domain.records import TaskKind, a_year_after, overdue
from app.services import audit
from app.services.guard import storage_errors
from app.session import Session
from storage import records_repo
from storage.connection import Connection


@dataclass(frozen=True)
class Task:
    id: int
    kind: TaskKind
    title: str
    due_on: date
    done_on: date | None
    done_by: str

    def overdue(self, today: date) -> bool:
        return overdue(self.due_on, self.done_on, today)


def require_reader(session: Session) -> None:
    """The records are read by whoever keeps or audits them: the manager, the supervisor and
    the auditor (READ_AUDIT); a clerk is refused and the refusal logged."""
    roles = session.user.roles
    if not (may(roles, Permission.READ_AUDIT) or may(roles, Permission.RECORD_TRAINING)):
        audit.require(session, Permission.READ_AUDIT)


def _task(row: records_repo.TaskRow) -> Task:
    return Task(
        row.id,
        TaskKind(row.kind),
        row.title,
        date.fromisoformat(row.due_on),
        date.fromisoformat(row.done_on) if row.done_on else None,
        row.done_by_name,
    )


def reschedule(
    conn: Connection, session: Session, kind: TaskKind, done_on: date, source: str
) -> date:
    """Inside the caller's write: settle the open task of this kind and set the next one a
    year after `done_on`; returns its due date. A session older than the newest one recorded
    (an earlier year's training entered late) settles nothing: the newer one's task stands."""
    due = a_year_after(done_on)
    # Every task of a kind was set by a session, a year after it: the latest due date is the
    # newest session's.
    dues = [date.fromisoformat(t.due_on) for t in records_repo.all_tasks(conn) if t.kind == kind]
    if dues and due < max(dues):
        waiting = records_repo.open_tasks(conn, kind=kind.value)
        return date.fromisoformat(waiting[0].due_on) if waiting else max(dues)
    records_repo.finish_tasks(
        conn, kind=kind.value, done_on=done_on.isoformat(), done_by_name=session.user.display_name
    )
    records_repo.add_task(
        conn,
        kind=kind.value,
        title=kind.label,
        due_on=due.isoformat(),
        source=source,
        created_at=session.clock.now().isoformat(timespec="seconds"),
    )
    return due


def open_tasks(session: Session) -> list[Task]:
    require_reader(session)
    with storage_errors():
        return [_task(row) for row in records_repo.open_tasks(session.vault.conn)]


def may_keep(session: Session) -> bool:
    """Whether the member keeps one of the records (the dashboard shows them what is due)."""
    roles = session.user.roles
    return may(roles, Permission.RECORD_TRAINING) or may(roles, Permission.REVIEW_ACCOUNTS)


def overdue_tasks(session: Session) -> list[Task] | None:
    """The open tasks past their day, for the dashboard; None for a member who keeps neither
    record (nothing shown, nothing logged)."""
    if not may_keep(session):
        return None
    today = session.clock.now().date()
    with storage_errors():
        rows = records_repo.open_tasks(session.vault.conn)
    return [task for task in (_task(row) for row in rows) if task.overdue(today)]
