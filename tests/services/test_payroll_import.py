"""The payroll import through the service: all rows or none, a re-import that changes nothing,
a changed amount kept as a logged correction, the member's scope and permission, the dependant
counts against the register, a file with numbers refused; nothing logged holds a number."""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from pathlib import Path

import pytest

from app import errors
from app.domain.year_end import LEFT_ON, NO_ADJUSTMENT, OFFICER, SALARY, YearEndEntry
from app.services import auth, payroll_import, payroll_template, people, staff, year_end
from app.services.payroll_import import PayrollOptions
from app.session import Session
from tests.conftest import AUDITOR_PASSWORD, Office, add_member
from tests.services.test_numbers import ALL_SCOPES, _employee, _events

HEADER = [
    "社員番号",
    "氏名",
    "支払金額",
    "源泉徴収税額",
    "社会保険料等の金額",
    "控除対象扶養親族の数",
    "16歳未満扶養親族の数",
    "役員",
    "退職日",
]


@pytest.fixture
def manager(office: Office) -> Session:
    office.manager.user = staff.set_scopes(office.manager, "kanri", ALL_SCOPES)
    return office.manager


def write(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="cp932", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def line(code: str, payment: str = "5,000,000", tax: str = "113,800", **more: str) -> list[str]:
    return [
        code,
        "山田 太郎",
        payment,
        tax,
        "750,000",
        more.get("older", ""),
        more.get("younger", ""),
        more.get("officer", ""),
        more.get("left", ""),
    ]


@pytest.fixture
def staffed(manager: Session) -> dict[str, int]:
    first = _employee(manager, "E001")
    second = _employee(manager, "E002", department="営業部")
    people.register_dependent(
        manager,
        employee_id=first.id,
        name="山田 花子",
        kana_text="ヤマダ ハナコ",
        birth_date=date(1982, 5, 5),
        relation="配偶者",
    )
    people.register_dependent(
        manager,
        employee_id=first.id,
        name="山田 一郎",
        kana_text="ヤマダ イチロウ",
        birth_date=date(2015, 1, 1),
        relation="子",
    )
    return {"E001": first.id, "E002": second.id}


def all_logged(office: Office) -> str:
    rows = office.manager.vault.conn.execute("SELECT target, detail FROM audit_log").fetchall()
    return " ".join(f"{target} {detail}" for target, detail in rows)


def test_check_then_import_all_rows_with_their_events(
    office: Office, manager: Session, staffed: dict[str, int], tmp_path: Path
) -> None:
    path = write(
        tmp_path / "年末調整.csv",
        [
            line("E001", older="0", younger="1", officer="○"),
            line("E002", payment="3,000,000", left="R8.6.30"),
        ],
    )
    checked = payroll_import.dry_run(manager, path, 2026)
    assert checked.problems == [] and checked.count_differences == []
    assert (checked.new, checked.changed, checked.unchanged) == (2, 0, 0)
    assert year_end.for_year(manager, 2026) == []  # a dry run writes nothing
    report = payroll_import.commit(manager, path, 2026)
    assert report.committed and report.new == 2
    first = year_end.load(manager, staffed["E001"], 2026, SALARY)
    assert first is not None and first.amounts == {
        "payment": 5_000_000,
        "tax": 113_800,
        "social_insurance": 750_000,
    }
    assert first.facts == {OFFICER: "1"} and first.source == "import:年末調整.csv"
    second = year_end.load(manager, staffed["E002"], 2026, SALARY)
    assert second is not None and second.facts == {LEFT_ON: "2026-06-30", NO_ADJUSTMENT: "left"}
    assert len(_events(office, "year_end.saved")) == 2
    (imported,) = _events(office, "payroll.imported")
    assert json.loads(imported[2]) == {
        "year": 2026,
        "form": SALARY,
        "rows": 2,
        "new": 2,
        "changed": 0,
        "unchanged": 0,
    }
    assert len(_events(office, "payroll.checked")) == 1


def test_one_bad_row_imports_nothing_and_every_problem_is_listed(
    office: Office, manager: Session, staffed: dict[str, int], tmp_path: Path
) -> None:
    path = write(
        tmp_path / "p.csv", [line("E001"), line("E002", payment="-5"), line("E999"), line("E001")]
    )
    report = payroll_import.commit(manager, path, 2026)
    assert not report.committed and report.blocked
    lines = sorted({n for n, _ in report.problems})
    assert lines == [3, 4, 5]
    text = " ".join(p for _, p in report.problems)
    assert (
        "支払金額：マイナス" in text and "「E999」の従業員" in text and "2行目と同じ従業員" in text
    )
    assert year_end.for_year(manager, 2026) == []
    assert _events(office, "year_end.saved") == [] and _events(office, "payroll.imported") == []


def test_a_reimport_changes_nothing_and_a_changed_amount_is_a_logged_correction(
    office: Office, manager: Session, staffed: dict[str, int], tmp_path: Path
) -> None:
    path = write(tmp_path / "p.csv", [line("E001"), line("E002")])
    payroll_import.commit(manager, path, 2026)
    again = payroll_import.commit(manager, path, 2026)
    assert (again.new, again.changed, again.unchanged) == (0, 0, 2)
    assert _events(office, "year_end.corrected") == []
    changed = write(tmp_path / "p2.csv", [line("E001", tax="98,000"), line("E002")])
    checked = payroll_import.dry_run(manager, changed, 2026)
    (change,) = [c for c in checked.changes if c.state == "changed"]
    assert change.code == "E001" and change.fields == ("源泉徴収税額",)
    payroll_import.commit(manager, changed, 2026)
    (corrected,) = _events(office, "year_end.corrected")
    assert json.loads(corrected[2])["fields"] == ["tax"]
    assert "98000" not in all_logged(office)


def test_fields_the_file_does_not_have_keep_what_the_clerk_typed(
    manager: Session, staffed: dict[str, int], tmp_path: Path
) -> None:
    person = staffed["E001"]
    year_end.save(
        manager, YearEndEntry(person, 2026, SALARY, {"payment": 1, "life_insurance": 40_000})
    )
    path = write(tmp_path / "p.csv", [["E001", "6000000"]], header=["社員番号", "支払金額"])
    payroll_import.commit(manager, path, 2026)
    stored = year_end.load(manager, person, 2026, SALARY)
    assert stored is not None and stored.amounts == {"payment": 6_000_000, "life_insurance": 40_000}


def test_a_new_slip_holds_only_the_cells_given_whether_or_not_its_row_has_empty_ones(
    office: Office, manager: Session, staffed: dict[str, int], tmp_path: Path
) -> None:
    # E001's row is full (the slip may hold the row's own values), E002's has an empty amount
    # and empty facts (left out of the slip and of its event's fields).
    path = write(tmp_path / "p.csv", [line("E001", officer="○"), line("E002", tax="")])
    payroll_import.commit(manager, path, 2026)
    first = year_end.load(manager, staffed["E001"], 2026, SALARY)
    second = year_end.load(manager, staffed["E002"], 2026, SALARY)
    assert first is not None and second is not None
    assert first.amounts == {"payment": 5_000_000, "tax": 113_800, "social_insurance": 750_000}
    assert first.facts == {OFFICER: "1"}
    assert second.amounts == {"payment": 5_000_000, "social_insurance": 750_000}
    assert second.facts == {}
    saved = [json.loads(detail)["fields"] for _, _, detail in _events(office, "year_end.saved")]
    assert saved == [
        ["officer", "payment", "social_insurance", "tax"],
        ["payment", "social_insurance"],
    ]


def test_dependant_counts_that_differ_must_be_accepted(
    manager: Session, staffed: dict[str, int], tmp_path: Path
) -> None:
    path = write(tmp_path / "p.csv", [line("E001", older="2", younger="1")])
    report = payroll_import.commit(manager, path, 2026)
    assert not report.committed and report.problems == []
    assert report.count_differences == [
        (2, "控除対象扶養親族の数：ファイルでは2人、登録されている16歳以上の扶養親族は0人です。")
    ]
    accepted = payroll_import.commit(
        manager, path, 2026, options=PayrollOptions(accept_counts=True)
    )
    assert accepted.committed and accepted.new == 1


def test_an_employee_outside_the_scope_reads_as_unknown_and_the_refusal_is_logged(
    office: Office, manager: Session, staffed: dict[str, int], tmp_path: Path
) -> None:
    office.manager.user = staff.set_scopes(
        office.manager, "kanri", [*ALL_SCOPES[:3], "dept:総務部"]
    )
    path = write(tmp_path / "p.csv", [line("E001"), line("E002")])
    report = payroll_import.commit(office.manager, path, 2026)
    assert [n for n, _ in report.problems] == [3]
    assert "「E002」の従業員が、あなたの担当範囲に見つかりません" in report.problems[0][1]
    denied = [d for _, t, d in _events(office, "access.denied") if t.startswith("import:payroll")]
    assert json.loads(denied[0]) == {"reason": "group_scope", "rows": 1}


def test_a_member_without_the_permission_is_refused_and_logged(
    office: Office, manager: Session, staffed: dict[str, int], tmp_path: Path
) -> None:
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD, ALL_SCOPES)
    auditor = auth.sign_in(office.data, "kansa", AUDITOR_PASSWORD, office.clock)
    path = write(tmp_path / "p.csv", [line("E001")])
    with pytest.raises(errors.PermissionDenied):
        payroll_import.commit(auditor, path, 2026)
    auditor.close()
    assert any(t == "import:payroll" for _, t, _ in _events(office, "access.denied"))
    assert year_end.for_year(manager, 2026) == []


