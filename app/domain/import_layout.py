"""The import layout: the columns of a people file and the checks on each row (pure rules).

Every problem is a Japanese sentence a clerk can act on; none repeats a number from the file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from app.domain import my_number, person_fields
from app.domain.my_number import MyNumber, looks_like_number
from app.domain.purposes import CATALOG, PersonKind

# field key -> the header the template writes (and the default mapping expects)
FIELDS: dict[str, str] = {
    "kind": "区分",
    "code": "従業員コード",
    "name": "氏名",
    "kana": "フリガナ",
    "birth_date": "生年月日",
    "department": "部署",
    "hire_date": "入社日",
    "leave_date": "退職日",
    "relation": "続柄",
    "employee_code": "扶養元の従業員コード",
    "pension3": "国民年金第3号",
    "valid_to": "扶養終了日",
    "payment_kind": "支払の種類",
    "continuing": "継続契約",
    "contract_to": "契約終了日",
    "number": "個人番号",
    "purposes": "利用目的",
}
REQUIRED = ("kind", "name", "kana")
KIND_WORDS = {
    "従業員": PersonKind.EMPLOYEE,
    "社員": PersonKind.EMPLOYEE,
    "employee": PersonKind.EMPLOYEE,
    "扶養親族": PersonKind.DEPENDENT,
    "扶養": PersonKind.DEPENDENT,
    "dependent": PersonKind.DEPENDENT,
    "支払先": PersonKind.PAYEE,
    "payee": PersonKind.PAYEE,
}
PAYMENT_WORDS = {
    "報酬・料金": "fees",
    "報酬": "fees",
    "料金": "fees",
    "不動産の使用料等": "rent",
    "家賃": "rent",
    "不動産等の譲受けの対価": "property",
    "配当": "dividends",
}
_TRUE = {"○", "〇", "1", "はい", "有", "あり", "true", "yes", "y"}
_FALSE = {"", "×", "0", "いいえ", "無", "なし", "false", "no", "n", "-"}
# Each era's first and last day (大正 from 1912-07-30): a date outside its era's days
# (令和元年4月30日, 平成31年5月1日, 昭和64年1月8日, 令和0年) never existed and is refused.
_ERA_DAYS = {
    "令和": (date(2019, 5, 1), date.max),
    "平成": (date(1989, 1, 8), date(2019, 4, 30)),
    "昭和": (date(1926, 12, 25), date(1989, 1, 7)),
    "大正": (date(1912, 7, 30), date(1926, 12, 25)),
}
_ERA_LETTERS = {"R": "令和", "H": "平成", "S": "昭和", "T": "大正"}
_WAREKI = re.compile(
    r"^(令和|平成|昭和|大正|R|H|S|T)\s*(\d{1,2}|元)[年.\-/](\d{1,2})[月.\-/](\d{1,2})日?$"
)
_SEIREKI = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")
# What Excel appends when a date cell is saved as text with its time: 1980/4/1 0:00(:00).
_MIDNIGHT = re.compile(r"\s+0{1,2}:00(?::00)?$")
# A date cell Excel kept as its serial number (days since 1899-12-30): five digits cover
# 1927-05-18 to 2173-10-14, and no other way of writing a date is five digits long.
_SERIAL = re.compile(r"^(\d{5})(?:\.0+)?$")
_EXCEL_EPOCH = date(1899, 12, 30)
# 1.23457E+11: a number Excel showed in exponent form and saved that way; the digits are lost.
_EXPONENT = re.compile(r"^[0-9]+(?:\.[0-9]+)?[eE]\+?[0-9]+$")
_PURPOSE_SPLIT = re.compile(r"[、,;/\s]+")


@dataclass
class ImportRow:
    """One checked row; `problems` empty means it can be imported."""

    line: int
    kind: PersonKind | None = None
    code: str = ""
    name: str = ""
    kana: str = ""
    birth_date: date | None = None
    department: str = ""
    hire_date: date | None = None
    relation: str = ""
    employee_code: str = ""
    pension3: bool = False
    payment_kind: str = "fees"
    continuing: bool = False
    # 退職日 / 扶養終了日 / 契約終了日 (the kind's end field): retention counts from it.
    ended_on: date | None = None
    number: MyNumber | None = None
    purposes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    refused: set[str] = field(default_factory=set)  # scope reasons, logged as refusals
    # A dependant read from columns of its employee's line: which ones (「配偶者」,
    # 「扶養親族1」); "" for a row of its own.
    group: str = ""
    # The number had 11 digits: Excel dropped a leading zero (restored only when asked).
    zero_dropped: bool = False


def _clean(value: object) -> str:
    if not value:
        return ""  # most cells of a row are empty: skip the normalisation
    return unicodedata.normalize("NFKC", str(value)).strip()


def parse_date(text: str) -> date:
    """2026-04-01, 2026/4/1, 2026/4/1 0:00, 20260401, 2026年4月1日, 令和8年4月1日, R8.4.1
    (era letters in either case), and an Excel serial number (46113); raises ValueError."""
    value = _MIDNIGHT.sub("", _clean(text))
    if re.fullmatch(r"\d{8}", value):
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    if match := _SERIAL.match(value):
        return _EXCEL_EPOCH + timedelta(days=int(match.group(1)))
    if match := _SEIREKI.match(value):
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match := _WAREKI.match(value.upper() if value[:1].isascii() else value):
        era = _ERA_LETTERS.get(match.group(1), match.group(1))
        first, last = _ERA_DAYS[era]
        year = 1 if match.group(2) == "元" else int(match.group(2))
        found = date(first.year + year - 1, int(match.group(3)), int(match.group(4)))
        if year < 1 or not first <= found <= last:
            raise ValueError(value)
        return found
    raise ValueError(value)


def _flag(value: str, label: str, row: ImportRow) -> bool:
    """`value` is already cleaned (NFKC, stripped)."""
    lowered = value.lower()
    if lowered in _TRUE:
        return True
    if lowered not in _FALSE:
        row.problems.append(f"{label}は「○」か空欄で入力してください。")
    return False


@cache
def _purpose_by_name() -> dict[str, str]:
    """Catalogue names without their bracketed note -> code (the catalogue never changes)."""
    return {entry.name.split("（")[0]: code for code, entry in CATALOG.items()}


def _purposes(value: str, kind: PersonKind, row: ImportRow) -> list[str]:
    """`value` is already cleaned (NFKC, stripped)."""
    codes: list[str] = []
    if looks_like_number(value):
        # Never split and quoted back piece by piece: the pieces would spell the number.
        row.problems.append(
            "利用目的の欄に個人番号のような数字列があります（列の対応を確認してください）。"
        )
        return codes
    by_name = _purpose_by_name()
    # Not "・": it is part of 「健康保険・厚生年金保険届出事務」.
    for part in _PURPOSE_SPLIT.split(value):
        if not part:
            continue
        code = part if part in CATALOG else by_name.get(part)
        if code is None:
            row.problems.append(
                f"利用目的「{my_number.echo(part)}」は登録されている事務ではありません。"
            )
        elif kind not in CATALOG[code].person_kinds:
            row.problems.append(
                f"利用目的「{CATALOG[code].name.split('（')[0]}」はこの区分には使えません。"
            )
        else:
            codes.append(code)
    return codes


@cache
def _default_purposes(kind: PersonKind) -> tuple[str, ...]:
    return tuple(
        code
        for code, entry in CATALOG.items()
        if kind in entry.person_kinds and code != "national_pension_3"
    )


def default_purposes(kind: PersonKind) -> list[str]:
    return list(_default_purposes(kind))


def _checked(rule: Callable[[object], str | None], value: str, row: ImportRow) -> str:
    """The cleaned value, or "" with the rule's reason among the row's problems; an empty
    field is not checked here (a required one is reported once, as missing)."""
    if not value:
        return ""
    try:
        return rule(value) or ""
    except ValueError as problem:
        row.problems.append(str(problem))
        return ""


def check_row(
    line: int,
    values: dict[str, str],
    *,
    kind: PersonKind | None = None,
    restore_zero: bool = False,
    employee_code: str | None = None,
) -> ImportRow:
    """Check one row of mapped values (field key -> text). `kind`: what the whole file holds
    (the file has no 区分 column). `restore_zero`: the clerk chose, for the whole file, to put
    back the leading zero Excel drops from an 11-digit number. `employee_code`: a dependant
    read from its employee's line belongs to that employee (whose own row reports its code)."""
    row = ImportRow(line)
    # Cleaned once: an import of 200,000 rows calls this for every row.
    clean = {key: _clean(value) for key, value in values.items()}
    for key, value in clean.items():
        if value.startswith(("=", "+", "@")) and key in FIELDS:
            row.problems.append(
                f"{FIELDS[key]}に数式のような値があります（先頭が「=」「+」「@」）。"
            )
    for key in REQUIRED:
        if not clean.get(key) and not (key == "kind" and kind is not None):
            row.problems.append(f"{FIELDS[key]}が空欄です。")
    if kind is not None:
        row.kind = kind
    else:
        kind_text = clean.get("kind", "")
        row.kind = KIND_WORDS.get(kind_text)
        if kind_text and row.kind is None:
            row.problems.append("区分は「従業員」「扶養親族」「支払先」のいずれかにしてください。")
    # The rules of registration (app.domain.person_fields), so an imported record is as valid
    # as a typed one; a value that could be a number in a plain field is refused, never kept.
    row.name = _checked(person_fields.check_name, clean.get("name", ""), row)
    row.kana = _checked(person_fields.check_kana, clean.get("kana", ""), row)
    for key, label in (("birth_date", "生年月日"), ("hire_date", "入社日")):
        text = clean.get(key, "")
        if text:
            try:
                setattr(row, key, parse_date(text))
            except ValueError:
                row.problems.append(
                    f"{label}「{my_number.echo(text, 12)}」を日付として読めません（例：2026-04-01）。"
                )
    _end(clean, row)
    row.code = _checked(person_fields.check_code, clean.get("code", ""), row)
    row.department = _checked(person_fields.check_department, clean.get("department", ""), row)
    row.relation = _checked(person_fields.check_relation, clean.get("relation", ""), row)
    if employee_code is None:
        row.employee_code = _checked(person_fields.check_code, clean.get("employee_code", ""), row)
    else:
        row.employee_code = employee_code
    if row.kind == PersonKind.EMPLOYEE and not row.code:
        row.problems.append("従業員には従業員コードが必要です。")
    if row.kind == PersonKind.DEPENDENT:
        if not row.employee_code and employee_code is None:
            row.problems.append("扶養親族には扶養元の従業員コードが必要です。")
        if not row.relation:
            row.problems.append("扶養親族には続柄が必要です（例：配偶者、子）。")
        row.pension3 = _flag(clean.get("pension3", ""), "国民年金第3号", row)
    if row.kind == PersonKind.PAYEE:
        payment = clean.get("payment_kind", "")
        row.payment_kind = PAYMENT_WORDS.get(payment, payment or "fees")
        if row.payment_kind not in PAYMENT_WORDS.values():
            row.problems.append(
                "支払の種類は「報酬・料金」「不動産の使用料等」「配当」などで入力してください。"
            )
        row.continuing = _flag(clean.get("continuing", ""), "継続契約", row)
    number_text = clean.get("number", "")
    if number_text:
        row.number = _number(number_text, row, restore_zero)
    if row.kind is not None:
        purpose_text = clean.get("purposes", "")
        row.purposes = (
            _purposes(purpose_text, row.kind, row) if purpose_text else default_purposes(row.kind)
        )
        if (
            row.kind == PersonKind.DEPENDENT
            and row.pension3
            and "national_pension_3" not in row.purposes
        ):
            row.purposes.append("national_pension_3")
    return row


