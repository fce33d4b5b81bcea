"""Importing the year's amounts of the 給与所得の源泉徴収票 from a payroll export (CSV in UTF-8 or
CP932, or .xlsx, read as the people import reads it): a check that lists every row's problem
and, per employee, whether the slip would be new, changed or unchanged; then all rows or none in
one write, the slips stored through year_end.write_all (each its own year_end.saved /
.corrected event, as year_end.write logs one)
and one payroll.imported event for the file. A re-import of the same file changes nothing.

The employee is found by code among the registered employees the member may handle; a file
with a column of numbers is refused (numbers come from the vault only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from app import errors
from app.domain import my_number, payroll_fields, year_end
from app.domain.access import Permission, person_in_scope
from app.domain.payroll_csv import PayrollRow, check_rows, count_problems
from app.domain.payroll_fields import FIELDS, PayrollMap
from app.domain.withholding_slip import SPOUSE, is_under_16
from app.domain.year_end import SALARY, YearEndEntry
from app.services import audit
from app.services import year_end as year_end_service
from app.services.guard import storage_errors
from app.services.import_files import MAX_ROWS, file_label, read_table
from app.session import Session
from storage import payroll_repo, year_end_repo
from storage.vault import Writer

FIRST_YEAR = 2016  # the first year slips carried numbers
LAST_YEAR = 2100
TARGET = "import:payroll"
NEW, CHANGED, UNCHANGED = "new", "changed", "unchanged"
EMPLOYEE = "employee"


@dataclass(frozen=True)
class PayrollOptions:
    # The clerk looked at the dependant counts that differ from the register and accepts them.
    accept_counts: bool = False


class SlipChange(NamedTuple):
    """What the import does to one employee's slip of the year."""

    line: int
    code: str
    name: str  # as registered
    state: str  # NEW, CHANGED or UNCHANGED
    fields: tuple[str, ...] = ()  # the labels of the fields that change


@dataclass(frozen=True)
class PayrollReport:
    year: int
    rows: int
    mapping: list[str]
    problems: list[tuple[int, str]] = field(default_factory=list)
    count_differences: list[tuple[int, str]] = field(default_factory=list)
    changes: list[SlipChange] = field(default_factory=list)
    accepted_counts: bool = False
    committed: bool = False

    def _count(self, state: str) -> int:
        return sum(1 for change in self.changes if change.state == state)

    @property
    def new(self) -> int:
        return self._count(NEW)

    @property
    def changed(self) -> int:
        return self._count(CHANGED)

    @property
    def unchanged(self) -> int:
        return self._count(UNCHANGED)

    @property
    def blocked(self) -> bool:
        return bool(self.problems) or (bool(self.count_differences) and not self.accepted_counts)


@dataclass(frozen=True)
class _Checked:
    report: PayrollReport
    # The slips to write (new and changed), in file order, with what is stored now.
    entries: list[tuple[YearEndEntry | None, YearEndEntry]]
    refused: int  # rows naming an employee outside the member's scope


def check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise errors.InvalidInput(f"年分は{FIRST_YEAR}年から{LAST_YEAR}年までで指定してください。")


def headers(path: Path) -> list[str]:
    """The first row, for the mapping step (a number column is refused here already)."""
    return _header_row(read_table(path))


def _header_row(table: list[list[str]]) -> list[str]:
    if not table:
        raise errors.InvalidInput("ファイルにデータがありません。")
    first = table[0]
    if any(my_number.looks_like_number(cell) for cell in first):
        raise errors.InvalidInput(
            "1行目が見出しではないようです（個人番号のような数字列があります）。"
            "1行目に見出し（「import payroll-template」の見本と同じもの）を入れてください。"
        )
    if payroll_fields.number_columns(first):
        raise errors.InvalidInput(
            "このファイルには個人番号の列があります。源泉徴収票の個人番号は、この台帳に登録"
            "されているものを使うため、給与データからは取り込みません。給与ソフトで個人番号を"
            "出力しない設定にするか、その列を削除してから取り込んでください。"
        )
    return first


