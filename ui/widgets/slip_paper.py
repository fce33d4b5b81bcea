"""The paper of a statutory form: plain A4 (two enlarged slips, or four true-size slips with
crop marks), one true-size A6 slip a sheet, or only the values onto pre-printed forms, whose
printing position is calibrated per printer. The same papers for every slip form: an upright
slip (給与) and a landscape one (支払調書, 退職) are each arranged their own way
(reports.form_sheets)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from app.domain.withholding_slip import A4_FOUR_UP, A4_TWO_UP, A6, FORM, PREPRINTED


class SlipPaperBox(QWidget):
    def __init__(self, year: int, parent: QWidget | None = None, *, form: str = FORM) -> None:
        super().__init__(parent)
        self.year = year
        self.form = form
        self.sheet_box = QComboBox()
        self.sheet_box.setObjectName("slipSheet")
        # Narrower than its longest paper's name where the dialog is narrow (the full name in
        # the list): the row never widens a form into a horizontal scroll.
        self.sheet_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.sheet_box.setMinimumContentsLength(10)
        self.sheet_box.addItem(self.tr("A4, two slips per sheet (enlarged)"), A4_TWO_UP)
        self.sheet_box.addItem(
            self.tr("A4, four slips per sheet (actual size, crop marks)"), A4_FOUR_UP
        )
        self.sheet_box.addItem(self.tr("A6, one slip per sheet (actual size)"), A6)
        self.sheet_box.addItem(self.tr("Pre-printed forms (values only)"), PREPRINTED)
        self.sheet_box.setToolTip(
            self.tr(
                "Pre-printed forms: only the values are printed, two slips on A4, "
                "moved by the position saved for the printer."
            )
        )
        self.calibrate_button = QPushButton(self.tr("Print position…"))
        self.calibrate_button.setObjectName("slipCalibrateButton")
        self.calibrate_button.clicked.connect(self.calibrate)
        self.sheet_box.currentIndexChanged.connect(self._sheet_changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.sheet_box, 1)
        row.addWidget(self.calibrate_button)
        self._sheet_changed()

    def sheet(self) -> str:
        return self.sheet_box.currentData()

    def preprinted(self) -> bool:
        return self.sheet() == PREPRINTED

    def _sheet_changed(self) -> None:
        self.calibrate_button.setVisible(self.preprinted())

    def calibrate(self) -> None:
        from ui.dialogs.print_calibration_dialog import PrintCalibrationDialog

        PrintCalibrationDialog(self.year, self, form=self.form).exec()
