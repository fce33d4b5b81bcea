"""Calibrating a printer for pre-printed forms: the clerk prints the calibration page on plain
paper, lays it over a purchased form against the light, reads on the two scales how far the
form's lines are from the crosses, and enters that offset once for the printer.

The offset is kept on this PC per printer name (ui.print_offsets: layout data only, no
personal data), so the clerk calibrates without the manager."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.domain.print_offset import LIMIT_MM, STEP_MM, PrintOffset, offset
from app.domain.withholding_slip import FORM, PREPRINTED
from app.services import print_calibration
from ui import print_offsets
from ui.styles import make_primary, set_role


def available_printers() -> list[str]:
    """The printers of this PC, the default first."""
    names = list(QPrinterInfo.availablePrinterNames())
    default = QPrinterInfo.defaultPrinterName()
    if default in names:
        names.remove(default)
        names.insert(0, default)
    return names


class PrintCalibrationDialog(QDialog):
    def __init__(
        self,
        year: int,
        parent: QWidget | None = None,
        *,
        printers: Sequence[str] | None = None,
        printer: str = "",
        form: str = FORM,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printCalibrationDialog")
        self.setWindowTitle(self.tr("Print position for pre-printed forms"))
        self.year = year
        # The form whose pre-printed sets are calibrated: its own ruling and crosses, and the
        # offset of a sheet turned its way (ui.print_offsets).
        self.form = form
        try:
            self.portrait = print_calibration.portrait_sheet(year, form)
        except errors.AppError:
            self.portrait = False

        intro = QLabel(
            self.tr(
                "1. Print the calibration page on plain paper at actual size (100 %).\n"
                "2. Lay it over a pre-printed form and hold both against the light.\n"
                "3. On each cross's scale, read where the form's own line runs "
                "(right and down are +, one mark is 0.5 mm) and enter it below."
            )
        )
        intro.setWordWrap(True)
        set_role(intro, "note")

        self.printer_box = QComboBox()
        self.printer_box.setObjectName("calibrationPrinter")
        for name in available_printers() if printers is None else printers:
            self.printer_box.addItem(name, name)
        if printer and self.printer_box.findData(printer) >= 0:
            self.printer_box.setCurrentIndex(self.printer_box.findData(printer))
        self.printer_box.currentIndexChanged.connect(self._show_stored)

        self.x_box = self._spin("calibrationX")
        self.y_box = self._spin("calibrationY")

        self.error = QLabel()
        self.error.setObjectName("calibrationError")
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("Printer"), self.printer_box)
        form.addRow(self.tr("Across (right is +)"), self.x_box)
        form.addRow(self.tr("Down the page (down is +)"), self.y_box)

        self.print_button = QPushButton(self.tr("Print calibration page…"))
        self.print_button.setObjectName("calibrationPrintButton")
        self.print_button.clicked.connect(self.print_page)
        self.save_button = QPushButton(self.tr("Save for this printer"))
        self.save_button.setObjectName("calibrationSaveButton")
        make_primary(self.save_button)
        self.save_button.clicked.connect(self.save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        if self.printer_box.count() == 0:
            missing = QLabel(self.tr("No printer is set up on this PC."))
            missing.setObjectName("calibrationNoPrinter")
            set_role(missing, "banner-warning")
            layout.addWidget(missing)
            self.save_button.setEnabled(False)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._show_stored()

    def _spin(self, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setObjectName(name)
        spin.setRange(-LIMIT_MM, LIMIT_MM)
        spin.setSingleStep(STEP_MM)
        spin.setDecimals(1)
        spin.setSuffix(" mm")
        return spin

    def printer_name(self) -> str:
        return self.printer_box.currentData() or ""

    def _show_stored(self) -> None:
        name = self.printer_name()
        stored = print_offsets.load(name, portrait=self.portrait) if name else PrintOffset()
        self.x_box.setValue(stored.x)
        self.y_box.setValue(stored.y)

    def print_page(self) -> None:
        """The calibration page, previewed from memory and printed at true size, unmoved."""
        from ui.dialogs.pdf_preview import PdfPreviewDialog
        from ui.form_printing import print_form

        try:
            pdf = print_calibration.calibration_page(self.year, self.form, sheet=PREPRINTED)
        except errors.AppError as exc:
            self._show_error(exc.message)
            return
        self.error.hide()
        PdfPreviewDialog(
            self.tr("Calibration page"),
            pdf,
            "calibration.pdf",
            self,
            allow_save=False,
            printer=lambda parent, data, title: print_form(
                parent, data, title, preprinted=False, numbers=False
            ),
        ).exec()

    def save(self) -> None:
        name = self.printer_name()
        if not name:
            return
        value = offset(self.x_box.value(), self.y_box.value())
        print_offsets.save(name, value, portrait=self.portrait)
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
