"""The recovery sheet on screen: preview, print or save, and the confirmation it is kept safe.
Used by the set-up wizard and when the manager re-issues the key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui import file_dialogs
from ui.printing import preview_pixmap, print_pdf


class RecoverySheetPanel(QWidget):
    completeness_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf: bytes = b""
        self.handled = False
        self.preview = QLabel(self.tr("Preparing the sheet…"))
        self.preview.setObjectName("recoveryPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setMinimumHeight(360)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printRecoveryButton")
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("saveRecoveryButton")
        self.confirm = QCheckBox(
            self.tr("I have printed or saved the recovery sheet and will keep it in the safe.")
        )
        self.confirm.setObjectName("recoveryConfirmedCheck")
        self.confirm.setEnabled(False)
        self.confirm.toggled.connect(self.completeness_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        layout.addLayout(buttons)
        layout.addWidget(self.confirm)
        self.print_button.clicked.connect(self._print)
        self.save_button.clicked.connect(self._save)
        for button in (self.print_button, self.save_button):
            button.setEnabled(False)

    def show_sheet(self, pdf: bytes) -> None:
        self.pdf = pdf
        self.preview.setPixmap(preview_pixmap(pdf, 560))
        for button in (self.print_button, self.save_button):
            button.setEnabled(True)

    def mark_handled(self) -> None:
        self.handled = True
        self.confirm.setEnabled(True)

    def is_complete(self) -> bool:
        return self.handled and self.confirm.isChecked()

    def _print(self) -> None:
        if print_pdf(self, self.pdf, self.tr("Recovery sheet")):
            self.mark_handled()

    def _save(self) -> None:
        from ui.file_names import pdf_name
        from ui.saving import save_bytes

        start = _unsynced_folder()
        suggested = pdf_name(self.tr("Recovery sheet"))
        while True:
            name, _ = file_dialogs.get_save_file_name(
                self,
                self.tr("Save the recovery sheet"),
                str(start / suggested) if start is not None else suggested,
                self.tr("PDF (*.pdf)"),
            )
            if not name or not self._synced_and_declined(Path(name)):
                break
            start = Path(name).parent
        # Only a sheet that is really on disk counts as kept.
        if name and save_bytes(self, name, self.pdf):
            self.mark_handled()

    def _synced_and_declined(self, chosen: Path) -> bool:
        """A folder OneDrive uploads would put the recovery key in the cloud: said, and
        another place offered first. True when the member goes back to choose again."""
        from app.paths import cloud_synced_root

        if cloud_synced_root(chosen.parent) is None:
            return False
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("This folder is uploaded to OneDrive"),
            self.tr(
                "The folder you chose is synchronised with OneDrive, so the recovery sheet "
                "would be copied to the cloud. Save it on a USB memory or in a folder that is "
                "not synchronised, and keep the printout in the safe."
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("oneDriveWarningBox")
        again = box.addButton(self.tr("Choose another place"), QMessageBox.ButtonRole.RejectRole)
        again.setObjectName("chooseAnotherPlaceButton")
        anyway = box.addButton(self.tr("Save here anyway"), QMessageBox.ButtonRole.AcceptRole)
        anyway.setObjectName("saveHereAnywayButton")
        box.setDefaultButton(again)
        box.setEscapeButton(again)
        box.exec()
        return box.clickedButton() is not anyway


def _unsynced_folder() -> Path | None:
    """Where the save dialog opens: Documents, else Downloads, else the home folder, the first
    that OneDrive does not upload (Known Folder Move moves Documents and the desktop)."""
    from app.paths import first_unsynced

    kinds = (
        QStandardPaths.StandardLocation.DocumentsLocation,
        QStandardPaths.StandardLocation.DownloadLocation,
        QStandardPaths.StandardLocation.HomeLocation,
    )
    folders = [Path(QStandardPaths.writableLocation(kind)) for kind in kinds]
    return first_unsynced([folder for folder in folders if str(folder) not in ("", ".")])


class RecoverySheetDialog(QDialog):
    """After a re-issue: the new sheet, which must be printed or saved before closing."""

    def __init__(self, pdf: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoverySheetDialog")
        self.setWindowTitle(self.tr("New recovery sheet"))
        intro = QLabel(
            self.tr(
                "A new recovery key was issued; the old sheet no longer opens this data "
                "(backups made before today still open with it). Print or save the new "
                "sheet, keep it in the safe and shred the old one."
            )
        )
        intro.setWordWrap(True)
        self.panel = RecoverySheetPanel()
        self.panel.show_sheet(pdf)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.panel.completeness_changed.connect(
            lambda: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
                self.panel.is_complete()
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.panel)
        layout.addWidget(self.buttons)
        self.resize(680, 640)

    def reject(self) -> None:
        """Closing is refused until the sheet is kept: the new key exists nowhere else."""
        if self.panel.is_complete():
            super().reject()
