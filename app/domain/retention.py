"""When a stored My Number may be deleted (削除可能日, DOMAIN.md §3.2–3.3 and §4.1), and why.

The number is kept until the latest of every ongoing need (employment, dependency, continuing
contract) and every retention end of the documents that carry it, for all its purposes together.
The document rules are the data of app.domain.purposes (DocumentRetention.start_rule); the
ends of the needs are the table `NEEDS`; `retention(facts)` is the one pure function.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from app.domain.my_number import echo
from app.domain.purposes import CATALOG, DocumentRetention, PersonKind, StartRule

GUIDELINE = "特定個人情報ガイドライン（事業者編）第4-3-(3)B"
# Keeping a number no 事務 needs is itself forbidden (番号法第20条: 保管の制限).
NO_PURPOSE_BASIS = f"番号法第20条、{GUIDELINE}"

EMPLOYED = frozenset({"active", "on_leave"})  # 休職 keeps the employment, and the need (第4-3-(3)B)
LEFT = "left"

# (first year counted in the era, name), newest first. Per-year forms name the whole calendar
# year after the new era (令和元年分 = 2019, though 令和 began on 2019-05-01), as the NTA does.
_ERAS: tuple[tuple[int, str], ...] = ((2019, "令和"), (1989, "平成"))

# The word for "the need ended" in the labels of documents not yet dated.
_END_WORDS = {
    PersonKind.EMPLOYEE: "退職",
    PersonKind.DEPENDENT: "扶養の終了（または従業員の退職）",
    PersonKind.PAYEE: "契約の終了",
}


@dataclass(frozen=True)
class Employment:
    hire_date: date | None
    leave_date: date | None
    status: str  # "active" | "on_leave" | "left"


@dataclass(frozen=True)
class NumberFacts:
    kind: PersonKind
    purposes: frozenset[str]  # purpose codes the number was collected for
    registered_on: date
    employment: Employment | None  # an employee's own; for a dependent, their employee's
    dependency_end: date | None = (
        None  # dependent: valid_to (end of dependency), None while ongoing
    )
    pension_category3: bool = False  # dependent is a 第3号被保険者
    continuing: bool = False  # payee: continuing contract
    contract_to: date | None = None  # payee: contract end
    retired_on: date | None = None  # the end recorded on the person (退職日/扶養終了日/契約終了日)


@dataclass(frozen=True)
class Reason:
    label: str  # Japanese, e.g. 「令和8年分 給与所得者の扶養控除等（異動）申告書の保存期間（7年）」
    until: date | None  # last day it must still be kept; None = an ongoing need with no end yet
    basis: str  # legal basis or guideline section
    purpose: str | None  # purpose code it comes from, None for a need not tied to one purpose
    # The document's own name (「給与所得者の扶養控除等（異動）申告書」) when the reason is a
    # document's retention; "" for a need (在職, 扶養…), which is no document.
    document: str = ""


@dataclass(frozen=True)
class Retention:
    may_delete_from: date | None  # the day after the latest `until`; None while a need is ongoing
    reasons: tuple[Reason, ...]  # every reason, latest `until` first (ongoing ones first of all)

    @property
    def ongoing(self) -> bool:
        return self.may_delete_from is None

    def due(self, today: date) -> bool:
        return self.may_delete_from is not None and self.may_delete_from <= today

    @property
    def deciding(self) -> Reason:
        return self.reasons[0]


@dataclass(frozen=True)
class Need:
    """The end of the ongoing need a number serves (None: it goes on), with its reason."""

    end: date | None
    reason: Reason


def era_year(year: int) -> str:
    """「令和8年」「令和元年」「平成30年」; a year before 平成 stays 西暦 (no such number exists)."""
    for first, era in _ERAS:
        if year >= first:
            number = year - first + 1
            return f"{era}{'元' if number == 1 else number}年"
    return f"{year}年"


def japanese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def add_years(day: date, years: int) -> date:
    """The anniversary; Feb 29 falls on Feb 28 in a common year (the last day that exists)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 2, 28)


@lru_cache(maxsize=64)  # a few fixed labels: one shared Need each (frozen, so safe to share)
def _goes_on(label: str) -> Need:
    return Need(None, Reason(label, None, GUIDELINE, None))


def _ended(end: date, label: str) -> Need:
    return Need(end, Reason(label, end, GUIDELINE, None))


def employee_need(facts: NumberFacts) -> Need:
    job = facts.employment
    if job is None:
        # No employment row: only a recorded 退職日 ends the need; otherwise keep it.
        if facts.retired_on is not None:
            return _ended(facts.retired_on, f"在職（{japanese_date(facts.retired_on)}に退職）")
        return _goes_on("雇用の記録がない（在職として扱う）")
    # A rehired employee is "active" again whatever the old 退職日 says: status decides.
    if job.status == "active":
        return _goes_on("在職中（雇用が続いている）")
    if job.status == "on_leave":
        return _goes_on("休職中（雇用が続いている）")
    if job.status == LEFT:
        end = job.leave_date or facts.retired_on
        if end is None:
            return _goes_on("退職日が記録されていない（退職日を入れると削除可能日を計算できる）")
        return _ended(end, f"在職（{japanese_date(end)}に退職）")
    # An unknown status must not let a number go early.
    return _goes_on("雇用の状態が不明（在職として扱う）")


