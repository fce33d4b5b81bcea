"""Reading the cells of a payroll (year-end) export: one cell (an amount, a count, a flag), and
one column at a time, as app.domain.payroll_csv checks a whole file (pure rules).

A problem is a sentence without the cell's value (amounts are never quoted: one could be a
number); the column readers add it, after the column's label, to the problems of its row."""

from __future__ import annotations

import re
import unicodedata
from operator import itemgetter

from app.domain import my_number

MAX_DIGITS = 10  # the widest amount box of the form (FORMS.md §6: ≤10 digits)
MAX_COUNT = 99  # counts are two digits
_TRUE = {"○", "〇", "◯", "1", "はい", "有", "あり", "該当", "役員", "乙", "乙欄", "*", "※"}
_FALSE = {"", "×", "0", "いいえ", "無", "なし", "非該当", "-", "甲", "甲欄"}
_EXPONENT = re.compile(r"^[0-9]+(?:\.[0-9]+)?[eE][+-]?[0-9]+$")
_AMOUNT = re.compile(r"^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.0+)?$")
_NEGATIVE = ("-", "−", "△", "▲", "(")


class CellProblem(ValueError):
    """What is wrong with one cell, without its value."""


def clean(value: str) -> str:
    """NFKC and stripped; ASCII (most cells of an export) is already in NFKC form."""
    if not value:
        return ""
    return value.strip() if value.isascii() else unicodedata.normalize("NFKC", value).strip()


def parse_amount(text: str) -> int | None:
    """Whole yen: 1234, 1,234, full-width digits, a leading ¥ or a trailing 円; "" is None.
    Raises CellProblem for a negative amount, a fraction, Excel's exponent form, or more than
    ten digits."""
    return read_amount(clean(text))


def read_amount(value: str) -> int | None:
    """parse_amount of text already cleaned (check_row cleans every cell once)."""
    if value.isascii():
        # The common cases, without a pattern: 1234 and 1,234,567.
        if value.isdigit():
            if len(value) <= MAX_DIGITS:
                return int(value)
        elif "," in value:
            plain = value.replace(",", "")
            if plain.isdigit() and len(plain) <= MAX_DIGITS:
                amount = int(plain)
                if value == f"{amount:,}":
                    return amount
    value = value.removeprefix("¥").removeprefix("\\").removesuffix("円").strip()
    if not value:
        return None
    if _EXPONENT.match(value.replace(",", "")):
        raise CellProblem(
            "「1.2E+06」のような指数の形になっていて、正しい金額が分かりません。"
            "Excelで列の表示形式を「数値」（桁区切りなし）にして出力し直してください。"
        )
    if value.startswith(_NEGATIVE):
        raise CellProblem("マイナスの金額は入れられません（0以上の整数にしてください）。")
    if not _AMOUNT.match(value):
        if re.fullmatch(r"[0-9,]+\.[0-9]+", value):
            raise CellProblem("円未満の端数があります（円単位の整数にしてください）。")
        raise CellProblem("金額として読めません（0以上の整数、円単位で入れてください）。")
    digits = value.split(".")[0].replace(",", "")
    if len(digits.lstrip("0")) > MAX_DIGITS:
        raise CellProblem(f"桁が多すぎます（{MAX_DIGITS}桁までの金額にしてください）。")
    return int(digits)


def parse_count(text: str) -> int | None:
    value = clean(text).removesuffix("人").strip()
    if not value:
        return None
    if not value.isascii() or not value.isdigit() or int(value) > MAX_COUNT:
        raise CellProblem("人数は0から99までの整数で入れてください。")
    return int(value)


def parse_flag(text: str) -> bool:
    value = clean(text).lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise CellProblem("「○」「1」か空欄で入れてください。")


# Joins a column's cells into one text, so one search answers for all of them: no pattern
# below matches it, and each cell's neighbours in the text are this character or the ends.
_JOIN = "\x00"
_FORMULA_STARTS = tuple(_JOIN + start for start in ("=", "+", "@"))
# A column of plain amounts, each cell empty, 1 to 10 digits, or 10 digits at most grouped
# by threes (what read_amount reads as the same number, without its other forms).
_PLAIN_AMOUNTS = re.compile(
    r"(?:(?:[0-9]{1,10}|[0-9]{1,3}(?:,[0-9]{3}){1,2}|[0-9](?:,[0-9]{3}){3})?\x00)*"
)


def column(
    lines: list[list[str]], index: int, width: int, label: str, problems: list[list[str]]
) -> list[str]:
    """Column `index` of every line (`width`: the fewest cells of a line) cleaned (NFKC,
    stripped), a cell holding a formula or a number-like run replaced by "" with its problem
    added to its row's `problems`."""
    if index < width:
        cells = list(map(itemgetter(index), lines))
    else:  # a line cut short (trailing empty cells are dropped) has "" there
        cells = [line[index] if index < len(line) else "" for line in lines]
    if _JOIN.join(cells).isascii():  # ASCII is already in NFKC form
        cells = [cell.strip() for cell in cells]
    else:
        cells = [clean(cell) for cell in cells]
    text = _JOIN + _JOIN.join(cells)
    if max(map(len, cells), default=0) < my_number.LENGTH and not any(
        start in text for start in _FORMULA_STARTS
    ):
        return cells  # no cell starts with a formula sign or is long enough to hold a number
    for found, (at, cell) in zip(problems, enumerate(cells), strict=True):
        if cell.startswith(("=", "+", "@")):
            found.append(f"{label}：数式のような値があります（先頭が「=」「+」「@」）。")
            cells[at] = ""
        elif len(cell) >= my_number.LENGTH and my_number.looks_like_number(cell):
            # Never quoted: the digits may be someone's number.
            found.append(
                f"{label}：個人番号のような数字列があります（列の対応を確認してください）。"
            )
            cells[at] = ""
    return cells


def amounts(column: list[str], label: str, problems: list[list[str]]) -> list[int | None]:
    """A cleaned column of amounts read (None for an empty or refused cell, whose problem is
    added to its row's `problems`): plain amounts at once, any other column cell by cell."""
    text = _JOIN.join(column) + _JOIN
    if text.count(_JOIN) == len(column) and _PLAIN_AMOUNTS.fullmatch(text):
        if all(column):  # no empty cell: the digits of the whole column, split
            return list(map(int, text[:-1].replace(",", "").split(_JOIN)))
        return [int(cell.replace(",", "")) if cell else None for cell in column]
    values: list[int | None] = []
    for found, cell in zip(problems, column, strict=True):
        try:
            values.append(read_amount(cell))
        except CellProblem as problem:
            found.append(f"{label}：{problem}")
            values.append(None)
    return values
