"""The staff page: an account locked after failed sign-ins says so and until when, and the
manager's ロック解除 (with their password) lets the member in again, logged."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from app import errors
from app.bootstrap import Workspace
from app.services import auth, staff
from tests.conftest import CLERK_PASSWORD, MANAGER_PASSWORD, Office, add_member
from tests.ui.conftest import open_window
from ui.dialogs.password_dialogs import ConfirmPasswordDialog
from ui.models.staff_table_model import StaffColumn
from ui.tasks import DatabaseThread


@pytest.fixture
def locked_out(office: Office) -> Workspace:
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD)
    staff.create_staff(
        office.manager,
        login="shinnin",
        display_name="新任 職員",
        roles=["clerk"],
        scopes=[],
        initial_password="Temp-Quiet-River-Stone-19",
    )
    for _ in range(5):
        with pytest.raises((errors.SignInFailed, errors.AccountLocked)):
            auth.sign_in(office.data, "tanaka", "Wrong-Password-Here-1", office.clock)
    office.manager.close()
    return Workspace(office.data.data_dir, office.clock)


def _state(page, login: str) -> str:
    row = page.model.row_of(login)
    return page.model.data(page.model.index(row, StaffColumn.STATE))


def test_a_locked_account_shows_until_when_and_the_manager_unlocks_it(
    qtbot, locked_out: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, locked_out, db)
    page = window.show_page("staff")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10000)
    assert _state(page, "tanaka") == "ロック中（11月23日 09:15まで）"
    assert _state(page, "shinnin") == "要パスワード設定"
    assert _state(page, "kanri") == "有効"
    assert page.unlock_button.text() == "ロック解除"
    page.table.selectRow(page.model.row_of("kanri"))
    assert not page.unlock_button.isEnabled()  # nothing to unlock
    page.show_hint("login:tanaka")
    assert page.selected().login_name == "tanaka" and page.unlock_button.isEnabled()

    asked: list[str] = []

    def confirm(dialog: ConfirmPasswordDialog) -> QDialog.DialogCode:
        asked.append(dialog.objectName())
        dialog.password_edit.setText(MANAGER_PASSWORD)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConfirmPasswordDialog, "exec", confirm)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: _state(page, "tanaka") == "有効", timeout=10000)
    assert asked == ["confirmPasswordDialog"]
    assert "tanaka のロックを解除しました" in page.status.text()
    assert page.selected().login_name == "tanaka" and not page.unlock_button.isEnabled()
    session = window.context.session
    events = db.call(
        lambda: session.vault.conn.execute(
            "SELECT actor_name, target FROM audit_log WHERE action = 'staff.unlocked'"
        ).fetchall()
    )
    assert events == [("kanri", "tanaka")]
    # The member signs in at once, without waiting for the lock to end.
    db.call(
        lambda: auth.sign_in(locked_out.paths, "tanaka", CLERK_PASSWORD, locked_out.clock).close()
    )


def test_a_manager_taking_on_the_work_can_register_at_once_and_is_offered_a_new_sign_in(
    qtbot, workspace: Workspace, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.services import people
    from ui.dialogs.staff_dialog import StaffDialog, StaffForm

    window = open_window(qtbot, workspace, db)
    page = window.show_page("staff")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    page.table.selectRow(page.model.row_of("kanri"))
    scopes = ["kind:employee", "purpose:tax_withholding"]
    form = [StaffForm("kanri", "管理 花子", ["manager", "clerk"], scopes, "")]
    monkeypatch.setattr(StaffDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(StaffDialog, "form", lambda _self: form[0])

    def confirm(dialog: ConfirmPasswordDialog) -> QDialog.DialogCode:
        dialog.password_edit.setText(MANAGER_PASSWORD)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConfirmPasswordDialog, "exec", confirm)
    questions: list[str] = []
    reply = [QMessageBox.StandardButton.No]

    def answer(_parent, _title, text, *_args):
        questions.append(text)
        return reply[0]

    monkeypatch.setattr(QMessageBox, "question", answer)
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: None)
    session = window.context.session
    page.edit_button.click()
    qtbot.waitUntil(lambda: len(questions) == 1, timeout=10000)
    assert "サインインし直" in questions[0]
    # Declined: the change applies in the session it was made in, without a new sign-in.
    db.call(
        lambda: people.register_employee(session, code="E1", name="山田 太郎", kana_text="ヤマダ")
    )
    assert window.isVisible()
    # Accepted: the window signs out, so the next sign-in lists the pages of the new roles.
    reply[0] = QMessageBox.StandardButton.Yes
    form[0] = StaffForm("kanri", "管理 花子", ["manager"], scopes, "")
    with qtbot.waitSignal(window.signed_out, timeout=10000):
        page.edit_button.click()


def test_disabling_a_member_who_handled_numbers_says_older_backups_still_open(
    qtbot, office: Office, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    """#14 item 1: the number key is replaced, and the manager is told that backups made
    before still open for whoever could open them then."""
    from PySide6.QtWidgets import QMessageBox

    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD)
    office.manager.close()
    workspace = Workspace(office.data.data_dir, office.clock)
    window = open_window(qtbot, workspace, db)
    page = window.show_page("staff")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    page.show_hint("login:tanaka")

    def confirm(dialog: ConfirmPasswordDialog) -> QDialog.DialogCode:
        dialog.password_edit.setText(MANAGER_PASSWORD)
        return QDialog.DialogCode.Accepted

    told: list[str] = []
    monkeypatch.setattr(ConfirmPasswordDialog, "exec", confirm)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    page.disable_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    assert "個人番号の暗号鍵を更新しました" in told[0]
    assert "新しいバックアップを作成" in told[0] and "古いバックアップ" in told[0]
    qtbot.waitUntil(lambda: _state(page, "tanaka") == "無効", timeout=10000)
