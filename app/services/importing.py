"""Importing people (and their numbers) from CSV (UTF-8 or CP932) or .xlsx: a dry run that
lists every row's problem, then an all-or-nothing commit in one transaction; both report
their progress and can be cancelled through an ImportProgress."""

from __future__ import annotations

import csv
import enum
import io
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from app import errors
from app.clock import FixedClock
from app.domain import import_layout, kana, my_number
from app.domain.access import Permission, person_in_scope, purpose_in_scope
from app.domain.import_layout import FIELDS, REQUIRED, ImportRow
from app.domain.purposes import CATALOG, PersonKind
from app.services import audit, import_files, numbers, people
from app.services.guard import storage_errors
from app.services.import_files import MAX_BYTES as MAX_BYTES  # the limit, for callers
from app.services.import_files import MAX_ROWS, file_label
from app.session import Session
from storage import number_cipher, number_repo, people_repo
from storage.vault import Writer

# Rows between two progress reports (and cancel checks): often enough that a cancel takes
# effect within a few milliseconds, rarely enough to cost nothing measurable.
REPORT_EVERY = 250


@dataclass(frozen=True)
class ImportReport:
    rows: int
    problems: list[tuple[int, str]]
    # Rows refused for the member's scope, by reason (group_scope, purpose_scope): each is a
    # refused try and is logged as one.
    refused: dict[str, int] = field(default_factory=dict)
    employees: int = 0
    dependents: int = 0
    payees: int = 0
    numbers: int = 0


class ImportStage(enum.Enum):
    READING = "reading"  # parsing the file; the total is not known yet (0)
    CHECKING = "checking"  # every row's own checks and the duplicate and scope checks
    WRITING = "writing"  # inside the one write transaction


