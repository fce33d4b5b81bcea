"""The staff accounts table (a few dozen rows at most, so it holds them all)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain import scopes
from app.domain.staff import StaffMember

_Index = QModelIndex | QPersistentModelIndex


class StaffColumn(IntEnum):
    LOGIN = 0
    NAME = 1
    ROLES = 2
    SCOPES = 3
    STATE = 4


class StaffTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._members: list[StaffMember] = []
        self._headers = {
            StaffColumn.LOGIN: self.tr("User name"),
            StaffColumn.NAME: self.tr("Name"),
            StaffColumn.ROLES: self.tr("Roles"),
            StaffColumn.SCOPES: self.tr("Scope"),
            StaffColumn.STATE: self.tr("State"),
        }

    def set_members(self, members: list[StaffMember]) -> None:
        self.beginResetModel()
        self._members = list(members)
        self.endResetModel()

    def member(self, row: int) -> StaffMember | None:
        return self._members[row] if 0 <= row < len(self._members) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._members)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(StaffColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers.get(StaffColumn(section)) if 0 <= section < 5 else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        member = self._members[index.row()]
        column = StaffColumn(index.column())
        if column == StaffColumn.LOGIN:
            return member.login_name
        if column == StaffColumn.NAME:
            return member.display_name
        if column == StaffColumn.ROLES:
            return member.role_labels
        if column == StaffColumn.SCOPES:
            return "、".join(scopes.label(k, v) for k, v in sorted(member.scopes)) or "—"
        if not member.active:
            return self.tr("Disabled")
        if member.must_change_password:
            return self.tr("Must set own password")
        return self.tr("Active")
