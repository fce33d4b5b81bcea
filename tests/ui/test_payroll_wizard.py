"""The payroll import wizard: file and year, the columns matched (and remembered for the
layout), every problem listed with nothing imported, dependant counts accepted, the import,
and the button on the People page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QTableWidget, QWizard

from app.bootstrap import Workspace
from app.domain.year_end import SALARY
from app.services import people, staff, year_end
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office
from tests.ui.conftest import open_window, signed_in
from ui.context import UiContext
from ui.payroll_wizard import PayrollWizard
from ui.tasks import DatabaseThread

SCOPES = ["purpose:tax_withholding", "kind:employee", "kind:dependent"]
HEADER = "社員番号,氏名,課税支給額,源泉徴収税額,扶養親族の数\r\n"


@pytest.fixture
def office_ready(office: Office) -> Workspace:
    session = office.manager
    session.user = staff.set_scopes(session, MANAGER_LOGIN, SCOPES)
    yamada = people.register_employee(
        session, code="E001", name="山田 太郎", kana_text="ヤマダ タロウ", department="総務部"
    )
    people.register_dependent(
        session,
        employee_id=yamada.id,
        name="山田 一郎",
        kana_text="ヤマダ イチロウ",
        birth_date=date(2000, 1, 1),
        relation="子",
    )
    session.close()
    return Workspace(office.data.data_dir, office.clock)


def _wizard(qtbot, workspace: Workspace, db: DatabaseThread):
    session = signed_in(db, workspace, MANAGER_LOGIN, MANAGER_PASSWORD)
    wizard = PayrollWizard(UiContext(workspace, db, session), 2026)
    qtbot.addWidget(wizard)
    wizard.show()
    return session, wizard


def _to_check(qtbot, wizard: PayrollWizard, path: Path) -> None:
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10000)
    wizard.next()
    qtbot.waitUntil(
        lambda: wizard.currentPage() is wizard.check_page and not wizard.check_page.busy,
        timeout=10000,
    )


def test_every_problem_is_listed_and_nothing_can_be_imported(
    qtbot, office_ready: Workspace, db: DatabaseThread, tmp_path: Path
) -> None:
    path = tmp_path / "年末調整.csv"
    path.write_text(HEADER + "E001,山田 太郎,1.2E+06,0,1\r\nE999,誰か,100,0,\r\n", "cp932")
    session, wizard = _wizard(qtbot, office_ready, db)
    _to_check(qtbot, wizard, path)
    summary = wizard.findChild(QLabel, "payrollSummary").text()
    assert "問題" in summary and "何も取り込めません" in summary
    table = wizard.findChild(QTableWidget, "payrollProblems")
    rows = {(table.item(r, 0).text(), table.item(r, 1).text()[:5]) for r in range(table.rowCount())}
    assert rows == {("2", "支払金額："), ("3", "従業員コー")}
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    db.call(session.close)


def test_the_import_after_accepting_the_counts_and_the_remembered_mapping(
    qtbot, office_ready: Workspace, db: DatabaseThread, tmp_path: Path
) -> None:
    path = tmp_path / "年末調整.csv"
    path.write_text(HEADER + 'E001,山田 太郎,"5,000,000",113800,2\r\n', "cp932")
    session, wizard = _wizard(qtbot, office_ready, db)
    wizard.file_page.year.setValue(2026)
    _to_check(qtbot, wizard, path)
    assert wizard.mapping_page.mapping()["payment"] == 2  # 課税支給額, recognised
    accept = wizard.findChild(QCheckBox, "payrollAcceptCounts")
    differences = wizard.findChild(QTableWidget, "payrollDifferences")
    assert accept.isVisible() and differences.rowCount() == 1
    assert "ファイルでは2人" in differences.item(0, 1).text()
    next_button = wizard.button(QWizard.WizardButton.CommitButton)
    assert next_button.text() == "取り込む" and not next_button.isEnabled()
    accept.setChecked(True)
    assert next_button.isEnabled()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=10000)
    assert "新規 1" in wizard.findChild(QLabel, "payrollResult").text()
    person_id = db.call(lambda: people.search(session, "ヤマダ タロウ").rows[0].id)
    stored = db.call(lambda: year_end.load(session, person_id, 2026, SALARY))
    assert stored is not None and stored.amounts == {"payment": 5_000_000, "tax": 113_800}
    db.call(session.close)

    # The same layout again: the columns as matched last time (the clerk's own choice).
    session, again = _wizard(qtbot, office_ready, db)
    again.file_page.path_edit.setText(str(path))
    again.next()
    qtbot.waitUntil(lambda: again.currentPage() is again.mapping_page, timeout=10000)
    combo = again.mapping_page.combos["dependants_count"]
    assert combo.currentData() == 4
    combo.setCurrentIndex(combo.findData(-1))
    again.next()
    qtbot.waitUntil(
        lambda: again.currentPage() is again.check_page and not again.check_page.busy,
        timeout=10000,
    )
    assert "変更なし 1" in again.findChild(QLabel, "payrollSummary").text()
    db.call(session.close)
    session, third = _wizard(qtbot, office_ready, db)
    third.file_page.path_edit.setText(str(path))
    third.next()
    qtbot.waitUntil(lambda: third.currentPage() is third.mapping_page, timeout=10000)
    assert third.mapping_page.combos["dependants_count"].currentData() == -1
    db.call(session.close)


def test_a_file_with_numbers_is_refused_on_the_first_page(
    qtbot, office_ready: Workspace, db: DatabaseThread, tmp_path: Path
) -> None:
    path = tmp_path / "p.csv"
    path.write_text("社員番号,マイナンバー,支払金額\r\nE001,,1\r\n", "utf-8")
    session, wizard = _wizard(qtbot, office_ready, db)
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    error = wizard.file_page.error
    qtbot.waitUntil(lambda: "個人番号の列があります" in error.text(), timeout=10000)
    assert wizard.currentPage() is wizard.file_page
    db.call(session.close)


def test_the_year_end_page_opens_the_payroll_import_for_its_year(
    qtbot, office_ready: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[PayrollWizard] = []
    monkeypatch.setattr(PayrollWizard, "exec", lambda wizard: opened.append(wizard))
    window = open_window(qtbot, office_ready, db)
    button = window.findChild(QPushButton, "payrollImportButton")
    page = window.show_page("yearend")
    qtbot.waitUntil(button.isVisible, timeout=10000)
    assert button.text() == "給与データ…"
    button.click()
    assert len(opened) == 1 and opened[0].windowTitle().startswith("給与データ")
    assert opened[0].file_page.year.value() == page.year
    window.close()


def test_back_is_held_while_the_check_runs(
    qtbot, office_ready: Workspace, db: DatabaseThread, tmp_path: Path
) -> None:
    path = tmp_path / "p.csv"
    path.write_text(HEADER + "E001,山田 太郎,100,0,1\r\n", "utf-8")
    session, wizard = _wizard(qtbot, office_ready, db)
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=10000)
    held = db.call(lambda: __import__("threading").Event())
    db.run_task(lambda: held.wait(10), owner=wizard)  # the database thread is busy first
    wizard.next()
    assert wizard.check_page.busy
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    held.set()
    qtbot.waitUntil(lambda: not wizard.check_page.busy, timeout=10000)
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    db.call(session.close)
