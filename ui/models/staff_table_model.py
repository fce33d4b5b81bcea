"""The staff accounts table (a few dozen rows at most, so it holds them all)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.domain import scopes
from app.domain.staff import StaffMember
from ui import icons

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
        if not index.isValid():
            return None
        member = self._members[index.row()]
        column = StaffColumn(index.column())
        if role == Qt.ItemDataRole.ForegroundRole and column == StaffColumn.STATE:
            return self._state_colour(member)
        if role == Qt.ItemDataRole.ToolTipRole and column == StaffColumn.SCOPES:
            return "\n".join(scopes.label(k, v) for k, v in sorted(member.scopes)) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == StaffColumn.LOGIN:
            return member.login_name
        if column == StaffColumn.NAME:
            return member.display_name
        if column == StaffColumn.ROLES:
            return member.role_labels
        if column == StaffColumn.SCOPES:
            return scopes.summary(member.scopes)
        return self.state_text(member)

    def state_text(self, member: StaffMember) -> str:
        """有効, 無効, or what keeps the member from signing in: the lock after failed
        passwords (with its end) or a first password still to choose."""
        if not member.active:
            return self.tr("Disabled")
        if member.locked_until_unlocked:
            return self.tr("Locked (until unlocked)")
        if member.locked_until is not None:
            until = member.locked_until
            # A lock lasts a day at most: the day and the time say when without the year.
            when = f"{until.month}月{until.day}日 {until.hour:02d}:{until.minute:02d}"
            return self.tr("Locked (until %1)").replace("%1", when)
        if member.must_change_password:
            return self.tr("Must set own password")
        return self.tr("Active")

    def _state_colour(self, member: StaffMember) -> QColor | None:
        if not member.active:
            return None
        if member.locked:
            return QColor(icons.ERROR)
        if member.must_change_password:
            return QColor(icons.WARNING)
        return None

    def row_of(self, login: str) -> int:
        return next((i for i, m in enumerate(self._members) if m.login_name == login), -1)
