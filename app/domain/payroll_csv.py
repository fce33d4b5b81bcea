"""The checks on the rows of a payroll (year-end) export, as the 給与所得の源泉徴収票 needs them
(pure rules; the checks against the register are app.services.payroll_import's). A file is
checked a column at a time (app.domain.payroll_cells reads the cells), each check over every
row before the next, so every row gets the problems, in the order, that it gets checked alone.

Every problem names its column and is a sentence a clerk can act on; none repeats a value that
could hold a number (amounts are never quoted at all, codes through my_number.echo)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from operator import gt
from typing import TypeVar

from app.domain import payroll_cells, person_fields, year_end
from app.domain.import_layout import parse_date
from app.domain.payroll_cells import (
    MAX_COUNT,
    MAX_DIGITS,
    CellProblem,
    parse_amount,
    parse_count,
    parse_flag,
)
from app.domain.payroll_fields import (
    CODE,
    COUNTS,
    DEPENDANTS,
    ELDERLY,
    FACT_FIELDS,
    FIELDS,
    NAME,
    OTHER,
    OTSU,
    SPECIFIC,
    UNDER_16,
    PayrollMap,
)
from app.domain.withholding_slip import AMOUNT_FIELDS

__all__ = [
    "MAX_COUNT",
    "MAX_DIGITS",
    "CellProblem",
    "PayrollRow",
    "check_row",
    "check_rows",
    "count_problems",
    "parse_amount",
    "parse_count",
    "parse_flag",
]

# The parts of 所得控除の額の合計額 the form shows; the total also holds deductions it does not
# show (扶養控除, 障害者控除, 寡婦・ひとり親・勤労学生控除), so it may exceed their sum, never fall short.
DEDUCTION_PARTS = (
    "social_insurance",
    "life_insurance",
    "earthquake_insurance",
    "spouse_deduction",
    "specified_relative_deduction",
    "basic_deduction",
)
_REASON_WORDS = {
    **{label: code for code, label in year_end.NO_ADJUSTMENT_REASONS.items()},
    **{code: code for code in year_end.NO_ADJUSTMENT_REASONS},
    "中途退職": "left",
    "退職": "left",
    "災害": "disaster",
    "2,000万円超": "over_20m",
    "2000万円超": "over_20m",
    "乙欄": "otsu",
    "丙欄": "otsu",
}

T = TypeVar("T")


@dataclass(slots=True)
class PayrollRow:
    """One checked row: `problems` empty means it can be imported. An amount or fact of None
    (or "") is a mapped cell left empty: it clears what is stored; an unmapped field keeps it."""

    line: int
    code: str = ""
    name: str = ""
    amounts: dict[str, int | None] = field(default_factory=dict)
    facts: dict[str, str] = field(default_factory=dict)
    dependants: int | None = None  # 控除対象扶養親族の数, when the file gives it
    under_16: int | None = None
    problems: list[str] = field(default_factory=list)


def check_row(line: int, cells: list[str], mapping: PayrollMap, year: int) -> PayrollRow:
    """Check one line of the file against the mapping (field -> column) for the year."""
    return _check_lines([cells], _Plan.of(mapping), year, line)[0]


def check_rows(lines: list[list[str]], mapping: PayrollMap, year: int) -> list[PayrollRow]:
    """Every line below the heading (numbered from 2, as a spreadsheet shows them)."""
    return _check_lines(lines, _Plan.of(mapping), year, 2)


@dataclass(frozen=True)
class _Plan:
    """What a mapping asks of every row, worked out once for the file."""

    columns: tuple[tuple[str, int], ...]
    amounts: tuple[str, ...]
    counts: tuple[str, ...]
    facts: tuple[str, ...]

    @classmethod
    def of(cls, mapping: PayrollMap) -> _Plan:
        return cls(
            tuple(mapping.items()),
            tuple(name for name in AMOUNT_FIELDS if name in mapping),
            tuple(name for name in COUNTS if name in mapping),
            tuple(name for name in FACT_FIELDS if name in mapping),
        )


def _check_lines(lines: list[list[str]], plan: _Plan, year: int, first: int) -> list[PayrollRow]:
    """The checks a column at a time, each check over every row before the next, so a row's
    problems come in the order a row-by-row reading gives them: the cells (in the mapping's
    order), the code, the amounts, the empty payment, the counts, the facts, the totals."""
    rows = [PayrollRow(line) for line in range(first, first + len(lines))]
    width = min(map(len, lines), default=0)  # every line has these columns
    problems = [row.problems for row in rows]
    raw = {
        name: payroll_cells.column(lines, index, width, FIELDS[name], problems)
        for name, index in plan.columns
    }
    _identities(rows, raw)
    values = {
        name: payroll_cells.amounts(raw[name], FIELDS[name], problems) for name in plan.amounts
    }
    if values:
        names = tuple(values)
        for row, given in zip(rows, zip(*values.values(), strict=True), strict=True):
            row.amounts = dict(zip(names, given, strict=True))
    if "payment" in raw:
        payment = FIELDS["payment"]
        for row, cell in zip(rows, raw["payment"], strict=True):
            if not cell and not any(problem.startswith(payment) for problem in row.problems):
                row.problems.append(f"{payment}：空欄です（支払がなければ0を入れてください）。")
    if plan.counts:
        columns = [raw[name] for name in plan.counts]
        for index, row in enumerate(rows):
            _counts(
                row,
                {name: column[index] for name, column in zip(plan.counts, columns, strict=True)},
            )
    if plan.facts:
        _all_facts(rows, plan.facts, [raw[name] for name in plan.facts], year)
    _totals(rows, values)
    return rows


def _identities(rows: list[PayrollRow], raw: dict[str, list[str]]) -> None:
    codes = raw.get(CODE) or [""] * len(rows)
    names = raw.get(NAME) or [""] * len(rows)
    for row, code, name in zip(rows, codes, names, strict=True):
        _identity(row, code, name)


# A code as most payroll software writes it: short, letters and digits (the full rule,
# person_fields.check_code, for anything else).
_PLAIN_CODE_LENGTH = 11


def _counts(row: PayrollRow, raw: dict[str, str]) -> None:
    counts = {
        n: _cell(row, n, parse_count, raw[n]) if n in raw else None
        for n in (DEPENDANTS, SPECIFIC, ELDERLY, OTHER)
    }
    given = [value for value in counts.values() if value is not None]
    row.dependants = (
        counts[DEPENDANTS] if counts[DEPENDANTS] is not None else (sum(given) if given else None)
    )
    parts = [counts[n] for n in (SPECIFIC, ELDERLY, OTHER) if counts[n] is not None]
    if counts[DEPENDANTS] is not None and parts and sum(parts) != counts[DEPENDANTS]:
        row.problems.append(
            f"{FIELDS[DEPENDANTS]}：特定・老人・その他の人数の合計と合っていません。"
        )
    if UNDER_16 in raw:
        row.under_16 = _cell(row, UNDER_16, parse_count, raw[UNDER_16])


def _cell(row: PayrollRow, name: str, parse: Callable[[str], T], text: str) -> T | None:
    try:
        return parse(text)
    except CellProblem as problem:
        row.problems.append(f"{FIELDS[name]}：{problem}")
        return None


def _identity(row: PayrollRow, code: str, name: str) -> None:
    if not code:
        row.problems.append(f"{FIELDS[CODE]}：空欄です（どの従業員の行か分かりません）。")
    elif len(code) <= _PLAIN_CODE_LENGTH and code.isascii() and code.isalnum():
        row.code = code  # too short to hold a number, and what _CODE allows
    else:
        try:
            row.code = person_fields.check_code(code)
        except ValueError as problem:
            row.problems.append(f"{FIELDS[CODE]}：{problem}")
    row.name = name[:40]


def _all_facts(
    rows: list[PayrollRow], names: tuple[str, ...], columns: list[list[str]], year: int
) -> None:
    """_facts for every row; a row whose fact cells are all empty has the facts of any such
    row (and no problem): worked out once."""
    blank = PayrollRow(0)
    _facts(blank, dict.fromkeys(names, ""), year)
    for row, cells in zip(rows, zip(*columns, strict=True), strict=True):
        if any(cells):
            _facts(row, dict(zip(names, cells, strict=True)), year)
        else:
            row.facts = dict(blank.facts)


def _facts(row: PayrollRow, raw: dict[str, str], year: int) -> None:
    """役員, 乙欄, 退職日 and 年末調整をしなかった理由, for the fields the file has."""
    if year_end.OFFICER in raw:
        officer = _cell(row, year_end.OFFICER, parse_flag, raw[year_end.OFFICER])
        row.facts[year_end.OFFICER] = "1" if officer else ""
    otsu = bool(_cell(row, OTSU, parse_flag, raw[OTSU])) if OTSU in raw else False
    left: date | None = None
    if year_end.LEFT_ON in raw:
        text = payroll_cells.clean(raw[year_end.LEFT_ON])
        if text:
            try:
                left = parse_date(text)
            except ValueError:
                row.problems.append(
                    f"{FIELDS[year_end.LEFT_ON]}：日付として読めません"
                    "（例：2026-06-30、令和8年6月30日、R8.6.30）。"
                )
            if left is not None and left.year != year:
                row.problems.append(
                    f"{FIELDS[year_end.LEFT_ON]}：{year}年中の日付ではありません"
                    "（年の中途で退職した人だけ入れてください）。"
                )
                left = None
        row.facts[year_end.LEFT_ON] = left.isoformat() if left else ""
    reason = ""
    if year_end.NO_ADJUSTMENT in raw:
        text = payroll_cells.clean(raw[year_end.NO_ADJUSTMENT])
        reason = _REASON_WORDS.get(text, "") if text else ""
        if text and not reason:
            row.problems.append(
                f"{FIELDS[year_end.NO_ADJUSTMENT]}："
                + "「"
                + "」「".join(year_end.NO_ADJUSTMENT_REASONS.values())
                + "」のいずれかか空欄にしてください。"
            )
    if not reason and otsu:
        reason = "otsu"
    if not reason and left is not None and row.amounts.get("income_after_deduction") is None:
        reason = "left"  # left during the year and not adjusted: 給与所得控除後の金額 is blank
    if year_end.NO_ADJUSTMENT in raw or OTSU in raw or year_end.LEFT_ON in raw:
        row.facts[year_end.NO_ADJUSTMENT] = reason


def _totals(rows: list[PayrollRow], values: dict[str, list[int | None]]) -> None:
    """What the amounts must satisfy together (FORMS.md §2.4), row by row over the columns of
    amounts (None where empty, refused or not in the file)."""
    unmapped: list[int | None] = [None] * len(rows)
    columns = [
        values.get(name, unmapped)
        for name in ("payment", "income_after_deduction", "tax", "deductions_total")
    ]
    parts = [values[name] for name in DEDUCTION_PARTS if name in values]
    if _all_hold(columns, parts, unmapped):
        return
    for row, payment, after, tax, total, *given_parts in zip(rows, *columns, *parts, strict=True):
        if payment is not None and after is not None and after > payment:
            row.problems.append("給与所得控除後の金額：支払金額を超えています。")
        if payment is not None and tax is not None and tax > payment:
            row.problems.append("源泉徴収税額：支払金額を超えています。")
        given = [value for value in given_parts if value is not None]
        if total is not None and given and sum(given) > total:
            row.problems.append(
                "所得控除の額の合計額：内訳（社会保険料等・生命保険料・地震保険料・配偶者（特別）"
                "控除・特定親族特別控除・基礎控除）の合計より少なくなっています。"
            )


def _all_hold(
    columns: list[list[int | None]], parts: list[list[int | None]], unmapped: list[int | None]
) -> bool:
    """Whether every row of columns without a gap satisfies _totals (answered for the whole
    columns at once); False when a column has a gap or any row fails, for the row-by-row look."""
    if any(None in column for column in (*columns, *parts) if column is not unmapped):
        return False
    payments, afters, taxes, totals = columns
    if payments is not unmapped:
        if afters is not unmapped and any(map(gt, afters, payments)):
            return False
        if taxes is not unmapped and any(map(gt, taxes, payments)):
            return False
    return (
        totals is unmapped
        or not parts
        or not any(map(gt, map(sum, zip(*parts, strict=True)), totals))
    )


def count_problems(row: PayrollRow, older: int, younger: int) -> list[str]:
    """Counts the file gives that differ from the dependants registered for the employee (of
    16 or over, and under 16 on 31 December). Not an error: a registered dependant may not be
    a 控除対象 this year (income over the limit), so the clerk accepts the difference after
    looking; but the slip names the registered ones, so it is never passed over unseen."""
    found = []
    if row.dependants is not None and row.dependants != older:
        found.append(
            f"{FIELDS[DEPENDANTS]}：ファイルでは{row.dependants}人、登録されている16歳以上の"
            f"扶養親族は{older}人です。"
        )
    if row.under_16 is not None and row.under_16 != younger:
        found.append(
            f"{FIELDS[UNDER_16]}：ファイルでは{row.under_16}人、登録されている16歳未満の"
            f"扶養親族は{younger}人です。"
        )
    return found
