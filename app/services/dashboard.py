"""What the home page shows each member: the office, who they are, and the work waiting for
them, counted in one call, each count only for a member whose roles may act on it or read it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.domain.access import Permission, may
from app.domain.settings import SettingKey
from app.services import backup, individual_requests, outputs, staff, verification
from app.services.guard import storage_errors
from app.session import Session
from storage import backup_repo, deletion_repo, office_repo
from storage.deletion_repo import RunRow


@dataclass(frozen=True)
class DashboardSummary:
    office_name: str
    # Login names; () for members who do not manage staff.
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
    # Deletion runs proposed by someone else that this member may approve, oldest first
    # (None: not an approver).
    approvals_waiting: tuple[int, ...] | None = None
    # Approved runs waiting to be executed, oldest first (None: does not handle numbers).
    runs_to_execute: tuple[int, ...] | None = None
    # When the next backup is due (None: none made yet), and whether that day has come.
    backup_due_on: date | None = None
    backup_due: bool = False
    # The office's setting: a backup every this many days.
    backup_interval_days: int = 7
    # Login names of active accounts locked after failed sign-ins (None: not a manager).
    staff_locked: tuple[str, ...] | None = None
    # Outputs with numbers (規程第35条) still unconfirmed after the setting's days, oldest first
    # (None: does not handle numbers).
    outputs_overdue: tuple[int, ...] | None = None
    # From 1 December until their due date: the year's statutory forms (None: out of season
    # or not a member handling the 事務).
    year_end: YearEndCard | None = None


@dataclass(frozen=True)
class YearEndCard:
    """The 法定調書 of `year`: the due date (rolled forward past a closed day), the slips to
    submit to the tax office, employees not entered yet, and the forms to file
    electronically, each as (form name, slips counted, threshold, counted year)."""

    year: int
    due_on: date
    tax_office_slips: int
    not_entered: int
    efiling_required: tuple[tuple[str, int, int, int], ...] = ()
    # This year's count reaches the lowered threshold: e-filing two years on.
    efiling_coming: tuple[tuple[str, int], ...] = ()


def year_end_card(session: Session, today: date) -> YearEndCard | None:
    """The year-end card of a member handling the 事務 (their groups' people), in season."""
    from app.domain.year_end import FORMS
    from app.services import forms_due

    year = forms_due.season_year(today)
    if year is None or not may(session.user.roles, Permission.HANDLE_NUMBERS):
        return None
    due = forms_due.for_year(session, year)
    return YearEndCard(
        year,
        due.due_on,
        due.tax_office_slips,
        due.not_entered,
        tuple(
            (FORMS[e.form], e.basis_count, e.threshold, e.basis_year)
            for e in due.efiling
            if e.required
        ),
        tuple((FORMS[e.form], e.count) for e in due.efiling if e.coming and not e.required),
    )


def may_approve(session: Session, run: RunRow) -> bool:
    """Whether this member's approval of a proposed run would be accepted (deletion.approve):
    an approver; the manager for an early deletion; never the proposer while the two-person
    rule is on."""
    roles = session.user.roles
    if run.state != "proposed" or not may(roles, Permission.APPROVE_DELETION):
        return False
    if run.trigger == "early" and not may(roles, Permission.APPROVE_EARLY_DELETION):
        return False
    own = run.proposed_by is not None and run.proposed_by == session.user.id
    return not own or not session.settings.get(SettingKey.TWO_PERSON_RULE, True)


def backup_due_on(last_backup_at: str | None, interval_days: int) -> date | None:
    if last_backup_at is None:
        return None
    return datetime.fromisoformat(last_backup_at).date() + timedelta(days=interval_days)


def summary(session: Session) -> DashboardSummary:
    roles = session.user.roles
    handles = may(roles, Permission.HANDLE_NUMBERS)
    approves = may(roles, Permission.APPROVE_DELETION)
    with storage_errors():
        conn = session.vault.conn
        office = office_repo.get(conn)
        last_backup = (
            backup_repo.last_backup_at(conn) if may(roles, Permission.MAKE_BACKUP) else None
        )
        entries = session.vault.audit_head().seq if may(roles, Permission.READ_AUDIT) else None
        # Oldest first: the run waiting longest is the one a click opens.
        open_runs = (
            sorted(deletion_repo.runs(conn, ("proposed", "approved")), key=lambda r: r.id)
            if handles or approves
            else []
        )
    waiting: tuple[str, ...] = ()
    locked: tuple[str, ...] | None = None
    if may(roles, Permission.MANAGE_STAFF):
        members = [m for m in staff.list_staff(session) if m.active]
        waiting = tuple(m.login_name for m in members if m.must_change_password)
        locked = tuple(m.login_name for m in members if m.locked)
    # Counted in the member's own groups, like the list it opens.
    pending = verification.pending_count(session)
    overdue = (
        tuple((b.id, f"{b.file_name}（{b.folder}）") for b in backup.overdue(session))
        if may(roles, Permission.MAKE_BACKUP)
        else ()
    )
    requests_open, requests_late = None, 0
    today = session.clock.now().date()
    if handles or may(roles, Permission.DECIDE_REQUESTS):
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
    interval = int(session.settings.get(SettingKey.BACKUP_INTERVAL_DAYS, 7))
    due_on = backup_due_on(last_backup, interval)
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
        approvals_waiting=(
            tuple(r.id for r in open_runs if may_approve(session, r)) if approves else None
        ),
        runs_to_execute=(
            tuple(r.id for r in open_runs if r.state == "approved") if handles else None
        ),
        backup_due_on=due_on,
        backup_interval_days=interval,
        backup_due=may(roles, Permission.MAKE_BACKUP) and (due_on is None or due_on <= today),
        staff_locked=locked,
        outputs_overdue=tuple(e.row.id for e in outputs.overdue(session)) if handles else None,
        year_end=year_end_card(session, today),
    )