def _number(text: str, row: ImportRow, restore_zero: bool) -> MyNumber | None:
    """The number of a cell, with Excel's two kinds of damage told apart from a typing error:
    the exponent form (digits lost for good) and 11 digits (a leading zero dropped), which is
    restored only when the clerk chose it for the whole file, and then accepted only if the
    check digit of the restored number is right. No message repeats the digits."""
    if ("E" in text or "e" in text) and _EXPONENT.match(text.replace(",", "")):
        row.problems.append(
            "個人番号が「1.23E+11」のような指数の形になっています。Excelで数値として"
            "保存されたため、下の桁が失われていて元に戻せません。個人番号の列を文字列にして"
            "出力し直してください。"
        )
        return None
    digits = my_number.normalize(text)
    if len(digits) == my_number.LENGTH - 1 and digits.isascii() and digits.isdigit():
        row.zero_dropped = True
        if not restore_zero:
            row.problems.append(
                "個人番号が11桁です。Excelで数値として扱われ、先頭の「0」が消えた可能性が"
                "あります。「先頭の0を補う」を選ぶと、補った番号の検査用数字が合う場合だけ"
                "取り込みます。"
            )
            return None
        digits = "0" + digits
        if my_number.problem(digits) is not None:
            row.problems.append(
                "個人番号が11桁で、先頭に「0」を補っても検査用数字が合いません。"
                "元の書類と照らし合わせてください。"
            )
            return None
    # MyNumber validates (and says why in Japanese, never echoing the digits).
    try:
        return MyNumber(digits)
    except my_number.InvalidMyNumber as exc:
        row.problems.append(str(exc))
        return None


_END_KINDS = {field: kind for kind, field in person_fields.END_FIELD.items()}


def _end(clean: dict[str, str], row: ImportRow) -> None:
    """The end date of the row's kind (退職日 for an employee…); another kind's end date in the
    row is a mapping mistake worth saying, not something to drop silently."""
    for key, kind in _END_KINDS.items():
        text = clean.get(key, "")
        if not text:
            continue
        label = FIELDS[key]
        if row.kind is not None and row.kind is not kind:
            row.problems.append(f"{label}は{kind.label}の行だけに入力してください。")
            continue
        try:
            row.ended_on = parse_date(text)
        except ValueError:
            row.problems.append(
                f"{label}「{my_number.echo(text, 12)}」を日付として読めません（例：2026-04-01）。"
            )
            continue
        if row.kind is PersonKind.EMPLOYEE and row.hire_date and row.ended_on < row.hire_date:
            row.problems.append("退職日が入社日より前になっています。")
