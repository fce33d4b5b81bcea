"""Errors shown in one place: service errors as Japanese message boxes, the rest as a crash
dialog that says what to do, with a redacted log entry."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import AppError, Busy

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


def retryable(error: BaseException) -> bool:
    """The data was only busy: the same action may simply be run again."""
    return isinstance(error, Busy)


def show_error(
    parent: QWidget | None, error: BaseException, retry: Callable[[], None] | None = None
) -> None:
    """`retry` runs the same action again; it is offered when the data was only busy (another
    window or command held it), the one failure that waiting fixes."""
    if isinstance(error, AppError):
        log.info("shown to user: %s", error.code)
    else:
        log.error("unexpected error", exc_info=error)
    if isinstance(error, Busy):
        if _in_use(parent, error, offer_retry=retry is not None) and retry is not None:
            retry()
        return
    _present(parent, error)


def _in_use(parent: QWidget | None, error: Busy, *, offer_retry: bool) -> bool:
    """The data is in use elsewhere: say so (never "damaged"); True when the user chose to
    try again (offered when the caller can run the action again)."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("Errors", "Data in use"),
        # One sentence a line: what happened, then what to do (no break inside a word).
        error.message.replace("。", "。\n").strip(),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("busyBox")
    again = None
    if offer_retry:
        again = box.addButton(
            QCoreApplication.translate("Errors", "Try again"), QMessageBox.ButtonRole.AcceptRole
        )
        again.setObjectName("busyRetryButton")
    close = box.addButton(
        QCoreApplication.translate("Errors", "Close"), QMessageBox.ButtonRole.RejectRole
    )
    close.setObjectName("busyCloseButton")
    box.setDefaultButton(again or close)
    box.setEscapeButton(close)
    box.exec()
    return again is not None and box.clickedButton() is again


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
