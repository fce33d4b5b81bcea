"""The outputs register (持出し・出力記録, 規程第35条): every paper or file with numbers that left
the desk, its confirmation (提出済 / 交付済 / 廃棄済 / 返却, as fit where it went), the copies
previewed and closed without printing (取消（出力せず）), and the printable register."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.display_dates import japanese_time
from app.domain.outputs import CONFIRMED, FORM_LABELS, Method, State, states_for
from app.services import outputs
from ui.context import UiContext
from ui.styles import make_primary, set_role
from ui.window_state import fit_to_screen


class OutputsDialog(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outputsDialog")
        self.context = context
        self.entries: list[outputs.Entry] = []
        self.setWindowTitle(self.tr("Outputs register"))
        intro = QLabel(
            self.tr(
                "Every print or saved file that carries My Numbers. When a paper has been "
                "submitted, handed over, destroyed or returned, record it here. A copy that was "
                "previewed and closed without being printed or saved shows as withdrawn."
            )
        )
        intro.setWordWrap(True)
        set_role(intro, "note")
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("outputsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Made"),
                self.tr("Document"),
                self.tr("Persons"),
                self.tr("Submitted to"),
                self.tr("Method"),
                self.tr("Result"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.state_box = QComboBox()
        self.state_box.setObjectName("outputState")
        self.state_box.setAccessibleName(self.tr("Result of the selected output"))
        self.confirm_button = QPushButton(self.tr("Record the result"))
        self.confirm_button.setObjectName("outputConfirmButton")
        make_primary(self.confirm_button)
        self.confirm_button.clicked.connect(self._confirm)
        self.print_button = QPushButton(self.tr("Outputs register (PDF)…"))
        self.print_button.setObjectName("outputsRegisterButton")
        self.print_button.clicked.connect(self._print)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Result of the selected output:")))
        row.addWidget(self.state_box)
        row.addWidget(self.confirm_button)
        row.addStretch()
        row.addWidget(self.print_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        fit_to_screen(self, 1000, 520)
        self._selection_changed()
        self.load()

    def load(self) -> None:
        self.context.run(outputs.entries, owner=self, on_done=self._show)

    def _show(self, entries: list[outputs.Entry]) -> None:
        self.entries = entries
        self.table.setRowCount(len(entries))
        for index, entry in enumerate(entries):
            row = entry.row
            result = State(row.state).label
            if row.confirmed_at:
                result += f"（{japanese_time(row.confirmed_at)} {row.confirmed_by_name}）"
            elif entry.overdue:
                result += self.tr(" (past the day to confirm)")
            document = FORM_LABELS.get(row.form, row.form)
            if row.year:
                document += self.tr(" (%1)").replace("%1", f"{row.year}年分")
            texts = (
                entry.number,
                f"{japanese_time(row.made_at)} {row.made_by_name}",
                document,
                f"{row.persons}",
                row.destination,
                Method(row.method).label,
                result,
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if row.state == State.WITHDRAWN:  # nothing left the desk: shown muted
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(index, column, item)
        self.table.resizeRowsToContents()
        self._selection_changed()

    def _selected(self) -> outputs.Entry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        """The results offered are those that fit where the selected paper went (本人:
        交付済, an authority: 提出済, a consignee: either; 返却 and 廃棄済 for all)."""
        entry = self._selected()
        open_entry = entry is not None and entry.row.state == State.OUT
        states = states_for(entry.row.destination) if entry is not None else CONFIRMED
        wanted = [(state.label, state.value) for state in states]
        shown = [
            (self.state_box.itemText(i), self.state_box.itemData(i))
            for i in range(self.state_box.count())
        ]
        if wanted != shown:
            self.state_box.clear()
            for label, value in wanted:
                self.state_box.addItem(label, value)
        self.state_box.setEnabled(open_entry)
        self.confirm_button.setEnabled(open_entry)

    def _confirm(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        output_id, state = entry.row.id, self.state_box.currentData()
        self.context.run(
            lambda s: outputs.confirm(s, output_id, state),
            owner=self,
            on_done=lambda _e: self.load(),
        )

    def _print(self) -> None:
        from ui.dialogs.pdf_preview import PdfPreviewDialog
        from ui.file_names import pdf_name

        title = self.tr("Outputs register")
        today = self.context.workspace.clock.now().date()
        self.context.run(
            outputs.register_pdf,
            owner=self,
            on_done=lambda pdf: PdfPreviewDialog(title, pdf, pdf_name(title, today), self).exec(),
        )
