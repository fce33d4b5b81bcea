"""A re-import: a row that names someone already registered is compared with them field by
field; what changed becomes a correction with the import as its reason, a number is added to
a person who has none, and nothing is ever deleted or overwritten: an empty cell leaves the
stored value, and a different number is only listed, for a correction by hand."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from app.domain import kana, person_fields
from app.domain.import_layout import ImportRow
from app.domain.my_number import looks_like_number
from app.domain.person_fields import FieldChange, Value
from app.domain.purposes import PersonKind
from app.services import corrections, numbers
from app.session import Session
from storage import people_repo
from storage.import_repo import StoredPerson
from storage.vault import Writer

# 続柄 of a spouse: the year-end layout says 配偶者 where the record may say 妻 or 夫.
_SPOUSE = frozenset({"配偶者", "妻", "夫"})

NUMBER_DIFFERS = (
    "個人番号が登録済みの番号と違います。取込みでは変更しません"
    "（番号の訂正は、対象者の画面の「個人番号の訂正」から行ってください）。"
)


class MatchedBy(enum.Enum):
    CODE = "code"  # the employee code
    NUMBER = "number"  # the number's blind index
    NAME = "name"  # name and birth date (フリガナ where no birth date): the clerk confirms


class NumberAction(enum.Enum):
    NONE = "none"  # no number in the file
    SAME = "same"  # the number on file
    ADD = "add"  # the person has none: it is registered
    DIFFERS = "differs"  # another number than the one on file: listed, never written


@dataclass(frozen=True)
class Match:
    person: StoredPerson
    by: MatchedBy
    values: Mapping[str, Value]  # the changed fields' new values, as a correction takes them
    changes: tuple[FieldChange, ...]
    number: NumberAction

    @property
    def changed(self) -> bool:
        return bool(self.changes) or self.number is NumberAction.ADD


def identity(name: str, birth_date: str | None, kana_text: str) -> tuple[str, str]:
    """What a row without a code is matched by: the name without spaces, and the birth
    date, or the フリガナ's search key where no birth date is known."""
    return "".join(name.split()), birth_date or "kana:" + kana.search_key(kana_text)


def row_identity(row: ImportRow) -> tuple[str, str]:
    born = row.birth_date.isoformat() if row.birth_date else None
    return identity(row.name, born, row.kana)


def compare(row: ImportRow, stored: StoredPerson, by: MatchedBy, index: bytes | None) -> Match:
    """The fields the file changes (an empty cell changes nothing), and what happens to the
    number. A period the change would break is a problem of the row."""
    kind = PersonKind(stored.kind)
    before: dict[str, Value] = {
        "name": stored.name,
        "kana": stored.kana,
        "birth_date": stored.birth_date,
        "department": stored.department,
        "hire_date": stored.hire_date,
        "leave_date": stored.leave_date,
        "status": stored.status,
        "relation": stored.relation,
        "valid_to": stored.valid_to,
        "contract_to": stored.contract_to,
    }
    after: dict[str, Value] = {}
    if row.name:
        after["name"] = row.name
    if row.kana:
        after["kana"] = kana.to_katakana(row.kana)
    if row.birth_date:
        after["birth_date"] = row.birth_date
    if kind is PersonKind.EMPLOYEE:
        if row.department:
            after["department"] = row.department
        if row.hire_date:
            after["hire_date"] = row.hire_date
        if row.ended_on:
            after["leave_date"] = row.ended_on
            after["status"] = "left"
    elif kind is PersonKind.DEPENDENT:
        same_spouse = row.relation in _SPOUSE and stored.relation in _SPOUSE
        if row.relation and not same_spouse:
            after["relation"] = row.relation
        if row.ended_on:
            after["valid_to"] = row.ended_on
    elif row.ended_on:
        after["contract_to"] = row.ended_on
    changed = person_fields.changes(kind, before, after)
    values = {c.field: after[c.field] for c in changed}
    if values:
        try:
            person_fields.check_period({**before, **values}, kind)
        except ValueError as problem:
            row.problems.append(str(problem))
    return Match(stored, by, values, tuple(_kept(c) for c in changed), _number(row, stored, index))


def _number(row: ImportRow, stored: StoredPerson, index: bytes | None) -> NumberAction:
    if row.number is None or index is None:
        return NumberAction.NONE
    if stored.blind_index is None:
        if stored.number_deleted:
            row.problems.append(
                "この対象者の個人番号は以前に削除されています。取込みでは登録し直せません"
                "（対象者の画面から、理由を添えて登録してください）。"
            )
        return NumberAction.ADD
    return NumberAction.SAME if stored.blind_index == index else NumberAction.DIFFERS


def _kept(change: FieldChange) -> FieldChange:
    """As a correction record keeps a value: never one that could be a number."""

    def shown(value: str) -> str:
        return "（番号のような数字列）" if looks_like_number(value) else value

    return FieldChange(change.field, shown(change.before), shown(change.after))


def who(row: ImportRow, stored: StoredPerson | None = None) -> str:
    """The person a change or a notice is about, as the clerk knows them."""
    name = stored.name if stored is not None else row.name
    if row.kind is PersonKind.EMPLOYEE and row.code:
        return f"{row.code} {name}"
    if row.group:
        return f"{name}（{row.employee_code}の{row.group}）"
    return name


def apply(
    writer: Writer,
    session: Session,
    rows: list[ImportRow],
    matches: list[Match | None],
    reason: str,
) -> dict[str, int]:
    """Inside the import's transaction: each changed person's correction (its record and
    event), then the numbers of people who had none. Returns the counts."""
    counts = {"changed": 0, "numbers": 0}
    for row, match in zip(rows, matches, strict=True):
        if match is None or not match.changed:
            continue
        counts["changed"] += 1
        if match.values:
            details = people_repo.details(writer.conn, match.person.id)
            assert details is not None
            corrections.correct_within(writer, session, details, dict(match.values), reason)
        if match.number is NumberAction.ADD:
            assert row.number is not None
            numbers.store_number(
                writer, session, match.person.id, row.number, row.purposes, source="import"
            )
            counts["numbers"] += 1
    return counts
