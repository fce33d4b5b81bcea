"""Opening the data with the recovery key: on a new PC, or when every password is lost."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.bootstrap import Workspace
from ui.errors import message_for
from ui.styles import make_primary, set_role
from ui.tasks import DatabaseThread

if TYPE_CHECKING:
    from app.session import Session


class RecoveryDialog(QDialog):
    """The key from the recovery sheet; on success `session` holds a manager-level session
    under the name 回復キー使用者, every step of which is logged."""

    def __init__(
        self, workspace: Workspace, db: DatabaseThread, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("Open with the recovery key"))
        self._workspace = workspace
        self._db = db
        self.session: Session | None = None
        intro = QLabel(
            self.tr(
                "Type the 32 characters of the recovery sheet (hyphens and spaces are "
                "optional). On a new PC this binds the data to this PC; every member keeps "
                "their password. Use it also when every password is lost: then reset the "
                "manager's password under Staff."
            )
        )
        intro.setWordWrap(True)
        self.key_edit = QLineEdit()
        self.key_edit.setObjectName("recoveryKeyEdit")
        self.key_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("recoveryMessage")
        self.message.setWordWrap(True)
        set_role(self.message, "error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        make_primary(self.buttons.button(QDialogButtonBox.StandardButton.Ok))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.key_edit)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _submit(self) -> None:
        key, workspace = self.key_edit.text(), self._workspace
        self.buttons.setEnabled(False)
        set_role(self.message, "note")
        self.message.setText(self.tr("Checking…"))

        def open_vault() -> Session:
            from app.services import auth

            return auth.open_with_recovery(workspace.paths, key, workspace.clock)

        self._db.run_task(open_vault, owner=self, on_done=self._opened, on_error=self._failed)

    def _opened(self, session: Session) -> None:
        self.session = session
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        set_role(self.message, "error")
        self.message.setText(message_for(error))
