"""Adding a staff member, or changing one's roles and scope."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import scopes
from app.domain.access import ROLE_LABELS, Role, two_person_conflicts
from app.domain.staff import StaffMember
from ui.dialogs.password_dialogs import PolicyHints
from ui.signin_dialog import PasswordEdit
from ui.styles import make_primary, set_role


@dataclass(frozen=True)
class StaffForm:
    login: str
    display_name: str
    roles: list[str]
    scopes: list[str]
    initial_password: str


class StaffDialog(QDialog):
    """`member` None: a new account with a temporary password; else roles and scope only."""

    def __init__(self, member: StaffMember | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffDialog")
        self._member = member
        self.setWindowTitle(
            self.tr("Add staff member") if member is None else self.tr("Roles and scope")
        )
        self.login_edit = QLineEdit(member.login_name if member else "")
        self.login_edit.setObjectName("staffLoginEdit")
        self.login_edit.setReadOnly(member is not None)
        self.name_edit = QLineEdit(member.display_name if member else "")
        self.name_edit.setObjectName("staffNameEdit")
        self.name_edit.setReadOnly(member is not None)
        self.password_edit = PasswordEdit()
        self.password_edit.setObjectName("staffPasswordEdit")
        self.repeat_edit = PasswordEdit()
        self.repeat_edit.setObjectName("staffPasswordRepeatEdit")
        self.hints = PolicyHints()

        self.role_boxes: dict[Role, QCheckBox] = {}
        roles_box = QGroupBox(self.tr("Roles"))
        roles_layout = QGridLayout(roles_box)
        for index, role in enumerate(Role):
            box = QCheckBox(ROLE_LABELS[role])
            box.setObjectName(f"role_{role.value}")
            box.setChecked(member is not None and role in member.roles)
            box.toggled.connect(self._refresh)
            self.role_boxes[role] = box
            roles_layout.addWidget(box, index // 2, index % 2)
        self.conflicts = QLabel()
        self.conflicts.setObjectName("conflictWarning")
        self.conflicts.setWordWrap(True)
        self.conflicts.setStyleSheet("color: #9c5700;")
        roles_layout.addWidget(self.conflicts, 2, 0, 1, 2)

        current = member.scopes if member else frozenset()
        self.scope_boxes: dict[tuple[str, str], QCheckBox] = {}
        scope_box = QGroupBox(self.tr("Scope (work and people this member handles)"))
        grid = QGridLayout(scope_box)
        grid.addWidget(QLabel(self.tr("Work (purposes)")), 0, 0)
        for row, (code, label) in enumerate(scopes.PURPOSES.items(), start=1):
            box = QCheckBox(label)
            box.setObjectName(f"purpose_{code}")
            box.setChecked(("purpose", code) in current)
            self.scope_boxes[("purpose", code)] = box
            grid.addWidget(box, row, 0)
        grid.addWidget(QLabel(self.tr("People")), 0, 1)
        for row, (code, label) in enumerate(scopes.PERSON_KIND_GROUPS.items(), start=1):
            box = QCheckBox(label)
            box.setObjectName(f"group_{code.replace(':', '_')}")
            box.setChecked(("group", code) in current)
            self.scope_boxes[("group", code)] = box
            grid.addWidget(box, row, 1)
        departments = sorted(
            v.removeprefix(scopes.DEPARTMENT_PREFIX)
            for k, v in current
            if k == "group" and v.startswith(scopes.DEPARTMENT_PREFIX)
        )
        self.departments_edit = QLineEdit("、".join(departments))
        self.departments_edit.setObjectName("departmentsEdit")
        self.departments_edit.setPlaceholderText(self.tr("e.g. 総務部、営業部"))
        departments_row = len(scopes.PURPOSES) + 1
        # A department label and its field on one full-width row: the people column is narrow.
        departments = QHBoxLayout()
        departments.addWidget(QLabel(self.tr("Departments (separate with 、)")))
        departments.addWidget(self.departments_edit, 1)
        grid.addLayout(departments, departments_row, 0, 1, 2)

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.login_edit)
        form.addRow(self.tr("Name"), self.name_edit)
        if member is None:
            form.addRow(self.tr("Temporary password"), self.password_edit)
            form.addRow(self.tr("Temporary password (again)"), self.repeat_edit)
            for edit in (self.password_edit, self.login_edit, self.name_edit):
                edit.textChanged.connect(self._refresh)

        self.message = QLabel()
        self.message.setObjectName("staffDialogMessage")
        set_role(self.message, "error")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        make_primary(buttons.button(QDialogButtonBox.StandardButton.Ok))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if member is None:
            # Outside the form: a wrapped label in a form row gets clipped to one line's height.
            note = QLabel(
                self.tr("The member must choose their own password at the first sign-in.")
            )
            note.setWordWrap(True)
            layout.addWidget(self.hints)
            layout.addWidget(note)
        layout.addWidget(roles_box)
        layout.addWidget(scope_box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._refresh()

    def selected_roles(self) -> frozenset[Role]:
        return frozenset(role for role, box in self.role_boxes.items() if box.isChecked())

    def _refresh(self) -> None:
        self.conflicts.setText("\n".join(two_person_conflicts(self.selected_roles())))
        if self._member is None:
            self.hints.update_for(
                self.password_edit.text(), self.login_edit.text(), self.name_edit.text()
            )

    def form(self) -> StaffForm:
        chosen = [
            f"{k}:{v}" if k == "purpose" else v
            for (k, v), box in self.scope_boxes.items()
            if box.isChecked()
        ]
        for name in self.departments_edit.text().replace(",", "、").split("、"):
            if name.strip():
                chosen.append(scopes.DEPARTMENT_PREFIX + name.strip())
        return StaffForm(
            login=self.login_edit.text(),
            display_name=self.name_edit.text(),
            roles=sorted(r.value for r in self.selected_roles()),
            scopes=chosen,
            initial_password=self.password_edit.text(),
        )

    def _accept(self) -> None:
        if not self.selected_roles():
            self.message.setText(self.tr("Choose at least one role."))
            return
        if self._member is None and self.password_edit.text() != self.repeat_edit.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        self.accept()
