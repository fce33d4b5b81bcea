"""The retention page's 削除・廃棄の記録 tab: the deletion records that remain (who proposed,
approved and executed each), the ledger of a period with the office's 取扱部署, a person's
certificate, and the paper confirmed shredded."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.access import Permission, may
from app.domain.display_dates import japanese_day
from app.services import deletion, deletion_papers
from app.services.deletion import TRIGGER_LABELS, DeletionRecordRow
from app.services.deletion_papers import HANDLING_DEPARTMENT_MAX, given_reason
from app.session import Session
from ui import icons
from ui.context import UiContext
from ui.dialogs.person_dialog import DateEdit
from ui.styles import set_role
from ui.widgets.tables import read_only_table


class RecordsColumn:
    DELETED_ON, PERSON, WHY, PROPOSED_BY, APPROVED_BY, EXECUTED_BY, PAPER = range(7)


class DeletionRecordsTab(QWidget):
    # A change was recorded: the page says so and reloads.
    changed = Signal(str)
    # Something to tell without reloading (a period typed wrong).
    message = Signal(str)

    def __init__(self, context: UiContext, handles: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.handles = handles
        self.records: list[DeletionRecordRow] = []
        self.table = read_only_table(
            "deletionRecordsTable",
            [
                self.tr("Deleted on"),
                self.tr("Person"),
                self.tr("Why"),
                self.tr("Proposed by"),
                self.tr("Approved by"),
                self.tr("Executed by"),
                self.tr("Paper to shred"),
            ],
            stretch=RecordsColumn.WHY,
        )
        for column, width in (
            (RecordsColumn.DELETED_ON, 150),
            (RecordsColumn.PERSON, 190),
            (RecordsColumn.PROPOSED_BY, 100),
            (RecordsColumn.APPROVED_BY, 100),
            (RecordsColumn.EXECUTED_BY, 100),
            (RecordsColumn.PAPER, 200),
        ):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._selected)
        today = date.today()
        self.ledger_from = DateEdit(date(today.year, 1, 1).isoformat())
        self.ledger_from.setObjectName("ledgerFromEdit")
        self.ledger_to = DateEdit(today.isoformat())
        self.ledger_to.setObjectName("ledgerToEdit")
        # The department that handles the numbers (規程第36条第2項: 責任者・取扱部署), printed
        # on the ledger; the manager names it here, where it is used.
        session = context.session
        self.may_set_department = session is not None and may(
            session.user.roles, Permission.MANAGE_SETTINGS
        )
        self.department_edit = QLineEdit()
        self.department_edit.setObjectName("handlingDepartmentEdit")
        self.department_edit.setMaxLength(HANDLING_DEPARTMENT_MAX)
        self.department_edit.setPlaceholderText(self.tr("e.g. General Affairs"))
        self.department_edit.setReadOnly(not self.may_set_department)
        self.department_edit.setToolTip(
            self.tr(
                "The department that handles My Numbers, printed on the deletion ledger. "
                "The manager sets it; it is saved when the ledger is made."
            )
        )
        self.ledger_button = QPushButton(icons.icon("document_pdf"), self.tr("Ledger (PDF)…"))
        self.ledger_button.setObjectName("ledgerButton")
        self.ledger_button.clicked.connect(self._ledger)
        self.certificate_button = QPushButton(
            icons.icon("document_pdf"), self.tr("Deletion certificate…")
        )
        self.certificate_button.setObjectName("certificateButton")
        self.certificate_button.clicked.connect(self._certificate)
        self.paper_button = QPushButton(self.tr("Paper shredded"))
        self.paper_button.setObjectName("paperButton")
        self.paper_button.setToolTip(
            self.tr("Record that the paper documents listed for this person were shredded.")
        )
        self.paper_button.clicked.connect(self._paper)
        note = QLabel(
            self.tr(
                "Deletion records keep who proposed, approved and executed each deletion, when "
                "and why; never the number."
            )
        )
        set_role(note, "note")
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Handling department")))
        buttons.addWidget(self.department_edit)
        buttons.addWidget(QLabel(self.tr("Period")))
        buttons.addWidget(self.ledger_from)
        buttons.addWidget(QLabel("〜"))
        buttons.addWidget(self.ledger_to)
        buttons.addWidget(self.ledger_button)
        buttons.addStretch()
        buttons.addWidget(self.certificate_button)
        buttons.addWidget(self.paper_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(note)
        layout.addLayout(buttons)
        self._selected()
        context.run(deletion_papers.handling_department, owner=self, on_done=self._show_department)

    def _show_department(self, text: str) -> None:
        self.department_edit.setText(text)

    def show_records(self, records: list[DeletionRecordRow]) -> None:
        self.records = records
        shown = self._shown()
        self.table.setRowCount(len(shown))
        for index, record in enumerate(shown):
            paper = record.paper or "—"
            if record.paper and record.paper_disposed_at:
                paper += self.tr(" (shredded)")
            values = (
                japanese_day(record.deleted_at),
                f"{record.person_name}（{record.person_kind}）",
                f"{TRIGGER_LABELS[record.trigger]}　{given_reason(record)}".strip(),
                record.proposed_by_name or "—",
                record.approved_by_name or "—",
                record.executed_by_name or "—",
                paper,
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(index, column, item)
        self._selected()

    def _shown(self) -> list[DeletionRecordRow]:
        return list(reversed(self.records))  # newest first, as the table lists them

    def current(self) -> DeletionRecordRow | None:
        row = self.table.currentRow()
        shown = self._shown()
        return shown[row] if 0 <= row < len(shown) else None

    def _selected(self) -> None:
        record = self.current()
        self.certificate_button.setEnabled(record is not None)
        self.paper_button.setEnabled(
            self.handles
            and record is not None
            and bool(record.paper)
            and record.paper_disposed_at is None
        )

    def _ledger(self) -> None:
        from ui.file_names import pdf_name, period

        try:
            since, until = self.ledger_from.value(), self.ledger_to.value()
        except ValueError:
            since = until = None
        if since is None or until is None:
            self.message.emit(self.tr("Enter the period as dates, e.g. 2026-04-01."))
            return
        department = self.department_edit.text()
        setting = self.may_set_department

        def work(session: Session) -> bytes:
            if setting:  # recorded (and logged) only when it changed
                deletion_papers.change_handling_department(session, department)
            return deletion_papers.ledger_pdf(session, since, until)

        self._preview(
            work,
            self.tr("Deletion ledger"),
            pdf_name(self.tr("Deletion ledger"), period(since, until)),
        )

    def _certificate(self) -> None:
        from ui.file_names import pdf_name

        record = self.current()
        if record is None:
            return
        record_id = record.id
        self._preview(
            lambda s: deletion_papers.certificate_pdf(s, record_id),
            self.tr("Deletion certificate"),
            pdf_name(self.tr("Deletion certificate"), record.person_name, record.deleted_at),
        )

    def _preview(self, work: Callable[[Session], bytes], title: str, file_name: str) -> None:
        from ui.dialogs.pdf_preview import PdfPreviewDialog

        self.context.run(
            work,
            owner=self,
            on_done=lambda pdf: PdfPreviewDialog(title, pdf, file_name, self).exec(),
        )

    def _paper(self) -> None:
        record = self.current()
        if record is None:
            return
        record_id = record.id
        self.context.run(
            lambda s: deletion.confirm_paper(s, [record_id]),
            owner=self,
            on_done=lambda _none: self.changed.emit(
                self.tr("Recorded that the paper was shredded.")
            ),
        )

    def clear(self) -> None:
        self.records = []
        self.table.setRowCount(0)
        self._selected()
