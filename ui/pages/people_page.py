"""人員: find anyone by name, kana, code or department (never by number), add employees and
payees, and open the person page below the list."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.access import Permission, may
from app.domain.purposes import PersonKind
from app.services import people
from app.services.people import PeoplePage
from app.session import Session
from ui import icons
from ui.context import UiContext
from ui.models.people_table_model import PeopleColumn, PeopleTableModel
from ui.pages.base import Page
from ui.styles import heading, make_primary
from ui.widgets.paging import PagingBar
from ui.widgets.person_panel import PersonPanel
from ui.window_state import remember_splitter, restore_splitter

PAGE_SIZE = 200
PANEL_HEIGHT = 235  # what the person page needs to show its boxes without scrolling


class PeopleListPage(Page):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("peoplePage")
        self.offset = 0
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("peopleSearch")
        self.search_edit.setPlaceholderText(
            self.tr("Name, kana (hiragana or katakana), code or department")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self._search)
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.model = PeopleTableModel()
        self.table = QTableView()
        self.table.setObjectName("peopleTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        # Rows as tall as the text needs, not the style's roomy default: a laptop screen then
        # lists 15 people or more above the person page.
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PeopleColumn.NUMBER, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (PeopleColumn.CODE, 80),
            (PeopleColumn.NAME, 130),
            (PeopleColumn.KANA, 160),
            (PeopleColumn.KIND, 240),
            (PeopleColumn.DEPARTMENT, 100),
        ):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.paging = PagingBar(PAGE_SIZE, "people")
        self.paging.moved.connect(self._move)

        self.panel = PersonPanel(context)
        self.panel.changed.connect(self._changed)
        # The page's own names for what tests and the lock reach.
        self.number_widget = self.panel.number_widget
        self.register_button = self.panel.register_button
        self.add_employee_button = QPushButton(icons.icon("person_add"), self.tr("Add employee…"))
        self.add_employee_button.setObjectName("addEmployeeButton")
        self.add_employee_button.clicked.connect(lambda: self._add(PersonKind.EMPLOYEE))
        make_primary(self.add_employee_button)
        self.add_payee_button = QPushButton(icons.icon("add"), self.tr("Add payee…"))
        self.add_payee_button.setObjectName("addPayeeButton")
        self.add_payee_button.clicked.connect(lambda: self._add(PersonKind.PAYEE))
        self.import_button = QPushButton(icons.icon("arrow_import"), self.tr("Import…"))
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self._import)
        self.current = None
        self._keep_selected: int | None = None

        title_row = QHBoxLayout()
        title_row.addWidget(heading(self.tr("People")))
        title_row.addStretch()
        for button in (self.add_employee_button, self.add_payee_button, self.import_button):
            title_row.addWidget(button)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.paging)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("peopleSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        self._sized = restore_splitter(self.splitter, "people")
        remember_splitter(self.splitter, "people")
        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addLayout(search_row)
        layout.addWidget(self.splitter, 1)
        self._show_detail(None)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            # First time on this PC: the person page gets what it needs to show its boxes,
            # the list the rest (15 people or more on a 1366x768 laptop), at least half; from
            # then on the user's own split is kept.
            self._sized = True
            total = self.splitter.height()
            top = max(total - PANEL_HEIGHT, total // 2)
            self.splitter.setSizes([top, total - top])

    def load(self) -> None:
        session = self.context.session
        handles = session is not None and may(session.user.roles, Permission.HANDLE_NUMBERS)
        for button in (self.add_employee_button, self.add_payee_button, self.import_button):
            button.setVisible(handles)
        self._fetch()

    def _search(self) -> None:
        self.offset = 0
        self._fetch()

    def _move(self, delta: int) -> None:
        self.offset = max(self.offset + delta, 0)
        self._fetch()

    def _fetch(self) -> None:
        text, offset = self.search_edit.text(), self.offset
        self.context.run(
            lambda s: people.search(s, text, offset=offset, limit=PAGE_SIZE),
            owner=self,
            on_done=self._show,
        )

    def _show(self, page: PeoplePage) -> None:
        self.model.set_page(page)
        self.paging.show_range(self.offset, len(page.rows), page.total)
        keep, self._keep_selected = self._keep_selected, None
        row = next((i for i, p in enumerate(page.rows) if p.id == keep), None)
        if row is not None:
            self.table.selectRow(row)
        elif keep is None:
            self._show_detail(None)

    def _changed(self, person_id: int) -> None:
        """A save in the panel: refresh the list and keep the person selected."""
        self._keep_selected = person_id
        self._fetch()

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._show_detail(self.model.person(rows[0].row()) if rows else None)

    def _show_detail(self, person) -> None:
        self.current = person
        if person is None:
            self.panel.show_person(None)
        else:
            self.panel.show_person(person.id, out_of_scope=not getattr(person, "in_scope", True))

    def _add(self, kind: PersonKind) -> None:
        from ui.dialogs.person_dialog import PersonDialog

        def submit(session: Session, values: dict, _reason: str):
            if kind == PersonKind.EMPLOYEE:
                return people.register_employee(
                    session,
                    code=values["code"],
                    name=values["name"],
                    kana_text=values["kana"],
                    birth_date=values["birth_date"],
                    department=values["department"] or None,
                    hire_date=values["hire_date"],
                )
            return people.register_payee(
                session,
                name=values["name"],
                kana_text=values["kana"],
                payment_kind=values["payment_kind"],
                continuing=bool(values["continuing"]),
                contract_from=values["contract_from"],
                contract_to=values["contract_to"],
                corporate=values["corporate_number"] or None,
            )

        def ask(departments: list[str]) -> None:
            dialog = PersonDialog(self.context, kind, submit, departments=departments, parent=self)
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_value is not None:
                # Show the new person at once, then find them in the list.
                created = dialog.result_value
                self.search_edit.blockSignals(True)
                self.search_edit.setText(created.kana)
                self.search_edit.blockSignals(False)
                self.offset = 0
                self._changed(created.id)

        self.context.run(people.departments, owner=self, on_done=ask)

    def _import(self) -> None:
        from ui.import_wizard import ImportWizard

        ImportWizard(self.context, self).exec()
        self._fetch()

    def clear(self) -> None:
        self.number_widget.mask()
        self.model.clear()
        self.paging.clear()
        self.current = None
        self.panel.clear()
