"""Re-importing an updated file: people matched by code, number or (confirmed) name and birth
date; what is new, what changes field by field, what stays; changes made as corrections with
the import as their reason; a number never overwritten; nothing deleted."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from app.domain.import_mapping import ImportOptions
from app.domain.my_number import MyNumber
from app.domain.purposes import PersonKind
from app.services import audit, corrections, importing, numbers, people, staff
from app.session import Session
from storage import people_repo
from tests.conftest import Office
from tests.support.payroll_exports import YEAR_END_HEADER, number, write_csv, year_end_rows

SCOPES = [
    "purpose:tax_withholding",
    "purpose:employment_insurance",
    "purpose:health_pension",
    "kind:employee",
    "kind:dependent",
]
HEADER = [*YEAR_END_HEADER, "退職日"]
EMPLOYEES = ImportOptions(kind=PersonKind.EMPLOYEE)
CONFIRMED = ImportOptions(kind=PersonKind.EMPLOYEE, accept_name_matches=True)


def _col(name: str) -> int:
    return HEADER.index(name)


@pytest.fixture
def clerk(office: Office) -> Session:
    office.manager.user = staff.set_scopes(office.manager, "kanri", SCOPES)
    return office.manager


def _first(tmp_path: Path) -> list[list[str]]:
    return [[*row, ""] for row in year_end_rows(4)]


def _updated(first: list[list[str]]) -> list[list[str]]:
    """Y0000 married into 山本 and moved to 経理部 (her spouse's number left out this year);
    Y0001 left; Y0002's number in the file differs from the one registered; Y0003 is not in
    the file at all; Y0004 is new."""
    rows = copy.deepcopy(first[:3])
    rows[0][_col("姓")] = "山本"
    rows[0][_col("部署")] = "経理部"
    rows[0][_col("配偶者の個人番号")] = ""
    rows[1][_col("退職日")] = "2026/3/31"
    rows[2][_col("個人番号")] = number(999)
    [new] = year_end_rows(1, seed=8)
    new[0] = "Y0004"
    rows.append([*new, ""])
    return rows


def _imported(clerk: Session, tmp_path: Path) -> tuple[list[list[str]], Path]:
    first = _first(tmp_path)
    report = importing.commit(
        clerk, write_csv(tmp_path / "2025.csv", HEADER, first), options=EMPLOYEES
    )
    assert report.problems == [] and report.new == 20
    return first, write_csv(tmp_path / "2026.csv", HEADER, _updated(first))


def _person(clerk: Session, code: str) -> people_repo.PersonDetails:
    found = people_repo.employee_by_code(clerk.vault.conn, code)
    assert found is not None
    details = people_repo.details(clerk.vault.conn, found[0])
    assert details is not None
    return details


def test_the_dry_run_shows_new_changed_and_unchanged_field_by_field(
    clerk: Session, tmp_path: Path
) -> None:
    first, path = _imported(clerk, tmp_path)
    report = importing.dry_run(clerk, path, options=EMPLOYEES)
    assert report.problems == []
    # New: Y0004 and its four dependants. Changed: Y0000, Y0001. Unchanged: Y0002 (its
    # number is only listed) and the twelve dependants of Y0000–Y0002.
    assert (report.new, report.changed, report.unchanged) == (5, 2, 13)
    changes = {(c.line, c.who, c.field, c.before, c.after) for c in report.changes}
    assert changes == {
        (2, "Y0000 山田 太郎", "氏名", "山田 太郎", "山本 太郎"),
        (2, "Y0000 山田 太郎", "部署", "総務部", "経理部"),
        (3, "Y0001 田中 太郎", "退職日", "（なし）", "2026-03-31"),
        (3, "Y0001 田中 太郎", "在職状況", "在職", "退職"),
    }
    assert report.notices == [(4, "Y0002 中川 太郎")]  # its number: listed, never written
    # The spouse without a number this year is found by name and birth date: to confirm.
    assert report.name_matches == [(2, "山田 花子（Y0000の配偶者）")]
    assert not report.confirmed and report.blocked
    printed = repr(report)
    for row in first:
        assert row[_col("個人番号")] not in printed
    assert number(999) not in printed


def test_nothing_is_written_until_the_name_matches_are_confirmed(
    clerk: Session, office: Office, tmp_path: Path
) -> None:
    _first, path = _imported(clerk, tmp_path)
    before = people.search(clerk).total
    blocked = importing.commit(clerk, path, options=EMPLOYEES)
    assert blocked.blocked and blocked.problems == []
    assert people.search(clerk).total == before
    assert _person(clerk, "Y0000").name == "山田 太郎"


def test_confirmed_changes_become_corrections_and_nothing_is_deleted_or_overwritten(
    clerk: Session, office: Office, tmp_path: Path
) -> None:
    first, path = _imported(clerk, tmp_path)
    before = people.search(clerk).total
    report = importing.commit(clerk, path, options=CONFIRMED)
    assert report.problems == [] and (report.new, report.changed, report.unchanged) == (5, 2, 13)
    assert (report.employees, report.dependents, report.numbers) == (1, 4, 5)
    assert people.search(clerk).total == before + 5

    married = _person(clerk, "Y0000")
    assert (married.name, married.department) == ("山本 太郎", "経理部")
    [record] = corrections.history(clerk, married.id)
    assert record.reason == "ファイル「2026.csv」の取込みによる更新"
    assert {c["field"] for c in record.changes} == {"name", "department"}
    left = _person(clerk, "Y0001")
    assert (left.leave_date, left.status, left.retired_at) == ("2026-03-31", "left", "2026-03-31")

    # The number in the file differed: the registered one stays.
    other = _person(clerk, "Y0002")
    assert numbers.is_number_on_file(clerk, other.id, MyNumber(first[2][_col("個人番号")]))
    assert not numbers.is_number_on_file(clerk, other.id, MyNumber(number(999)))
    # Not in the file: still there, untouched.
    assert _person(clerk, "Y0003").name == "本田 太郎"
    # The spouse confirmed by name keeps their registered number.
    spouse = people_repo.dependents_of(clerk.vault.conn, married.id)[0]
    assert (spouse.name, spouse.has_number) == ("山田 花子", True)
    conn = clerk.vault.conn
    actions = [r[0] for r in conn.execute("SELECT action FROM audit_log ORDER BY seq")]
    assert actions.count("person.updated") == 2
    assert audit.verify_chain(clerk).entries == len(actions)


def test_a_number_is_added_to_someone_registered_without_one(
    clerk: Session, tmp_path: Path
) -> None:
    header = ["社員番号", "氏名", "フリガナ", "個人番号"]
    importing.commit(
        clerk,
        write_csv(tmp_path / "a.csv", header, [["E1", "山田 太郎", "ヤマダ タロウ", ""]]),
        options=EMPLOYEES,
    )
    later = write_csv(tmp_path / "b.csv", header, [["E1", "山田 太郎", "ヤマダ タロウ", number(5)]])
    checked = importing.dry_run(clerk, later, options=EMPLOYEES)
    assert [(c.field, c.before, c.after) for c in checked.changes] == [
        ("個人番号", "（なし）", "登録する")
    ]
    report = importing.commit(clerk, later, options=EMPLOYEES)
    assert (report.new, report.changed, report.numbers) == (0, 1, 1)
    person = _person(clerk, "E1")
    assert numbers.is_number_on_file(clerk, person.id, MyNumber(number(5)))
    again = importing.dry_run(clerk, later, options=EMPLOYEES)
    assert (again.changed, again.unchanged) == (0, 1)


def test_an_empty_cell_never_clears_what_is_registered(clerk: Session, tmp_path: Path) -> None:
    header = ["社員番号", "氏名", "フリガナ", "生年月日", "部署"]
    importing.commit(
        clerk,
        write_csv(
            tmp_path / "a.csv", header, [["E1", "山田 太郎", "ヤマダ", "1980/4/1", "総務部"]]
        ),
        options=EMPLOYEES,
    )
    sparse = write_csv(tmp_path / "b.csv", header, [["E1", "山田 太郎", "ヤマダ", "", ""]])
    report = importing.commit(clerk, sparse, options=EMPLOYEES)
    assert report.problems == [] and (report.changed, report.unchanged) == (0, 1)
    person = _person(clerk, "E1")
    assert (person.birth_date, person.department) == ("1980-04-01", "総務部")


def test_a_registered_employee_outside_the_scope_is_refused(office: Office, tmp_path: Path) -> None:
    session = office.manager
    session.user = staff.set_scopes(session, "kanri", ["purpose:tax_withholding", "kind:employee"])
    people.register_employee(
        session, code="S1", name="営業 太郎", kana_text="エイギョウ タロウ", department="営業部"
    )
    session.user = staff.set_scopes(session, "kanri", ["purpose:tax_withholding", "dept:総務部"])
    header = ["社員番号", "氏名", "フリガナ", "部署"]
    path = write_csv(
        tmp_path / "a.csv", header, [["S1", "営業 太郎", "エイギョウ タロウ", "総務部"]]
    )
    report = importing.dry_run(session, path, options=EMPLOYEES)
    assert [p for _l, p in report.problems] == ["この対象者はあなたの担当範囲外です。"]
    assert report.refused == {"group_scope": 1}


def test_the_access_log_says_what_the_import_did_in_japanese(
    clerk: Session, tmp_path: Path
) -> None:
    import json

    from app.services import audit_text
    from app.services.audit_text.names import Directory

    _first, path = _imported(clerk, tmp_path)
    importing.commit(clerk, path, options=CONFIRMED)
    conn = clerk.vault.conn
    action, target, detail = conn.execute(
        "SELECT action, target, detail FROM audit_log WHERE action = 'import.committed'"
        " ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    text = audit_text.describe(action, target, json.loads(detail), Directory())
    assert "新規：5人" in text.detail_line and "更新：2人" in text.detail_line
    assert "変更なし：13人" in text.detail_line
