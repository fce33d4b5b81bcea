"""The import wizard with the files offices have: a payroll export maps itself (split names
as a pair), the clerk says what a file without 区分 lists, Excel's damage offers the zero back,
and a re-import lists its changes and asks to confirm people found by name."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QTableWidget, QTabWidget, QWizard

from app.bootstrap import Workspace
from app.domain.import_mapping import ImportOptions
from app.domain.purposes import PersonKind
from app.services import importing, staff
from tests.conftest import MANAGER_LOGIN, Office
from tests.support.payroll_exports import (
    YEAR_END_HEADER,
    number,
    product_export,
    write_csv,
    year_end_rows,
)
from tests.ui.conftest import open_window
from ui.import_wizard import ImportWizard
from ui.tasks import DatabaseThread

SCOPES = [
    "purpose:tax_withholding",
    "purpose:employment_insurance",
    "purpose:health_pension",
    "kind:employee",
    "kind:dependent",
]
# Set to a folder to keep a picture of each page (looked at by hand, at 1366x768).
SHOTS = os.environ.get("IMPORT_WIZARD_SHOTS")


@pytest.fixture
def office_ready(office: Office) -> Workspace:
    session = office.manager
    session.user = staff.set_scopes(session, MANAGER_LOGIN, SCOPES)
    session.close()
    return Workspace(office.data.data_dir, office.clock)


class Wizard:
    def __init__(self, qtbot, workspace: Workspace, db: DatabaseThread) -> None:
        self.qtbot = qtbot
        self.window = open_window(qtbot, workspace, db)
        self.page = self.window.show_page("people")
        self.wizard = ImportWizard(self.page.context, self.page)
        qtbot.addWidget(self.wizard)

    def find(self, kind, name: str):
        widget = self.wizard.findChild(kind, name)
        assert widget is not None, name
        return widget

    def shot(self, name: str) -> None:
        if SHOTS:
            print(name, self.wizard.sizeHint(), self.wizard.size())
            self.wizard.grab().save(str(Path(SHOTS) / f"{name}.png"))

    def open(self, path: Path) -> None:
        self.wizard.show()
        self.wizard.file_page.path_edit.setText(str(path))
        self.wizard.next()
        self.qtbot.waitUntil(
            lambda: self.wizard.currentPage() is self.wizard.mapping_page, timeout=10000
        )

    def check(self) -> None:
        self.wizard.next()
        assert self.wizard.currentPage() is self.wizard.check_page
        self.wait()

    def wait(self) -> None:
        self.qtbot.waitUntil(lambda: not self.wizard.working, timeout=20000)
        self.qtbot.waitUntil(lambda: self.wizard.check_page.report is not None, timeout=20000)

    def close(self) -> None:
        self.wizard.reject()
        self.window.close()


def test_a_payroll_export_maps_itself_and_the_clerk_says_what_it_lists(
    qtbot, office_ready: Workspace, db: DatabaseThread, tmp_path: Path
) -> None:
    ui = Wizard(qtbot, office_ready, db)
    ui.open(product_export(tmp_path / "給与ソフト.csv", "issue #19"))
    name, given = ui.find(QComboBox, "map_name"), ui.find(QComboBox, "map_name_2")
    assert (name.currentText(), given.currentText()) == ("2: 姓", "3: 名")
    kana = (ui.find(QComboBox, "map_kana"), ui.find(QComboBox, "map_kana_2"))
    assert [c.currentText() for c in kana] == ["4: 姓（フリガナ）", "5: 名（フリガナ）"]
    assert ui.find(QComboBox, "map_number").currentText() == "9: マイナンバー"
    kind = ui.find(QComboBox, "importKind")
    assert kind.currentData() == "" and not ui.wizard.mapping_page.isComplete()
    assert ui.wizard.mapping_page.kind_note.isVisible()
    ui.shot("1-mapping-split-names")
    # The clerk may still change any column: the department from another one, say.
    department = ui.find(QComboBox, "map_department")
    department.setCurrentIndex(department.findData(0))
    department.setCurrentIndex(department.findData(7))
    kind.setCurrentIndex(kind.findData("employee"))
    assert ui.wizard.mapping_page.isComplete()
    ui.check()
    summary = ui.wizard.check_page.summary.text()
    assert "問題はありません" in summary and "新規 3人" in summary
    ui.shot("2-check-clean")
    ui.wizard.next()
    qtbot.waitUntil(lambda: ui.wizard.currentPage() is ui.wizard.done_page, timeout=20000)
    assert "新たに3人を登録しました" in ui.wizard.done_page.result.text()
    ui.close()

    # The same layout again: remembered, whole-file kind included.
    again = Wizard(qtbot, office_ready, db)
    again.open(product_export(tmp_path / "給与ソフト2.csv", "issue #19", seed=1))
    assert again.find(QComboBox, "importKind").currentData() == "employee"
    assert again.wizard.mapping_page.isComplete()
    again.close()


def test_the_year_end_layout_shows_its_dependants(
    qtbot, office_ready: Workspace, db: DatabaseThread, tmp_path: Path
) -> None:
    ui = Wizard(qtbot, office_ready, db)
    ui.open(write_csv(tmp_path / "年末調整.csv", YEAR_END_HEADER, year_end_rows(3)))
    groups = ui.wizard.mapping_page.dependants
    assert (
        groups.isVisible() and "配偶者" in groups.text() and "16歳未満の扶養親族1" in groups.text()
    )
    kind = ui.find(QComboBox, "importKind")
    kind.setCurrentIndex(kind.findData("employee"))
    ui.shot("3-mapping-year-end")
    ui.check()
    assert ui.wizard.check_page.report.new == 15  # 3 employees, 12 dependants
    ui.find(QCheckBox, "importDependantsCheck")  # and one may leave them out
    ui.close()


def test_excels_lost_zero_is_explained_and_restored_when_chosen(
    qtbot, office_ready: Workspace, db: DatabaseThread, tmp_path: Path
) -> None:
    eleven = number(31, leading_zero=True)[1:]
    path = write_csv(
        tmp_path / "Excel.csv",
        ["社員番号", "氏名", "フリガナ", "生年月日", "個人番号"],
        [["E1", "山田 太郎", "ヤマダ タロウ", "29312", eleven]],
    )
    ui = Wizard(qtbot, office_ready, db)
    ui.open(path)
    kind = ui.find(QComboBox, "importKind")
    kind.setCurrentIndex(kind.findData("employee"))
    ui.check()
    problems = ui.find(QTableWidget, "importProblems")
    assert problems.rowCount() == 1 and "11桁" in problems.item(0, 1).text()
    assert eleven not in problems.item(0, 1).text()
    restore = ui.find(QCheckBox, "importRestoreZero")
    assert restore.isVisible() and not ui.wizard.check_page.isComplete()
    ui.shot("4-check-excel-damage")
    restore.setChecked(True)  # checks again by itself
    ui.wait()
    assert ui.wizard.check_page.report.problems == [] and ui.wizard.check_page.isComplete()
    assert restore.isVisible()  # still there to be unticked
    ui.close()


def test_a_reimport_lists_its_changes_and_waits_for_name_matches_to_be_confirmed(
    qtbot, office: Office, db: DatabaseThread, tmp_path: Path
) -> None:
    session = office.manager
    session.user = staff.set_scopes(session, MANAGER_LOGIN, SCOPES)
    rows = year_end_rows(2)
    first = write_csv(tmp_path / "2025.csv", YEAR_END_HEADER, rows)
    employees = ImportOptions(kind=PersonKind.EMPLOYEE)
    assert importing.commit(session, first, options=employees).new == 10
    session.close()
    rows[0][YEAR_END_HEADER.index("部署")] = "経理部"
    rows[0][YEAR_END_HEADER.index("配偶者の個人番号")] = ""
    rows[1][YEAR_END_HEADER.index("個人番号")] = number(777)
    workspace = Workspace(office.data.data_dir, office.clock)
    ui = Wizard(qtbot, workspace, db)
    ui.open(write_csv(tmp_path / "2026.csv", YEAR_END_HEADER, rows))
    kind = ui.find(QComboBox, "importKind")
    kind.setCurrentIndex(kind.findData("employee"))
    ui.check()
    page = ui.wizard.check_page
    tabs = ui.find(QTabWidget, "importTabs")
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["要確認（2）", "更新内容（1）"]
    changes = ui.find(QTableWidget, "importChanges")
    assert [changes.item(0, c).text() for c in range(5)] == [
        "2",
        "Y0000 山田 太郎",
        "部署",
        "総務部",
        "経理部",
    ]
    attention = ui.find(QTableWidget, "importAttention")
    texts = [attention.item(r, 2).text() for r in range(attention.rowCount())]
    assert any("同じ人か確認" in t for t in texts) and any("訂正" in t for t in texts)
    assert number(777) not in " ".join(attention.item(r, 1).text() for r in range(2))
    accept = ui.find(QCheckBox, "importAcceptMatches")
    assert accept.isVisible() and not page.isComplete()
    assert not ui.wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    ui.shot("5-check-reimport")
    accept.setChecked(True)
    assert page.isComplete()
    ui.wizard.next()
    qtbot.waitUntil(lambda: ui.wizard.currentPage() is ui.wizard.done_page, timeout=20000)
    result = ui.wizard.done_page.result.text()
    assert "登録済みの1人を更新しました" in result and "削除したものはありません" in result
    ui.shot("6-done-reimport")
    ui.close()
