"""The import's pure rules for files as payroll software writes them: headers recognised,
split names joined, dependants in columns, Excel's damage told apart and explained."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import my_number
from app.domain.import_aliases import map_headers
from app.domain.import_layout import parse_date
from app.domain.import_mapping import (
    ColumnMap,
    ImportOptions,
    UserMapping,
    describe,
    from_json,
    from_user_json,
    rows_for_line,
    to_json,
)
from app.domain.purposes import PersonKind
from tests.support.payroll_exports import PRODUCTS, YEAR_END_HEADER, number, year_end_rows

EMPLOYEES = ImportOptions(kind=PersonKind.EMPLOYEE)


@pytest.mark.parametrize("product", sorted(PRODUCTS))
def test_each_products_headers_map_themselves(product: str) -> None:
    layout = PRODUCTS[product]
    headers = [header for header, _field in layout]
    column_of = {field: index for index, (_h, field) in enumerate(layout)}
    mapped = map_headers(headers)
    assert mapped.columns["code"] == (column_of["code"],)
    assert mapped.columns["birth_date"] == (column_of["birth"],)
    assert mapped.columns["hire_date"] == (column_of["hired"],)
    assert mapped.columns["number"] == (column_of["number"],)
    if "family" in column_of:
        assert mapped.columns["name"] == (column_of["family"], column_of["given"])
        assert mapped.columns["kana"] == (column_of["family_kana"], column_of["given_kana"])
    else:
        assert mapped.columns["name"] == (column_of["name"],)
        assert mapped.columns["kana"] == (column_of["kana"],)
    if "department" in column_of:
        assert mapped.columns["department"] == (column_of["department"],)
    assert "kind" not in mapped.columns  # none of them has a 区分 column
    assert mapped.missing(None) == ["区分"] and mapped.missing(PersonKind.EMPLOYEE) == []


def test_a_split_name_is_joined_with_one_space() -> None:
    headers = ["社員番号", "姓", "名", "姓（カナ）", "名（カナ）"]
    mapped = map_headers(headers)
    [row] = rows_for_line(2, ["E1", " 山田 ", "太郎", "ﾔﾏﾀﾞ", "たろう"], mapped, EMPLOYEES)
    assert row.problems == []
    assert (row.name, row.kana) == ("山田 太郎", "ヤマダ たろう")
    [alone] = rows_for_line(3, ["E2", "山田", "", "ヤマダ", ""], mapped, EMPLOYEES)
    assert (alone.name, alone.kana) == ("山田", "ヤマダ")  # no trailing space


def test_a_pair_wins_over_one_of_its_own_columns() -> None:
    mapped = map_headers(["苗字", "名前", "フリガナ"])
    assert mapped.columns["name"] == (0, 1)


def test_a_file_without_a_kind_column_takes_the_clerks_choice() -> None:
    mapped = map_headers(["社員番号", "氏名", "フリガナ"])
    [employee] = rows_for_line(2, ["E1", "山田 太郎", "ヤマダ"], mapped, EMPLOYEES)
    assert employee.kind is PersonKind.EMPLOYEE and employee.problems == []
    payees = ImportOptions(kind=PersonKind.PAYEE)
    [payee] = rows_for_line(2, ["", "鈴木 弁護", "スズキ"], mapped, payees)
    assert payee.kind is PersonKind.PAYEE and payee.problems == []


def test_the_year_end_layout_gives_each_line_its_dependants() -> None:
    mapped = map_headers(YEAR_END_HEADER)
    assert [g.label for g in mapped.dependants] == [
        "配偶者",
        "扶養親族1",
        "扶養親族2",
        "16歳未満の扶養親族1",
    ]
    assert mapped.dependants[0].relation == "配偶者"
    [line] = year_end_rows(1)
    rows = rows_for_line(2, line, mapped, EMPLOYEES)
    assert [r.kind for r in rows] == [PersonKind.EMPLOYEE] + [PersonKind.DEPENDENT] * 4
    assert all(r.problems == [] for r in rows), [r.problems for r in rows]
    assert {r.employee_code for r in rows[1:]} == {"Y0000"}
    assert [r.relation for r in rows[1:]] == ["配偶者", "長男", "二男", "長女"]
    assert rows[4].birth_date == date(2015, 9, 9)  # under 16: a dependant all the same
    assert all(r.number is not None for r in rows)


def test_a_dependants_problem_is_that_dependants() -> None:
    mapped = map_headers(YEAR_END_HEADER)
    [line] = year_end_rows(1)
    line[YEAR_END_HEADER.index("扶養親族2の続柄")] = ""
    rows = rows_for_line(2, line, mapped, EMPLOYEES)
    assert [(r.group, p) for r in rows for p in r.problems] == [
        ("扶養親族2", "扶養親族には続柄が必要です（例：配偶者、子）。")
    ]


def test_dependant_columns_on_a_payees_line_are_a_problem() -> None:
    mapped = map_headers(["氏名", "フリガナ", "配偶者の氏名"])
    [row] = rows_for_line(
        2, ["鈴木 弁護", "スズキ", "鈴木 花子"], mapped, ImportOptions(PersonKind.PAYEE)
    )
    assert any("配偶者の列に値があります" in p for p in row.problems)


def test_smarthr_family_columns_are_found_too() -> None:
    headers = ["従業員 社員番号", "従業員 姓", "従業員 名", "配偶者 続柄", "配偶者 姓", "配偶者 名"]
    headers += ["配偶者 姓(ヨミガナ)", "配偶者 名(ヨミガナ)", "家族1 姓", "家族1 名", "家族1 続柄"]
    mapped = map_headers(headers)
    assert mapped.columns["code"] == (0,) and mapped.columns["name"] == (1, 2)
    spouse, child = mapped.dependants
    assert spouse.columns == {"relation": (3,), "name": (4, 5), "kana": (6, 7)}
    assert (child.label, child.columns["name"]) == ("扶養親族1", (8, 9))


ELEVEN = number(3, leading_zero=True)[1:]  # what Excel leaves of a number starting with 0


def _number_row(text: str, restore_zero: bool = False):
    mapped = map_headers(["社員番号", "氏名", "フリガナ", "個人番号"])
    options = ImportOptions(kind=PersonKind.EMPLOYEE, restore_zero=restore_zero)
    [row] = rows_for_line(2, ["E1", "山田 太郎", "ヤマダ", text], mapped, options)
    return row


def test_an_eleven_digit_number_is_refused_with_the_reason() -> None:
    row = _number_row(ELEVEN)
    assert row.number is None and row.zero_dropped
    [problem] = row.problems
    assert "11桁" in problem and "先頭の「0」" in problem and "Excel" in problem
    assert ELEVEN not in problem


def test_restoring_the_zero_accepts_only_a_valid_check_digit() -> None:
    row = _number_row(ELEVEN, restore_zero=True)
    assert row.problems == [] and row.number is not None
    assert row.number.digits() == "0" + ELEVEN
    wrong = ELEVEN[:-1] + str((int(ELEVEN[-1]) + 1) % 10)
    refused = _number_row(wrong, restore_zero=True)
    assert refused.number is None
    assert ["検査用数字が合いません" in p for p in refused.problems] == [True]
    assert wrong not in refused.problems[0]


@pytest.mark.parametrize("text", ["1.23457E+11", "9.87654E+11", "1.2E11", "４.５６E＋１１"])
def test_a_number_in_exponent_form_is_refused_with_the_reason(text: str) -> None:
    row = _number_row(text)
    assert row.number is None
    [problem] = row.problems
    assert "指数" in problem and "失われて" in problem
    assert "23457" not in problem


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # S55.4.1, H2.1.8, R1.5.1, 19800401 and 1980/4/1 were read already (and are in the
        # files of test_import_layouts); these were not:
        ("s55.4.1", "1980-04-01"),
        ("h2.1.8", "1990-01-08"),
        ("1980/4/1 0:00", "1980-04-01"),
        ("1980/04/01 00:00:00", "1980-04-01"),
        ("29312", "1980-04-01"),  # Excel's serial number of that day
        ("29312.0", "1980-04-01"),
        ("T15.12.1", "1926-12-01"),
    ],
)
def test_dates_as_excel_and_payroll_software_leave_them(text: str, iso: str) -> None:
    assert parse_date(text).isoformat() == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("令和元年5月1日", "2019-05-01"),
        ("R1.5.1", "2019-05-01"),
        ("平成31年4月30日", "2019-04-30"),
        ("H31.4.30", "2019-04-30"),
        ("平成元年1月8日", "1989-01-08"),
        ("昭和64年1月7日", "1989-01-07"),
        ("令和８年６月３０日", "2026-06-30"),
    ],
)
def test_the_first_and_last_days_of_an_era_are_read(text: str, iso: str) -> None:
    assert parse_date(text).isoformat() == iso


@pytest.mark.parametrize(
    "text",
    [
        "令和元年4月30日",  # still 平成31年
        "R1.4.30",
        "平成31年5月1日",  # already 令和元年
        "H31.5.1",
        "昭和64年1月8日",  # already 平成元年
        "平成元年1月7日",
        "平成40年1月1日",  # 平成 ended in its 31st year
        "令和0年5月1日",
        "R0.5.1",
        "令和8年2月30日",
    ],
)
def test_a_date_its_era_never_had_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


def test_a_saved_layout_round_trips_and_an_old_one_is_read() -> None:
    mapped = map_headers(YEAR_END_HEADER)
    assert from_json(to_json(mapped), len(YEAR_END_HEADER)) == mapped
    assert from_json(to_json(mapped), 5) is None  # does not fit a narrower file
    assert from_json({"kind": 0, "name": 2}, 3) == ColumnMap({"kind": (0,), "name": (2,)})
    assert from_json({"name": [0, 1, 2]}, 3) is None


def test_a_mapping_file_changes_the_automatic_mapping_field_by_field() -> None:
    headers = ["社員番号", "漢字氏名", "カナ氏名", "所属コード", "所属名称"]
    automatic = map_headers(headers)
    assert "name" not in automatic.columns
    data = {"氏名": "漢字氏名", "department": 5, "code": None}
    mapped = from_user_json(UserMapping(data).data, headers, automatic)
    assert mapped.columns["name"] == (1,) and mapped.columns["department"] == (4,)
    assert "code" not in mapped.columns and mapped.columns["kana"] == (2,)
    assert describe(mapped, headers)[:2] == ["氏名 ← 漢字氏名", "フリガナ ← カナ氏名"]
    for wrong, message in (
        ({"年齢": "社員番号"}, "取込みの項目ではありません"),
        ({"氏名": "ない列"}, "見出しにありません"),
        ({"部署": 9}, "範囲外"),
        ({"部署": ["所属名称", "所属コード"]}, "1つ"),
        ([1, 2], "JSON"),
    ):
        with pytest.raises(ValueError, match=message):
            from_user_json(wrong, headers, automatic)


def test_no_message_quotes_a_number_typed_in_a_header() -> None:
    secret = number(11)
    headers = ["社員番号", "氏名", "フリガナ"]
    with pytest.raises(ValueError) as raised:
        from_user_json({"氏名": secret}, headers, map_headers(headers))
    assert secret not in str(raised.value) and my_number.echo(secret) in str(raised.value)
