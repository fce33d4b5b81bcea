"""The identity check wizard in its request mode, driven as the clerk would: an agent at the
window with a 委任状, a request by online login (nothing to compare), a refusal by the service
that keeps the wizard open; and the manager discarding a closed file past its years."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog, QWizard

from app.bootstrap import Workspace
from app.domain.individual_requests import (
    Decision,
    Proof,
    RequesterChannel,
    RequesterDocument,
    RequesterMatch,
    RequesterRole,
    RequestKind,
)
from app.services import individual_requests, people, staff
from app.services.individual_requests import Intake, RequesterEntry
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD, Office
from tests.ui.conftest import open_window
from ui.dialogs.request_dialogs import DiscardDialog
from ui.requester_wizard import RequesterWizard
from ui.tasks import DatabaseThread


def _intake(channel: RequesterChannel, role: RequesterRole, requester: str) -> Intake:
    return Intake(
        RequestKind.DISCLOSURE,
        "山田 太郎",
        requester,
        role,
        date(2026, 11, 20),
        channel,
        "保有している情報すべて",
    )


@pytest.fixture
def office_with_requests(office: Office) -> Workspace:
    manager = office.manager
    manager.user = staff.set_scopes(manager, MANAGER_LOGIN, ["kind:employee"])
    people.register_employee(manager, code="E001", name="山田 太郎", kana_text="ヤマダ タロウ")
    for channel, role, requester in (
        (RequesterChannel.IN_PERSON, RequesterRole.VOLUNTARY_AGENT, "山田 花子"),
        (RequesterChannel.ONLINE, RequesterRole.SELF, "山田 太郎"),
    ):
        individual_requests.receive(manager, _intake(channel, role, requester))
    manager.close()
    return Workspace(office.data.data_dir, office.clock)


def _wizard(qtbot, window, db: DatabaseThread, index: int) -> RequesterWizard:
    session = window.context.session
    row = db.call(lambda: individual_requests.register(session))[index].request
    wizard = RequesterWizard(window.context, row, date(2026, 11, 23), window)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_an_agent_at_the_window_with_a_power_of_attorney(
    qtbot, office_with_requests: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, office_with_requests, db)
    wizard = _wizard(qtbot, window, db, 0)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert "代理人の本人確認書類" in wizard.request_page.needs.text()
    assert "委任状" in wizard.request_page.needs.text()
    wizard.next()
    documents = wizard.documents_page
    # Two lists: the agent's own ID and the 委任状; no reply rule at the window.
    assert set(documents.group_status) == {Proof.OFFICIAL_ID, Proof.POWER_OF_ATTORNEY}
    assert not documents.reply.isVisibleTo(wizard)
    documents.ticks[RequesterDocument.PASSPORT].setChecked(True)
    assert "未確認" in documents.group_status[Proof.POWER_OF_ATTORNEY].text()
    wizard.next()
    assert set(wizard.compare_page.ticks) == {RequesterMatch.NAME, RequesterMatch.AUTHORITY}
    wizard.compare_page.ticks[RequesterMatch.NAME].setChecked(True)
    wizard.next()
    missing = wizard.result_page.details.text()
    assert not finish.isEnabled() and "委任状" in missing and "代理権の書類" in missing
    wizard.back()
    wizard.compare_page.ticks[RequesterMatch.AUTHORITY].setChecked(True)
    wizard.back()
    documents.ticks[RequesterDocument.POWER_OF_ATTORNEY].setChecked(True)
    wizard.next()
    wizard.next()
    assert finish.isEnabled(), wizard.result_page.details.text()
    assert "山田 花子（山田 太郎の任意代理人" in wizard.result_page.details.text()
    finish.click()
    qtbot.waitUntil(lambda: wizard.recorded is not None, timeout=10000)
    identity = wizard.recorded.identity
    assert identity["documents"] == ["passport", "power_of_attorney"]
    assert identity["matched"] == ["name", "authority"]
    assert identity["provider"] == "voluntary_agent"


def test_online_has_nothing_to_compare_and_a_refusal_keeps_the_wizard_open(
    qtbot, office_with_requests: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, office_with_requests, db)
    wizard = _wizard(qtbot, window, db, 1)
    wizard.next()
    documents = wizard.documents_page
    # Only the online means; a driving licence cannot be used online.
    assert set(documents.ticks) == {
        RequesterDocument.REGISTERED_LOGIN,
        RequesterDocument.PUBLIC_CERTIFICATION,
    }
    documents.ticks[RequesterDocument.PUBLIC_CERTIFICATION].setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.result_page  # the compare step is skipped
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isEnabled()
    # Meanwhile someone else identified the requester: the service refuses, nothing is lost.
    session = window.context.session
    request_id = wizard.row.id
    db.call(
        lambda: individual_requests.verify_requester(
            session,
            request_id,
            RequesterEntry((RequesterDocument.REGISTERED_LOGIN,), (), date(2026, 11, 22)),
        )
    )
    finish.click()
    qtbot.waitUntil(lambda: bool(wizard.result_page.error.text()), timeout=10000)
    assert wizard.isVisible() and wizard.recorded is None and finish.isEnabled()
    assert "本人確認済み" in wizard.result_page.error.text()


def test_the_manager_discards_closed_files_past_their_years(
    qtbot,
    office_with_requests: Workspace,
    db: DatabaseThread,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(qtbot, office_with_requests, db)
    session = window.context.session
    first = db.call(lambda: individual_requests.register(session))[1].request

    def close_it() -> None:
        individual_requests.verify_requester(
            session,
            first.id,
            RequesterEntry((RequesterDocument.REGISTERED_LOGIN,), (), date(2026, 11, 22)),
        )
        individual_requests.decide(session, first.id, Decision.FULL)
        individual_requests.mark_notified(session, first.id)
        individual_requests.close(session, first.id)

    db.call(close_it)
    page = window.show_page("requests")
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10000)
    assert page.discard_button.isVisible() and not page.discard_button.isEnabled()
    office_with_requests.clock.advance(days=3 * 366)
    page.load()
    qtbot.waitUntil(lambda: page.discard_button.isEnabled(), timeout=10000)
    assert "（1件）" in page.discard_button.text()

    def confirm(dialog: DiscardDialog) -> QDialog.DialogCode:
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        assert not ok.isEnabled() and "1件を廃棄" in ok.text()
        assert dialog.findChild(object, "discardTable").rowCount() == 1
        dialog.password_edit.setText(MANAGER_PASSWORD)
        assert ok.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(DiscardDialog, "exec", confirm)
    page.discard_button.click()
    qtbot.waitUntil(lambda: "廃棄しました" in page.status.text(), timeout=10000)
    qtbot.waitUntil(lambda: not page.discard_button.isEnabled(), timeout=10000)
    page.show_all.setChecked(True)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10000)
    assert db.call(lambda: individual_requests.history(session, first.id)) == []
