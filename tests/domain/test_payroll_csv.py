"""Every check of one payroll row, the header names of the common exports, and the saved
layout: problems name their column and never quote a value that could be a number."""

from __future__ import annotations

from dataclasses import asdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import payroll_cells, payroll_csv, payroll_fields
from app.domain.payroll_csv import CellProblem, check_row, count_problems, parse_amount
from app.domain.year_end import LEFT_ON, NO_ADJUSTMENT, OFFICER

HEADERS = [
    "社員番号",
    "氏名",
    "支払金額",
    "給与所得控除後の金額（調整控除後）",
    "所得控除の額の合計額",
    "源泉徴収税額",
    "社会保険料等の金額",
    "基礎控除額",
    "控除対象扶養親族の数",
    "16歳未満扶養親族の数",
    "役員",
    "乙欄",
    "退職年月日",
]
MAPPING = payroll_fields.map_headers(HEADERS)


def row(**cells: str) -> list[str]:
    base = {
        "社員番号": "E001",
        "氏名": "山田 太郎",
        "支払金額": "5,000,000",
        "給与所得控除後の金額（調整控除後）": "3,560,000",
        "所得控除の額の合計額": "1,470,000",
        "源泉徴収税額": "113,800",
        "社会保険料等の金額": "750,000",
        "基礎控除額": "680,000",
    }
    base.update(cells)
    return [base.get(header, "") for header in HEADERS]


def test_the_common_export_names_map_themselves() -> None:
    assert MAPPING == {
        "code": 0,
        "name": 1,
        "payment": 2,
        "income_after_deduction": 3,
        "deductions_total": 4,
        "tax": 5,
        "social_insurance": 6,
        "basic_deduction": 7,
        "dependants_count": 8,
        "under16_count": 9,
        "officer": 10,
        "otsu": 11,
        "left_on": 12,
    }
    assert payroll_fields.map_headers(["従業員コード", "支払額"]) == {"code": 0, "payment": 1}
    assert payroll_fields.missing({"code": 0}) == ["支払金額"]


def test_a_number_column_is_found_in_any_form() -> None:
    headers = ["社員番号", "個人番号", "配偶者 マイナンバー", "扶養親族1の個人番号", "支払金額"]
    assert payroll_fields.number_columns(headers) == [1, 2, 3]


def test_a_good_row_has_its_amounts_and_facts() -> None:
    checked = check_row(2, row(役員="○", 乙欄=""), MAPPING, 2026)
    assert checked.problems == []
    assert checked.code == "E001"
    assert checked.amounts["payment"] == 5_000_000
    assert checked.facts == {OFFICER: "1", LEFT_ON: "", NO_ADJUSTMENT: ""}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1234", 1234),
        ("1,234", 1234),
        ("１，２３４", 1234),
        ("¥1,234", 1234),
        ("1234円", 1234),
        ("0", 0),
        ("", None),
        ("1234.0", 1234),
        ("9999999999", 9_999_999_999),
    ],
)
def test_amounts_that_are_read(text: str, value: int | None) -> None:
    assert parse_amount(text) == value


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("1.2E+06", "指数"),
        ("-100", "マイナス"),
        ("△100", "マイナス"),
        ("12.5", "端数"),
        ("12,34", "読めません"),
        ("abc", "読めません"),
        ("10000000000", "桁"),
    ],
)
def test_amounts_that_are_refused(text: str, why: str) -> None:
    with pytest.raises(CellProblem, match=why):
        parse_amount(text)


def test_each_problem_names_its_column_and_row_checks_add_up() -> None:
    checked = check_row(
        3,
        row(
            支払金額="1,000",
            源泉徴収税額="2,000",
            所得控除の額の合計額="100",
            控除対象扶養親族の数="x",
        ),
        MAPPING,
        2026,
    )
    assert "給与所得控除後の金額：支払金額を超えています。" in checked.problems
    assert "源泉徴収税額：支払金額を超えています。" in checked.problems
    assert any(p.startswith("所得控除の額の合計額：内訳") for p in checked.problems)
    assert any(p.startswith("控除対象扶養親族の数：") for p in checked.problems)


