"""What the dialogs of the 支払調書 and the 退職所得の源泉徴収票 share: the payer's fields, the
destination and method of a copy with numbers, dates that may be left empty, and what happens to a
rendered copy (the bulk-output reason, the in-program preview, and for a copy with numbers no
plain save: printed from the preview or exported encrypted)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QWidget,
)

from app.domain.outputs import DESTINATIONS, Method
from app.domain.withholding_slip import Payer
from app.services import outputs
from app.services.forms import Rendered
from ui.context import UiContext

# A date edit at its minimum shows this and means "not entered".
_NO_DATE = QDate(1900, 1, 1)


def date_edit(name: str, parent: QWidget) -> QDateEdit:
    """A date that may be left empty (shown as —)."""
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy/MM/dd")
    edit.setMinimumDate(_NO_DATE)
    edit.setSpecialValueText("—")
    edit.setDate(_NO_DATE)
    return edit


def date_text(edit: QDateEdit) -> str:
    """ISO date, or "" when none was entered."""
    day = edit.date()
    return "" if day == _NO_DATE else day.toString("yyyy-MM-dd")


def set_date(edit: QDateEdit, iso: str | None) -> None:
    edit.setDate(QDate.fromString(iso, "yyyy-MM-dd") if iso else _NO_DATE)


class PayerFields:
    """The payer block (支払者): name, address, phone and 法人番号."""

    def __init__(self, parent: QWidget, form: QFormLayout) -> None:
        self.name = QLineEdit(parent)
        self.name.setObjectName("payerName")
        self.address = QLineEdit(parent)
        self.address.setObjectName("payerAddress")
        self.phone = QLineEdit(parent)
        self.phone.setObjectName("payerPhone")
        self.number = QLineEdit(parent)
        self.number.setObjectName("payerCorporateNumber")
        self.number.setMaxLength(13)
        form.addRow(QCoreApplication.translate("StatutoryOutput", "Payer"), self.name)
        form.addRow(QCoreApplication.translate("StatutoryOutput", "Payer's address"), self.address)
        form.addRow(QCoreApplication.translate("StatutoryOutput", "Payer's phone"), self.phone)
        form.addRow(QCoreApplication.translate("StatutoryOutput", "Corporate number"), self.number)

    def prefill(self, payer: Payer) -> None:
        """The office's name, address, phone and 法人番号, where nothing was typed yet."""
        for edit, value in ((self.name, payer.name), (self.address, payer.address),
                            (self.phone, payer.phone),
                            (self.number, payer.corporate_number)):  # fmt: skip
            if not edit.text():
                edit.setText(value)
                edit.setCursorPosition(0)  # a long address shows its start (〒…), not its end

    def payer(self) -> Payer:
        return Payer(
            self.name.text().strip(),
            self.address.text().strip(),
            self.phone.text().strip(),
            self.number.text().strip(),
        )


class OrderFields:
    """Where a copy with numbers goes and how; asked only for such a copy."""

    def __init__(self, parent: QWidget, form: QFormLayout) -> None:
        self.destination = QComboBox(parent)
        self.destination.setObjectName("slipDestination")
        for destination in DESTINATIONS:
            self.destination.addItem(destination, destination)
        self.method = QComboBox(parent)
        self.method.setObjectName("slipMethod")
        self.method.addItem(
            QCoreApplication.translate("StatutoryOutput", "Paper (print)"), Method.PAPER.value
        )
        self.method.addItem(
            QCoreApplication.translate(
                "StatutoryOutput", "PDF (encrypted, password sent separately)"
            ),
            Method.PDF.value,
        )
        form.addRow(QCoreApplication.translate("StatutoryOutput", "Submitted to"), self.destination)
        form.addRow(QCoreApplication.translate("StatutoryOutput", "Output as"), self.method)

    def set_copy(self, numbered: bool, default: str) -> None:
        self.destination.setEnabled(numbered)
        self.method.setEnabled(numbered)
        self.destination.setCurrentIndex(self.destination.findData(default))

    def order(self, reason: str) -> outputs.Order:
        return outputs.Order(self.destination.currentData(), self.method.currentData(), reason)


def show_rendered(
    parent: QWidget,
    context: UiContext,
    title: str,
    person_name: str,
    done: Rendered | outputs.BulkReasonRequired,
    order: outputs.Order,
    retry: Callable[[str], None],
    *,
    printer: Callable[[QWidget, bytes, str], bool] | None = None,
) -> None:
    """The preview of a rendered copy. A bulk output first asks its reason (保有規程第28条) and
    renders again with it; a copy with numbers is never saved plainly. `printer`: how the
    preview prints (ui.form_printing.form_printer for a slip at true size)."""
    if isinstance(done, outputs.BulkReasonRequired):
        reason, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("StatutoryOutput", "Bulk output of My Numbers"),
            str(done) + "\n" + QCoreApplication.translate("StatutoryOutput", "Reason:"),
        )
        if ok and reason.strip():
            retry(reason.strip())
        return
    from ui.dialogs.output_preview import deliver_output
    from ui.dialogs.pdf_preview import PdfPreviewDialog
    from ui.file_names import pdf_name

    file_name = pdf_name(title, person_name, context.workspace.clock.now())
    if done.output_id is None:
        PdfPreviewDialog(title, done.pdf, file_name, parent, printer=printer).exec()
        return
    deliver_output(
        parent,
        context,
        done.output_id,
        done.pdf,
        title=title,
        file_name=file_name,
        order=order,
        printer=printer,
    )
