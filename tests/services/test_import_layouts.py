"""Importing the files offices really have: each product's export as it is (split names, no
区分 column, CP932), the year-end layout with a spouse and three dependants per line, and a
file Excel has damaged; never a number quoted back."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import errors
from app.domain.import_mapping import ImportOptions
from app.domain.purposes import PersonKind
from app.services import importing, people, staff
from app.session import Session
from storage import people_repo
from tests.conftest import Office
from tests.support.payroll_exports import (
    PRODUCTS,
    YEAR_END_HEADER,
    number,
    product_export,
    write_csv,
    year_end_rows,
)

SCOPES = [
    "purpose:tax_withholding",
    "purpose:employment_insurance",
    "purpose:health_pension",
    "purpose:payment_records",
    "kind:employee",
    "kind:dependent",
    "kind:payee",
]
EMPLOYEES = ImportOptions(kind=PersonKind.EMPLOYEE)


@pytest.fixture
def clerk(office: Office) -> Session:
    office.manager.user = staff.set_scopes(office.manager, "kanri", SCOPES)
    return office.manager


def _problems(report: importing.ImportReport) -> str:
    return " ".join(problem for _line, problem in report.problems)


@pytest.mark.parametrize("product", sorted(PRODUCTS))
def test_each_products_export_imports_as_it_is(
    clerk: Session, tmp_path: Path, product: str
) -> None:
    path = product_export(tmp_path / "社員.csv", product)
    checked = importing.dry_run(clerk, path, options=EMPLOYEES)
    assert checked.problems == [] and (checked.new, checked.lines) == (3, 3)
    report = importing.commit(clerk, path, options=EMPLOYEES)
    assert (report.employees, report.numbers, report.new) == (3, 3, 3)
    found = {p.code: p for p in people.search(clerk).rows}
    assert found["E0001"].name.replace("\u3000", " ") == "山田 太郎"
    assert found["E0001"].kana == "ヤマダ タロウ"
    assert found["E0003"].kana == "スズキ イチロウ"  # half-width in the file
    assert found["E0002"].birth_date == "1985-07-15"  # S60.7.15


def test_a_file_without_a_kind_column_asks_what_it_lists(clerk: Session, tmp_path: Path) -> None:
    path = product_export(tmp_path / "社員.csv", "issue #19")
    with pytest.raises(errors.InvalidInput, match="区分") as raised:
        importing.dry_run(clerk, path)
    assert "従業員か支払先か" in raised.value.message
    payees = write_csv(
        tmp_path / "支払先.csv",
        ["氏名", "フリガナ", "個人番号"],
        [["鈴木 弁護", "スズキ ベンゴ", number(40)], ["高橋 税理", "タカハシ ゼイリ", ""]],
    )
    report = importing.commit(clerk, payees, options=ImportOptions(kind=PersonKind.PAYEE))
    assert report.problems == [] and (report.payees, report.numbers) == (2, 1)


def test_the_year_end_layout_imports_each_employee_with_their_dependants(
    clerk: Session, office: Office, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "年末調整.csv", YEAR_END_HEADER, year_end_rows(20))
    report = importing.commit(clerk, path, options=EMPLOYEES)
    assert report.problems == []
    assert (report.employees, report.dependents, report.numbers) == (20, 80, 100)
    conn = clerk.vault.conn
    employee = people_repo.employee_by_code(conn, "Y0003")
    assert employee is not None
    family = people_repo.dependents_of(conn, employee[0])
    assert [(p.name, p.relation, p.has_number) for p in family] == [
        ("本田 花子", "配偶者", True),
        ("本田 一郎", "長男", True),
        ("本田 次郎", "二男", True),
        ("本田 三子", "長女", True),
    ]
    # Their employee's department, as a dependent row of the template gets it.
    assert {p.department for p in family} == {"総務部"}


def test_a_wrong_dependant_stops_the_whole_file_and_says_which_one(
    clerk: Session, office: Office, tmp_path: Path
) -> None:
    rows = year_end_rows(3)
    rows[1][YEAR_END_HEADER.index("16歳未満の扶養親族1の生年月日")] = "昨日"
    rows[2][YEAR_END_HEADER.index("配偶者の個人番号")] = rows[0][
        YEAR_END_HEADER.index("扶養親族1の個人番号")
    ]
    path = write_csv(tmp_path / "年末調整.csv", YEAR_END_HEADER, rows)
    before = people.search(clerk).total
    report = importing.commit(clerk, path, options=EMPLOYEES)
    assert [(line, p.split("：")[0]) for line, p in report.problems] == [
        (3, "16歳未満の扶養親族1"),
        (4, "配偶者"),
    ]
    assert "日付として読めません" in report.problems[0][1]
    assert "個人番号が2行目と同じです" in report.problems[1][1]
    assert people.search(clerk).total == before
    assert rows[0][YEAR_END_HEADER.index("扶養親族1の個人番号")] not in _problems(report)


ELEVEN = number(21, leading_zero=True)[1:]
EXCEL_HEADER = ["社員番号", "氏名", "フリガナ", "生年月日", "個人番号"]


def _damaged(tmp_path: Path) -> Path:
    """A list saved from Excel: a number that lost its leading zero, one in exponent form,
    dates as Excel and payroll software leave them."""
    wrong_check = ELEVEN[:-1] + str((int(ELEVEN[-1]) + 3) % 10)
    return write_csv(
        tmp_path / "Excelで保存.csv",
        EXCEL_HEADER,
        [
            ["E1", "山田 太郎", "ヤマダ タロウ", "S55.4.1", ELEVEN],
            ["E2", "佐藤 花子", "サトウ ハナコ", "H2.1.8", "1.23457E+11"],
            ["E3", "鈴木 一郎", "スズキ イチロウ", "R1.5.1", number(22)],
            ["E4", "高橋 健太", "タカハシ ケンタ", "19800401", wrong_check],
            ["E5", "田中 優子", "タナカ ユウコ", "1980/4/1", ""],
        ],
    )


def test_excels_damage_is_explained_and_the_zero_restored_only_when_chosen(
    clerk: Session, tmp_path: Path
) -> None:
    path = _damaged(tmp_path)
    report = importing.dry_run(clerk, path, options=EMPLOYEES)
    by_line = dict(report.problems)
    assert set(by_line) == {2, 3, 5}
    assert "11桁" in by_line[2] and "先頭の「0」" in by_line[2]
    assert "指数" in by_line[3] and "失われて" in by_line[3]
    assert report.zero_dropped == 2
    text = _problems(report)
    assert ELEVEN not in text and ELEVEN[:-1] not in text and "123457" not in text

    restored = ImportOptions(kind=PersonKind.EMPLOYEE, restore_zero=True)
    again = importing.dry_run(clerk, path, options=restored)
    assert sorted(line for line, _p in again.problems) == [3, 5]
    assert "検査用数字が合いません" in dict(again.problems)[5]
    assert "指数" in dict(again.problems)[3]  # lost digits are never made up


def test_an_xlsx_with_serial_dates_and_a_number_cell_that_lost_its_zero(
    clerk: Session, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["社員番号", "姓", "名", "セイ", "メイ", "生年月日", "入社年月日", "マイナンバー"])
    # What a sheet holds when the date and number columns were formatted as numbers.
    sheet.append(["E1", "山田", "太郎", "ヤマダ", "タロウ", 29312, 40269, int(ELEVEN)])
    sheet.append(["E2", "佐藤", "花子", "サトウ", "ハナコ", 31000, 43922, int(number(23))])
    path = tmp_path / "社員.xlsx"
    book.save(path)
    refused = importing.dry_run(clerk, path, options=EMPLOYEES)
    assert [line for line, _p in refused.problems] == [2]
    options = ImportOptions(kind=PersonKind.EMPLOYEE, restore_zero=True)
    report = importing.commit(clerk, path, options=options)
    assert report.problems == [] and report.numbers == 2
    found = {p.code: p for p in people.search(clerk).rows}
    assert found["E1"].birth_date == "1980-04-01" and found["E2"].birth_date == "1984-11-14"
