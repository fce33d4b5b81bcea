"""The year's people as a table: code, 氏名, the forms, the decision for the tax office and for
the city, the deciding reason (every reason in the tooltip) and whether the content is entered.
A model, since an office of 100,000 lists as many rows."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.submission_range import Need
from app.services.forms_due import PersonDue

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    CODE = 0
    NAME = 1
    FORMS = 2
    TAX_OFFICE = 3
    MUNICIPAL = 4
    REASON = 5
    STATE = 6


class YearEndTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.people: list[PersonDue] = []
        self.headers = [
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Forms"),
            self.tr("Tax office"),
            self.tr("Municipality"),
            self.tr("Reason"),
            self.tr("Entry"),
        ]

    def set_people(self, people: tuple[PersonDue, ...] | list[PersonDue]) -> None:
        self.beginResetModel()
        self.people = list(people)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        person = self.people[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return person.reason_text()
        if role == Qt.ItemDataRole.UserRole:
            return person.person_id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._text(person, Column(index.column()))

    def _text(self, person: PersonDue, column: Column) -> str:
        if column == Column.CODE:
            return person.code
        if column == Column.NAME:
            return person.name
        if column == Column.FORMS:
            return person.forms_text()
        if column == Column.STATE:
            return self.tr("Entered") if person.entered else self.tr("Not entered")
        if not person.entered:
            return self.tr("Not entered yet: cannot be decided") if column == Column.REASON else "-"
        if column == Column.REASON:
            return person.slips[0].tax_office.reason
        if column == Column.TAX_OFFICE:
            return self.tr("Required") if person.required else self.tr("Not required")
        return self._municipal(person)

    def _municipal(self, person: PersonDue) -> str:
        needs = {slip.municipal.need for slip in person.slips if slip.municipal is not None}
        if not needs:
            return "-"
        if Need.REQUIRED in needs:
            return self.tr("Required")
        if Need.OPTIONAL in needs:
            return self.tr("Optional")
        return self.tr("Not required")
