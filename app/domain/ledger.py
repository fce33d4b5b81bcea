"""特定個人情報管理台帳 (規程第16条, DOMAIN.md §7.1) as data: the files the office keeps, who may
reach them and where. Built from counts, roles and scopes only: the ledger holds no 特定個人情報."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from app.domain.access import Role, may_see_numbers
from app.domain.purposes import CATALOG, PersonKind
from app.domain.scopes import summary

# One row per 特定個人情報ファイル: what it is and where it lives.
NUMBER_FILE_NAMES = {
    PersonKind.EMPLOYEE: "個人番号ファイル（従業員）",
    PersonKind.DEPENDENT: "個人番号ファイル（扶養親族）",
    PersonKind.PAYEE: "個人番号ファイル（支払先）",
}
ELECTRONIC_DB = "電子（暗号化したデータベース）"
SCAN_FILE_NAME = "本人確認書類の写し"
SCAN_PURPOSE = "番号法第16条の本人確認の記録"
BACKUP_FILE_NAME = "暗号化バックアップ"
BACKUP_KIND = "電子（暗号化したバックアップファイル）"
BACKUP_PURPOSE = "障害・災害時のデータの復旧（規程第37条）"
NOT_COUNTED = None


@dataclass(frozen=True)
class FileCounts:
    """held: on file now; due: of those, past their retention and to be deleted; deleted: gone,
    with a deletion record. None where the figure does not apply to the file."""

    held: int
    due: int | None
    deleted: int | None


@dataclass(frozen=True)
class LedgerFile:
    name: str
    kind: str
    purposes: tuple[str, ...]
    counts: FileCounts


@dataclass(frozen=True)
class AccessHolder:
    """A member who may reach the files, by role; `scope` is the 事務 and people assigned
    (規程第7条2), or why the member sees no number."""

    name: str
    roles: str
    numbers: bool  # may the member see numbers at all
    scope: str


@dataclass(frozen=True)
class Ledger:
    office_name: str
    as_of: date
    responsible: str  # 特定個人情報管理責任者 (names)
    department: str  # 取扱部署
    files: tuple[LedgerFile, ...]
    access: tuple[AccessHolder, ...]
    management_area: str
    handling_area: str


def purposes_for(kind: PersonKind) -> tuple[str, ...]:
    """The short names of the 事務 a number of this kind of person may be used for."""
    return tuple(p.short_name for p in CATALOG.values() if kind in p.person_kinds)


def number_files(
    held: dict[str, int], due: dict[str, int], deleted: dict[str, int]
) -> list[LedgerFile]:
    """One file per kind of person. held and due are keyed by the kind's value; deleted by
    the kind as the deletion record names it (its label, as printed on the record)."""
    return [
        LedgerFile(
            NUMBER_FILE_NAMES[kind],
            ELECTRONIC_DB,
            purposes_for(kind),
            FileCounts(
                held.get(kind.value, 0),
                due.get(kind.value, 0),
                deleted.get(kind.label, 0) + deleted.get(kind.value, 0),
            ),
        )
        for kind in PersonKind
    ]


def access_holder(
    name: str, roles: frozenset[Role], scopes: frozenset[tuple[str, str]]
) -> AccessHolder | None:
    """The ledger's line for one active member; None for a member with no role that reaches
    the files (there is none today, but a role set may be empty)."""
    if not roles:
        return None
    labels = "、".join(role.label for role in Role if role in roles)
    if may_see_numbers(roles):
        return AccessHolder(name, labels, True, summary(scopes))
    return AccessHolder(name, labels, False, "個人番号は閲覧不可（アクセス記録・台帳の閲覧のみ）")


def access_list(
    members: Iterable[tuple[str, frozenset[Role], frozenset[tuple[str, str]]]],
) -> tuple[AccessHolder, ...]:
    """Those who may see numbers first, then the others; by name within each."""
    holders = [h for h in (access_holder(*m) for m in members) if h is not None]
    return tuple(sorted(holders, key=lambda h: (not h.numbers, h.name)))
