"""The incidents page from discovery to the 確報 and closing, as the manager works it; what
the supervisor and the auditor may do there; the management ledger from the records page."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog

from app.bootstrap import Workspace
from app.domain.incidents import Checklist, IncidentKind
from app.services import incidents, people, staff
from tests.conftest import (
    AUDITOR_PASSWORD,
    JST,
    MANAGER_LOGIN,
    MANAGER_PASSWORD,
    SUPERVISOR_PASSWORD,
    Office,
    add_member,
)
from tests.ui.conftest import open_window, signed_in
from ui.dialogs.incident_dialog import IncidentDialog
from ui.dialogs.pdf_preview import PdfPreviewDialog
from ui.tasks import DatabaseThread

ITEMS = {
    "summary": "源泉徴収票を別の従業員に誤って送付した。",
    "data_items": "源泉徴収票（紙）",
    "cause": "封入時の確認漏れ",
    "secondary_damage": "なし",
    "persons_response": "本人に説明し謝罪した。",
    "publication": "公表はしない",
    "prevention": "封入時に二人で確認する。",
    "other": "特になし",
}


@pytest.fixture
def staffed(office: Office) -> Office:
    manager = office.manager
    manager.user = staff.set_scopes(manager, MANAGER_LOGIN, ["kind:employee"])
    people.register_employee(manager, code="E010", name="誤送 太郎", kana_text="ゴソウ タロウ")
    add_member(office, "sekinin", ["supervisor"], SUPERVISOR_PASSWORD)
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    return office


def _actions(workspace: Workspace, db: DatabaseThread, window) -> list[str]:
    session = window.context.session
    return db.call(
        lambda: [
            r[0] for r in session.vault.conn.execute("SELECT action FROM audit_log ORDER BY seq")
        ]
    )


def _state(page) -> str:
    item = page.table.item(0, 1)
    return item.text() if item else ""


def test_an_incident_from_discovery_to_the_final_report(
    qtbot, staffed: Office, workspace: Workspace, db: DatabaseThread, monkeypatch
) -> None:
    window = open_window(qtbot, workspace, db)
    page = window.show_page("incidents")
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=10000)

    def fill(dialog: IncidentDialog) -> QDialog.DialogCode:
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        assert not ok.isEnabled()
        dialog.title.setText("源泉徴収票の誤送付")
        assert ok.isEnabled()
        dialog.discovered_by.setText("総務部")
        dialog.checklist.persons.setValue(1)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(IncidentDialog, "exec", fill)
    page.new_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10000)
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10000)
    assert "源泉徴収票の誤送付" in page.facts.text()
    assert "報告の義務なし" in page.deadline.text()
    assert page.table.item(0, 5).text() == "不要"

    # The check finds an employee took the slip out on purpose: 第2号, 60 days.
    page.checklist.unlawful.setChecked(True)
    page.save_checklist.click()
    qtbot.waitUntil(lambda: "第2号" in page.deadline.text(), timeout=10000)
    # Known 2026-11-23 (Monday, a holiday): day 60 is Thursday 2027-01-21.
    assert "2027年1月21日（木）" in page.deadline.text() and "60日目" in page.deadline.text()
    assert page.table.item(0, 6).text() == "2027年1月21日（木）"

    page.report_date.setText("2026年11月23日")
    assert page.preliminary_button.isEnabled() and not page.final_button.isEnabled()
    page.preliminary_button.click()
    qtbot.waitUntil(lambda: _state(page) == "速報済み", timeout=10000)
    qtbot.waitUntil(lambda: page.final_button.isEnabled(), timeout=10000)

    for key, text in ITEMS.items():
        page.item_edits[key].setPlainText(text)
    page.save_items.click()
    qtbot.waitUntil(lambda: page.status.text() == "報告事項を保存しました。", timeout=10000)
    measures = page.measures
    measures.text.setText("封入時のダブルチェック表を作る")
    measures.add_button.click()
    qtbot.waitUntil(lambda: measures.table.rowCount() == 1, timeout=10000)
    measures.table.selectRow(0)
    measures.done_button.click()
    qtbot.waitUntil(lambda: measures.table.item(0, 1).text() == "実施済み", timeout=10000)

    # The person the slip went wrong for, found by name and kept by record.
    persons = page.persons
    persons.search.setText("誤送")
    persons.search_button.click()
    qtbot.waitUntil(lambda: persons.found.count() == 1, timeout=10000)
    persons.add_button.click()
    qtbot.waitUntil(lambda: persons.table.rowCount() == 1, timeout=10000)
    assert persons.table.item(0, 0).text() == "誤送 太郎"
    assert persons.table.item(0, 1).text() == "未通知"

    page.final_button.click()
    qtbot.waitUntil(lambda: _state(page) == "確報済み", timeout=10000)
    shown: list[bytes] = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: shown.append(self.pdf))
    page.report_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(shown[0])).pages)
    assert "確報済み" in text.replace(" ", "").replace("\n", "")
    persons.table.selectRow(0)
    persons.state.setCurrentIndex(persons.state.findData("notified"))
    persons.method.setText("書面（手渡し）")
    persons.on.setText("2026年11月23日")
    persons.record_button.click()
    qtbot.waitUntil(lambda: persons.table.item(0, 1).text() == "通知済み", timeout=10000)
    assert persons.table.item(0, 3).text() == "2026年11月23日（月）"
    qtbot.waitUntil(lambda: page.close_button.isEnabled(), timeout=10000)
    page.close_button.click()
    qtbot.waitUntil(lambda: _state(page) == "完了", timeout=10000)
    qtbot.waitUntil(lambda: not page.save_items.isEnabled(), timeout=10000)
    actions = _actions(workspace, db, window)
    for action in (
        "incident.registered",
        "incident.checklist_changed",
        "incident.preliminary_reported",
        "incident.items_changed",
        "incident.measure_added",
        "incident.measure_done",
        "incident.final_reported",
        "incident.report_printed",
        "incident.persons_added",
        "incident.persons_notified",
        "incident.closed",
    ):
        assert action in actions, action


def test_the_supervisor_registers_and_the_auditor_only_reads(
    qtbot, staffed: Office, workspace: Workspace, db: DatabaseThread
) -> None:
    # Known 2026-10-01 with 150 persons (第4号): the 確報 was due 2026-10-30 and is owed.
    known = datetime(2026, 10, 1, 10, 0, tzinfo=JST)
    session = signed_in(db, workspace, MANAGER_LOGIN, MANAGER_PASSWORD)
    db.call(
        lambda: incidents.register(
            session,
            title="名簿の誤送付",
            kind=IncidentKind.LEAK,
            discovered_at=known,
            known_at=known,
            checklist=Checklist(persons=150),
        )
    )
    db.call(session.close)
    window = open_window(qtbot, workspace, db, "sekinin", SUPERVISOR_PASSWORD)
    page = window.show_page("incidents")
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10000)
    assert page.table.item(0, 6).text() == "2026年10月30日（金）（期限超過）"
    assert page.new_button.isVisible() and not page.report_button.isVisible()
    qtbot.waitUntil(lambda: page.detail is not None, timeout=10000)
    assert not page.save_items.isEnabled() and not page.preliminary_button.isEnabled()
    window.close()
    auditor = open_window(qtbot, workspace, db, "kansa", AUDITOR_PASSWORD)
    page = auditor.show_page("incidents")
    assert not page.new_button.isVisible() and not page.save_checklist.isEnabled()


def test_the_management_ledger_opens_from_the_records_page(
    qtbot, staffed: Office, workspace: Workspace, db: DatabaseThread, monkeypatch
) -> None:
    window = open_window(qtbot, workspace, db, "kansa", AUDITOR_PASSWORD)
    page = window.show_page("records")
    shown: list[bytes] = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: shown.append(self.pdf))
    page.ledger_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(shown[0])).pages)
    assert "特定個人情報管理台帳" in text.replace(" ", "")
    assert "ledger.printed" in _actions(workspace, db, window)
