"""When each stored number may go (SPEC §4): the facts read in one pass, the rules of
app.domain.retention applied, and the due list grouped as the dashboard shows it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app.domain.access import Permission, may, person_in_scope
from app.domain.purposes import PersonKind
from app.domain.retention import Employment, NumberFacts, Retention, retention
from app.services import audit
from app.services.guard import storage_errors
from app.session import Session
from storage import deletion_repo
from storage.deletion_repo import RetentionRow


@dataclass(frozen=True)
class DueEntry:
    person_id: int
    name: str
    kana: str
    kind: PersonKind
    code: str | None
    department: str | None
    retention: Retention


@dataclass(frozen=True)
class DueList:
    as_of: date
    due: tuple[DueEntry, ...]  # may go now
    this_year: tuple[DueEntry, ...]  # later this calendar year
    later: tuple[DueEntry, ...]  # in later years, soonest first
    ongoing: int  # still needed (employment, dependency, contract continuing)
    # "YYYY-MM" -> how many numbers become deletable that month (due ones under as_of's month).
    by_month: dict[str, int]


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


_KINDS = {kind.value: kind for kind in PersonKind}


def _kind(text: str) -> PersonKind:
    # PersonKind(text) for anything unexpected, so a bad kind still raises as before.
    return _KINDS.get(text) or PersonKind(text)


def facts(row: RetentionRow) -> NumberFacts:
    employment = (
        Employment(_day(row.hire_date), _day(row.leave_date), row.status)
        if row.status is not None
        else None
    )
    return NumberFacts(
        kind=_kind(row.kind),
        purposes=row.purposes,
        registered_on=_day(row.registered_at) or date.min,
        employment=employment,
        dependency_end=_day(row.valid_to),
        pension_category3=row.pension_category3,
        continuing=row.continuing,
        contract_to=_day(row.contract_to),
        retired_on=_day(row.retired_at),
    )


def _entry(row: RetentionRow, kept: Retention) -> DueEntry:
    return DueEntry(
        row.person_id, row.name, row.kana, _kind(row.kind), row.code, row.department, kept
    )


class Retentions:
    """retention() of many rows, each distinct set of facts worked out once: most of an
    office's numbers share theirs with others (leavers of one day, a payee's yearly filings),
    and a run of 10,000 would otherwise parse and decide every one. Equal facts get the same
    Retention object, so a caller may key what it derives from one by id()."""

    def __init__(self) -> None:
        self._known: dict[tuple[object, ...], Retention] = {}

    def __call__(self, row: RetentionRow) -> Retention:
        # Every field facts() reads; of registered_at (a timestamp) only the day counts.
        key = (
            row.kind,
            row.purposes,
            row.registered_at[:10],
            row.hire_date,
            row.leave_date,
            row.status,
            row.valid_to,
            row.pension_category3,
            row.continuing,
            row.contract_to,
            row.retired_at,
        )
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = retention(facts(row))
        return found


def entry(row: RetentionRow) -> DueEntry:
    return _entry(row, retention(facts(row)))


def _in_view(session: Session) -> Callable[[RetentionRow], bool] | None:
    """Those who handle numbers see their own groups; the auditor and the approvers see all
    (the list holds no number, and approving needs the whole picture). None: all."""
    roles = session.user.roles
    if not may(roles, Permission.HANDLE_NUMBERS) or may(roles, Permission.APPROVE_DELETION):
        return None
    scopes = session.user.scopes
    return lambda r: person_in_scope(scopes, r.kind, r.department)


def _visible(session: Session, rows: list[RetentionRow]) -> list[RetentionRow]:
    shown = _in_view(session)
    return rows if shown is None else [r for r in rows if shown(r)]


def require_reader(session: Session) -> None:
    roles = session.user.roles
    if not (may(roles, Permission.HANDLE_NUMBERS) or may(roles, Permission.READ_AUDIT)):
        audit.require(session, Permission.HANDLE_NUMBERS)


def due_list(session: Session, as_of: date | None = None) -> DueList:
    require_reader(session)
    today = as_of or session.clock.now().date()
    shown = _in_view(session)
    decide = Retentions()
    due, this_year, later = [], [], []
    months: Counter[str] = Counter()
    ongoing = 0
    # One pass over the cursor: most numbers are still needed and only counted, so neither
    # their rows nor their answers are kept (at 200,000 numbers, holding them all costs more
    # than the rules).
    with storage_errors():
        for row in deletion_repo.each_retention_fact(session.vault.conn):
            if shown is not None and not shown(row):
                continue
            kept = decide(row)
            day = kept.may_delete_from
            if day is None:
                ongoing += 1
                continue
            months[f"{max(day, today):%Y-%m}"] += 1
            item = _entry(row, kept)
            if day <= today:
                due.append(item)
            elif day.year == today.year:
                this_year.append(item)
            else:
                later.append(item)

    def soonest(items: list[DueEntry]) -> tuple[DueEntry, ...]:
        return tuple(
            sorted(items, key=lambda e: (e.retention.may_delete_from, e.kana, e.person_id))
        )

    return DueList(
        today,
        soonest(due),
        soonest(this_year),
        soonest(later),
        ongoing,
        dict(sorted(months.items())),
    )


def person_retention(session: Session, person_id: int) -> Retention | None:
    """The date and its reasons for one person's number; None when no number is stored."""
    require_reader(session)
    with storage_errors():
        rows = deletion_repo.retention_facts(session.vault.conn, [person_id])
    visible = _visible(session, rows)
    return entry(visible[0]).retention if visible else None
