"""Writing a file the member chose, and saying in words why it could not be written.

The usual refusal on an office PC is a file still open in Excel or Acrobat: Windows refuses to
write it (a sharing violation, which Python reports as PermissionError), and it must read as
「ファイルが開かれています」, not as the unexpected-error dialog.
"""

from __future__ import annotations

import errno
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.redaction import redact

log = logging.getLogger(__name__)


def save_bytes(parent: QWidget | None, path: str | Path, data: bytes) -> bool:
    """Write `data` to `path`; a refusal is shown as a message box. True when written."""
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        show_save_error(parent, exc, path)
        return False
    return True


def show_save_error(parent: QWidget | None, error: OSError, path: str | Path) -> None:
    title, text = save_error_text(error, path)
    log.info("a chosen file could not be written: %s", type(error).__name__)
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("saveErrorBox")
    box.exec()


def save_error_text(error: OSError, path: str | Path) -> tuple[str, str]:
    """The box's title and text. The name is passed through the redactor: a member may have
    typed anything into it."""
    name = redact(str(path))
    if isinstance(error, PermissionError) and Path(path).is_file():
        return QCoreApplication.translate("Saving", "The file is open"), QCoreApplication.translate(
            "Saving",
            "%1 could not be written: it is open in another program (such as Excel or "
            "Acrobat), or it is read-only. Close it there and save again, or save it under "
            "another name.",
        ).replace("%1", name)
    if error.errno == errno.ENOSPC:
        return QCoreApplication.translate("Saving", "Could not save"), QCoreApplication.translate(
            "Saving",
            "%1 could not be written: the disk is full. Free some space or choose another place.",
        ).replace("%1", name)
    return QCoreApplication.translate("Saving", "Could not save"), QCoreApplication.translate(
        "Saving",
        "%1 could not be written. Check that the folder exists and that you may write to "
        "it, or choose another place.",
    ).replace("%1", name)
