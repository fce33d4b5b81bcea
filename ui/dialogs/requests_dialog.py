"""Requests for a person's number: the history, a new entry, and the printable record."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import refusals
from app.services.refusals import ANSWERS
from ui.context import UiContext
from ui.errors import message_for
from ui.styles import DATE_FORMAT


class RequestsDialog(QDialog):
    def __init__(
        self, context: UiContext, person_id: int, person_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("requestsDialog")
        self.context = context
        self.person_id = person_id
        self.person_name = person_name  # for the name a saved PDF is offered under
        self.setWindowTitle(self.tr("Requests for the My Number — %1").replace("%1", person_name))
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("requestsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("How"), self.tr("Answer"), self.tr("Reason / course")]
        )
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        # The session's clock, not the OS date: the service checks against the same clock.
        today = context.session.clock.now().date() if context.session else None
        self.date_edit = QDateEdit(QDate(today) if today else QDate.currentDate())
        self.date_edit.setObjectName("requestDate")
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setCalendarPopup(True)
        self.method_edit = QLineEdit()
        self.method_edit.setObjectName("requestMethod")
        self.method_edit.setPlaceholderText(self.tr("e.g. 書面（依頼書を郵送）、口頭、電話"))
        self.answer_combo = QComboBox()
        self.answer_combo.setObjectName("requestAnswer")
        for code, label in ANSWERS.items():
            self.answer_combo.addItem(label, code)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("requestReason")
        self.add_button = QPushButton(self.tr("Record"))
        self.add_button.setObjectName("recordRequestButton")
        self.add_button.clicked.connect(self._add)
        self.message = QLabel()
        self.message.setObjectName("requestMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("Requested on"), self.date_edit)
        form.addRow(self.tr("How"), self.method_edit)
        form.addRow(self.tr("Answer"), self.answer_combo)
        form.addRow(self.tr("Reason / course"), self.reason_edit)
        form.addRow("", self.add_button)
        self.print_button = QPushButton(self.tr("Refusal record…"))
        self.print_button.setObjectName("refusalRecordButton")
        self.print_button.clicked.connect(self._print)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(720, 520)
        self.load()

    def load(self) -> None:
        person_id = self.person_id
        self.context.run(lambda s: refusals.history(s, person_id), owner=self, on_done=self._show)

    def _show(self, records: list) -> None:  # list of RequestRecord
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            values = (
                record.requested_on,
                record.method,
                ANSWERS[record.answer],
                record.reason or "—",
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def _add(self) -> None:
        person_id = self.person_id
        requested_on = self.date_edit.date().toPython()
        method, reason = self.method_edit.text(), self.reason_edit.text()
        answer = self.answer_combo.currentData()

        def work(session):
            return refusals.record_request(
                session,
                person_id,
                requested_on=requested_on,
                method=method,
                answer=answer,
                reason=reason,
            )

        def done(_record: object) -> None:
            self.message.clear()
            self.method_edit.clear()
            self.reason_edit.clear()
            self.load()

        self.context.run(
            work,
            owner=self,
            on_done=done,
            on_error=lambda error: self.message.setText(message_for(error)),
        )

    def _print(self) -> None:
        from ui.dialogs.pdf_preview import PdfPreviewDialog
        from ui.file_names import pdf_name

        person_id = self.person_id
        self.context.run(
            lambda s: refusals.refusal_record_pdf(s, person_id),
            owner=self,
            on_done=lambda pdf: PdfPreviewDialog(
                self.tr("Refusal record"),
                pdf,
                pdf_name(
                    self.tr("Refusal record"), self.person_name, self.context.workspace.clock.now()
                ),
                self,
            ).exec(),
        )
