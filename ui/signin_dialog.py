"""Sign-in: user name and password, with a clear Japanese message for each way it can fail."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Workspace, warm_up
from ui import platform
from ui.errors import message_for
from ui.tasks import DatabaseThread

if TYPE_CHECKING:
    from app.session import Session


class PasswordEdit(QLineEdit):
    """Masked input that tells whether Caps Lock seems to be on."""

    caps_lock_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self._caps = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        known = platform.caps_lock_on()
        if known is not None:
            caps = known
        elif text.isalpha() and text.isascii():
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            caps = text.isupper() != shift
        else:
            caps = self._caps
        if caps != self._caps:
            self._caps = caps
            self.caps_lock_changed.emit(caps)
        super().keyPressEvent(event)


class SignInDialog(QDialog):
    """Runs the KDF on the database thread; `session` is set when the dialog is accepted."""

    def __init__(
        self,
        workspace: Workspace,
        db: DatabaseThread,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self._workspace = workspace
        self._db = db
        self.session: Session | None = None
        self.setWindowTitle(self.tr("Sign in"))
        self.setMinimumWidth(420)

        heading = QLabel(self.tr("MyNumber Desk"))
        heading.setObjectName("heading")
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        intro = QLabel(self.tr("Sign in with your own user name and password."))
        intro.setWordWrap(True)
        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("loginEdit")
        self.login_edit.setInputMethodHints(Qt.InputMethodHint.ImhPreferLatin)
        self.password_edit = PasswordEdit()
        self.password_edit.setObjectName("passwordEdit")
        self.caps_label = QLabel(self.tr("Caps Lock is on."))
        self.caps_label.setObjectName("capsLockLabel")
        self.caps_label.setStyleSheet("color: #9c5700;")
        self.caps_label.hide()
        self.password_edit.caps_lock_changed.connect(self.caps_label.setVisible)
        self.message_label = QLabel()
        self.message_label.setObjectName("messageLabel")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b00020;")
        self.message_label.hide()
        self.demo_label = QLabel(
            self.tr(
                "Demo folder: this PC's secret is kept in a file, not in the Windows credential "
                "store. Do not enter real My Numbers."
            )
        )
        self.demo_label.setObjectName("demoLabel")
        self.demo_label.setWordWrap(True)
        self.demo_label.setStyleSheet("background: #fff4ce; padding: 6px;")
        self.demo_label.setVisible(workspace.is_demo())

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.login_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.recovery_button = self.buttons.addButton(
            self.tr("Use the recovery key…"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.recovery_button.setObjectName("recoveryButton")
        self.recovery_button.clicked.connect(self._recover)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
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
        # The crypto stack loads on the database thread while the first window is on screen.
        self._db.run_task(warm_up, owner=self)

    def _submit(self) -> None:
        login = self.login_edit.text().strip()
        password = self.password_edit.text()
        if not login or not password:
            self._show_message(self.tr("Enter your user name and password."))
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
        self.sign_in_button.setEnabled(not busy)
        self.login_edit.setEnabled(not busy)
        self.password_edit.setEnabled(not busy)
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
        self.message_label.setStyleSheet("color: #b00020;" if error else "color: #555555;")
        self.message_label.setText(text)
        self.message_label.show()
