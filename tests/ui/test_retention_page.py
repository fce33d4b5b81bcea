"""The retention page: the due list with its reasons and timeline, a clerk proposing a run, and
the supervisor approving and executing it with their password."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox

from app.bootstrap import Workspace
from app.services import auth, corrections, deletion, deletion_papers, numbers, people, staff
from tests.conftest import CLERK_PASSWORD, MANAGER_LOGIN, MANAGER_PASSWORD, Office, add_member
from tests.ui.conftest import open_window
from ui.dialogs.deletion_dialogs import ApproveDialog, ProposeDialog
from ui.pages.deletion_records_tab import RecordsColumn
from ui.tasks import DatabaseThread

SUPERVISOR_PASSWORD = "Silent-Maple-Harbor-63"
SCOPES = ["purpose:tax_withholding", "kind:employee"]
NUMBER = "123456789018"


@pytest.fixture
def office_due(office: Office) -> Workspace:
    manager = office.manager
    manager.user = staff.set_scopes(manager, MANAGER_LOGIN, SCOPES)
    left = people.register_employee(
        manager,
        code="E001",
        name="退職 一郎",
        kana_text="タイショク イチロウ",
        hire_date=date(2010, 4, 1),
    )
    numbers.register_number(manager, left.id, NUMBER, NUMBER, ["tax_withholding"])
    corrections.retire(manager, left.id, date(2016, 3, 31), "自己都合退職")
    people.register_employee(manager, code="E002", name="在職 花子", kana_text="ザイショク ハナコ")
    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD, scopes=SCOPES)
    add_member(office, "sekinin", ["supervisor"], SUPERVISOR_PASSWORD, scopes=SCOPES)
    manager.close()
    return Workspace(office.data.data_dir, office.clock)


def _page(qtbot, workspace: Workspace, db: DatabaseThread, login: str, password: str):
    window = open_window(qtbot, workspace, db, login, password)
    page = window.show_page("retention")
    qtbot.waitUntil(lambda: page.due is not None, timeout=10000)
    return window, page


def test_a_clerk_proposes_and_the_supervisor_approves_and_executes(
    qtbot, office_due: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    _window, page = _page(qtbot, office_due, db, "tanto", CLERK_PASSWORD)
    assert page.due_model.rowCount() == 1
    assert page.due_model.entries[0].name == "退職 一郎"
    assert "第76条の3" in page.due_model.data(page.due_model.index(0, 0), 3)  # tooltip
    assert "今すぐ削除できる番号 1件（従業員 1）" in page.summary.text()
    assert page.chart.counts[0] == 1
    assert not page.approve_button.isVisible()  # a clerk proposes, never approves
    monkeypatch.setattr(ProposeDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    page.propose_all_button.click()
    qtbot.waitUntil(lambda: page.runs_table.rowCount() == 1, timeout=10000)
    assert page.runs_table.item(0, 1).text() == "承認待ち"
    assert "承認を待っています" in page.status.text()

    _window2, approver = _page(qtbot, office_due, db, "sekinin", SUPERVISOR_PASSWORD)
    approver.tabs.setCurrentIndex(3)
    approver.runs_table.selectRow(0)
    assert approver.approve_button.isEnabled() and not approver.execute_button.isEnabled()

    def approve(dialog: ApproveDialog) -> QDialog.DialogCode:
        dialog.password_edit.setText(SUPERVISOR_PASSWORD)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ApproveDialog, "exec", approve)
    approver.approve_button.click()
    qtbot.waitUntil(
        lambda: approver.runs_table.item(0, 1).text() == "承認済み（実行待ち）", timeout=10000
    )
    approver.runs_table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    approver.execute_button.click()
    qtbot.waitUntil(lambda: approver.records_table.rowCount() == 1, timeout=10000)
    assert "1件の個人番号を削除しました" in approver.status.text()
    assert approver.records_table.item(0, 1).text() == "退職 一郎（従業員）"
    # The proposer, the approver and the executor, each named in their own column.
    record = [approver.records_table.item(0, column).text() for column in range(6)]
    assert record[RecordsColumn.DELETED_ON] == "2026年11月23日（月）"
    assert record[RecordsColumn.PROPOSED_BY :] == ["職員 Tanto", "職員 Sekinin", "職員 Sekinin"]
    runs = approver.runs_table
    assert [runs.item(0, column).text() for column in (4, 5, 6)] == [
        "職員 Tanto",
        "職員 Sekinin",
        "職員 Sekinin",
    ]
    assert "2026年11月23日 09:00" in runs.item(0, 4).toolTip()
    assert approver.due_model.rowCount() == 0
    session = approver.context.session
    assert db.call(lambda: deletion.runs(session))[0].state == "executed"


def test_the_proposer_cannot_approve_their_own_run_from_the_page(
    qtbot, office_due: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, page = _page(qtbot, office_due, db, "sekinin", SUPERVISOR_PASSWORD)
    session = window.context.session
    clerk_run = db.call(lambda: deletion.propose(session, [page.due_model.entries[0].person_id]))
    page.load()
    qtbot.waitUntil(lambda: page.runs_table.rowCount() == 1, timeout=10000)
    page.runs_table.selectRow(0)
    shown: list[str] = []
    monkeypatch.setattr(
        "ui.context.show_error", lambda _parent, error: shown.append(type(error).__name__)
    )

    def approve(dialog: ApproveDialog) -> QDialog.DialogCode:
        dialog.password_edit.setText(SUPERVISOR_PASSWORD)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ApproveDialog, "exec", approve)
    # The supervisor proposed this run: the two-person rule refuses their own approval.
    page.approve_button.click()
    qtbot.waitUntil(lambda: shown == ["PermissionDenied"], timeout=10000)
    assert db.call(lambda: deletion.runs(session))[0].state == "proposed"
    assert clerk_run.state == "proposed"


def test_the_records_tab_prints_the_ledger_and_records_the_shredding(
    qtbot, office_due: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, page = _page(qtbot, office_due, db, "sekinin", SUPERVISOR_PASSWORD)
    session = window.context.session

    clerk_session = db.call(
        lambda: auth.sign_in(office_due.paths, "tanto", CLERK_PASSWORD, office_due.clock)
    )
    person_id = page.due_model.entries[0].person_id
    run = db.call(lambda: deletion.propose(clerk_session, [person_id]))
    db.call(lambda: deletion.approve(session, run.id, SUPERVISOR_PASSWORD))
    db.call(lambda: deletion.execute(clerk_session, run.id))
    db.call(clerk_session.close)
    page.load()
    qtbot.waitUntil(lambda: page.records_table.rowCount() == 1, timeout=10000)
    page.tabs.setCurrentIndex(4)
    page.records_table.selectRow(0)
    assert page.paper_button.isEnabled() and page.certificate_button.isEnabled()
    previews: list[bytes] = []
    monkeypatch.setattr(
        "ui.dialogs.pdf_preview.PdfPreviewDialog.exec", lambda self: previews.append(self.pdf)
    )
    page.ledger_from.setText("2026-11-01")
    page.ledger_to.setText("2026-11-30")
    page.ledger_button.click()
    page.certificate_button.click()
    qtbot.waitUntil(lambda: len(previews) == 2, timeout=10000)
    assert all(pdf.startswith(b"%PDF") for pdf in previews)
    page.paper_button.click()
    qtbot.waitUntil(lambda: "廃棄を記録しました" in page.status.text(), timeout=10000)
    qtbot.waitUntil(
        lambda: "（廃棄済み）" in page.records_table.item(0, RecordsColumn.PAPER).text(),
        timeout=10000,
    )


def test_the_manager_names_the_handling_department_the_ledger_prints(
    qtbot, office_due: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, page = _page(qtbot, office_due, db, MANAGER_LOGIN, MANAGER_PASSWORD)
    edit = page.records_tab.findChild(QLineEdit, "handlingDepartmentEdit")
    assert edit is not None and not edit.isReadOnly() and edit.text() == ""
    previews: list[bytes] = []
    monkeypatch.setattr(
        "ui.dialogs.pdf_preview.PdfPreviewDialog.exec", lambda self: previews.append(self.pdf)
    )
    edit.setText("総務部 人事課")
    page.ledger_from.setText("2026-11-01")
    page.ledger_to.setText("2026-11-30")
    page.ledger_button.click()
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=10000)
    text = "".join(
        "".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(previews[0])).pages
    )
    assert "取扱部署総務部人事課" in text
    session = window.context.session
    assert db.call(lambda: deletion_papers.handling_department(session)) == "総務部 人事課"

    # A clerk sees it and cannot change it.
    _window, clerk_page = _page(qtbot, office_due, db, "tanto", CLERK_PASSWORD)
    clerk_edit = clerk_page.records_tab.findChild(QLineEdit, "handlingDepartmentEdit")
    qtbot.waitUntil(lambda: clerk_edit.text() == "総務部 人事課", timeout=10000)
    assert clerk_edit.isReadOnly()


def test_a_paper_that_cannot_be_made_is_told_in_japanese_not_as_a_crash(
    qtbot, office_due: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reports import document
    from reports.errors import ReportError

    _window, page = _page(qtbot, office_due, db, "sekinin", SUPERVISOR_PASSWORD)

    def overflow() -> None:
        raise ReportError("a part of the 削除・廃棄記録簿 is too tall for a sheet")

    monkeypatch.setattr(document, "require_fonts", overflow)
    warnings: list[str] = []
    crashes: list[BaseException] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    monkeypatch.setattr(
        "ui.errors._unexpected_dialog", lambda _parent, error: crashes.append(error)
    )
    page.ledger_from.setText("2026-11-01")
    page.ledger_to.setText("2026-11-30")
    page.ledger_button.click()
    qtbot.waitUntil(lambda: warnings != [], timeout=10000)
    assert "書類を作成できませんでした" in warnings[0] and crashes == []
