"""Sign-in messages, navigation by role, auto-lock that drops data, unlock and sign-out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from app.bootstrap import Workspace
from tests.conftest import (
    AUDITOR_PASSWORD,
    CLERK_PASSWORD,
    MANAGER_LOGIN,
    MANAGER_PASSWORD,
    Office,
    add_member,
)
from tests.ui.conftest import on_next_modal, signed_in
from ui.lock import IdleWatcher
from ui.main_window import MainWindow
from ui.signin_dialog import SignInDialog
from ui.tasks import DatabaseThread


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _sign_in(qtbot, dialog: SignInDialog, login: str, password: str) -> None:
    dialog.login_edit.setText(login)
    dialog.password_edit.setText(password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


def test_wrong_password_then_lockout_messages_then_success(
    qtbot, workspace: Workspace, db: DatabaseThread
) -> None:
    dialog = SignInDialog(workspace, db)
    qtbot.addWidget(dialog)
    dialog.show()
    _sign_in(qtbot, dialog, MANAGER_LOGIN, "Wrong-Password-Here-1")
    qtbot.waitUntil(lambda: "あと4回" in dialog.message_label.text(), timeout=10000)
    assert "ユーザー名またはパスワードが違います" in dialog.message_label.text()
    assert dialog.password_edit.text() == ""
    for _ in range(4):
        _sign_in(qtbot, dialog, MANAGER_LOGIN, "Wrong-Password-Here-1")
        qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled(), timeout=10000)
    assert "ロックされています" in dialog.message_label.text()
    assert "年" in dialog.message_label.text() and "09:15まで" in dialog.message_label.text()
    # The same words for a user name that does not exist: nothing tells which names exist.
    _sign_in(qtbot, dialog, "nobody", "Wrong-Password-Here-1")
    qtbot.waitUntil(lambda: "あと4回" in dialog.message_label.text(), timeout=10000)
    workspace.clock.advance(minutes=16)  # type: ignore[attr-defined]
    _sign_in(qtbot, dialog, MANAGER_LOGIN, MANAGER_PASSWORD)
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=10000)
    assert dialog.session.user.login_name == MANAGER_LOGIN
    db.call(dialog.session.close)


def test_disabled_account_and_caps_lock_hint(qtbot, office: Office, db: DatabaseThread) -> None:
    from app.services import staff

    add_member(office, "tanaka", ["clerk"], CLERK_PASSWORD)
    staff.disable_staff(office.manager, "tanaka")
    office.manager.close()
    dialog = SignInDialog(Workspace(office.data.data_dir, office.clock), db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.password_edit.setFocus()
    qtbot.keyClicks(dialog.password_edit, "A")  # upper case without Shift: Caps Lock
    assert dialog.caps_label.isVisible()
    dialog.password_edit.clear()
    _sign_in(qtbot, dialog, "tanaka", CLERK_PASSWORD)
    qtbot.waitUntil(lambda: "無効" in dialog.message_label.text(), timeout=10000)


def test_first_sign_in_asks_for_an_own_password(qtbot, office: Office, db: DatabaseThread) -> None:
    from app.services import staff

    staff.create_staff(
        office.manager,
        login="tanaka",
        display_name="田中 太郎",
        roles=["clerk"],
        scopes=["kind:employee"],
        initial_password="Cedar-Window-Lake-19",
    )
    office.manager.close()
    workspace = Workspace(office.data.data_dir, office.clock)
    dialog = SignInDialog(workspace, db)
    qtbot.addWidget(dialog)
    dialog.show()

    def choose(new_dialog) -> None:
        new_dialog.findChild(QLineEdit, "newPasswordEdit").setText(CLERK_PASSWORD)
        new_dialog.findChild(QLineEdit, "repeatPasswordEdit").setText(CLERK_PASSWORD)
        new_dialog.accept()

    on_next_modal(choose)
    _sign_in(qtbot, dialog, "tanaka", "Cedar-Window-Lake-19")
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=15000)
    assert not dialog.session.user.must_change_password
    db.call(dialog.session.close)
    # The temporary password no longer works; the chosen one does.
    db.call(signed_in(db, workspace, "tanaka", CLERK_PASSWORD).close)


@pytest.mark.parametrize(
    ("role", "password", "pages"),
    [
        (
            "manager",
            MANAGER_PASSWORD,
            [
                "ダッシュボード",
                "人員",
                "年末調整・法定調書",
                "保存期間・削除",
                "開示等の請求",
                "アクセス記録",
                "漏えい等事案",
                "委託先",
                "点検・研修",
                "職員管理",
                "設定",
            ],
        ),
        (
            "clerk",
            CLERK_PASSWORD,
            [
                "ダッシュボード",
                "人員",
                "年末調整・法定調書",
                "保存期間・削除",
                "開示等の請求",
                "委託先",
            ],
        ),
        # The auditor reads the due list and the deletion records (no number in either).
        (
            "auditor",
            AUDITOR_PASSWORD,
            ["保存期間・削除", "アクセス記録", "漏えい等事案", "委託先", "点検・研修"],
        ),
    ],
)
def test_navigation_shows_only_what_the_roles_may_use(
    qtbot, office: Office, db: DatabaseThread, role: str, password: str, pages: list[str]
) -> None:
    login = MANAGER_LOGIN
    if role != "manager":
        login = "member"
        add_member(office, login, [role], password)
    office.manager.close()
    workspace = Workspace(office.data.data_dir, office.clock)
    window = MainWindow(workspace, db, signed_in(db, workspace, login, password))
    qtbot.addWidget(window)
    window.show()
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == pages
    assert "サインイン中" in window.user_label.text()

    def office_shown() -> None:
        # Asserted, so a timeout reports what the label (and the status bar) said instead.
        assert window.office_label.text() == "テスト事業所", (
            window.office_label.text(),
            window.statusBar().currentMessage(),
        )

    qtbot.waitUntil(office_shown, timeout=10000)
    window.close()


def _window(qtbot, workspace: Workspace, db: DatabaseThread, clock: FakeMonotonic) -> MainWindow:
    session = signed_in(db, workspace, MANAGER_LOGIN, MANAGER_PASSWORD)
    watcher = IdleWatcher(300, monotonic=clock, system_idle=lambda: None)
    window = MainWindow(workspace, db, session, idle_watcher=watcher)
    qtbot.addWidget(window)
    window.show()
    return window


def test_idle_lock_drops_data_and_unlock_restores(
    qtbot, workspace: Workspace, db: DatabaseThread
) -> None:
    clock = FakeMonotonic()
    window = _window(qtbot, workspace, db, clock)
    staff_page = window.show_page("staff")
    qtbot.waitUntil(lambda: staff_page.model.rowCount() == 1, timeout=10000)
    session = window.context.session
    assert session is not None
    clock.now += 299
    window.idle.check()
    assert not window.locked
    assert "0:01" in window.countdown_label.text()
    clock.now += 2
    window.idle.check()
    assert window.locked
    assert window.root.currentWidget() is window.lock_screen
    assert staff_page.model.rowCount() == 0
    assert window.context.session is None
    qtbot.waitUntil(lambda: not session.is_open, timeout=10000)
    assert not window.menuBar().isEnabled()
    # Wrong password: said just so (the member is known; no user name is asked), still locked.
    window.lock_screen.password_edit.setText("Wrong-Password-Here-1")
    qtbot.mouseClick(window.lock_screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.lock_screen.message.text() != "", timeout=10000)
    assert window.lock_screen.message.text() == "パスワードが違います。"
    assert window.locked
    window.lock_screen.password_edit.setText(MANAGER_PASSWORD)
    qtbot.mouseClick(window.lock_screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.locked, timeout=10000)
    qtbot.waitUntil(lambda: staff_page.model.rowCount() == 1, timeout=10000)
    assert window.idle.active
    window.close()


def test_lock_screen_wrong_passwords_then_the_account_lockout_text(
    qtbot, workspace: Workspace, db: DatabaseThread
) -> None:
    window = _window(qtbot, workspace, db, FakeMonotonic())
    window.lock("shortcut")
    assert window.lock_screen.title.text() == "ロック中"
    assert window.lock_screen.unlock_button.text() == "ロック解除"
    assert "施錠" not in window.lock_screen.who.text()
    screen = window.lock_screen
    for _ in range(4):
        screen.password_edit.setText("Wrong-Password-Here-1")
        qtbot.keyClick(screen.password_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=10000)
        assert screen.message.text() == "パスワードが違います。"
    screen.password_edit.setText("Wrong-Password-Here-1")
    qtbot.keyClick(screen.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=10000)
    # The lockout keeps its own words: when it ends and whom to ask.
    assert "ロックされています" in screen.message.text()
    assert window.locked
    window.close()


def test_ctrl_l_and_minimising_lock(qtbot, workspace: Workspace, db: DatabaseThread) -> None:
    window = _window(qtbot, workspace, db, FakeMonotonic())
    window.activateWindow()
    window.lock_action.trigger()
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    assert window.locked
    window.lock_screen.password_edit.setText(MANAGER_PASSWORD)
    window.lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: not window.locked, timeout=10000)
    window.showMinimized()
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    window.close()


def test_sign_out_closes_the_session(qtbot, workspace: Workspace, db: DatabaseThread) -> None:
    window = _window(qtbot, workspace, db, FakeMonotonic())
    session = window.context.session
    with qtbot.waitSignal(window.signed_out, timeout=5000):
        window.sign_out_action.trigger()
    qtbot.waitUntil(lambda: not session.is_open, timeout=10000)
    check = signed_in(db, workspace, MANAGER_LOGIN, MANAGER_PASSWORD)
    actions = db.call(
        lambda: [r[0] for r in check.vault.conn.execute("SELECT action FROM audit_log")]
    )
    assert "signout" in actions
    db.call(check.close)


def test_data_from_another_pc_says_what_to_do_and_the_recovery_key_opens_it(
    qtbot, office: Office, db: DatabaseThread, tmp_path, monkeypatch
) -> None:
    office.manager.close()
    monkeypatch.setenv("MYNUMBER_DESK_TEST_KEYRING_FILE", str(tmp_path / "new-pc.json"))
    workspace = Workspace(office.data.data_dir, office.clock)
    dialog = SignInDialog(workspace, db)
    qtbot.addWidget(dialog)
    dialog.show()
    _sign_in(qtbot, dialog, MANAGER_LOGIN, MANAGER_PASSWORD)
    qtbot.waitUntil(lambda: "回復キー" in dialog.message_label.text(), timeout=10000)
    assert "別のPC" in dialog.message_label.text()

    def enter_key(recovery) -> None:
        recovery.findChild(QLineEdit, "recoveryKeyEdit").setText(office.recovery_key_text)
        recovery.buttons.accepted.emit()

    on_next_modal(enter_key)
    dialog.recovery_button.click()
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=15000)
    assert dialog.session.user.display_name == "回復キー使用者"
    window = MainWindow(workspace, db, dialog.session)
    qtbot.addWidget(window)
    window.show()
    assert "職員管理" in [
        window.navigation.item(i).text() for i in range(window.navigation.count())
    ]
    # A recovery session cannot be unlocked by password, so locking ends it.
    with qtbot.waitSignal(window.signed_out, timeout=5000):
        window.lock("shortcut")
    # Rebound: on this "PC" the manager's own password works now.
    db.call(signed_in(db, workspace, MANAGER_LOGIN, MANAGER_PASSWORD).close)


def test_a_failed_update_at_sign_in_names_the_copy_where_it_can_be_copied(
    qtbot, office: Office, db: DatabaseThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    """#18: the first sign-in after an update fails in its second step: the database is put
    back and the message names the copy's folder (no About dialog before sign-in), selectable."""
    from storage import migrate, upgrade

    office.manager.close()
    released = migrate.migrations()
    head = len(released)
    steps = [(head + 1, "CREATE TABLE future_one (x);"), (head + 2, "NOT SQL;")]
    monkeypatch.setattr(migrate, "migrations", lambda: [*released, *steps])
    dialog = SignInDialog(Workspace(office.data.data_dir, office.clock), db)
    qtbot.addWidget(dialog)
    dialog.show()
    _sign_in(qtbot, dialog, MANAGER_LOGIN, MANAGER_PASSWORD)
    qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled(), timeout=10000)
    (copy,) = upgrade.copies(office.data.upgrade_backups)
    text = dialog.message_label.text()
    assert "失われたデータはありません" in text
    assert f"「{office.data.upgrade_backups}」フォルダーに「{copy.name}」" in text
    assert (
        dialog.message_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    )
    assert dialog.session is None
