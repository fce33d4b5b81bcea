"""The columns of a payroll (year-end) export: which field of the 給与所得の源泉徴収票 each holds,
the names payroll software gives them, and the saved column mapping of a layout (pure rules).

Names (FORMS.md §6: SmartHR's year-end layout, MF給与's eLTAX CSV, the 315 record): the form's
own item names are taken as they are printed (支払金額, 給与所得控除後の金額(調整控除後), 所得控除の
額の合計額, 源泉徴収税額 ...); the employee is matched by 社員番号 / 従業員コード / 受給者番号 as the
people import matches them. 弥生給与, freee, MF給与 and PCA export the form's items under these
names or the shortened 「〜控除額」 forms listed below (the exact headers of each product's export
were not in the stored sources; the shortened forms are the common ones). A header is compared as
the people import compares it (import_aliases.key: NFKC, no spaces, no brackets).

A column of 個人番号 is never read: numbers come from the vault only (REFUSED_HEADERS)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from app.domain import my_number, year_end
from app.domain.import_aliases import key
from app.domain.withholding_slip import AMOUNT_FIELDS

CODE = "code"
NAME = "name"  # read only to show whose row it is; the person is found by code
DEPENDANTS = "dependants_count"  # 控除対象扶養親族(等)の数 (特定 + 老人 + その他)
SPECIFIC = "specific_count"  # its parts, added up when given as three columns
ELDERLY = "elderly_count"
OTHER = "other_count"
UNDER_16 = "under16_count"  # 16歳未満扶養親族の数
OTSU = "otsu"  # 乙欄 (no 扶養控除等申告書): a flag
COUNTS = (DEPENDANTS, SPECIFIC, ELDERLY, OTHER, UNDER_16)
FACT_FIELDS = (year_end.OFFICER, OTSU, year_end.LEFT_ON, year_end.NO_ADJUSTMENT)
REQUIRED = (CODE, "payment")

# field -> the header the template writes (and what the mapping step shows).
FIELDS: dict[str, str] = {
    CODE: "従業員コード",
    NAME: "氏名",
    **{field: year_end.FIELD_LABELS[field] for field in AMOUNT_FIELDS},
    DEPENDANTS: "控除対象扶養親族の数",
    SPECIFIC: "特定扶養親族の数",
    ELDERLY: "老人扶養親族の数",
    OTHER: "その他の扶養親族の数",
    UNDER_16: "16歳未満扶養親族の数",
    year_end.OFFICER: "役員",
    OTSU: "乙欄",
    year_end.LEFT_ON: "退職日",
    year_end.NO_ADJUSTMENT: "年末調整をしなかった理由",
}

_ALIASES: dict[str, tuple[str, ...]] = {
    CODE: (
        "社員番号",
        "社員コード",
        "従業員番号",
        "従業員No",
        "受給者番号",
        "スタッフコード",
        "個人コード",
    ),
    NAME: ("氏名", "従業員名", "社員名", "受給者氏名", "支払を受ける者氏名"),
    "payment": ("支払金額", "支払額", "年間支払金額", "課税支給額", "課税支給額合計"),
    "income_after_deduction": (
        "給与所得控除後の金額調整控除後",
        "給与所得控除後の給与等の金額",
        "給与所得控除後の額",
    ),
    "deductions_total": ("所得控除の額の合計", "所得控除額合計", "所得控除合計"),
    "tax": ("源泉徴収税額", "年調年税額", "年税額"),
    "spouse_deduction": (
        "配偶者特別控除の額",
        "配偶者控除の額",
        "配偶者控除額",
        "配偶者特別控除額",
    ),
    "specified_relative_deduction": ("特定親族特別控除額",),
    "social_insurance": ("社会保険料等の額", "社会保険料控除額", "社会保険料等"),
    "life_insurance": ("生命保険料控除額",),
    "earthquake_insurance": ("地震保険料控除額",),
    "housing_loan": ("住宅借入金等特別控除額", "住宅ローン控除額"),
    "basic_deduction": ("基礎控除額",),
    "income_adjustment": ("所得金額調整控除の額",),
    "spouse_income": ("配偶者の合計所得金額", "配偶者合計所得"),
    "national_pension": ("国民年金保険料等の額",),
    "life_new": ("新生命保険料",),
    "life_old": ("旧生命保険料",),
    "care_medical": ("介護医療保険料",),
    "pension_new": ("新個人年金保険料",),
    "pension_old": ("旧個人年金保険料",),
    "old_long_term": ("旧長期損害保険料",),
    DEPENDANTS: ("控除対象扶養親族等の数", "扶養親族の数", "扶養人数", "扶養親族数"),
    SPECIFIC: ("特定扶養親族数", "特定"),
    ELDERLY: ("老人扶養親族数", "老人"),
    OTHER: ("その他扶養親族の数", "その他扶養親族数"),
    UNDER_16: ("16歳未満の扶養親族の数", "年少扶養親族の数", "16歳未満扶養親族数"),
    year_end.OFFICER: ("役員区分", "役員フラグ", "法人の役員"),
    OTSU: ("乙欄適用", "乙欄区分"),
    year_end.LEFT_ON: ("退職年月日", "中途退職日", "退社日"),
    year_end.NO_ADJUSTMENT: ("年調しない理由", "年末調整をしない理由"),
}

# Headers of a number column, in any form (本人, 配偶者, 扶養親族1 …): the file is refused.
REFUSED_HEADERS = re.compile(r"個人番号|マイナンバー|mynumber", re.IGNORECASE)

_FIELD_OF = {key(alias): field for field, aliases in _ALIASES.items() for alias in aliases} | {
    key(label): field for field, label in FIELDS.items()
}

# A mapping: field -> the column (from 0) that holds it.
PayrollMap = Mapping[str, int]


def number_columns(headers: list[str]) -> list[int]:
    """The columns whose header names a number (本人・配偶者・扶養親族の個人番号 ...)."""
    return [i for i, header in enumerate(headers) if REFUSED_HEADERS.search(key(header))]


def map_headers(headers: list[str]) -> dict[str, int]:
    """Field -> column for the headers this module knows; the first column of a name wins."""
    found: dict[str, int] = {}
    for index, header in enumerate(headers):
        field = _FIELD_OF.get(key(header))
        if field is not None and field not in found:
            found[field] = index
    return found


def missing(mapping: PayrollMap) -> list[str]:
    """The labels of the required fields no column holds."""
    return [FIELDS[field] for field in REQUIRED if field not in mapping]


def to_json(mapping: PayrollMap) -> dict[str, int]:
    return {field: int(index) for field, index in mapping.items()}


def from_json(data: object, width: int) -> dict[str, int] | None:
    """A saved layout back, or None when it does not fit a file `width` columns wide."""
    if not isinstance(data, dict):
        return None
    out: dict[str, int] = {}
    for field, index in data.items():
        if (
            field not in FIELDS
            or isinstance(index, bool)
            or not isinstance(index, int)
            or not 0 <= index < width
        ):
            return None
        out[field] = index
    return out


def describe(mapping: PayrollMap, headers: list[str]) -> list[str]:
    """One line per mapped field: 「支払金額 ← 支払額」 (as the people import prints its own)."""
    return [
        f"{label} ← {my_number.echo(headers[mapping[field]], 40) if mapping[field] < len(headers) else '?'}"
        for field, label in FIELDS.items()
        if field in mapping
    ]
