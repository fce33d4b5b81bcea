"""The consignees page as the manager works it, from registering a consignee to the April
hearing that clears the dashboard card; what the supervisor and the auditor may do there; a
deletion certificate kept and shown from memory."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QWidget

from app.bootstrap import Workspace
from app.domain.consignees import CLAUSE_CODES, SELECTION_CODES, HearingKind
from app.services import consignees
from app.services.consignees import Company
from tests.conftest import AUDITOR_PASSWORD, SUPERVISOR_PASSWORD, Office, add_member
from tests.ui.conftest import open_window
from ui.dialogs.consignee_dialogs import CertificateDialog, ConsigneeDialog, HearingDialog
from ui.dialogs.verifications_dialog import ScanViewDialog
from ui.pages.consignees_page import ConsigneesPage
from ui.tasks import DatabaseThread

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _actions(db: DatabaseThread, window) -> list[str]:
    session = window.context.session
    return db.call(
        lambda: [
            r[0] for r in session.vault.conn.execute("SELECT action FROM audit_log ORDER BY seq")
        ]
    )


def _card(window) -> tuple[str, str, bool]:
    card = window.findChild(QWidget, "hearingsCard")
    return (
        card.findChild(QWidget, "hearingsCount").text(),
        card.findChild(QWidget, "hearingsDetail").text(),
        card.property("alert") == "true",
    )


def _page(qtbot, window) -> ConsigneesPage:
    page = window.show_page("consignees")
    assert isinstance(page, ConsigneesPage)
    return page


def test_register_approve_and_the_april_hearing_clears_the_card(
    qtbot, office: Office, workspace: Workspace, db: DatabaseThread, monkeypatch
) -> None:
    window = open_window(qtbot, workspace, db)
    window.resize(1366, 768)
    dashboard = window.show_page("dashboard")
    qtbot.waitUntil(lambda: _card(window)[0] == "0件", timeout=10000)
    assert not _card(window)[2]

    page = _page(qtbot, window)
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=10000)

    def fill_company(dialog: ConsigneeDialog) -> QDialog.DialogCode:
        assert not dialog.ok.isEnabled()
        dialog.name.setText("給与計算センター株式会社")
        dialog.address.setText("東京都千代田区1-2-3")
        dialog.purpose_boxes["tax_withholding"].setChecked(True)
        dialog.work.setPlainText("給与計算・年末調整")
        assert dialog.ok.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConsigneeDialog, "exec", fill_company)
    page.new_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10000)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10000)
    assert page.table.item(0, 0).text() == "選定中"
    assert page.table.item(0, 2).text() == "源泉徴収事務"
    assert "まだ承認できません" in page.gaps.text() and "実地の調査" in page.gaps.text()
    assert not page.approve_button.isEnabled()

    # The six points, then the contract with its ten clauses.
    for box in page.selection.points.boxes.values():
        box.setChecked(True)
    page.selection.checked_on.setText("2025年5月1日")
    page.selection.save.click()
    qtbot.waitUntil(lambda: page.status.text() == "選定の確認を保存しました。", timeout=10000)
    for box in page.contract.clauses.boxes.values():
        box.setChecked(True)
    page.contract.contract_on.setText("2025年5月20日")
    page.contract.term.setText("1年（自動更新）")
    page.contract.save.click()
    qtbot.waitUntil(lambda: page.status.text() == "契約を保存しました。", timeout=10000)
    qtbot.waitUntil(lambda: page.approve_button.isEnabled(), timeout=10000)
    assert "承認できます" in page.gaps.text()
    page.approve_date.setText("2025年6月1日")
    page.approve_button.click()
    qtbot.waitUntil(lambda: page.table.item(0, 0).text() == "委託中", timeout=10000)
    # Approved before April 2026 and not heard since: overdue on 23 November 2026.
    assert page.table.item(0, 4).text() == "期限超過（2026年4月30日（木））"

    window.show_page("dashboard")
    qtbot.waitUntil(lambda: _card(window)[0] == "1件", timeout=10000)
    _count, detail, alert = _card(window)
    assert (
        alert
        and "給与計算センター株式会社" in detail
        and "期限（2026年4月30日）を過ぎています" in detail
    )
    # The card's button opens the consignee's hearings.
    window.findChild(QWidget, "hearingsButton").click()
    assert window.current_page() is page
    assert page.tabs.currentWidget() is page.hearings

    def fill_hearing(dialog: HearingDialog) -> QDialog.DialogCode:
        assert dialog.kind.currentData() == HearingKind.APRIL.value
        assert dialog.year.value() == 2026
        dialog.held_on.setText("2026年11月20日")
        dialog.note.setPlainText("アクセス管理と廃棄の記録を確認した")
        dialog.result.setCurrentIndex(dialog.result.findData("improve"))
        # 要改善 needs the follow-up before it can be recorded.
        assert not dialog.ok.isEnabled()
        dialog.follow_up.setPlainText("持出し記録の様式を整えるよう求めた")
        assert dialog.ok.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(HearingDialog, "exec", fill_hearing)
    qtbot.waitUntil(lambda: page.hearings.add_button.isEnabled(), timeout=10000)
    page.hearings.add_button.click()
    qtbot.waitUntil(lambda: page.hearings.table.rowCount() == 1, timeout=10000)
    assert page.hearings.table.item(0, 4).text() == "要改善"
    qtbot.waitUntil(lambda: page.table.item(0, 4).text() == "2026年：実施済み", timeout=10000)

    window.show_page("dashboard")
    assert dashboard is window.current_page()
    qtbot.waitUntil(lambda: _card(window)[0] == "0件", timeout=10000)
    assert not _card(window)[2]
    actions = _actions(db, window)
    for action in (
        "consignee.registered",
        "consignee.selection_recorded",
        "consignee.contract_recorded",
        "consignee.approved",
        "consignee.hearing_recorded",
    ):
        assert action in actions, action


@pytest.fixture
def with_consignee(office: Office) -> Office:
    manager = office.manager
    found = consignees.register(manager, Company(name="社会保険労務士法人 みどり"))
    consignees.record_selection(
        manager, found.id, dict.fromkeys(SELECTION_CODES, True), date(2025, 5, 1)
    )
    consignees.record_contract(
        manager, found.id, date(2025, 5, 20), "1年", dict.fromkeys(CLAUSE_CODES, True)
    )
    consignees.approve(manager, found.id, date(2025, 6, 1))
    add_member(office, "sekinin", ["supervisor"], SUPERVISOR_PASSWORD)
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    return office


def test_the_supervisor_records_hearings_and_the_auditor_reads(
    qtbot, with_consignee: Office, workspace: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, workspace, db, "sekinin", SUPERVISOR_PASSWORD)
    page = _page(qtbot, window)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10000)
    assert not page.new_button.isVisible()
    assert not page.approve_button.isEnabled() and not page.selection.save.isEnabled()
    assert page.hearings.add_button.isEnabled()
    assert page.certificates.add_button.isEnabled()
    window.close()

    window = open_window(qtbot, workspace, db, "kansa", AUDITOR_PASSWORD)
    page = _page(qtbot, window)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10000)
    assert page.table.item(0, 1).text() == "社会保険労務士法人 みどり"
    for button in (
        page.new_button,
        page.hearings.add_button,
        page.certificates.add_button,
        page.subs.add_button,
    ):
        assert not button.isVisible()
    assert not page.edit_button.isEnabled() and not page.contract.save.isEnabled()


def test_a_certificate_is_kept_and_shown_from_memory(
    qtbot,
    with_consignee: Office,
    workspace: Workspace,
    db: DatabaseThread,
    monkeypatch,
    tmp_path: Path,
) -> None:
    source = tmp_path / "certificate.png"
    source.write_bytes(PNG)
    window = open_window(qtbot, workspace, db)
    page = _page(qtbot, window)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10000)

    def fill(dialog: CertificateDialog) -> QDialog.DialogCode:
        dialog.description.setText("2025年分の給与データの削除")
        dialog.file.setText(str(source))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CertificateDialog, "exec", fill)
    page.certificates.add_button.click()
    qtbot.waitUntil(lambda: page.certificates.table.rowCount() == 1, timeout=10000)
    assert page.certificates.table.item(0, 2).text() == "PNG画像"
    source.unlink()  # the database holds its own copy
    shown: list[bytes] = []
    monkeypatch.setattr(ScanViewDialog, "exec", lambda self: shown.append(self.windowTitle()))
    page.certificates.table.selectRow(0)
    page.certificates.view_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert shown == ["削除証明"]
    assert _actions(db, window)[-1] == "consignee.certificate_viewed"
