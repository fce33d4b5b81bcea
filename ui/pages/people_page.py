"""人員: find anyone by name, kana, code or department (never by number), see who has a number,
register one, and reveal it for a stated purpose."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.purposes import PersonKind
from app.services import notices, numbers, people
from app.services.people import PeoplePage
from app.session import Session
from ui.context import UiContext
from ui.dialogs.number_entry_dialog import NumberEntryDialog
from ui.models.people_table_model import PeopleColumn, PeopleTableModel
from ui.pages.base import Page
from ui.widgets.masked_number import MaskedNumberWidget
from ui.widgets.paging import PagingBar

PAGE_SIZE = 200


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
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self._search)
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self._import)
        self.model = PeopleTableModel()
        self.table = QTableView()
        self.table.setObjectName("peopleTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PeopleColumn.NUMBER, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (PeopleColumn.CODE, 80),
            (PeopleColumn.NAME, 130),
            (PeopleColumn.KANA, 170),
            (PeopleColumn.KIND, 150),
            (PeopleColumn.DEPARTMENT, 110),
        ):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.paging = PagingBar(PAGE_SIZE, "people")
        self.paging.moved.connect(self._move)

        self.detail_name = QLabel()
        self.detail_name.setObjectName("detailName")
        self.detail_name.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.detail_info = QLabel()
        self.detail_info.setObjectName("detailInfo")
        self.detail_info.setWordWrap(True)
        self.number_widget = MaskedNumberWidget(context)
        self.register_button = QPushButton(self.tr("Register the My Number…"))
        self.register_button.setObjectName("registerNumberButton")
        self.register_button.clicked.connect(self._register)
        detail = QGroupBox(self.tr("Selected person"))
        detail_layout = QFormLayout(detail)
        detail_layout.addRow(self.detail_name)
        detail_layout.addRow(self.detail_info)
        detail_layout.addRow(self.tr("My Number"), self.number_widget)
        self.notice_button = QPushButton(self.tr("Purpose notice…"))
        self.notice_button.setObjectName("purposeNoticeButton")
        self.notice_button.clicked.connect(self._purpose_notice)
        self.requests_button = QPushButton(self.tr("Requests for the number…"))
        self.requests_button.setObjectName("requestsButton")
        self.requests_button.clicked.connect(self._requests)
        detail_layout.addRow("", self.register_button)
        detail_layout.addRow("", self.requests_button)
        detail_layout.addRow("", self.notice_button)

        paging = QHBoxLayout()
        paging.addWidget(self.paging)
        paging.addStretch()
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit)
        search_row.addWidget(self.import_button)
        top_layout.addLayout(search_row)
        top_layout.addWidget(self.table)
        top_layout.addLayout(paging)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        title = QLabel(self.tr("People"))
        title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter)
        self._show_detail(None)

    def load(self) -> None:
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
        self._show_detail(None)

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._show_detail(self.model.person(rows[0].row()) if rows else None)

    def _show_detail(self, person) -> None:
        self.current = person
        if person is None:
            self.detail_name.setText(self.tr("Select a person in the list."))
            self.detail_info.clear()
            self.number_widget.set_person(None)
            self.number_widget.setVisible(False)
            self.register_button.setVisible(False)
            self.notice_button.setVisible(False)
            self.requests_button.setVisible(False)
            return
        self.detail_name.setText(f"{person.name}（{person.kana}）")
        kind = PersonKind(person.kind).label
        parts = [f"{kind}（{person.relation}）" if person.relation else kind]
        if person.department:
            parts.append(person.department)
        if person.birth_date:
            parts.append(self.tr("born %1").replace("%1", person.birth_date))
        self.detail_info.setText("　".join(str(p) for p in parts if p))
        self.number_widget.setVisible(person.has_number)
        self.number_widget.set_person(person.id if person.has_number else None)
        self.register_button.setVisible(not person.has_number)
        self.notice_button.setVisible(True)
        self.requests_button.setVisible(not person.has_number)

    def _register(self) -> None:
        person = self.current
        if person is None:
            return
        person_id, name = person.id, person.name
        self.context.run(
            lambda s: numbers.registrable_purposes(s, person_id),
            owner=self,
            on_done=lambda codes: self._enter_number(person_id, name, codes),
        )

    def _enter_number(self, person_id: int, name: str, codes: list[str]) -> None:
        dialog = NumberEntryDialog(name, codes, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            dialog.clear()
            return
        first, second = dialog.first_edit.text(), dialog.second_edit.text()
        purposes = dialog.chosen_purposes()
        dialog.clear()

        def work(session: Session) -> None:
            numbers.register_number(session, person_id, first, second, purposes)

        self.context.run(work, owner=self, on_done=lambda _r: self._fetch())

    def _requests(self) -> None:
        from ui.dialogs.requests_dialog import RequestsDialog

        person = self.current
        if person is not None:
            RequestsDialog(self.context, person.id, person.name, self).exec()

    def _import(self) -> None:
        from ui.import_wizard import ImportWizard

        ImportWizard(self.context, self).exec()
        self._fetch()

    def _purpose_notice(self) -> None:
        from ui.dialogs.pdf_preview import PdfPreviewDialog

        person = self.current
        if person is None:
            return
        person_id = person.id
        self.context.run(
            lambda s: notices.purpose_notice_pdf(s, person_id),
            owner=self,
            on_done=lambda pdf: PdfPreviewDialog(
                self.tr("Purpose notice"), pdf, "purpose-notice.pdf", self
            ).exec(),
        )

    def clear(self) -> None:
        self.number_widget.mask()
        self.model.clear()
        self.paging.clear()
        self._show_detail(None)
