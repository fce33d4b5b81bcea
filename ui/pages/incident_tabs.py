"""Two tabs of the incidents page: the persons concerned with the state of their notice
(規則第5条), and the recurrence measures (規程第14条). Each change goes through the page's
`change(work, done_text)`, which runs it for the selected incident and reloads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.display_dates import japanese_day_or
from app.domain.incidents import MeasureState, NoticeState
from app.services import incident_followup, people
from app.services.incidents import IncidentDetail
from app.session import Session
from ui.context import UiContext
from ui.dialogs.person_dialog import DateEdit
from ui.styles import set_role
from ui.widgets.tables import Extended, read_only_table

Change = Callable[[Callable[[Session, int], Any], str], None]


def _button(name: str, text: str, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def _day(edit: DateEdit):
    try:
        return edit.value()
    except ValueError:
        return None


class MeasuresTab(QWidget):
    def __init__(self, change: Change, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._change = change
        self.detail: IncidentDetail | None = None
        self.table = read_only_table(
            "measuresTable",
            [self.tr("Measure"), self.tr("State"), self.tr("Due / done")],
            stretch=0,
            widths={1: 90, 2: 180},
            selection=Extended,
        )
        self.text = QLineEdit()
        self.text.setObjectName("measureEdit")
        self.text.setPlaceholderText(self.tr("e.g. Two people check every envelope"))
        self.due = DateEdit()
        self.due.setObjectName("measureDueEdit")
        self.due.setMinimumWidth(150)
        self.add_button = _button("addMeasureButton", self.tr("Add the measure"), self._add)
        self.done_button = _button("doneMeasureButton", self.tr("Done today"), self._done)
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(QLabel(self.tr("Due:")))
        row.addWidget(self.due)
        row.addWidget(self.add_button)
        row.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)

    def show_detail(self, found: IncidentDetail | None, editable: bool) -> None:
        self.detail = found
        self.add_button.setEnabled(editable)
        self.done_button.setEnabled(editable)
        measures = found.measures if found else ()
        self.table.setRowCount(len(measures))
        for row, measure in enumerate(measures):
            when = measure.done_on if measure.state is MeasureState.DONE else measure.due_on
            for column, text in enumerate(
                (measure.text, measure.state.label, japanese_day_or(when))
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def _add(self) -> None:
        text, due = self.text.text(), _day(self.due)
        self.text.clear()
        self._change(
            lambda s, i: incident_followup.add_measure(s, i, text, due),
            self.tr("The measure was added."),
        )

    def _done(self) -> None:
        row = self.table.currentRow()
        if self.detail is None or not 0 <= row < len(self.detail.measures):
            return
        measure_id = self.detail.measures[row].id
        self._change(
            lambda s, i: incident_followup.complete_measure(s, i, measure_id, s.clock.now().date()),
            self.tr("The measure was marked done."),
        )


class PersonsTab(QWidget):
    """Persons are found by name, kana or code and kept by their record, never by number."""

    def __init__(self, context: UiContext, change: Change, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._change = change
        self.detail: IncidentDetail | None = None
        self.table = read_only_table(
            "incidentPersonsTable",
            [self.tr("Person"), self.tr("Notice"), self.tr("Method"), self.tr("Notified on")],
            stretch=0,
            widths={1: 190, 2: 160, 3: 170},
            selection=Extended,
        )
        self.search = QLineEdit()
        self.search.setObjectName("incidentPersonSearch")
        self.search.setPlaceholderText(self.tr("Name, kana or employee code"))
        self.search.returnPressed.connect(self._search)
        self.search_button = _button("incidentPersonSearchButton", self.tr("Search"), self._search)
        self.found = QComboBox()
        self.found.setObjectName("incidentPersonChoice")
        self.found.setMinimumWidth(260)
        self.add_button = _button("addIncidentPersonButton", self.tr("Add to the list"), self._add)
        self.state = QComboBox()
        self.state.setObjectName("noticeStateCombo")
        for state in NoticeState:
            self.state.addItem(state.label, state.value)
        self.method = QLineEdit()
        self.method.setObjectName("noticeMethodEdit")
        self.method.setPlaceholderText(self.tr("e.g. By letter"))
        self.method.setMaxLength(60)
        self.on = DateEdit()
        self.on.setObjectName("noticeDateEdit")
        self.on.setMinimumWidth(150)
        self.record_button = _button(
            "recordNoticeButton", self.tr("Record for the selected persons"), self._record
        )
        find = QHBoxLayout()
        find.addWidget(self.search, 1)
        find.addWidget(self.search_button)
        find.addWidget(self.found, 1)
        find.addWidget(self.add_button)
        notice = QHBoxLayout()
        notice.addWidget(self.state)
        notice.addWidget(self.method, 1)
        notice.addWidget(self.on)
        notice.addWidget(self.record_button)
        hint = QLabel(
            self.tr(
                "Tell the persons the summary, the data items, the cause, any secondary harm "
                "and other matters (規則第5条)."
            )
        )
        hint.setWordWrap(True)
        set_role(hint, "note")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(find)
        layout.addWidget(hint)
        layout.addLayout(notice)

    def show_detail(self, found: IncidentDetail | None, editable: bool) -> None:
        self.detail = found
        for widget in (self.search_button, self.add_button, self.record_button):
            widget.setEnabled(editable)
        persons = found.persons if found else ()
        self.table.setRowCount(len(persons))
        for row, person in enumerate(persons):
            for column, text in enumerate(
                (
                    person.name,
                    person.state.label,
                    person.method or "—",
                    japanese_day_or(person.notified_on),
                )
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def _search(self) -> None:
        text = self.search.text()
        if not text.strip():
            return

        def show(page: people.PeoplePage) -> None:
            self.found.clear()
            for person in page.rows:
                if person.in_scope:
                    self.found.addItem(f"{person.name}（{person.code or person.kana}）", person.id)

        self.context.run(lambda s: people.search(s, text, limit=50), owner=self, on_done=show)

    def _add(self) -> None:
        person_id = self.found.currentData()
        if person_id is None:
            return
        self._change(
            lambda s, i: incident_followup.add_persons(s, i, [person_id]),
            self.tr("The person was added."),
        )

    def _record(self) -> None:
        if self.detail is None:
            return
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        ids = [self.detail.persons[r].person_id for r in rows if r < len(self.detail.persons)]
        if not ids:
            return
        state = NoticeState(self.state.currentData())
        method, on = self.method.text(), _day(self.on)
        self._change(
            lambda s, i: incident_followup.record_notice(s, i, ids, state, method=method, on=on),
            self.tr("The notice was recorded."),
        )
