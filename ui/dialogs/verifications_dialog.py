"""The identity verification records (本人確認記録) of one person, each printable as a PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.access import Permission, may
from app.domain.display_dates import japanese_time
from app.domain.verification import Outcome
from app.services import verification, verification_scans
from app.services.verification import VerificationRow
from app.services.verification_scans import MEDIA_LABELS, ScanContent, ScanInfo
from ui import file_dialogs
from ui.context import UiContext
from ui.printing import page_images
from ui.widgets.tables import make_read_only


class VerificationsDialog(QDialog):
    def __init__(
        self, context: UiContext, person_id: int, person_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("verificationsDialog")
        self.context = context
        self.person_name = person_name  # for the name a saved PDF is offered under
        self.rows: list[VerificationRow] = []
        self.setWindowTitle(self.tr("Identity check records — %1").replace("%1", person_name))
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("verificationsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Checked on"),
                self.tr("Received"),
                self.tr("Provided by"),
                self.tr("Result"),
                self.tr("Checked by"),
            ]
        )
        make_read_only(
            self.table, stretch=4, widths=((0, 50), (1, 110), (2, 80), (3, 200), (5, 100))
        )
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(self._print)
        self.empty = QLabel(self.tr("No identity check has been recorded for this person."))
        self.empty.setObjectName("verificationsEmpty")
        self.empty.setVisible(False)
        note = QLabel(self.tr("The records keep document types only, never a number or image."))
        note.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Show the record (PDF)…"))
        self.print_button.setObjectName("printVerificationButton")
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self._print)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(note)
        layout.addWidget(self._scans_box())
        layout.addWidget(buttons)
        self.resize(760, 480)
        context.run(lambda s: verification.history(s, person_id), owner=self, on_done=self._show)

    def _show(self, rows: list[VerificationRow]) -> None:
        self.rows = rows
        self.empty.setVisible(not rows)
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            values = (
                str(row.id),
                row.verified_on,
                # A dependant's record names the employee's form, not a channel.
                verification.channel_text(row),
                verification.provider_text(row),
                Outcome(row.outcome).label,
                row.recorded_by_name,
            )
            for column, value in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(value))
        if rows:
            self.table.selectRow(0)

    def _scans_box(self) -> QGroupBox:
        """Copies of the documents, for those who handle numbers; adding needs the setting,
        viewing and deleting work whatever it says, so copies can always be got rid of."""
        session = self.context.session
        self.handles = session is not None and may(session.user.roles, Permission.HANDLE_NUMBERS)
        self.scans_box = QGroupBox(self.tr("Copies of the documents (encrypted)"))
        self.scans_box.setObjectName("scansBox")
        self.scan_list = QListWidget()
        self.scan_list.setObjectName("scanList")
        self.scan_list.setMaximumHeight(110)
        self.scan_list.itemDoubleClicked.connect(self._view_scan)
        self.scan_note = QLabel()
        self.scan_note.setWordWrap(True)
        self.add_scan_button = QPushButton(self.tr("Add a copy…"))
        self.add_scan_button.setObjectName("addScanButton")
        self.add_scan_button.clicked.connect(self._add_scan)
        self.view_scan_button = QPushButton(self.tr("View"))
        self.view_scan_button.setObjectName("viewScanButton")
        self.view_scan_button.clicked.connect(self._view_scan)
        self.delete_scan_button = QPushButton(self.tr("Delete"))
        self.delete_scan_button.setObjectName("deleteScanButton")
        self.delete_scan_button.clicked.connect(self._delete_scan)
        row = QHBoxLayout()
        for button in (self.add_scan_button, self.view_scan_button, self.delete_scan_button):
            row.addWidget(button)
        row.addStretch()
        inner = QVBoxLayout(self.scans_box)
        inner.addWidget(self.scan_list)
        inner.addWidget(self.scan_note)
        inner.addLayout(row)
        self.scans_box.setVisible(False)
        self.scans: list[ScanInfo] = []
        return self.scans_box

    def _selected(self) -> None:
        self.print_button.setEnabled(bool(self.table.selectedItems()))
        self._load_scans()

    def _current(self) -> VerificationRow | None:
        selected = self.table.currentRow()
        return self.rows[selected] if 0 <= selected < len(self.rows) else None

    def _load_scans(self) -> None:
        current = self._current()
        if current is None or not self.handles:
            self.scans_box.setVisible(False)
            return
        verification_id = current.id
        self.context.run(
            lambda s: (
                verification_scans.enabled(s),
                verification_scans.scans(s, verification_id),
            ),
            owner=self,
            on_done=self._show_scans,
        )

    def _show_scans(self, result: tuple[bool, list[ScanInfo]]) -> None:
        enabled, scans = result
        self.scans = scans
        self.scans_box.setVisible(enabled or bool(scans))
        self.scan_list.clear()
        for scan in scans:
            item = QListWidgetItem(
                f"{MEDIA_LABELS.get(scan.media_type, scan.media_type)}　"
                f"{max(scan.byte_size // 1024, 1):,} KB　{japanese_time(scan.added_at)}　"
                f"{scan.added_by_name}"
            )
            self.scan_list.addItem(item)
        if scans:
            self.scan_list.setCurrentRow(0)
        self.add_scan_button.setEnabled(enabled)
        self.view_scan_button.setEnabled(bool(scans))
        self.delete_scan_button.setEnabled(bool(scans))
        self.scan_note.setText(
            self.tr(
                "A copy of a card's back or a 住民票 is specific personal information too: keep "
                "only what you need, and delete the file you added from your PC yourself."
            )
            if enabled
            else self.tr("Adding copies is switched off in the settings.")
        )

    def _scan(self) -> ScanInfo | None:
        row = self.scan_list.currentRow()
        return self.scans[row] if 0 <= row < len(self.scans) else None

    def _add_scan(self) -> None:
        current = self._current()
        if current is None:
            return
        name, _ = file_dialogs.get_open_file_name(
            self,
            self.tr("Copy of a document"),
            "",
            self.tr("Images or PDF (*.png *.jpg *.jpeg *.pdf)"),
        )
        if not name:
            return
        verification_id, path = current.id, Path(name)
        self.context.run(
            lambda s: verification_scans.add_scan(s, verification_id, path),
            owner=self,
            on_done=lambda _info: self._load_scans(),
        )

    def _view_scan(self) -> None:
        scan = self._scan()
        if scan is None:
            return
        scan_id = scan.id
        self.context.run(
            lambda s: verification_scans.open_scan(s, scan_id),
            owner=self,
            on_done=self._show_scan,
        )

    def _show_scan(self, content: ScanContent) -> None:
        ScanViewDialog(content.data, content.info.media_type == "application/pdf", self).exec()

    def _delete_scan(self) -> None:
        scan = self._scan()
        if scan is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete the copy"),
            self.tr("Delete this copy of the document? It cannot be restored."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        scan_id = scan.id
        self.context.run(
            lambda s: verification_scans.delete_scan(s, scan_id),
            owner=self,
            on_done=lambda _none: self._load_scans(),
        )

    def _print(self) -> None:
        from ui.dialogs.pdf_preview import PdfPreviewDialog
        from ui.file_names import pdf_name

        current = self._current()
        if current is None:
            return
        verification_id = current.id
        self.context.run(
            lambda s: verification.record_pdf(s, verification_id),
            owner=self,
            on_done=lambda pdf: PdfPreviewDialog(
                self.tr("Identity check record"),
                pdf,
                pdf_name(self.tr("Identity check record"), self.person_name, current.verified_on),
                self,
            ).exec(),
        )


class ScanViewDialog(QDialog):
    """A copy decrypted into memory and shown; no save or print button, since the copy may
    show the number and only the one reveal path shows it."""

    def __init__(self, data: bytes, is_pdf: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanViewDialog")
        self.setWindowTitle(self.tr("Copy of a document"))
        pages = QWidget()
        column = QVBoxLayout(pages)
        images: list[QPixmap] = []
        if is_pdf:
            try:
                images = [QPixmap.fromImage(image) for image in page_images(data, 110)]
            except Exception:  # a damaged PDF: said below, nothing else to do with it
                images = []
        else:
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            images = [pixmap] if not pixmap.isNull() else []
        for pixmap in images:
            label = QLabel()
            label.setObjectName("scanImage")
            label.setPixmap(
                pixmap.scaledToWidth(
                    min(pixmap.width(), 900), Qt.TransformationMode.SmoothTransformation
                )
            )
            column.addWidget(label)
        if not images:
            column.addWidget(QLabel(self.tr("This image cannot be shown.")))
        scroll = QScrollArea()
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(940, 700)