def test_a_missing_code_and_an_empty_payment_are_problems() -> None:
    checked = check_row(2, row(社員番号="", 支払金額=""), MAPPING, 2026)
    assert any(p.startswith("従業員コード：空欄") for p in checked.problems)
    assert any(p.startswith("支払金額：空欄") for p in checked.problems)


def test_a_number_or_a_formula_in_a_cell_is_refused_and_never_quoted() -> None:
    checked = check_row(2, row(源泉徴収税額="123456789018", 氏名="=HYPERLINK(1)"), MAPPING, 2026)
    assert any("個人番号のような数字列" in p for p in checked.problems)
    assert any(p.startswith("氏名：数式") for p in checked.problems)
    assert "123456789018" not in " ".join(checked.problems)


@pytest.mark.parametrize(
    "text", ["令和8年6月30日", "R8.6.30", "2026/6/30", "2026-06-30", "20260630"]
)
def test_the_leaving_date_in_wareki_or_seireki(text: str) -> None:
    checked = check_row(
        2, row(退職年月日=text, **{"給与所得控除後の金額（調整控除後）": ""}), MAPPING, 2026
    )
    assert checked.problems == []
    # Left during the year without a year-end adjustment: the reason follows.
    assert checked.facts[LEFT_ON] == "2026-06-30" and checked.facts[NO_ADJUSTMENT] == "left"


def test_a_leaving_date_outside_the_year_or_unreadable_is_a_problem() -> None:
    assert any(
        "2026年中の日付ではありません" in p
        for p in check_row(2, row(退職年月日="令和7年3月31日"), MAPPING, 2026).problems
    )
    assert any(
        "日付として読めません" in p
        for p in check_row(2, row(退職年月日="6月末"), MAPPING, 2026).problems
    )


@pytest.mark.parametrize("text", ["令和元年4月30日", "平成31年5月1日", "令和8年2月30日"])
def test_a_leaving_date_its_era_never_had_is_a_problem_not_a_date(text: str) -> None:
    year = 2026 if text.startswith("令和8") else 2019
    checked = check_row(2, row(退職年月日=text), MAPPING, year)
    assert any("日付として読めません" in p for p in checked.problems)
    assert checked.facts[LEFT_ON] == ""


def test_the_last_day_of_heisei_and_the_first_of_reiwa_are_read() -> None:
    for text, iso in (("平成31年4月30日", "2019-04-30"), ("令和元年5月1日", "2019-05-01")):
        checked = check_row(2, row(退職年月日=text), MAPPING, 2019)
        assert checked.facts[LEFT_ON] == iso, checked.problems


def test_otsu_means_no_year_end_adjustment() -> None:
    checked = check_row(2, row(乙欄="○"), MAPPING, 2026)
    assert checked.facts[NO_ADJUSTMENT] == "otsu"
    assert any("乙欄：" in p for p in check_row(2, row(乙欄="たぶん"), MAPPING, 2026).problems)


def test_dependant_counts_from_parts_and_against_the_register() -> None:
    headers = [
        "社員番号",
        "支払金額",
        "特定扶養親族の数",
        "老人扶養親族の数",
        "その他の扶養親族の数",
    ]
    mapping = payroll_fields.map_headers(headers)
    checked = check_row(2, ["E001", "100", "1", "0", "2"], mapping, 2026)
    assert checked.dependants == 3
    assert count_problems(checked, 3, 0) == []
    differences = count_problems(checked, 2, 0)
    assert differences == [
        "控除対象扶養親族の数：ファイルでは3人、登録されている16歳以上の扶養親族は2人です。"
    ]


