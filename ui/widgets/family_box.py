"""The 「扶養親族」 box of an employee's page: each dependent with the state of their number,
opened with a double click, and 「扶養親族を追加…」. The table is as tall as its rows (up to a
few, then it scrolls) and its columns as wide as what they hold, so nothing is cut off."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.people import PersonRecord
from ui import icons
from ui.models.people_table_model import number_state

_ROWS_SHOWN = 5  # more than this scroll inside the table


class FamilyBox(QGroupBox):
    open_person = Signal(int)  # a dependent to open (their id)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Dependents"), parent)
        self.setObjectName("familyBox")
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("dependentsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Relation"), self.tr("Name"), self.tr("Kana"), self.tr("My Number")]
        )
        header = self.table.horizontalHeader()
        # A family is a few rows: sizing to contents costs nothing here.
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setToolTip(self.tr("Double-click a dependent to open their page."))
        self.table.doubleClicked.connect(self._open)
        self.add_button = QPushButton(icons.icon("person_add"), self.tr("Add dependent…"))
        self.add_button.setObjectName("addDependentButton")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch()

    def show_dependents(self, dependents: list[PersonRecord]) -> None:
        self.setTitle(
            self.tr("Dependents (%1)").replace("%1", str(len(dependents)))
            if dependents
            else self.tr("Dependents")
        )
        self.table.setRowCount(len(dependents))
        for row, dependent in enumerate(dependents):
            state = (
                self.tr("Outside your scope") if not dependent.in_scope else number_state(dependent)
            )
            for column, value in enumerate(
                (dependent.relation or "", dependent.name, dependent.kana, state)
            ):
                item = QTableWidgetItem(value)
                # Outside the scope: nothing to open (the service would refuse it anyway).
                item.setData(Qt.ItemDataRole.UserRole, dependent.id if dependent.in_scope else None)
                if not dependent.in_scope:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.table.setItem(row, column, item)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()  # the font and style are final once shown

    def _fit(self) -> None:
        """As tall as the rows (at least one, at most a few) and wide enough for every column,
        so the box beside the others never cuts a cell off."""
        table = self.table
        table.ensurePolished()
        header = table.horizontalHeader()
        rows = min(max(table.rowCount(), 1), _ROWS_SHOWN)
        height = header.sizeHint().height() + 2 * table.frameWidth()
        height += rows * table.verticalHeader().defaultSectionSize()
        table.setFixedHeight(height)
        width = 2 * table.frameWidth() + sum(
            max(table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(4)
        )
        if table.rowCount() > _ROWS_SHOWN:
            width += table.verticalScrollBar().sizeHint().width()
        table.setMinimumWidth(width)

    def _open(self, index: QModelIndex) -> None:
        item = self.table.item(index.row(), 0)
        person_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if person_id is not None:
            self.open_person.emit(int(person_id))