def dependent_need(facts: NumberFacts) -> Need:
    """The dependency ends at its own end or when the employee leaves, whichever is first: the
    employee's forms stop carrying the dependent from then (the employee's 退職 year is the
    last 扶養控除等申告書 they appear on)."""
    ends = [day for day in (facts.dependency_end, facts.retired_on) if day is not None]
    dependency_end = min(ends) if ends else None
    job = facts.employment
    employee_left = job is not None and job.status == LEFT
    employee_end = job.leave_date if job is not None and employee_left else None
    if employee_end is not None and (dependency_end is None or employee_end < dependency_end):
        return _ended(employee_end, f"従業員の在職（{japanese_date(employee_end)}に退職）")
    if dependency_end is not None:
        return _ended(dependency_end, f"扶養（{japanese_date(dependency_end)}に終了）")
    if job is None:
        return _goes_on("扶養が続いている（従業員の雇用の記録がない）")
    if employee_left:
        return _goes_on("扶養が続いている（従業員の退職日が記録されていない）")
    if job.status in EMPLOYED:
        return _goes_on("扶養が続いている（従業員も在職中）")
    return _goes_on("扶養が続いている（従業員の雇用の状態が不明）")


def payee_need(facts: NumberFacts) -> Need:
    end = facts.contract_to or facts.retired_on
    if end is not None:
        return _ended(end, f"契約（{japanese_date(end)}に終了）")
    if facts.continuing:
        return _goes_on("継続契約中（支払が続く）")
    # A one-off payment: taken to fall in the year of registration; its 支払調書 ends the need.
    return _ended(
        facts.registered_on,
        f"単発の支払（継続契約なし、{japanese_date(facts.registered_on)}に登録）",
    )


NEEDS: dict[PersonKind, Callable[[NumberFacts], Need]] = {
    PersonKind.EMPLOYEE: employee_need,
    PersonKind.DEPENDENT: dependent_need,
    PersonKind.PAYEE: payee_need,
}


def _document_end(rule: DocumentRetention, end: date) -> date:
    assert rule.start_rule is not None
    if rule.start_rule is StartRule.TAX_YEAR:
        # The form for year Y is due in Y; kept `years` from Y+1-01-11, i.e. to Y+1+years-01-10.
        return date(end.year + 1 + (rule.years or 0), 1, 10)
    if rule.start_rule is StartRule.COMPLETION:
        return add_years(end, rule.years or 0)
    # FILING: the return for the year of `end` is due on Jan 31 of the next year (所得税法第225条).
    return date(end.year + 1, 1, 31)


def _document_label(rule: DocumentRetention, end: date | None, kind: PersonKind) -> str:
    name = rule.document
    if rule.start_rule is StartRule.FILING:
        filed = name.removesuffix("（控え）")
        if end is None:
            return f"{filed}の提出（{_END_WORDS[kind]}の年の分まで毎年）"
        return f"{era_year(end.year)}分 {filed}の提出期限（控えの保存期間の定めはない）"
    kept = f"{name}の保存期間（{rule.years}年"
    if end is None:
        counted = "の年の分から" if rule.start_rule is StartRule.TAX_YEAR else "の日から"
        return f"{kept}）：{_END_WORDS[kind]}{counted}数える"
    if rule.start_rule is StartRule.COMPLETION:
        return f"{kept}、完結の日 {japanese_date(end)}から）"
    if rule.at_leaving:
        # Given once, at leaving, not per year: named by the year it was given.
        return f"{era_year(end.year)}に提出を受けた{kept}、退職手当を支払った場合）"
    return f"{era_year(end.year)}分 {kept}）"


def _purpose_reasons(code: str, kind: PersonKind, need: Need) -> list[Reason]:
    entry = CATALOG.get(code)
    if entry is None:
        # No rule for it (労災 included, which must never be stored): keep rather than guess.
        return [
            Reason(
                f"規則のない事務「{echo(code)}」（削除可能日を決められないため保管を続ける）",
                None,
                GUIDELINE,
                code,
            )
        ]
    reasons = []
    for rule in entry.documents:
        if rule.start_rule is None:
            continue
        # Only an employee who has left gives a 退職所得の受給に関する申告書.
        if rule.at_leaving and (kind is not PersonKind.EMPLOYEE or need.end is None):
            continue
        until = None if need.end is None else _document_end(rule, need.end)
        label = _document_label(rule, need.end, kind)
        reasons.append(Reason(label, until, rule.basis, code, rule.document))
    return reasons


def _latest_first(reason: Reason) -> tuple[int, int]:
    return (0, 0) if reason.until is None else (1, -reason.until.toordinal())


def retention(facts: NumberFacts) -> Retention:
    """削除可能日: the day after the latest end of every need and document, None while any need
    is ongoing; the reasons in the order that explains it (the deciding one first)."""
    if not facts.purposes:
        # Nothing may keep a number collected for no purpose, so it may go at once.
        day_before = max(facts.registered_on, date.min + timedelta(days=1)) - timedelta(days=1)
        reason = Reason(
            "利用目的が記録されていない（この番号を保管する事務がない）",
            day_before,
            NO_PURPOSE_BASIS,
            None,
        )
        return Retention(facts.registered_on, (reason,))
    return _from_need(facts.kind, facts.purposes, NEEDS[facts.kind](facts))


# Past the need, the answer depends only on the kind, the purposes and the need, which most
# numbers of an office share (every employee still employed, for the same 事務): the due list
# of 200,000 numbers computes a few hundred answers, not 200,000. Retention is frozen and holds
# only frozen values, so one answer may be handed to every number it fits.
@lru_cache(maxsize=4096, typed=True)
def _from_need(kind: PersonKind, purposes: frozenset[str], need: Need) -> Retention:
    # Catalog order, then unknown codes: ties keep a stable, readable order.
    codes = [code for code in CATALOG if code in purposes]
    codes += sorted(purposes - set(CATALOG))
    reasons = [need.reason]
    for code in codes:
        reasons.extend(_purpose_reasons(code, kind, need))
    ordered = tuple(sorted(reasons, key=_latest_first))
    latest = ordered[0].until
    return Retention(None if latest is None else latest + timedelta(days=1), ordered)
