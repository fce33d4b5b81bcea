"""The main window's menus (ファイル, ヘルプ) and what their entries do.

The texts are translated in the MainWindow context, where they were when this was part of
ui/main_window.py (QCoreApplication.translate with a literal context, which lupdate reads)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox

from app.domain.access import Permission, may
from app.services import auth, backup
from app.session import Session
from ui import file_dialogs, icons
from ui.errors import show_error

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def build_menu(window: MainWindow, session: Session) -> None:
    """ファイル and ヘルプ; the entries a member's roles do not allow are not there at all
    (the services refuse them anyway)."""
    file_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
    window.lock_action = QAction(
        QCoreApplication.translate("MainWindow", "Lock the screen"), window
    )
    window.lock_action.setObjectName("lockAction")
    window.lock_action.setShortcut(QKeySequence("Ctrl+L"))
    window.lock_action.triggered.connect(lambda: window.lock("shortcut"))
    file_menu.addAction(window.lock_action)
    if may(session.user.roles, Permission.MAKE_BACKUP):
        backup_action = QAction(QCoreApplication.translate("MainWindow", "Back up…"), window)
        backup_action.setObjectName("backupAction")
        backup_action.triggered.connect(lambda: make_backup(window))
        file_menu.addAction(backup_action)
    if may(session.user.roles, Permission.REISSUE_RECOVERY_KEY):
        reissue_action = QAction(
            QCoreApplication.translate("MainWindow", "Re-issue the recovery key…"), window
        )
        reissue_action.setObjectName("reissueRecoveryAction")
        reissue_action.triggered.connect(lambda: reissue_recovery_key(window))
        file_menu.addAction(reissue_action)
    password_action = QAction(
        QCoreApplication.translate("MainWindow", "Change my password…"), window
    )
    password_action.setObjectName("changePasswordAction")
    password_action.triggered.connect(lambda: change_password(window))
    file_menu.addAction(password_action)
    window.sign_out_action = QAction(QCoreApplication.translate("MainWindow", "Sign out"), window)
    window.sign_out_action.setObjectName("signOutAction")
    window.sign_out_action.triggered.connect(window.sign_out)
    file_menu.addAction(window.sign_out_action)
    help_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    manual_action = QAction(
        icons.icon("book"), QCoreApplication.translate("MainWindow", "User manual"), window
    )
    manual_action.setObjectName("manualAction")
    # F1 on every system (Qt's HelpContents is Ctrl+? on macOS, so it is named outright); in
    # the main window only, since a modal dialog over it would block the manual's window.
    manual_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
    manual_action.triggered.connect(lambda: open_manual(window))
    help_menu.addAction(manual_action)
    manual_pdf_action = QAction(
        QCoreApplication.translate("MainWindow", "Save the manual as PDF…"), window
    )
    manual_pdf_action.setObjectName("manualPdfAction")
    manual_pdf_action.triggered.connect(lambda: save_manual_pdf(window))
    help_menu.addAction(manual_pdf_action)
    help_menu.addSeparator()
    about_action = QAction(QCoreApplication.translate("MainWindow", "About MyNumber Desk"), window)
    about_action.setObjectName("aboutAction")
    about_action.triggered.connect(lambda: about(window))
    help_menu.addAction(about_action)


def make_backup(window: MainWindow) -> None:
    folder = file_dialogs.get_existing_directory(
        window, QCoreApplication.translate("MainWindow", "Back up to which folder?")
    )
    if not folder:
        return
    target = Path(folder)
    window.context.run(
        lambda s: backup.make_backup(s, target),
        owner=window,
        on_done=lambda done: QMessageBox.information(
            window,
            QCoreApplication.translate("MainWindow", "Backup made"),
            QCoreApplication.translate(
                "MainWindow", "The backup was written and checked: %1"
            ).replace("%1", str(done.path)),
        ),
    )


def reissue_recovery_key(window: MainWindow) -> None:
    from ui.dialogs.password_dialogs import ConfirmPasswordDialog
    from ui.dialogs.recovery_sheet import RecoverySheetDialog

    confirm = ConfirmPasswordDialog(
        QCoreApplication.translate("MainWindow", "re-issue the recovery key"), window
    )
    if confirm.exec() != QDialog.DialogCode.Accepted:
        return
    password = confirm.password()

    def work(session: Session) -> bytes:
        from app.services import setup

        auth.reauthenticate(session, password)
        key = setup.reissue_recovery_key(session)
        return setup.recovery_sheet_pdf(session, key)

    window.context.run(
        work, owner=window, on_done=lambda pdf: RecoverySheetDialog(pdf, window).exec()
    )


def change_password(window: MainWindow) -> None:
    from ui.dialogs.password_dialogs import NewPasswordDialog

    dialog = NewPasswordDialog(
        QCoreApplication.translate("MainWindow", "Change my password"),
        QCoreApplication.translate(
            "MainWindow", "Only your own key slot is re-encrypted; nothing else changes."
        ),
        login=window.login,
        display_name=window.display_name,
        ask_current=True,
        parent=window,
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    current, new = dialog.current_edit.text(), dialog.new_edit.text()
    window.context.run(
        lambda s: auth.change_password(s, current, new),
        owner=window,
        on_done=lambda _r: QMessageBox.information(
            window,
            QCoreApplication.translate("MainWindow", "Password changed"),
            QCoreApplication.translate("MainWindow", "Your password was changed."),
        ),
        on_error=lambda error: show_error(window, error),
    )


def about(window: MainWindow) -> None:
    from ui.dialogs.about_dialog import AboutDialog

    AboutDialog(window.context.workspace.data_dir, window).exec()


def open_manual(window: MainWindow) -> None:
    """The manual beside the work (not modal); F1 again brings the open one forward."""
    from ui.dialogs.manual_dialog import ManualDialog

    dialog = window.findChild(ManualDialog, "manualDialog")
    if dialog is None:
        dialog = ManualDialog(window, save_pdf=lambda: save_manual_pdf(window))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()


def save_manual_pdf(window: MainWindow) -> None:
    """The manual as a PDF under a name the member chooses (it holds no personal data, so it
    is neither encrypted nor registered as an output)."""
    from app.about import VERSION
    from app.services import manual
    from ui.file_names import pdf_name
    from ui.saving import save_bytes

    path, _filter = file_dialogs.get_save_file_name(
        window,
        QCoreApplication.translate("MainWindow", "Save the manual as PDF"),
        pdf_name("マイナンバー管理デスク操作マニュアル", VERSION),
        QCoreApplication.translate("MainWindow", "PDF files (*.pdf)"),
    )
    if not path:
        return
    if not path.lower().endswith(".pdf"):
        path += ".pdf"

    def write(pdf: bytes) -> None:
        if save_bytes(window, path, pdf):
            window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "The manual was saved: %1").replace(
                    "%1", path
                ),
                8000,
            )

    window.context.run(lambda _session: manual.manual_pdf(), owner=window, on_done=write)
