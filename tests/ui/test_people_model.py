"""The people table model: a page of rows, people outside the scope greyed and unselectable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QPalette

from app.bootstrap import Workspace
from app.services import people, staff
from app.services.people import PeoplePage
from storage.people_repo import PersonRecord
from tests.conftest import MANAGER_LOGIN, Office
from tests.ui.conftest import open_window
from ui.models.people_table_model import PeopleColumn, PeopleTableModel
from ui.tasks import DatabaseThread


def _person(person_id: int, *, in_scope: bool = True, **values) -> PersonRecord:
    fields = {
        "kind": "employee",
        "name": "山田 太郎",
        "kana": "ヤマダ タロウ",
        "birth_date": "1980-04-01",
        "retired_at": None,
        "code": "E001",
        "department": "総務部",
        "employee_id": None,
        "relation": None,
        "has_number": True,
        "verification_pending": False,
        **values,
    }
    return PersonRecord(id=person_id, in_scope=in_scope, **fields)


def _masked(person_id: int, kind: str = "dependent") -> PersonRecord:
    return _person(
        person_id,
        in_scope=False,
        kind=kind,
        name="（担当範囲外）",
        kana="",
        birth_date=None,
        code=None,
        department=None,
        has_number=False,
    )


def _outside_text() -> str:
    return QCoreApplication.translate("PeopleTableModel", "Outside your scope")


def test_the_model_passes_the_model_tester(qtmodeltester) -> None:
    model = PeopleTableModel()
    model.set_page(PeoplePage(3, [_person(1), _masked(2), _masked(3, "payee")]))
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)


def test_a_masked_row_is_greyed_unselectable_and_says_outside_the_scope(qapp) -> None:
    model = PeopleTableModel()
    model.set_page(PeoplePage(2, [_person(1), _masked(2)]))
    own, hidden = (model.index(row, PeopleColumn.NUMBER) for row in (0, 1))
    assert model.flags(own) & Qt.ItemFlag.ItemIsSelectable
    assert model.flags(hidden) == Qt.ItemFlag.NoItemFlags
    grey = QGuiApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    for column in PeopleColumn:
        index = model.index(1, column)
        assert model.data(index, Qt.ItemDataRole.ForegroundRole) == grey
        assert model.data(model.index(0, column), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(hidden) == _outside_text() != model.data(own)
    row = [model.data(model.index(1, column)) for column in PeopleColumn]
    assert row[: PeopleColumn.NUMBER] == ["—", "（担当範囲外）", "", "扶養親族", "—"]
    assert model.data(hidden, Qt.ItemDataRole.ToolTipRole)


def test_the_people_page_shows_people_outside_the_scope_greyed(
    qtbot, office: Office, db: DatabaseThread
) -> None:
    session = office.manager
    session.user = staff.set_scopes(session, MANAGER_LOGIN, ["kind:employee"])
    for code, name, kana_text, department in (
        ("E001", "山田 太郎", "ヤマダ タロウ", "総務部"),
        ("E002", "佐藤 花子", "サトウ ハナコ", "介護課"),
        ("E003", "鈴木 一郎", "スズキ イチロウ", "総務部"),
    ):
        people.register_employee(
            session, code=code, name=name, kana_text=kana_text, department=department
        )
    staff.set_scopes(session, MANAGER_LOGIN, ["purpose:tax_withholding", "dept:総務部"])
    session.close()
    window = open_window(qtbot, Workspace(office.data.data_dir, office.clock), db)
    page = window.show_page("people")
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=10000)
    names = [model.data(model.index(row, PeopleColumn.NAME)) for row in range(3)]
    assert names == ["鈴木 一郎", "山田 太郎", "（担当範囲外）"]
    assert model.data(model.index(2, PeopleColumn.NUMBER)) == _outside_text()
    assert model.flags(model.index(2, PeopleColumn.NAME)) == Qt.ItemFlag.NoItemFlags
    assert not any("佐藤" in str(model.person(row)) for row in range(3))


def test_a_dependents_row_says_whose_dependent_and_a_deleted_number_when(qapp) -> None:
    model = PeopleTableModel()
    spouse = _person(
        2,
        kind="dependent",
        code=None,
        relation="配偶者",
        employee_id=1,
        employee_name="伊藤 翔",
        has_number=False,
        deletion_record=7,
        deleted_at="2026-12-07T10:15:00+09:00",
    )
    hidden_employee = _person(3, kind="dependent", code=None, relation="子", employee_id=4)
    model.set_page(PeoplePage(3, [_person(1), spouse, hidden_employee]))

    def cell(row: int, column: PeopleColumn) -> str:
        return model.data(model.index(row, column))

    assert cell(0, PeopleColumn.KIND) == "従業員"
    assert cell(1, PeopleColumn.KIND) == "伊藤 翔の扶養親族（配偶者）"
    # The service leaves the name out when the employee is outside the member's scope.
    assert cell(2, PeopleColumn.KIND) == "扶養親族（子）"
    assert cell(1, PeopleColumn.NUMBER) == "削除済み（2026年12月7日・記録番号 No. 7）"
    assert cell(0, PeopleColumn.NUMBER) == "登録済み"
