"""What the home page shows each member: the office, their roles, and what needs attention."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.access import Permission, may
from app.services import backup, individual_requests, verification
from app.services.guard import storage_errors
from app.session import Session
from storage import backup_repo, office_repo, staff_repo


@dataclass(frozen=True)
class DashboardSummary:
    office_name: str
    staff_waiting_for_password_change: tuple[str, ...]
    last_backup_at: str | None
    can_back_up: bool
    audit_entries: int | None
    demo: bool
    # Numbers in the member's groups registered without an identity check (本人確認) yet: a
    # task for those who handle numbers; None for the others.
    verification_pending: int | None = None
    # Backups past their generation the program could not reach: they may still hold numbers
    # deleted since (SPEC §4). (id, "file (folder)") for those who make backups.
    backups_overdue: tuple[tuple[int, str], ...] = ()
    # Open requests from individuals, and how many are past their target (None: not shown).
    requests_open: int | None = None
    requests_late: int = 0
    # Closed request files past the years they are kept: the manager discards them.
    requests_expired: int = 0


def summary(session: Session) -> DashboardSummary:
    roles = session.user.roles
    with storage_errors():
        conn = session.vault.conn
        office = office_repo.get(conn)
        waiting: tuple[str, ...] = ()
        last_backup = None
        if may(roles, Permission.MANAGE_STAFF):
            waiting = tuple(
                r.login_name
                for r in staff_repo.all_staff(conn)
                if r.active and r.must_change_password
            )
        if may(roles, Permission.MAKE_BACKUP):
            last_backup = backup_repo.last_backup_at(conn)
        entries = session.vault.audit_head().seq if may(roles, Permission.READ_AUDIT) else None
    # Counted in the member's own groups, like the list it opens.
    pending = verification.pending_count(session)
    overdue = (
        tuple((b.id, f"{b.file_name}（{b.folder}）") for b in backup.overdue(session))
        if may(roles, Permission.MAKE_BACKUP)
        else ()
    )
    requests_open, requests_late = None, 0
    if may(roles, Permission.HANDLE_NUMBERS) or may(roles, Permission.DECIDE_REQUESTS):
        today = session.clock.now().date()
        unanswered = [
            e for e in individual_requests.register(session) if e.request.state != "notified"
        ]
        requests_open = len(unanswered)
        requests_late = sum(
            1 for e in unanswered if e.deadlines.state(today).value in ("overdue", "suit_possible")
        )
    expired = (
        len(individual_requests.expired(session)) if may(roles, Permission.DECIDE_REQUESTS) else 0
    )
    return DashboardSummary(
        office_name=office.name if office else "",
        staff_waiting_for_password_change=waiting,
        last_backup_at=last_backup,
        can_back_up=may(roles, Permission.MAKE_BACKUP),
        audit_entries=entries,
        demo=session.vault.insecure_secret_store,
        verification_pending=pending,
        backups_overdue=overdue,
        requests_open=requests_open,
        requests_late=requests_late,
        requests_expired=expired,
    )