def _prepare(table: list[list[str]], mapping: PayrollMap | None) -> dict[str, int]:
    first = _header_row(table)
    if len(table) == 1:
        raise errors.InvalidInput("見出しの下にデータの行がありません。")
    if len(table) > MAX_ROWS + 1:
        raise errors.InvalidInput(f"行数が多すぎます。{MAX_ROWS:,}行以下に分けてください。")
    chosen = dict(payroll_fields.map_headers(first) if mapping is None else mapping)
    if any(not 0 <= index < len(first) for index in chosen.values()):
        raise errors.InvalidInput("列の対応がこのファイルの列と合っていません。")
    missing = payroll_fields.missing(chosen)
    if missing:
        raise errors.InvalidInput(
            "1行目に必要な列がありません：" + "、".join(missing) + "。"
            "「import payroll-template」で作る見本と同じ見出しにするか、列の対応を指定してください。"
        )
    return chosen


def _merged(before: YearEndEntry | None, row: PayrollRow) -> tuple[dict, dict]:
    """The stored slip with the file's fields laid over it: an empty mapped cell clears that
    field, a field the file does not have keeps what was stored (typed by the clerk)."""
    if before is None:  # a new slip, as most of a year's first import: only what is given
        # The row's own dicts when nothing in them is empty (the row is this check's own and
        # dropped after it, so nothing changes them once the slip holds them).
        amounts, facts = row.amounts, row.facts
        if None in amounts.values():
            amounts = {name: value for name, value in amounts.items() if value is not None}
        if not all(facts.values()):
            facts = {name: text for name, text in facts.items() if text}
        return amounts, facts
    amounts = dict(before.amounts) if before else {}
    facts = dict(before.facts) if before else {}
    for name, value in row.amounts.items():
        if value is None:
            amounts.pop(name, None)
        else:
            amounts[name] = value
    for name, text in row.facts.items():
        if text:
            facts[name] = text
        else:
            facts.pop(name, None)
    return amounts, facts


def _check(
    session: Session, path: Path, year: int, mapping: PayrollMap | None, options: PayrollOptions
) -> _Checked:
    table = read_table(path)
    chosen = _prepare(table, mapping)
    rows = check_rows(table[1:], chosen, year)
    conn = session.vault.conn
    employees = payroll_repo.employees_by_code(conn, [row.code for row in rows if row.code])
    families = payroll_repo.families(conn, [person.id for person in employees.values()])
    stored = {
        entry.person_id: entry
        for entry in year_end_repo.for_year(conn, year, SALARY)
        if entry.slip == 1
    }
    source = "import:" + file_label(path)
    seen: dict[int, int] = {}
    problems: list[tuple[int, str]] = []
    differences: list[tuple[int, str]] = []
    changes: list[SlipChange] = []
    entries: list[tuple[YearEndEntry | None, YearEndEntry]] = []
    refused = 0
    scopes = session.user.scopes
    every_employee = person_in_scope(scopes, EMPLOYEE, None)
    # The labels of each set of changed fields, worked out once (most slips share one set).
    labels_of: dict[tuple[str, ...], tuple[str, ...]] = {}
    for row in rows:
        person = employees.get(row.code) if row.code else None
        if row.code and (
            person is None
            or not (every_employee or person_in_scope(scopes, EMPLOYEE, person.department))
        ):
            # One message for "no such employee" and "not yours", as the people import says it.
            hint = (
                "Excelで先頭の「0」が消えていないかも確認してください"
                if row.code.isdigit()
                else "先に対象者として登録してください"
            )
            row.problems.append(
                f"{FIELDS['code']}：「{my_number.echo(row.code)}」の従業員が、"
                f"あなたの担当範囲に見つかりません（{hint}）。"
            )
            refused += person is not None
            person = None
        if person is not None:
            if person.id in seen:
                row.problems.append(
                    f"{FIELDS['code']}：{seen[person.id]}行目と同じ従業員の行です（二重の行）。"
                )
            seen.setdefault(person.id, row.line)
            if row.dependants is not None or row.under_16 is not None:
                older, younger = _family_counts(families.get(person.id, []), year)
                differences.extend((row.line, text) for text in count_problems(row, older, younger))
        if row.problems:
            problems.extend((row.line, text) for text in row.problems)
            continue
        if person is None:
            continue
        row_before = stored.get(person.id)
        if row_before is None:  # a new slip: nothing to compare
            amounts, facts = _merged(None, row)
            after = YearEndEntry(person.id, year, SALARY, amounts, facts, 1, source)
            changes.append(SlipChange(row.line, row.code, person.name, NEW))
            entries.append((None, after))
            continue
        before = _entry(row_before)
        amounts, facts = _merged(before, row)
        after = YearEndEntry(person.id, year, SALARY, amounts, facts, 1, source)
        changed = tuple(year_end_service.changed_fields(before, after))
        state = CHANGED if changed else UNCHANGED
        labels = labels_of.get(changed)
        if labels is None:
            labels = labels_of[changed] = tuple(
                year_end.FIELD_LABELS.get(name, name) for name in changed
            )
        changes.append(SlipChange(row.line, row.code, person.name, state, labels))
        if state != UNCHANGED:
            entries.append((before, after))
    report = PayrollReport(
        year,
        len(rows),
        payroll_fields.describe(chosen, table[0]),
        problems,
        differences,
        changes,
        options.accept_counts,
    )
    return _Checked(report, entries, refused)


