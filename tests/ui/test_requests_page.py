"""The requests page as the manager uses it: intake, the requester identified, the decision and
the notice, for a full disclosure, a partial one and a non-existence notice."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QMessageBox, QWizard

from app.bootstrap import Workspace
from app.domain.individual_requests import Proof, RequesterDocument
from app.services import numbers, people, staff
from tests.conftest import MANAGER_LOGIN, Office
from tests.ui.conftest import open_window
from ui.dialogs.request_dialogs import DecisionDialog, IntakeDialog
from ui.requester_wizard import RequesterWizard
from ui.tasks import DatabaseThread

NUMBER = "123456789018"


@pytest.fixture
def office_ready(office: Office) -> Workspace:
    manager = office.manager
    manager.user = staff.set_scopes(
        manager, MANAGER_LOGIN, ["purpose:tax_withholding", "kind:employee"]
    )
    employee = people.register_employee(
        manager,
        code="E001",
        name="山田 太郎",
        kana_text="ヤマダ タロウ",
        department="総務部",
        birth_date=date(1980, 4, 1),
    )
    numbers.register_number(manager, employee.id, NUMBER, NUMBER, ["tax_withholding"])
    manager.close()
    return Workspace(office.data.data_dir, office.clock)


def _page(qtbot, workspace: Workspace, db: DatabaseThread):
    window = open_window(qtbot, workspace, db)
    page = window.show_page("requests")
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=10000)
    return window, page


def _pdf_text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return "".join(p.extract_text() for p in pages).replace(" ", "").replace("\n", "")


def _run_request(
    qtbot,
    page,
    monkeypatch: pytest.MonkeyPatch,
    *,
    name: str,
    linked: bool,
    decide,
) -> str:
    def intake(dialog: IntakeDialog) -> QDialog.DialogCode:
        dialog.requester.setText(name)
        dialog.requested.setText("保有している私の情報すべて")
        dialog.channel.setCurrentIndex(dialog.channel.findData("post"))
        if linked:
            dialog.subject.editingFinished.emit()
            qtbot.waitUntil(lambda: dialog.person.count() > 1, timeout=10000)
            assert "山田 太郎" in dialog.person.currentText()
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(IntakeDialog, "exec", intake)
    rows = page.table.rowCount()
    page.receive_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == rows + 1, timeout=10000)
    page.table.selectRow(rows)
    assert page.verify_button.isEnabled() and not page.decide_button.isEnabled()

    monkeypatch.setattr(RequesterWizard, "exec", lambda wizard: _identify_by_post(qtbot, wizard))
    page.verify_button.click()
    qtbot.waitUntil(lambda: "本人確認済み" in page.table.item(rows, 4).text(), timeout=10000)
    page.table.selectRow(rows)
    monkeypatch.setattr(DecisionDialog, "exec", decide)
    page.decide_button.click()
    qtbot.waitUntil(lambda: "決定済み" in page.table.item(rows, 4).text(), timeout=10000)
    page.table.selectRow(rows)
    shown: list[bytes] = []
    monkeypatch.setattr(
        "ui.dialogs.pdf_preview.PdfPreviewDialog.exec", lambda self: shown.append(self.pdf)
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.notice_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    return _pdf_text(shown[0])


def _identify_by_post(qtbot, wizard: RequesterWizard) -> QDialog.DialogCode:
    """The clerk's steps for a request by post from the person: a copy of the licence, the
    reply to its address, and the copy's name and address against the form."""
    wizard.show()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert wizard.currentPage() is wizard.request_page
    needs = wizard.request_page.needs.text()
    assert "本人の本人確認書類" in needs and "書留" in needs and "住所" in needs
    wizard.request_page.day_edit.setText("2026-11-30")
    assert not wizard.request_page.isComplete()  # in the future
    wizard.request_page.day_edit.setText("2026-11-23")
    wizard.next()
    documents = wizard.documents_page
    assert wizard.currentPage() is documents
    # Only what a request by post can use: no online login, no phone call back.
    assert RequesterDocument.REGISTERED_LOGIN not in documents.ticks
    assert "未確認" in documents.group_status[Proof.OFFICIAL_ID].text()
    documents.ticks[RequesterDocument.DRIVERS_LICENSE].setChecked(True)
    assert "運転免許証" in documents.group_status[Proof.OFFICIAL_ID].text()
    documents.back.setChecked(True)
    assert "裏面" in documents.status.text()
    wizard.next()
    wizard.next()
    # The card's back, no reply rule and nothing compared: refused, with every reason.
    assert wizard.currentPage() is wizard.result_page and not finish.isEnabled()
    missing = wizard.result_page.details.text()
    assert "裏面" in missing and "書留" in missing and "氏名" in missing and "写しの住所" in missing
    wizard.back()
    wizard.back()
    documents.back.setChecked(False)
    documents.reply.setChecked(True)
    wizard.next()
    for tick in wizard.compare_page.ticks.values():
        tick.setChecked(True)
    wizard.next()
    assert finish.isEnabled(), wizard.result_page.details.text()
    summary = wizard.result_page.details.text()
    assert "運転免許証" in summary and "書留" in summary and "2026年11月23日" in summary
    wizard.result_page.note.setText("写しは請求書とともに保管")
    finish.click()
    qtbot.waitUntil(lambda: wizard.recorded is not None, timeout=10000)
    assert wizard.recorded.identity["checked_on"] == "2026-11-23"
    return QDialog.DialogCode.Accepted