class ImportProgress:
    """Rows done out of the total for the stage under way, and a request to stop.

    The database thread calls `report()` every REPORT_EVERY rows and stops at the next one
    once `cancel()` was called; another thread (the GUI's timer) reads `snapshot()` and may
    call `cancel()` at any time. The lock keeps stage, done and total consistent with each
    other; the request is a threading.Event, so setting it needs no lock at all."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = (ImportStage.READING, 0, 0)
        self._cancel = threading.Event()

    def report(self, stage: ImportStage, done: int, total: int) -> None:
        with self._lock:
            self._state = (stage, done, total)

    def snapshot(self) -> tuple[ImportStage, int, int]:
        with self._lock:
            return self._state

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


def _tick(progress: ImportProgress, stage: ImportStage, done: int, total: int) -> None:
    """Report, then honour a cancel request (the callers call this every REPORT_EVERY rows)."""
    progress.report(stage, done, total)
    if progress.cancelled:
        raise errors.ImportCancelled(stage.value, done, total)


def read_table(path: Path, progress: ImportProgress | None = None) -> list[list[str]]:
    """All non-empty rows as text; a clear Japanese error for every file that cannot be one
    of ours (import_files bounds what is read by what the file really holds)."""
    if progress is None:
        return import_files.read_table(path)
    _tick(progress, ImportStage.READING, 0, 0)
    return import_files.read_table(
        path, lambda rows: _tick(progress, ImportStage.READING, rows, 0), REPORT_EVERY
    )


def headers(path: Path) -> list[str]:
    """The first row, for the column-mapping step."""
    return _header_row(read_table(path))


def _header_row(table: list[list[str]]) -> list[str]:
    """The first row must be the headings: a first row of data would be skipped, and its
    number would be shown in the mapping step and remembered with the layout."""
    if not table:
        raise errors.InvalidInput("ファイルにデータがありません。")
    if any(my_number.looks_like_number(cell) for cell in table[0]):
        raise errors.InvalidInput(
            "1行目が見出しではないようです（個人番号のような数字列があります）。"
            "1行目に見出し（「mynumber-desk import template」の見本と同じもの）を入れてください。"
        )
    return table[0]


@dataclass(frozen=True)
class _Checked:
    rows: list[ImportRow]
    # Each row's blind index (None: no number), computed once by the check for the write too.
    indexes: list[bytes | None]


def _check(
    session: Session,
    table: list[list[str]],
    mapping: dict[str, int] | None = None,
    progress: ImportProgress | None = None,
) -> _Checked:
    _header_row(table)
    if len(table) > MAX_ROWS + 1:
        raise errors.InvalidInput(f"行数が多すぎます。{MAX_ROWS:,}行以下に分けてください。")
    if mapping is None:
        mapping = import_layout.map_headers(table[0])
    missing = [FIELDS[key] for key in REQUIRED if key not in mapping]
    if missing:
        raise errors.InvalidInput(
            "1行目に必要な列がありません："
            + "、".join(missing)
            + "。「mynumber-desk import template」で作る見本と同じ見出しにしてください。"
        )
    total = len(table) - 1
    cross = _CrossCheck(session)
    rows: list[ImportRow] = []
    # Each row's own checks, then, a batch at a time, the checks against the rows above it and
    # the data (one query per batch for codes and numbers already registered).
    with storage_errors():
        for done, (line, cells) in enumerate(enumerate(table[1:], start=2), start=1):
            values = {
                key: cells[index] if index < len(cells) else "" for key, index in mapping.items()
            }
            rows.append(import_layout.check_row(line, values))
            if not done % REPORT_EVERY or done == total:
                cross.check(rows[cross.done :])
                if progress is not None:
                    _tick(progress, ImportStage.CHECKING, done, total)
    return _Checked(rows, cross.indexes)


class _CrossCheck:
    """Duplicates in the file (rows above) and in the data, dependents' employees, and the
    scope; rows are checked in file order."""

    def __init__(self, session: Session) -> None:
        self.conn = session.vault.conn
        self.index_key = session.vault.blind_index_key()
        self.scopes = session.user.scopes
        self.codes: dict[str, ImportRow] = {}
        self.numbers_seen: dict[bytes, int] = {}
        self.indexes: list[bytes | None] = []  # per row checked so far, in file order
        self.done = 0  # rows cross-checked so far

    def check(self, batch: list[ImportRow]) -> None:
        """The next rows in file order."""
        self.done += len(batch)
        index_key = self.index_key
        indexes = [
            None
            if row.number is None
            else number_cipher.blind_index(index_key, row.number.digits())
            for row in batch
        ]
        self.indexes.extend(indexes)
        with_code = [r.code for r in batch if r.kind == PersonKind.EMPLOYEE and r.code]
        taken_codes = people_repo.codes_taken(self.conn, with_code)
        taken_indexes = number_repo.indexes_in_use(
            self.conn, [index for index in indexes if index is not None]
        )
        for row, index in zip(batch, indexes, strict=True):
            self._row(row, index, taken_codes, taken_indexes)

    def _row(
        self,
        row: ImportRow,
        index: bytes | None,
        taken_codes: set[str],
        taken_indexes: set[bytes],
    ) -> None:
        conn, codes, scopes = self.conn, self.codes, self.scopes
        if row.kind == PersonKind.EMPLOYEE and row.code:
            if row.code in codes:
                row.problems.append(
                    f"従業員コード「{my_number.echo(row.code)}」が{codes[row.code].line}行目と重複しています。"
                )
            elif row.code in taken_codes:
                row.problems.append(
                    f"従業員コード「{my_number.echo(row.code)}」は既に登録されています。"
                )
            codes.setdefault(row.code, row)
        department = row.department or None
        scope_checked = False
        if row.kind == PersonKind.DEPENDENT and row.employee_code:
            owner = codes.get(row.employee_code)
            if owner is not None:
                department = owner.department or None
            else:
                found = people_repo.employee_by_code(conn, row.employee_code)
                hidden = found is not None and not person_in_scope(
                    scopes, PersonKind.DEPENDENT.value, found[1]
                )
                if found is None or hidden:
                    # One message for "no such employee" and "not yours": which it is would
                    # tell a clerk that a code exists outside their groups.
                    row.problems.append(
                        f"扶養元の従業員コード「{my_number.echo(row.employee_code)}」の従業員が、"
                        "あなたの担当範囲に見つかりません。"
                    )
                    if hidden:
                        row.refused.add("group_scope")
                    scope_checked = True
                else:
                    department = found[1]
        if (
            row.kind is not None
            and not scope_checked
            and not person_in_scope(scopes, row.kind.value, department)
        ):
            row.problems.append("この対象者はあなたの担当範囲外です。")
            row.refused.add("group_scope")
        for purpose in row.purposes:
            if row.number is not None and not purpose_in_scope(scopes, purpose):
                row.problems.append(
                    f"利用目的「{CATALOG[purpose].short_name}」はあなたの担当外の事務です。"
                )
                row.refused.add("purpose_scope")
        if index is not None:
            if index in self.numbers_seen:
                row.problems.append(
                    f"個人番号が{self.numbers_seen[index]}行目と同じです（二重登録のおそれ）。"
                )
            elif index in taken_indexes:
                row.problems.append("この個人番号は既に別の対象者に登録されています。")
            self.numbers_seen.setdefault(index, row.line)


def _report(rows: list[ImportRow], **counts: int) -> ImportReport:
    problems = [(row.line, problem) for row in rows for problem in row.problems]
    refused: dict[str, int] = {}
    for row in rows:
        for reason in row.refused:
            refused[reason] = refused.get(reason, 0) + 1
    return ImportReport(len(rows), problems, refused, **counts)


def dry_run(
    session: Session,
    path: Path,
    mapping: dict[str, int] | None = None,
    *,
    progress: ImportProgress | None = None,
) -> ImportReport:
    """Every problem of every row; nothing is written (but the check itself is logged).
    `mapping` (field -> column index) overrides matching the template's headers. A cancel
    through `progress` stops it with ImportCancelled, logged like a cancelled import (the file
    of numbers was opened and read)."""
    audit.require(session, Permission.HANDLE_NUMBERS, target="import")
    try:
        report = _report(_check(session, read_table(path, progress), mapping, progress).rows)
    except errors.ImportCancelled as cancelled:
        _log_cancelled(session, path, cancelled)
        raise
    with storage_errors(), session.vault.write() as writer:
        _log_check(writer, session, path, report)
    return report


def _log_check(writer: Writer, session: Session, path: Path, report: ImportReport) -> None:
    audit.record(
        writer,
        session,
        "import.checked",
        target=file_label(path),
        detail={"rows": report.rows, "problems": len(report.problems)},
    )
    for reason, rows in sorted(report.refused.items()):
        # The same event as a refused single registration, once per reason with the count.
        audit.record(
            writer,
            session,
            "access.denied",
            target="import:" + file_label(path),
            detail={"reason": reason, "rows": rows},
        )


def commit(
    session: Session,
    path: Path,
    mapping: dict[str, int] | None = None,
    *,
    progress: ImportProgress | None = None,
) -> ImportReport:
    """All rows or none, in one transaction with an event per person. While any row has a
    problem nothing is written and the report lists them. The file itself holds numbers, so a
    reminder to delete it is logged. A cancel through `progress` rolls the whole transaction
    back, logs `import.cancelled` in a transaction of its own and raises ImportCancelled."""
    audit.require(session, Permission.HANDLE_NUMBERS, target="import")
    try:
        table = read_table(path, progress)
        # The check runs inside the write transaction (BEGIN IMMEDIATE): no code or number can
        # be taken, and no employee change, between the check against the data and the write,
        # so the write trusts the check and does not repeat it.
        with storage_errors(), session.vault.write() as writer:
            checked = _check(session, table, mapping, progress)
            rows = checked.rows
            report = _report(rows)
            if report.problems:
                _log_check(writer, session, path, report)  # and nothing else: no row written
                return report
            counts = _write_rows(writer, session, rows, progress, "import", checked.indexes)
            audit.record(
                writer,
                session,
                "import.committed",
                target=file_label(path),
                detail={"rows": len(rows), **counts},
            )
            if counts["numbers"]:
                audit.record(
                    writer,
                    session,
                    "import.source_reminder",
                    target=file_label(path),
                    detail={"numbers": counts["numbers"]},
                )
            if progress is not None:
                # The last moment a cancel can still undo everything: the COMMIT is next.
                _tick(progress, ImportStage.WRITING, len(rows), len(rows))
    except errors.ImportCancelled as cancelled:
        _log_cancelled(session, path, cancelled)
        raise
    return _report(rows, **counts)


def write_rows(
    writer: Writer,
    session: Session,
    rows: list[ImportRow],
    progress: ImportProgress | None = None,
    *,
    source: str = "import",
) -> dict[str, int]:
    """Every checked row (person, kind row, sealed number, each with its audit event), inside
    the caller's transaction; a cancel raises out of it (rollback). The import and the bulk
    demo write people this one way."""
    return _write_rows(writer, session, rows, progress, source, None)


def _write_rows(
    writer: Writer,
    session: Session,
    rows: list[ImportRow],
    progress: ImportProgress | None,
    source: str,
    indexes: list[bytes | None] | None,
) -> dict[str, int]:
    """`write_rows`, REPORT_EVERY rows at a time. `indexes` are the check's blind indexes,
    one per row (None: computed here)."""
    bulk = _BulkWrite(writer, session, source)
    total = len(rows)
    for start in range(0, total, REPORT_EVERY):
        end = min(start + REPORT_EVERY, total)
        bulk.write(rows[start:end], None if indexes is None else indexes[start:end])
        if progress is not None and not end % REPORT_EVERY:
            _tick(progress, ImportStage.WRITING, end, total)
    return bulk.counts


class _BulkWrite:
    """The rows of one write transaction, a batch at a time: the batch's people in one
    statement (ids counted on from the last one, as AUTOINCREMENT would give them), then its
    kind rows, numbers and purposes in one statement each, then its events in row order
    (`person.registered`, then that person's `number.registered`): the same rows and the same
    log as people.insert_person and numbers.store_number row by row (a test pins the two
    together), without a Python call chain, a statement lookup and a detail encoding per row."""

    def __init__(self, writer: Writer, session: Session, source: str) -> None:
        self.writer = writer
        # One transaction, one moment: every row and event carries the time the write began.
        moment = _Moment.of(session.clock.now())
        self.session = replace(session, clock=FixedClock(moment))
        self.now = moment.isoformat(timespec="seconds")
        self.source = source
        self.counts = {"employees": 0, "dependents": 0, "payees": 0, "numbers": 0}
        self.employee_ids: dict[str, int] = {}  # code -> person id, of the rows written so far
        self.departments: dict[str, int] = {}  # name -> id
        # Details built once per kind and per set of purposes (audit.shared_detail).
        self.person_details = {
            kind: audit.shared_detail(people.registered_detail(kind, source)) for kind in PersonKind
        }
        self.number_details: dict[tuple[str, ...], Mapping[str, object]] = {}
        self.number_key: bytearray | None = None  # at the first number: rows without need none

    def write(self, batch: list[ImportRow], indexes: list[bytes | None] | None) -> None:
        conn, now = self.writer.conn, self.now
        people_rows: list[tuple[int, str, str, str, str, str | None, str, str]] = []
        employees: list[tuple[int, str, int | None, str | None]] = []
        dependents: list[tuple[int, int, str, bool, str | None]] = []
        payees: list[tuple[int, str, bool, str | None, str | None, str | None]] = []
        sealed: list[tuple[int, bytes, bytes, frozenset[str]]] = []
        events: list[tuple[str, str, Mapping[str, object]]] = []
        ends: list[tuple[int, str, str]] = []
        first_id = people_repo.next_person_id(conn)
        for offset, row in enumerate(batch):
            kind = row.kind
            assert kind is not None
            person_id = first_id + offset
            record_id = f"person:{person_id}"
            birth_date = row.birth_date.isoformat() if row.birth_date else None
            # Kept in full-width katakana, as a registration on screen keeps it.
            kept_kana = kana.to_katakana(row.kana)
            people_rows.append(
                (
                    person_id,
                    kind.value,
                    row.name,
                    kept_kana,
                    kana.search_key(kept_kana),
                    birth_date,
                    now,
                    now,
                )
            )
            events.append(("person.registered", record_id, self.person_details[kind]))
            if kind == PersonKind.EMPLOYEE:
                hire_date = row.hire_date.isoformat() if row.hire_date else None
                department = self._department_id(row.department)
                employees.append((person_id, row.code, department, hire_date))
                self.employee_ids[row.code] = person_id
                self.counts["employees"] += 1
            elif kind == PersonKind.DEPENDENT:
                owner = self._employee_id(row.employee_code)
                dependents.append((person_id, owner, row.relation, row.pension3, None))
                self.counts["dependents"] += 1
            else:
                payees.append((person_id, row.payment_kind, row.continuing, None, None, None))
                self.counts["payees"] += 1
            if row.ended_on is not None:
                ends.append((person_id, kind.value, row.ended_on.isoformat()))
            if row.number is not None:
                index = None if indexes is None else indexes[offset]
                sealed.append(self._sealed(person_id, row, index))
                events.append(("number.registered", record_id, self._number_detail(row)))
                self.counts["numbers"] += 1
        people_repo.insert_people(conn, people_rows)
        people_repo.insert_employees(conn, employees)
        people_repo.insert_dependents(conn, dependents)
        people_repo.insert_payees(conn, payees)
        people_repo.set_ends(conn, ends)
        number_repo.insert_many(conn, sealed, registered_by=self.session.user.id or None, now=now)
        audit.record_all(self.writer, self.session, events)

    def _department_id(self, name: str) -> int | None:
        if not name:
            return None
        found = self.departments.get(name)
        if found is None:
            found = self.departments[name] = people_repo.department_id(self.writer.conn, name)
        return found

    def _employee_id(self, code: str) -> int:
        """The dependent's employee: a row above it in the file, or one already registered
        (the check found it, in this same transaction)."""
        found = self.employee_ids.get(code)
        if found is not None:
            return found
        registered = people_repo.employee_by_code(self.writer.conn, code)
        assert registered is not None
        return registered[0]

    def _sealed(
        self, person_id: int, row: ImportRow, index: bytes | None
    ) -> tuple[int, bytes, bytes, frozenset[str]]:
        """As numbers.store_number seals and indexes it: bound to the record id."""
        assert row.number is not None
        vault = self.session.vault
        if self.number_key is None:
            self.number_key = vault.number_key()
        digits = row.number.digits()
        if index is None:
            index = number_cipher.blind_index(vault.blind_index_key(), digits)
        sealed = numbers.sealed_number(self.number_key, person_id, row.number)
        return (person_id, sealed, index, frozenset(row.purposes))

    def _number_detail(self, row: ImportRow) -> Mapping[str, object]:
        """The detail numbers.store_number logs with `number.registered` (never the number)."""
        purposes = tuple(sorted(row.purposes))
        detail = self.number_details.get(purposes)
        if detail is None:
            detail = self.number_details[purposes] = audit.shared_detail(
                numbers.registered_detail(purposes, source=self.source)
            )
        return detail


class _Moment(datetime):
    """The one moment of a bulk write, formatted once: the writer formats the time of every
    event it appends (twice per row), and the text of one moment never changes."""

    # Set by `of` only: an instance derived from it (replace, arithmetic) formats as usual.
    _seconds: str | None = None

    @classmethod
    def of(cls, at: datetime) -> _Moment:
        moment = cls(
            at.year,
            at.month,
            at.day,
            at.hour,
            at.minute,
            at.second,
            at.microsecond,
            at.tzinfo,
            fold=at.fold,
        )
        moment._seconds = datetime.isoformat(moment, timespec="seconds")
        return moment

    def isoformat(self, sep: str = "T", timespec: str = "auto") -> str:
        if self._seconds is not None and sep == "T" and timespec == "seconds":
            return self._seconds
        return super().isoformat(sep, timespec)


def _log_cancelled(session: Session, path: Path, cancelled: errors.ImportCancelled) -> None:
    """After the rollback, in its own transaction: the try stays in the log."""
    with storage_errors(), session.vault.write() as writer:
        audit.record(
            writer,
            session,
            "import.cancelled",
            target=file_label(path),
            detail={
                "stage": cancelled.stage,
                "rows_done": cancelled.done,
                "rows": cancelled.total,
            },
        )


TEMPLATE_EXAMPLE = {
    "kind": "従業員",
    "code": "E0001",
    "name": "山田 太郎",
    "kana": "ヤマダ タロウ",
    "birth_date": "1980-04-01",
    "department": "総務部",
    "hire_date": "2010-04-01",
    "number": "123456789018",
    "purposes": "源泉徴収事務、雇用保険届出事務、健康保険・厚生年金保険届出事務",
}


def template_csv() -> bytes:
    """The default layout: Japanese headers and one example row with a synthetic number."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(FIELDS.values())
    writer.writerow([TEMPLATE_EXAMPLE.get(key, "") for key in FIELDS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
