"""One page of the access log at a time, already in words (app.services.audit_view); sorting
and filtering happen in SQL in the service."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.services.audit_view import AuditLine, AuditPage

_Index = QModelIndex | QPersistentModelIndex


class AuditColumn(IntEnum):
    SEQ = 0
    TS = 1
    ACTOR = 2
    ACTION = 3
    TARGET = 4
    DETAIL = 5


# Sorting by the target would order record codes, not names: that column is not sortable.
SORT_KEYS = {
    AuditColumn.SEQ: "seq",
    AuditColumn.TS: "ts",
    AuditColumn.ACTOR: "actor_name",
    AuditColumn.ACTION: "action",
}


def full_text(line: AuditLine) -> str:
    """The sentence and every field, one a line (the detail cell's tooltip)."""
    text = line.text
    return "\n".join([text.sentence, *(f"{f.label}：{f.value}" for f in text.fields)])


class AuditTableModel(QAbstractTableModel):
    """Holds the rows of the current page only; `sort()` asks the page for a new order."""

    def __init__(self, request_sort: Any = None) -> None:
        super().__init__()
        self._rows: list[AuditLine] = []
        self.total = 0
        self._request_sort = request_sort
        self._headers = {
            AuditColumn.SEQ: self.tr("Entry no."),
            AuditColumn.TS: self.tr("Date and time"),
            AuditColumn.ACTOR: self.tr("Who"),
            AuditColumn.ACTION: self.tr("What"),
            AuditColumn.TARGET: self.tr("Concerning"),
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

    def line(self, row: int) -> AuditLine | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(AuditColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(AuditColumn)
        ):
            return self._headers[AuditColumn(section)]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line = self._rows[index.row()]
        column = AuditColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, column)
        return None

    @staticmethod
    def _display(line: AuditLine, column: AuditColumn) -> str | int:
        text = line.text
        if column == AuditColumn.SEQ:
            return line.seq
        if column == AuditColumn.TS:
            return line.at
        if column == AuditColumn.ACTOR:
            return line.actor
        if column == AuditColumn.ACTION:
            return text.action
        if column == AuditColumn.TARGET:
            return text.target.shown
        return text.detail_line

    @staticmethod
    def _tooltip(line: AuditLine, column: AuditColumn) -> str | None:
        text = line.text
        if column == AuditColumn.ACTOR:
            return f"{line.actor}（{line.login}）" if line.login else line.actor
        if column == AuditColumn.ACTION:
            return f"{text.group}：{text.action}"
        if column == AuditColumn.TARGET:
            target = text.target
            if not target.shown:
                return None
            return f"{target.name}（{target.kind}）" if target.kind else target.name
        if column == AuditColumn.DETAIL:
            return full_text(line)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(AuditColumn(column)) if 0 <= column < len(AuditColumn) else None
        if key is not None and self._request_sort is not None:
            self._request_sort(key, order == Qt.SortOrder.DescendingOrder)