def test_a_file_with_a_number_column_is_refused_without_reading_it(
    manager: Session, staffed: dict[str, int], tmp_path: Path
) -> None:
    path = write(
        tmp_path / "p.csv",
        [["E001", "123456789018", "100"]],
        header=["社員番号", "個人番号", "支払金額"],
    )
    with pytest.raises(errors.InvalidInput, match="個人番号の列があります") as raised:
        payroll_import.dry_run(manager, path, 2026)
    assert "123456789018" not in raised.value.message


def test_a_number_in_a_cell_never_reaches_the_log(
    office: Office, manager: Session, staffed: dict[str, int], tmp_path: Path
) -> None:
    path = write(tmp_path / "p.csv", [line("E001", tax="123456789018"), line("123456789018")])
    report = payroll_import.commit(manager, path, 2026)
    assert report.blocked
    shown = " ".join(p for _, p in report.problems)
    assert "123456789018" not in shown
    assert not re.search(r"\d{12}", all_logged(office))


def test_the_template_is_for_the_people_templates_example_employee(
    manager: Session, tmp_path: Path
) -> None:
    _employee(manager, "E0001")
    path = tmp_path / "t.csv"
    path.write_bytes(payroll_template.template_csv())
    report = payroll_import.commit(manager, path, 2026)
    assert report.committed and report.problems == [] and report.new == 1


