"""Errors shown in one place: service errors as Japanese message boxes, the rest as a crash
dialog that says what to do, with a redacted log entry."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import AppError

log = logging.getLogger(__name__)


def message_for(error: BaseException) -> str:
    """The text a user sees; typed errors carry their own, anything else a generic one."""
    if isinstance(error, AppError):
        return error.message
    return QCoreApplication.translate(
        "Errors",
        "An unexpected error occurred. The data already saved is safe. "
        "Please tell the person responsible for this PC; details were written to the log.",
    )


def show_error(parent: QWidget | None, error: BaseException) -> None:
    if isinstance(error, AppError):
        log.info("shown to user: %s", error.code)
    else:
        log.error("unexpected error", exc_info=error)
    _present(parent, error)


def install_crash_dialog() -> None:
    """Exceptions escaping a slot: a redacted log entry and a dialog, never a traceback."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        logging.getLogger("crash").error("unexpected error", exc_info=(kind, value, tb))
        _present(None, value)

    sys.excepthook = hook


def _present(parent: QWidget | None, error: BaseException) -> None:
    if isinstance(error, AppError):
        QMessageBox.warning(
            parent, QCoreApplication.translate("Errors", "Could not complete"), error.message
        )
    else:
        _unexpected_dialog(parent, error)


def _unexpected_dialog(parent: QWidget | None, error: BaseException) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Errors", "Unexpected error"),
        message_for(error),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("unexpectedErrorBox")
    box.exec()
