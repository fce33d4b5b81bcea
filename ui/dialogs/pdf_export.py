"""Saving a paper that carries numbers: an export (規程第35条). The file is the AES-256
encrypted PDF the service returns, written where the clerk chose (never a temporary folder),
and its password is shown once, to be sent separately."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import outputs
from app.session import Session
from ui import file_dialogs
from ui.context import UiContext
from ui.styles import make_primary, set_role


def in_temporary_folder(path: str | Path) -> bool:
    chosen = Path(path).resolve()
    temporary = Path(tempfile.gettempdir()).resolve()
    return chosen == temporary or temporary in chosen.parents


def save_encrypted(
    parent: QWidget,
    context: UiContext,
    output_id: int,
    pdf: bytes,
    file_name: str,
    destination: str | None = None,
) -> bool:
    """Ask for a file, refuse a temporary folder, export through the service, write, and show
    the password once. Returns whether the export was started (a file chosen)."""
    name, _ = file_dialogs.get_save_file_name(
        parent,
        parent.tr("Save as an encrypted PDF"),
        file_name,
        parent.tr("PDF (*.pdf)"),
    )
    if not name:
        return False
    if in_temporary_folder(name):
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            parent.tr("Choose another folder"),
            parent.tr(
                "A file carrying My Numbers cannot be saved in a temporary folder. Choose the "
                "folder where the office keeps such files."
            ),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setObjectName("exportTempFolderBox")
        box.exec()
        return False

    def work(session: Session) -> str | OSError:
        locked, password = outputs.export_pdf(session, output_id, pdf, destination)
        try:
            Path(name).write_bytes(locked)
        except OSError as exc:
            return exc
        return password

    def done(result: str | OSError) -> None:
        if isinstance(result, OSError):
            from ui.saving import show_save_error

            show_save_error(parent, result, name)
            return
        ExportPasswordDialog(result, Path(name).name, parent).exec()

    context.run(work, owner=parent, on_done=done)
    return True


class ExportPasswordDialog(QDialog):
    """The password of an exported PDF, shown this once."""

    def __init__(self, password: str, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportPasswordDialog")
        self.setWindowTitle(self.tr("Password of the PDF"))
        intro = QLabel(
            self.tr(
                "%1 was saved encrypted. It opens only with this password. Send the password "
                "separately from the file (by phone or another e-mail). It is not shown again "
                "and the program does not keep it."
            ).replace("%1", file_name)
        )
        intro.setWordWrap(True)
        self.password = QLabel(password)
        self.password.setObjectName("exportPassword")
        self.password.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_role(self.password, "heading")
        copy = QPushButton(self.tr("Copy the password"))
        copy.setObjectName("exportPasswordCopy")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(password))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        make_primary(buttons.button(QDialogButtonBox.StandardButton.Ok))
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.password)
        layout.addWidget(copy)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