def test_a_year_out_of_range_or_a_file_without_rows_is_refused(
    manager: Session, tmp_path: Path
) -> None:
    with pytest.raises(errors.InvalidInput, match="年分"):
        payroll_import.dry_run(manager, write(tmp_path / "p.csv", []), 1999)
    with pytest.raises(errors.InvalidInput, match="データの行がありません"):
        payroll_import.dry_run(manager, write(tmp_path / "p.csv", []), 2026)


def test_nothing_logged_by_the_program_holds_a_number(
    manager: Session, staffed: dict[str, int], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    path = write(tmp_path / "p.csv", [line("E001", tax="123456789018"), line("123456789018")])
    payroll_import.dry_run(manager, path, 2026)
    payroll_import.commit(manager, path, 2026)
    assert not re.search(r"\d{12}", caplog.text)


def test_an_excel_file_imports_like_a_csv(
    manager: Session, staffed: dict[str, int], tmp_path: Path
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["社員番号", "支払金額", "源泉徴収税額", "退職年月日"])
    sheet.append(["E002", 3_000_000, 0, date(2026, 6, 30)])
    path = tmp_path / "年末調整.xlsx"
    book.save(path)
    report = payroll_import.commit(manager, path, 2026)
    assert report.committed and report.new == 1
    stored = year_end.load(manager, staffed["E002"], 2026, SALARY)
    assert stored is not None and stored.amounts == {"payment": 3_000_000, "tax": 0}
    assert stored.facts[LEFT_ON] == "2026-06-30"


def test_a_mapping_file_changes_the_recognised_columns() -> None:
    from app.commands_payroll import resolve_mapping

    headers = ["社員番号", "総支給", "源泉徴収税額"]
    assert resolve_mapping({"支払金額": "総支給", "tax": None}, headers) == {
        "code": 0,
        "payment": 1,
    }
    assert resolve_mapping({"支払金額": 2}, headers)["payment"] == 1
    with pytest.raises(errors.InvalidInput, match="見出しにありません"):
        resolve_mapping({"支払金額": "ない列"}, headers)
    with pytest.raises(errors.InvalidInput, match="給与データの項目ではありません"):
        resolve_mapping({"個人番号": 1}, headers)


def test_a_code_excel_cut_the_zeros_from_is_named_as_such(
    manager: Session, staffed: dict[str, int], tmp_path: Path
) -> None:
    path = write(tmp_path / "p.csv", [line("1")])
    (problem,) = payroll_import.dry_run(manager, path, 2026).problems
    assert "先頭の「0」" in problem[1]
