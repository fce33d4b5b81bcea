"""One page of the access log at a time; sorting and filtering happen in SQL in the service."""

from __future__ import annotations

import json
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.access import Role
from app.services.audit import ACTION_LABELS, AuditPage

_Index = QModelIndex | QPersistentModelIndex


class AuditColumn(IntEnum):
    SEQ = 0
    TS = 1
    ACTOR = 2
    ACTION = 3
    TARGET = 4
    DETAIL = 5


SORT_KEYS = {
    AuditColumn.SEQ: "seq",
    AuditColumn.TS: "ts",
    AuditColumn.ACTOR: "actor_name",
    AuditColumn.ACTION: "action",
    AuditColumn.TARGET: "target",
}


class AuditTableModel(QAbstractTableModel):
    """Holds the rows of the current page only; `sort()` asks the page for a new order."""

    def __init__(self, request_sort: Any = None) -> None:
        super().__init__()
        self._rows: list[Any] = []
        self.total = 0
        self._request_sort = request_sort
        self._headers = {
            AuditColumn.SEQ: self.tr("No."),
            AuditColumn.TS: self.tr("Date and time"),
            AuditColumn.ACTOR: self.tr("Who"),
            AuditColumn.ACTION: self.tr("What"),
            AuditColumn.TARGET: self.tr("Target"),
            AuditColumn.DETAIL: self.tr("Details"),
        }

    def set_page(self, page: AuditPage) -> None:
        self.beginResetModel()
        self._rows = list(page.rows)
        self.total = page.total
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.total = 0
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(AuditColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers.get(AuditColumn(section)) if 0 <= section < 6 else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self._rows[index.row()]
        column = AuditColumn(index.column())
        if column == AuditColumn.SEQ:
            return row.seq
        if column == AuditColumn.TS:
            return row.ts.replace("T", " ")[:19]
        if column == AuditColumn.ACTOR:
            return row.actor_name
        if column == AuditColumn.ACTION:
            return ACTION_LABELS.get(row.action, row.action)
        if column == AuditColumn.TARGET:
            return row.target
        return self._detail_text(row.detail)

    def _detail_text(self, detail: str) -> str:
        """Detail JSON as 「項目：値」 pairs, role codes in Japanese; never numbers (none are
        ever logged)."""
        try:
            data = json.loads(detail)
        except ValueError:
            return detail
        if not isinstance(data, dict):
            return ""
        labels = {
            "roles": self.tr("roles"),
            "scopes": self.tr("scope"),
            "before": self.tr("before"),
            "after": self.tr("after"),
            "permission": self.tr("permission"),
            "at": self.tr("at"),
            "rows": self.tr("rows"),
            "entries": self.tr("entries"),
            "result": self.tr("result"),
            "size": self.tr("size"),
            "secret_store": self.tr("machine secret kept in"),
        }
        parts = []
        for key, value in sorted(data.items()):
            if isinstance(value, list):
                value = "、".join(_role_label(str(v)) for v in value) or "—"
            parts.append(f"{labels.get(key, key)}：{value}")
        return "　".join(parts)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(AuditColumn(column)) if 0 <= column < 6 else None
        if key is not None and self._request_sort is not None:
            self._request_sort(key, order == Qt.SortOrder.DescendingOrder)


def _role_label(code: str) -> str:
    try:
        return Role(code).label
    except ValueError:
        return code
