"""The yearly account review (アカウントの棚卸し, 規程第9条④; SPEC §1): the manager goes through
every account as the signed roster and the staff list have it and records, for each, whether
its roles and scopes are still needed; the auditor and the supervisor read the reviews. The
review and its audit event are one transaction, and it sets the next review a year on."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from app import errors
from app.domain.access import Permission, parse_roles
from app.domain.records import TaskKind, Verdict
from app.domain.staff import StaffMember
from app.services import audit, record_tasks
from app.services.guard import storage_errors
from app.services.incidents import checked_text
from app.session import Session
from storage import records_repo, roster, staff_repo

NOTE_LIMIT = 200
RESULT_LIMIT = 2000


@dataclass(frozen=True)
class AccountLine:
    """One account as it stands (pre-filled) or as the reviewer recorded it."""

    staff_id: int
    login_name: str
    display_name: str
    active: bool
    roles: tuple[str, ...]
    scopes: tuple[tuple[str, str], ...]
    matches_roster: bool  # the staff row agrees with the newest signed roster
    verdict: Verdict = Verdict.CONFIRMED
    note: str = ""

    @property
    def role_labels(self) -> str:
        labels = StaffMember(
            self.staff_id, self.login_name, "", parse_roles(self.roles), frozenset(), True, False
        ).role_labels
        return labels or "なし"


@dataclass(frozen=True)
class AccountReview:
    id: int
    reviewed_on: date
    reviewer: str
    result_note: str
    roster_seq: int | None
    lines: tuple[AccountLine, ...]

    @property
    def to_change(self) -> int:
        return sum(1 for line in self.lines if line.verdict is not Verdict.CONFIRMED)


def _current(session: Session) -> tuple[list[AccountLine], int | None]:
    conn = session.vault.conn
    records = staff_repo.all_staff(conn)
    state = roster.state(conn, session.vault.pin, session.vault.vault_id)
    differing = set(roster.differences(state.newest.roster, records)) if state.newest else None
    lines = [
        AccountLine(
            r.id,
            r.login_name,
            r.display_name,
            r.active,
            tuple(sorted(r.roles)),
            tuple(sorted(r.scopes)),
            differing is not None and r.login_name not in differing,
        )
        for r in records
    ]
    return lines, state.newest.roster.seq if state.newest else None


def draft(session: Session) -> list[AccountLine]:
    """Every account, pre-filled from the staff list and checked against the signed roster,
    each marked 確認済み until the reviewer says otherwise."""
    audit.require(session, Permission.REVIEW_ACCOUNTS)
    with storage_errors():
        return _current(session)[0]


def record(
    session: Session,
    *,
    reviewed_on: date,
    verdicts: Mapping[int, tuple[Verdict, str]],
    result_note: str = "",
) -> AccountReview:
    """The review as the reviewer confirmed it: `verdicts` by staff id, one for every account
    as it stands now (an account added since the draft was read must be looked at too)."""
    audit.require(session, Permission.REVIEW_ACCOUNTS)
    if reviewed_on > session.clock.now().date():
        raise errors.InvalidInput("棚卸しの実施日が未来の日付になっています。")
    result_text = checked_text(result_note, "結果", RESULT_LIMIT)
    notes = {
        staff_id: (Verdict(verdict), checked_text(note, "備考", NOTE_LIMIT))
        for staff_id, (verdict, note) in verdicts.items()
    }
    with storage_errors(), session.vault.write() as writer:
        lines, roster_seq = _current(session)
        missing = [line.display_name for line in lines if line.staff_id not in notes]
        if missing:
            raise errors.InvalidInput(
                "確認していないアカウントがあります: " + "、".join(missing[:5])
            )
        items = [
            records_repo.ReviewItemRow(
                line.staff_id,
                line.login_name,
                line.display_name,
                line.active,
                line.roles,
                line.scopes,
                line.matches_roster,
                notes[line.staff_id][0].value,
                notes[line.staff_id][1],
            )
            for line in lines
        ]
        review_id = records_repo.add_review(
            writer.conn,
            reviewed_on=reviewed_on.isoformat(),
            reviewer_name=session.user.display_name,
            result_note=result_text,
            roster_seq=roster_seq,
            items=items,
            recorded_at=session.clock.now().isoformat(timespec="seconds"),
        )
        next_due = record_tasks.reschedule(
            writer.conn, session, TaskKind.ACCOUNT_REVIEW, reviewed_on, f"review:{review_id}"
        )
        to_change = sum(1 for item in items if item.verdict != Verdict.CONFIRMED)
        audit.record(
            writer,
            session,
            "accounts.reviewed",
            target=f"review:{review_id}",
            detail={
                "records": len(items),
                "to_change": to_change,
                "next_due": next_due.isoformat(),
            },
        )
        (row,) = [r for r in records_repo.reviews(writer.conn) if r.id == review_id]
    return _review(row)


def _review(row: records_repo.ReviewRow) -> AccountReview:
    return AccountReview(
        row.id,
        date.fromisoformat(row.reviewed_on),
        row.reviewer_name,
        row.result_note,
        row.roster_seq,
        tuple(
            AccountLine(
                i.staff_id,
                i.login_name,
                i.display_name,
                i.active,
                i.roles,
                i.scopes,
                i.matches_roster,
                Verdict(i.verdict),
                i.note,
            )
            for i in row.items
        ),
    )


def list_reviews(session: Session, *, year: int | None = None) -> list[AccountReview]:
    record_tasks.require_reader(session)
    with storage_errors():
        return [_review(r) for r in records_repo.reviews(session.vault.conn, year=year)]


def confirm_all(lines: Sequence[AccountLine]) -> dict[int, tuple[Verdict, str]]:
    """Every line's verdict and note as the draft (or the form) holds them."""
    return {line.staff_id: (line.verdict, line.note) for line in lines}
