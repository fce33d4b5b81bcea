"""Importing people (and their numbers) from CSV (UTF-8 or CP932) or .xlsx as payroll and HR
software export them: a dry run that lists every row's problem and, for people already
registered, what would change; then an all-or-nothing commit in one transaction (new people
written, changes made as corrections with the import as their reason). Both report their
progress and can be cancelled through an ImportProgress."""

from __future__ import annotations

import csv
import enum
import io
import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from app import errors
from app.domain import import_aliases, import_mapping, my_number
from app.domain.access import Permission
from app.domain.import_layout import FIELDS, ImportRow
from app.domain.import_mapping import ColumnMap, ImportOptions, UserMapping
from app.services import audit, import_check, import_diff, import_files, import_report, import_write
from app.services.guard import storage_errors
from app.services.import_files import MAX_BYTES as MAX_BYTES  # the limit, for callers
from app.services.import_files import MAX_ROWS, file_label
from app.services.import_report import ImportChange as ImportChange
from app.services.import_report import ImportReport
from app.session import Session
from storage.vault import Writer

# Rows between two progress reports (and cancel checks): often enough that a cancel takes
# effect within a few milliseconds, rarely enough to cost nothing measurable.
REPORT_EVERY = import_write.BATCH

# What a caller may pass as the mapping: None (recognise the headers), field -> column index
# (the older form), a ColumnMap (the wizard), or a mapping file's content (the command line).
Mapping_ = Mapping[str, int] | ColumnMap | UserMapping | None


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


def column_map(headers: list[str], mapping: Mapping_ = None) -> ColumnMap:
    """The columns each field is read from: recognised from the headers, or as given."""
    if isinstance(mapping, ColumnMap):
        return mapping
    automatic = import_aliases.map_headers(headers)
    if mapping is None:
        return automatic
    if isinstance(mapping, UserMapping):
        try:
            return import_mapping.from_user_json(mapping.data, headers, automatic)
        except ValueError as problem:
            raise errors.InvalidInput(str(problem)) from None
    return ColumnMap.of(mapping)


@dataclass(frozen=True)
class _Prepared:
    table: list[list[str]]
    column_map: ColumnMap


def _prepare(table: list[list[str]], mapping: Mapping_, options: ImportOptions) -> _Prepared:
    headers = _header_row(table)
    if len(table) > MAX_ROWS + 1:
        raise errors.InvalidInput(f"行数が多すぎます。{MAX_ROWS:,}行以下に分けてください。")
    columns = column_map(headers, mapping)
    missing = columns.missing(options.kind)
    if missing:
        hint = (
            "区分の列がない一覧は、何の一覧か（従業員か支払先か）を選んでください。"
            if missing == [FIELDS["kind"]]
            else "「mynumber-desk import template」で作る見本と同じ見出しにするか、"
            "列の対応を指定してください。"
        )
        raise errors.InvalidInput(
            "1行目に必要な列がありません：" + "、".join(missing) + "。" + hint
        )
    return _Prepared(table, columns)


def _check(
    session: Session,
    prepared: _Prepared,
    options: ImportOptions,
    progress: ImportProgress | None,
) -> import_check.Checked:
    tick = None
    if progress is not None:

        def tick(done: int, total: int) -> None:
            _tick(progress, ImportStage.CHECKING, done, total)

    return import_check.check(
        session, prepared.table, prepared.column_map, options, tick, REPORT_EVERY
    )


def _report(
    checked: import_check.Checked, prepared: _Prepared, options: ImportOptions
) -> ImportReport:
    return import_report.report(checked, prepared.table, prepared.column_map, options)


def dry_run(
    session: Session,
    path: Path,
    mapping: Mapping_ = None,
    *,
    progress: ImportProgress | None = None,
    options: ImportOptions | None = None,
) -> ImportReport:
    """Every problem of every row, and what would be new, changed or unchanged; nothing is
    written (but the check itself is logged). A cancel through `progress` stops it with
    ImportCancelled, logged like a cancelled import (the file of numbers was opened and
    read)."""
    audit.require(session, Permission.HANDLE_NUMBERS, target="import")
    options = options or ImportOptions()
    try:
        prepared = _prepare(read_table(path, progress), mapping, options)
        report = _report(_check(session, prepared, options, progress), prepared, options)
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
        detail={
            "rows": report.rows,
            "problems": len(report.problems),
            "new": report.new,
            "changed": report.changed,
            "unchanged": report.unchanged,
        },
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
    mapping: Mapping_ = None,
    *,
    progress: ImportProgress | None = None,
    options: ImportOptions | None = None,
) -> ImportReport:
    """All rows or none, in one transaction: new people with an event each, changed people
    as corrections with the import as their reason, numbers added to people who had none.
    While any row has a problem (or a name match is unconfirmed) nothing is written and the
    report says why. The file itself holds numbers, so a reminder to delete it is logged. A
    cancel through `progress` rolls the whole transaction back, logs `import.cancelled` in a
    transaction of its own and raises ImportCancelled."""
    audit.require(session, Permission.HANDLE_NUMBERS, target="import")
    options = options or ImportOptions()
    try:
        prepared = _prepare(read_table(path, progress), mapping, options)
        # The check runs inside the write transaction (BEGIN IMMEDIATE): no code or number can
        # be taken, and no employee change, between the check against the data and the write,
        # so the write trusts the check and does not repeat it.
        with storage_errors(), session.vault.write() as writer:
            checked = _check(session, prepared, options, progress)
            report = _report(checked, prepared, options)
            if report.blocked:
                _log_check(writer, session, path, report)  # and nothing else: no row written
                return report
            counts = _write(writer, session, path, checked, progress)
            audit.record(
                writer,
                session,
                "import.committed",
                target=file_label(path),
                detail={
                    "rows": report.rows,
                    "new": report.new,
                    **counts,
                    "unchanged": report.unchanged,
                },
            )
            if report.with_numbers:
                # Even when every number was on file already: the file holds them all.
                audit.record(
                    writer,
                    session,
                    "import.source_reminder",
                    target=file_label(path),
                    detail={"numbers": counts["numbers"]},
                )
            if progress is not None:
                # The last moment a cancel can still undo everything: the COMMIT is next.
                total = report.new + report.changed
                _tick(progress, ImportStage.WRITING, total, total)
    except errors.ImportCancelled as cancelled:
        _log_cancelled(session, path, cancelled)
        raise
    counts.pop("changed")
    return replace(report, **counts)


def _write(
    writer: Writer,
    session: Session,
    path: Path,
    checked: import_check.Checked,
    progress: ImportProgress | None,
) -> dict[str, int]:
    """The new rows a batch at a time, then each change; the counts of what was written."""
    new = [i for i, match in enumerate(checked.matches) if match is None]
    changed = [m for m in checked.matches if m is not None and m.changed]
    total = len(new) + len(changed)
    tick = None
    if progress is not None:

        def tick(done: int, _rows: int) -> None:
            _tick(progress, ImportStage.WRITING, done, total)

    counts = import_write.write_in_batches(
        writer,
        session,
        [checked.rows[i] for i in new],
        "import",
        [checked.indexes[i] for i in new],
        tick,
    )
    applied = import_diff.apply(
        writer,
        session,
        checked.rows,
        checked.matches,
        f"ファイル「{file_label(path)}」の取込みによる更新",
    )
    counts["numbers"] += applied["numbers"]
    counts["changed"] = applied["changed"]
    return counts


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
    tick = None
    if progress is not None:

        def tick(done: int, total: int) -> None:
            _tick(progress, ImportStage.WRITING, done, total)

    return import_write.write_in_batches(writer, session, rows, source, None, tick)


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
