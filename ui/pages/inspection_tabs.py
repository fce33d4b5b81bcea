"""The 自己点検 and 対応表 tabs of the 点検・研修 page: the yearly self-inspection's findings on
screen, with its report previewed and printed in the program's own preview; and the compliance
map of the two regulations."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import self_inspection
from app.services.self_inspection import SelfInspection
from ui import icons
from ui.context import UiContext
from ui.styles import make_primary, set_flag, set_role


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    # Rows as tall as their wrapped text, measured against the columns' real widths.
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    return table


class SelfInspectionTab(QWidget):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selfInspectionTab")
        self.context = context
        session = context.session
        this_year = session.clock.now().year if session is not None else 2026
        self.year = QSpinBox()
        self.year.setObjectName("inspectionYear")
        self.year.setRange(self_inspection.FIRST_YEAR, this_year)
        self.year.setValue(this_year)
        self.year.setSuffix(self.tr(" (year)"))
        self.year.valueChanged.connect(lambda _v: self.load())
        self.preview_button = QPushButton(
            icons.icon("print", icons.ON_PRIMARY), self.tr("Preview and print the report…")
        )
        self.preview_button.setObjectName("inspectionPreviewButton")
        make_primary(self.preview_button)
        self.preview_button.clicked.connect(self._preview)
        self.summary = QLabel()
        self.summary.setObjectName("inspectionSummary")
        self.summary.setWordWrap(True)
        self.table = _table("inspectionTable", [self.tr("Item"), self.tr("Finding")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 300)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year inspected")))
        top.addWidget(self.year)
        top.addStretch()
        top.addWidget(self.preview_button)
        note = QLabel(
            self.tr(
                "The report is made from what the program holds for the year: accounts, reveals "
                "per member, numbers past their date, unconfirmed outputs, incidents, overdue "
                "work, training, the account review and the access-log check. The 事務取扱責任者 "
                "and the 特定個人情報管理責任者 sign the printed report."
            )
        )
        note.setWordWrap(True)
        set_role(note, "note")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def load(self) -> None:
        year = self.year.value()
        self.context.run(lambda s: self_inspection.build(s, year), owner=self, on_done=self._show)

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.summary.clear()

    def _show(self, found: SelfInspection) -> None:
        self.table.setRowCount(len(found.sections))
        for row, section in enumerate(found.sections):
            title = QTableWidgetItem(section.title)
            finding = QTableWidgetItem(section.finding)
            if section.attention:
                title.setIcon(icons.icon("warning"))
            self.table.setItem(row, 0, title)
            self.table.setItem(row, 1, finding)
        if found.attention:
            self.summary.setText(
                self.tr("%1 items need attention.").replace("%1", str(found.attention))
            )
            set_role(self.summary, "banner-warning")
        else:
            self.summary.setText(self.tr("No item needs attention."))
            set_role(self.summary, "banner-info")
        set_flag(self.summary, "attention", bool(found.attention))

    def _preview(self) -> None:
        from ui.dialogs.pdf_preview import PdfPreviewDialog
        from ui.file_names import pdf_name

        year = self.year.value()
        title = self.tr("Self-inspection report")
        self.context.run(
            lambda s: self_inspection.report_pdf(s, year),
            owner=self,
            on_done=lambda pdf: PdfPreviewDialog(
                title, pdf, pdf_name(title, self.tr("%1 (year)").replace("%1", str(year))), self
            ).exec(),
        )


class ComplianceTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complianceTab")
        note = QLabel(
            self.tr(
                "For each article of the office's two regulations: what the program does and "
                "where. Articles the program cannot serve are left to the office (運用で対応). "
                "The same table is printed with the self-inspection report."
            )
        )
        note.setWordWrap(True)
        set_role(note, "note")
        self.table = _table(
            "complianceTable",
            [
                self.tr("Regulation"),
                self.tr("Article"),
                self.tr("Subject"),
                self.tr("What is done"),
                self.tr("Where"),
            ],
        )
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 150), (1, 120), (2, 170), (4, 170)):
            self.table.setColumnWidth(column, width)
        rows = self_inspection.compliance_rows()
        self.table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
