"""Who is due which statutory form (法定調書) of a year, whether each slip must be submitted and
why, the counts for the 法定調書合計表, the deadline and the e-filing warning. Never a number.

Who may see what (SPEC §1, §6): the list names people and their year's pay, so it is for the
members who handle the office's 事務 (HANDLE_NUMBERS), each within their own groups, as the
people list is; any other try is refused and logged. The auditor reads records and the
management ledger, which holds counts and no personal data; the same holds here: `counts`
gives the auditor the office's totals per form, never a name or an amount."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain import statutory_deadlines, submission_range
from app.domain.access import Permission, may, person_in_scope
from app.domain.submission_range import Decision, Need
from app.domain.year_end import FEES, FORMS, RENT, RETIREMENT, SALARY, YearEndEntry
from app.services import audit
from app.services.guard import storage_errors
from app.session import Session
from storage import submission_repo, year_end_repo
from storage.submission_repo import YearPersonRow
from storage.year_end_repo import YearEndRow

# The forms a slip is kept for, in the order of the 合計表.
SLIP_FORMS = (SALARY, RETIREMENT, FEES, RENT)
NOT_ENTERED = "未入力"


@dataclass(frozen=True)
class SlipDue:
    form: str
    slip: int
    payment: int
    tax_office: Decision
    # The 給与支払報告書 to the city (給与 only).
    municipal: Decision | None = None


@dataclass(frozen=True)
class PersonDue:
    person_id: int
    kind: str
    code: str
    name: str
    department: str
    slips: tuple[SlipDue, ...]

    @property
    def entered(self) -> bool:
        """False for an employee with no year-end content yet (未入力)."""
        return bool(self.slips)

    @property
    def required(self) -> bool:
        return any(slip.tax_office.required for slip in self.slips)

    def forms_text(self) -> str:
        names = dict.fromkeys(FORMS[slip.form] for slip in self.slips)
        return "、".join(names) if names else FORMS[SALARY]

    def reason_text(self) -> str:
        if not self.slips:
            return "年末調整の内容が未入力のため判定できません"
        lines = []
        for slip in self.slips:
            lines.append(f"{FORMS[slip.form]}: {slip.tax_office.reason}")
            if slip.municipal is not None:
                lines.append(f"給与支払報告書: {slip.municipal.reason}")
        return "\n".join(lines)


@dataclass(frozen=True)
class FormCount:
    """One line of the 合計表: slips of the form, those due to the tax office, to the city."""

    form: str
    slips: int
    tax_office: int
    municipal: int = 0


@dataclass(frozen=True)
class Efiling:
    """e-Filing of one form: required when the slips due two years before reached the
    threshold of the submission date; this year's count tells the year after next."""

    form: str
    threshold: int
    basis_year: int
    basis_count: int
    count: int

    @property
    def required(self) -> bool:
        return self.basis_count >= self.threshold

    @property
    def coming(self) -> bool:
        """This year's count reaches the threshold: e-filing two years on."""
        return self.count >= statutory_deadlines.EFILING_THRESHOLD_FROM_2027


@dataclass(frozen=True)
class YearDue:
    year: int
    due_on: date
    people: tuple[PersonDue, ...]
    counts: tuple[FormCount, ...]
    efiling: tuple[Efiling, ...]

    @property
    def not_entered(self) -> int:
        return sum(1 for person in self.people if not person.entered)

    @property
    def tax_office_slips(self) -> int:
        return sum(count.tax_office for count in self.counts)


def _entry(row: YearEndRow) -> YearEndEntry:
    return YearEndEntry(
        row.person_id, row.year, row.form, row.amounts, row.facts, row.slip, row.source
    )


def _slips(entries: list[YearEndEntry], corporate: bool) -> tuple[SlipDue, ...]:
    """One person's slips, a payee's decided on the year's total (submission_range)."""
    payees = {entry.person_id for entry in entries} if corporate else set()
    decisions = submission_range.tax_office_all(entries, corporate_payees=payees)
    return tuple(
        SlipDue(
            entry.form,
            entry.slip,
            entry.amounts.get("payment", 0),
            decision,
            submission_range.salary_municipal(entry) if entry.form == SALARY else None,
        )
        for entry, decision in zip(entries, decisions, strict=True)
    )


