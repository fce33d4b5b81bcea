"""The column names payroll and HR software give the people they export, so a typical export
maps itself: one name per field, split names (姓 + 名, セイ + メイ) as a pair of columns, and the
year-end layout's dependants in columns (配偶者…, 扶養親族1…N, 16歳未満の扶養親族1…N).

Where the names come from (public help pages, read for issue #19; "confirmed" means the page
lists the column or item by that name):

| Product | Names confirmed | Where |
|---|---|---|
| SmartHR | 社員番号, 姓, 名, 姓(ヨミガナ), 名(ヨミガナ), 生年月日; family columns 「配偶者 姓」「配偶者 姓(ヨミガナ)」「配偶者 生年月日」「配偶者 続柄」, 「家族1 …」 | knowledge.smarthr.jp/hc/ja/articles/360035657454 (CSV凡例), knowledge.smarthr.jp/hc/ja/articles/360056730693 and support.smarthr.jp/ja/help/articles/360039794053 (家族情報一括更新用CSV) |
| ジョブカン給与計算 | スタッフコード, 姓, 名, 姓(カナ), 名(カナ), 生年月日, 入社日 (the registration items; the bulk CSV uses the same items, its header itself not seen) | jobcan-payroll.zendesk.com/hc/ja/articles/360001982054; メイングループ: jobcan.zendesk.com/hc/ja/articles/201103925 |
| マネーフォワード クラウド給与 / 人事管理 | 従業員番号, 姓, 名, 入社年月日 (required items); 退職日 | biz.moneyforward.com/support/payroll/faq/cooperation-faq/co18.html, biz.moneyforward.com/support/tax-adjustment/guide/employees2/employees2-01.html; kana column names not confirmed |
| PCA給与 | 社員コード, 氏名 姓/名, フリガナ 姓/名 (items of the 社員 screen; the 汎用データ header not seen) | pca.jp/area_support/manual/payh/d_shain/touroku/P310/P310_2_2.html |
| 弥生 | 従業員コード, 所属コード, 姓, 名, 姓カナ, 名カナ (従業員データ[CSV] export of the cloud line) | support.yayoi-kk.co.jp/subcontents.html?page_id=28908; 弥生給与's own 従業員データのインポート項目 (page_id=24297) not shown in the stored copy |
| freee人事労務 | 従業員番号 (the key of every bulk update); 姓/名/姓カナ/名カナ as the API names them | support.freee.co.jp/hc/ja/articles/115005464626; CSV header names not confirmed |
| オフィスステーション | 従業員番号; 氏名 as one column or 姓 and 名 as two (its payroll import asks which) | officestation.jp/helpcenter/function/admin/application/salary/custom/56/; the 従業員情報 Excel headers not confirmed |
| 給与奉行 | not confirmed: OBC受入形式 has its own header (support.obc.jp/hc/ja/articles/900003882126); the common names below (社員番号, 氏名, フリガナ, 入社年月日, 所属) are used |

Names not confirmed anywhere are the common ones (部署・部門・所属, 入社年月日, 退職年月日, 個人番号・
マイナンバー). A header is compared after NFKC, without spaces and brackets, so 「姓（カナ）」,
「姓(カナ)」 and 「姓 カナ」 are one name; a 「従業員 」 or 「本人」 in front is ignored when the rest
is a known name (SmartHR's 「従業員 社員番号」).
"""

from __future__ import annotations

import re
import unicodedata

from app.domain.import_layout import FIELDS
from app.domain.import_mapping import ColumnMap, Columns, DependantColumns

_ALIASES: dict[str, tuple[str, ...]] = {
    "kind": ("区分", "対象者区分"),
    "code": (
        "従業員コード",
        "従業員番号",
        "従業員No",
        "従業員ID",
        "社員番号",
        "社員コード",
        "社員No",
        "社員ID",
        "スタッフコード",
        "スタッフNo",
        "個人コード",
    ),
    "name": (
        "氏名",
        "氏名漢字",
        "従業員名",
        "従業員氏名",
        "社員名",
        "社員氏名",
        "スタッフ名",
        "姓名",
        "名前",
    ),
    "kana": (
        "フリガナ",
        "ふりがな",
        "ヨミガナ",
        "よみがな",
        "カナ",
        "氏名カナ",
        "カナ氏名",
        "氏名フリガナ",
        "フリガナ氏名",
        "氏名ヨミガナ",
        "カナ名称",
        "従業員名カナ",
        "社員名カナ",
    ),
    "birth_date": ("生年月日", "誕生日", "生年月日西暦"),
    "department": (
        "部署",
        "部署名",
        "部門",
        "部門名",
        "所属",
        "所属名",
        "所属部署",
        "所属部門",
        "所属グループ",
        "メイングループ",
    ),
    "hire_date": ("入社日", "入社年月日", "雇入年月日", "雇入日", "採用日", "入社日付"),
    "leave_date": ("退職日", "退職年月日", "退社日", "退社年月日", "離職日", "離職年月日"),
    "relation": ("続柄",),
    "employee_code": ("扶養元の従業員コード", "扶養元従業員コード", "扶養者の従業員コード"),
    "pension3": ("国民年金第3号", "第3号被保険者", "国民年金第3号被保険者"),
    "valid_to": ("扶養終了日",),
    "payment_kind": ("支払の種類", "支払種類"),
    "continuing": ("継続契約",),
    "contract_to": ("契約終了日",),
    "number": (
        "個人番号",
        "マイナンバー",
        "本人個人番号",
        "個人番号マイナンバー",
        "マイナンバー個人番号",
    ),
    "purposes": ("利用目的",),
}

