"""One page of people at a time; the search runs in SQL in the service. People outside the
member's scope arrive masked from the service and are shown greyed, not selectable."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QPalette

from app.domain.display_dates import japanese_day_or
from app.domain.person_fields import END_LABEL
from app.domain.purposes import PersonKind
from app.services.people import PeoplePage

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class PeopleColumn(IntEnum):
    CODE = 0
    NAME = 1
    KANA = 2
    KIND = 3
    DEPARTMENT = 4
    NUMBER = 5


def number_state(person: Any) -> str:
    """What is on file for a person's number (a list row, a profile or a relative): 登録済み,
    waiting for 本人確認, 未登録, or deleted (when, and the deletion record's number)."""
    if person.has_number:
        if person.verification_pending:
            return QCoreApplication.translate(
                "PeopleTableModel", "Registered, identity check pending"
            )
        return QCoreApplication.translate("PeopleTableModel", "Registered")
    if person.deletion_record is not None:
        return (
            QCoreApplication.translate("PeopleTableModel", "Deleted (%1, record No. %2)")
            .replace("%1", japanese_day_or(person.deleted_at, weekday=False))
            .replace("%2", str(person.deletion_record))
        )
    return QCoreApplication.translate("PeopleTableModel", "Not registered")


def kind_text(person: Any) -> str:
    """従業員, 支払先, or whose dependent: 「伊藤 翔の扶養親族（配偶者）」 (the employee's name
    only when the service gave it, that is inside the member's scope); 「・退職」 and the like
    once the record has ended."""
    kind = PersonKind(person.kind)
    label = kind.label
    if kind == PersonKind.DEPENDENT and person.employee_name:
        label = QCoreApplication.translate("PeopleTableModel", "Dependent of %1").replace(
            "%1", person.employee_name
        )
    if person.relation:
        label = f"{label}（{person.relation}）"
    # Ended (退職 / 扶養終了 / 契約終了): still listed while the number must be kept.
    return f"{label}・{END_LABEL[kind]}" if person.retired_at else label


class PeopleTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Any] = []
        self.total = 0
        self._headers = {
            PeopleColumn.CODE: self.tr("Code"),
            PeopleColumn.NAME: self.tr("Name"),
            PeopleColumn.KANA: self.tr("Kana"),
            PeopleColumn.KIND: self.tr("Kind"),
            PeopleColumn.DEPARTMENT: self.tr("Department"),
            PeopleColumn.NUMBER: self.tr("My Number"),
        }

    def set_page(self, page: PeoplePage) -> None:
        self.beginResetModel()
        self._rows = list(page.rows)
        self.total = page.total
        self.endResetModel()

    def clear(self) -> None:
        self.set_page(PeoplePage(0, []))

    def person(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PeopleColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers.get(PeopleColumn(section)) if 0 <= section < 6 else None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid() or not self._rows[index.row()].in_scope:
            # Nothing can be done with a masked row, so it cannot be selected or opened.
            return Qt.ItemFlag.NoItemFlags
        return _SELECTABLE

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell while painting: unused roles leave first.
        if role != _DISPLAY and role != _FOREGROUND and role != _TOOLTIP:
            return None
        if not index.isValid():
            return None
        person = self._rows[index.row()]
        if role != _DISPLAY:
            if person.in_scope:
                return None
            if role == _FOREGROUND:
                palette = QGuiApplication.palette()
                return palette.brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            return self.tr("Outside your scope: name and other details are not shown.")
        column = PeopleColumn(index.column())
        if column == PeopleColumn.CODE:
            return person.code or "—"
        if column == PeopleColumn.NAME:
            return person.name
        if column == PeopleColumn.KANA:
            return person.kana
        if column == PeopleColumn.KIND:
            return kind_text(person)
        if column == PeopleColumn.DEPARTMENT:
            return person.department or "—"
        if not person.in_scope:
            return self.tr("Outside your scope")
        return number_state(person)
