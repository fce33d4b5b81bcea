"""What an import's check found: every row's problems, and for a re-import what is new,
what changes (field by field), what stays as it is, and what the clerk must look at."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.import_mapping import ColumnMap, ImportOptions, describe
from app.services.import_check import Checked
from app.services.import_diff import MatchedBy, NumberAction
from app.services.import_diff import who as who_of


@dataclass(frozen=True)
class ImportChange:
    """One field of a registered person the file changes (never a number)."""

    line: int
    who: str
    field: str  # its Japanese label
    before: str
    after: str


@dataclass(frozen=True)
class ImportReport:
    rows: int  # people rows: a line's own, and its dependants in columns
    problems: list[tuple[int, str]]
    # Rows refused for the member's scope, by reason (group_scope, purpose_scope): each is a
    # refused try and is logged as one.
    refused: dict[str, int] = field(default_factory=dict)
    employees: int = 0  # written: new employees, dependents, payees, numbers
    dependents: int = 0
    payees: int = 0
    numbers: int = 0
    new: int = 0  # people not registered yet
    changed: int = 0  # registered people the file changes
    unchanged: int = 0  # registered people the file names as they are
    changes: list[ImportChange] = field(default_factory=list)
    # Who has another number in the file than the one registered: never overwritten, listed
    # for a correction by hand (import_diff.NUMBER_DIFFERS says so).
    notices: list[tuple[int, str]] = field(default_factory=list)
    # People found by name and birth date: the same person only once the clerk confirms.
    name_matches: list[tuple[int, str]] = field(default_factory=list)
    confirmed: bool = True  # the name matches (if any) were confirmed
    zero_dropped: int = 0  # 11-digit numbers (Excel dropped a leading zero)
    with_numbers: int = 0  # rows with a number: the file is itself a file of numbers
    lines: int = 0  # lines of the file below its heading
    mapping: tuple[str, ...] = ()  # the mapping used, one line per field

    @property
    def blocked(self) -> bool:
        """Nothing is imported while a row has a problem or a name match is unconfirmed."""
        return bool(self.problems) or not self.confirmed


def report(
    checked: Checked,
    table: list[list[str]],
    column_map: ColumnMap,
    options: ImportOptions,
) -> ImportReport:
    """What the check found: the problems, and what the file would add and change."""
    rows, matches = checked.rows, checked.matches
    problems = [
        (row.line, f"{row.group}：{problem}" if row.group else problem)
        for row in rows
        for problem in row.problems
    ]
    refused: dict[str, int] = {}
    for row in rows:
        for reason in row.refused:
            refused[reason] = refused.get(reason, 0) + 1
    changes: list[ImportChange] = []
    notices: list[tuple[int, str]] = []
    name_matches: list[tuple[int, str]] = []
    changed = unchanged = 0
    for row, match in zip(rows, matches, strict=True):
        if match is None:
            continue
        who = who_of(row, match.person)
        changed += match.changed
        unchanged += not match.changed
        changes.extend(
            ImportChange(row.line, who, c.label, c.before, c.after) for c in match.changes
        )
        if match.number is NumberAction.ADD:
            changes.append(ImportChange(row.line, who, "個人番号", "（なし）", "登録する"))
        elif match.number is NumberAction.DIFFERS:
            notices.append((row.line, who))
        if match.by is MatchedBy.NAME:
            name_matches.append((row.line, who))
    return ImportReport(
        len(rows),
        problems,
        refused,
        new=len(rows) - changed - unchanged,
        changed=changed,
        unchanged=unchanged,
        changes=changes,
        notices=notices,
        name_matches=name_matches,
        confirmed=options.accept_name_matches or not name_matches,
        zero_dropped=sum(row.zero_dropped for row in rows),
        with_numbers=sum(row.number is not None for row in rows),
        lines=len(table) - 1,
        mapping=tuple(describe(column_map, table[0])),
    )