def _decided(people: list[YearPersonRow], rows: list[YearEndRow]) -> tuple[PersonDue, ...]:
    by_person: dict[int, list[YearEndRow]] = {}
    for row in rows:
        if row.form in SLIP_FORMS:
            by_person.setdefault(row.person_id, []).append(row)
    found = []
    for person in people:
        own = sorted(by_person.get(person.id, []), key=lambda r: (SLIP_FORMS.index(r.form), r.slip))
        if not own and person.kind != "employee":
            continue
        found.append(
            PersonDue(
                person.id,
                person.kind,
                person.code or "",
                person.name,
                person.department or "",
                _slips([_entry(row) for row in own], person.corporate),
            )
        )
    return tuple(found)


def _counts(people: tuple[PersonDue, ...]) -> tuple[FormCount, ...]:
    counts = []
    for form in SLIP_FORMS:
        slips = [slip for person in people for slip in person.slips if slip.form == form]
        counts.append(
            FormCount(
                form,
                len(slips),
                sum(1 for slip in slips if slip.tax_office.required),
                sum(1 for slip in slips if slip.municipal and slip.municipal.need is Need.REQUIRED),
            )
        )
    return tuple(counts)


def _efiling(
    year: int, counts: tuple[FormCount, ...], basis: tuple[FormCount, ...]
) -> tuple[Efiling, ...]:
    """Judged on the office's slips due two years before the submission (the year's forms go
    in the next year, so on the forms of `year` - 2), at the threshold of 31 January next
    year."""
    threshold = statutory_deadlines.efiling_threshold(date(year + 1, 1, 31))
    before = {count.form: count.tax_office for count in basis}
    return tuple(
        Efiling(count.form, threshold, year - 2, before.get(count.form, 0), count.tax_office)
        for count in counts
    )


def _scoped(session: Session, people: list[YearPersonRow]) -> list[YearPersonRow]:
    scopes = session.user.scopes
    return [p for p in people if person_in_scope(scopes, p.kind, p.department)]


def _year(session: Session, year: int, *, scoped: bool) -> YearDue:
    with storage_errors():
        conn = session.vault.conn
        people = submission_repo.people_of_year(conn, year)
        rows = year_end_repo.for_year(conn, year)
        basis_people = submission_repo.people_of_year(conn, year - 2)
        basis_rows = year_end_repo.for_year(conn, year - 2)
    due = _decided(people, rows)
    # The e-filing obligation is the office's (its slips of each kind, 番号法 aside: counts
    # only), so it is judged on every slip whoever asks, not on the member's groups.
    efiling = _efiling(year, _counts(due), _counts(_decided(basis_people, basis_rows)))
    if scoped:
        due = _decided(_scoped(session, people), rows)
    return YearDue(
        year,
        statutory_deadlines.annual_due_date(year),
        due,
        _counts(due),
        efiling,
    )


def for_year(session: Session, year: int) -> YearDue:
    """Everyone of the year in the member's groups: each stored slip with the decision for
    the tax office (and the city for 給与), the employees with nothing stored yet (未入力),
    the counts, the deadline and the e-filing check. Refused (and logged) to a member who
    does not handle the 事務."""
    audit.require(session, Permission.HANDLE_NUMBERS, target=f"year_end:{year}")
    return _year(session, year, scoped=True)


def counts(session: Session, year: int) -> YearDue:
    """The counts, deadline and e-filing check only (no person): for the auditor the whole
    office's, for a member handling the 事務 their groups'."""
    handles = may(session.user.roles, Permission.HANDLE_NUMBERS)
    if not handles:
        audit.require(session, Permission.READ_AUDIT, target=f"year_end:{year}")
    found = _year(session, year, scoped=handles)
    return YearDue(found.year, found.due_on, (), found.counts, found.efiling)


def log_unseen(session: Session, year: int, key: str) -> None:
    """`key` (an employee code, or `#<id>`, as `forms list` shows a person) was asked for but
    is not among the member's people of the year: if it names someone of the year outside
    their groups, the refused try is logged (the caller's message stays the same for "no such
    person" and "not yours", as the people and payroll imports say it)."""
    with storage_errors():
        people = submission_repo.people_of_year(session.vault.conn, year)
    named = [p for p in people if (p.code or f"#{p.id}") == key]
    outside = [p for p in named if p not in _scoped(session, named)]
    if not outside:
        return
    from app.services import numbers

    with storage_errors(), session.vault.write() as writer:
        audit.record_all(
            writer,
            session,
            [
                ("access.denied", numbers.record_id(p.id), {"reason": "group_scope"})
                for p in outside
            ],
        )


def season_year(today: date) -> int | None:
    """The year whose forms are in season on `today`: from 1 December until its (rolled)
    due date in the next year; None outside that."""
    if today.month == 12:
        return today.year
    if today <= statutory_deadlines.annual_due_date(today.year - 1):
        return today.year - 1
    return None
