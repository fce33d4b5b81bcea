"""GUI start: the first-run wizard or sign-in, then the main window; sign-out returns here."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from app.bootstrap import Workspace
from app.clock import SystemClock
from app.session import Session
from ui.application import create_application
from ui.tasks import DatabaseThread

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.signin_dialog import SignInDialog

log = logging.getLogger(__name__)


# packaging/smoke_frozen.py: the GUI starts, shows the sign-in window, says so and ends (a
# cancelled sign-in), so a frozen build can be checked to get that far without a display.
ENV_SMOKE_EXIT = "MYNUMBER_DESK_SMOKE_EXIT"


def _leave_when_shown(dialog: QDialog) -> None:
    from PySide6.QtCore import QTimer

    def leave() -> None:
        if dialog.isVisible():
            sys.stdout.write(f"smoke: {dialog.objectName()} shown: {dialog.windowTitle()}\n")
            sys.stdout.flush()
        dialog.reject()

    QTimer.singleShot(0, leave)


class Shell:
    """Owns the database thread and moves between sign-in and the main window."""

    def __init__(self, workspace: Workspace, db: DatabaseThread) -> None:
        self.workspace = workspace
        self.db = db
        self.window: MainWindow | None = None
        self.sign_in_dialog: SignInDialog | None = None
        self.capture_guard = None
        self.capture_failed = False

    def start(self) -> bool:
        if not self.workspace.has_data():
            from ui.first_run_wizard import FirstRunWizard

            wizard = FirstRunWizard(self.workspace, self.db)
            if wizard.exec() != QDialog.DialogCode.Accepted or wizard.session is None:
                return False
            return self.open_main(wizard.session)
        return self.sign_in()

    def sign_in(self, *, after_sign_out: bool = False) -> bool:
        """The sign-in dialog; cancelled, the program ends (asked first after a sign-out,
        when another member may be about to sign in)."""
        from ui.signin_dialog import SignInDialog

        dialog = SignInDialog(self.workspace, self.db, confirm_quit=after_sign_out)
        self.sign_in_dialog = dialog
        if os.environ.get(ENV_SMOKE_EXIT) == "1":
            _leave_when_shown(dialog)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.session is None:
                return False
            return self.open_main(dialog.session)
        finally:
            self.sign_in_dialog = None
            dialog.deleteLater()

    def open_main(self, session: Session) -> bool:
        from ui.main_window import MainWindow

        self.window = MainWindow(
            self.workspace, self.db, session, capture_failed=self.capture_failed
        )
        self.window.signed_out.connect(self._after_sign_out)
        self.window.show()
        return True

    def _after_sign_out(self) -> None:
        """The previous member's window goes before the sign-in dialog shows, so the next
        member never sees it (nor its 「サインイン中：…」) behind the dialog."""
        from PySide6.QtWidgets import QApplication

        previous, self.window = self.window, None
        # For a moment no window is on screen (the old one hidden, the dialog not yet shown
        # or just closed): that must not count as the last window closed.
        quit_on_close = QApplication.quitOnLastWindowClosed()
        QApplication.setQuitOnLastWindowClosed(False)
        try:
            if previous is not None:
                previous.hide()
            signed_in = self.sign_in(after_sign_out=True)
        finally:
            QApplication.setQuitOnLastWindowClosed(quit_on_close)
        if previous is not None:
            previous.deleteLater()
        if not signed_in:
            QApplication.quit()


def run_gui(data_dir: Path) -> int:
    app = create_application()
    from ui.errors import install_crash_dialog

    install_crash_dialog()
    db = DatabaseThread()
    workspace = Workspace(data_dir, SystemClock())
    # Held for the whole run (released by the OS when the process ends): no restore swaps the
    # database out from under this window.
    in_use = workspace.hold_in_use()
    shell = Shell(workspace, db)
    from ui import platform

    def capture_failed() -> None:
        shell.capture_failed = True
        if shell.window is not None:
            shell.window.show_capture_warning()

    shell.capture_guard = platform.install_capture_guard(app, on_failure=capture_failed)
    try:
        if not shell.start():
            return 0
        return app.exec()
    finally:
        from ui.clipboard import shared_clipboard

        shared_clipboard().clear_if_ours()
        db.shutdown()
        if in_use is not None:
            in_use.release()