def test_a_saved_layout_is_used_only_when_it_fits() -> None:
    saved = payroll_fields.to_json({"code": 0, "payment": 2})
    assert payroll_fields.from_json(saved, 3) == {"code": 0, "payment": 2}
    assert payroll_fields.from_json(saved, 2) is None
    assert payroll_fields.from_json({"number": 1}, 3) is None
    assert payroll_fields.from_json({"code": True}, 3) is None


def test_the_deduction_parts_are_the_ones_the_total_holds() -> None:
    assert "housing_loan" not in payroll_csv.DEDUCTION_PARTS  # a tax credit, not a deduction


def test_a_refused_payment_is_reported_once() -> None:
    checked = check_row(2, row(支払金額="=1+1"), MAPPING, 2026)
    assert [p for p in checked.problems if p.startswith("支払金額")] == [
        "支払金額：数式のような値があります（先頭が「=」「+」「@」）。"
    ]


# Cells of every kind a column may mix: plain amounts (read a column at a time) and the forms
# only the cell-by-cell reading takes or refuses, flags, dates, codes, names, formulas, numbers.
CELLS = [
    "",
    " ",
    "0",
    "1234",
    "1,234",
    "1,234,567,890",
    "9999999999",
    "0,001",
    "00000000001",
    "10000000000",
    "12,345,678,901",
    "12,34",
    "１，２３４",
    "¥1,234",
    "1234円",
    "1234.0",
    "12.5",
    "1.2E+06",
    "-100",
    "△100",
    "abc",
    "=1+1",
    "+81",
    " @x",
    "123456789018",
    "1234 5678 9018",
    "１２３４５６７８９０１８",
    "E001",
    "E0000000000001",
    "ABC-12",
    "山田 太郎",
    "○",
    "乙",
    "×",
    "たぶん",
    "令和8年6月30日",
    "2025-01-01",
    "6月末",
    "中途退職",
    "3人",
    "100",
    "1_000",
    "\u3000123\u3000",
    "1\x002",
    "0\x00=1",
]


@given(
    st.lists(st.lists(st.sampled_from(CELLS), max_size=len(HEADERS) + 1), min_size=1, max_size=6),
    st.sampled_from([2025, 2026]),
)
@settings(max_examples=300, deadline=None)
def test_a_file_checked_a_column_at_a_time_gives_each_row_what_the_row_alone_gives(
    lines: list[list[str]], year: int
) -> None:
    # A row alone takes the whole-column reading wherever its cells are plain; in the file, a
    # column with one other cell is read cell by cell: both must give the same rows.
    together = payroll_csv.check_rows(lines, MAPPING, year)
    alone = [check_row(line, cells, MAPPING, year) for line, cells in enumerate(lines, start=2)]
    assert [asdict(checked) for checked in together] == [asdict(checked) for checked in alone]


def test_plain_amount_columns_are_read_whole_and_others_cell_by_cell(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read: list[str] = []
    cell_by_cell = payroll_cells.read_amount

    def counted(text: str) -> int | None:
        read.append(text)
        return cell_by_cell(text)

    monkeypatch.setattr(payroll_cells, "read_amount", counted)
    plain = [row(), row(源泉徴収税額=""), row(支払金額="1,234,567,890", 基礎控除額="0")]
    checked = payroll_csv.check_rows(plain, MAPPING, 2026)
    assert read == []
    assert [c.amounts["payment"] for c in checked] == [5_000_000, 5_000_000, 1_234_567_890]
    assert checked[1].amounts["tax"] is None and checked[2].amounts["basic_deduction"] == 0
    # One cell in another form: only its column is read cell by cell, to the same amounts.
    checked = payroll_csv.check_rows([*plain, row(源泉徴収税額="¥113,800")], MAPPING, 2026)
    assert read == ["113,800", "", "113,800", "¥113,800"]
    assert [c.amounts["tax"] for c in checked] == [113_800, None, 113_800, 113_800]
    assert all(c.problems == [] for c in checked)
