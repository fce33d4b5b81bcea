"""The 給与所得の源泉徴収票等の法定調書合計表 of 令和8年分: the sums of the stored slips per form
(everyone paid, and those whose slip is submitted with the number of slips), and its preview.
It carries only the payer's 法人番号, no one's My Number, so it may be saved as it is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.summary_table import SECTIONS, Row, SummaryTable
from app.domain.year_end import FORMS, RENT
from app.services import payment_forms, summary_table
from ui.context import UiContext
from ui.dialogs.statutory_output import PayerFields
from ui.styles import make_primary, set_role


class SummaryTableDialog(QDialog):
    def __init__(
        self,
        context: UiContext,
        year: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("summaryTableDialog")
        self.context = context
        self.year = year
        era = str(year - 2018)  # 令和
        self.setWindowTitle(
            self.tr("Summary table of statutory records (Reiwa %1)").replace("%1", era)
        )

        intro = QLabel(
            self.tr(
                "The totals of the records saved for Reiwa %1, per form: everyone paid, "
                "and those whose record is submitted to the tax office."
            ).replace("%1", era)
        )
        intro.setWordWrap(True)
        set_role(intro, "note")

        self.table = QTableWidget(len(SECTIONS) * 2, 5)
        self.table.setObjectName("summaryTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Form"),
                self.tr("People"),
                self.tr("Payments"),
                self.tr("Tax withheld"),
                self.tr("Records submitted"),
            ]
        )
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

        form = QFormLayout()
        self.payer = PayerFields(self, form)

        self.preview_button = QPushButton(self.tr("Preview…"))
        self.preview_button.setObjectName("summaryPreviewButton")
        make_primary(self.preview_button)
        self.preview_button.clicked.connect(self.preview)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(760, 520)
        context.run(payment_forms.office_payer, owner=self, on_done=self.payer.prefill)
        context.run(lambda s: summary_table.table(s, self.year), owner=self, on_done=self._show)

    def _show(self, sums: SummaryTable) -> None:
        for index, (form, _prefix) in enumerate(SECTIONS):
            section = sums.sections[form]
            for offset, (label, row) in enumerate(
                ((self.tr("Total"), section.total), (self.tr("Submitted"), section.submitted))
            ):
                self._row(index * 2 + offset, f"{FORMS[form]}　{label}", row, offset == 1, form)

    def _row(self, at: int, label: str, row: Row, submitted: bool, form: str) -> None:
        # The 不動産 section has no tax column, and only the submitted row counts sheets.
        tax = "" if form == RENT else f"{row.tax:,}"
        cells = [label, f"{row.people:,}", f"{row.payment:,}", tax]
        cells.append(f"{row.slips:,}" if submitted else "")
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(at, column, item)

    def preview(self) -> None:
        payer = self.payer.payer()
        title = FORMS["gokeihyo"]

        def shown(pdf: bytes) -> None:
            from ui.dialogs.pdf_preview import PdfPreviewDialog
            from ui.file_names import pdf_name

            name = pdf_name(title, f"{self.year}")
            PdfPreviewDialog(title, pdf, name, self).exec()

        self.context.run(
            lambda s: summary_table.render(s, self.year, payer), owner=self, on_done=shown
        )
