"""The consignee page's record tabs: the selection check (規程第42条第3項), the contract and its
ten clauses (第4項), sub-consignees (第43条), the hearings (第42条第5項) and the deletion
certificates received. Each change goes through the page's `change(work, done_text)`, which
runs it for the selected consignee and reloads; `show_detail(detail, editable)` fills a tab."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.consignees import CONTRACT_CLAUSES, SELECTION_POINTS, Point
from app.domain.display_dates import japanese_day_or
from app.services import consignees
from app.services.consignees import ConsigneeDetail
from app.session import Session
from ui.dialogs.person_dialog import DateEdit
from ui.styles import set_flag, set_role

Change = Callable[[Callable[[Session, int], Any], str], None]
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def table(name: str, headers: list[str], widths: dict[int, int], stretch: int) -> QTableWidget:
    found = QTableWidget(0, len(headers))
    found.setObjectName(name)
    found.setHorizontalHeaderLabels(headers)
    found.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for column, width in widths.items():
        found.setColumnWidth(column, width)
    found.verticalHeader().hide()
    found.setWordWrap(False)
    found.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    found.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    found.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return found


def fill(found: QTableWidget, rows: list[list[str]]) -> None:
    found.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            found.setItem(row, column, item)


def button(name: str, text: str, slot: Callable[[], None]) -> QPushButton:
    found = QPushButton(text)
    found.setObjectName(name)
    found.clicked.connect(slot)
    return found


def read_day(edit: DateEdit) -> date | None:
    try:
        return edit.value()
    except ValueError:
        return None


def day_or_dash(value: str | None) -> str:
    return japanese_day_or(value, "—")


class _PointBoxes(QWidget):
    """The points of one paragraph as ticks in two columns; the regulation's words in each
    tooltip."""

    def __init__(self, prefix: str, points: tuple[Point, ...], columns: int = 2) -> None:
        super().__init__()
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        rows = (len(points) + columns - 1) // columns
        for index, point in enumerate(points):
            box = QCheckBox(f"{CIRCLED[index]} {point.label}")
            box.setObjectName(f"{prefix}_{point.code}")
            box.setToolTip(f"{point.text}（{point.article}）")
            self.boxes[point.code] = box
            grid.addWidget(box, index % rows, index // rows)

    def set_answers(self, answers: dict[str, bool]) -> None:
        for code, box in self.boxes.items():
            box.setChecked(bool(answers.get(code, False)))

    def answers(self) -> dict[str, bool]:
        return {code: box.isChecked() for code, box in self.boxes.items()}


class SelectionTab(QWidget):
    def __init__(self, change: Change) -> None:
        super().__init__()
        self._change = change
        intro = QLabel(
            self.tr(
                "Check beforehand that the consignee meets the office's standard on each point "
                "(規程第42条第3項). Point the mouse at a point for the regulation's words."
            )
        )
        intro.setWordWrap(True)
        set_role(intro, "note")
        self.points = _PointBoxes("point", SELECTION_POINTS)
        self.checked_on = DateEdit()
        self.checked_on.setObjectName("selectionDateEdit")
        self.checked_on.setMinimumWidth(150)
        self.note = QPlainTextEdit()
        self.note.setObjectName("selectionNoteEdit")
        self.note.setFixedHeight(44)
        self.note.setPlaceholderText(
            self.tr("How it was checked (visit, questionnaire, documents)")
        )
        self.last = QLabel()
        self.last.setObjectName("selectionLast")
        set_role(self.last, "note")
        self.save = button("saveSelectionButton", self.tr("Save the check"), self._save)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Checked on:")))
        row.addWidget(self.checked_on)
        row.addWidget(self.save)
        row.addWidget(self.last, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.points)
        layout.addWidget(self.note)
        layout.addLayout(row)
        layout.addStretch()

    def show_detail(self, found: ConsigneeDetail | None, editable: bool) -> None:
        row = found.consignee if found else None
        self.points.set_answers(row.selection if row else {})
        self.note.setPlainText(row.selection_note if row else "")
        self.checked_on.setText(
            japanese_day_or(row.selection_on if row else None, "", weekday=False)
        )
        self.last.setText(
            self.tr("Last recorded by %1.").replace("%1", row.selection_by_name)
            if row and row.selection_by_name
            else ""
        )
        for widget in (self.points, self.note, self.checked_on, self.save):
            widget.setEnabled(editable)

    def _save(self) -> None:
        day = read_day(self.checked_on)
        if day is None:
            self.last.setText(self.tr("Enter the day it was checked."))
            return
        answers, note = self.points.answers(), self.note.toPlainText()
        self._change(
            lambda s, i: consignees.record_selection(s, i, answers, day, note),
            self.tr("The selection check was saved."),
        )


class ContractTab(QWidget):
    def __init__(self, change: Change) -> None:
        super().__init__()
        self._change = change
        intro = QLabel(
            self.tr("Tick the clauses the consignment contract holds (規程第42条第4項).")
        )
        intro.setWordWrap(True)
        set_role(intro, "note")
        self.clauses = _PointBoxes("clause", CONTRACT_CLAUSES)
        self.contract_on = DateEdit()
        self.contract_on.setObjectName("contractDateEdit")
        self.contract_on.setMinimumWidth(150)
        self.term = QLineEdit()
        self.term.setObjectName("contractTermEdit")
        self.term.setMaxLength(120)
        self.term.setPlaceholderText(self.tr("e.g. 1 year, renewed automatically"))
        self.save = button("saveContractButton", self.tr("Save the contract"), self._save)
        self.last = QLabel()
        self.last.setObjectName("contractLast")
        set_role(self.last, "note")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Contract date:")))
        row.addWidget(self.contract_on)
        row.addWidget(QLabel(self.tr("Term:")))
        row.addWidget(self.term, 1)
        row.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.clauses)
        layout.addLayout(row)
        layout.addWidget(self.last)
        layout.addStretch()

    def show_detail(self, found: ConsigneeDetail | None, editable: bool) -> None:
        row = found.consignee if found else None
        self.clauses.set_answers(row.clauses if row else {})
        self.contract_on.setText(
            japanese_day_or(row.contract_on if row else None, "", weekday=False)
        )
        self.term.setText(row.contract_term if row else "")
        self.last.setText(
            self.tr("Last recorded by %1.").replace("%1", row.contract_by_name)
            if row and row.contract_by_name
            else ""
        )
        for widget in (self.clauses, self.contract_on, self.term, self.save):
            widget.setEnabled(editable)

    def _save(self) -> None:
        day = read_day(self.contract_on)
        if day is None:
            self.last.setText(self.tr("Enter the contract date."))
            return
        clauses, term = self.clauses.answers(), self.term.text()
        self._change(
            lambda s, i: consignees.record_contract(s, i, day, term, clauses),
            self.tr("The contract was saved."),
        )


class ListTab(QWidget):
    """A table of one kind of record and the buttons beside it."""

    def __init__(self, note: str, found: QTableWidget, buttons: list[QPushButton]) -> None:
        super().__init__()
        self.table = found
        self.note = QLabel(note)
        self.note.setObjectName(f"{found.objectName()}Note")
        self.note.setWordWrap(True)
        set_role(self.note, "note")
        row = QHBoxLayout()
        for item in buttons:
            row.addWidget(item)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(found, 1)
        layout.addLayout(row)

    def selected(self) -> int:
        return self.table.currentRow()

    def flag(self, text: str, alert: bool) -> None:
        self.note.setText(text)
        set_role(self.note, "error" if alert else "note")
        set_flag(self.note, "alert", alert)
