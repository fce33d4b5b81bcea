"""Training sessions (規程第9条⑦, 第50条; 別添1 D 人的安全管理措置): the supervisor, who holds
the training, or the manager records each one with its attendees; the auditor reads them.
Recording one settles the 「次回の研修」 task and sets the next a year on, in the same
transaction as the audit event. Texts that could hold a number are refused."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from app import errors
from app.domain.access import Permission
from app.domain.records import TaskKind
from app.services import audit, record_tasks
from app.services.guard import storage_errors
from app.services.incidents import checked_text
from app.session import Session
from storage import records_repo, staff_repo

TITLE_LIMIT = 60
TEXT_LIMIT = 2000
NAME_LIMIT = 40
MAX_ATTENDEES = 500


@dataclass(frozen=True)
class Attendee:
    staff_id: int | None  # None: someone without an account
    name: str


@dataclass(frozen=True)
class Training:
    id: int
    held_on: date
    title: str
    content: str
    trainer: str
    materials: str
    attendees: tuple[Attendee, ...]
    recorded_by: str


def _training(row: records_repo.TrainingRow) -> Training:
    return Training(
        row.id,
        date.fromisoformat(row.held_on),
        row.title,
        row.content,
        row.trainer,
        row.materials,
        tuple(Attendee(a.staff_id, a.name) for a in row.attendees),
        row.recorded_by_name,
    )


def record(
    session: Session,
    *,
    held_on: date,
    title: str,
    content: str = "",
    trainer: str = "",
    materials: str = "",
    attendees: Sequence[Attendee] = (),
) -> Training:
    """A session held on `held_on`; returns it as stored."""
    audit.require(session, Permission.RECORD_TRAINING)
    if held_on > session.clock.now().date():
        raise errors.InvalidInput("研修の実施日が未来の日付になっています。")
    title_text = checked_text(title, "研修名", TITLE_LIMIT, required=True)
    content_text = checked_text(content, "内容", TEXT_LIMIT)
    trainer_text = checked_text(trainer, "講師", NAME_LIMIT)
    materials_text = checked_text(materials, "資料", TEXT_LIMIT)
    if not attendees:
        raise errors.InvalidInput("参加者を1人以上選んでください。")
    if len(attendees) > MAX_ATTENDEES:
        raise errors.InvalidInput(f"参加者は{MAX_ATTENDEES}人までです。")
    with storage_errors(), session.vault.write() as writer:
        # An account attends under its own name, never one the caller chose for it.
        accounts = {r.id: r.display_name for r in staff_repo.all_staff(writer.conn)}
        if any(a.staff_id is not None and a.staff_id not in accounts for a in attendees):
            raise errors.InvalidInput("参加者に、登録されていないアカウントが含まれています。")
        people = [
            records_repo.AttendeeRow(
                a.staff_id,
                accounts[a.staff_id]
                if a.staff_id is not None
                else checked_text(a.name, "参加者", NAME_LIMIT, required=True),
            )
            for a in attendees
        ]
        training_id = records_repo.add_training(
            writer.conn,
            held_on=held_on.isoformat(),
            title=title_text,
            content=content_text,
            trainer=trainer_text,
            materials=materials_text,
            attendees=people,
            recorded_at=session.clock.now().isoformat(timespec="seconds"),
            recorded_by_name=session.user.display_name,
        )
        next_due = record_tasks.reschedule(
            writer.conn, session, TaskKind.TRAINING, held_on, f"training:{training_id}"
        )
        audit.record(
            writer,
            session,
            "training.recorded",
            target=f"training:{training_id}",
            detail={"people": len(people), "next_due": next_due.isoformat()},
        )
        (row,) = [r for r in records_repo.trainings(writer.conn) if r.id == training_id]
    return _training(row)


def list_trainings(session: Session, *, year: int | None = None) -> list[Training]:
    """Newest first; of one calendar year when `year` is given."""
    record_tasks.require_reader(session)
    with storage_errors():
        return [_training(r) for r in records_repo.trainings(session.vault.conn, year=year)]


def attendee_choices(session: Session) -> list[Attendee]:
    """The active accounts, offered as attendees to whoever records a training."""
    audit.require(session, Permission.RECORD_TRAINING)
    with storage_errors():
        return [
            Attendee(r.id, r.display_name)
            for r in staff_repo.all_staff(session.vault.conn)
            if r.active
        ]
