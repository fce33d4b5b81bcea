"""Every file and folder dialog of the program, as a QFileDialog instance the lock can close.

The static QFileDialog functions show the native dialog on Windows. That dialog runs its own
modal loop: `QDialog.reject()` hides Qt's side of it, but `IFileDialog::Close` only works when
called from the dialog's own callbacks (Microsoft's documentation of IFileDialog::Close), and
Qt's documentation promises nothing about closing a native dialog from outside. An Explorer
window could so stay open over the lock screen and still hand back a name to write personal
data to. So Qt's own dialog is used on every platform (`DontUseNativeDialog`): it is a
QWidget, and the lock's `reject()` really closes it. As a second guard, a name chosen in a
dialog that was open when the screen locked is never returned, so nothing is written.

Call these through the module (`file_dialogs.get_save_file_name(...)`) so tests can replace
them; they take and return what the static QFileDialog functions do.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

OBJECT_NAME = "fileDialog"

_open: list[QDialog] = []
_locks = 0


def close_all() -> None:
    """The screen locks: every open file dialog is closed and none of them hands back a name."""
    global _locks
    _locks += 1
    for dialog in list(_open):
        dialog.reject()


def open_dialogs() -> list[QDialog]:
    return list(_open)


def exec_unless_locked(dialog: QDialog) -> bool:
    """Run a dialog that cannot be made non-native (the Windows print dialog): the lock
    rejects it, and if it stays open past the lock, its answer counts as a cancel."""
    locks_before = _locks
    _open.append(dialog)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        _open.remove(dialog)
    return accepted and _locks == locks_before


def _run(dialog: QFileDialog) -> tuple[list[str], str] | None:
    dialog.setObjectName(OBJECT_NAME)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    # Qt's Japanese catalogue leaves these two in English.
    dialog.setLabelText(
        QFileDialog.DialogLabel.LookIn, QCoreApplication.translate("FileDialogs", "Look in:")
    )
    dialog.setLabelText(
        QFileDialog.DialogLabel.FileType,
        QCoreApplication.translate("FileDialogs", "Files of type:"),
    )
    locks_before = _locks
    _open.append(dialog)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = (dialog.selectedFiles(), dialog.selectedNameFilter())
    finally:
        _open.remove(dialog)
        dialog.deleteLater()
    if not accepted or _locks != locks_before:
        return None
    return chosen


def get_save_file_name(
    parent: QWidget | None, caption: str = "", directory: str = "", filters: str = ""
) -> tuple[str, str]:
    """A name to save under (the suggested name may be in `directory`), and the chosen
    filter; ("", "") when cancelled or closed by the lock."""
    dialog = QFileDialog(parent, caption, directory, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    chosen = _run(dialog)
    if chosen is None or not chosen[0]:
        return "", ""
    return chosen[0][0], chosen[1]


def get_open_file_name(
    parent: QWidget | None, caption: str = "", directory: str = "", filters: str = ""
) -> tuple[str, str]:
    dialog = QFileDialog(parent, caption, directory, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen = _run(dialog)
    if chosen is None or not chosen[0]:
        return "", ""
    return chosen[0][0], chosen[1]


def get_existing_directory(parent: QWidget | None, caption: str = "", directory: str = "") -> str:
    dialog = QFileDialog(parent, caption, directory)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen = _run(dialog)
    if chosen is None or not chosen[0]:
        return ""
    return chosen[0][0]
