"""Sign-in at a real office: Enter always signs in, cancelling after a sign-out asks first, the
previous member's window is gone before the next sign-in, long messages are never cut."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton

from app.bootstrap import Workspace
from tests.conftest import MANAGER_LOGIN, MANAGER_PASSWORD
from tests.ui.conftest import on_next_modal, signed_in
from ui.main import Shell
from ui.signin_dialog import SignInDialog
from ui.tasks import DatabaseThread

WRONG = "Wrong-Password-Here-1"


@pytest.fixture
def stray_modals() -> Iterator[list[str]]:
    """Any dialog that opens on its own (Enter pressing 回復キーを使う… instead of サインイン)
    is closed and its name recorded, so a test fails instead of waiting in its exec()."""
    seen: list[str] = []
    timer = QTimer()
    timer.setInterval(30)

    def check() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QDialog) and widget.objectName() != "quitConfirmBox":
            seen.append(widget.objectName() or type(widget).__name__)
            widget.reject()

    timer.timeout.connect(check)
    timer.start()
    yield seen
    timer.stop()


@pytest.fixture
def show(qtbot, workspace: Workspace, db: DatabaseThread) -> Iterator[Callable[..., SignInDialog]]:
    """Shows a sign-in dialog as the active window; closed after the test without asking
    (a dialog that asks before quitting would wait in its question at teardown)."""
    made: list[SignInDialog] = []

    def make(**options: bool) -> SignInDialog:
        dialog = SignInDialog(workspace, db, **options)
        made.append(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        return dialog

    yield make
    for dialog in made:
        dialog.confirm_quit = False
        dialog.close()
        dialog.deleteLater()


def _type_and_enter(qtbot, dialog: SignInDialog, password: str) -> None:
    dialog.password_edit.setFocus()
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)


def test_enter_after_a_wrong_password_signs_in(
    qtbot, show: Callable[..., SignInDialog], db: DatabaseThread, stray_modals: list[str]
) -> None:
    dialog = show()
    qtbot.keyClicks(dialog.login_edit, MANAGER_LOGIN)
    _type_and_enter(qtbot, dialog, WRONG)
    qtbot.waitUntil(lambda: "あと4回" in dialog.message_label.text(), timeout=10000)
    assert QApplication.focusWidget() is dialog.password_edit
    assert dialog.sign_in_button.isDefault()
    _type_and_enter(qtbot, dialog, WRONG)
    qtbot.waitUntil(lambda: "あと3回" in dialog.message_label.text(), timeout=10000)
    # The third try, right: Enter signs in, it does not cancel the program.
    qtbot.keyClicks(QApplication.focusWidget(), MANAGER_PASSWORD)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=10000)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stray_modals == []
    db.call(dialog.session.close)


def test_enter_in_the_login_field_or_on_a_button_signs_in(
    qtbot, show: Callable[..., SignInDialog], db: DatabaseThread, stray_modals: list[str]
) -> None:
    dialog = show()
    dialog.password_edit.setText(MANAGER_PASSWORD)
    dialog.login_edit.setFocus()
    qtbot.keyClicks(dialog.login_edit, MANAGER_LOGIN)
    qtbot.keyClick(dialog.login_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=10000)
    assert stray_modals == []
    db.call(dialog.session.close)

    again = show()
    again.login_edit.setText(MANAGER_LOGIN)
    again.password_edit.setText(MANAGER_PASSWORD)
    cancel = again.findChild(QPushButton, "cancelButton")
    cancel.setFocus()
    qtbot.keyClick(cancel, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: again.session is not None, timeout=10000)
    assert again.result() == QDialog.DialogCode.Accepted
    assert stray_modals == []
    db.call(again.session.close)


def test_enter_with_an_empty_field_asks_for_it(
    qtbot, show: Callable[..., SignInDialog], db: DatabaseThread, stray_modals: list[str]
) -> None:
    dialog = show()
    qtbot.keyClicks(dialog.login_edit, MANAGER_LOGIN)
    qtbot.keyClick(dialog.login_edit, Qt.Key.Key_Return)
    assert dialog.message_label.text() == "ユーザー名とパスワードを入力してください。"
    assert QApplication.focusWidget() is dialog.password_edit
    assert dialog.isVisible() and stray_modals == []


def _answer(button_name: str) -> None:
    on_next_modal(lambda box: box.findChild(QPushButton, button_name).click())


def test_cancel_after_a_sign_out_asks_and_no_keeps_the_dialog_open(
    qtbot, show: Callable[..., SignInDialog], stray_modals: list[str]
) -> None:
    # At the first sign-in of a start, cancelling just ends the program, as before.
    first = show()
    qtbot.keyClick(first.login_edit, Qt.Key.Key_Escape)
    assert not first.isVisible()
    assert first.result() == QDialog.DialogCode.Rejected
    assert stray_modals == []

    dialog = show(confirm_quit=True)
    asked: list[str] = []

    def stay(box: QMessageBox) -> None:
        asked.append(box.text())
        box.findChild(QPushButton, "stayButton").click()

    on_next_modal(stay)
    qtbot.keyClick(dialog.login_edit, Qt.Key.Key_Escape)
    assert asked == ["マイナンバー管理デスクを終了しますか？"]
    assert dialog.isVisible()
    _answer("stayButton")
    dialog.findChild(QPushButton, "cancelButton").click()
    assert dialog.isVisible()
    _answer("quitButton")
    qtbot.keyClick(dialog.login_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert stray_modals == []


def test_after_a_sign_out_the_window_is_gone_before_the_sign_in_shows(
    qtbot, workspace: Workspace, db: DatabaseThread
) -> None:
    shell = Shell(workspace, db)
    shell.open_main(signed_in(db, workspace, MANAGER_LOGIN, MANAGER_PASSWORD))
    previous = shell.window
    assert previous is not None and previous.isVisible()
    seen: dict[str, object] = {}

    def at_sign_in(dialog: QDialog) -> None:
        seen["previous visible"] = previous.isVisible()
        seen["visible windows"] = [
            w.objectName() for w in QApplication.topLevelWidgets() if w.isVisible()
        ]
        seen["asks before quitting"] = getattr(dialog, "confirm_quit", None)
        dialog.login_edit.setText(MANAGER_LOGIN)
        dialog.password_edit.setText(MANAGER_PASSWORD)
        dialog.sign_in_button.click()

    on_next_modal(at_sign_in)
    previous.sign_out_action.trigger()  # returns once the next member is signed in
    assert shell.window is not None and shell.window is not previous
    qtbot.addWidget(shell.window)
    assert seen == {
        "previous visible": False,
        "visible windows": ["signInDialog"],
        "asks before quitting": True,
    }
    assert shell.window.isVisible()
    shell.window.close()


def test_the_lockout_message_is_shown_whole(
    qtbot, show: Callable[..., SignInDialog], db: DatabaseThread, stray_modals: list[str]
) -> None:
    dialog = show()
    dialog.login_edit.setText(MANAGER_LOGIN)
    for left in (4, 3, 2, 1, 0):
        dialog.password_edit.setText(WRONG)
        dialog.sign_in_button.click()
        qtbot.waitUntil(dialog.sign_in_button.isEnabled, timeout=10000)
        if left:
            assert f"あと{left}回" in dialog.message_label.text()
    label = dialog.message_label
    qtbot.waitUntil(lambda: "ロックされています" in label.text(), timeout=10000)
    QApplication.processEvents()  # the layout request the new text posted
    assert label.width() > 0
    assert label.height() >= label.heightForWidth(label.width())
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())
    # A dialog made smaller by hand still shows every line.
    dialog.resize(dialog.width(), 100)
    QApplication.processEvents()
    assert label.height() >= label.heightForWidth(label.width())
    assert stray_modals == []
