"""Synthetic files laid out as payroll and HR software export their people: each product's
headers (app/domain/import_aliases.py says which are confirmed and where), synthetic people
and numbers with a valid check digit (none real), CP932 as Windows software writes it."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

from app.domain import my_number

# Per product: its headers, in the order its export writes them. The fields each column is
# filled from: code, family, given, family_kana, given_kana, birth, hired, department, number
# (and "-" for a column the import does not read).
PRODUCTS: dict[str, list[tuple[str, str]]] = {
    "弥生給与": [
        ("従業員コード", "code"),
        ("所属コード", "-"),
        ("姓", "family"),
        ("名", "given"),
        ("姓カナ", "family_kana"),
        ("名カナ", "given_kana"),
        ("男女コード", "-"),
        ("生年月日", "birth"),
        ("入社年月日", "hired"),
        ("個人番号", "number"),
    ],
    "freee人事労務": [
        ("従業員番号", "code"),
        ("姓", "family"),
        ("名", "given"),
        ("姓（カナ）", "family_kana"),
        ("名（カナ）", "given_kana"),
        ("生年月日", "birth"),
        ("入社日", "hired"),
        ("部門", "department"),
        ("マイナンバー", "number"),
    ],
    "マネーフォワード クラウド給与": [
        ("従業員番号", "code"),
        ("姓", "family"),
        ("名", "given"),
        ("姓（フリガナ）", "family_kana"),
        ("名（フリガナ）", "given_kana"),
        ("生年月日", "birth"),
        ("入社年月日", "hired"),
        ("退職日", "-"),
        ("部門", "department"),
        ("個人番号", "number"),
    ],
    "PCA給与": [
        ("社員コード", "code"),
        ("姓", "family"),
        ("名", "given"),
        ("フリガナ姓", "family_kana"),
        ("フリガナ名", "given_kana"),
        ("生年月日", "birth"),
        ("入社年月日", "hired"),
        ("部門名", "department"),
        ("個人番号", "number"),
    ],
    "ジョブカン給与計算": [
        ("スタッフコード", "code"),
        ("姓", "family"),
        ("名", "given"),
        ("姓(カナ)", "family_kana"),
        ("名(カナ)", "given_kana"),
        ("生年月日", "birth"),
        ("入社日", "hired"),
        ("メイングループ", "department"),
        ("マイナンバー", "number"),
    ],
    "SmartHR": [
        ("社員番号", "code"),
        ("姓", "family"),
        ("名", "given"),
        ("姓(ヨミガナ)", "family_kana"),
        ("名(ヨミガナ)", "given_kana"),
        ("生年月日", "birth"),
        ("入社年月日", "hired"),
        ("部署", "department"),
        ("個人番号", "number"),
    ],
    "オフィスステーション": [
        ("従業員番号", "code"),
        ("氏名（姓）", "family"),
        ("氏名（名）", "given"),
        ("フリガナ（セイ）", "family_kana"),
        ("フリガナ（メイ）", "given_kana"),
        ("生年月日", "birth"),
        ("入社日", "hired"),
        ("所属", "department"),
        ("個人番号", "number"),
    ],
    "給与奉行": [
        ("社員番号", "code"),
        ("氏名", "name"),
        ("フリガナ", "kana"),
        ("生年月日", "birth"),
        ("入社年月日", "hired"),
        ("所属", "department"),
        ("個人番号", "number"),
    ],
    # The issue's own example of what offices have.
    "issue #19": [
        ("社員番号", "code"),
        ("姓", "family"),
        ("名", "given"),
        ("姓（フリガナ）", "family_kana"),
        ("名（フリガナ）", "given_kana"),
        ("生年月日", "birth"),
        ("入社年月日", "hired"),
        ("部門名", "department"),
        ("マイナンバー", "number"),
    ],
}

PEOPLE = [
    ("E0001", "山田", "太郎", "ヤマダ", "タロウ", "1980/04/01", "2010/04/01", "総務部"),
    ("E0002", "佐藤", "花子", "サトウ", "ハナコ", "S60.7.15", "平成20年4月1日", "経理部"),
    ("E0003", "鈴木", "一郎", "ｽｽﾞｷ", "ｲﾁﾛｳ", "19921103", "2019-10-01", "介護課"),
]


def number(seed: int, *, leading_zero: bool = False) -> str:
    """A synthetic number with a valid check digit (from a seed, so tests are repeatable)."""
    rng = random.Random(seed)
    base = ("0" if leading_zero else str(rng.randrange(1, 10))) + "".join(
        str(rng.randrange(10)) for _ in range(10)
    )
    return base + str(my_number.check_digit(base))


def person_values(index: int, seed: int = 0) -> dict[str, str]:
    code, family, given, family_kana, given_kana, birth, hired, department = PEOPLE[index]
    return {
        "code": code,
        "family": family,
        "given": given,
        "family_kana": family_kana,
        "given_kana": given_kana,
        "name": f"{family}\u3000{given}",
        "kana": f"{family_kana} {given_kana}",
        "birth": birth,
        "hired": hired,
        "department": department,
        "number": number(seed * 100 + index + 1),
        "-": "",
    }


def write_csv(
    path: Path, header: list[str], rows: list[list[str]], encoding: str = "cp932"
) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *rows])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def product_export(path: Path, product: str, seed: int = 0) -> Path:
    """The three PEOPLE as `product` exports them."""
    layout = PRODUCTS[product]
    rows = []
    for index in range(len(PEOPLE)):
        values = person_values(index, seed)
        rows.append([values[field] for _h, field in layout])
    return write_csv(path, [header for header, _f in layout], rows)


YEAR_END_HEADER = [
    "社員番号",
    "姓",
    "名",
    "セイ",
    "メイ",
    "生年月日",
    "入社年月日",
    "部署",
    "個人番号",
    "配偶者の氏名",
    "配偶者のフリガナ",
    "配偶者の生年月日",
    "配偶者の個人番号",
]
for _group in ("扶養親族1", "扶養親族2", "16歳未満の扶養親族1"):
    YEAR_END_HEADER += [
        f"{_group}の氏名",
        f"{_group}のフリガナ",
        f"{_group}の続柄",
        f"{_group}の生年月日",
        f"{_group}の個人番号",
    ]


_FAMILIES = [("山田", "ヤマダ"), ("田中", "タナカ"), ("中川", "ナカガワ"), ("本田", "ホンダ")]


def year_end_rows(employees: int, seed: int = 7) -> list[list[str]]:
    """Each employee with a spouse and three dependants (two over 16, one under) in columns,
    every one of them with a number."""
    rows = []
    for n in range(employees):
        base = seed * 10_000 + n * 10
        family, family_kana = _FAMILIES[n % len(_FAMILIES)]
        rows.append(
            [
                f"Y{n:04d}",
                family,
                "太郎",
                family_kana,
                "タロウ",
                "1980/4/1",
                "2010/4/1",
                "総務部",
                number(base),
                f"{family} 花子",
                f"{family_kana} ハナコ",
                "1982/5/5",
                number(base + 1),
                f"{family} 一郎",
                f"{family_kana} イチロウ",
                "長男",
                "2005/6/1",
                number(base + 2),
                f"{family} 次郎",
                f"{family_kana} ジロウ",
                "二男",
                "2007/8/1",
                number(base + 3),
                f"{family} 三子",
                f"{family_kana} ミツコ",
                "長女",
                "2015/9/9",
                number(base + 4),
            ]
        )
    return rows
