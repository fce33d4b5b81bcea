"""The numbers of a due list as a table: who, when they may go, and the reason that decides it
(every reason in the tooltip). A model, since an office of 100,000 can have thousands due."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.retention import japanese_date
from app.services.retention import DueEntry

Index = QModelIndex | QPersistentModelIndex


def reasons_text(entry: DueEntry) -> str:
    lines = []
    for reason in entry.retention.reasons:
        until = f"{japanese_date(reason.until)}まで" if reason.until else "継続中"
        lines.append(f"・{reason.label}：{until}（{reason.basis}）")
    return "\n".join(lines)


class DueTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.entries: list[DueEntry] = []
        self.headers = [
            self.tr("Name"),
            self.tr("Kind"),
            self.tr("Code / department"),
            self.tr("May be deleted from"),
            self.tr("Deciding reason"),
        ]

    def set_entries(self, entries: list[DueEntry] | tuple[DueEntry, ...]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return reasons_text(entry)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return entry.name
        if column == 1:
            return entry.kind.label
        if column == 2:
            return "　".join(part for part in (entry.code, entry.department) if part)
        day = entry.retention.may_delete_from
        if column == 3:
            return japanese_date(day) if day else self.tr("In use")
        return entry.retention.deciding.label
