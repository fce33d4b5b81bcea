"""Proposing a deletion run (with the reason an early deletion needs) and approving one with
the approver's own password (and, in a one-person office, the reason for approving alone)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.person_dialog import reason_box
from ui.signin_dialog import PasswordEdit

EARLY_REASONS = ("本人からの削除の求め", "誤って取得した番号のため", "利用目的がなくなったため")
ALONE_REASONS = ("担当者が一人の事業所のため",)


class ProposeDialog(QDialog):
    def __init__(self, people: int, early: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposeDialog")
        self.setWindowTitle(self.tr("Propose a deletion run"))
        text = QLabel(
            self.tr(
                "Delete the My Numbers of %1 people. Nothing is deleted until another member "
                "approves the run with their password and it is executed."
            ).replace("%1", f"{people:,}")
        )
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        self.reason = reason_box(EARLY_REASONS, self.tr("Why now? (kept in the records)"))
        self.reason.setObjectName("proposeReason")
        if early:
            warning = QLabel(
                self.tr(
                    "%1 of them are still within their retention period or in use. Deleting "
                    "them early needs a reason and the approval of the person responsible "
                    "(特定個人情報管理責任者)."
                ).replace("%1", f"{early:,}")
            )
            warning.setWordWrap(True)
            warning.setStyleSheet("color: #b00020;")
            layout.addWidget(warning)
            form = QFormLayout()
            form.addRow(self.tr("Reason *"), self.reason)
            layout.addLayout(form)
            self.reason.currentTextChanged.connect(self._check)
        self.early = early
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        ok = not self.early or bool(self.reason.currentText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def reason_text(self) -> str:
        return self.reason.currentText().strip() if self.early else ""


class ApproveDialog(QDialog):
    def __init__(self, summary: str, alone: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approveDialog")
        self.setWindowTitle(self.tr("Approve the deletion run"))
        text = QLabel(summary)
        text.setWordWrap(True)
        self.password_edit = PasswordEdit()
        self.password_edit.setObjectName("approvePasswordEdit")
        self.alone = alone
        self.alone_reason = reason_box(ALONE_REASONS, self.tr("Why one person approves"))
        self.alone_reason.setObjectName("aloneReason")
        form = QFormLayout()
        form.addRow(self.tr("Your password"), self.password_edit)
        if alone:
            form.addRow(self.tr("Reason for approving alone *"), self.alone_reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for signal in (self.password_edit.textChanged, self.alone_reason.currentTextChanged):
            signal.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = bool(self.password_edit.text()) and (
            not self.alone or bool(self.alone_reason.currentText().strip())
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def password(self) -> str:
        return self.password_edit.text()

    def reason_text(self) -> str:
        return self.alone_reason.currentText().strip() if self.alone else ""

    def clear(self) -> None:
        self.password_edit.clear()
