"""The 給与所得の源泉徴収票 of one employee: the clerk types the year's amounts, chooses the copy and
previews it in memory. A copy that carries numbers can be printed but not saved as a file."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.withholding_slip import (
    A4_TWO_UP,
    A6,
    FORM,
    MUNICIPAL,
    RECIPIENT,
    TAX_OFFICE,
    InvalidSlip,
    Payer,
    PersonYear,
)
from app.services import forms
from ui.context import UiContext
from ui.styles import make_primary, set_role

# The one year whose form the program holds (resources/forms/gensen_choshu/2026.json).
YEAR = 2026
AMOUNT_DIGITS = 10


class WithholdingSlipDialog(QDialog):
    def __init__(
        self, context: UiContext, person_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("withholdingSlipDialog")
        self.context = context
        self.person_id = person_id
        self.person_name = name
        self.setWindowTitle(self.tr("Withholding slip: %1").replace("%1", name))

        intro = QLabel(
            self.tr(
                "Enter the amounts of 2026 (Reiwa 8) from the year-end adjustment, in yen. "
                "The copy for the employee carries no My Number."
            )
        )
        intro.setWordWrap(True)
        set_role(intro, "note")

        self.copy_box = QComboBox()
        self.copy_box.setObjectName("slipCopy")
        self.copy_box.addItem(self.tr("For the employee (no numbers)"), RECIPIENT)
        self.copy_box.addItem(self.tr("For the tax office"), TAX_OFFICE)
        self.copy_box.addItem(self.tr("Salary payment report for the municipality"), MUNICIPAL)

        self.sheet_box = QComboBox()
        self.sheet_box.setObjectName("slipSheet")
        self.sheet_box.addItem(self.tr("A4 landscape, two slips per sheet"), A4_TWO_UP)
        self.sheet_box.addItem(self.tr("A6, one slip per sheet (true size)"), A6)

        digits = QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{AMOUNT_DIGITS}}}"), self)
        self.amounts: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.addRow(self.tr("Copy"), self.copy_box)
        form.addRow(self.tr("Paper"), self.sheet_box)
        for key, label in (
            ("payment", self.tr("Payments")),
            ("income_after_deduction", self.tr("Income after employment income deduction")),
            ("deductions_total", self.tr("Total income deductions")),
            ("tax", self.tr("Tax withheld")),
            ("social_insurance", self.tr("Social insurance premiums")),
        ):
            edit = QLineEdit()
            edit.setObjectName(f"amount_{key}")
            edit.setValidator(digits)
            self.amounts[key] = edit
            form.addRow(label, edit)
        self.payer_name = QLineEdit()
        self.payer_name.setObjectName("payerName")
        self.payer_number = QLineEdit()
        self.payer_number.setObjectName("payerCorporateNumber")
        self.payer_number.setMaxLength(13)
        form.addRow(self.tr("Payer"), self.payer_name)
        form.addRow(self.tr("Corporate number"), self.payer_number)

        self.error = QLabel()
        self.error.setObjectName("slipError")
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        self.error.hide()

        self.preview_button = QPushButton(self.tr("Preview…"))
        self.preview_button.setObjectName("slipPreviewButton")
        make_primary(self.preview_button)
        self.preview_button.clicked.connect(self.preview)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _slip(self) -> PersonYear:
        amounts = {key: int(edit.text()) for key, edit in self.amounts.items() if edit.text()}
        return PersonYear(person_id=self.person_id, year=YEAR, amounts=amounts)

    def preview(self) -> None:
        try:
            slip = self._slip()
        except InvalidSlip as exc:
            self._show_error(str(exc))
            return
        self.error.hide()
        copy = self.copy_box.currentData()
        payer = Payer(self.payer_name.text().strip(), corporate_number=self.payer_number.text())
        title = self.copy_box.currentText()
        person_id, amounts = self.person_id, dict(slip.amounts)
        sheet = self.sheet_box.currentData()
        self.context.run(
            lambda s: forms.render(
                s,
                YEAR,
                FORM,
                copy,
                [forms.person_year(s, person_id, YEAR, amounts)],
                payer,
                sheet=sheet,
            ),
            owner=self,
            on_done=lambda pdf: self._show_pdf(title, pdf, copy),
        )

    def _show_pdf(self, title: str, pdf: bytes, copy: str) -> None:
        from ui.dialogs.pdf_preview import PdfPreviewDialog
        from ui.file_names import pdf_name

        # Saving a copy with numbers is an export (encrypted, registered): not from here.
        file_name = pdf_name(title, self.person_name, self.context.workspace.clock.now())
        PdfPreviewDialog(title, pdf, file_name, self, allow_save=copy == RECIPIENT).exec()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
