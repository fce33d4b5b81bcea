"""職員管理 (manager): accounts with roles, scope and state; every change needs the manager's
password again and is audited by the service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.staff import StaffMember
from app.services import auth, staff
from app.session import Session
from ui import icons
from ui.context import UiContext
from ui.dialogs.password_dialogs import ConfirmPasswordDialog, NewPasswordDialog
from ui.dialogs.staff_dialog import StaffDialog
from ui.models.staff_table_model import StaffColumn, StaffTableModel
from ui.pages.base import Page
from ui.styles import heading, make_primary


class StaffPage(Page):
    # The manager changed their own roles: the pages listed follow the roles of the sign-in.
    sign_in_again_requested = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("staffPage")
        self.model = StaffTableModel()
        self.table = QTableView()
        self.table.setObjectName("staffTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(StaffColumn.SCOPES, QHeaderView.ResizeMode.Stretch)
        for column in (StaffColumn.LOGIN, StaffColumn.NAME, StaffColumn.ROLES, StaffColumn.STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel()
        self.status.setObjectName("staffStatus")
        self.status.setWordWrap(True)
        # A dashboard card's "login:…": the member to select once the list is loaded.
        self._wanted_login = ""

        self.add_button = self._button("addStaffButton", self.tr("Add…"), self._add)
        make_primary(self.add_button)
        self.edit_button = self._button("editStaffButton", self.tr("Roles and scope…"), self._edit)
        self.reset_button = self._button(
            "resetPasswordButton", self.tr("Reset password…"), self._reset
        )
        self.unlock_button = self._button(
            "unlockStaffButton", self.tr("Unlock account"), self._unlock
        )
        self.unlock_button.setIcon(icons.icon("lock_open"))
        self.unlock_button.setToolTip(
            self.tr("Let a member locked out after failed sign-ins try again at once.")
        )
        self.disable_button = self._button("disableStaffButton", self.tr("Disable"), self._disable)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.reset_button,
            self.unlock_button,
            self.disable_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch()
        title = heading(self.tr("Staff accounts"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def load(self) -> None:
        member = self.selected()
        if member is not None and not self._wanted_login:
            self._wanted_login = member.login_name  # kept selected across the reload
        self.context.run(staff.list_staff, owner=self, on_done=self._show)

    def _show(self, members: list[StaffMember]) -> None:
        self.model.set_members(members)
        if self._wanted_login:
            self._select(self._wanted_login)
        self._update_buttons()

    def show_hint(self, hint: str) -> None:
        if hint.startswith("login:"):
            self._wanted_login = hint.removeprefix("login:")
            self._select(self._wanted_login)

    def _select(self, login: str) -> None:
        row = self.model.row_of(login)
        if row >= 0:
            self.table.selectRow(row)
            self._wanted_login = ""

    def clear(self) -> None:
        self.model.set_members([])
        self.status.clear()
        self._wanted_login = ""

    def selected(self) -> StaffMember | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.member(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        member = self.selected()
        for button in (self.edit_button, self.reset_button):
            button.setEnabled(member is not None)
        self.unlock_button.setEnabled(member is not None and member.active and member.locked)
        self.disable_button.setEnabled(member is not None and member.active)

    def _confirmed(self, action: str) -> str | None:
        dialog = ConfirmPasswordDialog(action, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.password():
            return None
        return dialog.password()

    def _change(self, action: str, work: Callable[[Session], Any], done_text: str) -> None:
        """Re-authenticate, then run the change, in one task on the database thread."""
        password = self._confirmed(action)
        if password is None:
            return

        def task(session: Session) -> Any:
            auth.reauthenticate(session, password)
            return work(session)

        def done(result: Any) -> None:
            # Role conflicts, and after a revocation the new number key and older backups.
            warnings = (*getattr(result, "warnings", ()), *getattr(result, "notices", ()))
            self.status.setText(done_text)
            if warnings:
                QMessageBox.information(self, self.tr("Please note"), "\n".join(warnings))
            self.load()
            if getattr(result, "own_roles_changed", False):
                self._offer_sign_in_again()

        self.context.run(task, owner=self, on_done=done)

    def _offer_sign_in_again(self) -> None:
        """Permissions changed at once; the menu of pages is rebuilt only by a new sign-in."""
        answer = QMessageBox.question(
            self,
            self.tr("Your roles changed"),
            self.tr(
                "Your own roles were changed and apply from now on. The pages in the menu "
                "follow your roles after you sign in again. Sign in again now?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.sign_in_again_requested.emit()

    def _add(self) -> None:
        dialog = StaffDialog(None, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        form = dialog.form()
        self._change(
            self.tr("add a staff member"),
            lambda s: staff.create_staff(
                s,
                login=form.login,
                display_name=form.display_name,
                roles=form.roles,
                scopes=form.scopes,
                initial_password=form.initial_password,
            ),
            self.tr("Added %1.").replace("%1", form.login),
        )

    def _edit(self) -> None:
        member = self.selected()
        if member is None:
            return
        dialog = StaffDialog(member, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        form = dialog.form()

        def work(session: Session) -> Any:
            change = staff.set_roles(session, member.login_name, form.roles)
            staff.set_scopes(session, member.login_name, form.scopes)
            return change

        self._change(
            self.tr("change roles and scope"),
            work,
            self.tr("Changed %1.").replace("%1", member.login_name),
        )

    def _reset(self) -> None:
        member = self.selected()
        if member is None:
            return
        dialog = NewPasswordDialog(
            self.tr("Reset password"),
            self.tr(
                "Give %1 a temporary password. They must choose their own at the next "
                "sign-in. A disabled account is enabled again."
            ).replace("%1", member.display_name),
            login=member.login_name,
            display_name=member.display_name,
            ask_current=False,
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        new_password = dialog.new_edit.text()
        self._change(
            self.tr("reset a password"),
            lambda s: staff.reset_password(s, member.login_name, new_password),
            self.tr("Reset the password of %1.").replace("%1", member.login_name),
        )

    def _unlock(self) -> None:
        member = self.selected()
        if member is None:
            return
        self._change(
            self.tr("unlock an account"),
            lambda s: staff.unlock_staff(s, member.login_name),
            self.tr("Unlocked %1.").replace("%1", member.login_name),
        )

    def _disable(self) -> None:
        member = self.selected()
        if member is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Disable account"),
            self.tr(
                "Disable %1? They can no longer sign in; the record and its history stay."
            ).replace("%1", member.display_name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._change(
            self.tr("disable an account"),
            lambda s: staff.disable_staff(s, member.login_name),
            self.tr("Disabled %1.").replace("%1", member.login_name),
        )
