"""First run through the wizard, staff administration and settings through the pages."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QLineEdit, QSpinBox, QWidget, QWizard

from app import errors
from app.bootstrap import Workspace
from app.services import auth, office_contact
from tests.conftest import CLERK_PASSWORD, MANAGER_LOGIN, MANAGER_PASSWORD, Office, add_member
from tests.ui.conftest import on_next_modal, open_window, signed_in
from ui import file_dialogs
from ui.first_run_wizard import FirstRunWizard
from ui.models.audit_table_model import AuditTableModel
from ui.models.staff_table_model import StaffTableModel
from ui.tasks import DatabaseThread


def _fill_until_recovery(qtbot, wizard: FirstRunWizard) -> None:
    wizard.office_page.name_edit.setText("社会福祉法人テスト会")
    wizard.next()
    page = wizard.manager_page
    assert not page.isComplete()
    page.login_edit.setText("kanri")
    page.name_edit.setText("管理 花子")
    page.password_edit.setText("kanri-password-99")
    page.repeat_edit.setText("kanri-password-99")
    assert not page.isComplete()  # contains the user name: the hint says why
    assert "✗ ユーザー名・氏名を含まない" in page.hints.text()
    for edit in (page.password_edit, page.repeat_edit):
        edit.setText("qwertyuiopasdf")  # a keyboard walk: only the full check knows
    assert page.isComplete()
    assert not page.validatePage()
    assert "よく使われる" in page.problem.text()
    page.password_edit.setText(MANAGER_PASSWORD)
    page.repeat_edit.setText(MANAGER_PASSWORD + "x")
    assert not page.isComplete()
    assert page.problem.text()
    page.repeat_edit.setText(MANAGER_PASSWORD)
    assert page.isComplete()
    wizard.next()
    wizard.areas_page.management_edit.setPlainText("事務室の施錠できる書庫")
    wizard.areas_page.handling_edit.setPlainText("総務担当の執務席")
    wizard.next()  # commits: the vault is created on the database thread
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=20000)


def test_first_run_wizard_creates_the_office_only_after_the_sheet_is_kept(
    qtbot, data, clock, db: DatabaseThread, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = Workspace(data.data_dir, clock)
    wizard = FirstRunWizard(workspace, db)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill_until_recovery(qtbot, wizard)
    page = wizard.recovery_page.panel
    assert page.pdf.startswith(b"%PDF")
    assert not page.preview.pixmap().isNull()
    assert not page.is_complete()
    assert not page.confirm.isEnabled()
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    sheet = tmp_path / "recovery.pdf"
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(sheet), ""))
    page.save_button.click()
    assert sheet.read_bytes() == page.pdf
    assert not wizard.recovery_page.isComplete()
    page.confirm.setChecked(True)
    assert wizard.recovery_page.isComplete()
    wizard.next()
    assert "社会福祉法人テスト会" in wizard.summary_page.summary.text()
    wizard.accept()
    assert wizard.session is not None
    db.call(wizard.session.close)
    check = signed_in(db, workspace, "kanri", MANAGER_PASSWORD)
    office = db.call(
        lambda: check.vault.conn.execute(
            "SELECT name, management_area, handling_area FROM office"
        ).fetchone()
    )
    assert office == ("社会福祉法人テスト会", "事務室の施錠できる書庫", "総務担当の執務席")
    db.call(check.close)


@pytest.mark.parametrize("clerical", [True, False])
def test_after_the_wizard_the_manager_registers_at_once_unless_untick(
    qtbot, data, clock, db: DatabaseThread, clerical: bool
) -> None:
    from app import errors
    from app.services import people

    workspace = Workspace(data.data_dir, clock)
    wizard = FirstRunWizard(workspace, db)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.manager_page.clerical_check.isChecked()  # one-person office by default
    if not clerical:
        wizard.manager_page.clerical_check.setChecked(False)
    _fill_until_recovery(qtbot, wizard)
    session = wizard.session
    assert session is not None

    def register() -> object:
        try:
            return people.register_employee(
                session, code="E1", name="山田 太郎", kana_text="ヤマダ"
            )
        except errors.PermissionDenied as denied:
            return denied

    outcome = db.call(register)
    assert isinstance(outcome, errors.PermissionDenied) != clerical
    wizard.reject()  # the sheet was never kept: nothing is left behind


def test_cancelling_before_the_sheet_is_confirmed_leaves_nothing(
    qtbot, data, clock, db: DatabaseThread
) -> None:
    workspace = Workspace(data.data_dir, clock)
    wizard = FirstRunWizard(workspace, db)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill_until_recovery(qtbot, wizard)
    assert data.database.exists()
    wizard.reject()
    assert not data.database.exists()
    assert not data.slots.exists()
    assert not workspace.has_data()


def test_wizard_shows_a_setup_error_in_japanese(
    qtbot, data, clock, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    wizard = FirstRunWizard(Workspace(data.data_dir, clock), db)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.office_page.name_edit.setText("事業所")
    wizard.next()
    for edit in (wizard.manager_page.password_edit, wizard.manager_page.repeat_edit):
        edit.setText(MANAGER_PASSWORD)
    wizard.manager_page.login_edit.setText("kanri")
    wizard.manager_page.name_edit.setText("管理 花子")
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: "キーリング" in wizard.areas_page.error.text(), timeout=10000)
    assert wizard.currentPage() is wizard.areas_page
    assert not data.database.exists()


def test_manager_creates_a_clerk_with_a_scope_and_the_clerk_signs_in(
    qtbot, workspace: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, workspace, db)
    page = window.show_page("staff")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)

    def fill_staff(dialog) -> None:
        dialog.findChild(QLineEdit, "staffLoginEdit").setText("tanaka")
        dialog.findChild(QLineEdit, "staffNameEdit").setText("田中 太郎")
        dialog.findChild(QLineEdit, "staffPasswordEdit").setText("Cedar-Window-Lake-19")
        dialog.findChild(QLineEdit, "staffPasswordRepeatEdit").setText("Cedar-Window-Lake-19")
        dialog.findChild(QCheckBox, "role_clerk").setChecked(True)
        dialog.findChild(QCheckBox, "purpose_tax_withholding").setChecked(True)
        dialog.findChild(QCheckBox, "group_kind_employee").setChecked(True)
        on_next_modal(confirm)
        dialog.accept()

    def confirm(dialog) -> None:
        dialog.findChild(QLineEdit, "confirmPasswordEdit").setText(MANAGER_PASSWORD)
        dialog.accept()

    on_next_modal(fill_staff)
    page.add_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=15000)
    assert "tanaka" in page.status.text()
    clerk_row = next(r for r in range(2) if page.model.member(r).login_name == "tanaka")
    member = page.model.member(clerk_row)
    assert member.must_change_password
    assert member.scopes == frozenset({("purpose", "tax_withholding"), ("group", "kind:employee")})
    window.close()
    clerk = signed_in(db, workspace, "tanaka", "Cedar-Window-Lake-19")
    db.call(lambda: auth.change_password(clerk, "Cedar-Window-Lake-19", CLERK_PASSWORD))
    db.call(clerk.close)
    db.call(signed_in(db, workspace, "tanaka", CLERK_PASSWORD).close)


def test_wrong_confirmation_password_changes_nothing(
    qtbot, office: Office, db: DatabaseThread
) -> None:
    # A member locked out after failed sign-ins, for the manager to unlock.
    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD)
    for _ in range(5):
        with contextlib.suppress(errors.SignInFailed, errors.AccountLocked):
            auth.sign_in(office.data, "tanaka", "Wrong-Password-Here-1", office.clock)
    office.manager.close()
    workspace = Workspace(office.data.data_dir, office.clock)
    window = open_window(qtbot, workspace, db)
    page = window.show_page("staff")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
    page.show_hint("login:tanaka")
    seen: list[str] = []

    def confirm(dialog) -> None:
        dialog.findChild(QLineEdit, "confirmPasswordEdit").setText("Wrong-Password-Here-1")
        on_next_modal(lambda box: (seen.append(box.text()), box.accept()))
        dialog.accept()

    on_next_modal(confirm)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert "パスワードが違います" in seen[0]
    assert page.selected().locked  # still locked
    window.close()


def test_settings_change_is_saved_and_audited(
    qtbot, workspace: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, workspace, db)
    page = window.show_page("settings")
    spin = page.findChild(QSpinBox, "setting_auto_lock_minutes")
    qtbot.waitUntil(lambda: spin.value() == 5, timeout=10000)
    spin.setValue(12)
    page.save_button.click()
    qtbot.waitUntil(lambda: "1件" in page.status.text(), timeout=10000)
    session = window.context.session
    rows = db.call(
        lambda: session.vault.conn.execute(
            "SELECT actor_name, target, detail FROM audit_log WHERE action = 'settings.changed'"
        ).fetchall()
    )
    assert rows == [(MANAGER_LOGIN, "auto_lock_minutes", '{"after": "12", "before": "5"}')]
    assert window.idle.timeout_seconds == 12 * 60  # applies to the open window at once
    window.close()


def test_the_office_contact_is_saved_from_the_settings_page(
    qtbot, workspace: Workspace, db: DatabaseThread
) -> None:
    window = open_window(qtbot, workspace, db)
    page = window.show_page("settings")
    page.desk_edit.setText("総務部 個人情報相談窓口")
    page.address_edit.setText("〒100-0001 東京都千代田区千代田1-1")
    page.phone_edit.setText("03-1234-5678")
    page.contact_button.click()
    qtbot.waitUntil(lambda: "保存しました" in page.status.text(), timeout=10000)
    # A number typed by mistake is refused with a Japanese message; what is stored stays.
    page.address_edit.setText("123456789018")
    said: list[str] = []

    def read_and_close(box: QWidget) -> None:
        said.append(box.text())
        box.close()

    on_next_modal(read_and_close)
    page.contact_button.click()
    qtbot.waitUntil(lambda: bool(said), timeout=10000)
    assert "個人番号のような数字列" in said[0]
    session = window.context.session
    found = db.call(lambda: office_contact.contact(session))
    assert (found.request_desk, found.phone) == ("総務部 個人情報相談窓口", "03-1234-5678")
    assert found.address == "〒100-0001 東京都千代田区千代田1-1"
    window.close()


def test_the_letters_sender_is_set_beside_the_contact(
    qtbot, workspace: Workspace, db: DatabaseThread, tmp_path: Path
) -> None:
    window = open_window(qtbot, workspace, db)
    window.resize(1366, 768)
    page = window.show_page("settings")
    title = page.findChild(QLineEdit, "senderTitleEdit")
    name = page.findChild(QLineEdit, "senderNameEdit")
    assert title is not None and name is not None and title.isVisible()
    title.setText("特定個人情報管理責任者 総務部長")
    name.setText("管理 花子")
    page.contact_button.click()
    qtbot.waitUntil(lambda: "保存しました" in page.status.text(), timeout=10000)
    session = window.context.session
    found = db.call(lambda: office_contact.contact(session))
    assert (found.sender_title, found.sender_name) == (
        "特定個人情報管理責任者 総務部長",
        "管理 花子",
    )
    # Too long for the field: the service says so in Japanese, nothing is stored.
    name.setMaxLength(100)
    name.setText("名" * 31)
    said: list[str] = []

    def read_and_close(box: QWidget) -> None:
        said.append(box.text())
        box.close()

    on_next_modal(read_and_close)
    page.contact_button.click()
    qtbot.waitUntil(lambda: bool(said), timeout=10000)
    assert "差出人の氏名は30文字以内" in said[0]
    assert db.call(lambda: office_contact.contact(session)).sender_name == "管理 花子"
    # Shown again from the database when the page is reloaded.
    page.clear()
    assert title.text() == ""
    page.load()
    qtbot.waitUntil(lambda: title.text() == "特定個人情報管理責任者 総務部長", timeout=10000)
    window.grab().save(str(tmp_path / "settings-1366x768.png"))
    window.close()


def test_access_log_page_filters_pages_and_verifies(
    qtbot, office: Office, db: DatabaseThread
) -> None:
    from app.services import audit as audit_service

    with office.manager.vault.write() as writer:
        for n in range(450):
            audit_service.record(writer, office.manager, "test.event", target=f"t{n}")
    office.manager.close()
    workspace = Workspace(office.data.data_dir, office.clock)
    window = open_window(qtbot, workspace, db)
    page = window.show_page("records")
    qtbot.waitUntil(lambda: page.model.rowCount() == 200, timeout=10000)
    assert "200" in page.paging.position.text()
    page.paging.next_button.click()
    qtbot.waitUntil(lambda: page.offset == 200 and page.model.rowCount() == 200, timeout=10000)
    page.action_combo.setCurrentIndex(page.action_combo.findData("signin.succeeded"))
    page._apply_filter()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    page.verify_button.click()
    qtbot.waitUntil(lambda: "改ざんされていません" in page.result.text(), timeout=10000)
    window.close()


def test_models_pass_the_model_tester(qtmodeltester, office: Office) -> None:
    from app.services import audit as audit_service
    from app.services import staff

    staff_model = StaffTableModel()
    staff_model.set_members(staff.list_staff(office.manager))
    qtmodeltester.check(staff_model)
    audit_model = AuditTableModel()
    audit_model.set_page(
        audit_service.read_page(office.manager, audit_service.AuditQuery(), offset=0, limit=50)
    )
    qtmodeltester.check(audit_model)


def test_manager_reissues_the_recovery_key_and_must_keep_the_new_sheet(
    qtbot,
    workspace: Workspace,
    db: DatabaseThread,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    window = open_window(qtbot, workspace, db)
    sheet = tmp_path / "new-sheet.pdf"
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(sheet), ""))
    seen: list[bool] = []

    def keep_sheet(dialog) -> None:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen.append(ok.isEnabled())
        dialog.reject()  # refused: the sheet was not kept yet
        seen.append(dialog.isVisible())
        dialog.panel.save_button.click()
        dialog.panel.confirm.setChecked(True)
        seen.append(ok.isEnabled())
        dialog.accept()

    def confirm(dialog) -> None:
        dialog.findChild(QLineEdit, "confirmPasswordEdit").setText(MANAGER_PASSWORD)
        on_next_modal(keep_sheet)
        dialog.accept()

    on_next_modal(confirm)
    window.findChild(type(window.lock_action), "reissueRecoveryAction").trigger()
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=15000)
    assert seen == [False, True, True]
    assert sheet.read_bytes().startswith(b"%PDF")
    window.close()
