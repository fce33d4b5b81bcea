"""Sign-in: user name and password, with a clear Japanese message for each way it can fail."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Workspace, warm_up
from ui.errors import message_for
from ui.password_edit import PasswordEdit
from ui.styles import make_primary, set_role
from ui.tasks import DatabaseThread

if TYPE_CHECKING:
    from app.session import Session

# PasswordEdit lives in ui/password_edit.py; other dialogs still import it from here.
__all__ = ["PasswordEdit", "SignInDialog"]


class SignInDialog(QDialog):
    """Runs the KDF on the database thread; `session` is set when the dialog is accepted.

    Enter anywhere in the dialog means サインイン: no other button is ever the default, so a
    failed try (which moves the focus while the fields are disabled) cannot make Enter cancel.
    With `confirm_quit` (a sign-in after a sign-out) cancelling asks before the program ends."""

    def __init__(
        self,
        workspace: Workspace,
        db: DatabaseThread,
        parent: QWidget | None = None,
        *,
        confirm_quit: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self._workspace = workspace
        self._db = db
        self.confirm_quit = confirm_quit
        self.session: Session | None = None
        self.setWindowTitle(self.tr("Sign in"))
        self.setMinimumWidth(440)

        heading = QLabel(self.tr("MyNumber Desk"))
        heading.setObjectName("heading")
        set_role(heading, "heading")
        intro = QLabel(self.tr("Sign in with your own user name and password."))
        intro.setWordWrap(True)
        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("loginEdit")
        self.login_edit.setInputMethodHints(Qt.InputMethodHint.ImhPreferLatin)
        self.password_edit = PasswordEdit()
        self.password_edit.setObjectName("passwordEdit")
        self.caps_label = QLabel(self.tr("Caps Lock is on."))
        self.caps_label.setObjectName("capsLockLabel")
        set_role(self.caps_label, "banner-warning")
        self.caps_label.hide()
        self.password_edit.caps_lock_changed.connect(self.caps_label.setVisible)
        self.message_label = QLabel()
        self.message_label.setObjectName("messageLabel")
        self.message_label.setWordWrap(True)
        # A failed update names the folder of its copy: the path can be selected and copied.
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.message_label, "error")
        self.message_label.hide()
        self.demo_label = QLabel(
            self.tr(
                "Demo folder: this PC's secret is kept in a file, not in the Windows credential "
                "store. Do not enter real My Numbers."
            )
        )
        self.demo_label.setObjectName("demoLabel")
        self.demo_label.setWordWrap(True)
        set_role(self.demo_label, "banner-warning")
        self.demo_label.setVisible(workspace.is_demo())

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.login_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in_button.setObjectName("signInButton")
        make_primary(self.sign_in_button)
        self.recovery_button = self.buttons.addButton(
            self.tr("Use the recovery key…"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.recovery_button.setObjectName("recoveryButton")
        self.recovery_button.clicked.connect(self._recover)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("cancelButton")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.demo_label)
        layout.addLayout(form)
        layout.addWidget(self.caps_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        # Only now are the buttons the dialog's: a default set earlier is not remembered as
        # the dialog's, and Qt would pick the first button after the focus (回復キー) instead.
        for button in (self.recovery_button, self.cancel_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.sign_in_button.setAutoDefault(False)
        self.sign_in_button.setDefault(True)
        self.login_edit.setFocus()
        # The crypto stack loads on the database thread while the first window is on screen.
        self._db.run_task(warm_up, owner=self)

    @property
    def busy(self) -> bool:
        return not self.sign_in_button.isEnabled()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter signs in, whichever field or button has the focus (Space still presses a
        focused button); while a try is being checked it does nothing."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            if not self.busy:
                self._submit()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Escape, キャンセル and the close box: after a sign-out this would end the program
        for the whole office PC, so it asks first."""
        if self.confirm_quit and not self._quit_confirmed():
            return
        super().reject()

    def _quit_confirmed(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Confirm quitting"),
            self.tr("Quit MyNumber Desk?"),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("quitConfirmBox")
        quit_button = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.AcceptRole)
        quit_button.setObjectName("quitButton")
        stay_button = box.addButton(self.tr("Back to sign-in"), QMessageBox.ButtonRole.RejectRole)
        stay_button.setObjectName("stayButton")
        box.setDefaultButton(stay_button)
        box.setEscapeButton(stay_button)
        box.exec()
        return box.clickedButton() is quit_button

    def _submit(self) -> None:
        login = self.login_edit.text().strip()
        password = self.password_edit.text()
        if not login or not password:
            self._show_message(self.tr("Enter your user name and password."))
            (self.password_edit if login else self.login_edit).setFocus()
            return
        self._set_busy(True)
        workspace = self._workspace

        def sign_in() -> Session:
            from app.services import auth

            return auth.sign_in(workspace.paths, login, password, workspace.clock)

        self._db.run_task(
            sign_in,
            owner=self,
            on_done=lambda session: self._signed_in(session, password),
            on_error=self._failed,
        )

    def _recover(self) -> None:
        from ui.dialogs.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(self._workspace, self._db, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.session is not None:
            self.session = dialog.session
            self.accept()

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.sign_in_button,
            self.recovery_button,
            self.login_edit,
            self.password_edit,
        ):
            widget.setEnabled(not busy)
        if busy:
            self._show_message(self.tr("Checking…"), error=False)

    def _signed_in(self, session: Session, password: str) -> None:
        self.password_edit.clear()
        if session.user.must_change_password:
            self._ask_new_password(session, password)
            return
        self.session = session
        self.accept()

    def _ask_new_password(self, session: Session, temporary: str, error: str = "") -> None:
        """First sign-in (or after a reset): the member's own password replaces the temporary
        one before anything else opens."""
        from ui.dialogs.password_dialogs import NewPasswordDialog

        dialog = NewPasswordDialog(
            self.tr("Choose your password"),
            self.tr(
                "This is your first sign-in, or your password was reset. Choose your own "
                "password; the temporary one stops working."
            ),
            login=session.user.login_name,
            display_name=session.user.display_name,
            ask_current=False,
            parent=self,
        )
        dialog.show_error(error)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self._db.run_task(session.close, owner=self)
            self._set_busy(False)
            self._show_message(self.tr("You must choose your own password before signing in."))
            return
        new = dialog.new_edit.text()

        def change() -> None:
            from app.services import auth

            auth.change_password(session, temporary, new)

        self._db.run_task(
            change,
            owner=self,
            on_done=lambda _result: self._signed_in(session, new),
            on_error=lambda failure: self._ask_new_password(
                session, temporary, message_for(failure)
            ),
        )

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.password_edit.clear()
        self.password_edit.setFocus()
        self._show_message(message_for(error))

    def _show_message(self, text: str, *, error: bool = True) -> None:
        set_role(self.message_label, "error" if error else "note")
        self.message_label.setText(text)
        self.message_label.show()
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """A long message (the account lockout) wraps onto several lines: the dialog grows
        so that every line shows, and cannot be made smaller than that."""
        layout = self.layout()
        layout.activate()
        width = self.width()
        needed = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(width, needed)
