"""The correction records of one person (規程第47条): when, who, why, and each field's change."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.display_dates import japanese_time
from app.services import corrections
from ui.context import UiContext
from ui.widgets.tables import make_read_only


class CorrectionsDialog(QDialog):
    def __init__(
        self, context: UiContext, person_id: int, person_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("correctionsDialog")
        self.context = context
        self.setWindowTitle(self.tr("Correction records — %1").replace("%1", person_name))
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("correctionsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Changed at"),
                self.tr("By"),
                self.tr("Reason"),
                self.tr("Item"),
                self.tr("Before"),
                self.tr("After"),
            ]
        )
        make_read_only(
            self.table,
            stretch=2,
            widths=((0, 140), (1, 90), (3, 90), (4, 130), (5, 130)),
            selection=None,
        )
        self.table.setWordWrap(False)
        self.empty = QLabel(self.tr("No corrections have been recorded for this person."))
        self.empty.setObjectName("correctionsEmpty")
        self.empty.setVisible(False)
        note = QLabel(
            self.tr(
                "Kept for at least one year after each change. A My Number is never shown here."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(860, 420)
        context.run(lambda s: corrections.history(s, person_id), owner=self, on_done=self._show)

    def _show(self, records: list[Any]) -> None:
        rows = [
            (
                japanese_time(record.changed_at),
                record.changed_by_name,
                record.reason,
                change,
            )
            for record in records
            for change in record.changes
        ]
        self.empty.setVisible(not rows)
        self.table.setRowCount(len(rows))
        for row, (at, by, reason, change) in enumerate(rows):
            values = (at, by, reason, change["label"], change["before"], change["after"])
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
