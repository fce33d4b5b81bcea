"""Asking for a password again: confirming a sensitive change, setting a new one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.domain import password_policy
from ui.password_edit import PasswordEdit
from ui.styles import make_primary, set_role


class PolicyHints(QLabel):
    """The password rules with a mark for each, updated as the password is typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policyHints")
        self.setWordWrap(True)

    def update_for(self, password: str, login: str, display_name: str) -> bool:
        broken = {
            rule.code
            for rule in password_policy.violations(
                password, login=login, display_name=display_name, is_guessable=lambda _t: False
            )
        }
        lines = []
        for rule in password_policy.RULES.values():
            if rule.code == "too_long" and rule.code not in broken:
                continue
            mark = "✗" if rule.code in broken or not password else "✓"
            lines.append(f"{mark} {rule.text} — {rule.reason}")
        self.setText("\n".join(lines))
        return not broken and bool(password)


class ConfirmPasswordDialog(QDialog):
    """The signed-in manager's password again before a change to accounts."""

    def __init__(self, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmPasswordDialog")
        self.setWindowTitle(self.tr("Confirm with your password"))
        text = QLabel(self.tr("To %1, enter your own password again.").replace("%1", action))
        text.setWordWrap(True)
        self.password_edit = PasswordEdit()
        self.password_edit.setObjectName("confirmPasswordEdit")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        make_primary(buttons.button(QDialogButtonBox.StandardButton.Ok))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.password_edit)
        layout.addWidget(buttons)

    def password(self) -> str:
        return self.password_edit.text()


class NewPasswordDialog(QDialog):
    """A new password typed twice with the rules shown as it is typed.

    With `ask_current` the member's current password is asked too (their own change)."""

    def __init__(
        self,
        title: str,
        explanation: str,
        *,
        login: str,
        display_name: str,
        ask_current: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newPasswordDialog")
        self.setWindowTitle(title)
        self._login = login
        self._display_name = display_name
        intro = QLabel(explanation)
        intro.setWordWrap(True)
        self.current_edit = PasswordEdit()
        self.current_edit.setObjectName("currentPasswordEdit")
        self.new_edit = PasswordEdit()
        self.new_edit.setObjectName("newPasswordEdit")
        self.repeat_edit = PasswordEdit()
        self.repeat_edit.setObjectName("repeatPasswordEdit")
        self.hints = PolicyHints()
        self.message = QLabel()
        self.message.setObjectName("newPasswordMessage")
        set_role(self.message, "error")
        self.message.setWordWrap(True)
        form = QFormLayout()
        if ask_current:
            form.addRow(self.tr("Current password"), self.current_edit)
        form.addRow(self.tr("New password"), self.new_edit)
        form.addRow(self.tr("New password (again)"), self.repeat_edit)
        self.new_edit.textChanged.connect(self._refresh)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        make_primary(buttons.button(QDialogButtonBox.StandardButton.Ok))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.hints)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._refresh()

    def _refresh(self) -> None:
        self.hints.update_for(self.new_edit.text(), self._login, self._display_name)

    def show_error(self, text: str) -> None:
        self.message.setText(text)

    def _accept(self) -> None:
        if self.new_edit.text() != self.repeat_edit.text():
            self.message.setText(self.tr("The two new passwords differ."))
            return
        self.accept()
