"""A number deleted the way the office deletes one (a run proposed, approved and executed), for
tests of what the screens and services show and allow afterwards."""

from __future__ import annotations

from app.services import deletion
from app.services import settings as settings_service
from app.session import Session
from storage.deletion_repo import DeletionRecordRow


def delete_number(session: Session, person_id: int, password: str) -> DeletionRecordRow:
    """By the manager alone (the office's two-person rule switched off), before its date."""
    settings_service.change(session, "two_person_rule", "false")
    run = deletion.propose(session, [person_id], reason="本人からの削除の求め", trigger="early")
    deletion.approve(session, run.id, password, single_person_reason="担当者が一人の事業所のため")
    deletion.execute(session, run.id)
    (record,) = deletion.run_records(session, run.id)
    return record
