"""The 点検・研修 page: the manager records a training and an account review and previews the
self-inspection report; the supervisor records training only; the auditor reads; a clerk does
not see the page; the compliance map lists every article."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from app.bootstrap import Workspace
from app.domain import compliance_map
from tests.conftest import (
    AUDITOR_PASSWORD,
    CLERK_PASSWORD,
    SUPERVISOR_PASSWORD,
    Office,
    add_member,
)
from tests.ui.conftest import open_window
from ui.dialogs.pdf_preview import PdfPreviewDialog
from ui.tasks import DatabaseThread


@pytest.fixture
def staffed(office: Office) -> Office:
    add_member(office, "tanto", ["clerk"], CLERK_PASSWORD, ["kind:employee"])
    add_member(office, "sekinin", ["supervisor"], SUPERVISOR_PASSWORD, ["kind:employee"])
    add_member(office, "kansa", ["auditor"], AUDITOR_PASSWORD)
    return office


def _rows(db: DatabaseThread, window, sql: str) -> list[tuple]:
    session = window.context.session
    return db.call(lambda: list(session.vault.conn.execute(sql)))


def test_the_manager_records_a_training_and_an_account_review(
    qtbot, staffed: Office, workspace: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, workspace, db)
    page = window.show_page("inspection")
    tab = page.training
    assert tab.record_button.isVisible()
    attendees = tab.findChild(type(tab.attendees), "trainingAttendees")
    qtbot.waitUntil(lambda: attendees.count() == 4, timeout=10000)
    tab.findChild(QLineEdit, "trainingDate").setText("2026-11-20")
    tab.findChild(QLineEdit, "trainingTitle").setText("特定個人情報の取扱い研修")
    tab.findChild(QLineEdit, "trainingTrainer").setText("管理 花子")
    attendees.item(1).setCheckState(Qt.CheckState.Checked)
    tab.findChild(QLineEdit, "trainingOthers").setText("臨時 一郎、臨時 二郎")
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=10000)
    assert tab.table.item(0, 1).text() == "特定個人情報の取扱い研修"
    assert tab.table.item(0, 3).text() == "3人"
    assert "2027年11月20日" in tab.next_due.text()
    assert _rows(db, window, "SELECT count(*) FROM training_attendee") == [(3,)]

    page.tabs.setCurrentWidget(page.review)
    review = page.review
    qtbot.waitUntil(lambda: review.table.rowCount() == 4, timeout=10000)
    assert review.history.text() == "アカウントの棚卸しの記録はまだありません。"
    row = next(r for r in range(4) if review.table.item(r, 0).text() == "職員 Tanto")
    verdict = review.table.cellWidget(row, 4)
    assert isinstance(verdict, QComboBox)
    verdict.setCurrentIndex(2)
    note = review.table.cellWidget(row, 5)
    assert isinstance(note, QLineEdit)
    note.setText("異動のため")
    review.findChild(QLineEdit, "reviewDate").setText("2026-11-23")
    qtbot.mouseClick(review.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.past.rowCount() == 1, timeout=10000)
    assert review.past.item(0, 3).text() == "職員 Tanto（無効化が必要）"
    assert review.history.text() == "前回の棚卸し：2026年11月23日（月）（管理 花子）"
    assert "1件" in review.status.text()
    assert _rows(
        db, window, "SELECT verdict, note FROM account_review_item WHERE verdict != 'confirmed'"
    ) == [("disable", "異動のため")]
    actions = [a for (a,) in _rows(db, window, "SELECT action FROM audit_log")]
    assert "training.recorded" in actions and "accounts.reviewed" in actions


def test_the_self_inspection_is_shown_and_previewed(
    qtbot, staffed: Office, workspace: Workspace, db: DatabaseThread, monkeypatch
) -> None:
    window = open_window(qtbot, workspace, db)
    page = window.show_page("inspection")
    page.tabs.setCurrentWidget(page.inspection)
    tab = page.inspection
    qtbot.waitUntil(lambda: tab.table.rowCount() >= 9, timeout=15000)
    assert "確認が必要な項目" in tab.summary.text()
    titles = [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())]
    assert "アクセス記録の検証" in titles and "期限を過ぎた作業" in titles
    shown: list[bytes] = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: shown.append(self.pdf))
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=15000)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(shown[0])).pages)
    assert "自己点検報告書" in text.replace(" ", "")


def test_each_role_sees_its_part(
    qtbot, staffed: Office, workspace: Workspace, db: DatabaseThread
) -> None:
    supervisor = open_window(qtbot, workspace, db, "sekinin", SUPERVISOR_PASSWORD)
    page = supervisor.show_page("inspection")
    assert not page.training.record_button.isHidden()
    assert not page.training.record_button.parentWidget().isHidden()
    assert page.review.record_button.parentWidget().isHidden()
    assert page.tabs.indexOf(page.inspection) >= 0
    supervisor.close()
    auditor = open_window(qtbot, workspace, db, "kansa", AUDITOR_PASSWORD)
    page = auditor.show_page("inspection")
    assert page.training.record_button.parentWidget().isHidden()
    assert page.review.record_button.parentWidget().isHidden()
    assert page.review.table.isHidden() and not page.review.past.isHidden()
    table = page.compliance.table
    assert table.rowCount() == len(compliance_map.ARTICLES)
    assert table.item(0, 0).text() == "特定個人情報取扱規程"
    auditor.close()
    clerk = open_window(qtbot, workspace, db, "tanto", CLERK_PASSWORD)
    assert "inspection" not in clerk.page_by_key
    clerk.close()
