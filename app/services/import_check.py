"""The check of an import file: each line's rows (its own, and its dependants in columns)
by their own rules, then, a batch at a time, against the rows above and the data: duplicates,
the dependants' employees, the member's scope, and who is registered already (a re-import:
by employee code, by number, or by name and birth date), compared field by field."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.domain import my_number
from app.domain.access import person_in_scope, purpose_in_scope
from app.domain.import_layout import ImportRow
from app.domain.import_mapping import ColumnMap, ImportOptions, rows_for_line
from app.domain.purposes import CATALOG, PersonKind
from app.services.guard import storage_errors
from app.services.import_diff import Match, MatchedBy, compare, identity, row_identity
from app.session import Session
from storage import import_repo, number_cipher
from storage.import_repo import StoredPerson

Tick = Callable[[int, int], None]


@dataclass(frozen=True)
class Checked:
    rows: list[ImportRow]
    # Per row: its blind index (None: no number), computed once by the check for the write,
    # and the registered person it names (None: a new person).
    indexes: list[bytes | None]
    matches: list[Match | None] = field(default_factory=list)


def check(
    session: Session,
    table: list[list[str]],
    column_map: ColumnMap,
    options: ImportOptions,
    tick: Tick | None = None,
    every: int = 250,
) -> Checked:
    """Every row of the table below its heading; `tick(lines done, lines)` every `every`."""
    total = len(table) - 1
    cross = _CrossCheck(session)
    rows: list[ImportRow] = []
    with storage_errors():
        for done, (line, cells) in enumerate(enumerate(table[1:], start=2), start=1):
            rows.extend(rows_for_line(line, cells, column_map, options))
            if not done % every or done == total:
                cross.check(rows[cross.done :])
                if tick is not None:
                    tick(done, total)
    return Checked(rows, cross.indexes, cross.matches)


class _CrossCheck:
    """Rows are checked in file order; what was looked up in the data is kept for the rows
    after it (an employee's dependants may come many lines later)."""

    def __init__(self, session: Session) -> None:
        self.conn = session.vault.conn
        self.index_key = session.vault.blind_index_key()
        self.scopes = session.user.scopes
        self.codes: dict[str, ImportRow] = {}  # the file's employee rows by code
        self.numbers_seen: dict[bytes, int] = {}
        self.indexes: list[bytes | None] = []  # per row checked so far, in file order
        self.matches: list[Match | None] = []
        self.done = 0  # rows cross-checked so far
        self.employees: dict[str, StoredPerson] = {}  # registered employees by code
        self.looked_up: set[str] = set()
        self.families: dict[int, list[StoredPerson]] = {}  # registered dependants
        self.matched: dict[int, int] = {}  # registered person id -> the line naming them

    def check(self, batch: list[ImportRow]) -> None:
        """The next rows in file order: one query each for the codes, the numbers, the
        families and the payees the batch names."""
        self.done += len(batch)
        conn = self.conn
        indexes = [
            None
            if row.number is None
            else number_cipher.blind_index(self.index_key, row.number.digits())
            for row in batch
        ]
        self.indexes.extend(indexes)
        codes = {r.code for r in batch if r.kind is PersonKind.EMPLOYEE and r.code}
        codes |= {r.employee_code for r in batch if r.kind is PersonKind.DEPENDENT}
        codes -= self.looked_up | {""}
        self.employees.update(import_repo.employees_by_code(conn, codes))
        self.looked_up |= codes
        owners = {
            self.employees[r.employee_code].id
            for r in batch
            if r.kind is PersonKind.DEPENDENT and r.employee_code in self.employees
        } - self.families.keys()
        families = import_repo.dependents_of(conn, owners)
        self.families.update({owner: families.get(owner, []) for owner in owners})
        by_index = import_repo.people_by_index(conn, [i for i in indexes if i is not None])
        payees = import_repo.payees_named(
            conn, [r.name for r in batch if r.kind is PersonKind.PAYEE and r.name]
        )
        for row, index in zip(batch, indexes, strict=True):
            self.matches.append(self._row(row, index, by_index, payees))

    def _row(
        self,
        row: ImportRow,
        index: bytes | None,
        by_index: dict[bytes, StoredPerson],
        payees: dict[str, list[StoredPerson]],
    ) -> Match | None:
        stored, by, department, scope_checked = self._who(row, index, by_index, payees)
        scopes = self.scopes
        if (
            row.kind is not None
            and not scope_checked
            and not person_in_scope(scopes, row.kind.value, department)
        ) or (
            stored is not None
            and not scope_checked
            and not person_in_scope(scopes, stored.kind, stored.department)
        ):
            row.problems.append("この対象者はあなたの担当範囲外です。")
            row.refused.add("group_scope")
        written = row.number is not None and (stored is None or stored.blind_index is None)
        for purpose in row.purposes if written else ():
            if not purpose_in_scope(scopes, purpose):
                row.problems.append(
                    f"利用目的「{CATALOG[purpose].short_name}」はあなたの担当外の事務です。"
                )
                row.refused.add("purpose_scope")
        if index is not None:
            owner = by_index.get(index)
            if index in self.numbers_seen:
                row.problems.append(
                    f"個人番号が{self.numbers_seen[index]}行目と同じです（二重登録のおそれ）。"
                )
            elif owner is not None and (stored is None or owner.id != stored.id):
                row.problems.append("この個人番号は既に別の対象者に登録されています。")
            self.numbers_seen.setdefault(index, row.line)
        if stored is None or by is None:
            return None
        if stored.id in self.matched:
            row.problems.append(f"{self.matched[stored.id]}行目と同じ対象者です（二重の行）。")
        self.matched.setdefault(stored.id, row.line)
        return compare(row, stored, by, index)

    def _who(
        self,
        row: ImportRow,
        index: bytes | None,
        by_index: dict[bytes, StoredPerson],
        payees: dict[str, list[StoredPerson]],
    ) -> tuple[StoredPerson | None, MatchedBy | None, str | None, bool]:
        """The registered person the row names (and how it was found), the department the
        scope is checked against, and whether the scope was already decided (a dependant of
        nobody the member may see)."""
        stored: StoredPerson | None = None
        by: MatchedBy | None = None
        owner_id: int | None = None
        department = row.department or None
        if row.kind is PersonKind.EMPLOYEE and row.code:
            if row.code in self.codes:
                row.problems.append(
                    f"従業員コード「{my_number.echo(row.code)}」が"
                    f"{self.codes[row.code].line}行目と重複しています。"
                )
            else:
                stored = self.employees.get(row.code)
                by = MatchedBy.CODE if stored is not None else None
                if stored is not None and department is None:
                    department = stored.department
            self.codes.setdefault(row.code, row)
        if row.kind is PersonKind.DEPENDENT and row.employee_code:
            registered = self.employees.get(row.employee_code)
            above = self.codes.get(row.employee_code)
            if above is not None:
                department = above.department or (registered.department if registered else None)
                owner_id = registered.id if registered is not None else None
            else:
                hidden = registered is not None and not person_in_scope(
                    self.scopes, PersonKind.DEPENDENT.value, registered.department
                )
                if registered is None or hidden:
                    # One message for "no such employee" and "not yours": which it is would
                    # tell a clerk that a code exists outside their groups.
                    row.problems.append(
                        f"扶養元の従業員コード「{my_number.echo(row.employee_code)}」の従業員が、"
                        "あなたの担当範囲に見つかりません。"
                    )
                    if hidden:
                        row.refused.add("group_scope")
                    return None, None, department, True
                department, owner_id = registered.department, registered.id
        if stored is None and row.kind is not None and row.kind is not PersonKind.EMPLOYEE:
            found = by_index.get(index) if index is not None else None
            if (
                found is not None
                and found.kind == row.kind.value
                and (row.kind is PersonKind.PAYEE or found.employee_id == owner_id)
            ):
                stored, by = found, MatchedBy.NUMBER
            elif found is None:
                candidates = (
                    payees.get(row.name, [])
                    if row.kind is PersonKind.PAYEE
                    else self.families.get(owner_id, [])
                    if owner_id is not None
                    else []
                )
                stored = self._by_name(row, candidates)
                by = MatchedBy.NAME if stored is not None else None
        return stored, by, department, False

    @staticmethod
    def _by_name(row: ImportRow, candidates: list[StoredPerson]) -> StoredPerson | None:
        """The one candidate with the row's name and birth date (フリガナ where the row has no
        birth date); two such people are a problem, not a guess."""
        wanted = row_identity(row)
        found = [
            person
            for person in candidates
            if identity(person.name, person.birth_date if row.birth_date else None, person.kana)
            == wanted
        ]
        if len(found) > 1:
            row.problems.append(
                "同じ氏名・生年月日の対象者が複数登録されていて、どの人か決められません。"
            )
            return None
        return found[0] if found else None