def _choose(dialog: DecisionDialog, value: str) -> None:
    dialog.decision.setCurrentIndex(dialog.decision.findData(value))


def test_full_partial_and_not_held(
    qtbot, office_ready: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    _window, page = _page(qtbot, office_ready, db)

    def full(dialog: DecisionDialog) -> QDialog.DialogCode:
        _choose(dialog, "full")
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        return QDialog.DialogCode.Accepted

    text = _run_request(qtbot, page, monkeypatch, name="山田 太郎", linked=True, decide=full)
    assert "開示決定通知書" in text and "総務部" in text and NUMBER not in text

    def partial(dialog: DecisionDialog) -> QDialog.DialogCode:
        _choose(dialog, "partial")
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        assert not ok.isEnabled() and dialog.status.text()  # says what is missing
        next(iter(dialog.grounds.values())).setChecked(True)
        dialog.reason.setPlainText("他の従業員の情報を含むため")
        dialog.withheld.setText("面談記録の一部")
        assert ok.isEnabled()
        return QDialog.DialogCode.Accepted

    text = _run_request(qtbot, page, monkeypatch, name="山田 太郎", linked=True, decide=partial)
    assert "一部開示" in text and "面談記録の一部" in text

    def not_held(dialog: DecisionDialog) -> QDialog.DialogCode:
        _choose(dialog, "not_held")
        dialog.reason.setPlainText("この方の個人情報は保有していません")
        return QDialog.DialogCode.Accepted

    text = _run_request(qtbot, page, monkeypatch, name="佐藤 一郎", linked=False, decide=not_held)
    assert "保有個人データ不存在通知書" in text and "佐藤一郎" in text
    # The deadline column shows the target for each open request.
    assert "2026年" in page.table.item(0, 5).text()
    page.filter.setText("佐藤")
    hidden = [page.table.isRowHidden(row) for row in range(page.table.rowCount())]
    assert hidden == [True, True, False]
    assert not page.erase_button.isEnabled()  # only for a granted 利用停止・消去


def test_a_notice_with_the_persons_own_number_is_never_saved_plain(
    qtbot, office_ready: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    _window, page = _page(qtbot, office_ready, db)

    def intake(dialog: IntakeDialog) -> QDialog.DialogCode:
        dialog.requester.setText("山田 太郎")
        dialog.requested.setText("私の個人番号")
        dialog.channel.setCurrentIndex(dialog.channel.findData("post"))
        dialog.subject.editingFinished.emit()
        qtbot.waitUntil(lambda: dialog.person.count() > 1, timeout=10000)
        dialog.own_number.setChecked(True)
        return QDialog.DialogCode.Accepted

    def full(dialog: DecisionDialog) -> QDialog.DialogCode:
        _choose(dialog, "full")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(IntakeDialog, "exec", intake)
    page.receive_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10000)
    page.table.selectRow(0)
    monkeypatch.setattr(RequesterWizard, "exec", lambda wizard: _identify_by_post(qtbot, wizard))
    page.verify_button.click()
    qtbot.waitUntil(lambda: "本人確認済み" in page.table.item(0, 4).text(), timeout=10000)
    page.table.selectRow(0)
    monkeypatch.setattr(DecisionDialog, "exec", full)
    page.decide_button.click()
    qtbot.waitUntil(lambda: "決定済み" in page.table.item(0, 4).text(), timeout=10000)
    page.table.selectRow(0)
    shown: list[tuple[bytes, bool]] = []
    monkeypatch.setattr(
        "ui.dialogs.pdf_preview.PdfPreviewDialog.exec",
        lambda self: shown.append((self.pdf, self.save_button.isVisibleTo(self))),
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.notice_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    [(pdf, saveable)] = shown
    assert NUMBER in _pdf_text(pdf)
    assert not saveable  # no plain "Save as PDF…" for a paper carrying the number
    # Closed without printing: the paper never left, so its outputs register entry is withdrawn.
    from app.services import outputs

    session = page.context.session
    qtbot.waitUntil(
        lambda: [e.row.state for e in db.call(lambda: outputs.entries(session))] == ["withdrawn"],
        timeout=10000,
    )
    # …and the person's number was never given: the next notice asks again and carries it.
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10000)
    page.table.selectRow(0)
    asked: list[bool] = []

    def question(*_args, **_kwargs) -> QMessageBox.StandardButton:
        asked.append(True)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    page.notice_button.click()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10000)
    assert asked == [True] and NUMBER in _pdf_text(shown[1][0])