# Split names: (first part, second part) of the pair, joined with one space.
_NAME_PAIRS = (
    ("姓", "名"),
    ("氏名姓", "氏名名"),
    ("姓漢字", "名漢字"),
    ("苗字", "名前"),
)
_KANA_PAIRS = (
    ("セイ", "メイ"),
    ("せい", "めい"),
    ("姓カナ", "名カナ"),
    ("姓フリガナ", "名フリガナ"),
    ("姓ヨミガナ", "名ヨミガナ"),
    ("姓ふりがな", "名ふりがな"),
    ("カナ姓", "カナ名"),
    ("カナセイ", "カナメイ"),
    ("フリガナ姓", "フリガナ名"),
    ("フリガナセイ", "フリガナメイ"),
    ("ヨミガナ姓", "ヨミガナ名"),
    ("氏名カナ姓", "氏名カナ名"),
)
# The fields a dependant in columns may have.
_DEPENDANT_FIELDS = ("name", "kana", "birth_date", "relation", "number")
_PREFIXES = ("従業員", "本人")

_BRACKETS = str.maketrans("", "", "()[]【】「」<>{}_・:")
# 配偶者の氏名, 扶養親族1の氏名, 控除対象扶養親族2 フリガナ, 16歳未満の扶養親族1 生年月日,
# 家族1 姓 (SmartHR): the group, its number, and the field after it.
_GROUP = re.compile(
    r"^(?P<group>(?:源泉)?控除対象配偶者|配偶者|16歳未満の?扶養親族|年少扶養親族"
    r"|(?:控除対象)?扶養親族|扶養家族|家族)(?P<n>\d{0,2})の?(?P<rest>.+)$"
)
_YOUNG = "16歳未満の扶養親族"


def key(header: object) -> str:
    """A header as compared: NFKC, no white space, no brackets."""
    text = unicodedata.normalize("NFKC", "" if header is None else str(header))
    return re.sub(r"\s", "", text).translate(_BRACKETS)


def _lookup() -> dict[str, str]:
    return {key(alias): field for field, aliases in _ALIASES.items() for alias in aliases} | {
        key(label): field for field, label in FIELDS.items()
    }


_FIELD_OF = _lookup()


def _field_of(name: str) -> str | None:
    found = _FIELD_OF.get(name)
    if found is None:
        for prefix in _PREFIXES:
            if name.startswith(prefix) and name != prefix:
                found = _FIELD_OF.get(name[len(prefix) :])
                if found is not None:
                    break
    return found


def _pairs(names: dict[str, int], wanted: tuple[tuple[str, str], ...]) -> Columns | None:
    for first, second in wanted:
        if first in names and second in names:
            return (names[first], names[second])
    return None


def _strip(name: str) -> str:
    for prefix in _PREFIXES:
        if name.startswith(prefix) and name != prefix:
            return name[len(prefix) :]
    return name


def map_headers(headers: list[str]) -> ColumnMap:
    """Field -> column(s) for the headers this module knows, and the dependants in columns.
    The first column of a name wins; a field found in a column of its own is not replaced by
    a pair."""
    columns: dict[str, Columns] = {}
    names: dict[str, int] = {}
    grouped: dict[tuple[str, int], dict[str, int]] = {}
    for index, header in enumerate(headers):
        name = key(header)
        if not name:
            continue
        group = _GROUP.match(name)
        if group is not None:
            label = _group_label(group.group("group"))
            number = int(group.group("n") or 0)
            grouped.setdefault((label, number), {}).setdefault(group.group("rest"), index)
            continue
        field = _field_of(name)
        if field is not None and field not in columns:
            columns[field] = (index,)
        names.setdefault(_strip(name), index)
    for field, pairs in (("name", _NAME_PAIRS), ("kana", _KANA_PAIRS)):
        pair = _pairs(names, pairs)
        # A pair wins over one of its own columns read alone (苗字 + 名前 over 名前).
        if pair is not None and (field not in columns or columns[field][0] in pair):
            columns[field] = pair
    return ColumnMap(columns, tuple(_dependants(grouped)))


def _group_label(found: str) -> str:
    if "配偶者" in found:
        return "配偶者"
    if found.startswith(("16歳未満", "年少")):
        return _YOUNG
    return "扶養親族"


def _dependants(grouped: dict[tuple[str, int], dict[str, int]]) -> list[DependantColumns]:
    found = []
    for (label, number), names in grouped.items():
        columns: dict[str, Columns] = {}
        for name, index in names.items():
            field = _FIELD_OF.get(name)
            if field in _DEPENDANT_FIELDS and field not in columns:
                columns[field] = (index,)
        for field, pairs in (("name", _NAME_PAIRS), ("kana", _KANA_PAIRS)):
            if field not in columns and (pair := _pairs(names, pairs)) is not None:
                columns[field] = pair
        if "name" not in columns:
            continue  # 「扶養親族の数」 and the like: not a person
        shown = label if label == "配偶者" else f"{label}{number or ''}"
        relation = "配偶者" if label == "配偶者" else ""
        found.append(DependantColumns(shown, columns, relation))
    # In the file's order, so problems are listed as the clerk reads the line.
    return sorted(found, key=lambda group: min(i for cols in group.columns.values() for i in cols))
