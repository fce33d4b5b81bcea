"""The 給与所得の源泉徴収票 of one employee: the year's amounts and facts as stored (imported from
payroll data or typed before) are shown, the clerk corrects or types them and saves them
(year_end.save: a correction is logged with the fields it changed), chooses the copy and
previews it in memory. A copy that carries numbers goes into the outputs register with the
destination and method the clerk chose (規程第35条); it is printed, or saved only as an encrypted
PDF whose password is shown once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.outputs import DESTINATIONS, Method
from app.domain.withholding_slip import (
    FORM,
    MUNICIPAL,
    RECIPIENT,
    TAX_OFFICE,
    InvalidSlip,
    PersonYear,
)
from app.domain.year_end import SALARY, YearEndEntry
from app.services import forms, outputs, payment_forms, year_end
from ui.context import UiContext
from ui.dialogs.statutory_output import PayerFields
from ui.dialogs.year_end_fields import YearEndFields
from ui.styles import make_primary, set_role
from ui.widgets.slip_paper import SlipPaperBox
from ui.widgets.slip_year import SlipYearBox
from ui.widgets.yen_edit import AmountError


class WithholdingSlipDialog(QDialog):
    def __init__(
        self,
        context: UiContext,
        person_id: int,
        name: str,
        parent: QWidget | None = None,
        *,
        year: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("withholdingSlipDialog")
        self.context = context
        self.person_id = person_id
        self.person_name = name
        self.setWindowTitle(self.tr("Withholding slip: %1").replace("%1", name))
        # Only the years whose form the program holds (resources/forms/gensen_choshu/).
        self.year_box = SlipYearBox(FORM, context.workspace.clock.now().date(), year, self)
        self.year = self.year_box.year()

        intro = QLabel(
            self.tr(
                "The amounts of the year from the year-end adjustment, in yen: imported "
                "from payroll data or typed here. Save keeps them; the copy for the employee "
                "carries no My Number."
            )
        )
        intro.setWordWrap(True)
        set_role(intro, "note")

        self.copy_box = QComboBox()
        self.copy_box.setObjectName("slipCopy")
        self.copy_box.addItem(self.tr("For the employee (no numbers)"), RECIPIENT)
        self.copy_box.addItem(self.tr("For the tax office"), TAX_OFFICE)
        self.copy_box.addItem(self.tr("Salary payment report for the municipality"), MUNICIPAL)

        self.destination_box = QComboBox()
        self.destination_box.setObjectName("slipDestination")
        for destination in DESTINATIONS:
            self.destination_box.addItem(destination, destination)
        self.method_box = QComboBox()
        self.method_box.setObjectName("slipMethod")
        self.method_box.addItem(self.tr("Paper (print)"), Method.PAPER.value)
        self.method_box.addItem(
            self.tr("PDF (encrypted, password sent separately)"), Method.PDF.value
        )
        self.copy_box.currentIndexChanged.connect(self._copy_changed)

        self.paper = SlipPaperBox(self.year, self)
        self.sheet_box = self.paper.sheet_box

        self.fields = YearEndFields(self.year)
        self.amounts = self.fields.amounts
        form = QFormLayout()
        form.addRow(self.tr("Copy"), self.copy_box)
        form.addRow(self.tr("Submitted to"), self.destination_box)
        form.addRow(self.tr("Output as"), self.method_box)
        form.addRow(self.tr("Paper"), self.paper)
        # The same payer block as the other forms, filled in from the office's record.
        self.payer = PayerFields(self, form)

        self.error = QLabel()
        self.error.setObjectName("slipError")
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        self.error.hide()

        self.status = QLabel()
        self.status.setObjectName("slipSaveStatus")
        self.status.setWordWrap(True)
        set_role(self.status, "note")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("slipSaveButton")
        self.save_button.setEnabled(False)  # until the stored amounts are shown
        make_primary(self.save_button)
        self.save_button.clicked.connect(self.save)
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.preview_button.setObjectName("slipPreviewButton")
        self.preview_button.clicked.connect(lambda: self.preview())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        output_box = QGroupBox(self.tr("Printing"))
        output_box.setLayout(form)
        columns = QHBoxLayout()
        columns.addWidget(self.fields, 3)
        right = QVBoxLayout()
        right.addWidget(output_box)
        right.addStretch()
        columns.addLayout(right, 2)
        year_row = QFormLayout()
        year_row.addRow(self.tr("Year"), self.year_box)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(year_row)
        layout.addLayout(columns)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._copy_changed()
        self.year_box.currentIndexChanged.connect(self._year_changed)
        self._load()

    def _year_changed(self) -> None:
        """Another year: its stored amounts, its form and its printing position."""
        self.year = self.year_box.year()
        self.fields.set_year(self.year)
        self.paper.year = self.year
        self.save_button.setEnabled(False)
        self._load()

    def _load(self) -> None:
        self.context.run(payment_forms.office_payer, owner=self, on_done=self.payer.prefill)
        person_id, year = self.person_id, self.year
        self.context.run(
            lambda session: year_end.load(session, person_id, year, SALARY),
            owner=self,
            on_done=self._loaded,
        )

    def _loaded(self, entry: YearEndEntry | None) -> None:
        self.fields.show_entry(entry)
        self.save_button.setEnabled(True)
        if entry is None:
            self.status.setText(self.tr("Nothing is saved for this year yet."))
        elif entry.source.startswith("import"):
            self.status.setText(
                self.tr("Showing the amounts imported from payroll data (%1).").replace(
                    "%1", entry.source.removeprefix("import:")
                )
            )
        else:
            self.status.setText(self.tr("Showing the amounts saved before."))

    def save(self) -> None:
        """Store what the clerk typed (a correction of what was there is logged as one)."""
        try:
            entry = self.fields.entry(self.person_id)
        except AmountError as exc:
            self._show_error(str(exc))
            return
        self.error.hide()
        self.save_button.setEnabled(False)
        self.context.run(
            lambda session: year_end.save(session, entry),
            owner=self,
            on_done=self._saved,
            on_error=self._save_failed,
        )

    def _saved(self, changed: list[str]) -> None:
        self.save_button.setEnabled(True)
        if not changed:
            self.status.setText(self.tr("Nothing changed: the saved amounts are the same."))
            return
        self.status.setText(
            self.tr("Saved (%1 items changed). The change is kept in the access log.").replace(
                "%1", str(len(changed))
            )
        )

    def _save_failed(self, error: BaseException) -> None:
        from ui.errors import message_for

        self.save_button.setEnabled(True)
        self._show_error(message_for(error))

    def _copy_changed(self) -> None:
        """The destination and method are asked only for a copy that carries numbers."""
        copy = self.copy_box.currentData()
        numbered = copy != RECIPIENT
        self.destination_box.setEnabled(numbered)
        self.method_box.setEnabled(numbered)
        default = forms.DEFAULT_DESTINATION.get(copy, "本人")
        self.destination_box.setCurrentIndex(self.destination_box.findData(default))

    def _slip(self) -> PersonYear:
        amounts = self.fields.amounts_typed()
        return PersonYear(person_id=self.person_id, year=self.year, amounts=amounts)

    def preview(self, reason: str = "") -> None:
        try:
            slip = self._slip()
        except (InvalidSlip, AmountError) as exc:
            self._show_error(str(exc))
            return
        self.error.hide()
        copy = self.copy_box.currentData()
        payer = self.payer.payer()
        title = self.copy_box.currentText()
        person_id, amounts, year = self.person_id, dict(slip.amounts), self.year
        sheet = self.sheet_box.currentData()
        order = outputs.Order(
            self.destination_box.currentData(), self.method_box.currentData(), reason
        )

        def work(session):
            try:
                return forms.render_output(
                    session,
                    year,
                    FORM,
                    copy,
                    [forms.person_year(session, person_id, year, amounts)],
                    payer,
                    sheet=sheet,
                    order=order,
                )
            except outputs.BulkReasonRequired as refused:
                return refused

        preprinted = self.paper.preprinted()
        self.context.run(
            work, owner=self, on_done=lambda done: self._done(title, done, order, preprinted)
        )

    def _done(
        self,
        title: str,
        done: forms.Rendered | outputs.BulkReasonRequired,
        order: outputs.Order,
        preprinted: bool = False,
    ) -> None:
        if isinstance(done, outputs.BulkReasonRequired):
            # 保有規程第28条: warned first, the reason asked and logged with the output.
            reason, ok = QInputDialog.getText(
                self, self.tr("Bulk output of My Numbers"), str(done) + "\n" + self.tr("Reason:")
            )
            if ok and reason.strip():
                self.preview(reason.strip())
            return
        from ui.dialogs.output_preview import deliver_output
        from ui.dialogs.pdf_preview import PdfPreviewDialog
        from ui.file_names import pdf_name
        from ui.form_printing import form_printer

        file_name = pdf_name(title, self.person_name, self.context.workspace.clock.now())
        # At true size; onto pre-printed forms moved by the chosen printer's offset.
        printer = form_printer(preprinted=preprinted, numbers=done.output_id is not None)

        if done.output_id is None:
            PdfPreviewDialog(title, done.pdf, file_name, self, printer=printer).exec()
            return
        # Printed from the preview or saved encrypted; withdrawn when nothing left.
        deliver_output(
            self,
            self.context,
            done.output_id,
            done.pdf,
            title=title,
            file_name=file_name,
            order=order,
            printer=printer,
        )

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