def _entry(row: year_end_repo.YearEndRow) -> YearEndEntry:
    return YearEndEntry(
        row.person_id, row.year, row.form, row.amounts, row.facts, row.slip, row.source
    )


def _family_counts(family: list[tuple[str, str | None]], year: int) -> tuple[int, int]:
    """(dependants of 16 or over, under 16 on 31 December), the spouse not counted: as the
    withholding slip names them (withholding_slip.family_rows)."""
    older = younger = 0
    spouse_seen = False
    for relation, birth in family:
        if relation == SPOUSE and not spouse_seen:
            spouse_seen = True
        elif is_under_16(date.fromisoformat(birth) if birth else None, year):
            younger += 1
        else:
            older += 1
    return older, younger


def _log_check(writer: Writer, session: Session, path: Path, checked: _Checked) -> None:
    report = checked.report
    audit.record(
        writer,
        session,
        "payroll.checked",
        target=file_label(path),
        detail={
            "year": report.year,
            "rows": report.rows,
            "problems": len(report.problems),
            "new": report.new,
            "changed": report.changed,
            "unchanged": report.unchanged,
        },
    )
    if checked.refused:
        audit.record(
            writer,
            session,
            "access.denied",
            target=TARGET + ":" + file_label(path),
            detail={"reason": "group_scope", "rows": checked.refused},
        )


def dry_run(
    session: Session,
    path: Path,
    year: int,
    mapping: PayrollMap | None = None,
    options: PayrollOptions | None = None,
) -> PayrollReport:
    """Every problem of every row, and per employee what the import would do; nothing is
    written but the check's own event."""
    audit.require(session, Permission.HANDLE_NUMBERS, target=TARGET)
    check_year(year)
    with storage_errors():
        checked = _check(session, path, year, mapping, options or PayrollOptions())
        with session.vault.write() as writer:
            _log_check(writer, session, path, checked)
    return checked.report


def commit(
    session: Session,
    path: Path,
    year: int,
    mapping: PayrollMap | None = None,
    options: PayrollOptions | None = None,
) -> PayrollReport:
    """All rows or none, in one write: while any row has a problem (or a count difference is
    not accepted) nothing is stored and the report says why."""
    audit.require(session, Permission.HANDLE_NUMBERS, target=TARGET)
    check_year(year)
    options = options or PayrollOptions()
    with storage_errors(), session.vault.write() as writer:
        # Checked inside the write: nothing can change between the check and the write.
        checked = _check(session, path, year, mapping, options)
        report = checked.report
        if report.blocked:
            _log_check(writer, session, path, checked)
            return report
        year_end_service.write_all(writer, session, checked.entries)
        audit.record(
            writer,
            session,
            "payroll.imported",
            target=file_label(path),
            detail={
                "year": year,
                "form": SALARY,
                "rows": report.rows,
                "new": report.new,
                "changed": report.changed,
                "unchanged": report.unchanged,
            },
        )
    return PayrollReport(
        report.year,
        report.rows,
        report.mapping,
        report.problems,
        report.count_differences,
        report.changes,
        report.accepted_counts,
        committed=True,
    )
