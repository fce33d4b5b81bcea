"""The dashboard as a to-do list: each card counts its work for the member signed in, is calm
when there is none, and its button opens the page of the work with the right thing selected."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from app.bootstrap import Workspace
from tests.conftest import CLERK_PASSWORD, Office
from tests.support import busy_office
from tests.ui.conftest import on_next_modal, open_window
from ui import file_dialogs
from ui.dialogs.pending_verifications_dialog import PendingVerificationsDialog
from ui.pages.dashboard_page import DashboardPage
from ui.tasks import DatabaseThread

NOTHING = "対応が必要なものはありません"


@pytest.fixture
def busy(office: Office, tmp_path: Path) -> tuple[Workspace, busy_office.BusyOffice]:
    built = busy_office.build(office, tmp_path / "usb")
    office.manager.close()
    return Workspace(office.data.data_dir, office.clock), built


def _dashboard(qtbot, workspace: Workspace, db: DatabaseThread, *login: str):
    window = open_window(qtbot, workspace, db, *login)
    window.resize(1366, 768)
    page = window.show_page("dashboard")
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(lambda: page.summary is not None, timeout=10000)
    return window, page


def _card(page: DashboardPage, name: str) -> tuple[str, str, bool, bool]:
    card = page.findChild(QWidget, f"{name}Card")
    return (
        card.findChild(QWidget, f"{name}Count").text(),
        card.findChild(QWidget, f"{name}Detail").text(),
        card.property("attention") == "true",
        card.property("alert") == "true",
    )


def _button(page: DashboardPage, name: str):
    return page.findChild(QWidget, f"{name}Button")


def test_the_manager_sees_every_card_with_its_count_and_each_opens_its_work(
    qtbot, busy, db: DatabaseThread, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace, built = busy
    window, page = _dashboard(qtbot, workspace, db)
    # The busy office's clock is at 1 December: the year's statutory forms are in season.
    assert [card.objectName() for card in page.shown_cards] == [
        "yearEndCard",
        "verificationCard",
        "approvalCard",
        "executionCard",
        "requestsCard",
        "accountsCard",
        "hearingsCard",
        "backupCard",
        "oldBackupsCard",
    ]
    assert all(card.isVisible() for card in page.shown_cards)
    assert _card(page, "verification")[::2] == ("4件", True)
    assert _card(page, "approval")[::2] == ("3件", True)
    assert _card(page, "execution")[::2] == ("1件", True)
    count, detail, _attention, alert = _card(page, "requests")
    assert (count, alert) == ("2件", True) and "目標日を過ぎたもの：1件" in detail
    count, detail, _attention, alert = _card(page, "accounts")
    assert (count, alert) == ("2人", True)
    assert "rinji" in detail and "shinnin" in detail
    count, detail, _attention, alert = _card(page, "backup")
    assert (count, alert) == ("8日前", True)
    assert "2026年11月23日（月）" in detail and "2026年11月30日（月）" in detail
    # Nothing out of reach to destroy: said calmly, not highlighted.
    assert _card(page, "oldBackups") == ("0件", f"{NOTHING}。", False, False)
    assert not _button(page, "oldBackups").isVisible()  # nothing to record

    # 承認: the runs tab of the retention page, the oldest run waiting for me selected.
    _button(page, "approval").click()
    retention = window.current_page()
    assert retention is window.page_by_key["retention"]
    assert retention.tabs.currentIndex() == 3
    qtbot.waitUntil(lambda: retention.runs_table.selectedItems() != [], timeout=10000)
    selected = retention.runs_table.currentRow()
    assert retention.runs_table.item(selected, 0).text() == str(built.by_clerk)
    assert retention.approve_button.isEnabled()

    window.show_page("dashboard")
    _button(page, "execution").click()
    qtbot.waitUntil(lambda: retention.runs_table.selectedItems() != [], timeout=10000)
    qtbot.waitUntil(
        lambda: (
            retention.runs_table.item(retention.runs_table.currentRow(), 0).text()
            == str(built.approved)
        ),
        timeout=10000,
    )
    assert retention.execute_button.isEnabled()

    window.show_page("dashboard")
    _button(page, "accounts").click()
    staff_page = window.page_by_key["staff"]
    assert window.current_page() is staff_page
    qtbot.waitUntil(lambda: staff_page.selected() is not None, timeout=10000)
    assert staff_page.selected().login_name == "rinji"
    assert staff_page.unlock_button.isEnabled()

    window.show_page("dashboard")
    _button(page, "requests").click()
    requests_page = window.page_by_key["requests"]
    assert window.current_page() is requests_page
    # The request past its target (received 11/2) is the one selected, not the newer one.
    qtbot.waitUntil(lambda: requests_page._current() is not None, timeout=10000)
    assert requests_page._current().request.received_on == "2026-11-02"

    # 本人確認: the list of the people waiting, from which the check starts.
    window.show_page("dashboard")
    listed: list[int] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, PendingVerificationsDialog)
        qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10000)
        listed.append(dialog.table.rowCount())
        names = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
        assert busy_office.NEWCOMER in names and dialog.verify_button.isEnabled()
        dialog.reject()

    on_next_modal(look)
    _button(page, "verification").click()
    assert listed == [4]

    # A backup made from the card: the card is calm again.
    monkeypatch.setattr(file_dialogs, "get_existing_directory", lambda *a, **k: str(tmp_path))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    _button(page, "backup").click()
    qtbot.waitUntil(lambda: _card(page, "backup")[0] == "今日", timeout=10000)
    count, detail, attention, alert = _card(page, "backup")
    assert detail.startswith(NOTHING) and not attention and not alert
    assert "2026年12月8日（火）" in detail


def test_a_clerk_sees_only_the_cards_of_their_work(qtbot, busy, db: DatabaseThread) -> None:
    workspace, _built = busy
    _window, page = _dashboard(qtbot, workspace, db, "tanto", CLERK_PASSWORD)
    assert [card.objectName() for card in page.shown_cards] == [
        "yearEndCard",
        "verificationCard",
        "executionCard",
        "requestsCard",
    ]
    for hidden in ("approval", "accounts", "backup", "oldBackups"):
        assert not page.findChild(QWidget, f"{hidden}Card").isVisible(), hidden
    assert _card(page, "execution")[0] == "1件"


def test_overdue_outputs_get_a_card_that_opens_the_register(
    qtbot, office: Office, tmp_path: Path, db: DatabaseThread
) -> None:
    from app.services import outputs

    busy_office.build(office, tmp_path / "usb")
    session = office.manager
    person_id = session.vault.conn.execute("SELECT min(id) FROM person").fetchone()[0]
    with session.vault.write() as writer:
        outputs.register(
            writer,
            session,
            purpose="源泉徴収事務",
            form="gensen_choshu/tax_office",
            year=2026,
            person_ids=[person_id],
            order=outputs.Order("税務署"),
        )
    session.close()
    office.clock.advance(days=15)
    workspace = Workspace(office.data.data_dir, office.clock)
    _window, page = _dashboard(qtbot, workspace, db)
    assert "outputsCard" in [card.objectName() for card in page.shown_cards]
    count, detail, attention, _alert = _card(page, "outputs")
    assert count == "1件" and "提出" in detail and attention
    seen: list[str] = []
    on_next_modal(lambda dialog: (seen.append(dialog.objectName()), dialog.reject()))
    _button(page, "outputs").click()
    assert seen == ["outputsDialog"]
