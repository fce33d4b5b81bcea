"""The register of leak incidents (漏えい等事案, 規程第12–14条): registered by the supervisor or
the manager as soon as known; the manager answers the reportability checklist, fills in the
nine report items, records the 速報 and 確報 and the recurrence measures, and closes it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.access import Permission, may
from app.domain.display_dates import japanese_day, japanese_time
from app.domain.incidents import REPORT_ITEMS, Checklist, IncidentState
from app.services import incident_report, incidents
from app.services.incidents import Incident, IncidentDetail
from app.session import Session
from ui import icons
from ui.context import UiContext
from ui.dialogs.incident_dialog import ChecklistBoxes, IncidentDialog
from ui.dialogs.person_dialog import DateEdit
from ui.pages.base import Page
from ui.pages.incident_tabs import MeasuresTab, PersonsTab
from ui.styles import heading, make_primary, set_flag, set_role
from ui.widgets.tables import make_read_only

OVERDUE = "#b00020"
# The nine items less 本人の数 (a count, kept with the checklist).
TEXT_ITEMS = tuple((key, label) for key, label in REPORT_ITEMS if key != "persons")


def _item(text: str) -> QTableWidgetItem:
    return QTableWidgetItem(text)


class IncidentsPage(Page):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("incidentsPage")
        session = context.session
        roles = session.user.roles if session is not None else frozenset()
        self.manages = may(roles, Permission.MANAGE_INCIDENTS)
        self.registers = may(roles, Permission.REGISTER_INCIDENTS)
        self.entries: list[Incident] = []
        self.detail: IncidentDetail | None = None
        self._wanted: int | None = None
        note = QLabel(
            self.tr(
                "Register an incident as soon as it is known. The 速報 is due within about 3 to "
                "5 days of knowing, the 確報 within 30 days (60 for an unlawful purpose)."
            )
        )
        note.setWordWrap(True)
        set_role(note, "note")
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("incidentsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("State"),
                self.tr("Kind"),
                self.tr("Title"),
                self.tr("Known to the office"),
                self.tr("PPC report"),
                self.tr("確報 due"),
            ]
        )
        make_read_only(
            self.table,
            stretch=3,
            widths=((0, 50), (1, 90), (2, 70), (4, 170), (5, 110), (6, 150)),
        )
        self.table.itemSelectionChanged.connect(self._selected)
        self.new_button = self._button("newIncidentButton", self.tr("Register…"), self._register)
        self.new_button.setIcon(icons.icon("add", icons.ON_PRIMARY))
        make_primary(self.new_button)
        self.new_button.setVisible(self.registers)
        self.report_button = self._button(
            "incidentReportButton", self.tr("Draft report (PDF)…"), self._report
        )
        self.report_button.setIcon(icons.icon("document_pdf"))
        self.report_button.setVisible(self.manages)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addStretch()
        top.addWidget(self.report_button)
        self.status = QLabel()
        self.status.setObjectName("incidentsStatus")
        self.status.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("incidentTabs")
        self.tabs.addTab(self._decision_tab(), self.tr("Reportability and deadlines"))
        self.tabs.addTab(self._items_tab(), self.tr("Report items"))
        self.persons = PersonsTab(context, self._change)
        self.tabs.addTab(self.persons, self.tr("Persons to notify"))
        self.measures = MeasuresTab(self._change)
        self.tabs.addTab(self.measures, self.tr("Recurrence measures"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Leak incidents")))
        layout.addWidget(note)
        layout.addLayout(top)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 3)
        self._show_detail(None)

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # Tabs ----------------------------------------------------------------------------------

    def _decision_tab(self) -> QWidget:
        tab = QWidget()
        self.facts = QLabel()
        self.facts.setObjectName("incidentFacts")
        self.facts.setWordWrap(True)
        self.deadline = QLabel()
        self.deadline.setObjectName("deadlineLabel")
        self.deadline.setWordWrap(True)
        self.checklist = ChecklistBoxes(Checklist())
        self.save_checklist = self._button(
            "saveChecklistButton", self.tr("Save the answers"), self._save_checklist
        )
        self.report_date = DateEdit()
        self.report_date.setObjectName("reportDateEdit")
        self.report_date.setMinimumWidth(150)
        self.preliminary_button = self._button(
            "recordPreliminaryButton", self.tr("速報 sent on this day"), self._preliminary
        )
        self.final_button = self._button(
            "recordFinalButton", self.tr("確報 sent on this day"), self._final
        )
        self.close_button = self._button(
            "closeIncidentButton", self.tr("Mark as closed"), self._close
        )
        steps = QHBoxLayout()
        steps.addWidget(QLabel(self.tr("Day:")))
        steps.addWidget(self.report_date)
        for button in (self.preliminary_button, self.final_button, self.close_button):
            steps.addWidget(button)
        steps.addStretch()
        left = QVBoxLayout()
        left.addWidget(self.facts)
        left.addWidget(self.deadline)
        left.addStretch()
        right = QVBoxLayout()
        right.addWidget(self.checklist)
        right.addWidget(self.save_checklist)
        right.addStretch()
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addLayout(right, 1)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addLayout(steps)
        return tab

    def _items_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout()
        self.item_edits: dict[str, QPlainTextEdit] = {}
        for key, label in TEXT_ITEMS:
            edit = QPlainTextEdit()
            edit.setObjectName(f"item_{key}")
            edit.setFixedHeight(48)
            self.item_edits[key] = edit
            form.addRow(label, edit)
        self.save_items = self._button(
            "saveItemsButton", self.tr("Save the items"), self._save_items
        )
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(self.save_items)
        return tab

    # Loading -------------------------------------------------------------------------------

    def load(self) -> None:
        self.context.run(incidents.list_incidents, owner=self, on_done=self._show)

    def clear(self) -> None:
        self.entries = []
        self.table.setRowCount(0)
        self.status.clear()
        self._show_detail(None)

    def _show(self, entries: list[Incident]) -> None:
        self.entries = entries
        session = self.context.session
        today = session.clock.now().date() if session is not None else None
        self.table.setRowCount(len(entries))
        for row, incident in enumerate(entries):
            found = incident.reportability
            due = japanese_day(incident.deadlines.final_by) if found.reportable else "—"
            # A 確報 still owed after its deadline is said in words, not only in colour.
            late = (
                found.reportable
                and today is not None
                and incident.state in (IncidentState.OPEN, IncidentState.PRELIMINARY)
                and incident.deadlines.final_by < today
            )
            if late:
                due = self.tr("%1 (overdue)").replace("%1", due)
            cells = [
                f"No.{incident.id}",
                self._state_label(incident.state),
                incident.kind.label,
                incident.title,
                japanese_time(incident.known_at),
                self.tr("Required") if found.reportable else self.tr("Not required"),
                due,
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, _item(text))
            if late:
                self.table.item(row, 6).setForeground(QColor(OVERDUE))
        wanted = self._wanted
        self._wanted = None
        rows = [i for i, e in enumerate(entries) if e.id == wanted]
        if rows:
            # The row may be selected already (a change to the shown incident): no signal
            # then, so the detail is read again here.
            self.table.blockSignals(True)
            self.table.selectRow(rows[0])
            self.table.blockSignals(False)
            self._selected()
        elif entries and self.table.currentRow() < 0:
            self.table.selectRow(0)  # the newest, so the page opens on something
        elif not entries:
            self._show_detail(None)

    def _state_label(self, state: IncidentState) -> str:
        return state.label

    def _current(self) -> Incident | None:
        row = self.table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _selected(self) -> None:
        incident = self._current()
        if incident is None:
            self._show_detail(None)
            return
        self.context.run(
            lambda s: incidents.detail(s, incident.id), owner=self, on_done=self._show_detail
        )

    def _show_detail(self, found: IncidentDetail | None) -> None:
        self.detail = found
        incident = found.incident if found else None
        editable = incident is not None and self.manages
        open_state = incident is not None and incident.state is not IncidentState.CLOSED
        for widget in (self.save_checklist, self.save_items):
            widget.setEnabled(editable and open_state)
        self.persons.show_detail(found, editable and open_state)
        self.measures.show_detail(found, editable and open_state)
        self.checklist.setEnabled(editable and open_state)
        self.report_button.setEnabled(incident is not None)
        state = incident.state if incident else None
        self.preliminary_button.setEnabled(editable and state is IncidentState.OPEN)
        self.final_button.setEnabled(editable and state is IncidentState.PRELIMINARY)
        self.close_button.setEnabled(
            editable and state in (IncidentState.OPEN, IncidentState.FINAL)
        )
        if found is None or incident is None:
            self.facts.setText(self.tr("Select an incident."))
            self.deadline.clear()
            for edit in self.item_edits.values():
                edit.clear()
            return
        self.facts.setText("\n".join(f"{k}：{v}" for k, v in incident_report.fact_lines(incident)))
        reportable = incident.reportability.reportable
        self.deadline.setText(
            "\n".join(f"{k}：{v}" for k, v in incident_report.deadline_lines(incident))
        )
        set_flag(self.deadline, "alert", reportable and state is not IncidentState.CLOSED)
        self.checklist.set_answers(incident.checklist)
        for key, edit in self.item_edits.items():
            edit.setPlainText(incident.items.text(key))

    # Actions -------------------------------------------------------------------------------

    def _change(self, work: Callable[[Session, int], Any], done_text: str) -> None:
        incident = self._current()
        if incident is None:
            return
        self._wanted = incident.id

        def finished(_result: object) -> None:
            self.status.setText(done_text)
            set_role(self.status, "ok")
            self.load()

        self.context.run(lambda s: work(s, incident.id), owner=self, on_done=finished)

    def _register(self) -> None:
        session = self.context.session
        if session is None:
            return
        dialog = IncidentDialog(session.clock.now(), self)
        if dialog.exec() != IncidentDialog.DialogCode.Accepted:
            return
        values = dialog.values()

        def registered(incident: Incident) -> None:
            self._wanted = incident.id
            self.status.setText(
                self.tr("Registered. Answer the checklist and follow the deadlines.")
            )
            set_role(self.status, "ok")
            self.load()

        self.context.run(
            lambda s: incidents.register(s, **values),  # type: ignore[arg-type]
            owner=self,
            on_done=registered,
        )

    def _save_checklist(self) -> None:
        answers = self.checklist.answers()
        self._change(
            lambda s, i: incidents.set_checklist(s, i, answers), self.tr("The answers were saved.")
        )

    def _save_items(self) -> None:
        texts = {key: edit.toPlainText() for key, edit in self.item_edits.items()}
        self._change(
            lambda s, i: incidents.set_report_items(s, i, texts), self.tr("The items were saved.")
        )

    def _day(self) -> date | None:
        try:
            day = self.report_date.value()
        except ValueError:
            day = None
        if day is None:
            self.status.setText(self.tr("Enter the day the report was sent."))
            set_role(self.status, "error")
        return day

    def _preliminary(self) -> None:
        day = self._day()
        if day is not None:
            self._change(
                lambda s, i: incidents.record_preliminary(s, i, day),
                self.tr("The 速報 was recorded."),
            )

    def _final(self) -> None:
        day = self._day()
        if day is not None:
            self._change(
                lambda s, i: incidents.record_final(s, i, day), self.tr("The 確報 was recorded.")
            )

    def _close(self) -> None:
        self._change(incidents.close, self.tr("The incident was closed."))

    def _report(self) -> None:
        from ui.dialogs.pdf_preview import PdfPreviewDialog
        from ui.file_names import pdf_name

        incident = self._current()
        if incident is None:
            return
        title = self.tr("Incident report (draft)")
        self.context.run(
            lambda s: incident_report.report_pdf(s, incident.id),
            owner=self,
            on_done=lambda pdf: PdfPreviewDialog(
                title, pdf, pdf_name(title, f"No{incident.id}"), self
            ).exec(),
        )
